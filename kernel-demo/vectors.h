/* SPDX-License-Identifier: MIT */
/* vectors.h: every vector that has a stub in entry.S, once, in order:
 *
 *   VECTOR(name, number, err, what)
 *
 * err is 1 when the CPU pushes an error code for it (Intel SDM vol. 3A,
 * table 6-1; doc/interrupts.md, section 2), what describes it in panic
 * messages.  Included by C and by assembly: the C side makes the constants
 * VEC_<name> of it and the names of trap.c, entry.S the stubs, the
 * constants and the table of stub addresses (vectors[], indexed by number,
 * which is why the list must be in order, without holes, from 0: entry.S
 * checks that). */
#ifndef VECTORS_H
#define VECTORS_H

#define FOR_EACH_VECTOR(VECTOR) \
	VECTOR(DE,     0, 0, "#DE divide error") \
	VECTOR(DB,     1, 0, "#DB debug") \
	VECTOR(NMI,    2, 0, "NMI") \
	VECTOR(BP,     3, 0, "#BP breakpoint") \
	VECTOR(OF,     4, 0, "#OF overflow") \
	VECTOR(BR,     5, 0, "#BR bound") \
	VECTOR(UD,     6, 0, "#UD invalid opcode") \
	VECTOR(NM,     7, 0, "#NM no FPU") \
	VECTOR(DF,     8, 1, "#DF double fault") \
	VECTOR(CSO,    9, 0, "coprocessor overrun") \
	VECTOR(TS,    10, 1, "#TS invalid TSS") \
	VECTOR(NP,    11, 1, "#NP segment not present") \
	VECTOR(SS,    12, 1, "#SS stack fault") \
	VECTOR(GP,    13, 1, "#GP general protection") \
	VECTOR(PF,    14, 1, "#PF page fault") \
	VECTOR(RES15, 15, 0, "reserved") \
	VECTOR(MF,    16, 0, "#MF x87 error") \
	VECTOR(AC,    17, 1, "#AC alignment check") \
	VECTOR(MC,    18, 0, "#MC machine check") \
	VECTOR(XM,    19, 0, "#XM SIMD error") \
	VECTOR(VE,    20, 0, "#VE virtualization") \
	VECTOR(CP,    21, 1, "#CP control protection") \
	VECTOR(RES22, 22, 0, "reserved") \
	VECTOR(RES23, 23, 0, "reserved") \
	VECTOR(RES24, 24, 0, "reserved") \
	VECTOR(RES25, 25, 0, "reserved") \
	VECTOR(RES26, 26, 0, "reserved") \
	VECTOR(RES27, 27, 0, "reserved") \
	VECTOR(HV,    28, 0, "#HV hypervisor injection") \
	VECTOR(VC,    29, 1, "#VC VMM communication") \
	VECTOR(SX,    30, 1, "#SX security") \
	VECTOR(RES31, 31, 0, "reserved") \
	/* The 8259 pair, remapped here by timer.c; IRQ0 is the PIT, and \
	 * the master reports spurious interrupts as IRQ7. */ \
	VECTOR(IRQ0,  32, 0, "IRQ0 timer") \
	VECTOR(IRQ1,  33, 0, "IRQ1") \
	VECTOR(IRQ2,  34, 0, "IRQ2") \
	VECTOR(IRQ3,  35, 0, "IRQ3") \
	VECTOR(IRQ4,  36, 0, "IRQ4") \
	VECTOR(IRQ5,  37, 0, "IRQ5") \
	VECTOR(IRQ6,  38, 0, "IRQ6") \
	VECTOR(IRQ7,  39, 0, "IRQ7") \
	VECTOR(IRQ8,  40, 0, "IRQ8") \
	VECTOR(IRQ9,  41, 0, "IRQ9") \
	VECTOR(IRQ10, 42, 0, "IRQ10") \
	VECTOR(IRQ11, 43, 0, "IRQ11") \
	VECTOR(IRQ12, 44, 0, "IRQ12") \
	VECTOR(IRQ13, 45, 0, "IRQ13") \
	VECTOR(IRQ14, 46, 0, "IRQ14") \
	VECTOR(IRQ15, 47, 0, "IRQ15")

#ifndef __ASSEMBLER__
#define VECTOR_ENUM(name, number, err, what) VEC_##name = number,
enum vector {
	FOR_EACH_VECTOR(VECTOR_ENUM)
	NVECTORS			/* how many get a stub */
};
#undef VECTOR_ENUM
#endif

#endif
