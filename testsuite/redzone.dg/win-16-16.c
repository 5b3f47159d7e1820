/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window N=16 at offset M=16: every frame access in [rsp-32, rsp-16).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=16 -mred-zone-offset=16" } */

long
window_16_16 (long a)
{
  volatile int x[4];
  for (int i = 0; i < (int) (sizeof x / sizeof x[0]); i++)
    x[i] = a + i;
  return x[0] + x[sizeof x / sizeof x[0] - 1];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -32 -16 } } */
/* { dg-final { scan-report "function=window_16_16 status=converted" } } */
