/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -pg without -mfentry calls mcount after the prologue: a leaf keeps its
   frame, reason profile (fentry.c has the call before the prologue).  */
/* { dg-do compile } */
/* { dg-options "-O2 -pg -fno-pic -mred-zone-size=64 -mred-zone-offset=16" } */

long
traced (long x)
{
  volatile long a[4];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5; a[3] = x + 7;
  return a[0] + a[1] + a[2] + a[3];
}

/* { dg-final { scan-report "function=traced status=unchanged frame=\[0-9\]+ reason=profile" } } */
/* { dg-final { scan-assembler "call\[ \t\]+mcount" } } */
