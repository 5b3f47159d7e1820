/* SPDX-License-Identifier: GPL-3.0-or-later */
/* An indirect jump through GCC's inline retpoline: `call 1f; ...; 1: mov
   %rax,(%rsp); ret' runs with %rsp 8 bytes lower while the frame is live,
   so the frame must sit in the window less its top 8 bytes:
   [rsp-48, rsp-24) at N=32, M=16.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mindirect-branch=thunk-inline -mred-zone-size=32 -mred-zone-offset=16" } */

#include "computed-goto.h"

/* { dg-final { scan-assembler "call\[ \t\]+\\.LIND" } } */
/* { dg-final { scan-report "function=computed_goto status=converted frame=\[0-9\]+ used=16 lo=-40 hi=-24 alloc=0 depth=8" } } */
/* { dg-final { rsp-window -48 -24 } } */
