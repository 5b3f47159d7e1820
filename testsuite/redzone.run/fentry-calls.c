/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fentry-calls.c -- the controls of the -pg -mfentry run under the
   adversary (adversary.exp), with fentry.S's __fentry__.

   entry_fentry calls __fentry__ only where -mfentry puts the call, at its
   first instruction, before anything is live: the plugin converts it, and
   its results must not change.  late_fentry is the same function with a
   second call in the middle of its body, when its frame holds data,
   through an asm that -mred-zone-asm=allow declares harmless: the plugin
   converts it though the call overwrites what lies below %rsp, so its
   results must break.  calls_out calls a function, whose own __fentry__
   call goes deeper still, while its frame holds data: the plugin must keep
   its frame, or its results break too.  Each prints one line, "NAME HEX",
   as the corpus's driver does.  */
#include <stdio.h>

#define BODY(x, between)                                                \
  volatile long a[4];                                                   \
  a[0] = (x);                                                           \
  a[1] = (x) * 3;                                                       \
  a[2] = (x) ^ 5;                                                       \
  a[3] = (x) + 7;                                                       \
  between;                                                              \
  return a[0] + a[1] * 5 + a[2] * 7 + a[3] * 11

__attribute__ ((noinline, noclone)) long
entry_fentry (long x)
{
  BODY (x, (void) 0);
}

__attribute__ ((noinline, noclone)) long
late_fentry (long x)
{
  BODY (x, __asm__ __volatile__ ("call __fentry__" ::: "memory"));
}

__attribute__ ((noinline, noclone)) long
callee (long x)
{
  return x * 13 + 1;
}

__attribute__ ((noinline, noclone)) long
calls_out (long x)
{
  BODY (x, a[0] ^= callee (x));
}

#define RUN(fn) { #fn, fn }
static const struct { const char *name; long (*fn) (long); } runs[] = {
  RUN (entry_fentry), RUN (late_fentry), RUN (calls_out)
};

int
main (void)
{
  for (unsigned f = 0; f < sizeof runs / sizeof runs[0]; f++)
    {
      unsigned long sum = 0;
      for (long i = 0; i < 64; i++)
        sum = sum * 1000003u ^ (unsigned long) runs[f].fn (i * 7919);
      printf ("%s %016lx\n", runs[f].name, sum);
    }
  return 0;
}
