# SPDX-License-Identifier: GPL-3.0-or-later
# examples/sched_list.c's pull_tasks (GCC 12 -O2, as the plugin leaves it):
# the insertion loop reads cand[i-1], at -8(%rsp,%rax,8), only when i > 0,
# behind test %eax,%eax; je.  On the loop's first pass %eax is 0 and the
# guard is taken, so that read never happens with %rax = 0: the function is
# unproven (an index the analysis does not bound), not in violation.  Where
# the guard falls through with %eax known to be 0, the read is certain and
# stays a violation.
# run: --size 32 --offset 16
# expect: unproven pull_tasks+0x97
# expect: violation unguarded+0xa
	.text
	.globl pull_tasks
	.type pull_tasks, @function
pull_tasks:
	mov    $0x8,%r11d
	cmp    %r11d,%ecx
	cmovle %ecx,%r11d
	cmp    $0x3f,%edx
	jg .L3ce
	test   %ecx,%ecx
	jle .L3ce
	push   %rbp
	movslq %edx,%rax
	mov    %rdi,%r9
	mov    %rsi,%r10
	push   %rbx
	shl    $0x4,%rax
	mov    %edx,%ebx
	lea    0x8(%rsi,%rax,1),%rdi
	xor    %eax,%eax
	sub    $0x40,%rsp
	nopw   0x0(%rax,%rax,1)
.L290:
	cmp    %eax,%r11d
	mov    (%rdi),%rsi
	setg   %cl
	mov    %ecx,%edx
	cmp    %rdi,%rsi
	je .L306
	test   %cl,%cl
	je .L306
	mov    0x410(%r10),%rbp
	nopl   0x0(%rax,%rax,1)
.L2b0:
	cmp    %rsi,%rbp
	je .L2f4
	lea    0x1(%rax),%r8d
	test   %eax,%eax
	je .L3c0
	mov    0x18(%rsi),%rcx
	jmp .L2e0
	nopw   0x0(%rax,%rax,1)
.L2d0:
	mov    %rdx,(%rsp,%rax,8)
	sub    $0x1,%rax
	test   %eax,%eax
	je .L3c0
.L2e0:
	mov    -0x8(%rsp,%rax,8),%rdx
	cmp    0x18(%rdx),%rcx
	jb .L2d0
.L2eb:
	cltq
	mov    %rsi,(%rsp,%rax,8)
	movslq %r8d,%rax
.L2f4:
	mov    (%rsi),%rsi
	cmp    %r11d,%eax
	setl   %dl
	cmp    %rdi,%rsi
	je .L306
	test   %dl,%dl
	jne .L2b0
.L306:
	add    $0x1,%ebx
	add    $0x10,%rdi
	cmp    $0x3f,%ebx
	jg .L31a
	test   %dl,%dl
	jne .L290
.L31a:
	test   %eax,%eax
	je .L3c7
	mov    %rsp,%r8
	movslq %eax,%rdx
	mov    $0x1,%r11d
	lea    (%r8,%rdx,8),%rbx
	jmp .L36c
	nopl   0x0(%rax)
.L338:
	add    %r9,%rsi
	add    %r9,%rdi
	add    $0x8,%r8
	subl   $0x1,0x408(%r10)
	mov    0x10(%rsi),%rcx
	mov    %rdi,(%rdx)
	mov    %rcx,0x8(%rdx)
	mov    %rdx,(%rcx)
	mov    %rdx,0x10(%rsi)
	or     %rbp,(%r9)
	addl   $0x1,0x408(%r9)
	cmp    %r8,%rbx
	je .L3c7
.L36c:
	mov    (%r8),%rdx
	mov    %r11,%rbp
	mov    0x8(%rdx),%rsi
	mov    (%rdx),%rcx
	mov    %rcx,(%rsi)
	mov    %rsi,0x8(%rcx)
	movslq 0x10(%rdx),%rsi
	movq   $0x0,0x8(%rdx)
	mov    %rsi,%rcx
	shl    $0x4,%rsi
	movq   $0x0,(%rdx)
	lea    0x8(%rsi),%rdi
	shl    %cl,%rbp
	lea    (%r10,%rdi,1),%rcx
	cmp    %rcx,0x8(%r10,%rsi,1)
	jne .L338
	mov    %rbp,%rcx
	not    %rcx
	and    %rcx,(%r10)
	jmp .L338
	nopw   0x0(%rax,%rax,1)
.L3c0:
	xor    %eax,%eax
	jmp .L2eb
.L3c7:
	add    $0x40,%rsp
	pop    %rbx
	pop    %rbp
	ret
.L3ce:
	xor    %eax,%eax
	ret
	.size pull_tasks, .-pull_tasks

	.globl unguarded
	.type unguarded, @function
unguarded:
	sub    $0x40,%rsp
	xor    %eax,%eax
	test   %eax,%eax
	jne    1f
	mov    -0x8(%rsp,%rax,8),%rdx
1:	add    $0x40,%rsp
	ret
	.size unguarded, .-unguarded
