/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Kernel-style flags do not stop conversion.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=64 -mred-zone-offset=64 -mgeneral-regs-only -mcmodel=kernel -fno-pic -fno-omit-frame-pointer -fstack-protector-strong -fasynchronous-unwind-tables -g -ffreestanding -fno-strict-aliasing" } */

struct list { struct list *next, *prev; };

unsigned long
mix (unsigned long a, unsigned long b)
{
  volatile unsigned long t[2] = { a ^ b, a + b };
  return t[0] * 31 + t[1];
}

/* -fstack-protector-strong adds a call to __stack_chk_fail to functions
   with arrays: they are no longer leaves.  Scalars are fine.  */
unsigned long
scalar (unsigned long a)
{
  volatile unsigned long t = a * 3;
  return t + 1;
}

/* { dg-final { scan-report "function=mix status=unchanged frame=\[0-9\]+ reason=not-leaf" } } */
/* { dg-final { scan-report "function=scalar status=converted" } } */
/* { dg-final { scan-assembler "\\.cfi_startproc" } } */
