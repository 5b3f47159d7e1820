# SPDX-License-Identifier: GPL-3.0-or-later
# Pointers made by lea from %rsp, used in another block.
# run: --size 32 --offset 16
# expect: violation lea_gap+0xc
	.text
	.globl lea_in, lea_gap
	.type lea_in, @function
lea_in:
	leaq -32(%rsp), %rax
	testl %esi, %esi
	je 1f
	movq %rsi, %rdi
1:	movq %rdi, (%rax)
	movq (%rax), %rdx
	ret
	.size lea_in, .-lea_in
	.type lea_gap, @function
lea_gap:
	leaq -16(%rsp), %rax
	testl %esi, %esi
	je 1f
	movq %rsi, %rdi
1:	movq %rdi, 8(%rax)
	ret
	.size lea_gap, .-lea_gap
