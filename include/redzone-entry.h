/* SPDX-License-Identifier: MIT */
/* redzone-entry.h: x86-64 interrupt-entry stubs that keep a red zone intact,
 * as GNU assembler macros for a kernel's .S files (gcc-redzone).
 *
 * Code built with -mred-zone-size=N -mred-zone-offset=M may keep live data in
 * the window W = [rsp_i-M-N, rsp_i-M) below its %rsp (rsp_i) at any
 * instruction boundary.  An interrupt taken there must not write to W.  Two
 * ways to enter (doc/entry.md shows a kernel using them, doc/interrupts.md
 * derives every constant):
 *
 *   RZ_DIRECT_STUB   the CPU pushes its frame on the current stack, into the
 *                    gap [rsp_i-M, rsp_i), which needs M >= 56; the stub's
 *                    first instruction moves %rsp below W and copies the
 *                    frame there.  6 instructions more than a plain stub.
 *   RZ_IST_STUB +    every gate names an IST stack; the trampoline copies
 *   RZ_IST_TRAMPOLINE the frame from there to below W.  Any M, including 0.
 *                    10 instructions more than a plain stub (9 for vectors
 *                    with an error code).
 *
 * For events taken in ring 0 only: a kernel with user mode sends those from
 * user mode (CS & 3 in the frame) to its usual entry first.  The IST
 * trampoline reads its frame at a link-time address, so an SMP kernel needs
 * one trampoline, and stubs, per CPU and IST slot.
 *
 * Both jump to the kernel's common code, interrupts still off as the gate
 * left them, with this frame at %rsp, lowest address first:
 *
 *    0 vector   8 error code (0 where the CPU pushes none)
 *   16 rip     24 cs   32 rflags   40 rsp   48 ss     (what iretq takes)
 *
 * all of it at or below rsp_i - M - N, 8-aligned only (the common code
 * aligns %rsp before it calls C).  The common code saves registers,
 * handles the event, restores, drops vector and error code and does iretq.
 *
 * The window: the plugin predefines __RED_ZONE_SIZE__ and __RED_ZONE_OFFSET__
 * when the .S file is built with the same flags as the C code (the sure way:
 * they cannot drift apart); without the plugin, define RZ_ENTRY_SIZE and
 * RZ_ENTRY_OFFSET before including this file. */
#ifndef REDZONE_ENTRY_H
#define REDZONE_ENTRY_H

#ifndef __ASSEMBLER__
#error "redzone-entry.h holds assembler macros: include it from a .S file"
#else

#if defined __RED_ZONE_SIZE__ && defined __RED_ZONE_OFFSET__
# if defined RZ_ENTRY_SIZE && RZ_ENTRY_SIZE != __RED_ZONE_SIZE__
#  error "RZ_ENTRY_SIZE differs from the -mred-zone-size this file is built with"
# endif
# if defined RZ_ENTRY_OFFSET && RZ_ENTRY_OFFSET != __RED_ZONE_OFFSET__
#  error "RZ_ENTRY_OFFSET differs from the -mred-zone-offset this file is built with"
# endif
# undef RZ_ENTRY_SIZE
# undef RZ_ENTRY_OFFSET
# define RZ_ENTRY_SIZE   __RED_ZONE_SIZE__
# define RZ_ENTRY_OFFSET __RED_ZONE_OFFSET__
#elif !defined RZ_ENTRY_SIZE || !defined RZ_ENTRY_OFFSET
# error "redzone-entry.h needs the window: build with the plugin's -mred-zone-size=N -mred-zone-offset=M, or define RZ_ENTRY_SIZE and RZ_ENTRY_OFFSET"
#endif

#if RZ_ENTRY_SIZE < 0 || RZ_ENTRY_SIZE % 8 || RZ_ENTRY_OFFSET < 0 || RZ_ENTRY_OFFSET % 8
# error "the window's size and offset must be non-negative multiples of 8"
#endif

/* The bytes below rsp_i that entry must not write: the gap and the window. */
#define RZ_ENTRY_PROTECT (RZ_ENTRY_OFFSET + RZ_ENTRY_SIZE)

/* The most the CPU writes below rsp_i on a stack it stays on: 8 bytes of
 * alignment to 16, five words, an error code. */
#define RZ_ENTRY_CPU_FRAME 56

/* RZ_DIRECT_STUB label, vec, err, common[, protect]
 * A stub for an interrupt gate without IST.  err: 1 when the CPU pushes an
 * error code for vec.  The CPU left %rsp at rsp_i-40 at the highest (rsp_i
 * 16-aligned, no error code), so sub $(protect - 40) puts it at or below
 * rsp_i - protect; each pushq then copies one word of the CPU's frame, read
 * above the %rsp it is about to lower.  protect defaults to M + N; a smaller
 * value is for negative controls only (40: no sub at all). */
.macro RZ_DIRECT_STUB label:req, vec:req, err:req, common:req, protect=RZ_ENTRY_PROTECT
	.if RZ_ENTRY_OFFSET < RZ_ENTRY_CPU_FRAME
	.ifndef .Lrz_entry_offset_refused	/* say it once, not per stub */
	.error "direct entry needs a red-zone offset (M) of at least 56: the CPU pushes up to 56 bytes below the interrupted %rsp before the stub runs; use IST entry for a smaller M"
	.set	.Lrz_entry_offset_refused, 1
	.endif
	.endif
	.if (\protect) < 40
	.error "RZ_DIRECT_STUB: protect must be at least 40"
	.endif
\label:
	.if (\protect) > 40
	sub	$(\protect) - 40, %rsp
	.endif
	.if \err
	.rept	6			/* ss, rsp, rflags, cs, rip, error code */
	pushq	(\protect)(%rsp)
	.endr
	.else
	.rept	5			/* ss, rsp, rflags, cs, rip */
	pushq	(\protect) - 8(%rsp)
	.endr
	pushq	$0
	.endif
	pushq	$\vec
	jmp	\common
.endm

/* RZ_IST_STUB label, vec, err, trampoline
 * A stub for a gate with an IST slot: pushes a zero error code where the CPU
 * gave none, and the vector, on the IST stack, then jumps to the slot's
 * trampoline.  Also the stub of an abort-class vector (#DF, #MC) whose
 * handler stays on its IST stack: pass the common code as the trampoline. */
.macro RZ_IST_STUB label:req, vec:req, err:req, trampoline:req
\label:
	.if !\err
	pushq	$0
	.endif
	pushq	$\vec
	jmp	\trampoline
.endm

/* RZ_IST_TRAMPOLINE label, ist_top, common[, protect]
 * One per IST slot whose events return to the interrupted stack.  ist_top:
 * a symbol, the 16-aligned address that slot of the TSS holds, so the
 * frame sits at fixed addresses: ss at ist_top-8 down to the vector at
 * ist_top-56.  Switches to rsp_i - protect and pushes the frame there.
 * Defines label_end after its last instruction.  From the stub's first
 * instruction to there, the IST stack holds the only copy of the frame: an
 * event entering on the same slot meanwhile overwrites it.  Interrupt gates
 * keep maskable interrupts out and this code cannot fault, but an NMI
 * handler that interrupts it and then faults must save and restore the
 * seven words (doc/interrupts.md, "IST stacks do not nest"; kernel-demo's
 * nmi.c).  protect defaults to M + N; 0 is for negative controls. */
.macro RZ_IST_TRAMPOLINE label:req, ist_top:req, common:req, protect=RZ_ENTRY_PROTECT
\label:
	mov	\ist_top - 16(%rip), %rsp	/* rsp_i, from the CPU's frame */
	.if (\protect) > 0
	sub	$(\protect), %rsp
	.endif
	.irp	off, 8, 16, 24, 32, 40, 48, 56	/* ss ... rip, error, vector */
	pushq	\ist_top - \off(%rip)
	.endr
	jmp	\common
\label\()_end:
.endm

#endif /* __ASSEMBLER__ */
#endif
