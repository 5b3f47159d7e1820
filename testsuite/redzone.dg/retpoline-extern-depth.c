/* SPDX-License-Identifier: GPL-3.0-or-later */
/* With -mred-zone-thunk-depth=16 (Linux 6.1 with SRSO: the retpoline's
   call, then the return thunk's call) the frame goes into the window less
   its top 16 bytes: [rsp-48, rsp-32) at N=32, M=16.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mindirect-branch=thunk-extern -mred-zone-size=32 -mred-zone-offset=16 -mred-zone-thunk-depth=16" } */

#include "computed-goto.h"

/* Three longs do not fit in the 16 bytes left.  */
long
too_big (int i, long x)
{
  static void *const t[] = { &&l0, &&l1 };
  volatile long a[3];
  a[0] = x;
  a[1] = x * 5;
  a[2] = x - 1;
  goto *t[i & 1];
 l0: return a[0] + a[2];
 l1: return a[1];
}

/* { dg-final { scan-report "function=computed_goto status=converted frame=\[0-9\]+ used=16 lo=-48 hi=-32 alloc=0 depth=16" } } */
/* { dg-final { scan-report "function=too_big status=unchanged frame=\[0-9\]+ reason=too-big" } } */
