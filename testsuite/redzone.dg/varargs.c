/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A varargs function: va_start's addresses could belong to the frame or
   to the caller's area, so its frame never moves.  With M = 0 and the
   frame within N, %rsp simply stops above the frame: the allocation goes
   and nothing moves.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=120 -mred-zone-offset=0" } */

#include <stdarg.h>

long
sum_va (int n, ...)
{
  va_list ap;
  long s = 0;
  va_start (ap, n);
  for (int i = 0; i < n; i++)
    s = s * 31 + va_arg (ap, long);
  va_end (ap);
  return s;
}

/* { dg-final { scan-report "function=sum_va status=converted frame=80 used=80 lo=-80 hi=0 alloc=0" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\[^\n\]*, %rsp" } } */
/* { dg-final { rsp-window -120 0 } } */
