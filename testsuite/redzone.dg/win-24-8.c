/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window N=24 at offset M=8: every frame access in [rsp-32, rsp-8).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=24 -mred-zone-offset=8" } */

long
window_24_8 (long a)
{
  volatile long x[3];
  for (int i = 0; i < (int) (sizeof x / sizeof x[0]); i++)
    x[i] = a + i;
  return x[0] + x[sizeof x / sizeof x[0] - 1];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -32 -8 } } */
/* { dg-final { scan-report "function=window_24_8 status=converted" } } */
