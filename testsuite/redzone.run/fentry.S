/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fentry.S -- a __fentry__ shaped like Linux's ftrace_caller, for code
   compiled with -pg -mfentry under the adversary (adversary.exp).

   -mfentry makes `call __fentry__' a function's first instruction.  Linux's
   ftrace_caller, which dynamic ftrace patches that call into (the int3 it
   patches through emulates the same call), allocates a pt_regs frame below
   its return address, saves every register there and calls the tracer,
   whose frames go further down.  This one allocates FRAME bytes, pushes
   every register and the flags below them, fills the frame and BELOW bytes
   under its own %rsp with noise that differs at every call, restores
   everything and returns: whatever its caller had below its entry %rsp,
   down to 8 + FRAME + 128 + BELOW bytes, is gone.  FRAME covers the largest
   window the suite attacks (M + N = 128).  Linked as fentry.rz.o, so the
   adversary attacks these instructions too.  */
	.set	FRAME, 128
	.set	BELOW, 128
	.set	SAVED, 16 * 8		/* 15 registers and the flags */

	.text
	.globl	__fentry__
	.type	__fentry__, @function
__fentry__:
	lea	-FRAME(%rsp), %rsp
	pushfq
	.irp	reg, rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15
	push	%\reg
	.endr
	movabs	$0x9e3779b97f4a7c15, %rdx
	mov	fentry_noise(%rip), %rax
	add	%rdx, %rax
	mov	%rax, fentry_noise(%rip)
	.set	off, SAVED
	.rept	FRAME / 8
	mov	%rax, off(%rsp)
	add	%rdx, %rax
	.set	off, off + 8
	.endr
	.set	off, -BELOW
	.rept	BELOW / 8
	mov	%rax, off(%rsp)
	add	%rdx, %rax
	.set	off, off + 8
	.endr
	.irp	reg, r15, r14, r13, r12, r11, r10, r9, r8, rbp, rdi, rsi, rdx, rcx, rbx, rax
	pop	%\reg
	.endr
	popfq
	lea	FRAME(%rsp), %rsp
	ret
	.size	__fentry__, . - __fentry__

	.data
	.balign	8
fentry_noise:
	.quad	0x5deece66d

	.section .note.GNU-stack, "", @progbits
