/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Incoming stack arguments are addressed above the frame: they move by -K
   only, never into the window.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=64 -mred-zone-offset=16" } */

long
many (long a, long b, long c, long d, long e, long f, long g, long h)
{
  volatile long x[3] = { a + g, b + h, c };
  return x[0] + x[1] + x[2] + d + e + f;
}

/* g and h are at 8(%rsp) and 16(%rsp) once %rsp no longer moves.  */
/* { dg-final { scan-report "function=many status=converted" } } */
/* { dg-final { scan-assembler "8\\(%rsp\\)" } } */
/* { dg-final { scan-assembler "16\\(%rsp\\)" } } */
/* { dg-final { rsp-window -80 -16 8 } } */
