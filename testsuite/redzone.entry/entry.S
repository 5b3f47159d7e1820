/* SPDX-License-Identifier: GPL-3.0-or-later */
/* entry.S: every macro of redzone-entry.h, for entry.exp, which compares
 * each label's instructions with those the window calls for.  IST_ONLY
 * leaves out the direct stubs (they need M >= 56).  The *_broken labels
 * are the negative-control forms (protect 40 and 0). */
#include <redzone-entry.h>

	.text
#ifndef IST_ONLY
	RZ_DIRECT_STUB direct32, 32, 0, common
	RZ_DIRECT_STUB direct14, 14, 1, common
	RZ_DIRECT_STUB direct32_broken, 32, 0, common, 40
#endif
	RZ_IST_STUB ist32, 32, 0, trampoline
	RZ_IST_STUB ist14, 14, 1, trampoline
	RZ_IST_STUB ist18, 18, 0, common
/* Before the trampolines, so that no *_end label shares common's address (objdump
 * names a jump's target by one of the labels there). */
common:
	add	$16, %rsp
	iretq
	RZ_IST_TRAMPOLINE trampoline, ist_top, common
	RZ_IST_TRAMPOLINE trampoline_broken, ist_top, common, 0

	.bss
	.balign	16
	.space	4096
	.globl	ist_top
ist_top:
