# SPDX-License-Identifier: GPL-3.0-or-later
# A frame pointer: after push %rbp; mov %rsp,%rbp, -24(%rbp) is
# [rsp-24, rsp-16), in the window; -8(%rbp) is in the gap.
# run: --size 32 --offset 16
# expect: violation rbp_gap+0x4
# expect: violation rbp_gap+0x8
	.text
	.globl rbp_in, rbp_gap
	.type rbp_in, @function
rbp_in:
	pushq %rbp
	movq %rsp, %rbp
	movq %rdi, -24(%rbp)
	movq -24(%rbp), %rax
	popq %rbp
	ret
	.size rbp_in, .-rbp_in
	.type rbp_gap, @function
rbp_gap:
	pushq %rbp
	movq %rsp, %rbp
	movq %rdi, -8(%rbp)
	movq -8(%rbp), %rax
	leave
	ret
	.size rbp_gap, .-rbp_gap
