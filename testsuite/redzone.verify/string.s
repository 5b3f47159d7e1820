# SPDX-License-Identifier: GPL-3.0-or-later
# rep stos/movs: with a known %rcx the bytes are known, and %rdi ends past
# them; with an unknown count from at or above %rsp nothing below %rsp is
# touched; below %rsp with an unknown count, or after std, it is unproven.
# A pointer that is one of two frame addresses (cmov, a join) is at least
# the lower one: passing it to a call is fine when that is above %rsp.
# run: --size 32 --offset 16
# expect: violation stos_gap+0xc
# expect: unproven stos_unknown_below+0x9
# expect: unproven backwards+0x0
# expect: unproven cmov_below+0x17
	.text
	.globl stos_window, stos_gap, stos_frame, stos_unknown_below, backwards
	.globl cmov_frame, cmov_below
	.type stos_window, @function
stos_window:			# 4 x 8 bytes at [rsp-48, rsp-16): the window
	leaq -48(%rsp), %rdi
	movl $4, %ecx
	xorl %eax, %eax
	rep stosq
	movq -48(%rsp), %rax
	ret
	.size stos_window, .-stos_window
	.type stos_gap, @function
stos_gap:			# 5 x 8 bytes reach into the gap
	leaq -48(%rsp), %rdi
	movl $5, %ecx
	xorl %eax, %eax
	rep stosq
	movq -48(%rsp), %rax
	ret
	.size stos_gap, .-stos_gap
	.type stos_frame, @function
stos_frame:			# count unknown, from %rsp up; %rdi ends above
	subq $64, %rsp
	movq %rsp, %rdi
	movl %esi, %ecx
	xorl %eax, %eax
	rep stosb
	movq %rdi, %rsi
	call sink
	addq $64, %rsp
	ret
	.size stos_frame, .-stos_frame
	.type stos_unknown_below, @function
stos_unknown_below:
	leaq -48(%rsp), %rdi
	movl %esi, %ecx
	xorl %eax, %eax
	rep stosb
	ret
	.size stos_unknown_below, .-stos_unknown_below
	.type backwards, @function
backwards:
	std
	leaq -48(%rsp), %rdi
	movl $4, %ecx
	rep stosq
	cld
	ret
	.size backwards, .-backwards
	.type cmov_frame, @function
cmov_frame:			# one of two frame objects, both above %rsp
	subq $64, %rsp
	leaq 8(%rsp), %rax
	leaq 32(%rsp), %rdx
	testl %esi, %esi
	cmove %rdx, %rax
	movq %rax, %rdi
	call sink
	addq $64, %rsp
	ret
	.size cmov_frame, .-cmov_frame
	.type cmov_below, @function
cmov_below:			# one of them below %rsp: the callee may reach it
	subq $64, %rsp
	leaq 8(%rsp), %rax
	leaq -32(%rsp), %rdx
	testl %esi, %esi
	cmove %rdx, %rax
	movq %rax, %rdi
	call sink
	addq $64, %rsp
	ret
	.size cmov_below, .-cmov_below
