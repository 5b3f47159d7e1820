/* SPDX-License-Identifier: MIT */
/* lapic.h: the local APIC (xAPIC, memory-mapped at its reset address, which
 * boot.S maps uncached), the second CPU's start address and the one IPI the
 * workload sends itself.  Shared by C and by apstart.S. */
#ifndef LAPIC_H
#define LAPIC_H

#define LAPIC_BASE	0xFEE00000
#define LAPIC_ID	0x020		/* bits 31:24 */
#define LAPIC_EOI	0x0B0
#define LAPIC_SVR	0x0F0		/* spurious vector, bit 8 enables */
#define LAPIC_ICR_LO	0x300
#define LAPIC_ICR_HI	0x310		/* destination APIC ID in bits 31:24 */
#define LAPIC_LVT_TIMER	0x320
#define LAPIC_TIMER_INIT 0x380
#define LAPIC_TIMER_DIV	0x3E0

#define ICR_NMI		0x00400		/* delivery mode NMI (the vector is ignored) */
#define ICR_INIT	0x04500		/* INIT, level assert */
#define ICR_STARTUP	0x04600		/* start-up IPI; vector = page of the entry */
#define ICR_PENDING	0x01000		/* delivery status: not yet accepted */

/* The second CPU starts in real mode at this page (below 1 MiB, unused by
 * QEMU's Multiboot loader), where ap_boot() copies apstart.S's real-mode part. */
#define AP_BASE		0x8000
#define AP_APIC_ID	1
#define AP_TIMER_VEC	0xF0		/* the second CPU's own IDT (ap.c) */
#define AP_SPURIOUS_VEC	0xFF

/* Selectors of apstart.S's GDT. */
#define AP_CODE64	0x08
#define AP_DATA		0x10
#define AP_CODE32	0x18

#ifndef __ASSEMBLER__
#include <stdint.h>

static inline uint32_t lapic_read(unsigned reg)
{
	return *(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg);
}

static inline void lapic_write(unsigned reg, uint32_t v)
{
	*(volatile uint32_t *)(uintptr_t)(LAPIC_BASE + reg) = v;
}

/* An IPI to one CPU by APIC ID (physical destination).  Inline and free of
 * calls, so that a converted leaf function can send one to its own CPU. */
static inline void lapic_ipi(unsigned apic_id, uint32_t icr)
{
	lapic_write(LAPIC_ICR_HI, apic_id << 24);
	lapic_write(LAPIC_ICR_LO, icr);
	while (lapic_read(LAPIC_ICR_LO) & ICR_PENDING)
		;
}

static inline unsigned lapic_id(void)
{
	return lapic_read(LAPIC_ID) >> 24;
}

/* ap.c */
void ap_boot(void);		/* on CPU 0: INIT, SIPI, wait until it runs */
void ap_nmis(int on);		/* CPU 1 sends NMIs to CPU 0, or stops */
#endif

#endif
