# SPDX-License-Identifier: GPL-3.0-or-later
# GCC's -mindirect-branch=thunk-inline: call L1; pause; lfence; jmp; L1:
# mov %rax,(%rsp); ret is an indirect jump through %rax that first goes 8
# bytes down.  Its targets (a computed goto's labels, by relocation) read
# the window: data in its top 8 bytes is then in the gap.
# run: --size 32 --offset 16
# expect: violation goto_top+0xc
	.text
	.globl goto_top, goto_low, thunk_tail
	.type goto_top, @function
goto_top:
	movq %rdi, -24(%rsp)
	movq $.Lt1, %rax
	call .Lind1
.Lind0:	pause
	lfence
	jmp .Lind0
.Lind1:	movq %rax, (%rsp)
	ret
.Lt1:	movq -24(%rsp), %rax
	ret
	.size goto_top, .-goto_top
	.type goto_low, @function
goto_low:
	movq %rdi, -40(%rsp)
	movq $.Lt2, %rax
	call .Lind3
.Lind2:	pause
	lfence
	jmp .Lind2
.Lind3:	movq %rax, (%rsp)
	ret
.Lt2:	movq -40(%rsp), %rax
	ret
	.size goto_low, .-goto_low
	.type thunk_tail, @function
thunk_tail:
	call .Lind5
.Lind4:	pause
	lfence
	jmp .Lind4
.Lind5:	movq %rax, (%rsp)
	ret
	.size thunk_tail, .-thunk_tail
