/* SPDX-License-Identifier: GPL-3.0-or-later */
/* __attribute__((no_red_zone)) opts one function out.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

__attribute__ ((no_red_zone)) int
kept (int a)
{
  volatile int x = a;
  return x;
}

int
converted (int a)
{
  volatile int x = a;
  return x;
}

/* { dg-final { scan-report "function=kept status=unchanged frame=16 reason=no_red_zone" } } */
/* { dg-final { scan-report "function=converted status=converted" } } */
/* { dg-final { scan-assembler-times "subq\[ \t\]+\\\$16, %rsp" 1 } } */
