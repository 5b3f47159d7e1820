# SPDX-License-Identifier: GPL-3.0-or-later
# A jump to another function at the entry height is a tail call (the
# window's data is dead there); with a push not undone it is not.
# run: --size 32 --offset 16
# expect: unproven bad_tail+0x1
	.text
	.globl tail, bad_tail
	.type tail, @function
tail:
	movq %rdi, -24(%rsp)
	movq -24(%rsp), %rdi
	jmp ext
	.size tail, .-tail
	.type bad_tail, @function
bad_tail:
	pushq %rbx
	jmp ext
	.size bad_tail, .-bad_tail
