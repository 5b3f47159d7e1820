/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -mred-zone-asm=allow: the user vouches for the asm.  Here the user is
   wrong: the push lands on the frame's top bytes, and rz-verify says so.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16 -mred-zone-asm=allow" } */

int
pushes (int a)
{
  volatile int x = a;
  __asm__ __volatile__ ("pushq %%rax\n\tpopq %%rax" ::: "memory");
  return x;
}

/* { dg-final { scan-report "function=pushes status=converted" } } */
/* { dg-final { scan-assembler-not "subq\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rz-verify "pushes" } } */
