/* With a gap (M > 0) a varargs function's frame would have to move, and
   its va_start addresses are ambiguous: it is left alone.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=120 -mred-zone-offset=16" } */

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

/* { dg-final { scan-report "function=sum_va status=unchanged frame=80 reason=ambiguous-address" } } */
/* { dg-final { scan-assembler-times "subq\[ \t\]+\\\$80, %rsp" 1 } } */
