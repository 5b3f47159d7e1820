/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A frame that fits: a few scalars, a small struct and a 16-byte array
   live in [rsp-48, rsp-16) and %rsp never moves.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

int
array4 (int a, int b)
{
  volatile int x[4];
  x[0] = a; x[1] = b; x[2] = a + b; x[3] = a * b;
  return x[0] + x[1] + x[2] + x[3];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -48 -16 } } */
/* { dg-final { scan-report "function=array4 status=converted frame=24 used=16 lo=-32 hi=-16" } } */
