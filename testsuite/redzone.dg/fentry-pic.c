/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -pg -mfentry -fpic: the first instruction calls __fentry__ through the
   GOT; converted as with the direct call.  */
/* { dg-do compile } */
/* { dg-options "-O2 -pg -mfentry -fpic -mred-zone-size=64 -mred-zone-offset=16" } */

long
traced (long x)
{
  volatile long a[4];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5; a[3] = x + 7;
  return a[0] + a[1] + a[2] + a[3];
}

/* { dg-final { scan-report "function=traced status=converted" } } */
/* { dg-final { scan-assembler "\\ntraced:\\n\\.LFB\[0-9\]+:\\n\[ \t\]+\\.cfi_startproc\\n1:\[ \t\]+call\[ \t\]+\\*__fentry__@GOTPCREL\\(%rip\\)\\n" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -80 -16 } } */
