/* SPDX-License-Identifier: MIT */
/* timer.c: the periodic adversary's clock, PIT channel 0 through the 8259
 * PIC (IRQ0 -> vector VEC_IRQ0).  Every other PIC line stays masked. */
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
	outb(PIC1_DATA, 0xFE);		/* only IRQ0 */
	outb(PIC2_DATA, 0xFF);

	/* Channel 0, lobyte/hibyte, mode 2 (rate generator): an interrupt
	 * every divisor ticks of the 1.193182 MHz input clock. */
	outb(PIT_CMD, 0x34);
	outb(PIT_CH0, divisor & 0xFF);
	outb(PIT_CH0, (divisor >> 8) & 0xFF);
}

void timer_stop(void)
{
	outb(PIC1_DATA, 0xFF);
}

void timer_eoi(void)
{
	outb(PIC1_CMD, PIC_EOI);
}

/* A master-PIC interrupt on IRQ7 is spurious when IRQ7 is not in service;
 * it then must not be acknowledged. */
int timer_spurious(void)
{
	outb(PIC1_CMD, 0x0B);		/* OCW3: read the in-service register */
	return !(inb(PIC1_CMD) & 0x80);
}
