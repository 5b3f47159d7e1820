/* SPDX-License-Identifier: MIT */
/* printf.c: kprintf, enough of printf for the kernel's messages:
 * %s %c %d %u %x %p %%, the l modifier, and a zero-padded width (%08lx). */
#include "kernel.h"

static void putstr(const char *s)
{
	while (*s)
		serial_putc(*s++);
}

static void putnum(uint64_t v, unsigned base, int width, int neg)
{
	char buf[24];
	int i = 0;

	do {
		buf[i++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	if (neg)
		buf[i++] = '-';
	while (i < width)
		buf[i++] = '0';
	while (i > 0)
		serial_putc(buf[--i]);
}

void vkprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			serial_putc(*fmt);
			continue;
		}
		int width = 0, lng = 0;
		while (*++fmt == '0' || (*fmt >= '1' && *fmt <= '9'))
			width = width * 10 + (*fmt - '0');
		while (*fmt == 'l') {
			lng = 1;
			fmt++;
		}
		switch (*fmt) {
		case 's': {
			const char *s = va_arg(ap, const char *);
			putstr(s ? s : "(null)");
			break;
		}
		case 'c':
			serial_putc((char)va_arg(ap, int));
			break;
		case 'd': {
			int64_t v = lng ? va_arg(ap, int64_t) : va_arg(ap, int);
			putnum(v < 0 ? -(uint64_t)v : (uint64_t)v, 10, width, v < 0);
			break;
		}
		case 'u':
			putnum(lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned), 10, width, 0);
			break;
		case 'x':
			putnum(lng ? va_arg(ap, uint64_t) : va_arg(ap, unsigned), 16, width, 0);
			break;
		case 'p':
			putstr("0x");
			putnum((uint64_t)va_arg(ap, void *), 16, 16, 0);
			break;
		case '%':
			serial_putc('%');
			break;
		default:	/* unknown: show it rather than guess */
			serial_putc('%');
			serial_putc(*fmt);
			break;
		case '\0':
			return;
		}
	}
}

void kprintf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vkprintf(fmt, ap);
	va_end(ap);
}
