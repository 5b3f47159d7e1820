/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the lexer cannot classify counts as touching the stack: an asm macro
   defined elsewhere (here one that pushes), repetition and symbol
   directives, and instructions that are harmless but not on the list.  */
/* { dg-do assemble } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

__asm__ (".macro rz_save reg\n\tpushq \\reg\n\t.endm\n"
         ".macro rz_restore reg\n\tpopq \\reg\n\t.endm");

#include "asm-fn.h"

F (macro, "rz_save %%rax\n\trz_restore %%rax")
F (rept, ".rept 2\n\tnop\n\t.endr")
F (set, ".set rz_sym%=, 1")
F (unlisted, "fnop")
F (listed, "lfence")

/* { dg-final { scan-report "function=macro status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=rept status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=set status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=unlisted status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=listed status=converted" } } */
