/* SPDX-License-Identifier: GPL-3.0-or-later */
/* shapes.c -- leaf functions in the shapes that once broke the promise:
   indirect jumps (retpolines lower %rsp while the frame is live), the
   frame address, %rsp reached through a register variable, instructions
   written as data, cold partitions; and frames of every size from 8 to 128
   bytes, so that every window setting has a function that fills it to the
   byte and the negative controls find something to break at both ends.  */
#include "corpus.h"

long
jump_table (int i, long x)
{
  volatile long a[3];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5;
  switch (i & 7)
    {
    case 0: return a[0] + 1;
    case 1: return a[1] * 2;
    case 2: return a[2] - a[0];
    case 3: return a[2] ^ a[1];
    case 4: return a[0] * a[2];
    case 5: return a[2] + 9;
    case 6: return a[1] - 3;
    default: return a[1] + a[2];
    }
}

long
computed_goto (int i, long x)
{
  static void *const t[] = { &&l0, &&l1, &&l2, &&l3 };
  volatile long a[2];
  long n = 0;
  a[0] = x;
  a[1] = x * 5;
 again:
  n++;
  goto *t[(i + n) & 3];
 l0: a[0] += a[1]; if (n < 6) goto again; return a[0] * n;
 l1: a[1] ^= a[0]; if (n < 6) goto again; return a[1] + n;
 l2: a[0] -= 7; goto again;
 l3: return a[0] + a[1] + n;
}

/* A frame-pointer unwinder's first step from a leaf: fp[1] is the return
   address.  The copy through the empty asm is what an unwinder holds.  */
long
frame_address (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = x * 3;
  void **fp = (void **) __builtin_frame_address (0);
  __asm__ ("" : "+r" (fp));
  return (fp[1] == __builtin_return_address (0)) + a[0] + a[1];
}

/* Linux's current_stack_pointer: a register variable bound to %rsp.  */
register unsigned long current_stack_pointer __asm__ ("rsp");

long
regvar_sp (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = x + 1;
  __asm__ __volatile__ ("movq %1, -8(%0)" : : "r" (current_stack_pointer),
                        "r" (~x) : "memory");
  return a[0] + a[1];
}

/* push %rax; pop %rax, written as bytes: writes [rsp-8, rsp).  */
long
byte_asm (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = x * 7;
  __asm__ __volatile__ (".byte 0x50, 0x58" : : "a" (~x) : "memory");
  return a[0] + a[1];
}

/* The rare path goes to the function's .cold partition at -O2: its frame
   accesses run there.  */
long
cold_path (const long *p, int n)
{
  volatile long t[3];
  t[0] = p[0]; t[1] = p[1]; t[2] = p[2];
  if (__builtin_expect (n % 7 == 3, 0))
    {
      for (int i = 0; i < 3; i++)
        t[i] = t[(i + 1) % 3] * 3 + p[i + 3];
      return t[0] + t[1] + t[2];
    }
  return t[0] ^ t[2];
}

__attribute__ ((cold)) long
cold_function (long x)
{
  volatile long t[3];
  t[0] = x; t[1] = x * x; t[2] = t[0] + t[1];
  return t[0] + t[1] * 2 + t[2] * 3;
}

/* fill_K: K live longs, 8*K bytes, written first and read last, each at a
   constant index so that the frame spans exactly 8*K bytes (an indexed
   access would make the whole padded frame count).  Indices at or above K
   fold to 0.  */
#define AT(i) a[(i) < K ? (i) : 0]
#define EACH(X) X (0) X (1) X (2) X (3) X (4) X (5) X (6) X (7) X (8) X (9) \
  X (10) X (11) X (12) X (13) X (14) X (15)
#define PUT(i) AT (i) = x * ((i) + 1) ^ (i);
#define GET(i) s = s * 3 + AT (i);
#define FILL(k)                                                          \
  long fill_##k (long x)                                                \
  {                                                                     \
    enum { K = k };                                                     \
    volatile long a[K];                                                 \
    long s = 0;                                                         \
    EACH (PUT)                                                          \
    EACH (GET)                                                          \
    return s;                                                           \
  }
FILLS (FILL)
