# SPDX-License-Identifier: GPL-3.0-or-later
# A linked executable has no relocations: GCC's absolute jump table
# (jmp *T(,%REG,8), as -fno-pic code has) is read from its data.  Its
# targets are followed with the window's data live, and the one that
# writes into the gap is flagged.
# link: -nostdlib -static
# run: --size 32 --offset 16
# expect: violation jt_exe+0x24
	.text
	.globl _start, jt_exe
	.type _start, @function
_start:
	call jt_exe
	hlt
	.size _start, .-_start
	.type jt_exe, @function
jt_exe:
	movq %rdi, -40(%rsp)
	andl $3, %esi
	jmp *.Ltab(,%rsi,8)
.L0:	movq -40(%rsp), %rax
	ret
.L1:	movq -40(%rsp), %rax
	addq $1, %rax
	ret
.L2:	movq -40(%rsp), %rax
	movq %rdi, -8(%rsp)
	ret
.L3:	xorl %eax, %eax
	ret
	.size jt_exe, .-jt_exe
	.section .rodata
	.balign 8
.Ltab:	.quad .L0, .L1, .L2, .L3
