# SPDX-License-Identifier: GPL-3.0-or-later
# Data live across a push: after it %rsp is 8 lower, so the window's top
# 8 bytes fall into the gap (the boundary after the push is flagged),
# while data lower in the window stays in the new window.
# run: --size 32 --offset 16
# expect: violation live_top+0x6
# expect: violation pushf_top+0x6
	.text
	.globl live_top, live_low, pushf_top
	.type live_top, @function
live_top:
	movq %rdi, -24(%rsp)
	pushq %rbx
	popq %rbx
	movq -24(%rsp), %rax
	ret
	.size live_top, .-live_top
	.type live_low, @function
live_low:
	movq %rdi, -40(%rsp)
	pushq %rbx
	popq %rbx
	movq -40(%rsp), %rax
	ret
	.size live_low, .-live_low
	.type pushf_top, @function
pushf_top:
	movq %rdi, -24(%rsp)
	pushfq
	popfq
	movq -24(%rsp), %rax
	ret
	.size pushf_top, .-pushf_top
