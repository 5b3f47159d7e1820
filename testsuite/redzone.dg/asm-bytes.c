/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Bytes emitted into code are instructions the lexer never saw: .byte 0x50
   is push %rax.  Data directives count as touching the stack unless they
   are in a section that is not executed (asm-sections.c); padding with the
   assembler's NOPs is fine.  (.insn, which this GAS lacks: asm-insn.c.)  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

#include "asm-fn.h"

F (bytes, ".byte 0x50, 0x58")                /* push %rax; pop %rax */
F (word, ".word 0x5850")
F (longs, "nop\n\t.long 0x90905850")
F (quad, ".quad 0x5850")
F (fill, ".fill 2, 1, 0x50")
F (skip, ".skip 1, 0x50")
F (align_fill, ".p2align 4, 0x50")           /* padding executed on the way */
F (nop_padding, ".p2align 4\n\t.balign 8\n\t.skip 3, 0x90\n\t.nops 2")

/* { dg-final { scan-report "function=bytes status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=word status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=longs status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=quad status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=fill status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=skip status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=align_fill status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=nop_padding status=converted" } } */
