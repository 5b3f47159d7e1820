# SPDX-License-Identifier: GPL-3.0-or-later
# pushf stores the flags, not %rsp (its first, hidden operand): no frame
# address escapes, so a later load through a pointer read from memory
# cannot reach the popped slots.  (Linux's alarm_start, local_irq_save.)
# run: --size 64 --offset 16
# expect: clean
	.text
	.globl irq_save
	.type irq_save, @function
irq_save:
	pushq %r12
	pushq %rbx
	movq 0x68(%rdi), %rbx
	pushfq
	popq %r12
	cli
	call work
	pushq %r12
	popfq
	popq %rbx
	movq table(%rbx), %rax
	popq %r12
	jmp *%rax
	.size irq_save, .-irq_save
