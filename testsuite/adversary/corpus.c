/* SPDX-License-Identifier: GPL-3.0-or-later */
/* corpus.c -- leaf functions with frames, written to be converted by the
   plugin: register-pressure spills, local arrays and structs, 16-byte
   vector spills, byte and word accesses at odd offsets, many arguments.
   Locals are volatile where that is what forces them into the frame.  */
#include <stdarg.h>
#include "corpus.h"

/* The functions the dg twins share (bodies.h), as ordinary functions.  */
#define DEFINE(ret, name, params, ...) ret name params __VA_ARGS__
#include "bodies.h"

unsigned
odd_offsets (unsigned x)
{
  volatile unsigned char b[7];
  volatile unsigned short w;
  for (int i = 0; i < 7; i++)
    b[i] = x >> i;
  w = b[1] | b[3] << 8;
  return b[0] + b[2] * 3u + b[6] * 5u + w;
}

unsigned
crc_small (const unsigned char *s, int n)
{
  unsigned table[16];
  for (unsigned i = 0; i < 16; i++)
    {
      unsigned c = i;
      for (int k = 0; k < 4; k++)
        c = c & 1 ? (c >> 1) ^ 0xedb88320u : c >> 1;
      table[i] = c;
    }
  unsigned crc = ~0u;
  for (int i = 0; i < n; i++)
    {
      crc = table[(crc ^ s[i]) & 15] ^ (crc >> 4);
      crc = table[(crc ^ (s[i] >> 4)) & 15] ^ (crc >> 4);
    }
  return ~crc;
}

unsigned long
bits (unsigned long x)
{
  volatile unsigned long parts[4];
  parts[0] = __builtin_popcountl (x);
  parts[1] = x ? __builtin_ctzl (x) : 64;
  parts[2] = (x >> 17) | (x << 47);
  parts[3] = __builtin_bswap64 (x);
  return parts[0] * 131 + parts[1] * 7 + (parts[2] ^ parts[3]);
}

int
str_ops (const char *a, const char *b)
{
  char buf[24];
  int n = 0;
  while (a[n] && n < 11)
    {
      buf[n] = a[n];
      n++;
    }
  for (int i = 0; b[i] && n < 23; i++)
    buf[n++] = b[i];
  buf[n] = 0;
  int h = 0;
  for (int i = 0; buf[i]; i++)
    h = h * 33 + buf[i];
  return h ^ n;
}

/* A frame over 128 bytes: at M = 0 the plugin keeps its lowest N bytes
   below %rsp and allocates the rest, so both parts are live at once.  */
long
big_frame (const unsigned char *s, int n)
{
  long t[20];
  for (int j = 0; j < 20; j++)
    t[j] = s[j] * (j + 1) + n;
  for (int j = 1; j < 20; j++)
    t[j] ^= t[j - 1] >> 3;
  return t[n % 20] + t[(n * 7) % 20] + t[19];
}

/* Shrink-wrapped: the early return runs before the prologue.  */
int
early_exit (const unsigned char *s, int n)
{
  if (n < 3)
    return n;
  volatile unsigned t[5];
  for (int j = 0; j < 5; j++)
    t[j] = s[j] * n + j;
  return t[n % 5] ^ t[(n + 2) % 5];
}

/* Shrink-wrapped with callee-saved registers: the pushes and the frame are
   only on the long path.  */
long
wrapped_pushes (const long *p, int n)
{
  if (n <= 0)
    return -1;
  volatile long t[2];
  long a = p[0], b = p[1], c = p[2], d = p[3], e = p[4], f = p[5], g = p[6],
       h = p[7];
  t[1] = n;
  for (int i = 0; i < n; i++)
    {
      a += b * c; b ^= d + e; c -= f * g; d += h ^ a; e *= a | 1;
      f += c; g ^= b; h += d * e;
      t[i & 1] = a + h;
    }
  return a + b + c + d + e + f + g + h + t[0] + t[1];
}

/* Shrink-wrapped with the prologue on the loop's entry edge: at -O1 and
   -Os GCC puts it in a block laid out after the loop.  The bt operand
   forces STATUS into the frame.  */
unsigned char rec_format;

static inline int
bit_set (long nr, const unsigned long *addr)
{
  _Bool r;
  __asm__ __volatile__ ("btq %2,%1" : "=@ccc" (r) : "m" (*addr), "Ir" (nr)
                        : "memory");
  return r;
}

long
find_record (const unsigned long *base, const unsigned long *top, int bit,
             unsigned long mask)
{
  if ((rec_format & 15) < 1)
    return -2;
  if (!base)
    return -3;
  for (const unsigned long *at = base; at < top; at += 4)
    {
      unsigned long status = (rec_format & 15) < 4 ? at[3] : at[1];
      if (bit_set (bit, &status))
        {
          if ((rec_format & 15) >= 3)
            return at - base;
          if (status == 1UL << bit)
            return at - base;
          if ((status & mask) == 1UL << bit)
            return at - base;
        }
    }
  return -1;
}

/* Varargs: va_start's addresses could be the frame's or the caller's, so
   the frame does not move; with M = 0 and a frame no larger than N, %rsp
   simply stops above it (a partial frame that removes the allocation).  */
long
sum_va (int n, ...)
{
  va_list ap;
  long s = 0;
  va_start (ap, n);
  for (int i = 0; i < n; i++)
    s = s * 31 + va_arg (ap, long);
  va_end (ap);
  return s;
}
