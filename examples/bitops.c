/* SPDX-License-Identifier: MIT */
/* Bit manipulation as in lib/bitmap.c and lib/find_bit.c.  */
#include "examples.h"

unsigned long
find_next_bit (const u64 *addr, unsigned long size, unsigned long off)
{
  if (off >= size)
    return size;
  unsigned long i = off / 64;
  u64 w = addr[i] & (~0ull << (off % 64));
  for (;;)
    {
      if (w)
	{
	  unsigned long r = i * 64 + __builtin_ctzll (w);
	  return r < size ? r : size;
	}
      if (++i * 64 >= size)
	return size;
      w = addr[i];
    }
}

unsigned long
find_next_zero_bit (const u64 *addr, unsigned long size, unsigned long off)
{
  if (off >= size)
    return size;
  unsigned long i = off / 64;
  u64 w = ~addr[i] & (~0ull << (off % 64));
  for (;;)
    {
      if (w)
	{
	  unsigned long r = i * 64 + __builtin_ctzll (w);
	  return r < size ? r : size;
	}
      if (++i * 64 >= size)
	return size;
      w = ~addr[i];
    }
}

/* Population count without the popcnt instruction (generic kernels).  */
static inline unsigned int
hweight64 (u64 w)
{
  w -= (w >> 1) & 0x5555555555555555ull;
  w = (w & 0x3333333333333333ull) + ((w >> 2) & 0x3333333333333333ull);
  w = (w + (w >> 4)) & 0x0f0f0f0f0f0f0f0full;
  return (w * 0x0101010101010101ull) >> 56;
}

unsigned long
bitmap_weight (const u64 *src, unsigned long nbits)
{
  unsigned long w = 0, k;
  for (k = 0; k < nbits / 64; k++)
    w += hweight64 (src[k]);
  if (nbits % 64)
    w += hweight64 (src[k] & ((1ull << (nbits % 64)) - 1));
  return w;
}

bool
bitmap_and (u64 *dst, const u64 *a, const u64 *b, unsigned long nbits)
{
  u64 any = 0;
  for (unsigned long k = 0; k < BITS_TO_LONGS (nbits); k++)
    any |= (dst[k] = a[k] & b[k]);
  return any != 0;
}

u32
bitrev32 (u32 x)
{
  x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
  x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
  x = ((x >> 4) & 0x0f0f0f0fu) | ((x & 0x0f0f0f0fu) << 4);
  return __builtin_bswap32 (x);
}

/* Shift a bitmap of up to 256 bits left by N, through a local copy so
   that DST may alias SRC.  */
void
bitmap_shift_left (u64 *dst, const u64 *src, unsigned int n, unsigned int nbits)
{
  u64 tmp[4];
  unsigned int lim = BITS_TO_LONGS (nbits), off = n / 64, rem = n % 64;

  if (lim > 4)
    lim = 4;
  for (unsigned int k = 0; k < lim; k++)
    tmp[k] = src[k];
  for (int k = lim - 1; k >= 0; k--)
    {
      u64 upper = (k >= (int) off) ? tmp[k - off] : 0;
      u64 lower = (rem && k > (int) off) ? tmp[k - off - 1] : 0;
      dst[k] = rem ? (upper << rem) | (lower >> (64 - rem)) : upper;
    }
  if (nbits % 64)
    dst[lim - 1] &= (1ull << (nbits % 64)) - 1;
}

/* Print a bitmap as a range list ("0-3,8,10-11") as bitmap_print_to_pagebuf
   does; the ranges are collected first in a local array.  */
int
bitmap_list_string (char *buf, size_t len, const u64 *map, unsigned long nbits)
{
  struct { u16 lo, hi; } r[8];
  int nr = 0;
  size_t o = 0;
  unsigned long b = find_next_bit (map, nbits, 0);

  while (b < nbits && nr < 8)
    {
      unsigned long e = find_next_zero_bit (map, nbits, b);
      r[nr].lo = b;
      r[nr].hi = e - 1;
      nr++;
      b = find_next_bit (map, nbits, e);
    }
  for (int i = 0; i < nr; i++)
    {
      char num[12];
      for (int part = 0; part < (r[i].lo == r[i].hi ? 1 : 2); part++)
	{
	  unsigned int v = part ? r[i].hi : r[i].lo, k = 0;
	  do
	    num[k++] = '0' + v % 10;
	  while ((v /= 10) && k < sizeof num);
	  if (o + k + 2 > len)
	    return -1;
	  if (part)
	    buf[o++] = '-';
	  else if (i)
	    buf[o++] = ',';
	  while (k)
	    buf[o++] = num[--k];
	}
    }
  buf[o] = '\0';
  return o;
}

/* Gray code helpers and parity, used by some encoders.  */
u64
gray_encode (u64 x)
{
  return x ^ (x >> 1);
}

u64
gray_decode (u64 g)
{
  for (unsigned int s = 1; s < 64; s <<= 1)
    g ^= g >> s;
  return g;
}

bool
parity64 (u64 x)
{
  x ^= x >> 32;
  x ^= x >> 16;
  x ^= x >> 8;
  x ^= x >> 4;
  return (0x6996 >> (x & 15)) & 1;
}
