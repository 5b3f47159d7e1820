/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Under -pg -mfentry only the call at the first instruction is harmless: a
   function with any other call insn keeps its frame, a sibling call too
   (which without -pg is fine, not-leaf.c), and so does every function with
   -minstrument-return=call (fentry-return.c).  */
/* { dg-do compile } */
/* { dg-options "-O2 -pg -mfentry -fno-pic -mred-zone-size=64 -mred-zone-offset=16" } */

extern long g (long);

long
caller (long x)
{
  volatile long a[2] = { x, x + 1 };
  return g (x) + a[0] + a[1];
}

long
tail (long x)
{
  volatile long a = x;
  long y = a;
  return g (y);
}

/* { dg-final { scan-report "function=caller status=unchanged frame=\[0-9\]+ reason=not-leaf" } } */
/* { dg-final { scan-report "function=tail status=unchanged frame=\[0-9\]+ reason=not-leaf" } } */
/* { dg-final { scan-assembler "jmp\[ \t\]+g\\n" } } */
