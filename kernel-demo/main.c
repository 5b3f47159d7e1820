/* SPDX-License-Identifier: MIT */
/* main.c: boot the machine, run the workload under both adversaries, print
 * the summary on COM1 and leave QEMU with PASS or FAIL (panic.c).
 *
 *   phase "timer": the PIT interrupts as fast as it can while the workload
 *                  runs (QEMU's -singlestep lets an interrupt land between
 *                  any two instructions);
 *   phase "step":  the same, and the workload also runs with RFLAGS.TF set,
 *                  so #DB follows every single instruction.
 * In both phases the second CPU sends NMIs at pseudo-random moments (ap.c),
 * and nmi_probe sends one to its own CPU (workload.c).  Each handler
 * overwrites the gap and the area below the window (trap.c, nmi.c).  Every
 * call is checked against the same call made with interrupts off. */
#include "kernel.h"
#include "panic.h"
#include "trap.h"
#include "x86.h"
#include "lapic.h"

#ifndef PIT_DIVISOR
#define PIT_DIVISOR 2		/* 1193182 / 2: the PIT's fastest mode-2 rate */
#endif
#ifndef TIMER_ROUNDS
#define TIMER_ROUNDS 400
#endif
#ifndef STEP_ROUNDS
#define STEP_ROUNDS 4
#endif
#ifndef CODE_OFFSET
#define CODE_OFFSET RZ_OFFSET
#endif
#define SHOW_FAILURES 8		/* print the first few mismatches in full */

static void check(const char *what, unsigned round, uint64_t got, uint64_t want)
{
	if (got == want) {
		stats.checks_passed++;
		return;
	}
	if (stats.checks_failed++ < SHOW_FAILURES)
		kprintf("  FAIL %s (round %u): got %016lx, expected %016lx\n",
			what, round, got, want);
}

/* Results fixed by the functions' definitions, whatever the compiler did. */
static void known_answers(void)
{
	static const uint8_t digits[] = "123456789";
	static const uint8_t bits[] = { 0xFF, 0x0F, 0x01 };
	static const uint8_t small[] = { 2, 3, 4, 5, 251 };	/* 251 is prime */

	check("crc32_2bit(\"123456789\")", 0, crc32_2bit(digits, 9), 0xCBF43926);
	check("prime_sieve(2 3 4 5 251)", 0, prime_sieve(small, 5),
	      (((1 * 3 + 1) * 3 + 0) * 3 + 1) * 3 + 1);
	check("popcount_table(ff 0f 01)", 0, popcount_table(bits, 3),
	      (uint64_t)13 << 32 | (0 * 8 + 1 * 4 + 2 * 1));
}

/* Returns how many times the phase's adversary struck. */
static uint64_t run_phase(const char *name, unsigned rounds, int step)
{
	uint64_t passed = stats.checks_passed, failed = stats.checks_failed;
	uint64_t ticks = stats.vec[VEC_IRQ0], steps = stats.steps;

	for (unsigned r = 0; r < rounds; r++)
		for (unsigned k = 0; k < workload_count; k++) {
			if (BROKEN_LOCKUP && !step && r == rounds / 2)
				for (;;)	/* interrupts are off */
					__asm__ volatile("pause");
			const struct work *w = &workload[k];
			const uint8_t *p = workload_data + ((r * 37 + k * 11) & 255);
			uint64_t n = 32 + ((r * 13 + k * 7) & 127);

			/* Interrupts are off here: nothing disturbs this call. */
			uint64_t want = w->fn(p, n);
			if (w->selfcheck && !(want & 1))
				check(w->name, r, want & 1, 1);

			stats.call_steps = stats.call_ticks = 0;
			stats.calling = 1;
			stats.stepping = step;
			sti();
			uint64_t got = step ? stepped_call(w->fn, p, n) : w->fn(p, n);
			cli();
			stats.stepping = stats.calling = 0;
			if (stats.call_steps > stats.max_call_steps)
				stats.max_call_steps = stats.call_steps;
			check(w->name, r, got, want);
		}

	kprintf("phase %s: %u rounds x %u functions: %lu checks passed, "
		"%lu failed; %lu timer interrupts, %lu single steps\n",
		name, rounds, workload_count, stats.checks_passed - passed,
		stats.checks_failed - failed, stats.vec[VEC_IRQ0] - ticks,
		stats.steps - steps);
	return step ? stats.steps - steps : stats.vec[VEC_IRQ0] - ticks;
}

/* Every region an NMI can land in was hit: the workload, a stub (and at
 * least once its first instruction), the trampoline where there is one, the
 * register save, the exit path, a handler.  In the IST scheme some NMI has
 * also taken #GP on IST1 over an interrupted stub or trampoline. */
static int nmis_everywhere(void)
{
	for (int r = 0; r < NMI_REGIONS; r++)
		if (!stats.nmi_at[r] && r != NMI_KERNEL &&
		    (r != NMI_TRAMPOLINE || ENTRY_IST))
			return 0;
	return stats.nmi_first && (!ENTRY_IST || stats.nmi_guarded);
}

void kmain(void)
{
	serial_init();
	kprintf("\nredzone demo kernel: entry=%s, window N=%d bytes at offset "
		"M=%d%s\n", ENTRY_IST ? "ist" : "direct", RZ_SIZE, RZ_OFFSET,
		BROKEN ? ", BROKEN stubs (negative control)" :
		BROKEN_TRAPGATE ? ", timers on trap gates (negative control)" :
		BROKEN_NMI ? ", NMI on a direct stub without IST (negative "
			     "control)" :
		BROKEN_ISTNEST ? ", the NMI handler does not save IST1's frame "
				 "(negative control)" :
		BROKEN_LOCKUP ? ", CPU 0 stops in the timer phase (negative "
				"control)" : "");
	if (CODE_OFFSET != RZ_OFFSET)
		kprintf("  C code compiled for M=%d (control: the adversary "
			"must catch it)\n", CODE_OFFSET);
	if (ENTRY_IST)
		kprintf("  every vector enters on IST%d; the trampoline moves "
			"the frame to below rsp_i - %d\n", IST_ENTRY,
			BROKEN ? 0 : RZ_OFFSET + RZ_SIZE);
	else
		kprintf("  direct stubs start with sub $%d, %%rsp (M + N - 40); "
			"NMI, #DF, #MC on IST\n",
			BROKEN ? 0 : RZ_OFFSET + RZ_SIZE - 40);

	gdt_init();
	idt_init();
	workload_init();
	nest_init();
	nmi_init();
	known_answers();

	kprintf("PIT divisor %d (%d Hz); %u workload functions\n", PIT_DIVISOR,
		1193182 / PIT_DIVISOR, workload_count);
	timer_init(PIT_DIVISOR);
	/* After the timer: under -icount QEMU switches between the CPUs at
	 * timer deadlines only, and CPU 0 waits here for CPU 1 to run. */
	ap_boot();
	ap_nmis(1);
	uint64_t ticks = run_phase("timer", TIMER_ROUNDS, 0);
	uint64_t steps = run_phase("step", STEP_ROUNDS, 1);
	ap_nmis(0);
	timer_stop();

	print_summary();
	/* A pass means something only if both adversaries really struck. */
	if ((TIMER_ROUNDS && !ticks) || (STEP_ROUNDS && !steps)) {
		kprintf("RESULT: ERROR (an adversary never ran)\n");
		qemu_exit(QEMU_EXIT_IDLE);
	}
	if (!stats.gp_fixups) {
		kprintf("RESULT: ERROR (no error-code vector was taken)\n");
		qemu_exit(QEMU_EXIT_IDLE);
	}
	if (stats.deepest < 2 || !stats.vec[VEC_IRQ8]) {
		kprintf("RESULT: ERROR (interrupts never nested, or the RTC "
			"never fired)\n");
		qemu_exit(QEMU_EXIT_IDLE);
	}
	if (!nmis_everywhere()) {
		kprintf("RESULT: ERROR (NMIs did not land in every region)\n");
		qemu_exit(QEMU_EXIT_IDLE);
	}
	if (stats.checks_failed || !stats.checks_passed || stats.nested_failed ||
	    stats.nmi_guard_failed) {
		kprintf("RESULT: FAIL (the workload's data was corrupted)\n");
		qemu_exit(QEMU_EXIT_FAIL);
	}
	kprintf("RESULT: PASS\n");
	qemu_exit(QEMU_EXIT_PASS);
}
