/* SPDX-License-Identifier: MIT */
/* Checksums as a kernel uses them: CRC32 (bitwise and table-driven),
   CRC32C, the Internet checksum, Adler-32 and Fletcher-16.  */
#include "examples.h"

#define CRC32_POLY_LE 0xedb88320u
#define CRC32C_POLY_LE 0x82f63b78u

static u32 crc32_table[256];
static u32 crc32c_table[256];

static void
crc_init_table (u32 *table, u32 poly)
{
  for (u32 i = 0; i < 256; i++)
    {
      u32 c = i;
      for (int k = 0; k < 8; k++)
	c = (c >> 1) ^ (poly & -(c & 1));
      table[i] = c;
    }
}

void
crc_init (void)
{
  crc_init_table (crc32_table, CRC32_POLY_LE);
  crc_init_table (crc32c_table, CRC32C_POLY_LE);
}

u32
crc32_le_bitwise (u32 crc, const u8 *p, size_t len)
{
  while (len--)
    {
      crc ^= *p++;
      for (int k = 0; k < 8; k++)
	crc = (crc >> 1) ^ (CRC32_POLY_LE & -(crc & 1));
    }
  return crc;
}

u32
crc32_le (u32 crc, const u8 *p, size_t len)
{
  while (len--)
    crc = (crc >> 8) ^ crc32_table[(crc ^ *p++) & 0xff];
  return crc;
}

u32
crc32c_le (u32 crc, const u8 *p, size_t len)
{
  while (len--)
    crc = (crc >> 8) ^ crc32c_table[(crc ^ *p++) & 0xff];
  return crc;
}

/* GF(2) matrix times vector, for crc32_combine.  */
static u32
gf2_times (const u32 *mat, u32 vec)
{
  u32 sum = 0;
  while (vec)
    {
      if (vec & 1)
	sum ^= *mat;
      vec >>= 1;
      mat++;
    }
  return sum;
}

static void
gf2_square (u32 *square, const u32 *mat)
{
  for (int n = 0; n < 32; n++)
    square[n] = gf2_times (mat, mat[n]);
}

/* CRC of A followed by B, from crc(A), crc(B) and len(B) (zlib's method):
   two 128-byte operator matrices on the stack.  */
u32
crc32_combine (u32 crc1, u32 crc2, size_t len2)
{
  u32 even[32], odd[32];

  if (len2 == 0)
    return crc1;
  odd[0] = CRC32_POLY_LE;
  for (int n = 1, row = 1; n < 32; n++, row <<= 1)
    odd[n] = row;
  gf2_square (even, odd);
  gf2_square (odd, even);
  do
    {
      gf2_square (even, odd);
      if (len2 & 1)
	crc1 = gf2_times (even, crc1);
      len2 >>= 1;
      if (len2 == 0)
	break;
      gf2_square (odd, even);
      if (len2 & 1)
	crc1 = gf2_times (odd, crc1);
      len2 >>= 1;
    }
  while (len2);
  return crc1 ^ crc2;
}

static inline u16
csum_fold (u32 sum)
{
  sum = (sum & 0xffff) + (sum >> 16);
  sum = (sum & 0xffff) + (sum >> 16);
  return (u16) ~sum;
}

/* One's-complement sum of a buffer, 32 bits at a time.  */
u32
csum_partial (const void *buf, size_t len, u32 sum)
{
  const u8 *p = buf;
  u64 acc = sum;

  while (len >= 4)
    {
      u32 w;
      __builtin_memcpy (&w, p, 4);
      acc += w;
      p += 4;
      len -= 4;
    }
  if (len >= 2)
    {
      u16 h;
      __builtin_memcpy (&h, p, 2);
      acc += h;
      p += 2;
      len -= 2;
    }
  if (len)
    acc += *p;
  acc = (acc & 0xffffffff) + (acc >> 32);
  acc = (acc & 0xffffffff) + (acc >> 32);
  return (u32) acc;
}

u16
ip_fast_csum (const void *iph, unsigned int ihl)
{
  return csum_fold (csum_partial (iph, ihl * 4, 0));
}

/* Pseudo-header checksum for TCP/UDP over IPv4: the header is assembled
   in a local buffer, as the protocol defines it.  */
u16
csum_tcpudp_magic (u32 saddr, u32 daddr, u16 len, u8 proto, u32 sum)
{
  u8 ph[12];
  __builtin_memcpy (ph, &saddr, 4);
  __builtin_memcpy (ph + 4, &daddr, 4);
  ph[8] = 0;
  ph[9] = proto;
  ph[10] = len >> 8;
  ph[11] = len & 0xff;
  return csum_fold (csum_partial (ph, sizeof ph, sum));
}

u32
adler32 (u32 adler, const u8 *p, size_t len)
{
  u32 a = adler & 0xffff, b = adler >> 16;
  while (len)
    {
      size_t n = len < 5552 ? len : 5552;	/* no overflow before mod */
      len -= n;
      while (n--)
	{
	  a += *p++;
	  b += a;
	}
      a %= 65521;
      b %= 65521;
    }
  return (b << 16) | a;
}

/* Fletcher-16 over several scattered fragments, described by a small
   on-stack copy of the fragment list so the caller's may change.  */
u16
fletcher16_frags (const struct frag *frags, unsigned int nfrags)
{
  struct frag local[4];
  u32 s1 = 0, s2 = 0;
  unsigned int n = nfrags < 4 ? nfrags : 4;

  for (unsigned int i = 0; i < n; i++)
    local[i] = frags[i];
  for (unsigned int i = 0; i < n; i++)
    for (u16 j = 0; j < local[i].len; j++)
      {
	s1 = (s1 + local[i].base[j]) % 255;
	s2 = (s2 + s1) % 255;
      }
  return (u16) ((s2 << 8) | s1);
}
