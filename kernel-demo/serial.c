/* SPDX-License-Identifier: MIT */
/* serial.c: COM1 (16550 UART), polled output; QEMU connects it to stdio. */
#include "kernel.h"
#include "x86.h"

#define COM1 0x3F8

void serial_init(void)
{
	outb(COM1 + 1, 0x00);	/* no UART interrupts */
	outb(COM1 + 3, 0x80);	/* DLAB: set the divisor */
	outb(COM1 + 0, 0x01);	/* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);	/* 8N1 */
	outb(COM1 + 2, 0xC7);	/* FIFOs on, cleared */
	outb(COM1 + 4, 0x03);	/* DTR, RTS */
}

void serial_putc(char c)
{
	if (c == '\n')
		serial_putc('\r');
	while (!(inb(COM1 + 5) & 0x20))	/* transmit holding register empty */
		;
	outb(COM1, (uint8_t)c);
}
