# SPDX-License-Identifier: GPL-3.0-or-later
# A cold part, entered by a jump 8 bytes below the entry height: checked
# as part of its parent (not standalone, where its ret would be below
# the entry), and its gap access found.
# run: --size 32 --offset 16
# expect: violation hot.cold+0x0
	.text
	.globl hot
	.type hot, @function
hot:
	pushq %rbx
	testl %edi, %edi
	jne hot.cold
	popq %rbx
	ret
	.size hot, .-hot
	.section .text.unlikely,"ax",@progbits
	.type hot.cold, @function
hot.cold:
	movq %rdi, -8(%rsp)
	popq %rbx
	ret
	.size hot.cold, .-hot.cold
