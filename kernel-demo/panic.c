/* SPDX-License-Identifier: MIT */
/* panic.c: the statistics, the summary that prints them, and the way out:
 * qemu_exit() through isa-debug-exit, panic() with FAIL.  It calls only
 * printf.c and timer.c, so that main.c and the handlers in trap.c both use
 * it without calling into each other. */
#include "kernel.h"
#include "panic.h"
#include "trap.h"
#include "x86.h"

struct stats stats;

void print_summary(void)
{
	uint64_t total = 0;

	for (int v = 0; v < 256; v++)
		total += stats.vec[v];
	kprintf("summary: entry=%s N=%d M=%d broken=%s\n",
		ENTRY_IST ? "ist" : "direct", RZ_SIZE, RZ_OFFSET, BROKEN_NAME);
	kprintf("  interrupts taken: %lu (timer %lu, RTC %lu, #DB %lu, other %lu)\n",
		total, stats.vec[VEC_IRQ0], stats.vec[VEC_IRQ8], stats.vec[VEC_DB],
		total - stats.vec[VEC_IRQ0] - stats.vec[VEC_IRQ8] - stats.vec[VEC_DB]);
	kprintf("  steps attacked: %lu (%lu inside workload functions, at most "
		"%lu in one call); attacks in all: %lu\n", stats.steps,
		stats.steps_in_workload, stats.max_call_steps, stats.attacks);
	kprintf("  workload instruction boundaries hit: %lu by #DB, %lu by "
		"the timer alone\n", stats.step_sites, stats.timer_sites);
	kprintf("  deepest nesting: %lu (handlers ran %lu workload calls with "
		"interrupts on, %lu wrong); RTC interrupts: %lu\n", stats.deepest,
		stats.nested_calls, stats.nested_failed, stats.vec[VEC_IRQ8]);
	kprintf("  error-code faults: %lu #GP taken in workload code and "
		"resumed by their fixup\n", stats.gp_fixups);
	uint64_t nmis = 0;
	for (int r = 0; r < NMI_REGIONS; r++)
		nmis += stats.nmi_at[r];
	kprintf("  NMIs: %lu (workload %lu, stubs %lu of them %lu at a first "
		"instruction, trampoline %lu, register save %lu, exit path %lu "
		"of them %lu at iretq, handlers %lu, elsewhere %lu); sent: %lu "
		"by CPU 1, %lu by CPU 0 to itself\n", nmis,
		stats.nmi_at[NMI_WORKLOAD], stats.nmi_at[NMI_STUB], stats.nmi_first,
		stats.nmi_at[NMI_TRAMPOLINE], stats.nmi_at[NMI_SAVE],
		stats.nmi_at[NMI_EXIT], stats.nmi_iretq, stats.nmi_at[NMI_HANDLER],
		stats.nmi_at[NMI_KERNEL], stats.nmis_sent, stats.nmis_self);
	if (ENTRY_IST)
		kprintf("  NMIs on IST1's frame: %lu, each took #GP through IST1 "
			"and checked its result: %lu wrong\n", stats.nmi_guarded,
			stats.nmi_guard_failed);
	kprintf("  lockup detector: CPU 1 woke at most %lu times without a "
		"finished call (a lockup at %u)\n", stats.lockup_wait,
		LOCKUP_WAKES);
	kprintf("  workload checks: %lu passed, %lu failed\n",
		stats.checks_passed, stats.checks_failed);
}

void qemu_exit(uint32_t v)
{
	outl(0xF4, v);		/* isa-debug-exit: QEMU exits with (v << 1) | 1 */
	for (;;) {		/* no such device: stop here, the timeout ends it */
		cli();
		hlt();
	}
}

void panic(const char *fmt, ...)
{
	va_list ap;

	cli();
	timer_stop();
	kprintf("PANIC: ");
	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	print_summary();
	kprintf("RESULT: FAIL\n");
	qemu_exit(QEMU_EXIT_FAIL);
}
