/* debug.c -- gdb stops inside a converted function: the backtrace reaches
   main and the frame's locals read back right.  */
#include <stdio.h>

__attribute__ ((noinline)) int
leaf (int x, int y)
{
  volatile int v[4];
  volatile long w = x * 3L;
  v[0] = x; v[1] = y; v[2] = x + y; v[3] = x * y;
  __asm__ __volatile__ ("nop # stop here" ::: "memory");  /* line 11 */
  return v[0] + v[1] + v[2] + v[3] + (int) w;
}

int
main (void)
{
  printf ("%d\n", leaf (3, 4));
  return 0;
}
