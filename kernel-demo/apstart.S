/* SPDX-License-Identifier: MIT */
/* apstart.S: the second CPU, from its start-up IPI to 64-bit C (ap.c), and its
 * timer interrupt.  The SIPI starts it in real mode at AP_BASE, where
 * ap_boot() has copied ap_real .. ap_real_end; from protected mode on it runs
 * in the kernel image, on boot.S's page tables.  It runs none of the
 * workload: its only job is to send NMIs to CPU 0 (ap.c). */
#include "lapic.h"
#include "longmode.h"


	.text
	.code16
	.globl	ap_real, ap_real_end
ap_real:
	cli
	xor	%ax, %ax
	mov	%ax, %ds
	lgdtl	AP_BASE + (ap_gdt_desc - ap_real)
	mov	%cr0, %eax
	or	$CR0_PE, %eax
	mov	%eax, %cr0
	ljmpl	$AP_CODE32, $ap_protected
	.balign	8
ap_gdt_desc:
	.word	ap_gdt_end - ap_gdt - 1
	.long	ap_gdt
ap_real_end:

	.code32
ap_protected:
	mov	$AP_DATA, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	ENTER_LONG_MODE
	ljmp	$AP_CODE64, $ap_long

	.code64
ap_long:
	mov	$ap_stack_top, %rsp
	xor	%ebp, %ebp
	call	ap_main			/* IDT, local APIC timer, then returns */
1:	sti
	hlt				/* woken by its timer only */
	jmp	1b

/* The second CPU's timer (an interrupt gate of its own IDT, ap.c).  It
 * interrupts only the hlt above, which keeps nothing below %rsp, so the
 * plain way is right here: save the caller-saved registers and call C.
 * The CPU left %rsp 16-aligned minus 40; nine pushes make it 16-aligned. */
	.globl	ap_timer_entry, ap_spurious_entry
ap_timer_entry:
	push	%rax
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	cld
	call	ap_timer
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rax
ap_spurious_entry:			/* the spurious vector: no EOI */
	iretq

	.section .rodata
	.balign	8
ap_gdt:
	.quad	0
	.quad	0x00209A0000000000	/* AP_CODE64: 64-bit code */
	.quad	0x00CF92000000FFFF	/* AP_DATA: flat 4 GiB data */
	.quad	0x00CF9A000000FFFF	/* AP_CODE32: flat 4 GiB 32-bit code */
ap_gdt_end:

	.bss
	.balign	16
ap_stack:
	.skip	8192
ap_stack_top:
