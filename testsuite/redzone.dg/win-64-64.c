/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Window N=64 at offset M=64: every frame access in [rsp-128, rsp-64).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=64 -mred-zone-offset=64" } */

long
window_64_64 (long a)
{
  volatile int x[12];
  for (int i = 0; i < (int) (sizeof x / sizeof x[0]); i++)
    x[i] = a + i;
  return x[0] + x[sizeof x / sizeof x[0] - 1];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -128 -64 } } */
/* { dg-final { scan-report "function=window_64_64 status=converted" } } */
