/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Debug info never changes the code the plugin produces.  */
/* { dg-do compile } */
/* { dg-options "-O2 -g -fcompare-debug -mred-zone-size=64 -mred-zone-offset=16" } */

typedef float v4 __attribute__ ((vector_size (16)));

long
pressure (long *p, int n)
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
table (int i)
{
  volatile int t[4] = { 1, 2, 3, 4 };
  return t[i & 3];
}

/* { dg-final { scan-report "function=pressure status=converted" } } */
/* { dg-final { scan-report "function=table status=converted" } } */
