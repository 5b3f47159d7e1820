# SPDX-License-Identifier: GPL-3.0-or-later
# rz-compare --sweep input: one function of 7 instructions in 15 bytes.
	.text
	.globl f
	.type f, @function
f:
	movl %edi, %eax
	addl $1, %eax
	imull %esi, %eax
	nop
	xorl %edx, %edx
	leal (%rax,%rdx), %eax
	ret
	.size f, .-f
	.section .note.GNU-stack,"",@progbits
