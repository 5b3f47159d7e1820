/* SPDX-License-Identifier: GPL-3.0-or-later */
/* thunks.S -- external retpoline thunks shaped like Linux 6.1's, for
   -mindirect-branch=thunk-extern and -mfunction-return=thunk-extern.

   __x86_indirect_thunk_REG calls (8 bytes below the caller's %rsp), puts
   the target over the pushed return address and returns through
   srso_return_thunk, which calls srso_safe_ret (8 bytes more) before that
   drops its own return address and returns to the target: 16 bytes deep,
   the value -mred-zone-thunk-depth=16 declares.  Linked as thunks.rz.o,
   so the adversary attacks every one of these instructions.  */
	.text
	.irp reg, rax, rbx, rcx, rdx, rsi, rdi, rbp, r8, r9, r10, r11, r12, r13, r14, r15
	.globl	__x86_indirect_thunk_\reg
	.type	__x86_indirect_thunk_\reg, @function
__x86_indirect_thunk_\reg:
	call	1f
2:	pause
	lfence
	jmp	2b
1:	mov	%\reg, (%rsp)
	jmp	srso_return_thunk
	.size	__x86_indirect_thunk_\reg, . - __x86_indirect_thunk_\reg
	.endr

	.globl	__x86_return_thunk
	.type	__x86_return_thunk, @function
__x86_return_thunk:
	jmp	srso_return_thunk
	.size	__x86_return_thunk, . - __x86_return_thunk

	.type	srso_return_thunk, @function
srso_return_thunk:
	call	srso_safe_ret
	ud2
	.size	srso_return_thunk, . - srso_return_thunk

	.type	srso_safe_ret, @function
srso_safe_ret:
	lea	8(%rsp), %rsp
	ret
	int3
	.size	srso_safe_ret, . - srso_safe_ret

	.section .note.GNU-stack, "", @progbits
