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
	.skip 25, 0x90
	.size grow, 25
	.globl shrink
	.type shrink, @function
shrink:
	.skip 12, 0x90
	.size shrink, 12
	.globl new
	.type new, @function
new:
	.skip 9, 0x90
	.size new, 9
	.globl huge
	.type huge, @function
huge:
	.skip 150016, 0x90
	.size huge, 150016
# An alias of huge: counted once, under the name huge.
	.globl huge_alias
	.type huge_alias, @function
	.set huge_alias, huge
	.size huge_alias, 150016
	.type dup, @function
dup:
	.skip 8, 0x90
	.size dup, 8
	.section .note.GNU-stack,"",@progbits
