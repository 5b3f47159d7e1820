/* SPDX-License-Identifier: MIT */
/* longmode.h: from 32-bit protected mode to long mode on boot.S's page
 * tables, as both CPUs do it (boot.S, apstart.S); a far jump to a 64-bit
 * code segment must follow. */
#ifndef LONGMODE_H
#define LONGMODE_H

#define CR0_PE		(1 << 0)
#define CR0_PG		(1 << 31)
#define CR4_PAE		(1 << 5)
#define MSR_EFER	0xC0000080
#define EFER_LME	(1 << 8)

/* PAE, %cr3 = pml4, EFER.LME, then paging (with PE, already on). */
.macro ENTER_LONG_MODE
	mov	%cr4, %eax
	or	$CR4_PAE, %eax
	mov	%eax, %cr4
	mov	$pml4, %eax
	mov	%eax, %cr3
	mov	$MSR_EFER, %ecx
	rdmsr
	or	$EFER_LME, %eax
	wrmsr
	mov	%cr0, %eax
	or	$(CR0_PG | CR0_PE), %eax
	mov	%eax, %cr0
.endm

#endif
