/* SPDX-License-Identifier: GPL-3.0-or-later */
/* With a gap (M > 0) a frame bigger than the window is left alone: it would
   have to be split around the gap.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

int
big (int i, int a)
{
  int t[16];
  for (int j = 0; j < 16; j++)
    t[j] = a * j;
  return t[i & 15];
}

/* { dg-final { scan-report "function=big status=unchanged frame=72 reason=too-big" } } */
/* { dg-final { scan-assembler "subq\[ \t\]+\\\$72, %rsp" } } */
