/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bodies.h -- leaf functions with frames, written once: register-pressure
   spills, small arrays, structs, byte accesses, 16-byte vector spills,
   indexed arrays, many arguments.  The includer defines
   DEFINE (RET, NAME, PARAMS, BODY): corpus.c makes each an ordinary
   function for the adversary, redzone.dg/twins.h a converted twin and a
   no_red_zone twin that main compares.  */

struct pt { short x; char tag; int y; long z; };

DEFINE (long, pressure, (const long *p, int n), {
  long a = p[0], b = p[1], c = p[2], d = p[3], e = p[4], f = p[5], g = p[6],
       h = p[7], i = p[8], j = p[9], k = p[10], l = p[11], m = p[12];
  for (int t = 0; t < n; t++)
    {
      a += b * c; b ^= d + e; c -= f * g; d += h ^ i; e *= j + k; f += l - m;
      g ^= a; h += b; i ^= c; j += d; k -= e; l += f; m ^= g;
    }
  return a + b + c + d + e + f + g + h + i + j + k + l + m;
})

DEFINE (int, sorted_median, (const int *in), {
  int v[7];
  for (int i = 0; i < 7; i++)
    v[i] = in[i];
  for (int i = 1; i < 7; i++)
    for (int j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        int t = v[j]; v[j] = v[j - 1]; v[j - 1] = t;
      }
  return v[3] * 3 + v[0] - v[6];
})

DEFINE (long, structs, (int a, int b), {
  volatile struct pt p[2];
  p[0].x = a; p[0].tag = b; p[0].y = a * b; p[0].z = (long) a << 33;
  p[1].x = b; p[1].tag = a; p[1].y = a - b; p[1].z = -(long) b;
  return p[0].x + p[0].tag + p[0].y + p[0].z + p[1].x + p[1].tag + p[1].y
         + p[1].z;
})

DEFINE (unsigned, bytes, (const unsigned char *s, int n), {
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
})

#ifdef __SSE2__
DEFINE (float, vectors, (const v4 *p, int n), {
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
})
#endif

DEFINE (int, indexed, (int i, int a), {
  int t[12];
  for (int j = 0; j < 12; j++)
    t[j] = a * j + (j ^ a);
  return t[i % 12] + t[(i * 7) % 12];
})

DEFINE (long, many_args, (long a, long b, long c, long d, long e, long f,
                        long g, long h), {
  volatile long x[3] = { a + g, b + h, c - g };
  return x[0] * 3 + x[1] + x[2] + d + e + f + g * h;
})
