# SPDX-License-Identifier: GPL-3.0-or-later
# A jump table through a retpoline thunk at the entry height
# (-mindirect-branch=thunk -fjump-tables), with the window's data live: the
# table's targets are followed.  GCC's own thunk, emitted without a size,
# goes 8 bytes down: clean.  An external thunk of unknown depth counts as a
# call: a violation.
# run: --size 32 --offset 16
# expect: violation ext+0x16
	.text
	.globl own, ext
	.type own, @function
own:
	movq %rdi, -40(%rsp)
	andl $1, %esi
	leaq .Ltab(%rip), %rdx
	movslq (%rdx,%rsi,4), %rax
	addq %rdx, %rax
	jmp __x86_indirect_thunk_rax
.L0:	movq -40(%rsp), %rax
	ret
.L1:	movq -40(%rsp), %rax
	addq $1, %rax
	ret
	.size own, .-own
	.type ext, @function
ext:
	movq %rdi, -40(%rsp)
	andl $1, %esi
	leaq .Ltab2(%rip), %rdx
	movslq (%rdx,%rsi,4), %rax
	addq %rdx, %rax
	jmp __x86_indirect_thunk_rcx
.M0:	movq -40(%rsp), %rax
	ret
.M1:	movq -40(%rsp), %rax
	addq $2, %rax
	ret
	.size ext, .-ext
	.section .text.__x86_indirect_thunk_rax,"axG",@progbits,__x86_indirect_thunk_rax,comdat
	.globl __x86_indirect_thunk_rax
	.hidden __x86_indirect_thunk_rax
	.type __x86_indirect_thunk_rax, @function
__x86_indirect_thunk_rax:
	call 2f
1:	pause
	lfence
	jmp 1b
2:	movq %rax, (%rsp)
	ret
	.section .rodata
	.balign 4
.Ltab:	.long .L0-.Ltab, .L1-.Ltab
.Ltab2:	.long .M0-.Ltab2, .M1-.Ltab2
