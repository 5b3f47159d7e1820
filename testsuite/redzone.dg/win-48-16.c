/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window N=48 at offset M=16: every frame access in [rsp-64, rsp-16).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=48 -mred-zone-offset=16" } */

long
window_48_16 (long a)
{
  volatile long x[5];
  for (int i = 0; i < (int) (sizeof x / sizeof x[0]); i++)
    x[i] = a + i;
  return x[0] + x[sizeof x / sizeof x[0] - 1];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -64 -16 } } */
/* { dg-final { scan-report "function=window_48_16 status=converted" } } */
