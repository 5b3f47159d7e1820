/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Over-aligned locals need stack realignment (DRAP).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=128 -mred-zone-offset=64" } */

int
realigned (int a)
{
  volatile int x[4] __attribute__ ((aligned (64)));
  x[0] = a;
  return x[0];
}

/* { dg-final { scan-report "function=realigned status=unchanged frame=\[0-9\]+ reason=realign" } } */
/* { dg-final { scan-assembler "andq\[ \t\]+\\\$-64, %rsp" } } */
