# SPDX-License-Identifier: GPL-3.0-or-later
# jmp __x86_indirect_thunk_rax below the entry height, the thunk GCC's own
# (defined here with GCC's body): an indirect jump that first goes 8
# bytes down, to the computed goto's label.  After push %rbx the window
# of rsp-8 is [E-64, E-32): data at E-40 stays in it, data at E-32 not.
# The thunk is not checked on its own.
# run: --size 32 --offset 16
# expect: violation thunk_high+0xd
	.text
	.globl thunk_low, thunk_high
	.type thunk_low, @function
thunk_low:
	pushq %rbx
	movq %rdi, -32(%rsp)
	movq $.Lg1, %rax
	jmp __x86_indirect_thunk_rax
.Lg1:	movq -32(%rsp), %rax
	popq %rbx
	ret
	.size thunk_low, .-thunk_low
	.type thunk_high, @function
thunk_high:
	pushq %rbx
	movq %rdi, -24(%rsp)
	movq $.Lg2, %rax
	jmp __x86_indirect_thunk_rax
.Lg2:	movq -24(%rsp), %rax
	popq %rbx
	ret
	.size thunk_high, .-thunk_high

	.section .text.__x86_indirect_thunk_rax,"axG",@progbits,__x86_indirect_thunk_rax,comdat
	.globl __x86_indirect_thunk_rax
	.hidden __x86_indirect_thunk_rax
	.type __x86_indirect_thunk_rax, @function
__x86_indirect_thunk_rax:
	call .Lt1
.Lt0:	pause
	lfence
	jmp .Lt0
.Lt1:	movq %rax, (%rsp)
	ret
	.size __x86_indirect_thunk_rax, .-__x86_indirect_thunk_rax
