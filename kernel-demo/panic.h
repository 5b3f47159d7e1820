/* SPDX-License-Identifier: MIT */
/* panic.h: the statistics the kernel keeps while it runs, its summary, and
 * the ways out of QEMU (panic.c).  main.c and the handlers in trap.c count
 * and stop here; panic.c itself uses only printf.c and timer.c. */
#ifndef PANIC_H
#define PANIC_H

#include <stdint.h>

/* Where an NMI landed (nmi.c). */
enum nmi_region {
	NMI_WORKLOAD,		/* a workload call of the main loop */
	NMI_STUB,		/* a vector's stub */
	NMI_TRAMPOLINE,		/* the IST scheme's trampoline */
	NMI_SAVE,		/* alltraps, saving registers */
	NMI_EXIT,		/* alltraps, restoring them, up to iretq */
	NMI_HANDLER,		/* any code a handler runs, workload included */
	NMI_KERNEL,		/* the rest: main loop, reference calls */
	NMI_REGIONS
};

struct stats {
	uint64_t vec[256];		/* interrupts and exceptions taken */
	uint64_t attacks;		/* times the adversary scribbled */
	uint64_t steps;			/* single-step #DB taken */
	uint64_t steps_in_workload;	/* ...with RIP inside workload.c */
	uint64_t step_sites, timer_sites;	/* distinct workload RIPs hit */
	uint64_t checks_passed, checks_failed;
	uint64_t call_steps, call_ticks;	/* for the runaway watchdog */
	uint64_t max_call_steps;
	uint64_t gp_fixups;		/* #GP taken in workload code, resumed */
	uint64_t deepest;		/* handlers running at once, at most */
	uint64_t nested_calls, nested_failed;	/* workload run by handlers */
	uint64_t nmi_at[NMI_REGIONS];
	uint64_t nmi_first;		/* at a stub's first instruction */
	uint64_t nmi_iretq;		/* at alltraps' iretq */
	uint64_t nmi_guarded, nmi_guard_failed;	/* took #GP on IST1 (nmi.c) */
	uint64_t nmis_sent;		/* by the second CPU (ap.c) */
	uint64_t nmis_self;		/* by nmi_probe to its own CPU */
	uint64_t lockup_wait;		/* most CPU 1 wakes without a call done */
	int stepping;			/* a stepped call is in progress */
	int calling;			/* an attacked call is in progress */
};
extern struct stats stats;

/* CPU 1's lockup detector (ap.c): CPU 0 is stuck when it finishes no
 * workload call while CPU 1 wakes this many times. */
#define LOCKUP_WAKES 4096

#define QEMU_EXIT_PASS 0x10	/* isa-debug-exit: QEMU exits (v << 1) | 1 = 33 */
#define QEMU_EXIT_FAIL 0x11	/* 35: the workload's data was corrupted */
#define QEMU_EXIT_IDLE 0x12	/* 37: an adversary never struck: no verdict */

/* The configuration and the counters, on COM1. */
void print_summary(void);
/* Leave QEMU with status (v << 1) | 1. */
void qemu_exit(uint32_t v) __attribute__((noreturn));
/* Stop the timer, print the message and the summary, leave with FAIL. */
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
