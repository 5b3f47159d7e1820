# SPDX-License-Identifier: GPL-3.0-or-later
# A linked executable: no relocations, the call's displacement is real.
# link: -nostdlib -static
# run: --size 32 --offset 16
# expect: violation call_live+0x5
	.text
	.globl _start, call_live, ext
	.type _start, @function
_start:
	call call_live
	hlt
	.size _start, .-_start
	.type call_live, @function
call_live:
	movq %rdi, -24(%rsp)
	call ext
	movq -24(%rsp), %rax
	ret
	.size call_live, .-call_live
	.type ext, @function
ext:
	ret
	.size ext, .-ext
	.section .note.GNU-stack,"",@progbits
