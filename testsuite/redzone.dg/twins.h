/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each function is compiled twice in one file: once converted by the
   plugin, once kept as -mno-red-zone makes it (no_red_zone), and main
   checks that both agree on many inputs.  The functions are leaf functions
   with frames: spilled registers, arrays, structs, byte accesses.  */
#include <stdlib.h>
#include <string.h>

#define NI __attribute__ ((noinline, noclone))
#define TWIN(ret, name, params, ...)                                     \
  NI ret name params __VA_ARGS__                                        \
  NI __attribute__ ((no_red_zone)) ret name##_ref params __VA_ARGS__

typedef float v4 __attribute__ ((vector_size (16)));
struct pt { short x; char tag; int y; long z; };

TWIN (long, pressure, (const long *p, int n), {
  long a = p[0], b = p[1], c = p[2], d = p[3], e = p[4], f = p[5], g = p[6],
       h = p[7], i = p[8], j = p[9], k = p[10], l = p[11], m = p[12];
  for (int t = 0; t < n; t++)
    {
      a += b * c; b ^= d + e; c -= f * g; d += h ^ i; e *= j + k; f += l - m;
      g ^= a; h += b; i ^= c; j += d; k -= e; l += f; m ^= g;
    }
  return a + b + c + d + e + f + g + h + i + j + k + l + m;
})

TWIN (int, sorted_median, (const int *in), {
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

TWIN (long, structs, (int a, int b), {
  volatile struct pt p[2];
  p[0].x = a; p[0].tag = b; p[0].y = a * b; p[0].z = (long) a << 33;
  p[1].x = b; p[1].tag = a; p[1].y = a - b; p[1].z = -(long) b;
  return p[0].x + p[0].tag + p[0].y + p[0].z + p[1].x + p[1].tag + p[1].y
         + p[1].z;
})

TWIN (unsigned, bytes, (const unsigned char *s, int n), {
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
TWIN (float, vectors, (const v4 *p, int n), {
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

TWIN (int, indexed, (int i, int a), {
  int t[12];
  for (int j = 0; j < 12; j++)
    t[j] = a * j + (j ^ a);
  return t[i % 12] + t[(i * 7) % 12];
})

TWIN (long, many_args, (long a, long b, long c, long d, long e, long f,
                        long g, long h), {
  volatile long x[3] = { a + g, b + h, c - g };
  return x[0] * 3 + x[1] + x[2] + d + e + f + g * h;
})

int
main (void)
{
  long p[13];
  int in[7];
  unsigned char s[40];
  v4 vp[18];
  for (int r = 0; r < 200; r++)
    {
      for (int i = 0; i < 13; i++)
        p[i] = r * 1000003L + i * 7919;
      for (int i = 0; i < 7; i++)
        in[i] = (r * 37 + i * 101) % 53 - 20;
      for (int i = 0; i < 40; i++)
        s[i] = r * 13 + i * i;
      for (int i = 0; i < 18; i++)
        vp[i] = (v4) { r + i, r - i, i * 0.5f, 1.0f / (i + 1) };
      if (pressure (p, r % 9) != pressure_ref (p, r % 9)) abort ();
      if (sorted_median (in) != sorted_median_ref (in)) abort ();
      if (structs (r, r * 3 - 7) != structs_ref (r, r * 3 - 7)) abort ();
      if (bytes (s, r % 40) != bytes_ref (s, r % 40)) abort ();
#ifdef __SSE2__
      float x = vectors (vp, r % 5), y = vectors_ref (vp, r % 5);
      if (memcmp (&x, &y, sizeof x)) abort ();
#endif
      if (indexed (r, r ^ 5) != indexed_ref (r, r ^ 5)) abort ();
      if (many_args (r, 2, 3, 4, 5, 6, r * 7, -r) !=
          many_args_ref (r, 2, 3, 4, 5, 6, r * 7, -r)) abort ();
    }
  return 0;
}
