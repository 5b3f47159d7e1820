/* SPDX-License-Identifier: GPL-3.0-or-later */
/* asm.cc -- may an inline asm template touch the stack?

   Under -mred-zone-asm=deny (the default) a function is converted only if
   each of its inline asms is known to leave %rsp and the memory below it
   alone.  This is an allow-list: a template is harmless only when every
   statement in it is classified as harmless here.  Anything else -- an
   unknown mnemonic, an asm macro defined elsewhere, a directive not listed,
   text the lexer cannot split with certainty -- counts as touching the
   stack.

   A statement is harmless when it is
   - empty, or only label definitions ("1:", ".Lx%=:");
   - an instruction from the table below, none of whose operands names the
     stack or frame pointer (the pass may move slots addressed from %rbp);
     jumps must stay inside the template;
   - a section switch, an alignment, or data emitted where nothing
     executes it (bytes in code are instructions nobody classified:
     ".byte 0x50" is push %rax).

   Extended asm writes registers as "%%rsp", basic asm as "%rsp": both are
   read the same way.  Operand substitutions ("%0", "%k1", "%q[x]", "%l0")
   are fine in operands; an operand an asm receives in a register is
   checked by the pass (pass.cc), not here.

   This file uses nothing from GCC, so that the unit test
   (testsuite/redzone.unit) can compile it on its own.  */

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Declared in redzone.h, which needs GCC's headers.  */
bool rz_asm_touches_stack (const char *templ);

namespace {

/* --- the tables ---------------------------------------------------------- */

enum insn_kind
{
  PLAIN = 0,
  CC = 1,       /* NAME is followed by a condition code: set, cmov, j.  */
  JUMP = 2,     /* The operand must be a label inside the template.  */
  PREFIX = 4    /* Modifies the next instruction, classified on its own.  */
};

struct insn_row
{
  const char *names;      /* Space-separated mnemonics of one family.  */
  const char *suffixes;   /* AT&T size suffixes they take.  */
  int kind;
};

/* Known-harmless instructions: none moves %rsp or writes below it.  Not
   here, so refused: push*, pop* (also pushf/popf), call and ret in every
   form, enter, leave, int, int3, int1, into, iret*, uiret, syscall,
   sysenter, sysret, sysexit, lcall, ljmp, lret, retf, lss.  */
const insn_row insns[] = {
  /* mov also reaches the control, debug and segment registers.  */
  { "mov add adc sub sbb and or xor cmp test not neg inc dec", "bwlq", PLAIN },
  { "movabs", "q", PLAIN },
  { "movzbw movzbl movzbq movzwl movzwq movsbw movsbl movsbq movswl movswq "
    "movslq movzx movsx movsxd", "", PLAIN },
  { "lea shld shrd bt bts btr btc bsf bsr tzcnt lzcnt popcnt movbe rdrand "
    "rdseed", "wlq", PLAIN },
  { "shl shr sal sar rol ror rcl rcr mul imul div idiv crc32", "bwlq", PLAIN },
  { "bswap movnti rdfsbase rdgsbase wrfsbase wrgsbase", "lq", PLAIN },
  { "xchg cmpxchg xadd", "bwlq", PLAIN },
  { "cmpxchg8b cmpxchg16b", "", PLAIN },
  { "set", "b", CC },
  { "cmov", "wlq", CC },
  /* String instructions use (%rsi) and (%rdi); port I/O uses %dx.  */
  { "movs stos lods scas cmps", "bwlq", PLAIN },
  { "in out ins outs", "bwl", PLAIN },
  /* Sign extensions of the accumulator, Intel and AT&T names.  */
  { "cbw cwde cdqe cwd cdq cqo cbtw cwtl cltq cwtd cltd cqto", "", PLAIN },
  { "nop", "wlq", PLAIN },
  { "cld std clc stc cmc lahf sahf pause lfence mfence sfence prefetcht0 "
    "prefetcht1 prefetcht2 prefetchnta prefetchw", "", PLAIN },
  { "rdtsc rdtscp rdpid rdpmc rdmsr wrmsr cpuid xgetbv xsetbv", "", PLAIN },
  /* System instructions of kernel leaf functions.  A fault or #UD (ud2 is
     Linux's BUG()) enters through the kernel's stubs like an interrupt.  */
  { "hlt cli sti clac stac swapgs invlpg invpcid wbinvd wbnoinvd clflush "
    "clflushopt clwb serialize verw ud2", "", PLAIN },
  { "lgdt lidt sgdt sidt lldt sldt ltr str lmsw smsw", "", PLAIN },
  { "xsave xsave64 xsaves xsaves64 xsavec xsavec64 xsaveopt xsaveopt64 xrstor "
    "xrstor64 xrstors xrstors64 fxsave fxsave64 fxrstor fxrstor64 ldmxcsr "
    "stmxcsr fninit fnclex fnstcw fldcw fnstsw fwait", "", PLAIN },
  { "movd movq movdqa movdqu movaps movups pxor xorps por pand vzeroupper",
    "", PLAIN },
  { "jmp loop loope loopz loopne loopnz jcxz jecxz jrcxz", "", JUMP },
  { "j", "", CC | JUMP },
  /* rex.w and the other rex.<wrxb> forms are matched in find_insn.  GAS
     takes "wait" as a prefix too ("wait pushq %rax" assembles).  */
  { "lock rep repe repz repne repnz notrack data16 data32 addr16 addr32 rex "
    "rex64 wait", "", PREFIX },
};

/* The condition codes of jcc, setcc and cmovcc.  */
const char *const conds = "o no b c nae ae nb nc e z ne nz be na a nbe s ns "
                          "p pe np po l nge ge nl le ng g nle";

/* Every spelling of the stack and frame pointers, AT&T or Intel.  */
const char *const stack_regs = "rsp esp sp spl rbp ebp bp bpl";

enum dir_kind
{
  D_SECTION, D_PUSH, D_POP, D_PREVIOUS, D_TEXT, D_DATA,
  D_ALIGN,      /* In code only with the assembler's NOP padding.  */
  D_SKIP,       /* In code only when it fills with 0x90 (nop).  */
  D_NOPS,       /* NOPs by definition.  */
  D_EMIT        /* Bytes: only where nothing executes them.  */
};

struct dir_row
{
  const char *names;      /* A name ending in '.' is a prefix: .dc.l.  */
  enum dir_kind kind;
};

/* Known directives; any other (.macro, .rept, .irp, .if, .set, .equ,
   .include, .globl, ...) is refused.  So is .reloc, which can patch code
   from any section.  */
const dir_row directives[] = {
  { ".section", D_SECTION },
  { ".pushsection", D_PUSH },
  { ".popsection", D_POP },
  { ".previous", D_PREVIOUS },
  { ".text", D_TEXT },
  { ".data .bss", D_DATA },
  { ".align .balign .p2align", D_ALIGN },
  /* Linux's ALTERNATIVE() pads the old instruction with ".skip N, 0x90".  */
  { ".skip .space", D_SKIP },
  { ".nops", D_NOPS },
  { ".byte .word .short .hword .value .long .int .quad .octa .2byte .4byte "
    ".8byte .ascii .asciz .string .string8 .string16 .string32 .string64 "
    ".float .single .double .uleb128 .sleb128 .fill .zero .org .insn .inst "
    ".balignw .balignl .p2alignw .p2alignl .dc .dc. .ds .ds. .dcb.", D_EMIT },
};

/* --- words ------------------------------------------------------------- */

bool
word_char (char c)
{
  return isalnum ((unsigned char) c) || c == '_' || c == '.';
}

/* Label names: symbols, numeric labels, and "%=" (a number unique to the
   asm instance).  Returns the length of the name at P.  */
size_t
label_len (const char *p)
{
  const char *q = p;
  for (;;)
    if (word_char (*q) || *q == '$')
      q++;
    else if (q[0] == '%' && q[1] == '=')
      q += 2;
    else
      return q - p;
}

bool
blank (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

char *
skip_blanks (char *p)
{
  while (blank (*p))
    p++;
  return p;
}

/* Is W[0, N) one of the space-separated words of LIST?  With SUFFIXES,
   a word followed by one of these letters also counts; with PREFIX_OK, a
   list word ending in '.' matches any W that starts with it.  */
bool
in_list (const char *list, const char *w, size_t n, const char *suffixes,
         bool prefix_ok)
{
  for (const char *p = list; *p; )
    {
      size_t len = strcspn (p, " ");
      if (n == len && strncmp (p, w, n) == 0)
        return true;
      if (n == len + 1 && strncmp (p, w, len) == 0 && suffixes
          && strchr (suffixes, w[len]))
        return true;
      if (prefix_ok && len > 0 && p[len - 1] == '.' && n > len
          && strncmp (p, w, len) == 0)
        return true;
      p += len;
      while (*p == ' ')
        p++;
    }
  return false;
}

/* The table row of mnemonic W[0, N) (lower case), or NULL.  */
const insn_row *
find_insn (const char *w, size_t n)
{
  for (const insn_row &r : insns)
    if (r.kind & CC)
      {
        size_t len = strlen (r.names);
        if (n > len && strncmp (w, r.names, len) == 0
            && in_list (conds, w + len, n - len, r.suffixes, false))
          return &r;
      }
    else if (in_list (r.names, w, n, r.suffixes, false))
      return &r;
  /* rex.w, rex.rb, ... rex.wrxb.  */
  if (n > 4 && n <= 8 && strncmp (w, "rex.", 4) == 0
      && strspn (w + 4, "wrxb") == n - 4)
    for (const insn_row &r : insns)
      if (r.kind == PREFIX)
        return &r;
  return NULL;
}

const dir_row *
find_directive (const char *w, size_t n)
{
  for (const dir_row &r : directives)
    if (in_list (r.names, w, n, NULL, true))
      return &r;
  return NULL;
}

/* Does TEXT name the stack or frame pointer anywhere?  Words are runs of
   letters, digits and '_', so "sp_off" and ".Lsp" are not "sp", but
   "%%rsp", "(%rsp)", "[rsp+8]", "$sp" and "x.sp" all are.  */
bool
names_stack_reg (const char *text)
{
  for (const char *p = text; *p; )
    if (isalnum ((unsigned char) *p) || *p == '_')
      {
        size_t n = 0;
        char w[8];
        for (; isalnum ((unsigned char) *p) || *p == '_'; p++, n++)
          if (n < sizeof w)
            w[n] = tolower ((unsigned char) *p);
        if (n < sizeof w && in_list (stack_regs, w, n, NULL, false))
          return true;
      }
    else
      p++;
  return false;
}

/* Split ARGS in place at commas outside parentheses and strings; store at
   most MAX trimmed arguments in OUT.  Returns the number of arguments (0
   for blank ARGS), or MAX + 1 if there are more.  */
int
split_args (char *args, char **out, int max)
{
  args = skip_blanks (args);
  if (*args == '\0')
    return 0;
  int n = 0, depth = 0;
  bool quoted = false;
  char *start = args;
  for (char *p = args;; p++)
    {
      if (*p == '"' && (p == args || p[-1] != '\\'))
        quoted = !quoted;
      else if (!quoted && *p == '(')
        depth++;
      else if (!quoted && *p == ')')
        depth--;
      else if (*p == '\0' || (!quoted && depth == 0 && *p == ','))
        {
          bool last = *p == '\0';
          char *e = p;
          while (e > start && blank (e[-1]))
            e--;
          *e = '\0';
          if (n == max)
            return max + 1;
          out[n++] = skip_blanks (start);
          if (last)
            return n;
          start = p + 1;
        }
    }
}

/* --- sections ---------------------------------------------------------- */

enum section_kind
{
  S_CODE,       /* The function's own section, where the template starts.  */
  S_EXEC,       /* Another section that holds code.  */
  S_DATA,       /* Known not to be executed.  */
  S_UNKNOWN     /* Whatever was current before the template.  */
};

bool
contains_nocase (const char *s, size_t n, const char *sub)
{
  size_t m = strlen (sub);
  for (size_t i = 0; i + m <= n; i++)
    if (strncasecmp (s + i, sub, m) == 0)
      return true;
  return false;
}

/* The kind of the section that ".section ARGS" switches to.  A name with
   "text" in it, Linux's .altinstr_replacement (code patched in at boot),
   GAS's executable special sections and any "x" flag mean code.  The
   flags are the first quoted argument after the name.  */
section_kind
section_of (char *args)
{
  char *a[4];
  int n = split_args (args, a, 4);
  if (n < 1 || n > 4)
    return S_UNKNOWN;
  const char *name = a[0];
  size_t len = strlen (name);
  if (name[0] == '"')
    {
      if (len < 2 || name[len - 1] != '"')
        return S_UNKNOWN;
      name++;
      len -= 2;
    }
  if (len == 0 || memchr (name, '%', len) || memchr (name, '"', len))
    return S_UNKNOWN;
  if (contains_nocase (name, len, "text")
      || contains_nocase (name, len, "replacement")
      || (len == 5 && (strncmp (name, ".init", 5) == 0
                       || strncmp (name, ".fini", 5) == 0)))
    return S_EXEC;
  for (int i = 1; i < n; i++)
    if (a[i][0] == '"')
      /* A number in the flags is a machine-specific flag: be careful.  */
      return strpbrk (a[i], "x0123456789") ? S_EXEC : S_DATA;
  return S_DATA;
}

/* --- the lexer's state ------------------------------------------------- */

const int MAX_DEPTH = 8;
const int MAX_LABELS = 64;

struct label
{
  const char *name;
  size_t len;
  int stmt;             /* Index of the statement that defines it.  */
  bool data;            /* Defined in a data section.  */
};

struct lexer
{
  int stmt;
  section_kind cur, prev;                       /* As GAS keeps them.  */
  section_kind stack[MAX_DEPTH][2];             /* .pushsection.  */
  int depth;
  bool prefix_pending;  /* A prefix waits for its instruction.  */
  label labels[MAX_LABELS];
  int nlabels;
  label jumps[MAX_LABELS];                      /* Targets to resolve.  */
  int njumps;
};

bool
add_label (label *tab, int *n, const char *name, size_t len, int stmt,
           bool data)
{
  if (*n == MAX_LABELS)
    return false;
  tab[(*n)++] = { name, len, stmt, data };
  return true;
}

/* Is jump target J a label of the template outside data?  "1b" is the
   nearest "1:" at or before the jump, "1f" the nearest after it.  */
bool
target_ok (const lexer &s, const label &j)
{
  size_t len = j.len;
  char dir = 0;
  /* A bare number would be an absolute address.  */
  if (isdigit ((unsigned char) j.name[0]))
    {
      dir = j.name[--len];
      if ((dir != 'f' && dir != 'b') || strspn (j.name, "0123456789") != len)
        return false;
    }
  const label *found = NULL;
  for (int i = 0; i < s.nlabels; i++)
    {
      const label &l = s.labels[i];
      if (l.len != len || strncmp (l.name, j.name, len) != 0)
        continue;
      if (dir == 'b' ? l.stmt <= j.stmt : dir == 'f' ? l.stmt > j.stmt : true)
        {
          found = &l;
          if (dir != 'b')
            break;
        }
    }
  return found && !found->data;
}

/* A jump's operand: an asm goto label ("%l0", "%l[name]") is fine at once;
   a label name is checked at the end, when the template's labels are
   known.  Anything else (indirect, another symbol) is refused.  */
bool
jump_ok (lexer &s, char *ops)
{
  char *a[1];
  if (split_args (ops, a, 1) != 1)
    return false;
  const char *t = a[0];
  if (t[0] == '%' && t[1] == 'l')
    {
      if (t[2] == '[')
        {
          size_t n = strspn (t + 3, "abcdefghijklmnopqrstuvwxyz"
                             "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
          return n > 0 && t[3 + n] == ']' && t[4 + n] == '\0';
        }
      size_t n = strspn (t + 2, "0123456789");
      return n > 0 && t[2 + n] == '\0';
    }
  size_t n = label_len (t);
  return n > 0 && t[n] == '\0'
         && add_label (s.jumps, &s.njumps, t, n, s.stmt, false);
}

bool
directive_ok (lexer &s, const dir_row &d, char *args)
{
  char *a[3];
  int n;
  switch (d.kind)
    {
    case D_PUSH:
      if (s.depth == MAX_DEPTH)
        return false;
      s.stack[s.depth][0] = s.cur;
      s.stack[s.depth++][1] = s.prev;
      /* Fall through.  */
    case D_SECTION:
      s.prev = s.cur;
      s.cur = section_of (args);
      return true;
    case D_POP:
      /* Popping what the template did not push is not understood.  GAS
         reads whatever follows .popsection or .previous as a statement of
         its own: allow nothing there.  */
      if (s.depth == 0 || *skip_blanks (args))
        return false;
      s.cur = s.stack[--s.depth][0];
      s.prev = s.stack[s.depth][1];
      return true;
    case D_PREVIOUS:
      if (*skip_blanks (args))
        return false;
      {
        section_kind t = s.cur;
        s.cur = s.prev;
        s.prev = t;
        return true;
      }
    case D_TEXT:
    case D_DATA:
      s.prev = s.cur;
      s.cur = d.kind == D_TEXT ? S_EXEC : S_DATA;
      return true;
    case D_NOPS:
      return true;
    case D_ALIGN:
      /* ".p2align 4" and ".p2align 4,,15" pad code with NOPs; a fill value
         (".p2align 4, 0x50") would be executed on the way through.  */
      n = split_args (args, a, 3);
      return s.cur == S_DATA || n <= 1 || a[1][0] == '\0';
    case D_SKIP:
      n = split_args (args, a, 2);
      return s.cur == S_DATA
             || (n == 2 && strcasecmp (a[1], "0x90") == 0);
    case D_EMIT:
      return s.cur == S_DATA;
    }
  return false;
}

/* Classify one statement, with comments and separators already removed.  */
bool
statement_ok (lexer &s, char *p)
{
  /* Label definitions.  */
  for (;;)
    {
      p = skip_blanks (p);
      size_t n = label_len (p);
      if (n == 0 || p[n] != ':')
        break;
      if (s.prefix_pending
          || !add_label (s.labels, &s.nlabels, p, n, s.stmt,
                         s.cur == S_DATA))
        return false;
      p += n + 1;
    }
  while (*p)
    {
      /* The mnemonic or directive: a word followed by a blank or the end.
         An operand substitution ("%0 ...") is not a word.  */
      char w[24];
      size_t n = 0;
      for (; word_char (p[n]); n++)
        if (n < sizeof w)
          w[n] = tolower ((unsigned char) p[n]);
      if (n == 0 || n > sizeof w || !(blank (p[n]) || p[n] == '\0'))
        return false;
      char *rest = p + n;
      if (w[0] == '.')
        {
          const dir_row *d = find_directive (w, n);
          return d && !s.prefix_pending && directive_ok (s, *d, rest);
        }
      const insn_row *r = find_insn (w, n);
      if (!r)
        return false;
      if (r->kind & PREFIX)
        {
          s.prefix_pending = true;
          p = skip_blanks (rest);
          continue;
        }
      /* A prefixed jump may not go where it says (data16 truncates the
         target on AMD).  */
      if (((r->kind & JUMP) && s.prefix_pending)
          || strchr (rest, '"') || names_stack_reg (rest))
        return false;
      s.prefix_pending = false;
      return !(r->kind & JUMP) || jump_ok (s, rest);
    }
  return true;
}

/* Copy TEMPL to BUF with one statement per line: newlines, ';' and the
   dialect braces "{att|intel}" end statements (so every alternative is
   classified), comments go.  "%{", "%|", "%}" and "%%" stay as they are.
   Returns false for text the lexer cannot split as GAS would: a backslash
   (macro arguments, escapes) or a quote outside a string, an unterminated
   string or comment, and a brace or bar in a string or comment (GCC picks
   the dialect alternatives of extended asm first, strings or not).  */
bool
dialect_char (char c)
{
  return c == '{' || c == '|' || c == '}';
}

bool
has_dialect_char (const char *p, const char *end)
{
  for (; p < end; p++)
    if (dialect_char (*p))
      return true;
  return false;
}

bool
split_statements (const char *templ, char *buf)
{
  const char *p = templ, *e;
  char *q = buf;
  while (*p)
    switch (*p)
      {
      case '"':
        /* A string, escapes included.  */
        do
          {
            if (*p == '\\')
              *q++ = *p++;
            if (*p == '\0' || *p == '\n' || dialect_char (*p))
              return false;
            *q++ = *p++;
          }
        while (*p != '"');
        *q++ = *p++;
        break;
      case '%':
        *q++ = *p++;
        if (*p && strchr ("%{|}", *p))
          *q++ = *p++;
        break;
      case '#':
        e = p + strcspn (p, "\n");
        if (has_dialect_char (p, e))
          return false;
        p = e;
        break;
      case '/':
        if (p[1] != '*')
          *q++ = *p++;
        else
          {
            e = strstr (p + 2, "*/");
            if (!e || has_dialect_char (p, e))
              return false;
            *q++ = memchr (p, '\n', e - p) ? '\n' : ' ';
            p = e + 2;
          }
        break;
      case ';':
      case '{':
      case '|':
      case '}':
        *q++ = '\n';
        p++;
        break;
      case '\\':
      case '\'':
        return false;
      default:
        *q++ = *p++;
      }
  *q = '\0';
  return true;
}

} // anon namespace

bool
rz_asm_touches_stack (const char *templ)
{
  char *buf = (char *) malloc (strlen (templ) + 1);
  if (!buf)
    return true;
  lexer s;
  memset (&s, 0, sizeof s);
  s.cur = S_CODE;
  s.prev = S_UNKNOWN;
  bool ok = split_statements (templ, buf);
  for (char *line = buf; ok && *line; s.stmt++)
    {
      char *end = line + strcspn (line, "\n");
      bool last = *end == '\0';
      *end = '\0';
      ok = statement_ok (s, line);
      line = last ? end : end + 1;
    }
  /* A prefix left for the compiler's next instruction, or a section left
     switched, is not understood.  */
  ok = ok && !s.prefix_pending && s.depth == 0 && s.cur == S_CODE;
  for (int i = 0; ok && i < s.njumps; i++)
    ok = target_ok (s, s.jumps[i]);
  free (buf);
  return !ok;
}
