/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -masm=intel: the stack pointer in Intel syntax is found as well, and both
   halves of a dialect alternative are checked, whichever GCC emits.  */
/* { dg-do assemble } */
/* { dg-options "-O2 -masm=intel -mred-zone-size=32 -mred-zone-offset=16" } */

int
reads_rsp (int a)
{
  volatile int x = a;
  long v;
  __asm__ __volatile__ ("mov %0, QWORD PTR [rsp+8]" : "=r" (v) :: "memory");
  return x + (int) v;
}

int
moves (int a)
{
  volatile int x = a;
  int v;
  __asm__ __volatile__ ("{movl %1, %0|mov %0, %1}" : "=r" (v) : "r" (a));
  return x + v;
}

int
pushes_in_att_half (int a)
{
  volatile int x = a;
  __asm__ __volatile__ ("{pushq %%rax; popq %%rax|nop}" ::: "memory");
  return x;
}

/* { dg-final { scan-report "function=reads_rsp status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=moves status=converted" } } */
/* { dg-final { scan-report "function=pushes_in_att_half status=unchanged frame=\[0-9\]+ reason=asm" } } */
