/* SPDX-License-Identifier: GPL-3.0-or-later */
/* M = 0: a frame bigger than the window keeps its lowest N bytes below %rsp
   and allocates only the rest, as GCC's own 128-byte zone does.  It pays
   when the allocation's immediate drops below 128 (imm32 -> imm8, three
   bytes each in the sub and the add).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=120 -mred-zone-offset=0" } */

int
big (int i, int a)
{
  int t[36];
  for (int j = 0; j < 36; j++)
    t[j] = a * j;
  return t[i % 36];
}

/* K = 152: 120 bytes below %rsp, 32 still allocated.  The addresses stay
   where they were, so 16-byte SSE stores keep their alignment.  */
/* { dg-final { scan-report "function=big status=converted frame=152 used=152 lo=-120 hi=32 alloc=32" } } */
/* { dg-final { scan-assembler "subq\[ \t\]+\\\$32, %rsp" } } */
/* { dg-final { scan-assembler "addq\[ \t\]+\\\$32, %rsp" } } */
/* { dg-final { scan-assembler-not "\\\$152" } } */
/* { dg-final { rsp-window -120 32 } } */
