/* SPDX-License-Identifier: GPL-3.0-or-later */
/* 16-byte vector spills keep their alignment: movaps/movdqa slots must be
   16-aligned, i.e. at 8 mod 16 from an entry %rsp that is 8 mod 16 with no
   pushes, 0 mod 16 after an odd number of pushes.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=120 -mred-zone-offset=0" } */

typedef float v4 __attribute__ ((vector_size (16)));

v4
spills (v4 *p, int n)
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
  return a + b + c + d + e + f + g + h + i + j + k + l + m + o + q + r + s + u;
}

/* { dg-final { scan-report "function=spills status=converted" } } */
/* { dg-final { scan-assembler "movaps\[ \t\]+%xmm\[0-9\]+, -\[0-9\]+\\(%rsp\\)" } } */
/* { dg-final { rsp-disp-mod "movaps|movdqa" 16 8 } } */
