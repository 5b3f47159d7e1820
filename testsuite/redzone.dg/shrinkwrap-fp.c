/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A shrink-wrapped leaf with a frame pointer: %rbp is set up on the
   wrapped path only, the allocation goes, and the frame moves below the
   gap (%rbp equals %rsp in the body: the window is [rbp-48, rbp-16)).  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-omit-frame-pointer -mred-zone-size=32 -mred-zone-offset=16" } */

int
early_fp (const int *p, int n)
{
  if (n <= 0)
    return -1;
  volatile int t[4];
  for (int i = 0; i < 4; i++)
    t[i] = p[i] * n;
  return t[n % 4] + t[0];
}

/* { dg-final { scan-report "function=early_fp status=converted frame=16 used=16 lo=-32 hi=-16" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\[^\n\]*, %rsp" } } */
/* { dg-final { scan-assembler "movl\[ \t\]+%ecx, -32\\(%rbp,%rdx,4\\)" } } */
/* { dg-final { scan-assembler-times "\tleave" 1 } } */
/* { dg-final { scan-assembler-times "\tret" 2 } } */
