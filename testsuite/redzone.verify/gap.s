# SPDX-License-Identifier: GPL-3.0-or-later
# Window [rsp-48, rsp-16): a store and a load in the gap.
# run: --size 32 --offset 16
# expect: violation gap+0x0
# expect: violation gap+0x5
	.text
	.globl gap
	.type gap, @function
gap:
	movq %rdi, -8(%rsp)
	movq -8(%rsp), %rax
	ret
	.size gap, .-gap
