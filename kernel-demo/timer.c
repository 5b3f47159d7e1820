/* SPDX-License-Identifier: MIT */
/* timer.c: the periodic adversaries' clocks through the 8259 PIC pair: PIT
 * channel 0 (IRQ0 -> VEC_IRQ0) and the CMOS RTC's periodic interrupt at
 * 1024 Hz, another rate on another line (IRQ8 -> VEC_IRQ8, through the
 * cascade on IRQ2).  Every other PIC line stays masked. */
#include "kernel.h"
#include "x86.h"
#include "trap.h"

#define PIC1_CMD  0x20
#define PIC1_DATA 0x21
#define PIC2_CMD  0xA0
#define PIC2_DATA 0xA1
#define PIC_EOI   0x20
#define PIT_CH0   0x40
#define PIT_CMD   0x43
#define CMOS_INDEX 0x70
#define CMOS_DATA  0x71

void timer_init(unsigned divisor)
{
	/* ICW1-4: edge triggered, cascaded, vectors 32..47, 8086 mode. */
	outb(PIC1_CMD, 0x11);
	outb(PIC2_CMD, 0x11);
	outb(PIC1_DATA, VEC_IRQ0);
	outb(PIC2_DATA, VEC_IRQ0 + 8);
	outb(PIC1_DATA, 1 << 2);	/* slave on IRQ2 */
	outb(PIC2_DATA, 2);
	outb(PIC1_DATA, 0x01);
	outb(PIC2_DATA, 0x01);
	outb(PIC1_DATA, 0xFA);		/* IRQ0, and IRQ2: the slave */
	outb(PIC2_DATA, 0xFE);		/* IRQ8 */

	/* RTC register A: rate 6, 32768 >> (6 - 1) = 1024 Hz (the trap-gate
	 * control: rate 3, 8192 Hz, so that the PIT often strikes an RTC
	 * stub's first instruction); register B: periodic interrupts on
	 * (PIE).  NMIs stay enabled (bit 7 of the index clear).  Reading
	 * register C acknowledges each one. */
	outb(CMOS_INDEX, 0x0A);
	outb(CMOS_DATA, (inb(CMOS_DATA) & 0xF0) | (BROKEN_TRAPGATE ? 3 : 6));
	outb(CMOS_INDEX, 0x0B);
	outb(CMOS_DATA, inb(CMOS_DATA) | 0x40);
	rtc_ack();

	/* Channel 0, lobyte/hibyte, mode 2 (rate generator): an interrupt
	 * every divisor ticks of the 1.193182 MHz input clock. */
	outb(PIT_CMD, 0x34);
	outb(PIT_CH0, divisor & 0xFF);
	outb(PIT_CH0, (divisor >> 8) & 0xFF);
}

void timer_stop(void)
{
	outb(PIC1_DATA, 0xFF);
	outb(PIC2_DATA, 0xFF);
	outb(CMOS_INDEX, 0x0B);
	outb(CMOS_DATA, inb(CMOS_DATA) & ~0x40);
}

void timer_eoi(void)
{
	outb(PIC1_CMD, PIC_EOI);
}

void rtc_ack(void)
{
	outb(CMOS_INDEX, 0x0C);
	(void)inb(CMOS_DATA);
}

void rtc_eoi(void)
{
	outb(PIC2_CMD, PIC_EOI);
	outb(PIC1_CMD, PIC_EOI);
}

/* A master-PIC interrupt on IRQ7 is spurious when IRQ7 is not in service;
 * it then must not be acknowledged. */
int timer_spurious(void)
{
	outb(PIC1_CMD, 0x0B);		/* OCW3: read the in-service register */
	return !(inb(PIC1_CMD) & 0x80);
}
