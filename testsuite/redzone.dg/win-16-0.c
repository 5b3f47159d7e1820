/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window N=16 at offset M=0: every frame access in [rsp-16, rsp-0).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=16 -mred-zone-offset=0" } */

long
window_16_0 (long a)
{
  volatile long x[2];
  for (int i = 0; i < (int) (sizeof x / sizeof x[0]); i++)
    x[i] = a + i;
  return x[0] + x[sizeof x / sizeof x[0] - 1];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -16 -0 } } */
/* { dg-final { scan-report "function=window_16_0 status=converted" } } */
