# SPDX-License-Identifier: GPL-3.0-or-later
# A PIC jump table (GCC with -fpic/-fpie): entries .long L-T, read from the
# table whose address the code loads; the targets are followed, with the
# window's data live, and the one that writes into the gap is flagged.  A
# second table right after the first (another function's) is not mistaken
# for more of it.
# run: --size 32 --offset 16
# expect: violation pic+0x2d
	.text
	.globl pic, other
	.type pic, @function
pic:
	movq %rdi, -40(%rsp)
	andl $3, %esi
	leaq .Ltab(%rip), %rdx
	movslq (%rdx,%rsi,4), %rax
	addq %rdx, %rax
	jmp *%rax
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
	.size pic, .-pic
	.type other, @function
other:
	andl $1, %esi
	leaq .Ltab2(%rip), %rdx
	movslq (%rdx,%rsi,4), %rax
	addq %rdx, %rax
	jmp *%rax
.M0:	movl $1, %eax
	ret
.M1:	movl $2, %eax
	ret
	.size other, .-other
	.section .rodata
	.balign 4
.Ltab:	.long .L0-.Ltab, .L1-.Ltab, .L2-.Ltab, .L3-.Ltab
.Ltab2:	.long .M0-.Ltab2, .M1-.Ltab2
