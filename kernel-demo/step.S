/* SPDX-License-Identifier: MIT */
/* step.S: uint64_t stepped_call(fn, p, n) returns fn(p, n), executed with
 * RFLAGS.TF set, so the CPU raises #DB after every instruction from the call
 * on (trap.c's adversary runs each time).  In assembly because changing TF
 * takes pushfq/popfq, and the compiler must not see those stack writes. */

#define RFLAGS_TF 0x100

	.text
	.globl	stepped_call
stepped_call:
	push	%rbx			/* 16-byte alignment for the call */
	mov	%rdi, %rax
	mov	%rsi, %rdi
	mov	%rdx, %rsi
	pushfq
	orq	$RFLAGS_TF, (%rsp)
	popfq				/* the first trap follows the call */
	call	*%rax
	pushfq
	andq	$~RFLAGS_TF, (%rsp)
	popfq
	pop	%rbx
	ret
