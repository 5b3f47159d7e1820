/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rz-verify.h -- rz-verify: a static checker of red-zone use in x86-64
   ELF code.  Types shared by its stages: input (input.c), settings
   (notes.c), decoding (decode.c), the abstract interpretation
   (analyze.c), stack-byte liveness (live.c) and the report (report.c).  */

#ifndef RZ_VERIFY_H
#define RZ_VERIFY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <gelf.h>

#define RZ_INF  INT64_MAX
#define RZ_NINF INT64_MIN

/* --- settings ------------------------------------------------------------ */

struct rz_settings
{
  long size;            /* N */
  long offset;          /* M */
  long thunk_depth;     /* D of the notes, -1 when not given */
};

/* One .note.redzone note as read from an input.  */
struct rz_note
{
  long size, offset, thunk_depth;
  char text[160];       /* its key=value strings, for the JSON report */
};

/* --- input --------------------------------------------------------------- */

/* An executable section, placed in the input's single address space.  */
struct rz_section
{
  uint64_t addr, size;
  const uint8_t *data;
  const char *name;
  size_t index;
};

struct rz_sym
{
  const char *name;
  uint64_t addr, size;
  size_t shndx;
  unsigned char type, bind;
  bool defined;
};

enum rz_func_flags
{
  RZ_FN_COLD = 1,       /* foo.cold, foo.cold.N: entered from its parent */
  RZ_FN_THUNK = 2,      /* a retpoline or return thunk */
  RZ_FN_RETURN_THUNK = 4
};

struct rz_func
{
  const char *name;
  uint64_t addr, size;
  unsigned flags;
  int gcc_thunk;        /* -1 not looked at, 0 no, 1 GCC's own body */
};

/* A relocation applying to an executable section.  */
struct rz_reloc
{
  uint64_t where;       /* address of the relocated field */
  int64_t addend;
  uint32_t sym;
  uint32_t type;
};

/* A PC-relative relocation in allocated data, an entry of a PIC jump
   table (.long L-T) when a function loads T: the entry is worth
   TARGET - WHERE, so the jump goes to TARGET - (WHERE - T).  */
struct rz_prel
{
  uint64_t where, target;
};

struct rz_input
{
  char *name;           /* FILE, or lib.a(member.o) */
  size_t ordinal;       /* position on the command line */
  Elf *elf;
  bool is_rel;
  struct rz_section *secs;  /* sorted by address */
  size_t nsecs;
  struct rz_section *dsecs; /* a linked file's allocated data, by address */
  size_t ndsecs;
  uint64_t *sec_addr;       /* per ELF section index; UINT64_MAX: none */
  size_t nshdr;
  struct rz_sym *syms;
  size_t nsyms;
  struct rz_func *funcs;    /* sorted by address, aliases merged */
  size_t nfuncs;
  struct rz_reloc *relocs;  /* in executable sections, sorted by where */
  size_t nrelocs;
  uint64_t *targets;        /* code addresses relocations take, sorted */
  size_t ntargets;
  struct rz_prel *prels;    /* PC-relative data relocations, by where */
  size_t nprels;
  struct rz_note *notes;
  size_t nnotes;
  bool warned_no_note;
};

/* --- decoded instructions ---------------------------------------------- */

/* Register numbers: Zydis' 64-bit order, rax .. r15.  */
enum { RZ_RAX, RZ_RCX, RZ_RDX, RZ_RBX, RZ_RSP, RZ_RBP, RZ_RSI, RZ_RDI,
       RZ_NGPR = 16, RZ_RIP = 16, RZ_NOREG = 17, RZ_OTHERREG = 18 };

/* What the analysis does with an instruction.  */
enum rz_op
{
  RZ_OP_GENERIC,        /* registers written get a value from the rule */
  RZ_OP_BAD,            /* cannot be decoded */
  RZ_OP_NOP,
  RZ_OP_END,            /* int3, ud2: the path ends */
  RZ_OP_HLT,
  RZ_OP_MOV_RR,         /* mov %src,%dst, 64-bit */
  RZ_OP_MOV_RI,         /* mov $imm,%dst (64 or zero-extending 32-bit) */
  RZ_OP_LOAD,           /* mov mem,%dst */
  RZ_OP_ZERO,           /* xor %r,%r; sub %r,%r */
  RZ_OP_LEA,            /* lea mem,%dst (64-bit) */
  RZ_OP_ADD_RI,         /* add/sub $imm,%dst (imm negated for sub) */
  RZ_OP_ADD_RR,         /* add %src,%dst */
  RZ_OP_SUB_RR,         /* sub %src,%dst */
  RZ_OP_PUSH,           /* push (reg, imm, mem, pushf): imm = bytes */
  RZ_OP_POP,            /* pop (reg, popf): imm = bytes */
  RZ_OP_POP_MEM,
  RZ_OP_RSP_ADD,        /* add/sub $imm,%rsp */
  RZ_OP_RSP_ADD_REG,    /* add/sub %src,%rsp: imm = +1 or -1 */
  RZ_OP_RSP_MOV,        /* mov %src,%rsp */
  RZ_OP_RSP_LEA,        /* lea mem,%rsp */
  RZ_OP_LEAVE,
  RZ_OP_CALL,           /* call rel32 */
  RZ_OP_CALL_IND,
  RZ_OP_JMP,
  RZ_OP_JCC,
  RZ_OP_JMP_IND,
  RZ_OP_RET,            /* imm = bytes popped besides the return address */
  RZ_OP_RSP_UNKNOWN,    /* writes %rsp in a way not modelled */
  RZ_OP_RSP_OTHER,      /* uses %rsp in a way not modelled */
  RZ_OP_CONTROL,        /* iret, syscall, far transfers, enter ... */
  RZ_OP_STD             /* string instructions run downwards from here */
};

enum rz_mem_flags
{
  RZ_MEM_READ = 1,
  RZ_MEM_WRITE = 2,
  RZ_MEM_SEG = 4,       /* %fs/%gs: never the stack */
  RZ_MEM_VARIABLE = 8,  /* size not known from the encoding */
  RZ_MEM_VSIB = 16,
  RZ_MEM_REP = 32       /* a rep string instruction: %rcx elements of SIZE */
};

struct rz_mem
{
  int64_t disp;
  uint16_t size;        /* bytes */
  uint8_t base, index, scale, flags;
};

#define RZ_MAX_MEM 3

struct rz_insn
{
  uint64_t addr;
  int64_t imm;
  uint64_t target;      /* direct branch target */
  const char *target_name;  /* symbol a branch relocation names, or NULL */
  uint32_t mnem;
  uint16_t regs_read;   /* GPRs read as values (not as addresses) */
  uint16_t regs_write;
  uint16_t regs_partial;    /* written with 8 or 16 bits: merged */
  uint8_t len, op, dst, src, nmem;
  bool target_ext;      /* the branch leaves the input (undefined symbol) */
  bool writes_zf;       /* ZF is written (set, cleared or left undefined) */
  uint8_t zf_reg;       /* test %r,%r: ZF says whether %r is 0; else RZ_NOREG */
  uint8_t zf_bits;      /* ...over this many low bits of %r */
  bool mem_read;        /* any memory operand read */
  bool mem_write;
  struct rz_mem mem[RZ_MAX_MEM];
  struct rz_mem agen;   /* lea's address */
};

struct rz_decoder;
struct rz_decoder *rz_decoder_new (void);
const struct rz_section *rz_find_section (const struct rz_input *in,
                                          uint64_t addr);
bool rz_decode (struct rz_decoder *d, const struct rz_input *in,
                uint64_t addr, struct rz_insn *out);
void rz_format (struct rz_decoder *d, const struct rz_input *in,
                uint64_t addr, char *buf, size_t len);

/* --- input.c ------------------------------------------------------------- */

void rz_input_open (const char *path, struct rz_input ***list, size_t *n);
const struct rz_func *rz_func_at (const struct rz_input *in, uint64_t addr);
const struct rz_reloc *rz_reloc_in (const struct rz_input *in, uint64_t lo,
                                    uint64_t hi);
const struct rz_prel *rz_prel_at (const struct rz_input *in, uint64_t where);
size_t rz_lower_bound (const void *base, size_t n, size_t size, uint64_t key);
bool rz_read_data64 (const struct rz_input *in, uint64_t addr, uint64_t *v);
const char *rz_thunk_kind (const char *name);
bool rz_is_cold (const char *name);

/* --- notes.c ------------------------------------------------------------- */

void rz_read_notes (struct rz_input *in);
void rz_settings_resolve (struct rz_input **ins, size_t n, bool given,
                          struct rz_settings *s);

/* --- analysis ------------------------------------------------------------ */

enum rz_kind { RZ_VIOLATION, RZ_UNPROVEN };

struct rz_options
{
  struct rz_settings set;
  const char *glob;
  bool json, strict;
};

void rz_check_input (struct rz_decoder *d, struct rz_input *in,
                     const struct rz_options *o, size_t *nfuncs);


/* --- per-function analysis (analyze.c, live.c) ------------------------- */

/* Abstract values of a register.  MAYBE: loaded from memory (or returned
   by a call) after a stack address escaped, so it may point into the
   escaped part of the frame; SANY: derived from the stack, offset not
   known.  */
enum rz_vkind { RZ_V_UNK, RZ_V_CONST, RZ_V_STACK, RZ_V_MAYBE, RZ_V_SANY };

struct rz_val
{
  int64_t k;
  uint8_t kind;
};

/* At an instruction boundary.  Offsets are bytes from the entry %rsp.  */
struct rz_state
{
  int64_t rsp;
  int64_t esc_low;      /* lowest escaped frame address; RZ_INF: none */
  int64_t min_rsp;      /* lowest %rsp on some path here */
  struct rz_val r[RZ_NGPR];
  int8_t zf;            /* ZF when known (0, 1), else -1 */
  bool reached;
};

enum rz_acc_flags
{
  RZ_ACC_READ = 1,
  RZ_ACC_WRITE = 2,
  RZ_ACC_WEAK = 4,      /* a write that may not happen: kills nothing */
  RZ_ACC_ALL = 8,       /* [lo, every byte above): through a MAYBE pointer */
  RZ_ACC_SLOT = 16,     /* the slot a push, call, pop, ret or leave moves
                           %rsp over: at or above %rsp after or before */
  RZ_ACC_CLOBBER = 32   /* a write of data not the function's (a return
                           address): kills, is never live */
};

struct rz_acc
{
  int64_t lo, hi;
  uint8_t flags;
};

enum rz_check { RZ_CHECK_NONE, RZ_CHECK_CALL, RZ_CHECK_TRANSIENT };

struct rz_node
{
  struct rz_insn in;
  const struct rz_func *sym;    /* the symbol the instruction is in */
  int64_t depth;        /* RZ_CHECK_TRANSIENT: bytes the thunk pushes */
  uint32_t succ_first, acc_first;
  uint16_t nsucc, nacc;
  uint8_t check;
  bool done, violated, reexpose;
};

struct rz_fn
{
  struct rz_input *in;
  const struct rz_func *fn;
  const struct rz_options *opt;
  struct rz_decoder *dec;
  struct rz_node *nodes;
  struct rz_state *st;
  size_t n, cap;
  uint32_t *succ;
  size_t nsucc, succcap;
  struct rz_acc *acc;
  size_t nacc, acccap;
  bool unproven;
};

void rz_live_check (struct rz_fn *f);
const char *rz_rsp_text (char *buf, size_t len, int64_t off);

/* --- report.c ------------------------------------------------------------ */

void rz_finding (struct rz_decoder *d, const struct rz_input *in,
                 uint64_t addr, enum rz_kind kind, const char *fmt, ...)
  __attribute__ ((format (printf, 5, 6)));
void rz_warning (const char *fmt, ...) __attribute__ ((format (printf, 1, 2)));
void rz_fatal (const char *fmt, ...)
  __attribute__ ((format (printf, 1, 2), noreturn));
int rz_report (struct rz_input **ins, size_t n, const struct rz_options *o,
               size_t nfuncs);
void *rz_xmalloc (size_t n);
void *rz_xrealloc (void *p, size_t n);
char *rz_xstrdup (const char *s);

#endif
