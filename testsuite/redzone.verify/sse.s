# SPDX-License-Identifier: GPL-3.0-or-later
# 16-byte accesses: [rsp-32, rsp-16) is in the window [rsp-48, rsp-16);
# [rsp-24, rsp-8) reaches into the gap.
# run: --size 32 --offset 16
# expect: violation sse_straddle+0x0
# expect: violation sse_straddle+0x5
	.text
	.globl sse_in, sse_straddle
	.type sse_in, @function
sse_in:
	movaps %xmm0, -32(%rsp)
	movaps -32(%rsp), %xmm1
	ret
	.size sse_in, .-sse_in
	.type sse_straddle, @function
sse_straddle:
	movups %xmm0, -24(%rsp)
	movups -24(%rsp), %xmm1
	ret
	.size sse_straddle, .-sse_straddle
