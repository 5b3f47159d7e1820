/* SPDX-License-Identifier: GPL-3.0-or-later */
/* M = 0: keeping the lowest N bytes of a too-big frame below %rsp leaves
   the allocation in place, so it is only done when the code gets smaller.
   Here sub $72 -> sub $40 saves nothing (both imm8) and every (%rsp)
   access would grow a displacement byte: the function is left alone.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=0" } */

int
big (int i, int a)
{
  int t[16];
  for (int j = 0; j < 16; j++)
    t[j] = a * j;
  return t[i & 15];
}

/* { dg-final { scan-report "function=big status=unchanged frame=72 reason=partial-no-gain" } } */
/* { dg-final { scan-assembler "subq\[ \t\]+\\\$72, %rsp" } } */
/* { dg-final { scan-assembler "addq\[ \t\]+\\\$72, %rsp" } } */
