/* SPDX-License-Identifier: GPL-3.0-or-later */
/* With a frame pointer: locals are %rbp-relative; the frame still moves
   into the window, and `leave' or `pop %rbp' still ends the function.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-omit-frame-pointer -mred-zone-size=32 -mred-zone-offset=16" } */

int
fp_array (int a, int b)
{
  volatile int x[4];
  x[0] = a; x[1] = b; x[2] = a + b; x[3] = a * b;
  return x[0] + x[1] + x[2] + x[3];
}

/* After push %rbp, %rbp = rsp_entry - 8 = rsp: the window [rsp-48, rsp-16)
   is [rbp-48, rbp-16); the array (4-byte accesses only) sits at rbp-32.  */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { scan-assembler "movl\[ \t\]+%edi, -32\\(%rbp\\)" } } */
/* { dg-final { scan-assembler-not "-(\[0-9\]|1\[0-5\])\\(%rbp\\)" } } */
/* { dg-final { scan-report "function=fp_array status=converted frame=16 used=16 lo=-32 hi=-16" } } */
