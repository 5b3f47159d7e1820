/* SPDX-License-Identifier: MIT */
/* boot.S: Multiboot 1 entry (32-bit protected mode, paging off), identity
 * page tables for the first 1 GiB, long mode, then kmain() in 64-bit C.
 * QEMU's -kernel loads this image because the Makefile ships it as a 32-bit
 * ELF (objcopy -O elf32-i386); the code inside is still 64-bit. */

#include "longmode.h"

#define MB_MAGIC	0x1BADB002
#define MB_FLAGS	0		/* ELF headers give the load layout */
#define MB_BOOTED	0x2BADB002	/* in %eax when a Multiboot loader jumps here */

#define PTE_P		(1 << 0)
#define PTE_W		(1 << 1)
#define PTE_PWT		(1 << 3)
#define PTE_PCD		(1 << 4)	/* with PWT: uncached, for device memory */
#define PTE_PS		(1 << 7)	/* 2 MiB page in a page directory */
#define LAPIC_PAGE	0xFEE00000	/* the local APIC's registers (lapic.h) */

#define COM1		0x3F8
#define DEBUG_EXIT	0xF4
#define EXIT_FAIL	0x11		/* QEMU_EXIT_FAIL in kernel.h */

	.section .multiboot, "a"
	.balign 4
	.long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

	.section .text.boot, "ax"
	.code32
	.globl _start
_start:
	cli
	cld
	cmp	$MB_BOOTED, %eax
	jne	no_multiboot

	/* Zero .bss (the page tables and stacks live there). */
	mov	$__bss_start, %edi
	mov	$__bss_end, %ecx
	sub	%edi, %ecx
	shr	$2, %ecx
	xor	%eax, %eax
	rep stosl

	/* Long mode available?  CPUID 0x80000001, EDX bit 29. */
	mov	$0x80000000, %eax
	cpuid
	cmp	$0x80000001, %eax
	jb	no_long_mode
	mov	$0x80000001, %eax
	cpuid
	bt	$29, %edx
	jnc	no_long_mode

	/* PML4[0] -> PDPT[0] -> PD: 512 x 2 MiB identity-mapped pages. */
	movl	$pdpt + (PTE_P | PTE_W), pml4
	movl	$pd + (PTE_P | PTE_W), pdpt
	xor	%ecx, %ecx
1:	mov	%ecx, %eax
	shl	$21, %eax
	or	$(PTE_P | PTE_W | PTE_PS), %eax
	mov	%eax, pd(, %ecx, 8)
	inc	%ecx
	cmp	$512, %ecx
	jne	1b

	/* PDPT[3] -> pd_high, which maps the 2 MiB page of the local APIC,
	 * uncached, at its own address. */
	movl	$pd_high + (PTE_P | PTE_W), pdpt + 3 * 8
	movl	$LAPIC_PAGE + (PTE_P | PTE_W | PTE_PS | PTE_PWT | PTE_PCD), \
		pd_high + ((LAPIC_PAGE >> 21) & 511) * 8

	ENTER_LONG_MODE

	/* Paging is on and long mode active; a 64-bit code segment enters it. */
	lgdt	boot_gdt_desc
	ljmp	$0x08, $long_mode

no_multiboot:
	mov	$msg_no_multiboot, %esi
	jmp	die32
no_long_mode:
	mov	$msg_no_long_mode, %esi
die32:	/* Print %esi on COM1 (polled, no init needed in QEMU) and leave. */
	mov	$COM1, %dx
	lodsb
	test	%al, %al
	jz	1f
	out	%al, %dx
	jmp	die32
1:	mov	$DEBUG_EXIT, %dx
	mov	$EXIT_FAIL, %eax
	out	%eax, %dx
2:	hlt
	jmp	2b

	.code64
long_mode:
	mov	$0x10, %ax
	mov	%ax, %ds
	mov	%ax, %es
	mov	%ax, %ss
	xor	%eax, %eax
	mov	%ax, %fs
	mov	%ax, %gs
	mov	$kstack_top, %rsp
	xor	%ebp, %ebp
	call	kmain
3:	cli
	hlt
	jmp	3b

	.section .rodata
msg_no_multiboot:
	.asciz	"boot: not started by a Multiboot loader\n"
msg_no_long_mode:
	.asciz	"boot: this CPU has no long mode\n"

	/* Boot GDT: null, 64-bit code (0x08), data (0x10).  gdt.c replaces it
	 * with one that also holds the TSS, keeping these two selectors. */
	.balign 8
boot_gdt:
	.quad	0
	.quad	0x00209A0000000000	/* P, DPL 0, code, L (64-bit) */
	.quad	0x0000920000000000	/* P, DPL 0, data, writable */
boot_gdt_end:
boot_gdt_desc:
	.word	boot_gdt_end - boot_gdt - 1
	.long	boot_gdt

	.bss
	.balign 4096
	.globl	pml4			/* the second CPU uses them too (apstart.S) */
pml4:	.skip	4096
pdpt:	.skip	4096
pd:	.skip	4096
pd_high: .skip	4096

	/* The kernel stack: kmain, the workload and every handler run here. */
	.balign 16
	.globl kstack_bottom, kstack_top
kstack_bottom:
	.skip	32768
kstack_top:
