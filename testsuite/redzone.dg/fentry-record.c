/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -pg -mfentry -mrecord-mcount, as Linux builds without objtool: the call
   is still the first instruction, and its address goes into __mcount_loc
   for dynamic ftrace to patch.  At M = 0 the call's return address lands
   in the window's top 8 bytes, where nothing is live yet.  */
/* { dg-do compile } */
/* { dg-options "-O2 -pg -mfentry -mrecord-mcount -fno-pic -mred-zone-size=32 -mred-zone-offset=0" } */

long
traced (long x)
{
  volatile long a[4];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5; a[3] = x + 7;
  return a[0] + a[1] + a[2] + a[3];
}

/* { dg-final { scan-report "function=traced status=converted frame=\[0-9\]+ used=32 lo=-32 hi=0 alloc=0 depth=0" } } */
/* { dg-final { scan-assembler "\\ntraced:\\n\\.LFB\[0-9\]+:\\n\[ \t\]+\\.cfi_startproc\\n1:\[ \t\]+call\[ \t\]+__fentry__\\n" } } */
/* { dg-final { scan-assembler "\\.section\[ \t\]+__mcount_loc" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -32 0 } } */
