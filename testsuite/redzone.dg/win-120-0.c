/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window N=120 at offset M=0: every frame access in [rsp-120, rsp-0).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=120 -mred-zone-offset=0" } */

long
window_120_0 (long a)
{
  volatile long x[14];
  for (int i = 0; i < (int) (sizeof x / sizeof x[0]); i++)
    x[i] = a + i;
  return x[0] + x[sizeof x / sizeof x[0] - 1];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -120 -0 } } */
/* { dg-final { scan-report "function=window_120_0 status=converted" } } */
