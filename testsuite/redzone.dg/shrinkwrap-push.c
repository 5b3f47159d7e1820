/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shrink-wrapped leaves with callee-saved registers: the pushes stay on
   the wrapped path only, the allocation goes, and the frame moves into the
   window below the pushes.  A frame that does not fit is left exactly as
   -mno-red-zone makes it.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

long
pushes (const long *p, int n)
{
  if (n <= 0)
    return -1;
  volatile long t[2];
  long a = p[0], b = p[1], c = p[2], d = p[3], e = p[4], f = p[5], g = p[6], h = p[7];
  for (int i = 0; i < n; i++)
    {
      a += b * c; b ^= d + e; c -= f * g; d += h ^ a; e *= a | 1;
      f += c; g ^= b; h += d * e;
      t[i & 1] = a + h;
    }
  return a + b + c + d + e + f + g + h + t[0] + t[1];
}

int
big (const int *p, int n)
{
  if (n <= 0)
    return -1;
  volatile int t[12];
  for (int i = 0; i < 12; i++)
    t[i] = p[i] * n;
  return t[n % 12] + t[0];
}

/* { dg-final { scan-report "function=pushes status=converted frame=16 used=16 lo=-32 hi=-16" } } */
/* { dg-final { scan-report "function=big status=unchanged frame=56 reason=too-big" } } */
/* { dg-final { scan-assembler-not "subq\[ \t\]+\\\$16, %rsp" } } */
/* { dg-final { scan-assembler-times "subq\[ \t\]+\\\$56, %rsp" 1 } } */
/* { dg-final { scan-assembler-times "pushq\[ \t\]+%rbx" 1 } } */
