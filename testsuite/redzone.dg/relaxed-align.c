/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The same 32-byte array accessed only with constant indices: every access
   is a 4-byte integer access, so the array needs only 4-byte alignment and
   fits [rsp-48, rsp-16).  MEM_ALIGN is lowered to match (see doc).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

int
array8 (int a)
{
  volatile int x[8];
  x[0] = a; x[1] = a + 1; x[2] = a + 2; x[3] = a + 3;
  x[4] = a + 4; x[5] = a + 5; x[6] = a + 6; x[7] = a + 7;
  return x[0] + x[7];
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -48 -16 } } */
/* { dg-final { scan-report "function=array8 status=converted frame=40 used=32 lo=-48 hi=-16" } } */
