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
void idt_load_ap(void);		/* the second CPU's own table */

/* timer.c: PIT channel 0 through the 8259 PIC */
void timer_init(unsigned divisor);
void timer_stop(void);
void timer_eoi(void);
void rtc_ack(void);		/* the RTC: acknowledge, then EOI both PICs */
void rtc_eoi(void);
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
work_fn fnv1a_lanes;		/* run by nested handlers, trap.c */
work_fn gp_probe;		/* takes #GP, resumed by a fixup; nmi.c too */
void nest_init(void);		/* trap.c */
void workload_init(void);
extern char __workload_start[], __workload_end[];	/* kernel.ld */

#endif
