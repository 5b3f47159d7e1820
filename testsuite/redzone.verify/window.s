# SPDX-License-Identifier: GPL-3.0-or-later
# A leaf using all of [rsp-48, rsp-16): clean at N=32 M=16, flagged with
# the window 8 bytes smaller at the top (N=24 M=24) or the bottom (N=24
# M=16).
# run: --size 32 --offset 16
# expect: clean
# run: --size 24 --offset 24
# expect: violation leaf+0x5
# expect: violation leaf+0xa
# expect: violation leaf+0xf
# run: --size 24 --offset 16
# expect: violation leaf+0x0
# expect: violation leaf+0x5
# expect: violation leaf+0xa
	.text
	.globl leaf
	.type leaf, @function
leaf:
	movq %rdi, -48(%rsp)
	movq %rsi, -24(%rsp)
	movq -48(%rsp), %rax
	addq -24(%rsp), %rax
	ret
	.size leaf, .-leaf
