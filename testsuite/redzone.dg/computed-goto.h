/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A leaf with a 16-byte frame live across an indirect jump (a computed
   goto), for the retpoline tests: under -mindirect-branch=thunk* the jump
   goes through a thunk that calls.  */
long
computed_goto (int i, long x)
{
  static void *const t[] = { &&l0, &&l1, &&l2 };
  volatile long a[2];
  a[0] = x;
  a[1] = x * 5;
  goto *t[i % 3];
 l0: return a[0];
 l1: return a[1] + a[0];
 l2: return a[1] - 1;
}
