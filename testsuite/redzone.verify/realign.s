# SPDX-License-Identifier: GPL-3.0-or-later
# and $-16,%rsp: the stack height is no longer known.
# run: --size 32 --offset 16
# expect: unproven realign+0x4
	.text
	.globl realign
	.type realign, @function
realign:
	pushq %rbp
	movq %rsp, %rbp
	andq $-16, %rsp
	movq %rdi, -24(%rsp)
	movq -24(%rsp), %rax
	leave
	ret
	.size realign, .-realign
