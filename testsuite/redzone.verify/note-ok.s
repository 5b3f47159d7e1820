# SPDX-License-Identifier: GPL-3.0-or-later
# window.s's leaf with its settings (size=32 offset=16) in a .note.redzone.
# run:
# expect: clean
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

	.pushsection .note.redzone,"",@note
	.balign 4
	.long 8, 2f-1f, 1
	.asciz "redzone"
1:	.asciz "size=32"
	.asciz "offset=16"
	.asciz "asm=deny"
	.asciz "plugin=0.1"
	.asciz "gcc=12.2.0"
2:	.balign 4
	.popsection
