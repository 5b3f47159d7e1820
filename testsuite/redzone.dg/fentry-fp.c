/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -pg -mfentry with a frame pointer: GCC adds a use of %rbp to the
   prologue of every profiled function that has one (make_prologue_seq),
   which the prologue scan does not accept, so the function keeps its
   frame.  */
/* { dg-do compile } */
/* { dg-options "-O2 -pg -mfentry -fno-pic -fno-omit-frame-pointer -mred-zone-size=64 -mred-zone-offset=16" } */

long
traced (long x)
{
  volatile long a[4];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5; a[3] = x + 7;
  return a[0] + a[1] + a[2] + a[3];
}

/* { dg-final { scan-report "function=traced status=unchanged frame=\[0-9\]+ reason=prologue" } } */
