/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -mfunction-return=thunk*: `ret' becomes a jump to a return thunk that
   calls again, but it runs after the epilogue, when the frame is dead: the
   whole window stays usable (depth 0).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mfunction-return=thunk-inline -mred-zone-size=32 -mred-zone-offset=16" } */

long
sum4 (long x)
{
  volatile long a[4];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5; a[3] = x + 7;
  return a[0] + a[1] + a[2] + a[3];
}

/* { dg-final { scan-assembler "call\[ \t\]+\\.LIND" } } */
/* { dg-final { scan-report "function=sum4 status=converted frame=\[0-9\]+ used=32 lo=-48 hi=-16 alloc=0 depth=0" } } */
