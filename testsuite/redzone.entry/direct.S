/* SPDX-License-Identifier: GPL-3.0-or-later */
/* direct.S: one direct stub, for entry.exp's refusal of a small offset. */
#include <redzone-entry.h>

	.text
	RZ_DIRECT_STUB direct32, 32, 0, common
common:
	add	$16, %rsp
	iretq
