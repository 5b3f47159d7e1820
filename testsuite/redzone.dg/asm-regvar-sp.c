/* SPDX-License-Identifier: GPL-3.0-or-later */
/* %rsp reaches an asm through a register variable (Linux's
   current_stack_pointer, global or local).  That is its own REG rtx, not
   stack_pointer_rtx: the asm sees the stack pointer all the same.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=0" } */

register unsigned long current_stack_pointer __asm__ ("rsp");

long
global_regvar (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = x + 1;
  __asm__ __volatile__ ("movq %1, -8(%0)" : : "r" (current_stack_pointer), "r" (x) : "memory");
  return a[0] + a[1];
}

long
local_regvar (long x)
{
  register unsigned long sp __asm__ ("rsp");
  volatile long a[2];
  a[0] = x;
  a[1] = x + 1;
  __asm__ __volatile__ ("movq %1, -8(%0)" : : "r" (sp), "r" (x) : "memory");
  return a[0] + a[1];
}

/* Linux's ASM_CALL_CONSTRAINT: "+r" (current_stack_pointer).  */
long
call_constraint (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = x + 1;
  __asm__ __volatile__ ("" : "+r" (current_stack_pointer) : : "memory");
  return a[0] + a[1];
}

/* { dg-final { scan-report "function=global_regvar status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=local_regvar status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=call_constraint status=unchanged frame=\[0-9\]+ reason=asm" } } */
