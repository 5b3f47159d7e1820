# SPDX-License-Identifier: GPL-3.0-or-later
# An indirect jump below the entry height, with no relocation to say
# where it goes; at the entry height it is a tail call.
# run: --size 32 --offset 16
# expect: unproven indirect+0x1
	.text
	.globl indirect, tail_indirect
	.type indirect, @function
indirect:
	pushq %rbx
	jmp *%rax
	.size indirect, .-indirect
	.type tail_indirect, @function
tail_indirect:
	jmp *%rax
	.size tail_indirect, .-tail_indirect
