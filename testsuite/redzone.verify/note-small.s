# SPDX-License-Identifier: GPL-3.0-or-later
# window.s's leaf, as leaf_small, with its settings (size=24 offset=16) in a .note.redzone.
# run:
# expect: violation leaf_small+0x0
# expect: violation leaf_small+0x5
# expect: violation leaf_small+0xa
	.text
	.globl leaf_small
	.type leaf_small, @function
leaf_small:
	movq %rdi, -48(%rsp)
	movq %rsi, -24(%rsp)
	movq -48(%rsp), %rax
	addq -24(%rsp), %rax
	ret
	.size leaf_small, .-leaf_small

	.pushsection .note.redzone,"",@note
	.balign 4
	.long 8, 2f-1f, 1
	.asciz "redzone"
1:	.asciz "size=24"
	.asciz "offset=16"
	.asciz "asm=deny"
	.asciz "plugin=0.1"
	.asciz "gcc=12.2.0"
2:	.balign 4
	.popsection
