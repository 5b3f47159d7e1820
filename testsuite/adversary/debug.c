/* SPDX-License-Identifier: GPL-3.0-or-later */
/* debug.c -- gdb stops inside a converted function: the backtrace reaches
   main and the frame's locals read back right.  */
#include <stdio.h>

__attribute__ ((noinline)) int
leaf (int x, int y)
{
  volatile int v[4];
  volatile long w = x * 3L;
  v[0] = x; v[1] = y; v[2] = x + y; v[3] = x * y;
  __asm__ __volatile__ ("nop # stop here" ::: "memory");  /* gdb.exp stops here */
  return v[0] + v[1] + v[2] + v[3] + (int) w;
}

/* Shrink-wrapped at -O1 and up: the early return runs before the
   prologue.  */
__attribute__ ((noinline)) int
wrapped (int x, int n)
{
  if (n <= 0)
    return -1;
  volatile int u[3];
  u[0] = x; u[1] = n; u[2] = x - n;
  __asm__ __volatile__ ("nop # stop here too" ::: "memory");  /* and here */
  return u[0] * u[1] + u[2];
}

int
main (void)
{
  printf ("%d %d\n", leaf (3, 4), wrapped (5, 2));
  return 0;
}
