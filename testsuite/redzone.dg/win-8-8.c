/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window N=8 at offset M=8: every frame access in [rsp-16, rsp-8).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=8 -mred-zone-offset=8" } */

long
window_8_8 (long a)
{
  volatile long x[1];
  for (int i = 0; i < (int) (sizeof x / sizeof x[0]); i++)
    x[i] = a + i;
  return x[0] + x[sizeof x / sizeof x[0] - 1];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -16 -8 } } */
/* { dg-final { scan-report "function=window_8_8 status=converted" } } */
