/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Jumps are harmless only when they stay in the template (a local label it
   defines) or go to an asm goto label; an indirect jump or a jump to
   another symbol may land anywhere.  */
/* { dg-do assemble } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

#include "asm-fn.h"

F (forward, "jmp 1f\n\tnop\n1:")
F (unique_label, "jz .Lrz_out%=\n\tnop\n.Lrz_out%=:")
F (to_symbol, "jmp rz_elsewhere")

int
backward (int a)
{
  volatile int x = a;
  int n = a;
  __asm__ __volatile__ ("1:\tdecl %0\n\tjnz 1b" : "+r" (n));
  return x + n;
}

int
indirect (int a, void *target)
{
  volatile int x = a;
  __asm__ __volatile__ ("jmp *%0" :: "r" (target) : "memory");
  return x;
}

/* The target is in another asm of the same function.  */
int
other_asm (int a)
{
  volatile int x = a;
  __asm__ __volatile__ ("jmp 1f" ::: "memory");
  __asm__ __volatile__ ("1:" ::: "memory");
  return x;
}

int
goto_label (int a)
{
  volatile int x = a;
  __asm__ goto ("testl %0, %0\n\tjnz %l[nonzero]" :: "r" (a) :: nonzero);
  return x;
nonzero:
  return x + 1;
}

/* { dg-final { scan-report "function=forward status=converted" } } */
/* { dg-final { scan-report "function=unique_label status=converted" } } */
/* { dg-final { scan-report "function=backward status=converted" } } */
/* { dg-final { scan-report "function=goto_label status=converted" } } */
/* { dg-final { scan-report "function=to_symbol status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=indirect status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=other_asm status=unchanged frame=\[0-9\]+ reason=asm" } } */
