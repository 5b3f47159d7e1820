/* SPDX-License-Identifier: MIT */
/* nmi.c: the NMI handler.  NMIs come from the second CPU at pseudo-random
 * moments (ap.c) and from nmi_probe (workload.c), which sends one to its own
 * CPU; stepped, that one arrives at the #DB stub's first instruction.  Each
 * NMI is counted by where it landed, and attacks like the timer wherever the
 * code it interrupted may keep a window.
 *
 * IST stacks do not nest (doc/interrupts.md).  In the IST scheme an NMI can
 * land in an IST1 stub or in the trampoline, while IST1 holds the only copy
 * of the interrupted frame; an exception in the NMI handler would enter on
 * IST1 again and overwrite it.  So the handler saves those words first,
 * before anything that could fault, and puts them back last.  To show that
 * this is needed and enough, it then takes a #GP through IST1 on purpose
 * (BROKEN=istnest: the same without the save). */
#include "kernel.h"
#include "panic.h"
#include "trap.h"

extern const uint64_t vectors[NVECTORS];
extern const char entry_stubs[], entry_stubs_end[];
extern const char nmi_trampoline[], nmi_trampoline_end[];
extern const char alltraps[], alltraps_exit[], alltraps_iretq[], alltraps_end[];
#if ENTRY_IST
extern const char ist_trampoline[], ist_trampoline_end[];
#endif

/* What IST1 holds while a stub or the trampoline runs, at its top: vector,
 * error code and the CPU's five words (redzone-entry.h). */
#define IST_FRAME_WORDS 7
#define GUARD_LEN 48		/* gp_probe's input in the handler */
static uint64_t guard_want;

void nmi_init(void)
{
	guard_want = gp_probe(workload_data + 200, GUARD_LEN);
}

static int in(uint64_t rip, const char *lo, const char *hi)
{
	return rip >= (uint64_t)lo && rip < (uint64_t)hi;
}

static int stub_start(uint64_t rip)
{
	for (unsigned v = 0; v < NVECTORS; v++)
		if (rip == vectors[v])
			return 1;
	return 0;
}

/* outer: how many handlers the NMI interrupted (0: none). */
static enum nmi_region where(uint64_t rip, unsigned outer)
{
	if (in(rip, nmi_trampoline, nmi_trampoline_end))
		panic("NMI inside the NMI trampoline, at rip %lx", rip);
	if (in(rip, entry_stubs, entry_stubs_end))
		return NMI_STUB;
#if ENTRY_IST
	if (in(rip, ist_trampoline, ist_trampoline_end))
		return NMI_TRAMPOLINE;
#endif
	if (in(rip, alltraps, alltraps_exit))
		return NMI_SAVE;
	if (in(rip, alltraps_exit, alltraps_end))
		return NMI_EXIT;
	if (outer)
		return NMI_HANDLER;
	if (in(rip, __workload_start, __workload_end))
		return NMI_WORKLOAD;
	return NMI_KERNEL;
}

void nmi(struct trapframe *tf, unsigned outer)
{
	volatile uint64_t *ist1 = (uint64_t *)ist_stacks[IST_ENTRY] - IST_FRAME_WORDS;
	enum nmi_region r = where(tf->rip, outer);
	int guard = ENTRY_IST && (r == NMI_STUB || r == NMI_TRAMPOLINE);
	int first = r == NMI_STUB && stub_start(tf->rip);
	uint64_t saved[IST_FRAME_WORDS];

	if (guard && !BROKEN_ISTNEST)
		for (int i = 0; i < IST_FRAME_WORDS; i++)
			saved[i] = ist1[i];

	stats.nmi_at[r]++;
	stats.nmi_first += first;
	stats.nmi_iretq += tf->rip == (uint64_t)alltraps_iretq;

	/* At a direct stub's first instruction %rsp has not yet moved past
	 * the window of the code the stub interrupted: what lies below it is
	 * live, and no rule lets anyone overwrite it. */
	if (stats.calling && !(first && !ENTRY_IST))
		attack(tf);

	if (guard) {
		stats.nmi_guarded++;
		if (gp_probe(workload_data + 200, GUARD_LEN) != guard_want)
			stats.nmi_guard_failed++;
		if (!BROKEN_ISTNEST)
			for (int i = 0; i < IST_FRAME_WORDS; i++)
				ist1[i] = saved[i];
	}
}
