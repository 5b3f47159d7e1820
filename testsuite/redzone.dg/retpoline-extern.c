/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -mindirect-branch=thunk-extern: the thunk is someone else's code (Linux's
   __x86_indirect_thunk_*), whose depth the compiler cannot see, so the
   function keeps its frame unless -mred-zone-thunk-depth says how deep the
   thunk goes (see retpoline-extern-depth.c).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mindirect-branch=thunk-extern -mred-zone-size=64 -mred-zone-offset=64" } */

#include "computed-goto.h"

/* No indirect jump: nothing goes through a thunk.  */
long
no_jump (long x)
{
  volatile long a[2];
  a[0] = x;
  a[1] = x * 5;
  return a[0] + a[1];
}

/* { dg-final { scan-assembler "jmp\[ \t\]+__x86_indirect_thunk_" } } */
/* { dg-final { scan-report "function=computed_goto status=unchanged frame=\[0-9\]+ reason=extern-thunk" } } */
/* { dg-final { scan-report "function=no_jump status=converted .* depth=0" } } */
