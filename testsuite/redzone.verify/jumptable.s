# SPDX-License-Identifier: GPL-3.0-or-later
# A jump table in .rodata: its relocations give the targets, reached with
# the window's data live; one target writes into the gap.
# run: --size 32 --offset 16
# expect: violation jt+0x17
	.text
	.globl jt
	.type jt, @function
jt:
	movq %rdi, -40(%rsp)
	pushq %rbx
	movl %esi, %esi
	jmp *.Ltab(,%rsi,8)
.L1:	popq %rbx
	movq -40(%rsp), %rax
	ret
.L2:	popq %rbx
	movq %rdi, -8(%rsp)
	movq -40(%rsp), %rax
	ret
	.size jt, .-jt
	.section .rodata
	.balign 8
.Ltab:	.quad .L1, .L2
