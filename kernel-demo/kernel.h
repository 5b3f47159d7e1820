/* SPDX-License-Identifier: MIT */
/* kernel.h: declarations shared by the demo kernel's C files. */
#ifndef KERNEL_H
#define KERNEL_H

#include <stdint.h>
#include <stddef.h>
#include <stdarg.h>

/* boot.S */
extern char kstack_bottom[], kstack_top[];	/* the one kernel stack */

/* serial.c: COM1, polled */
void serial_init(void);
void serial_putc(char c);

/* printf.c */
void kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void vkprintf(const char *fmt, va_list ap);

/* string.c: GCC may emit calls to these even in freestanding code */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
void *memmove(void *d, const void *s, size_t n);
int memcmp(const void *a, const void *b, size_t n);

/* gdt.c, idt.c */
void gdt_init(void);
void idt_init(void);

/* timer.c: PIT channel 0 through the 8259 PIC */
void timer_init(unsigned divisor);
void timer_stop(void);
void timer_eoi(void);
int timer_spurious(void);

/* step.S: call fn(p, n) with RFLAGS.TF set, so #DB follows every instruction */
uint64_t stepped_call(uint64_t (*fn)(const uint8_t *, uint64_t),
		      const uint8_t *p, uint64_t n);

/* workload.c */
typedef uint64_t work_fn(const uint8_t *p, uint64_t n);
struct work {
	const char *name;
	work_fn *fn;
	int selfcheck;		/* bit 0 of the result must be 1 */
};
extern const struct work workload[];
extern const unsigned workload_count;
extern uint8_t workload_data[512];
work_fn crc32_2bit, popcount_table, prime_sieve;	/* known answers, main.c */
void workload_init(void);
extern char __workload_start[], __workload_end[];	/* kernel.ld */

/* main.c: counters the handlers keep, and the way out */
struct stats {
	uint64_t vec[256];		/* interrupts and exceptions taken */
	uint64_t attacks;		/* times the adversary scribbled */
	uint64_t steps;			/* single-step #DB taken */
	uint64_t steps_in_workload;	/* ...with RIP inside workload.c */
	uint64_t step_sites, timer_sites;	/* distinct workload RIPs hit */
	uint64_t checks_passed, checks_failed;
	uint64_t call_steps, call_ticks;	/* for the runaway watchdog */
	uint64_t max_call_steps;
	int stepping;			/* a stepped call is in progress */
	int calling;			/* an attacked call is in progress */
};
extern struct stats stats;

#define QEMU_EXIT_PASS 0x10	/* isa-debug-exit: QEMU exits (v << 1) | 1 = 33 */
#define QEMU_EXIT_FAIL 0x11	/* 35: the workload's data was corrupted */
#define QEMU_EXIT_IDLE 0x12	/* 37: an adversary never struck: no verdict */
void print_summary(void);
void qemu_exit(uint32_t v) __attribute__((noreturn));
void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif
