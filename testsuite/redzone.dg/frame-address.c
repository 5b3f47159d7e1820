/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The frame address is %rbp itself: it must reach the return value
   unchanged, never as an lea of %rbp that moved with the frame.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-omit-frame-pointer -mred-zone-size=32 -mred-zone-offset=16" } */

void *
frame_address (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = a[0] + 1;
  return __builtin_frame_address (0);
}

/* { dg-final { scan-assembler "movq\[ \t\]+%rbp, %rax" } } */
/* { dg-final { scan-assembler-not "leaq\[ \t\]+-?\[0-9\]+\\(%rbp\\), %rax" } } */
