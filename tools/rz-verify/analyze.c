/* SPDX-License-Identifier: GPL-3.0-or-later */
/* analyze.c -- rz-verify: per function, an abstract interpretation of %rsp
   and of the general registers over the instructions reachable from the
   entry, which resolves every memory access to the frame as a byte range
   relative to the entry %rsp.  Anything not understood makes the
   function unproven.  */

#include "rz-verify.h"
#include <Zydis/Zydis.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Code ranges analysed as one function: its own, and the cold parts its
   jumps enter.  */
#define MAX_RANGES 16

struct ctx
{
  struct rz_fn f;
  uint64_t *hkeys;
  uint32_t *hvals;
  size_t hcap;
  uint32_t *work;
  size_t nwork, workcap;
  uint8_t *inwork;
  uint64_t rlo[MAX_RANGES], rhi[MAX_RANGES];
  int nranges;
  struct { uint64_t lo, hi; } covered[64];
  int ncovered;
  bool unknown_indirect;
};

static struct ctx cx;

static void
unproven (uint32_t i, const char *fmt, ...)
  __attribute__ ((format (printf, 2, 3)));

static void
unproven (uint32_t i, const char *fmt, ...)
{
  if (cx.f.unproven)
    return;
  cx.f.unproven = true;
  char buf[256];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, sizeof buf, fmt, ap);
  va_end (ap);
  rz_finding (cx.f.dec, cx.f.in, cx.f.nodes[i].in.addr, RZ_UNPROVEN, "%s", buf);
}

/* --- instructions by address ------------------------------------------ */

static uint64_t
hash (uint64_t a)
{
  a ^= a >> 29;
  a *= 0x9e3779b97f4a7c15ull;
  return a ^ (a >> 32);
}

static void
hash_put (uint64_t key, uint32_t val)
{
  size_t m = cx.hcap - 1, h = hash (key) & m;
  while (cx.hkeys[h] != UINT64_MAX && cx.hkeys[h] != key)
    h = (h + 1) & m;
  cx.hkeys[h] = key;
  cx.hvals[h] = val;
}

static int64_t
hash_get (uint64_t key)
{
  size_t m = cx.hcap - 1, h = hash (key) & m;
  while (cx.hkeys[h] != UINT64_MAX)
    {
      if (cx.hkeys[h] == key)
        return cx.hvals[h];
      h = (h + 1) & m;
    }
  return -1;
}

static void
hash_reset (size_t want)
{
  size_t cap = 1024;
  while (cap < 2 * want)
    cap *= 2;
  if (cap != cx.hcap)
    {
      free (cx.hkeys);
      free (cx.hvals);
      cx.hkeys = rz_xmalloc (cap * sizeof *cx.hkeys);
      cx.hvals = rz_xmalloc (cap * sizeof *cx.hvals);
      cx.hcap = cap;
    }
  memset (cx.hkeys, 0xff, cx.hcap * sizeof *cx.hkeys);
}

static void
hash_grow (void)
{
  uint64_t *ok = cx.hkeys;
  uint32_t *ov = cx.hvals;
  size_t oc = cx.hcap;
  cx.hcap *= 2;
  cx.hkeys = rz_xmalloc (cx.hcap * sizeof *cx.hkeys);
  cx.hvals = rz_xmalloc (cx.hcap * sizeof *cx.hvals);
  memset (cx.hkeys, 0xff, cx.hcap * sizeof *cx.hkeys);
  for (size_t i = 0; i < oc; i++)
    if (ok[i] != UINT64_MAX)
      hash_put (ok[i], ov[i]);
  free (ok);
  free (ov);
}

static bool
in_ranges (uint64_t a)
{
  for (int i = 0; i < cx.nranges; i++)
    if (a >= cx.rlo[i] && a < cx.rhi[i])
      return true;
  return false;
}

/* The node at ADDR, decoded on first use; -1 outside the code.  */
static int64_t
node_at (uint64_t addr)
{
  int64_t i = hash_get (addr);
  if (i >= 0)
    return i;
  struct rz_fn *f = &cx.f;
  if (f->n == f->cap)
    {
      f->cap = f->cap ? 2 * f->cap : 1024;
      f->nodes = rz_xrealloc (f->nodes, f->cap * sizeof *f->nodes);
      f->st = rz_xrealloc (f->st, f->cap * sizeof *f->st);
      cx.inwork = rz_xrealloc (cx.inwork, f->cap);
    }
  struct rz_node *nd = &f->nodes[f->n];
  if (!rz_decode (f->dec, f->in, addr, &nd->in))
    return -1;
  nd->sym = rz_func_at (f->in, addr);
  nd->depth = 0;
  nd->succ_first = nd->acc_first = 0;
  nd->nsucc = nd->nacc = 0;
  nd->check = RZ_CHECK_NONE;
  nd->done = nd->violated = nd->reexpose = false;
  f->st[f->n].reached = false;
  cx.inwork[f->n] = 0;
  if (2 * (f->n + 1) > cx.hcap)
    hash_grow ();
  hash_put (addr, f->n);
  return f->n++;
}

static void
add_succ (uint32_t i, uint32_t j)
{
  struct rz_fn *f = &cx.f;
  if (f->nsucc == f->succcap)
    {
      f->succcap = f->succcap ? 2 * f->succcap : 4096;
      f->succ = rz_xrealloc (f->succ, f->succcap * sizeof *f->succ);
    }
  if (f->nodes[i].nsucc == 0)
    f->nodes[i].succ_first = f->nsucc;
  f->succ[f->nsucc++] = j;
  f->nodes[i].nsucc++;
}

static void
add_acc (uint32_t i, int64_t lo, int64_t hi, uint8_t flags)
{
  struct rz_fn *f = &cx.f;
  if (f->nacc == f->acccap)
    {
      f->acccap = f->acccap ? 2 * f->acccap : 4096;
      f->acc = rz_xrealloc (f->acc, f->acccap * sizeof *f->acc);
    }
  if (f->nodes[i].nacc == 0)
    f->nodes[i].acc_first = f->nacc;
  f->acc[f->nacc].lo = lo;
  f->acc[f->nacc].hi = hi;
  f->acc[f->nacc++].flags = flags;
  f->nodes[i].nacc++;
}

/* The node at ADDR becomes a successor of node I; false when no
   instruction can be decoded there.  */
static bool
succ_at (uint32_t i, uint64_t addr)
{
  int64_t j = node_at (addr);
  if (j < 0)
    return false;
  add_succ (i, j);
  return true;
}

/* --- values ------------------------------------------------------------- */

static struct rz_val
mk (uint8_t kind, int64_t k)
{
  struct rz_val v = { k, kind };
  return v;
}

static struct rz_val
reg (const struct rz_state *s, int r)
{
  if (r == RZ_RSP)
    return mk (RZ_V_STACK, s->rsp);
  if (r >= RZ_NGPR)
    return mk (RZ_V_UNK, 0);
  return s->r[r];
}

/* What a value read from memory may be: once a frame address has been
   stored, a pointer reloaded from anywhere may be one.  */
static struct rz_val
loaded (const struct rz_state *s)
{
  return mk (s->esc_low != RZ_INF ? RZ_V_MAYBE : RZ_V_UNK, 0);
}

/* V is stored where the analysis cannot follow it.  A pointer to an
   object at or above %rsp lets others reach that object, which lies
   wholly above the current %rsp; a pointer below %rsp, or one with an
   unknown offset, lets them reach anything.  */
static void
escape (struct rz_state *s, struct rz_val v)
{
  int64_t low = RZ_INF;
  if (v.kind == RZ_V_STACK || v.kind == RZ_V_SANY)
    low = v.k >= s->rsp ? s->rsp : RZ_NINF;
  if (low < s->esc_low)
    s->esc_low = low;
}

/* The lowest frame address V may be: RZ_INF when it is none.  */
static int64_t
stack_low (struct rz_val v)
{
  return v.kind == RZ_V_STACK || v.kind == RZ_V_SANY ? v.k : RZ_INF;
}

/* One of A and B, ESC_LOW being the lowest escaped frame address.  */
static struct rz_val
join_val (struct rz_val a, struct rz_val b, int64_t esc_low)
{
  if (a.kind == b.kind && a.k == b.k)
    return a;
  if (a.kind == RZ_V_SANY || b.kind == RZ_V_SANY
      || a.kind == RZ_V_STACK || b.kind == RZ_V_STACK)
    {
      /* A frame address, or none: at least the lower of the two; a MAYBE
         is at least the lowest escaped address, if a frame address.  */
      int64_t la = a.kind == RZ_V_MAYBE ? esc_low : stack_low (a);
      int64_t lb = b.kind == RZ_V_MAYBE ? esc_low : stack_low (b);
      return mk (RZ_V_SANY, la < lb ? la : lb);
    }
  if (a.kind == RZ_V_MAYBE || b.kind == RZ_V_MAYBE)
    return mk (RZ_V_MAYBE, 0);
  return mk (RZ_V_UNK, 0);
}

/* --- memory operands ----------------------------------------------------- */

/* Record the frame bytes operand M of node I touches in state S.  */
static bool
access (uint32_t i, const struct rz_state *s, const struct rz_mem *m, bool record)
{
  if (m->flags & RZ_MEM_SEG)
    return true;
  uint8_t rw = (m->flags & RZ_MEM_READ ? RZ_ACC_READ : 0)
               | (m->flags & RZ_MEM_WRITE ? RZ_ACC_WRITE : 0);
  struct rz_val b = m->base == RZ_RIP || m->base == RZ_NOREG
                    ? mk (RZ_V_UNK, 0) : reg (s, m->base);
  struct rz_val x = m->index == RZ_NOREG ? mk (RZ_V_CONST, 0) : reg (s, m->index);
  if (m->base == RZ_OTHERREG || m->index == RZ_OTHERREG)
    b = mk (RZ_V_UNK, 0);
  if (b.kind == RZ_V_STACK && x.kind == RZ_V_CONST && !(m->flags & RZ_MEM_VSIB))
    {
      int64_t lo = b.k + m->disp + x.k * (m->scale ? m->scale : 1);
      int64_t size = m->size;
      if (m->flags & RZ_MEM_REP)
        {
          /* Upwards from LO (the ABI clears DF, and std is unproven):
             %rcx elements when it is known; else every byte from LO up,
             none of them below %rsp when LO is not.  */
          struct rz_val c = reg (s, RZ_RCX);
          if (c.kind == RZ_V_CONST && c.k >= 0 && c.k <= (1 << 20) / size)
            size *= c.k;
          else if (lo >= s->rsp)
            {
              if (record)
                add_acc (i, lo, RZ_INF, rw | RZ_ACC_ALL
                         | (rw & RZ_ACC_WRITE ? RZ_ACC_WEAK : 0));
              return true;
            }
          else
            {
              unproven (i, "rep string access below %%rsp, count unknown");
              return false;
            }
        }
      else if (m->flags & RZ_MEM_VARIABLE)
        {
          unproven (i, "access of unknown size to the stack");
          return false;
        }
      if (record && size > 0)
        add_acc (i, lo, lo + size, rw);
      return true;
    }
  if (b.kind == RZ_V_STACK || b.kind == RZ_V_SANY || x.kind == RZ_V_STACK
      || x.kind == RZ_V_SANY)
    {
      unproven (i, "access through a stack address with unknown offset");
      return false;
    }
  if (b.kind == RZ_V_MAYBE || x.kind == RZ_V_MAYBE)
    {
      if (rw & RZ_ACC_WRITE)
        {
          if (s->esc_low < s->rsp)
            {
              unproven (i, "write through a pointer that may point below %%rsp");
              return false;
            }
          if (record)
            add_acc (i, s->esc_low, RZ_INF, RZ_ACC_WRITE | RZ_ACC_WEAK | RZ_ACC_ALL);
        }
      if ((rw & RZ_ACC_READ) && record)
        add_acc (i, s->esc_low, RZ_INF, RZ_ACC_READ | RZ_ACC_ALL);
    }
  return true;
}

/* The value lea's address gives.  */
static struct rz_val
agen_value (const struct rz_state *s, const struct rz_mem *m)
{
  if (m->base == RZ_RIP)
    return mk (RZ_V_UNK, 0);
  struct rz_val b = m->base == RZ_NOREG ? mk (RZ_V_CONST, 0) : reg (s, m->base);
  struct rz_val x = m->index == RZ_NOREG ? mk (RZ_V_CONST, 0) : reg (s, m->index);
  if (m->base == RZ_OTHERREG || m->index == RZ_OTHERREG)
    return mk (RZ_V_UNK, 0);
  int64_t sc = m->scale ? m->scale : 1;
  if (x.kind == RZ_V_CONST && (b.kind == RZ_V_STACK || b.kind == RZ_V_CONST))
    return mk (b.kind, b.k + m->disp + x.k * sc);
  if (b.kind == RZ_V_CONST && x.kind == RZ_V_STACK && sc == 1)
    return mk (RZ_V_STACK, b.k + m->disp + x.k);
  if (b.kind == RZ_V_STACK || b.kind == RZ_V_SANY || x.kind == RZ_V_STACK
      || x.kind == RZ_V_SANY)
    return mk (RZ_V_SANY, RZ_NINF);
  if (b.kind == RZ_V_MAYBE || x.kind == RZ_V_MAYBE)
    return mk (RZ_V_MAYBE, 0);
  return mk (RZ_V_UNK, 0);
}

/* --- the transfer function ---------------------------------------------- */

#define CALLER_SAVED ((1u << RZ_RAX) | (1u << RZ_RCX) | (1u << RZ_RDX) \
                      | (1u << RZ_RSI) | (1u << RZ_RDI) | (0xfu << 8))

/* rep stos and rep movs, after their accesses: with a known count, %rdi
   (and %rsi) end that many elements up, %rcx at 0; otherwise they are
   somewhere above where they were.  Other rep string instructions may stop
   early.  False when IN is none of these.  */
static bool
rep_string (const struct rz_insn *in, struct rz_state *s)
{
  bool rep = false;
  for (int k = 0; k < in->nmem; k++)
    rep |= (in->mem[k].flags & RZ_MEM_REP) != 0;
  if (!rep)
    return false;
  bool exact = false;
  switch (in->mnem)
    {
    case ZYDIS_MNEMONIC_STOSB: case ZYDIS_MNEMONIC_STOSW:
    case ZYDIS_MNEMONIC_STOSD: case ZYDIS_MNEMONIC_STOSQ:
      escape (s, s->r[RZ_RAX]);     /* the value stored */
      /* fall through */
    case ZYDIS_MNEMONIC_MOVSB: case ZYDIS_MNEMONIC_MOVSW:
    case ZYDIS_MNEMONIC_MOVSD: case ZYDIS_MNEMONIC_MOVSQ:
      exact = true;
      break;
    default:
      break;
    }
  struct rz_val c = reg (s, RZ_RCX);
  exact &= c.kind == RZ_V_CONST;
  for (int k = 0; k < in->nmem; k++)
    {
      int r = in->mem[k].base;
      if (r >= RZ_NGPR || r == RZ_RSP)
        continue;
      struct rz_val v = s->r[r];
      if (exact && (v.kind == RZ_V_STACK || v.kind == RZ_V_CONST))
        v.k += c.k * in->mem[k].size;
      else if (v.kind == RZ_V_STACK)
        v = mk (RZ_V_SANY, v.k);
      else if (v.kind == RZ_V_CONST)
        v = mk (RZ_V_UNK, 0);
      s->r[r] = v;
    }
  s->r[RZ_RCX] = exact ? mk (RZ_V_CONST, 0) : mk (RZ_V_UNK, 0);
  if (in->regs_write & (1u << RZ_RAX))      /* lods */
    s->r[RZ_RAX] = loaded (s);
  return true;
}

/* Effects of a call to code outside the function.  */
static bool
call_effects (uint32_t i, struct rz_state *s, bool record)
{
  for (int r = 0; r < RZ_NGPR; r++)
    if (r != RZ_RSP)
      escape (s, s->r[r]);
  if (record)
    add_acc (i, s->rsp - 8, s->rsp, RZ_ACC_WRITE | RZ_ACC_SLOT | RZ_ACC_CLOBBER);
  if (s->esc_low != RZ_INF)
    {
      /* The callee may read and write what escaped.  */
      if (s->esc_low < s->rsp)
        {
          unproven (i, "call with a pointer below %%rsp escaped");
          return false;
        }
      if (record)
        {
          add_acc (i, s->esc_low, RZ_INF, RZ_ACC_READ | RZ_ACC_ALL);
          add_acc (i, s->esc_low, RZ_INF, RZ_ACC_WRITE | RZ_ACC_WEAK | RZ_ACC_ALL);
        }
    }
  for (int r = 0; r < RZ_NGPR; r++)
    if (CALLER_SAVED & (1u << r))
      s->r[r] = loaded (s);
  return true;
}

static void
set_rsp (uint32_t i, struct rz_state *s, int64_t v, bool writing)
{
  if (v < s->rsp && !writing && s->min_rsp < s->rsp)
    cx.f.nodes[i].reexpose = true;
  s->rsp = v;
  if (v < s->min_rsp)
    s->min_rsp = v;
}

/* Node I's effect on S.  The control decisions of the node (made before,
   by successors ()) tell calls inside the function and thunk idioms
   apart: KIND is what they decided.  */
enum edge_kind { EK_NORMAL, EK_EXTCALL, EK_INTCALL, EK_RET };

static bool transfer_regs (uint32_t i, struct rz_state *s, int kind,
                           bool record);

/* ZF after node I, from the state S before it: test %r,%r of a known %r
   decides it; anything else that writes it, or a call, forgets it.  */
static int8_t
zf_after (const struct rz_insn *in, const struct rz_state *s)
{
  if (in->zf_reg != RZ_NOREG)
    {
      struct rz_val v = reg (s, in->zf_reg);
      if (v.kind != RZ_V_CONST)
        return -1;
      uint64_t x = in->zf_bits == 32 ? (uint32_t) v.k : (uint64_t) v.k;
      return x == 0;
    }
  if (in->writes_zf || in->op == RZ_OP_CALL || in->op == RZ_OP_CALL_IND)
    return -1;
  return s->zf;
}

static bool
transfer (uint32_t i, struct rz_state *s, int kind, bool record)
{
  int8_t zf = zf_after (&cx.f.nodes[i].in, s);
  if (!transfer_regs (i, s, kind, record))
    return false;
  s->zf = zf;
  return true;
}

/* A jz or jnz whose ZF is known in S goes one way only: the edge from node
   I to node J is never taken (a loop's first pass with its counter at 0,
   guarded by test %eax,%eax; je).  */
static bool
infeasible (uint32_t i, const struct rz_state *s, uint32_t j)
{
  const struct rz_insn *in = &cx.f.nodes[i].in;
  if (in->op != RZ_OP_JCC || s->zf < 0
      || (in->mnem != ZYDIS_MNEMONIC_JZ && in->mnem != ZYDIS_MNEMONIC_JNZ))
    return false;
  bool taken = (in->mnem == ZYDIS_MNEMONIC_JZ) == (s->zf == 1);
  uint64_t a = cx.f.nodes[j].in.addr, next = in->addr + in->len;
  if (in->target_ext || in->target == next)
    return false;
  return taken ? a == next : a == in->target;
}

static bool
transfer_regs (uint32_t i, struct rz_state *s, int kind, bool record)
{
  const struct rz_insn *in = &cx.f.nodes[i].in;
  switch (in->op)
    {
    case RZ_OP_BAD:
      unproven (i, "cannot decode the instruction");
      return false;
    case RZ_OP_RSP_UNKNOWN:
      unproven (i, "unknown write to %%rsp");
      return false;
    case RZ_OP_RSP_OTHER:
      unproven (i, "instruction uses %%rsp in a way not modelled");
      return false;
    case RZ_OP_CONTROL:
      unproven (i, "unsupported control transfer or stack switch");
      return false;
    case RZ_OP_STD:
      /* The rep string accesses below assume the ABI's clear DF.  */
      unproven (i, "string instructions may run downwards from here");
      return false;
    default:
      break;
    }
  for (int k = 0; k < in->nmem; k++)
    if (in->op != RZ_OP_POP_MEM && !access (i, s, &in->mem[k], record))
      return false;

  int64_t rsp = s->rsp;
  struct rz_val v;
  switch (in->op)
    {
    case RZ_OP_NOP: case RZ_OP_END: case RZ_OP_HLT: case RZ_OP_JMP:
    case RZ_OP_JCC: case RZ_OP_JMP_IND:
      break;
    case RZ_OP_MOV_RR:
      s->r[in->dst] = reg (s, in->src);
      break;
    case RZ_OP_MOV_RI:
      s->r[in->dst] = mk (RZ_V_CONST, in->imm);
      break;
    case RZ_OP_LOAD:
      s->r[in->dst] = loaded (s);
      break;
    case RZ_OP_ZERO:
      s->r[in->dst] = mk (RZ_V_CONST, 0);
      break;
    case RZ_OP_LEA:
      s->r[in->dst] = agen_value (s, &in->agen);
      break;
    case RZ_OP_ADD_RI:
      v = s->r[in->dst];
      if (v.kind == RZ_V_STACK || v.kind == RZ_V_CONST)
        v.k += in->imm;
      else if (v.kind == RZ_V_SANY && v.k != RZ_NINF && in->imm < 0)
        v.k += in->imm;     /* the lower bound falls with it */
      s->r[in->dst] = v;
      break;
    case RZ_OP_ADD_RR:
    case RZ_OP_SUB_RR:
      {
        struct rz_val a = s->r[in->dst], b = reg (s, in->src);
        bool sub = in->op == RZ_OP_SUB_RR;
        if (b.kind == RZ_V_CONST && (a.kind == RZ_V_CONST || a.kind == RZ_V_STACK))
          v = mk (a.kind, sub ? a.k - b.k : a.k + b.k);
        else if (!sub && a.kind == RZ_V_CONST && b.kind == RZ_V_STACK)
          v = mk (RZ_V_STACK, a.k + b.k);
        else if (sub && a.kind == RZ_V_STACK && b.kind == RZ_V_STACK)
          v = mk (RZ_V_CONST, a.k - b.k);
        else if (a.kind == RZ_V_STACK || a.kind == RZ_V_SANY
                 || b.kind == RZ_V_STACK || b.kind == RZ_V_SANY)
          v = mk (RZ_V_SANY, RZ_NINF);
        else if (a.kind == RZ_V_MAYBE || b.kind == RZ_V_MAYBE)
          v = mk (RZ_V_MAYBE, 0);
        else
          v = mk (RZ_V_UNK, 0);
        s->r[in->dst] = v;
      }
      break;
    case RZ_OP_PUSH:
      if (in->src != RZ_NOREG)
        escape (s, reg (s, in->src));
      if (record)
        add_acc (i, rsp - in->imm, rsp, RZ_ACC_WRITE | RZ_ACC_SLOT);
      set_rsp (i, s, rsp - in->imm, true);
      break;
    case RZ_OP_POP:
      if (record)
        add_acc (i, rsp, rsp + in->imm, RZ_ACC_READ | RZ_ACC_SLOT);
      set_rsp (i, s, rsp + in->imm, false);
      if (in->dst != RZ_NOREG)
        s->r[in->dst] = loaded (s);
      break;
    case RZ_OP_POP_MEM:
      if (record)
        add_acc (i, rsp, rsp + in->imm, RZ_ACC_READ | RZ_ACC_SLOT);
      set_rsp (i, s, rsp + in->imm, false);
      if (!access (i, s, &in->mem[0], record))
        return false;
      break;
    case RZ_OP_RSP_ADD:
      set_rsp (i, s, rsp + in->imm, false);
      break;
    case RZ_OP_RSP_ADD_REG:
      v = reg (s, in->src);
      if (v.kind != RZ_V_CONST)
        {
          unproven (i, "unknown write to %%rsp");
          return false;
        }
      set_rsp (i, s, rsp + in->imm * v.k, false);
      break;
    case RZ_OP_RSP_MOV:
    case RZ_OP_RSP_LEA:
      v = in->op == RZ_OP_RSP_MOV ? reg (s, in->src) : agen_value (s, &in->agen);
      if (v.kind != RZ_V_STACK)
        {
          unproven (i, "unknown write to %%rsp");
          return false;
        }
      set_rsp (i, s, v.k, false);
      break;
    case RZ_OP_LEAVE:
      v = s->r[RZ_RBP];
      if (v.kind != RZ_V_STACK)
        {
          unproven (i, "leave with %%rbp not a known frame address");
          return false;
        }
      if (record)
        add_acc (i, v.k, v.k + 8, RZ_ACC_READ | RZ_ACC_SLOT);
      set_rsp (i, s, v.k + 8, false);
      s->r[RZ_RBP] = loaded (s);
      break;
    case RZ_OP_CALL:
    case RZ_OP_CALL_IND:
      if (kind == EK_INTCALL)
        {
          if (record)
            add_acc (i, rsp - 8, rsp, RZ_ACC_WRITE | RZ_ACC_SLOT);
          set_rsp (i, s, rsp - 8, true);
        }
      else if (kind == EK_EXTCALL && !call_effects (i, s, record))
        return false;
      break;
    case RZ_OP_RET:
      if (record)
        add_acc (i, rsp, rsp + 8, RZ_ACC_READ | RZ_ACC_SLOT);
      break;
    default:
      if (rep_string (in, s))
        break;
      if (in->mnem >= ZYDIS_MNEMONIC_CMOVB && in->mnem <= ZYDIS_MNEMONIC_CMOVZ
          && in->nmem == 0 && in->dst < RZ_NGPR && in->src < RZ_NGPR
          && in->dst != RZ_RSP)
        {
          /* One of the two, as at a join.  */
          s->r[in->dst] = join_val (s->r[in->dst], reg (s, in->src),
                                    s->esc_low);
          break;
        }
      {
        /* The generic rule: a register written gets a value that is
           stack-derived when any input is.  */
        uint16_t srcs = in->regs_read;
        if (in->agen.base < RZ_NGPR)
          srcs |= 1u << in->agen.base;
        if (in->agen.index < RZ_NGPR)
          srcs |= 1u << in->agen.index;
        if (in->mem_write)
          for (int r = 0; r < RZ_NGPR; r++)
            if (in->regs_read & (1u << r))
              escape (s, reg (s, r));
        for (int r = 0; r < RZ_NGPR; r++)
          {
            if (!(in->regs_write & (1u << r)) || r == RZ_RSP)
              continue;
            uint16_t from = srcs | (in->regs_partial & (1u << r));
            bool st = false, maybe = false;
            for (int q = 0; q < RZ_NGPR; q++)
              if (from & (1u << q))
                {
                  struct rz_val w = reg (s, q);
                  st |= w.kind == RZ_V_STACK || w.kind == RZ_V_SANY;
                  maybe |= w.kind == RZ_V_MAYBE;
                }
            if (st)
              v = mk (RZ_V_SANY, RZ_NINF);
            else if (maybe)
              v = mk (RZ_V_MAYBE, 0);
            else if (in->mem_read)
              v = loaded (s);
            else
              v = mk (RZ_V_UNK, 0);
            s->r[r] = v;
          }
      }
      break;
    }
  return true;
}

/* --- control flow ------------------------------------------------------- */

/* GCC's thunk body at T: mov %REG,(%rsp); ret (an indirect jump), or
   lea 8(%rsp),%rsp; ret (a return).  1, 2, or 0 when neither; *END gets
   the end of the body.  */
static int
thunk_body (uint64_t t, uint64_t *end)
{
  struct rz_insn a, b;
  if (!rz_decode (cx.f.dec, cx.f.in, t, &a)
      || !rz_decode (cx.f.dec, cx.f.in, t + a.len, &b) || b.op != RZ_OP_RET
      || b.imm != 0)
    return 0;
  *end = t + a.len + b.len;
  if (a.op == RZ_OP_GENERIC && a.nmem == 1 && a.mem[0].base == RZ_RSP
      && a.mem[0].index == RZ_NOREG && a.mem[0].disp == 0 && a.mem[0].size == 8
      && (a.mem[0].flags & RZ_MEM_WRITE) && __builtin_popcount (a.regs_read) == 1)
    return 1;
  if (a.op == RZ_OP_RSP_LEA && a.agen.base == RZ_RSP && a.agen.index == RZ_NOREG
      && a.agen.disp == 8)
    return 2;
  return 0;
}

/* Is GCC's thunk body (call 1f; 2: pause; lfence; jmp 2b; 1: mov %REG,
   (%rsp); ret) at ADDR, within LIMIT bytes?  Such a thunk goes 8 bytes
   below %rsp.  */
static bool
gcc_thunk_at (uint64_t addr, uint64_t limit)
{
  struct rz_insn c, p;
  uint64_t end;
  return rz_decode (cx.f.dec, cx.f.in, addr, &c)
         && c.op == RZ_OP_CALL && !c.target_ext
         && c.target > addr && c.target - addr < limit
         && rz_decode (cx.f.dec, cx.f.in, addr + c.len, &p)
         && p.mnem == ZYDIS_MNEMONIC_PAUSE
         && thunk_body (c.target, &end) == 1
         && end - addr <= limit;
}

static bool
gcc_thunk (struct rz_func *f)
{
  if (f->gcc_thunk < 0)
    f->gcc_thunk = gcc_thunk_at (f->addr, f->size);
  return f->gcc_thunk == 1;
}

/* How far below its entry %rsp the thunk at ADDR goes, following its code
   and the code it calls or jumps to, up to every ret (to the target, or to
   a pushed address whose code the call's fall-through follows) or
   indirect jump at its entry height.  -1 when it does anything else, or
   reaches code outside the input.  (Linux's retpoline with SRSO: 16.)  */
#define THUNK_STEPS 64
static int64_t
thunk_depth (uint64_t addr)
{
  struct { uint64_t pc; int64_t off; } work[8], seen[THUNK_STEPS];
  int nw = 0, nseen = 0;
  int64_t depth = 0;
  work[nw].pc = addr;
  work[nw++].off = 0;
  while (nw > 0)
    {
      nw--;
      uint64_t pc = work[nw].pc;
      int64_t off = work[nw].off;
      for (bool more = true; more;)
        {
          int k;
          for (k = 0; k < nseen && seen[k].pc != pc; k++)
            ;
          if (k < nseen)
            {
              if (seen[k].off != off)
                return -1;      /* a loop that moves %rsp */
              break;
            }
          struct rz_insn in;
          if (nseen == THUNK_STEPS || !rz_decode (cx.f.dec, cx.f.in, pc, &in))
            return -1;
          seen[nseen].pc = pc;
          seen[nseen++].off = off;
          for (int m = 0; m < in.nmem; m++)
            {
              if (in.mem[m].base != RZ_RSP)
                continue;
              if (in.mem[m].index != RZ_NOREG)
                return -1;
              if (off + in.mem[m].disp < -depth)
                depth = -(off + in.mem[m].disp);
            }
          pc += in.len;
          switch (in.op)
            {
            case RZ_OP_GENERIC:
            case RZ_OP_NOP:
              break;
            case RZ_OP_END:
            case RZ_OP_RET:
              more = false;
              break;
            case RZ_OP_JMP_IND:
              if (off != 0)
                return -1;
              more = false;
              break;
            case RZ_OP_CALL:
              if (in.target_ext || nw == 8)
                return -1;
              work[nw].pc = pc;         /* where a ret to it goes */
              work[nw++].off = off;
              off -= 8;
              pc = in.target;
              break;
            case RZ_OP_JMP:
              if (in.target_ext)
                return -1;
              pc = in.target;
              break;
            case RZ_OP_JCC:
              if (nw == 8)
                return -1;
              work[nw].pc = in.target;
              work[nw++].off = off;
              break;
            case RZ_OP_RSP_ADD:
              off += in.imm;
              break;
            case RZ_OP_RSP_LEA:
              if (in.agen.base != RZ_RSP || in.agen.index != RZ_NOREG)
                return -1;
              off += in.agen.disp;
              break;
            case RZ_OP_PUSH:
              off -= in.imm;
              break;
            case RZ_OP_POP:
              off += in.imm;
              break;
            default:
              return -1;
            }
          if (-off > depth)
            depth = -off;
        }
    }
  return depth;
}

static void
cover (uint64_t lo, uint64_t hi)
{
  if (cx.ncovered < 64)
    {
      cx.covered[cx.ncovered].lo = lo;
      cx.covered[cx.ncovered++].hi = hi;
    }
}

static bool
add_range (const struct rz_func *f)
{
  for (int i = 0; i < cx.nranges; i++)
    if (cx.rlo[i] == f->addr)
      return true;
  if (cx.nranges == MAX_RANGES)
    return false;
  cx.rlo[cx.nranges] = f->addr;
  cx.rhi[cx.nranges++] = f->addr + f->size;
  return true;
}

/* The PIC jump tables of the function (GCC: lea T(%rip), %rdx; movslq
   (%rdx,%rdi,4), %rax; add %rdx, %rax; jmp *%rax): every data address T
   its code loads through a relocation, read as a table of .long L-T
   entries, T + 4k going to L = target - 4k, for as long as there are
   entries and they lead into the function.  A wrong guess adds paths,
   never removes one; code no table reaches is caught as unreached.  */
static bool
pic_table_targets (uint32_t i)
{
  const struct rz_input *in = cx.f.in;
  bool any = false;
  if (in->nprels == 0)
    return false;
  for (int r = 0; r < cx.nranges; r++)
    for (const struct rz_reloc *rl = rz_reloc_in (in, cx.rlo[r], cx.rhi[r]);
         rl && rl < in->relocs + in->nrelocs && rl->where < cx.rhi[r]; rl++)
      {
        const struct rz_sym *sy = rl->sym ? &in->syms[rl->sym] : NULL;
        if (rl->type != R_X86_64_PC32 || sy == NULL || !sy->defined)
          continue;
        uint64_t t = sy->addr + rl->addend + 4;
        if (rz_find_section (in, t) != NULL)
          continue;             /* a code address, not a table */
        for (uint64_t k = 0;; k += 4)
          {
            const struct rz_prel *e = rz_prel_at (in, t + k);
            if (e == NULL || !in_ranges (e->target - k))
              break;
            any |= succ_at (i, e->target - k);
          }
      }
  /* The tables are read by their shape: code they miss must not go
     unchecked.  */
  if (any)
    cx.unknown_indirect = true;
  return any;
}

/* A linked file has no relocations: for jmp *T(,%REG,8), GCC's absolute
   jump table, read the 8-byte entries at T for as long as they lead into
   the function.  As with PIC tables, code they miss stays unchecked only
   as unreached, which makes the function unproven.  */
static bool
abs_table_targets (uint32_t i)
{
  const struct rz_input *in = cx.f.in;
  const struct rz_insn *jn = &cx.f.nodes[i].in;
  if (in->is_rel || jn->op != RZ_OP_JMP_IND || jn->nmem != 1)
    return false;
  const struct rz_mem *m = &jn->mem[0];
  if (m->base != RZ_NOREG || m->index >= RZ_NGPR || m->scale != 8
      || m->size != 8 || (m->flags & RZ_MEM_SEG))
    return false;
  bool any = false;
  uint64_t e;
  for (uint64_t k = 0; k < 4096
       && rz_read_data64 (in, (uint64_t) m->disp + 8 * k, &e) && in_ranges (e); k++)
    any |= succ_at (i, e);
  if (any)
    cx.unknown_indirect = true;
  return any;
}

/* Successors of an indirect jump: the code addresses relocations take
   inside the function.  False when there are none.  */
static bool
reloc_targets (uint32_t i)
{
  const struct rz_input *in = cx.f.in;
  bool any = pic_table_targets (i) | abs_table_targets (i);
  for (int r = 0; r < cx.nranges; r++)
    {
      size_t lo = rz_lower_bound (in->targets, in->ntargets,
                                  sizeof *in->targets, cx.rlo[r]);
      for (size_t k = lo; k < in->ntargets && in->targets[k] < cx.rhi[r]; k++)
        {
          if (in->targets[k] == cx.f.fn->addr)
            continue;
          any |= succ_at (i, in->targets[k]);
        }
    }
  return any;
}

/* An indirect jump at node I whose thunk (if any) first goes DEPTH bytes
   below %rsp.  */
static void
indirect_jump (uint32_t i, const struct rz_state *s, int64_t depth)
{
  struct rz_node *nd = &cx.f.nodes[i];
  if (depth > 0)
    {
      nd->check = RZ_CHECK_TRANSIENT;
      nd->depth = depth;
    }
  if (reloc_targets (i))
    return;
  if (s->rsp == 0)
    {
      /* A tail call; code only a jump table could reach is caught
         below.  */
      cx.unknown_indirect = true;
      return;
    }
  unproven (i, "indirect jump with unknown targets");
}

static const char *
target_name (const struct rz_insn *in)
{
  if (in->target_name)
    return in->target_name;
  const struct rz_func *f = rz_func_at (cx.f.in, in->target);
  return f && f->addr == in->target ? f->name : NULL;
}

/* Code at T that no function symbol covers (a cold part whose local
   symbol was stripped): up to the next function or the section's end.  */
static bool
code_without_symbol (uint64_t t, struct rz_func *f)
{
  const struct rz_section *sec = rz_find_section (cx.f.in, t);
  if (sec == NULL)
    return false;
  uint64_t end = sec->addr + sec->size;
  const struct rz_input *in = cx.f.in;
  size_t lo = 0, hi = in->nfuncs;
  while (lo < hi)
    {
      size_t mid = (lo + hi) / 2;
      if (in->funcs[mid].addr <= t)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < in->nfuncs && in->funcs[lo].addr < end)
    end = in->funcs[lo].addr;
  memset (f, 0, sizeof *f);
  f->name = "";
  f->addr = t;
  f->size = end - t;
  return true;
}

/* A direct jump (JCC: conditional) to TARGET outside the ranges.  */
static void
jump_out (uint32_t i, const struct rz_state *s)
{
  const struct rz_insn *in = &cx.f.nodes[i].in;
  const char *name = target_name (in);
  const char *tk = name ? rz_thunk_kind (name) : NULL;
  if (tk && strcmp (tk, "helper") == 0)
    tk = NULL;
  if (tk && strcmp (tk, "return") == 0)
    {
      if (s->rsp != 0)
        unproven (i, "return with %%rsp %lld bytes from its entry value",
                  (long long) -s->rsp);
      return;
    }
  if (tk)
    {
      /* An indirect jump through the thunk: a jump table's (its targets
         from relocations), else at the entry height a tail call.  */
      struct rz_func *f = (struct rz_func *) rz_func_at (cx.f.in, in->target);
      int64_t d;
      /* GCC emits its comdat thunks without a size: such a symbol is
         looked at by its body alone.  Another thunk in the input goes as
         deep as its code does, or as the notes say if that is deeper (the
         kernel may patch it at boot: Linux's alternatives).  */
      int64_t m = in->target_ext ? -1 : thunk_depth (in->target);
      if (!in->target_ext
          && (f && f->addr == in->target ? gcc_thunk (f)
                                         : gcc_thunk_at (in->target, 64)))
        d = 8;
      else if (m >= 0 || cx.f.opt->set.thunk_depth >= 0)
        d = m > cx.f.opt->set.thunk_depth ? m : cx.f.opt->set.thunk_depth;
      else
        {
          /* Depth unknown: as deep as a call.  */
          cx.f.nodes[i].check = RZ_CHECK_CALL;
          d = 0;
        }
      indirect_jump (i, s, d);
      return;
    }
  if (in->target_ext)
    {
      if (s->rsp != 0)
        unproven (i, "jump to %s with %%rsp %lld bytes below its entry value",
                  name, (long long) -s->rsp);
      return;
    }
  const struct rz_func *f = rz_func_at (cx.f.in, in->target);
  struct rz_func anon;
  if (f == NULL && s->rsp != 0 && code_without_symbol (in->target, &anon))
    f = &anon;
  if (f && ((f->flags & RZ_FN_COLD) || s->rsp != 0))
    {
      /* Its cold part, or code entered at this stack height: part of this
         function.  */
      if (!add_range (f))
        {
          unproven (i, "too many code parts");
          return;
        }
      succ_at (i, in->target);
      return;
    }
  if (s->rsp != 0)
    unproven (i, "jump to code outside any function with %%rsp %lld bytes "
              "below its entry value", (long long) -s->rsp);
  /* Otherwise a tail call.  */
}

static void
fallthrough (uint32_t i)
{
  const struct rz_insn *in = &cx.f.nodes[i].in;
  uint64_t next = in->addr + in->len;
  /* Past the end: a noreturn call, or the end of the function.  */
  if (!in_ranges (next))
    return;
  succ_at (i, next);
}

/* Node I's successors, decided once with its first state S; returns the
   edge kind for transfer ().  */
static int
successors (uint32_t i, const struct rz_state *s)
{
  const struct rz_insn in = cx.f.nodes[i].in;
  uint64_t end;
  switch (in.op)
    {
    case RZ_OP_END:
    case RZ_OP_CONTROL:
    case RZ_OP_BAD:
      return EK_NORMAL;
    case RZ_OP_RET:
      if (s->rsp != 0)
        unproven (i, "ret with %%rsp %lld bytes from its entry value",
                  (long long) -s->rsp);
      return EK_RET;
    case RZ_OP_JMP:
    case RZ_OP_JCC:
      if (!in.target_ext && in_ranges (in.target) && in.target != cx.f.fn->addr)
        succ_at (i, in.target);
      else
        jump_out (i, s);
      if (in.op == RZ_OP_JCC)
        fallthrough (i);
      return EK_NORMAL;
    case RZ_OP_JMP_IND:
      indirect_jump (i, s, 0);
      return EK_NORMAL;
    case RZ_OP_CALL:
      if (!in.target_ext && in_ranges (in.target) && in.target != cx.f.fn->addr)
        {
          int kind = thunk_body (in.target, &end);
          if (kind == 1)
            {
              /* GCC's inline thunk: an indirect jump 8 bytes down.  */
              cover (in.addr + in.len, end);
              indirect_jump (i, s, 8);
              return EK_NORMAL;
            }
          if (kind == 2)
            {
              cover (in.addr + in.len, end);
              if (s->rsp != 0)
                unproven (i, "return with %%rsp %lld bytes from its entry "
                          "value", (long long) -s->rsp);
              return EK_RET;
            }
          struct rz_insn c;
          if (rz_decode (cx.f.dec, cx.f.in, in.target, &c) && c.op == RZ_OP_CALL
              && !c.target_ext && thunk_body (c.target, &end) == 1)
            {
              /* GCC's inline thunk for an indirect call: call L2 ... L2:
                 call L1 ... L1: mov %REG,(%rsp); ret.  */
              cover (in.target, end);
              cx.f.nodes[i].check = RZ_CHECK_CALL;
              fallthrough (i);
              return EK_EXTCALL;
            }
          succ_at (i, in.target);
          return EK_INTCALL;
        }
      /* fall through */
    case RZ_OP_CALL_IND:
      cx.f.nodes[i].check = RZ_CHECK_CALL;
      fallthrough (i);
      return EK_EXTCALL;
    default:
      fallthrough (i);
      return EK_NORMAL;
    }
}

/* The edge kind of node I, once its successors are known.  */
static int
edge_kind (uint32_t i)
{
  const struct rz_node *nd = &cx.f.nodes[i];
  if (nd->in.op == RZ_OP_CALL || nd->in.op == RZ_OP_CALL_IND)
    {
      if (nd->check == RZ_CHECK_CALL)
        return EK_EXTCALL;
      if (nd->check == RZ_CHECK_TRANSIENT)
        return EK_NORMAL;
      return nd->nsucc == 1 && nd->in.op == RZ_OP_CALL
             && cx.f.nodes[cx.f.succ[nd->succ_first]].in.addr == nd->in.target
             ? EK_INTCALL : EK_NORMAL;
    }
  return EK_NORMAL;
}

static void
work_push (uint32_t j)
{
  if (cx.inwork[j])
    return;
  if (cx.nwork == cx.workcap)
    {
      cx.workcap = cx.workcap ? 2 * cx.workcap : 1024;
      cx.work = rz_xrealloc (cx.work, cx.workcap * sizeof *cx.work);
    }
  cx.work[cx.nwork++] = j;
  cx.inwork[j] = 1;
}

/* Merge S into node J's state.  */
static void
join (uint32_t j, const struct rz_state *s)
{
  struct rz_state *t = &cx.f.st[j];
  if (!t->reached)
    {
      *t = *s;
      t->reached = true;
      work_push (j);
      return;
    }
  if (t->rsp != s->rsp)
    {
      unproven (j, "%%rsp differs where paths join (%lld and %lld bytes below "
                "entry)", (long long) -t->rsp, (long long) -s->rsp);
      return;
    }
  bool changed = false;
  if (s->esc_low < t->esc_low)
    t->esc_low = s->esc_low, changed = true;
  if (s->min_rsp < t->min_rsp)
    t->min_rsp = s->min_rsp, changed = true;
  if (s->zf != t->zf && t->zf >= 0)
    t->zf = -1, changed = true;
  for (int r = 0; r < RZ_NGPR; r++)
    {
      struct rz_val v = join_val (t->r[r], s->r[r], t->esc_low);
      /* Widening: a bound that keeps falling (a pointer walking down a
         loop) falls all the way at once.  */
      if (v.kind == RZ_V_SANY && t->r[r].kind == RZ_V_SANY && v.k < t->r[r].k)
        v.k = RZ_NINF;
      if (v.kind != t->r[r].kind || v.k != t->r[r].k)
        t->r[r] = v, changed = true;
    }
  if (changed)
    work_push (j);
}

static bool
padding (const struct rz_insn *in)
{
  return in->op == RZ_OP_NOP || in->op == RZ_OP_END;
}

/* With an indirect jump taken as a tail call, code the analysis did not
   reach may be a jump table's target, running with data live.  */
static void
check_unreached (void)
{
  const struct rz_func *fn = cx.f.fn;
  uint64_t a = fn->addr, end = fn->addr + fn->size;
  while (a < end && !cx.f.unproven)
    {
      int64_t j = hash_get (a);
      struct rz_insn in;
      if (j >= 0 && cx.f.st[j].reached)
        {
          a += cx.f.nodes[j].in.len;
          continue;
        }
      bool cov = false;
      for (int k = 0; k < cx.ncovered; k++)
        if (a >= cx.covered[k].lo && a < cx.covered[k].hi)
          {
            a = cx.covered[k].hi;
            cov = true;
          }
      if (cov)
        continue;
      if (!rz_decode (cx.f.dec, cx.f.in, a, &in))
        break;
      if (!padding (&in))
        {
          int64_t n = node_at (a);
          if (n >= 0)
            unproven (n, "code not reached: indirect jump targets unknown");
          return;
        }
      a += in.len;
    }
}

static void
analyze (void)
{
  struct rz_fn *f = &cx.f;
  f->n = f->nsucc = f->nacc = 0;
  f->unproven = false;
  cx.nwork = 0;
  cx.nranges = 0;
  cx.ncovered = 0;
  cx.unknown_indirect = false;
  add_range (f->fn);
  hash_reset (f->fn->size / 3 + 16);

  int64_t e = node_at (f->fn->addr);
  if (e < 0)
    return;
  struct rz_state s0;
  memset (&s0, 0, sizeof s0);
  s0.rsp = 0;
  s0.esc_low = RZ_INF;
  s0.min_rsp = 0;
  for (int r = 0; r < RZ_NGPR; r++)
    s0.r[r] = mk (RZ_V_UNK, 0);
  s0.zf = -1;
  join (e, &s0);

  while (cx.nwork > 0 && !f->unproven)
    {
      uint32_t i = cx.work[--cx.nwork];
      cx.inwork[i] = 0;
      struct rz_state s = f->st[i];
      int kind;
      if (!f->nodes[i].done)
        {
          kind = successors (i, &s);
          f->nodes[i].done = true;
          if (f->unproven)
            break;
        }
      else
        kind = edge_kind (i);
      if (!transfer (i, &s, kind, false))
        break;
      for (uint16_t k = 0; k < f->nodes[i].nsucc && !f->unproven; k++)
        {
          uint32_t j = f->succ[f->nodes[i].succ_first + k];
          if (!infeasible (i, &s, j))
            join (j, &s);
        }
    }
  if (!f->unproven && cx.unknown_indirect)
    check_unreached ();

  /* Record each reached instruction's accesses from its final state.  */
  for (size_t i = 0; i < f->n; i++)
    {
      if (!f->st[i].reached || !f->nodes[i].done)
        continue;
      struct rz_state s = f->st[i];
      bool was = f->unproven;
      f->unproven = true;   /* reasons were given in the iteration */
      transfer (i, &s, edge_kind (i), true);
      f->unproven = was;
    }
  rz_live_check (f);
}

void
rz_check_input (struct rz_decoder *d, struct rz_input *in,
                const struct rz_options *o, size_t *nfuncs)
{
  cx.f.in = in;
  cx.f.opt = o;
  cx.f.dec = d;
  for (size_t i = 0; i < in->nfuncs; i++)
    {
      const struct rz_func *fn = &in->funcs[i];
      /* Thunks and cold parts are entered at a height not their own:
         they are checked as part of the code that jumps to them.  */
      if (fn->flags & (RZ_FN_THUNK | RZ_FN_COLD))
        continue;
      if (o->glob && fnmatch (o->glob, fn->name, 0) != 0)
        continue;
      cx.f.fn = fn;
      (*nfuncs)++;
      analyze ();
    }
}
