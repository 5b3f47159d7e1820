# SPDX-License-Identifier: GPL-3.0-or-later
# Only one path pushes while the window's top slot is live.
# run: --size 32 --offset 16
# expect: violation branch+0xa
	.text
	.globl branch
	.type branch, @function
branch:
	movq %rdi, -24(%rsp)
	testl %esi, %esi
	je 1f
	pushq %rbx
	popq %rbx
1:	movq -24(%rsp), %rax
	ret
	.size branch, .-branch
