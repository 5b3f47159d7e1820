/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A local array indexed by a variable: the whole frame moves, keeping its
   declared alignment.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=64 -mred-zone-offset=16" } */

int
lookup (int i, int a)
{
  int t[8] = { a, a + 1, a + 2, a + 3, a + 4, a + 5, a + 6, a + 7 };
  return t[i & 7];
}

/* { dg-final { scan-report "function=lookup status=converted frame=40 used=40" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -80 -16 } } */
