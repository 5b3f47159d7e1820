/* SPDX-License-Identifier: GPL-3.0-or-later */
/* N = 0: the plugin changes nothing.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=0" } */

int
f (int a)
{
  volatile int x[4] = { a, a, a, a };
  return x[1];
}

/* { dg-final { scan-assembler "subq\[ \t\]+\\\$24, %rsp" } } */
/* { dg-final { scan-assembler "addq\[ \t\]+\\\$24, %rsp" } } */
/* { dg-final { scan-report-not "function=" } } */
