/* SPDX-License-Identifier: MIT */
/* ap.c: the second CPU, the NMI adversary's source.  CPU 0 starts it with
 * INIT and start-up IPIs (ap_boot); it then sleeps in hlt and wakes on its
 * local APIC timer, one-shot with a pseudo-random count each time, and
 * sends CPU 0 an NMI while ap_nmis(1) is in force.  QEMU runs the two CPUs
 * in turns under -icount, and CPU 0 takes the NMI at the instruction
 * boundary where its turn ended, so the random counts spread the NMIs over
 * every kind of code CPU 0 runs: workload, stubs, trampoline, handlers.
 * It also watches CPU 0 for a lockup. */
#include "kernel.h"
#include "lapic.h"
#include "panic.h"

/* Counts of the timer, in instructions under -icount shift=0 (the local
 * APIC timer counts at 1 GHz in QEMU, divided by 1 here). */
#define NMI_GAP_MIN 2000
#define NMI_GAP_SPAN 32768	/* uniform in [MIN, MIN + SPAN) */

extern const char ap_real[], ap_real_end[];	/* apstart.S */

static volatile int ap_running, nmis_on;
static uint32_t gap_state = 2463534242u;	/* xorshift32 */

static uint32_t next_gap(void)
{
	gap_state ^= gap_state << 13;
	gap_state ^= gap_state >> 17;
	gap_state ^= gap_state << 5;
	return NMI_GAP_MIN + gap_state % NMI_GAP_SPAN;
}

/* Busy-wait long enough for an INIT or a start-up IPI to take (the SDM
 * asks for 10 ms and 200 us on hardware; QEMU needs none). */
static void settle(void)
{
	for (volatile unsigned i = 0; i < 100000; i++)
		;
}

void ap_boot(void)
{
	memcpy((void *)AP_BASE, ap_real, ap_real_end - ap_real);
	lapic_ipi(AP_APIC_ID, ICR_INIT);
	settle();
	for (int sipi = 0; sipi < 2 && !ap_running; sipi++) {
		lapic_ipi(AP_APIC_ID, ICR_STARTUP | AP_BASE >> 12);
		settle();
	}
	for (unsigned i = 0; !ap_running; i++)
		if (i == 100000000)
			panic("the second CPU did not start (QEMU needs -smp 2)");
}

void ap_nmis(int on)
{
	nmis_on = on;
}

/* On the second CPU, from apstart.S, interrupts off. */
void ap_main(void)
{
	idt_load_ap();
	lapic_write(LAPIC_SVR, 0x100 | AP_SPURIOUS_VEC);
	lapic_write(LAPIC_TIMER_DIV, 0xB);		/* divide by 1 */
	lapic_write(LAPIC_LVT_TIMER, AP_TIMER_VEC);	/* one-shot */
	lapic_write(LAPIC_TIMER_INIT, next_gap());
	ap_running = 1;
}

/* Lockup detector, as Linux's: while the phases run, CPU 0 finishes a
 * workload call every few million instructions (a single-stepped call is
 * the longest).  If it finishes none while this CPU wakes LOCKUP_WAKES
 * times (panic.h; some 70 million instructions), CPU 0 is stuck: a
 * corrupted interrupt frame can end that way instead of in a fault.  Say
 * so and end the run with FAIL, rather than leave it to QEMU's timeout.
 * The summary prints the longest wait, the detector's margin. */
static void watch_cpu0(void)
{
	static uint64_t last_calls;
	static unsigned idle_wakes;
	uint64_t calls = *(volatile uint64_t *)&stats.checks_passed +
			 *(volatile uint64_t *)&stats.checks_failed;

	if (calls != last_calls) {
		last_calls = calls;
		idle_wakes = 0;
	} else if (++idle_wakes > stats.lockup_wait) {
		stats.lockup_wait = idle_wakes;
		if (idle_wakes == LOCKUP_WAKES)
			panic("lockup: CPU 0 finished no workload call while "
			      "CPU 1 woke %u times", LOCKUP_WAKES);
	}
}

void ap_timer(void)
{
	if (nmis_on) {
		lapic_ipi(0, ICR_NMI);
		stats.nmis_sent++;	/* only this CPU writes it */
		watch_cpu0();
	}
	lapic_write(LAPIC_EOI, 0);
	lapic_write(LAPIC_TIMER_INIT, next_gap());
}
