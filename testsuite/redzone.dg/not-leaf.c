/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A call would push its return address into the frame.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=64 -mred-zone-offset=64" } */

extern int g (volatile int *);

int
caller (int a)
{
  volatile int x[4] = { a, a, a, a };
  return g (x);
}

/* Sibling calls leave after the epilogue: still a leaf.  */
int
sibcaller (int a)
{
  volatile int x = a;
  return g ((int *) 0) + x;
}

int
tail (int a)
{
  volatile int x = a;
  int y = x;
  return g ((volatile int *) (long) y);
}

/* { dg-final { scan-report "function=caller status=unchanged frame=\[0-9\]+ reason=not-leaf" } } */
/* { dg-final { scan-report "function=tail status=converted" } } */
