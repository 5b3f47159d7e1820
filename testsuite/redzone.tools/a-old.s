# SPDX-License-Identifier: GPL-3.0-or-later
# rz-compare input: functions of known sizes (bytes of nops).
	.file "a.c"
	.text
	.globl same
	.type same, @function
same:
	.skip 10, 0x90
	.size same, 10
	.globl grow
	.type grow, @function
grow:
	.skip 20, 0x90
	.size grow, 20
	.globl shrink
	.type shrink, @function
shrink:
	.skip 30, 0x90
	.size shrink, 30
	.globl gone
	.type gone, @function
gone:
	.skip 7, 0x90
	.size gone, 7
	.globl huge
	.type huge, @function
huge:
	.skip 150000, 0x90
	.size huge, 150000
# An alias of huge: counted once, under the name huge.
	.globl huge_alias
	.type huge_alias, @function
	.set huge_alias, huge
	.size huge_alias, 150000
	.type dup, @function
dup:
	.skip 5, 0x90
	.size dup, 5
	.section .note.GNU-stack,"",@progbits
