# SPDX-License-Identifier: GPL-3.0-or-later
# An external thunk defined in the input (as in vmlinux.o, or after ld -r
# with retpoline.S) is measured: this one, shaped like Linux's with SRSO,
# goes 16 bytes below %rsp.  The notes say 8: the deeper depth is used, and
# data in the window's top 16 bytes is flagged; data below them is not.
# run:
# expect: violation top+0xc
	.pushsection .note.redzone,"",@note
	.balign 4
	.long 8, 2f-1f, 1
	.asciz "redzone"
1:	.asciz "size=32"
	.asciz "offset=16"
	.asciz "asm=deny"
	.asciz "thunk-depth=8"
	.asciz "plugin=0.1"
	.asciz "gcc=12.2.0"
2:	.balign 4
	.popsection
	.text
	.globl top, low
	.type top, @function
top:				# data at [rsp-32, rsp-24): in the top 16
	movq %rdi, -32(%rsp)
	movq .Lt1(%rip), %rax
	jmp __x86_indirect_thunk_rax
.Ltarget:
	movq -32(%rsp), %rax
	ret
	.size top, .-top
	.type low, @function
low:				# data at [rsp-48, rsp-40): below them
	movq %rdi, -48(%rsp)
	movq .Lt2(%rip), %rax
	jmp __x86_indirect_thunk_rax
.Ltarget2:
	movq -48(%rsp), %rax
	ret
	.size low, .-low
	.globl __x86_indirect_thunk_rax
	.type __x86_indirect_thunk_rax, @function
__x86_indirect_thunk_rax:
	call 1f
2:	pause
	lfence
	jmp 2b
1:	movq %rax, (%rsp)
	jmp srso_return_thunk
	.size __x86_indirect_thunk_rax, .-__x86_indirect_thunk_rax
	.type srso_return_thunk, @function
srso_return_thunk:
	call srso_safe_ret
	ud2
	.size srso_return_thunk, .-srso_return_thunk
	.type srso_safe_ret, @function
srso_safe_ret:
	leaq 8(%rsp), %rsp
	ret
	int3
	.size srso_safe_ret, .-srso_safe_ret
	.section .rodata
	.balign 8
.Lt1:	.quad .Ltarget
.Lt2:	.quad .Ltarget2
