# SPDX-License-Identifier: GPL-3.0-or-later
# Window [rsp-48, rsp-16): its top and bottom slots are in; 8-byte accesses
# straddling either edge are not.
# run: --size 32 --offset 16
# expect: violation top_straddle+0x0
# expect: violation top_straddle+0x5
# expect: violation bottom_straddle+0x0
# expect: violation bottom_straddle+0x5
	.text
	.globl top_in, top_straddle, bottom_in, bottom_straddle
	.type top_in, @function
top_in:
	movq %rdi, -24(%rsp)
	movq -24(%rsp), %rax
	ret
	.size top_in, .-top_in
	.type top_straddle, @function
top_straddle:
	movq %rdi, -20(%rsp)
	movq -20(%rsp), %rax
	ret
	.size top_straddle, .-top_straddle
	.type bottom_in, @function
bottom_in:
	movq %rdi, -48(%rsp)
	movq -48(%rsp), %rax
	ret
	.size bottom_in, .-bottom_in
	.type bottom_straddle, @function
bottom_straddle:
	movq %rdi, -52(%rsp)
	movq -52(%rsp), %rax
	ret
	.size bottom_straddle, .-bottom_straddle
