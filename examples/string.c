/* SPDX-License-Identifier: MIT */
/* String and memory routines in the style of lib/string.c and
   lib/vsprintf.c.  */
#include "examples.h"

size_t
k_strnlen (const char *s, size_t max)
{
  const char *p = s;
  while (max-- && *p)
    p++;
  return p - s;
}

/* Copy at most SIZE-1 bytes, always terminate; -1 on truncation.  */
long
k_strscpy (char *dst, const char *src, size_t size)
{
  size_t i;
  if (size == 0)
    return -1;
  for (i = 0; i < size - 1 && src[i]; i++)
    dst[i] = src[i];
  dst[i] = '\0';
  return src[i] ? -1 : (long) i;
}

int
k_memcmp (const void *a, const void *b, size_t n)
{
  const u8 *x = a, *y = b;
  for (; n; n--, x++, y++)
    if (*x != *y)
      return *x - *y;
  return 0;
}

void *
k_memchr (const void *s, int c, size_t n)
{
  const u8 *p = s;
  for (; n; n--, p++)
    if (*p == (u8) c)
      return (void *) p;
  return NULL;
}

void *
k_memmove (void *dst, const void *src, size_t n)
{
  u8 *d = dst;
  const u8 *s = src;
  if (d < s)
    while (n--)
      *d++ = *s++;
  else
    while (n--)
      d[n] = s[n];
  return dst;
}

/* Swap two equal-sized objects through a bounce buffer on the stack,
   as sort() does for elements of unusual size.  */
void
k_memswap (void *a, void *b, size_t n)
{
  u8 tmp[32];
  u8 *x = a, *y = b;
  while (n)
    {
      size_t c = n < sizeof tmp ? n : sizeof tmp;
      for (size_t i = 0; i < c; i++)
	tmp[i] = x[i];
      for (size_t i = 0; i < c; i++)
	x[i] = y[i];
      for (size_t i = 0; i < c; i++)
	y[i] = tmp[i];
      x += c;
      y += c;
      n -= c;
    }
}

char *
k_strsep (char **s, const char *ct)
{
  char *start = *s, *p;
  if (!start)
    return NULL;
  for (p = start; *p; p++)
    for (const char *d = ct; *d; d++)
      if (*p == *d)
	{
	  *p = '\0';
	  *s = p + 1;
	  return start;
	}
  *s = NULL;
  return start;
}

/* Format an unsigned number in BASE into BUF (size LEN); digits are
   produced backwards into a local buffer first.  Returns the length.  */
int
k_utoa (char *buf, size_t len, u64 v, unsigned int base, bool upper)
{
  static const char lower_digits[] = "0123456789abcdef";
  static const char upper_digits[] = "0123456789ABCDEF";
  const char *digits = upper ? upper_digits : lower_digits;
  char tmp[24];
  int n = 0, i;

  if (base < 2 || base > 16)
    return -1;
  do
    {
      tmp[n++] = digits[v % base];
      v /= base;
    }
  while (v);
  if ((size_t) n + 1 > len)
    return -1;
  for (i = 0; i < n; i++)
    buf[i] = tmp[n - 1 - i];
  buf[n] = '\0';
  return n;
}

/* kstrtoull: parse with an optional 0x / 0 prefix; 0 on success.  */
int
k_strtoull (const char *s, unsigned int base, u64 *res)
{
  u64 acc = 0;
  bool any = false;

  if (base == 0)
    {
      if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
	base = 16, s += 2;
      else if (s[0] == '0')
	base = 8;
      else
	base = 10;
    }
  for (; *s && *s != '\n'; s++)
    {
      unsigned int d;
      if (*s >= '0' && *s <= '9')
	d = *s - '0';
      else if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
	d = (*s | 0x20) - 'a' + 10;
      else
	return -22;
      if (d >= base)
	return -22;
      if (acc > (~0ull - d) / base)
	return -34;
      acc = acc * base + d;
      any = true;
    }
  if (!any)
    return -22;
  *res = acc;
  return 0;
}

/* One line of a hex dump: "xx xx ... |ascii|", as print_hex_dump does.
   The hex and ASCII halves are built separately, then joined.  */
int
k_hex_dump_line (const u8 *p, size_t n, char *out, size_t outlen)
{
  char hex[48], asc[16];
  size_t h = 0, a = 0, i, o = 0;

  if (n > 16)
    n = 16;
  for (i = 0; i < n; i++)
    {
      hex[h++] = "0123456789abcdef"[p[i] >> 4];
      hex[h++] = "0123456789abcdef"[p[i] & 15];
      hex[h++] = ' ';
      asc[a++] = (p[i] >= 0x20 && p[i] < 0x7f) ? p[i] : '.';
    }
  if (h + a + 3 > outlen)
    return -1;
  for (i = 0; i < h; i++)
    out[o++] = hex[i];
  out[o++] = '|';
  for (i = 0; i < a; i++)
    out[o++] = asc[i];
  out[o++] = '|';
  out[o] = '\0';
  return o;
}
