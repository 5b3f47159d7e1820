/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Data directives are harmless only in a section that is not executed: the
   lexer follows .pushsection/.popsection/.section/.previous.  A section
   named *text* or *replacement* (Linux's .altinstr_replacement is patched
   into the code) or with the "x" flag holds code.  Instructions are
   classified the same way in every section.  */
/* { dg-do assemble } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

#include "asm-fn.h"

/* An exception-table entry (Linux's _ASM_EXTABLE).  */
F (extable, "1:\tnop\n2:\n\t.pushsection __ex_table,\"a\"\n\t.balign 4\n"
            "\t.long 1b - .\n\t.long 2b - .\n\t.long 0\n\t.popsection")
/* An annotation that goes nowhere.  */
F (discard, "1:\tnop\n\t.pushsection .discard.rz\n\t.byte 0x50\n"
            "\t.long 1b - .\n\t.popsection")
F (rodata, ".section .rodata\n\t.asciz \"PX\"\n\t.previous")
/* Replacement code: its bytes may be patched in.  */
F (replacement_bytes,
   "661:\n\tnop\n662:\n\t.pushsection .altinstructions,\"a\"\n"
   "\t.long 661b - .\n\t.long 6640f - .\n\t.popsection\n"
   "\t.pushsection .altinstr_replacement, \"ax\"\n6640:\n"
   "\t.byte 0x50, 0x58\n6641:\n\t.popsection")
F (replacement_insn,
   "661:\n\tnop\n662:\n\t.pushsection .altinstr_replacement, \"ax\"\n"
   "6640:\n\tlfence\n6641:\n\t.popsection")
F (replacement_push,
   "661:\n\tnop\n662:\n\t.pushsection .altinstr_replacement, \"ax\"\n"
   "6640:\n\tpushq %%rax\n6641:\n\t.popsection")
F (exec_flag, ".pushsection .rz_code,\"ax\"\n\t.byte 0x50\n\t.popsection")
F (text_name, ".pushsection .text.unlikely\n\t.byte 0x50\n\t.popsection")
F (after_pop, ".pushsection .discard.rz\n\t.popsection\n\t.byte 0x50")

/* { dg-final { scan-report "function=extable status=converted" } } */
/* { dg-final { scan-report "function=discard status=converted" } } */
/* { dg-final { scan-report "function=rodata status=converted" } } */
/* { dg-final { scan-report "function=replacement_bytes status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=replacement_insn status=converted" } } */
/* { dg-final { scan-report "function=replacement_push status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=exec_flag status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=text_name status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=after_pop status=unchanged frame=\[0-9\]+ reason=asm" } } */
