/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rsp is 8 mod 16 at entry: a 16-byte-aligned 32-byte array has no place
   in [rsp-48, rsp-16).  Indexing it by a variable keeps the array's 16-byte
   alignment (the address escapes into an index computation), so the
   function stays exactly as -mno-red-zone makes it.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

int
array8 (int a)
{
  volatile int x[8];
  for (int i = 0; i < 8; i++)
    x[i] = a + i;
  return x[a & 7];
}

/* { dg-final { scan-assembler "subq\[ \t\]+\\\$40, %rsp" } } */
/* { dg-final { scan-assembler "addq\[ \t\]+\\\$40, %rsp" } } */
/* { dg-final { scan-report "function=array8 status=unchanged frame=40 reason=too-big" } } */
