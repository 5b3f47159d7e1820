/* SPDX-License-Identifier: MIT */
/* idt.c: one interrupt gate per stub in entry.S.  Interrupt gates (not trap
 * gates) clear RFLAGS.IF on entry, so a handler and the ist trampoline run
 * with maskable interrupts off; delivery also clears RFLAGS.TF, so the
 * single-step adversary never steps the entry code itself. */
#include "kernel.h"
#include "trap.h"

struct gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;		/* 0: stay on the current stack */
	uint8_t type;		/* 0x8E: present, DPL 0, 64-bit interrupt gate */
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t reserved;
} __attribute__((packed));

static struct gate idt[256];
extern const uint64_t vectors[NVECTORS];	/* entry.S */

/* Which IST stack a vector enters on; see doc/interrupts.md. */
static unsigned ist_for(unsigned v)
{
	switch (v) {
	case VEC_NMI: return IST_NMI;
	case VEC_DF:  return IST_DF;
	case VEC_MC:  return IST_MC;
	default:      return ENTRY_IST ? IST_ENTRY : 0;
	}
}

/* 0x8E, an interrupt gate; BROKEN=trapgate puts the timers on trap gates
 * (0x8F), which leave RFLAGS.IF set: the negative control for the rule
 * that nothing may interrupt a direct stub before its sub. */
static uint8_t gate_type(unsigned v)
{
	if (BROKEN_TRAPGATE && (v == VEC_IRQ0 || v == VEC_IRQ8))
		return 0x8F;
	return 0x8E;
}

void idt_init(void)
{
	for (unsigned v = 0; v < NVECTORS; v++) {
		uint64_t a = vectors[v];
		idt[v] = (struct gate){
			.off_lo = a & 0xFFFF, .sel = 0x08, .ist = ist_for(v),
			.type = gate_type(v), .off_mid = (a >> 16) & 0xFFFF,
			.off_hi = a >> 32,
		};
	}
	/* Vectors without a stub stay not-present: using one raises #NP. */
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) desc = { sizeof idt - 1, (uint64_t)idt };
	__asm__ volatile("lidt %0" : : "m"(desc));
}
