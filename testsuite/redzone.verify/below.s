# SPDX-License-Identifier: GPL-3.0-or-later
# Window [rsp-48, rsp-16): a slot below it.
# run: --size 32 --offset 16
# expect: violation below+0x0
# expect: violation below+0x5
	.text
	.globl below
	.type below, @function
below:
	movq %rdi, -56(%rsp)
	movq -56(%rsp), %rax
	ret
	.size below, .-below
