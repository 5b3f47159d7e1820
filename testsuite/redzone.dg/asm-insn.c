/* SPDX-License-Identifier: GPL-3.0-or-later */
/* .insn emits an instruction the lexer cannot read: it touches the stack.
   Compile only, and not checked by rz-verify: GAS 2.40 has no .insn, so
   the output does not assemble.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

#include "asm-fn.h"

F (insn, ".insn 0x50")

/* { dg-final { scan-report "function=insn status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { rz-verify-skip "the output does not assemble: GAS 2.40 has no .insn" } } */
