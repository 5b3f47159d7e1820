/* SPDX-License-Identifier: GPL-3.0-or-later */
/* With a gap (M > 0) a varargs function's frame would have to move, and
   its va_start addresses are ambiguous: it is left alone.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=120 -mred-zone-offset=16" } */

#include "varargs.c"

/* { dg-final { scan-report "function=sum_va status=unchanged frame=80 reason=ambiguous-address" } } */
/* { dg-final { scan-assembler-times "subq\[ \t\]+\\\$80, %rsp" 1 } } */
