/* SPDX-License-Identifier: GPL-3.0-or-later */
/* asm-unit.cc -- the inline-asm lexer (plugin/asm.cc) on a table of
   templates, compiled without GCC's headers.  Prints one line per case,
   "PASS: <template> <expected>" or "FAIL: ...", for asm.exp.  Templates are
   written as in extended asm ("%%rsp") unless the comment says basic asm.  */

#include <stdio.h>

bool rz_asm_touches_stack (const char *templ);

enum { OK = 0, TOUCHES = 1 };

struct test_case
{
  const char *templ;
  int expect;
};

static const test_case cases[] = {
  /* Empty templates and plain instructions.  */
  { "", OK },
  { "   \n\t ;; \n", OK },
  { "lfence", OK },
  { "nop", OK },
  { "LFENCE", OK },
  { "mfence; sfence", OK },
  { "movl %1, %0", OK },
  { "movq %%cr3, %0", OK },
  { "mov %0, %%cr4", OK },
  { "mov %%dr6, %0", OK },
  { "mov %0, %%ds; mov %0, %%es; mov %0, %%ss", OK },
  { "movzbl %b1, %k0", OK },
  { "movslq %1, %q0", OK },
  { "movsx rax, byte ptr [rdi]", OK },
  { "leaq 8(%1), %0", OK },
  { "addq %1, %0\n\tadcq $0, %0", OK },
  { "shldq %%cl, %1, %0", OK },
  { "btq %2, %1; setc %0", OK },
  { "btsl %1, %0", OK },
  { "bsfq %1, %0", OK },
  { "rep; bsf %1, %0", OK },
  { "tzcnt %1, %0", OK },
  { "popcntq %1, %0", OK },
  { "bswap %0", OK },
  { "bswapq %0", OK },
  { "lock; xaddl %0, %1", OK },
  { "lock xaddl %0, %1", OK },
  { "lock cmpxchgq %2, %1", OK },
  { "lock; cmpxchg16b %1", OK },
  { "xchg %0, %1", OK },
  { "sete %0", OK },
  { "setnbe %b0", OK },
  { "cmovneq %2, %0", OK },
  { "cmovbel %2, %0", OK },
  { "rep movsb", OK },
  { "rep stosq", OK },
  { "repe cmpsb", OK },
  { "rdtsc", OK },
  { "rdtscp", OK },
  { "rdmsr", OK },
  { "wrmsr", OK },
  { "cpuid", OK },
  { "xgetbv", OK },
  { "rdrand %0; setc %1", OK },
  { "inb %w1, %b0", OK },
  { "outl %0, %w1", OK },
  { "rep insw", OK },
  { "cli", OK },
  { "sti; hlt", OK },
  { "stac", OK },
  { "clac", OK },
  { "invlpg %0", OK },
  { "invpcid %1, %0", OK },
  { "wbinvd", OK },
  { "clflushopt %0", OK },
  { "clwb %0", OK },
  { "serialize", OK },
  { "swapgs", OK },
  { "wrgsbase %0", OK },
  { "rdfsbaseq %0", OK },
  { "lgdt %0", OK },
  { "lidt %0", OK },
  { "sldt %0", OK },
  { "ltr %w0", OK },
  { "str %0", OK },
  { "smsw %0", OK },
  { "xsaves64 %0", OK },
  { "xrstor %0", OK },
  { "fxsave %0", OK },
  { "ldmxcsr %0", OK },
  { "fninit; fnstcw %0", OK },
  { "fwait", OK },
  { "movbe %1, %0", OK },
  { "crc32q %1, %0", OK },
  { "cltq", OK },
  { "cqto; idivq %2", OK },
  { "cdqe", OK },
  { "ud2", OK },
  { "pxor %%xmm0, %%xmm0", OK },
  { "movdqu %1, %%xmm0; movdqu %%xmm0, %0", OK },
  { "vzeroupper", OK },
  { "nopl 0(%%rax)", OK },
  { "pause", OK },
  { "verw %0", OK },
  { "prefetcht0 %P0", OK },
  { "rex.w nop", OK },
  { "data16 nop", OK },
  /* Comments, labels, dialect alternatives, literal braces.  */
  { "lfence # a comment: push %%rax", OK },
  { "lfence /* push %%rax */ ; nop", OK },
  { "/* multi\n line */ nop", OK },
  { "1: nop", OK },
  { "661:\n\tlfence\n662:", OK },
  { ".Lfoo%=: nop", OK },
  { "name: name2: mfence", OK },
  { "{movl %1, %0|mov %0, %1}", OK },
  { "{pushq %0|mov %0, %1}", TOUCHES },
  { "{mov %0, %1|push %0}", TOUCHES },
  { "mov{l} %1, %0", TOUCHES },         /* "l" alone is not classified.  */
  { "%{vex%} vpxor %%xmm0, %%xmm0, %%xmm0", TOUCHES },
  /* GCC picks the alternative before GAS sees strings and comments: a
     brace or bar in either is not understood.  */
  { "{nop\n|# }pushq %%rax", TOUCHES },
  { "nop /* | */", TOUCHES },
  { ".pushsection .discard; .ascii \"{|\"}.ascii \"; .popsection; "
    "pushq %%rax; .pushsection .discard; .ascii \"; .popsection", TOUCHES },
  { ".pushsection .discard\n.ascii \"a;b # c /* d\"\n.popsection", OK },
  { ".pushsection .discard\n.ascii \"a\\\"b; c\"\n.popsection", OK },
  { ".pushsection .discard\n.ascii \"a\\\"; pushq %%rax\n.popsection",
    TOUCHES },
  /* basic asm: "%" is literal, also before a quote.  */
  { ".pushsection .discard; .ascii \"100%\"; .popsection; pushq %rax; "
    ".pushsection .discard; .ascii \"x\"; .popsection", TOUCHES },
  /* Pushes, pops, calls, returns in every form.  */
  { "pushq %%rax\n\tpopq %%rax", TOUCHES },
  { "push %0", TOUCHES },
  { "pushf; pop %0", TOUCHES },
  { "pushfq", TOUCHES },
  { "popfq", TOUCHES },
  { "call foo", TOUCHES },
  { "callq *%0", TOUCHES },
  { "call *%P0", TOUCHES },
  { "ret", TOUCHES },
  { "retq", TOUCHES },
  { "retw", TOUCHES },
  { "ret $8", TOUCHES },
  { "rep ret", TOUCHES },
  { "lret", TOUCHES },
  { "lretq", TOUCHES },
  { "retf", TOUCHES },
  { "ljmp *%0", TOUCHES },
  { "lcall *%0", TOUCHES },
  { "enter $16, $0", TOUCHES },
  { "enterq $16, $0", TOUCHES },
  { "leave", TOUCHES },
  { "leaveq", TOUCHES },
  { "int $0x80", TOUCHES },
  { "int3", TOUCHES },
  { "int1", TOUCHES },
  { "into", TOUCHES },
  { "iret", TOUCHES },
  { "iretq", TOUCHES },
  { "iretw", TOUCHES },
  { "uiret", TOUCHES },
  { "syscall", TOUCHES },
  { "sysenter", TOUCHES },
  { "sysretq", TOUCHES },
  { "sysexit", TOUCHES },
  { "lss %0, %%rsp", TOUCHES },
  { "wait pushq %%rax", TOUCHES },      /* GAS: wait is a prefix.  */
  /* The stack and frame pointers in every spelling.  */
  { "mov %%rsp, %0", TOUCHES },
  { "mov %rsp, %rax", TOUCHES },        /* basic asm */
  { "movl %%esp, %0", TOUCHES },
  { "lea -8(%%rsp), %0", TOUCHES },
  { "mov rax, [rsp+8]", TOUCHES },
  { "mov RAX, QWORD PTR [RSP]", TOUCHES },
  { "mov %%sp, %w0", TOUCHES },
  { "movb %%spl, %b0", TOUCHES },
  { "mov %%rbp, %0", TOUCHES },
  { "movl -4(%%rbp), %0", TOUCHES },
  { "mov eax, [ebp-4]", TOUCHES },
  { "mov %%bp, %w0", TOUCHES },
  { "mov %%bpl, %b0", TOUCHES },
  { "xchg %%rsp, %0", TOUCHES },
  { "addq $8, %%rsp", TOUCHES },
  { "mov .Lsp, %0", OK },               /* a symbol, not a register */
  { "mov sp_offset(%1), %0", OK },
  /* Unknown mnemonics, macros, operands as mnemonics, odd text.  */
  { "my_macro %0", TOUCHES },
  { "ALTERNATIVE \"\", \"lfence\", 3", TOUCHES },
  { "%0", TOUCHES },
  { "%c0 %1", TOUCHES },
  { "mov%z0 %1, %0", TOUCHES },
  { "aesenc %%xmm1, %%xmm0", TOUCHES },  /* harmless, but not listed */
  { "vmcall", TOUCHES },
  { "lock", TOUCHES },                   /* prefixes the compiler's code */
  { "lock; 1: xaddl %0, %1", TOUCHES },
  { "rep/movsb", TOUCHES },
  { "movl $'a', %0", TOUCHES },
  { "mov \"x;y\", %0", TOUCHES },
  { "nop \\\n pushq %%rax", TOUCHES },
  { "nop /* unterminated", TOUCHES },
  { "/ comment", TOUCHES },
  { "movl$1,%0", TOUCHES },
  /* Directives that are never classified.  */
  { ".macro m\n.endm", TOUCHES },
  { ".rept 2\nnop\n.endr", TOUCHES },
  { ".irp r,ax,bx\nnop\n.endr", TOUCHES },
  { ".if 1\nnop\n.endif", TOUCHES },
  { ".set x, 1", TOUCHES },
  { ".equ x, 1", TOUCHES },
  { ".include \"foo.s\"", TOUCHES },
  { ".globl foo", TOUCHES },
  { ".pushsection .discard\n.reloc 1f, R_X86_64_NONE, 0\n.popsection\n1:",
    TOUCHES },
  /* Data in code: instructions nobody classified.  */
  { ".byte 0x50, 0x58", TOUCHES },
  { ".byte 0x90", TOUCHES },
  { ".word 0x5850", TOUCHES },
  { ".short 0x5850", TOUCHES },
  { ".long 0x90905850", TOUCHES },
  { ".int 0", TOUCHES },
  { ".quad 0x50", TOUCHES },
  { ".octa 0", TOUCHES },
  { ".ascii \"PX\"", TOUCHES },
  { ".asciz \"P\"", TOUCHES },
  { ".string \"P\"", TOUCHES },
  { ".dc.b 0x50", TOUCHES },
  { ".dc.l 0x50", TOUCHES },
  { ".fill 1, 1, 0x50", TOUCHES },
  { ".skip 1, 0x50", TOUCHES },
  { ".space 2, 0x50", TOUCHES },
  { ".zero 4", TOUCHES },
  { ".org .+1, 0x50", TOUCHES },
  { ".insn 0x50", TOUCHES },
  { ".inst 0x50", TOUCHES },
  { ".balignw 4, 0x5850", TOUCHES },
  { ".p2align 4, 0x50", TOUCHES },
  { "nop; .byte 0xc3", TOUCHES },
  /* NOP padding in code.  */
  { ".p2align 4", OK },
  { ".p2align 4,,15", OK },
  { ".balign 8", OK },
  { ".skip 3, 0x90", OK },
  { ".nops 5", OK },
  /* Sections.  */
  { ".pushsection .discard\n.byte 0x50\n.popsection", OK },
  { ".pushsection __ex_table,\"a\"\n.balign 4\n.long 1b - .\n.popsection\n",
    OK },
  { ".pushsection \"__ex_table\",\"a\"\n .long (1b) - .\n .popsection", OK },
  { ".pushsection .smp_locks,\"a\"; .balign 4; .long 671f - .; .popsection; "
    "671: lock; xaddl %0, %1", OK },
  { ".section .data\n.quad 1\n.previous", OK },
  { ".data\n.quad 1\n.text", TOUCHES },   /* .text may not be the function's */
  { ".pushsection .rodata\n.asciz \"x\"\n.popsection", OK },
  { ".pushsection .bss\n.zero 8\n.popsection", OK },
  { ".pushsection __bug_table,\"aw\"\n2: .long 1b - .\n.word %c0\n"
    ".org 2b+%c1\n.popsection", OK },
  { ".pushsection .altinstr_replacement, \"ax\"\n.byte 0x50\n.popsection",
    TOUCHES },
  { ".pushsection .altinstr_replacement\n.byte 0x50\n.popsection", TOUCHES },
  { ".pushsection .text.unlikely\n.byte 0x50\n.popsection", TOUCHES },
  { ".pushsection .fixup,\"ax\"\n.byte 0x50\n.popsection", TOUCHES },
  { ".pushsection .foo,\"a4\"\n.byte 0x50\n.popsection", TOUCHES },
  { ".pushsection .init\n.byte 0x50\n.popsection", TOUCHES },
  { ".pushsection %0\n.byte 0x50\n.popsection", TOUCHES },
  { ".pushsection .discard\n.popsection\n.byte 0x50", TOUCHES },
  { ".section .discard\n.previous\n.byte 0x50", TOUCHES },
  { ".pushsection .discard\n.byte 0", TOUCHES },       /* never popped */
  { ".popsection", TOUCHES },                          /* not ours */
  /* GAS reads what follows .popsection or .previous as a statement.  */
  { ".pushsection .discard\n.popsection iretq", TOUCHES },
  { ".section .data\n.previous iretq", TOUCHES },
  { ".previous", TOUCHES },
  { ".section .data\n.quad 1", TOUCHES },
  /* Instructions in other sections are classified the same way.  */
  { ".pushsection .altinstr_replacement,\"ax\"\nlfence\n.popsection", OK },
  { ".pushsection .altinstr_replacement,\"ax\"\ncall foo\n.popsection",
    TOUCHES },
  { ".pushsection .discard\npushq %%rax\n.popsection", TOUCHES },
  /* Jumps.  */
  { "jmp 1f\n1:", OK },
  { "1: dec %0; jnz 1b", OK },
  { "1: loop 1b", OK },
  { "jrcxz 1f; nop; 1:", OK },
  { "jmp .Lout%=\n.Lout%=:", OK },
  { "jmp out\nout:", OK },
  { "jmp %l0", OK },
  { "jz %l[yes]", OK },
  { "jmp %l2", OK },
  { "jmp *%0", TOUCHES },
  { "jmp *(%0)", TOUCHES },
  { "jmp rax", TOUCHES },
  { "jmp foo", TOUCHES },
  { "jmp %P0", TOUCHES },
  { "jmp %c0", TOUCHES },
  { "jmp 1f", TOUCHES },                  /* label not in the template */
  { "1: jmp 1f", TOUCHES },               /* 1f is after the jump */
  { "jmp 1b\n1:", TOUCHES },              /* 1b is before it */
  { "1: nop\njmp 1", TOUCHES },           /* absolute address 1 */
  { "jmp 1F\n1:", TOUCHES },
  { "jmp 1f, 2f\n1: 2:", TOUCHES },
  { "jmpq 1f\n1:", TOUCHES },
  { "data16 jmp 1f\n1:", TOUCHES },
  { "rep; jnz 1f\n1:", TOUCHES },
  { "jmp 1f\n.pushsection .discard\n1: .byte 0x50\n.popsection", TOUCHES },
  { "jmp 2f\n1: nop\n2:", OK },
  { "1: jmp 2f\n2: jmp 1b", OK },
  /* Linux: ALTERNATIVE("", "lfence", X86_FEATURE_LFENCE_RDTSC).  */
  { "# ALT: oldnstr\n661:\n\t\n662:\n# ALT: padding\n"
    ".skip -(((6641f-6640f)-(662b-661b)) > 0) * ((6641f-6640f)-(662b-661b)),"
    "0x90\n663:\n"
    ".pushsection .altinstructions,\"a\"\n"
    " .long 661b - .\n .long 6640f - .\n .word  ( 3*32+18)\n"
    " .byte 663b-661b\n .byte 6641f-6640f\n.popsection\n"
    ".pushsection .altinstr_replacement, \"ax\"\n"
    "# ALT: replacement 1\n6640:\n\tlfence\n6641:\n.popsection\n", OK },
  /* The same with a call as the replacement (alternative_call).  */
  { "661:\n\tcall %P[old]\n662:\n"
    ".skip -(((6641f-6640f)-(662b-661b)) > 0) * ((6641f-6640f)-(662b-661b)),"
    "0x90\n663:\n"
    ".pushsection .altinstructions,\"a\"\n .long 661b - .\n.popsection\n"
    ".pushsection .altinstr_replacement, \"ax\"\n6640:\n\tcall %P[new]\n"
    "6641:\n.popsection\n", TOUCHES },
  /* static_cpu_has(): jumps to .altinstr_aux and to asm goto labels.  */
  { "661:\n\tjmp 6f\n662:\n.skip -((6641f-6640f)-(662b-661b) > 0) * "
    "((6641f-6640f)-(662b-661b)), 0x90\n663:\n"
    ".pushsection .altinstructions,\"a\"\n .long 661b - .\n .long 6640f - .\n"
    " .word %P[feature]\n .byte 663b-661b\n .byte 6641f-6640f\n.popsection\n"
    ".pushsection .altinstr_replacement, \"ax\"\n6640:\n\tjmp %l[t_no]\n"
    "6641:\n.popsection\n"
    ".pushsection .altinstr_aux,\"ax\"\n6:\n testb %[bitnum],%[cap_byte]\n"
    " jnz %l[t_yes]\n jmp %l[t_no]\n.popsection\n", OK },
  /* BUG(): ud2 and a __bug_table entry.  */
  { "1:\t.byte 0x0f, 0x0b\n", TOUCHES },
  { "1:\tud2\n.pushsection __bug_table,\"aw\"\n2:\t.long 1b - .\t# bug_entry"
    "::bug_addr\n\t.long %c0 - .\n\t.word %c1\n\t.word %c2\n\t.org 2b+%c3\n"
    ".popsection", OK },
  /* rdmsr with an extable entry; a static branch's NOP as bytes.  */
  { "1: rdmsr\n2:\n .pushsection \"__ex_table\",\"a\"\n .balign 4\n"
    " .long (1b) - .\n .long (2b) - .\n .long 15 \n .popsection\n", OK },
  { "1:.byte 0x0f,0x1f,0x44,0x00,0\n\t.pushsection __jump_table,  \"aw\" \n\t"
    ".balign 8\n\t.long 1b - . \n\t.long %l[l_yes] - . \n\t"
    ".quad %c0 + %c1 - .\n\t.popsection \n\t", TOUCHES },
  { "1:jmp %l[l_yes] # objtool NOPs this \n\t.pushsection __jump_table,  "
    "\"aw\" \n\t.balign 8\n\t.long 1b - . \n\t.long %l[l_yes] - . \n\t"
    ".quad %c0 + %c1 - .\n\t.popsection \n\t", OK },
};

/* Print TEMPL on one line, escaping newlines and tabs.  */
static void
show (const char *templ)
{
  for (const char *p = templ; *p; p++)
    if (*p == '\n')
      fputs ("\\n", stdout);
    else if (*p == '\t')
      fputs ("\\t", stdout);
    else
      putchar (*p);
}

int
main (void)
{
  int failed = 0;
  for (const test_case &c : cases)
    {
      int got = rz_asm_touches_stack (c.templ) ? TOUCHES : OK;
      fputs (got == c.expect ? "PASS: \"" : "FAIL: \"", stdout);
      show (c.templ);
      printf ("\" %s\n", c.expect == TOUCHES ? "touches the stack" : "harmless");
      failed += got != c.expect;
    }
  return failed != 0;
}
