# SPDX-License-Identifier: GPL-3.0-or-later
# Linux's memblock_dump (mm/memblock.c, GCC 12 -O2): a loop passes frame
# addresses to printk, one of them as a stack argument (push), so after the
# call a read through any pointer may be a frame read; the padding pops
# then leave the pushed words below %rsp.  Nothing reads them for certain,
# so the function is unproven, not in violation.
# run: --size 64 --offset 64
# expect: unproven f+0x33
	.text
	.globl f
	.type f, @function
f:
	push   %rbp
	xor    %r8d,%r8d
	xor    %ebp,%ebp
	push   %rbx
	mov    %rdi,%rbx
	sub    $0x38,%rsp
	mov    (%rdi),%rdx
	mov    0x20(%rdi),%rsi
	mov    $str,%rdi
	mov    %r8,(%rsp)
	mov    %r8,0x8(%rsp)
	mov    %r8,0x10(%rsp)
	call   g
	mov    0x18(%rbx),%rdx
1:	movslq %ebp,%rax
	cmp    (%rbx),%rax
	jae    2f
	xor    %eax,%eax
	lea    0x20(%rsp),%rdi
	mov    $0x6,%ecx
	mov    0x20(%rbx),%rsi
	mov    %rax,0x18(%rsp)
	xor    %eax,%eax
	rep stos %eax,%es:(%rdi)
	mov    $str,%rdi
	mov    (%rdx),%rcx
	mov    0x8(%rdx),%rax
	mov    %rax,0x10(%rsp)
	lea    -0x1(%rcx,%rax,1),%rax
	mov    %rax,0x8(%rsp)
	mov    0x10(%rdx),%eax
	mov    %ebp,%edx
	inc    %ebp
	mov    %rcx,(%rsp)
	push   %rax
	lea    0x20(%rsp),%rax
	push   %rax
	lea    0x10(%rsp),%rcx
	lea    0x20(%rsp),%r9
	lea    0x18(%rsp),%r8
	call   g
	movslq %ebp,%rdx
	pop    %rcx
	pop    %rsi
	imul   $0x18,%rdx,%rdx
	add    0x18(%rbx),%rdx
	jmp    1b
2:	add    $0x38,%rsp
	pop    %rbx
	pop    %rbp
	ret
	.size f, .-f
	.data
str: .byte 0
