/* SPDX-License-Identifier: GPL-3.0-or-later */
/* __builtin_frame_address (0) must keep its value in a converted leaf: a
   frame-pointer unwinder started there reads the saved %rbp at fp[0] and
   the return address at fp[1].  With %rbp set after the last push, %rbp is
   the top of the frame GCC laid out, and a move of the frame must not
   take %rbp's value with it.  Included by frame-address-*.c.  */
#include <stdlib.h>

#define NI __attribute__ ((noinline, noclone))

NI long
unwind_one (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = x * 3;
  void **fp = (void **) __builtin_frame_address (0);
  __asm__ ("" : "+r" (fp));     /* a copy of %rbp, as an unwinder holds it */
  long ok = fp[1] == __builtin_return_address (0);
  return ok + a[0] + a[1];
}

/* The frame address escapes: it is compared, not dereferenced.  */
NI long
frame_below (long x)
{
  volatile char buf[16];
  for (int i = 0; i < 16; i++)
    buf[i] = x + i;
  char *fp = (char *) __builtin_frame_address (0);
  return ((char *) &buf[15] < fp) + buf[3];
}

int
main (void)
{
  for (long x = 0; x < 100; x++)
    if (unwind_one (x) != 1 + 4 * x
        || frame_below (x) != 1 + (char) (x + 3))
      abort ();
  return 0;
}
