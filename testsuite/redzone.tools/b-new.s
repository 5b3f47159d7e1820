# SPDX-License-Identifier: GPL-3.0-or-later
# rz-compare input: functions of known sizes (bytes of nops).
	.file "b.c"
	.text
	.type dup, @function
dup:
	.skip 2, 0x90
	.size dup, 2
	.globl other
	.type other, @function
other:
	.skip 3, 0x90
	.size other, 3
	.section .note.GNU-stack,"",@progbits
