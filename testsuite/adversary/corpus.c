/* SPDX-License-Identifier: GPL-3.0-or-later */
/* corpus.c -- leaf functions with frames, written to be converted by the
   plugin: register-pressure spills, local arrays and structs, 16-byte
   vector spills, byte and word accesses at odd offsets, many arguments.
   Locals are volatile where that is what forces them into the frame.  */
#include <stdarg.h>
#include "corpus.h"

struct pt { short x; char tag; int y; long z; };

long
pressure (const long *p, int n)
{
  long a = p[0], b = p[1], c = p[2], d = p[3], e = p[4], f = p[5], g = p[6],
       h = p[7], i = p[8], j = p[9], k = p[10], l = p[11], m = p[12];
  for (int t = 0; t < n; t++)
    {
      a += b * c; b ^= d + e; c -= f * g; d += h ^ i; e *= j + k; f += l - m;
      g ^= a; h += b; i ^= c; j += d; k -= e; l += f; m ^= g;
    }
  return a + b + c + d + e + f + g + h + i + j + k + l + m;
}

int
sorted_median (const int *in)
{
  int v[7];
  for (int i = 0; i < 7; i++)
    v[i] = in[i];
  for (int i = 1; i < 7; i++)
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        int t = v[j]; v[j] = v[j - 1]; v[j - 1] = t;
      }
  return v[3] * 3 + v[0] - v[6];
}

long
structs (int a, int b)
{
  volatile struct pt p[2];
  p[0].x = a; p[0].tag = b; p[0].y = a * b; p[0].z = (long) a << 33;
  p[1].x = b; p[1].tag = a; p[1].y = a - b; p[1].z = -(long) b;
  return p[0].x + p[0].tag + p[0].y + p[0].z + p[1].x + p[1].tag + p[1].y
         + p[1].z;
}

unsigned
bytes (const unsigned char *s, int n)
{
  volatile unsigned char hist[13];
  volatile unsigned short w[3];
  for (int i = 0; i < 13; i++)
    hist[i] = 0;
  for (int i = 0; i < n; i++)
    hist[s[i] % 13]++;
  w[0] = hist[1] | hist[2] << 8; w[1] = hist[5] * 7; w[2] = hist[12];
  unsigned h = 0;
  for (int i = 0; i < 13; i++)
    h = h * 31 + hist[i];
  return h ^ w[0] ^ w[1] ^ w[2];
}

float
vectors (const v4 *p, int n)
{
  v4 a = p[0], b = p[1], c = p[2], d = p[3], e = p[4], f = p[5], g = p[6],
     h = p[7], i = p[8], j = p[9], k = p[10], l = p[11], m = p[12], o = p[13],
     q = p[14], r = p[15], s = p[16], u = p[17];
  for (int t = 0; t < n; t++)
    {
      a += b * c; b -= d + e; c -= f * g; d += h * i; e *= j + k; f += l - m;
      g -= o * q; h += r; i += a; j -= b; k += c; l -= d; m += e; o -= f;
      q += g; r -= h; s += u * a; u -= s;
    }
  v4 z = a + b + c + d + e + f + g + h + i + j + k + l + m + o + q + r + s + u;
  return z[0] + z[1] * 2 + z[2] * 3 + z[3] * 4;
}

int
indexed (int i, int a)
{
  int t[12];
  for (int j = 0; j < 12; j++)
    t[j] = a * j + (j ^ a);
  return t[i % 12] + t[(i * 7) % 12];
}

long
many_args (long a, long b, long c, long d, long e, long f, long g, long h)
{
  volatile long x[3] = { a + g, b + h, c - g };
  return x[0] * 3 + x[1] + x[2] + d + e + f + g * h;
}

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
