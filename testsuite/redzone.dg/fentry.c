/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -pg -mfentry (ftrace): GCC makes every profiled function a non-leaf, but
   the `call __fentry__' is the function's first instruction, before the
   prologue, when nothing is live: a leaf that calls nothing else is still
   converted.  A function that is not instrumented has no such call.  */
/* { dg-do compile } */
/* { dg-options "-O2 -pg -mfentry -fno-pic -mred-zone-size=64 -mred-zone-offset=16" } */

long
traced (long x)
{
  volatile long a[4];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5; a[3] = x + 7;
  return a[0] + a[1] + a[2] + a[3];
}

__attribute__ ((no_instrument_function)) long
untraced (long x)
{
  volatile long a[2];
  a[0] = x; a[1] = x * 5;
  return a[0] ^ a[1];
}

/* { dg-final { scan-report "function=traced status=converted frame=\[0-9\]+ used=32 lo=-48 hi=-16 alloc=0 depth=0" } } */
/* { dg-final { scan-report "function=untraced status=converted" } } */
/* { dg-final { scan-assembler "\\ntraced:\\n\\.LFB\[0-9\]+:\\n\[ \t\]+\\.cfi_startproc\\n1:\[ \t\]+call\[ \t\]+__fentry__\\n" } } */
/* { dg-final { scan-assembler-times "call\[ \t\]+__fentry__" 1 } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -80 -16 } } */
