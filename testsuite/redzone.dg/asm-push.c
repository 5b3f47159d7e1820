/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inline asm that may touch the stack keeps the function unconverted unless
   -mred-zone-asm=allow says otherwise (see asm-allow.c).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

int
pushes (int a)
{
  volatile int x = a;
  __asm__ __volatile__ ("pushq %%rax\n\tpopq %%rax" ::: "memory");
  return x;
}

int
flags (int a)
{
  volatile int x = a;
  unsigned long f;
  __asm__ __volatile__ ("pushf; pop %0" : "=r" (f));
  return x + (int) f;
}

int
reads_rsp (int a)
{
  volatile int x = a;
  unsigned long sp;
  __asm__ ("mov %%rsp, %0" : "=r" (sp));
  return x + (int) sp;
}

int
harmless (int a)
{
  volatile int x = a;
  __asm__ __volatile__ ("lfence" ::: "memory");
  return x;
}

/* { dg-final { scan-report "function=pushes status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=flags status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=reads_rsp status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=harmless status=converted" } } */
