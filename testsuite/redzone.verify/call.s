# SPDX-License-Identifier: GPL-3.0-or-later
# A call while data is live in the window: the callee (reached through a
# relocation) writes below %rsp.  Data written after the call is fine.
# run: --size 32 --offset 16
# expect: violation call_live+0x5
	.text
	.globl call_live, call_dead
	.type call_live, @function
call_live:
	movq %rdi, -24(%rsp)
	call ext
	movq -24(%rsp), %rax
	ret
	.size call_live, .-call_live
	.type call_dead, @function
call_dead:
	call ext
	movq %rax, -24(%rsp)
	movq -24(%rsp), %rax
	ret
	.size call_dead, .-call_dead
