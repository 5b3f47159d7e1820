/* SPDX-License-Identifier: MIT */
/* idt.c: one interrupt gate per stub in entry.S.  Interrupt gates (not trap
 * gates) clear RFLAGS.IF on entry, so a handler and the ist trampoline run
 * with maskable interrupts off; delivery also clears RFLAGS.TF, so the
 * single-step adversary never steps the entry code itself. */
#include "kernel.h"
#include "trap.h"
#include "lapic.h"

struct gate {
	uint16_t off_lo;
	uint16_t sel;
	uint8_t ist;		/* 0: stay on the current stack */
	uint8_t type;		/* 0x8E: present, DPL 0, 64-bit interrupt gate */
	uint16_t off_mid;
	uint32_t off_hi;
	uint32_t reserved;
} __attribute__((packed));

static struct gate idt[256], ap_idt[256];
extern const uint64_t vectors[NVECTORS];	/* entry.S */
extern const char ap_timer_entry[], ap_spurious_entry[];	/* apstart.S */

static struct gate gate(uint64_t a, unsigned ist, uint8_t type)
{
	return (struct gate){
		.off_lo = a & 0xFFFF, .sel = 0x08, .ist = ist, .type = type,
		.off_mid = (a >> 16) & 0xFFFF, .off_hi = a >> 32,
	};
}

static void load(struct gate *table)
{
	struct {
		uint16_t limit;
		uint64_t base;
	} __attribute__((packed)) desc = { 256 * sizeof *table - 1, (uint64_t)table };
	__asm__ volatile("lidt %0" : : "m"(desc));
}

/* Which IST stack a vector enters on; see doc/interrupts.md. */
static unsigned ist_for(unsigned v)
{
	switch (v) {
	case VEC_NMI: return BROKEN_NMI ? 0 : IST_NMI;
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
	for (unsigned v = 0; v < NVECTORS; v++)
		idt[v] = gate(vectors[v], ist_for(v), gate_type(v));
	/* Vectors without a stub stay not-present: using one raises #NP. */
	load(idt);
}

/* The second CPU's table (ap.c): its timer and the spurious vector. */
void idt_load_ap(void)
{
	ap_idt[AP_TIMER_VEC] = gate((uint64_t)ap_timer_entry, 0, 0x8E);
	ap_idt[AP_SPURIOUS_VEC] = gate((uint64_t)ap_spurious_entry, 0, 0x8E);
	load(ap_idt);
}
