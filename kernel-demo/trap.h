/* SPDX-License-Identifier: MIT */
/* trap.h: interrupt vectors, IST slots and the trap frame, shared by the
 * C code and the entry stubs (entry.S).  The arithmetic is explained in
 * doc/interrupts.md. */
#ifndef TRAP_H
#define TRAP_H

/* The window, N = RZ_SIZE and M = RZ_OFFSET.  The entry code (assembler)
 * takes it from the macros the plugin predefines for the flags it was built
 * with, -mred-zone-size=N -mred-zone-offset=M: the same flags as the code it
 * protects, so the two cannot drift apart.  C code gets it from the
 * Makefile, since the CODE_OFFSET control compiles C for another window. */
#ifdef __ASSEMBLER__
#if !defined __RED_ZONE_SIZE__ || !defined __RED_ZONE_OFFSET__
#error "the entry code needs the red-zone plugin's __RED_ZONE_SIZE__ and __RED_ZONE_OFFSET__: build it with -specs=redzone.specs -mred-zone-size=N -mred-zone-offset=M, the flags of the code it protects"
#else
#undef RZ_SIZE
#undef RZ_OFFSET
#define RZ_SIZE   __RED_ZONE_SIZE__
#define RZ_OFFSET __RED_ZONE_OFFSET__
#endif
#endif

/* The rest of the build configuration, from the Makefile. */
#ifndef RZ_SIZE
#error "RZ_SIZE (window size N) must be defined"
#endif
#ifndef RZ_OFFSET
#error "RZ_OFFSET (gap M) must be defined"
#endif
#ifndef ENTRY_IST
#error "ENTRY_IST (0: direct entry, 1: IST trampoline) must be defined"
#endif
#ifndef BROKEN
#define BROKEN 0
#endif
#ifndef BROKEN_TRAPGATE
#define BROKEN_TRAPGATE 0
#endif
#ifndef BROKEN_NMI
#define BROKEN_NMI 0
#endif
#ifndef BROKEN_ISTNEST
#define BROKEN_ISTNEST 0
#endif
#ifndef BROKEN_LOCKUP
#define BROKEN_LOCKUP 0
#endif
/* The BROKEN= value of the Makefile, for the messages. */
#define BROKEN_NAME (BROKEN ? "1" : BROKEN_TRAPGATE ? "trapgate" : \
		     BROKEN_NMI ? "nmi" : BROKEN_ISTNEST ? "istnest" : \
		     BROKEN_LOCKUP ? "lockup" : "0")

/* The vectors with a stub, VEC_<name> and NVECTORS. */
#include "vectors.h"

/* IST slots in the TSS (1..7). */
#define IST_ENTRY  1	/* every ordinary vector, ist scheme only */
#define IST_NMI    2	/* these three in both schemes: they can arrive */
#define IST_DF     3	/* anywhere, even before a direct stub's first */
#define IST_MC     4	/* instruction has moved %rsp past the window */
#define IST_SLOTS  4
#define IST_STACK_SIZE 16384	/* each; slot s ends at ist_stacks + s * size */

/* The adversary (trap.c) overwrites this many bytes below the window... */
#define ADV_BELOW  512
/* ...so the C handler runs this far below the trap frame, out of its way. */
#define HANDLER_ROOM (RZ_OFFSET + RZ_SIZE + ADV_BELOW)

/* Trap frame size: 15 saved registers, vector, error code, 5-word CPU frame. */
#define TF_SIZE    (22 * 8)

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Built by entry.S below the interrupted code's window; lowest address first,
 * so the register that alltraps pushes last comes first. */
struct trapframe {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector, error;
	uint64_t rip, cs, rflags, rsp, ss;	/* as the CPU pushed them */
};
_Static_assert(sizeof(struct trapframe) == TF_SIZE, "trap frame layout");

void trap(struct trapframe *tf);
void attack(struct trapframe *tf);		/* trap.c: the adversary */
void nmi(struct trapframe *tf, unsigned outer);	/* nmi.c */
void nmi_init(void);
extern uint8_t ist_stacks[IST_SLOTS][IST_STACK_SIZE];	/* gdt.c */
#endif

#endif
