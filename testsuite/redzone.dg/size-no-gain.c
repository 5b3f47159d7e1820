/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Optimizing for size, a frame is moved only if the code does not grow.
   With M = 64 the slots of a 112-byte frame land below rsp-128 and need
   four-byte displacements: `deep' keeps its frame.  `shallow' stays within
   one-byte displacements and is converted.  */
/* { dg-do compile } */
/* { dg-options "-Os -mred-zone-size=120 -mred-zone-offset=64" } */

int
deep (const int *p, int n)
{
  volatile int t[28];
  for (int i = 0; i < 28; i++)
    t[i] = p[i] * n;
  return t[n % 28] + t[3] + t[27] + t[0];
}

int
shallow (const int *p, int n)
{
  volatile int t[4];
  for (int i = 0; i < 4; i++)
    t[i] = p[i] * n;
  return t[n % 4] + t[3];
}

/* { dg-final { scan-report "function=deep status=unchanged frame=112 reason=size-no-gain" } } */
/* { dg-final { scan-report "function=shallow status=converted frame=16 used=16 lo=-80 hi=-64" } } */
/* { dg-final { scan-assembler-times "subq\[ \t\]+\\\$112, %rsp" 1 } } */
/* { dg-final { scan-assembler-not "subq\[ \t\]+\\\$16, %rsp" } } */
