/* SPDX-License-Identifier: GPL-3.0-or-later */
/* -mindirect-branch=thunk: the jump goes to GCC's own comdat thunk, which
   has the same depth as the inline one (8 bytes).  A switch compiled to a
   jump table (-fjump-tables: retpolines turn jump tables off by default).  */
/* { dg-do compile } */
/* { dg-options "-O2 -mindirect-branch=thunk -fjump-tables -mred-zone-size=32 -mred-zone-offset=16" } */

int
jump_table (int i, int x)
{
  volatile int a[4];
  a[0] = x; a[1] = x * 3; a[2] = x ^ 5; a[3] = x + 7;
  switch (i & 7)
    {
    case 0: return a[0] + 1;
    case 1: return a[1] * 2;
    case 2: return a[2] - a[0];
    case 3: return a[3] ^ a[1];
    case 4: return a[0] * a[3];
    case 5: return a[2] + 9;
    case 6: return a[1] - 3;
    default: return a[3];
    }
}

/* { dg-final { scan-assembler "jmp\[ \t\]+__x86_indirect_thunk_" } } */
/* { dg-final { scan-report "function=jump_table status=converted frame=\[0-9\]+ used=16 lo=-40 hi=-24 alloc=0 depth=8" } } */
/* { dg-final { rsp-window -48 -24 } } */
