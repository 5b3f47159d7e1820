/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A small struct and spilled scalars: only the bytes used count.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

struct s { int a, b; char c[6]; };

int
small_struct (int n)
{
  volatile struct s t;
  t.a = n; t.b = n + 1; t.c[3] = n;
  return t.a + t.b + t.c[3];
}

int
scalars (int n)
{
  volatile int a = n, b = n * 2;
  volatile short c = n;
  volatile char d = n;
  return a + b + c + d;
}

/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\\\$\[0-9\]+, %rsp" } } */
/* { dg-final { rsp-window -48 -16 } } */
/* { dg-final { scan-report "function=small_struct status=converted" } } */
/* { dg-final { scan-report "function=scalars status=converted" } } */
