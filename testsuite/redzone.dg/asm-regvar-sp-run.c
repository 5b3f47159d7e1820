/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The asm writes -8(%rsp) through a register variable: harmless below an
   allocated frame, but the top of the window at M = 0.  The function must
   stay unconverted and keep its result.  */
/* { dg-do run } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=0" } */
#include <stdlib.h>

register unsigned long current_stack_pointer __asm__ ("rsp");

__attribute__ ((noinline, noclone)) long
scribble_below (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = x + 1;
  __asm__ __volatile__ ("movq %1, -8(%0)" : : "r" (current_stack_pointer), "r" (-1L) : "memory");
  return a[0] + a[1];
}

int
main (void)
{
  for (long x = 0; x < 10; x++)
    if (scribble_below (x) != 2 * x + 1)
      abort ();
  return 0;
}
