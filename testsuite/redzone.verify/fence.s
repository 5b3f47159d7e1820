# SPDX-License-Identifier: GPL-3.0-or-later
# Linux's smp_mb() on x86-64 is `lock addl $0, -4(%rsp)': an atomic
# read-modify-write that leaves the word as it was, a fence that neither
# keeps nor reads data, wherever it lands.  Any other locked operation
# below %rsp, or a zero added without lock, stays an access.
# run: --size 32 --offset 16
# expect: violation not_a_fence+0x0
# expect: violation not_a_fence+0x6
# expect: violation not_a_fence+0xb
	.text
	.globl fences
	.type fences, @function
fences:
	lock addl $0, -4(%rsp)
	lock orq $0, -8(%rsp)
	lock andl $-1, -4(%rsp)
	lock xorl $0, -40(%rsp)
	ret
	.size fences, .-fences

	.globl not_a_fence
	.type not_a_fence, @function
not_a_fence:
	lock addl $1, -4(%rsp)
	addl $0, -4(%rsp)
	lock xaddl %eax, -4(%rsp)
	ret
	.size not_a_fence, .-not_a_fence
