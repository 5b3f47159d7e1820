/* SPDX-License-Identifier: MIT */
/* gdt.c: the runtime GDT with a 64-bit TSS, whose only job here is to hold
 * the interrupt stack table (IST): the stacks the CPU switches to for the
 * vectors that doc/interrupts.md routes through IST. */
#include "kernel.h"
#include "trap.h"

#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_TSS   0x18

struct tss {
	uint32_t reserved0;
	uint64_t rsp[3];	/* privilege-change stacks: unused, ring 0 only */
	uint64_t reserved1;
	uint64_t ist[7];	/* IST1..IST7 */
	uint64_t reserved2;
	uint16_t reserved3;
	uint16_t iomap_base;
} __attribute__((packed));

static struct tss tss;
static uint64_t gdt[5];

/* One stack per IST slot in use.  The trampolines (IST1, NMI) move the
 * CPU's frame off at once, but #DF and #MC run their whole handler here,
 * HANDLER_ROOM (trap.h) below the frame.  The trampolines read the frame at
 * fixed addresses below each top (entry.S), which must be 16-aligned. */
uint8_t ist_stacks[IST_SLOTS][IST_STACK_SIZE] __attribute__((aligned(16)));

void gdt_init(void)
{
	uint64_t base = (uint64_t)&tss;
	uint64_t limit = sizeof tss - 1;

	for (int i = 1; i <= IST_SLOTS; i++)
		tss.ist[i - 1] = (uint64_t)&ist_stacks[i - 1][IST_STACK_SIZE];
	tss.iomap_base = sizeof tss;	/* no I/O bitmap */

	gdt[0] = 0;
	gdt[SEL_KCODE / 8] = 0x00209A0000000000;	/* same as boot.S */
	gdt[SEL_KDATA / 8] = 0x0000920000000000;
	/* A system descriptor takes two slots: type 9 = available 64-bit TSS. */
	gdt[SEL_TSS / 8] = (limit & 0xFFFF) | (base & 0xFFFFFF) << 16 |
			   (uint64_t)0x89 << 40 | ((limit >> 16) & 0xF) << 48 |
			   ((base >> 24) & 0xFF) << 56;
	gdt[SEL_TSS / 8 + 1] = base >> 32;

	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) desc = { sizeof gdt - 1, (uint64_t)gdt };
	__asm__ volatile("lgdt %0" : : "m"(desc));
	/* %cs keeps selector 0x08, which names the same descriptor as before;
	 * reload the data segments so they come from this table. */
	__asm__ volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%ss"
			 : : "r"((uint32_t)SEL_KDATA));
	__asm__ volatile("ltr %w0" : : "r"(SEL_TSS));
}
