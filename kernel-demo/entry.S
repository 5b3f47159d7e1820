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
 * The stubs and trampolines are the installed macros of redzone-entry.h
 * (include/, doc/entry.md); this file only chooses among them.  BROKEN=1
 * builds the negative control: stubs that forget the window.  The kernel
 * must then notice that the workload's results are wrong. */
#include "trap.h"
#ifdef __RED_ZONE_SIZE__	/* without the plugin, trap.h has said why not */
#include "redzone-entry.h"
#endif

/* BROKEN=1: stubs that forget the window, each scheme its own way: direct
 * without the sub (protect 40), IST copying the frame right below rsp_i
 * (protect 0). */
#if BROKEN
#define DIRECT_PROTECT 40
#define IST_PROTECT 0
#else
#define DIRECT_PROTECT RZ_ENTRY_PROTECT
#define IST_PROTECT RZ_ENTRY_PROTECT
#endif

/* The IST stack tops the TSS holds (gdt.c): slot s ends where slot s+1 of
 * ist_stacks begins. */
#define IST_TOP(slot) (ist_stacks + (slot) * IST_STACK_SIZE)

	.text

/* VEC_<name>, as in C: absolute symbols here. */
#define VECTOR_EQU(name, number, err, what) .equ VEC_##name, number;
	FOR_EACH_VECTOR(VECTOR_EQU)

/* One stub per vector of vectors.h, whose list must run 0, 1, 2, ... since
 * idt.c indexes the table below by vector number.  NMI enters on IST in
 * both schemes, since it can arrive at a direct stub's first instruction
 * (BROKEN=nmi, the control: a direct stub on a gate without IST);
 * #DF and #MC are aborts, never returned from, and stay on their IST stacks
 * (the interrupted %rsp may be garbage). */
	stubs = 0
.macro STUB name, v, err
	.if \v != stubs
	.error "vectors.h: vector \name out of order (the list runs 0, 1, 2, ... without holes)"
	.endif
	stubs = stubs + 1
	.balign 16
	.if (\v == VEC_DF) || (\v == VEC_MC)
	RZ_IST_STUB vector\v, \v, \err, alltraps
	.elseif (\v == VEC_NMI) && !BROKEN_NMI
	RZ_IST_STUB vector\v, \v, \err, nmi_trampoline
	.elseif ENTRY_IST
	RZ_IST_STUB vector\v, \v, \err, ist_trampoline
	.else
	RZ_DIRECT_STUB vector\v, \v, \err, alltraps, DIRECT_PROTECT
	.endif
.endm

	.globl	entry_stubs, entry_stubs_end
entry_stubs:
#define VECTOR_STUB(name, number, err, what) STUB name, number, err;
	FOR_EACH_VECTOR(VECTOR_STUB)
entry_stubs_end:

/* The trampolines run on an IST stack with interrupts off (interrupt gates)
 * and cannot fault; see doc/interrupts.md for why nothing else may use
 * their IST slot before each one's _end. */
	.balign 16
	.globl	nmi_trampoline, nmi_trampoline_end
#if ENTRY_IST
	.globl	ist_trampoline, ist_trampoline_end
	RZ_IST_TRAMPOLINE ist_trampoline, IST_TOP(IST_ENTRY), alltraps, IST_PROTECT
#endif
	.balign 16
	RZ_IST_TRAMPOLINE nmi_trampoline, IST_TOP(IST_NMI), alltraps, IST_PROTECT

/* Common path: save the registers (completing struct trapframe), call
 * trap(tf) HANDLER_ROOM bytes lower (the adversary in trap.c scribbles the
 * area between, so the handler's own frames must be out of its reach),
 * restore and return through the copied CPU frame. */
	.balign 16
	.globl	alltraps, alltraps_exit, alltraps_iretq, alltraps_end	/* nmi.c */
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
alltraps_exit:
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
alltraps_iretq:
	iretq
alltraps_end:

	.section .rodata
	.balign 8
	.globl	vectors
vectors:
#define VECTOR_ADDR(name, number, err, what) .quad vector##number;
	FOR_EACH_VECTOR(VECTOR_ADDR)
