/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -pg -mfentry -mrecord-mcount -mnop-mcount: the first instruction is the
   5-byte nop that dynamic ftrace later patches into a call of
   ftrace_caller; converted as with the call.  */
/* { dg-do compile } */
/* { dg-options "-O2 -pg -mfentry -mrecord-mcount -mnop-mcount -fno-pic -mred-zone-size=32 -mred-zone-offset=16" } */

long
traced (long x)
{
  volatile long a[4];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5; a[3] = x + 7;
  return a[0] + a[1] + a[2] + a[3];
}

/* { dg-final { scan-report "function=traced status=converted frame=\[0-9\]+ used=32 lo=-48 hi=-16 alloc=0 depth=0" } } */
/* { dg-final { scan-assembler "\\ntraced:\\n\\.LFB\[0-9\]+:\\n\[ \t\]+\\.cfi_startproc\\n1:\[ \t\]+\\.byte\[ \t\]+0x0f, 0x1f, 0x44, 0x00, 0x00\\n" } } */
/* { dg-final { scan-assembler "\\.section\[ \t\]+__mcount_loc" } } */
/* { dg-final { scan-assembler-not "call" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -48 -16 } } */
