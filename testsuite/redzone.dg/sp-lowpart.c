/* SPDX-License-Identifier: GPL-3.0-or-later */
/* (int) &local reads %rsp in SImode, (reg:SI sp): the same register as the
   stack pointer, a use of it like any other, rewritten in its own mode
   (it once crashed plus_constant, and before that went unseen: the frame
   moved and the value still pointed at the old place).  From the torture
   test compile/hibug.c.  */
/* { dg-do compile } */
/* { dg-options "-O2 -w -mred-zone-size=32 -mred-zone-offset=16" } */

struct foo { short d; int a; };

int
bar (short d, struct foo u)
{
  u.d = d;
  return (int) (long) (&u);
}

/* { dg-final { scan-assembler "leal\[ \t\]+-24\\(%rsp\\), %eax" } } */
/* { dg-final { scan-report "function=bar status=converted frame=8 used=8 lo=-24 hi=-16" } } */
