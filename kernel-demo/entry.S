/* SPDX-License-Identifier: MIT */
/* entry.S: interrupt and exception entry, in two schemes chosen at build
 * time (ENTRY_IST), both keeping the interrupted code's red zone intact:
 * nothing here writes to the window W = [rsp_i-M-N, rsp_i-M), where rsp_i is
 * the interrupted %rsp, M = RZ_OFFSET (the gap) and N = RZ_SIZE.
 * doc/interrupts.md derives every constant used below.
 *
 * Both schemes end in alltraps with the same trap frame (struct trapframe in
 * trap.h) on the interrupted stack, below W:
 *   vector, error code, then a copy of the CPU's frame (rip, cs, rflags,
 *   rsp, ss), which iretq returns through.
 *
 * BROKEN=1 builds the negative control: stubs that forget the window
 * (direct: no skip; ist: the frame is copied right below rsp_i).  The
 * kernel must then notice that the workload's results are wrong. */
#include "trap.h"

#if !ENTRY_IST && RZ_OFFSET < 56
#error "direct entry needs RZ_OFFSET (M) >= 56: the CPU pushes up to 56 bytes below rsp_i before the first instruction of a stub runs (doc/interrupts.md)"
#endif

/* Direct scheme, the skip R of a stub's first instruction (doc/interrupts.md,
 * "Direct entry"): the CPU leaves %rsp at rsp_i-40 at the highest (rsp_i
 * already 16-aligned, no error code), so R = M + N - 40 puts %rsp at or
 * below rsp_i-M-N before the stub pushes anything. */
#if BROKEN
#define DIRECT_SKIP 0
#else
#define DIRECT_SKIP (RZ_OFFSET + RZ_SIZE - 40)
#endif

/* IST scheme: the trampoline builds the frame below this many bytes under
 * rsp_i, then rounds down to 16 (doc/interrupts.md, "IST entry"). */
#if BROKEN
#define IST_SKIP 0
#else
#define IST_SKIP (RZ_OFFSET + RZ_SIZE)
#endif

	.text

/* Direct: the CPU pushed its frame on the current stack, inside the gap.
 * Skip the window first, then copy the frame below it: each pushq reads the
 * word above the one it has just copied, because the address is formed with
 * %rsp before the push decrements it.  The original frame is then dead. */
.macro DIRECT_STUB vec, err
vector\vec:
#if !BROKEN
	sub	$DIRECT_SKIP, %rsp
#endif
	.if \err
	.rept	6			/* ss, rsp, rflags, cs, rip, error code */
	pushq	DIRECT_SKIP+40(%rsp)
	.endr
	.else
	.rept	5			/* ss, rsp, rflags, cs, rip */
	pushq	DIRECT_SKIP+32(%rsp)
	.endr
	pushq	$0			/* no error code for this vector */
	.endif
	pushq	$\vec
	jmp	alltraps
.endm

/* IST: the CPU switched to an IST stack; the trampoline moves the frame. */
.macro IST_STUB vec, err
vector\vec:
	.if !\err
	pushq	$0
	.endif
	pushq	$\vec
	jmp	ist_trampoline
.endm

/* #DF and #MC: abort-class, never returned from.  The interrupted %rsp may
 * be garbage, so the handler stays on its own IST stack. */
.macro ABORT_STUB vec, err
vector\vec:
	.if !\err
	pushq	$0
	.endif
	pushq	$\vec
	jmp	alltraps
.endm

/* VEC_<name>, as in C: absolute symbols here. */
#define VECTOR_EQU(name, number, err, what) .equ VEC_##name, number;
	FOR_EACH_VECTOR(VECTOR_EQU)

/* One stub per vector of vectors.h, whose list must run 0, 1, 2, ... since
 * idt.c indexes the table below by vector number. */
	stubs = 0
.macro STUB name, v, err
	.if \v != stubs
	.error "vectors.h: vector \name out of order (the list runs 0, 1, 2, ... without holes)"
	.endif
	stubs = stubs + 1
	.balign 16
	.if (\v == VEC_DF) || (\v == VEC_MC)
	ABORT_STUB \v, \err
	.elseif (\v == VEC_NMI) || ENTRY_IST
	IST_STUB \v, \err
	.else
	DIRECT_STUB \v, \err
	.endif
.endm

#define VECTOR_STUB(name, number, err, what) STUB name, number, err;
	FOR_EACH_VECTOR(VECTOR_STUB)

/* Runs on an IST stack with interrupts off (interrupt gate); it must not
 * fault, since the next IST event would reuse this stack.
 *   0 vector, 8 error, 16 rip, 24 cs, 32 rflags, 40 rsp, 48 ss
 * Move all of it, plus the two scratch registers, to the interrupted stack
 * at ((rsp_i - M - N) & -16), and continue there as a direct stub would. */
	.balign 16
ist_trampoline:
	push	%rax
	push	%rcx
	/* 0 rcx, 8 rax, 16 vector, 24 error, 32 rip, 40 cs, 48 rflags, 56 rsp, 64 ss */
	mov	56(%rsp), %rax
	sub	$IST_SKIP, %rax
	and	$-16, %rax
	.irp	off, 64, 56, 48, 40, 32, 24, 16, 8, 0
	mov	\off(%rsp), %rcx
	mov	%rcx, \off-72(%rax)
	.endr
	lea	-72(%rax), %rsp
	pop	%rcx
	pop	%rax
	jmp	alltraps

/* Common path: save the registers (completing struct trapframe), call
 * trap(tf) HANDLER_ROOM bytes lower (the adversary in trap.c scribbles the
 * area between, so the handler's own frames must be out of its reach),
 * restore and return through the copied CPU frame. */
	.balign 16
alltraps:
	push	%rax
	push	%rbx
	push	%rcx
	push	%rdx
	push	%rsi
	push	%rdi
	push	%rbp
	push	%r8
	push	%r9
	push	%r10
	push	%r11
	push	%r12
	push	%r13
	push	%r14
	push	%r15
	mov	%rsp, %rbx		/* struct trapframe *; callee-saved */
	sub	$HANDLER_ROOM, %rsp
	and	$-16, %rsp		/* the psABI wants 16 at the call */
	mov	%rbx, %rdi
	cld
	call	trap
	mov	%rbx, %rsp
	pop	%r15
	pop	%r14
	pop	%r13
	pop	%r12
	pop	%r11
	pop	%r10
	pop	%r9
	pop	%r8
	pop	%rbp
	pop	%rdi
	pop	%rsi
	pop	%rdx
	pop	%rcx
	pop	%rbx
	pop	%rax
	add	$16, %rsp		/* vector, error code */
	iretq

	.section .rodata
	.balign 8
	.globl	vectors
vectors:
#define VECTOR_ADDR(name, number, err, what) .quad vector##number;
	FOR_EACH_VECTOR(VECTOR_ADDR)
