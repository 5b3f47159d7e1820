/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A shrink-wrapped leaf: the early return runs before the prologue.  The
   allocation goes; the early path, where %rsp never moved, is unchanged.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

int
early (const int *p, int n)
{
  if (n <= 0)
    return -1;
  volatile int t[4];
  for (int i = 0; i < 4; i++)
    t[i] = p[i] * n;
  return t[n & 3] + t[0];
}

/* { dg-final { scan-report "function=early status=converted frame=24 used=24 lo=-40 hi=-16" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\[^\n\]*, %rsp" } } */
/* { dg-final { rsp-window -48 -16 } } */
/* { dg-final { scan-assembler-times "\tret" 2 } } */
