/* SPDX-License-Identifier: GPL-3.0-or-later */
/* live.c -- rz-verify: the rule.  Every access below %rsp must lie in the
   window, and at every instruction boundary every live frame byte below
   %rsp must lie in the window: live meaning written on some path to the
   boundary and read before written on some path from it.

   The fast path.  A byte can be live below %rsp at a boundary only if it
   was written and will be read.  If no access touches a byte below the
   %rsp of its instruction, the write and the read both happened with the
   byte at or above %rsp; so %rsp rose over it after the write and came
   back down over it before the read.  A push or call coming down writes
   the byte, which kills it; only a lowering that writes nothing (sub,
   lea, mov to %rsp) can expose it again, and only where %rsp was lower
   before on some path (min_rsp).  A function with neither (most of them:
   every function that never uses a red zone) has no live byte below
   %rsp anywhere and needs no liveness.  */

#include "rz-verify.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int64_t lo, hi;          /* the byte range of the bitsets */
static size_t words;
static uint64_t *wr_in, *live_in, *scratch;
static size_t bits_cap;

static uint64_t *
row (uint64_t *b, size_t i)
{
  return b + i * words;
}

static void
set_range (uint64_t *b, int64_t a, int64_t z)
{
  if (a < lo)
    a = lo;
  if (z > hi)
    z = hi;
  for (int64_t x = a; x < z; x++)
    b[(x - lo) >> 6] |= 1ull << ((x - lo) & 63);
}

static bool
test (const uint64_t *b, int64_t x)
{
  return x >= lo && x < hi && (b[(x - lo) >> 6] >> ((x - lo) & 63)) & 1;
}

/* The first run of set bits of B in [A, Z): *RA, *RZ; false if none.  */
static bool
first_run (const uint64_t *b, int64_t a, int64_t z, int64_t *ra, int64_t *rz)
{
  if (a < lo)
    a = lo;
  if (z > hi)
    z = hi;
  for (int64_t x = a; x < z; x++)
    if (test (b, x))
      {
        int64_t y = x;
        while (y < z && test (b, y))
          y++;
        *ra = x;
        *rz = y;
        return true;
      }
  return false;
}

/* Live bytes of L below S outside the window of %rsp = W: the first run,
   in the gap first.  */
static bool
outside (const uint64_t *l, int64_t s, int64_t w, long n, long m,
         int64_t *ra, int64_t *rz)
{
  return first_run (l, w - m, s, ra, rz) || first_run (l, lo, w - m - n, ra, rz);
}

const char *
rz_rsp_text (char *buf, size_t len, int64_t off)
{
  if (off == 0)
    snprintf (buf, len, "rsp");
  else
    snprintf (buf, len, "rsp%+lld", (long long) off);
  return buf;
}

static void
window_text (char *buf, size_t len, long n, long m)
{
  char a[24], b[24];
  snprintf (buf, len, "the window [%s, %s)", rz_rsp_text (a, sizeof a, -m - n),
            rz_rsp_text (b, sizeof b, -m));
}

/* "[rsp-X, rsp-Y)" for the bytes [RA, RZ) when %rsp is S.  */
static const char *
range_text (char *buf, size_t len, int64_t s, int64_t ra, int64_t rz)
{
  char a[24], b[24];
  snprintf (buf, len, "[%s, %s)", rz_rsp_text (a, sizeof a, ra - s),
            rz_rsp_text (b, sizeof b, rz - s));
  return buf;
}

/* Registers live after each node: GCC pops padding into a dead
   register to free a slot, and such a read uses no data.  */
static uint16_t *reg_out;
static size_t reg_cap;

static uint16_t
reg_uses (const struct rz_insn *in)
{
  uint16_t u = in->regs_read;
  for (int k = 0; k < in->nmem; k++)
    {
      if (in->mem[k].base < RZ_NGPR)
        u |= 1u << in->mem[k].base;
      if (in->mem[k].index < RZ_NGPR)
        u |= 1u << in->mem[k].index;
    }
  if (in->agen.base < RZ_NGPR)
    u |= 1u << in->agen.base;
  if (in->agen.index < RZ_NGPR)
    u |= 1u << in->agen.index;
  if (in->op == RZ_OP_CALL || in->op == RZ_OP_CALL_IND)
    u |= (1u << RZ_RDI) | (1u << RZ_RSI) | (1u << RZ_RDX) | (1u << RZ_RCX)
         | (1u << 8) | (1u << 9) | (1u << RZ_RAX);
  if (in->op == RZ_OP_LEAVE)
    u |= 1u << RZ_RBP;
  return u;
}

static uint16_t
reg_defs (const struct rz_insn *in)
{
  uint16_t d = in->regs_write & ~in->regs_partial;
  if (in->op == RZ_OP_CALL || in->op == RZ_OP_CALL_IND)
    d |= (1u << RZ_RAX) | (1u << RZ_RCX) | (1u << RZ_RDX) | (1u << RZ_RSI)
         | (1u << RZ_RDI) | (0xfu << 8);
  return d;
}

static void
reg_liveness (const struct rz_fn *f, const uint32_t *pcount,
              const uint32_t *preds, uint32_t *work, uint8_t *inw)
{
  if (f->n > reg_cap)
    {
      free (reg_out);
      reg_out = rz_xmalloc (f->n * sizeof *reg_out);
      reg_cap = f->n;
    }
  size_t nw = 0;
  for (size_t i = 0; i < f->n; i++)
    {
      /* At an exit every register may be used.  */
      reg_out[i] = f->nodes[i].nsucc ? 0 : 0xffff;
      if (f->st[i].reached)
        work[nw++] = i, inw[i] = 1;
    }
  while (nw > 0)
    {
      size_t i = work[--nw];
      inw[i] = 0;
      const struct rz_insn *in = &f->nodes[i].in;
      uint16_t live = (reg_out[i] & ~reg_defs (in)) | reg_uses (in);
      for (uint32_t p = pcount[i]; p < pcount[i + 1]; p++)
        if ((live & ~reg_out[preds[p]]) != 0)
          {
            reg_out[preds[p]] |= live;
            if (!inw[preds[p]])
              work[nw++] = preds[p], inw[preds[p]] = 1;
          }
    }
}

/* Whether reads through a pointer that may be a frame address (ALL
   accesses) count.  The first pass leaves them out: what it finds live is
   read for certain, a violation.  The second counts them: what only it
   finds is unproven, since the analysis cannot tell where such a pointer
   points.  */
static bool maybe_reads;

/* Accesses of node I, as gen (reads, writes) and kill sets.  */
static void
node_sets (const struct rz_fn *f, size_t i, uint64_t *rd, uint64_t *wr,
           uint64_t *kill)
{
  const struct rz_node *nd = &f->nodes[i];
  bool dead_pop = nd->in.op == RZ_OP_POP && nd->in.dst < RZ_NGPR
                  && !(reg_out[i] & (1u << nd->in.dst));
  for (uint16_t k = 0; k < nd->nacc; k++)
    {
      const struct rz_acc *a = &f->acc[nd->acc_first + k];
      if ((a->flags & RZ_ACC_READ) && rd && !dead_pop
          && (maybe_reads || !(a->flags & RZ_ACC_ALL)))
        set_range (rd, a->lo, a->hi);
      if ((a->flags & RZ_ACC_WRITE) && !(a->flags & RZ_ACC_CLOBBER) && wr)
        set_range (wr, a->lo, a->hi);
      if ((a->flags & RZ_ACC_WRITE) && !(a->flags & RZ_ACC_WEAK) && kill)
        set_range (kill, a->lo, a->hi);
    }
}

static bool
or_into (uint64_t *d, const uint64_t *s)
{
  bool changed = false;
  for (size_t w = 0; w < words; w++)
    if (s[w] & ~d[w])
      d[w] |= s[w], changed = true;
  return changed;
}

/* Data live at node I outside the window: a violation in the first pass;
   in the second, the function is unproven, once.  */
static bool found;

static void
live_finding (struct rz_fn *f, size_t i, const char *text)
{
  f->nodes[i].violated = true;
  if (!maybe_reads)
    rz_finding (f->dec, f->in, f->nodes[i].in.addr, RZ_VIOLATION, "%s", text);
  else if (!found)
    rz_finding (f->dec, f->in, f->nodes[i].in.addr, RZ_UNPROVEN,
                "%s, if a pointer that may be a frame address reads it later",
                text);
  found = true;
}

static void
violation (struct rz_fn *f, size_t i, const char *what, int64_t s,
           int64_t ra, int64_t rz, long n, long m)
{
  char win[96], r[96], text[320];
  window_text (win, sizeof win, n, m);
  snprintf (text, sizeof text, "%s at %s, outside %s", what,
            range_text (r, sizeof r, s, ra, rz), win);
  live_finding (f, i, text);
}

static void live_pass (struct rz_fn *f, long n, long m, const uint32_t *pcount,
                       const uint32_t *preds, uint32_t *work, uint8_t *inw);

void
rz_live_check (struct rz_fn *f)
{
  long n = f->opt->set.size, m = f->opt->set.offset;
  bool need = false;

  /* Accesses below %rsp, and the range of bytes accessed.  */
  lo = RZ_INF;
  hi = RZ_NINF;
  for (size_t i = 0; i < f->n; i++)
    {
      const struct rz_node *nd = &f->nodes[i];
      if (!f->st[i].reached)
        continue;
      int64_t s = f->st[i].rsp;
      need |= nd->reexpose;
      for (uint16_t k = 0; k < nd->nacc; k++)
        {
          const struct rz_acc *a = &f->acc[nd->acc_first + k];
          /* A slot a push or call writes is above the %rsp it leaves; leave
             reads at the frame pointer, which is checked like any read.  */
          bool slot = (a->flags & RZ_ACC_SLOT) && nd->in.op != RZ_OP_LEAVE;
          if (a->lo < s && !slot)
            need = true;
          if (a->lo != RZ_NINF && a->lo < lo)
            lo = a->lo;
          if (a->hi != RZ_INF && a->hi > hi)
            hi = a->hi;
          if ((a->flags & RZ_ACC_ALL) || slot || a->lo >= s
              || f->nodes[i].violated)
            continue;
          int64_t below = a->hi < s ? a->hi : s;
          if (a->lo >= s - m - n && below <= s - m)
            continue;
          char win[96], x[32], y[32];
          window_text (win, sizeof win, n, m);
          f->nodes[i].violated = true;
          rz_finding (f->dec, f->in, nd->in.addr, RZ_VIOLATION,
                      "%s [%s, %s) below %%rsp, outside %s",
                      below > s - m ? "access into the gap" : "access",
                      rz_rsp_text (x, sizeof x, a->lo - s),
                      rz_rsp_text (y, sizeof y, below - s), win);
        }
    }
  if (!need || f->unproven || lo >= hi)
    return;

  if (hi - lo > (1 << 20))
    {
      rz_finding (f->dec, f->in, f->fn->addr, RZ_UNPROVEN,
                  "frame too large for the liveness analysis");
      return;
    }
  words = (hi - lo + 63) / 64;
  size_t need_bits = (2 * f->n + 3) * words;
  if (need_bits > ((size_t) 1 << 28))
    {
      rz_finding (f->dec, f->in, f->fn->addr, RZ_UNPROVEN,
                  "function too large for the liveness analysis");
      return;
    }
  if (need_bits > bits_cap)
    {
      free (wr_in);
      wr_in = rz_xmalloc (need_bits * sizeof *wr_in);
      bits_cap = need_bits;
    }
  memset (wr_in, 0, need_bits * sizeof *wr_in);
  live_in = wr_in + f->n * words;
  scratch = live_in + f->n * words;
  uint64_t *out = scratch;

  /* Predecessors, for the backward problem.  */
  uint32_t *pcount = calloc (f->n + 1, sizeof *pcount);
  uint32_t *preds = rz_xmalloc ((f->nsucc + 1) * sizeof *preds);
  uint32_t *work = rz_xmalloc ((f->n + 1) * sizeof *work);
  uint8_t *inw = calloc (f->n + 1, 1);
  if (pcount == NULL || inw == NULL)
    rz_fatal ("out of memory");
  for (size_t i = 0; i < f->n; i++)
    if (f->st[i].reached)
      for (uint16_t k = 0; k < f->nodes[i].nsucc; k++)
        pcount[f->succ[f->nodes[i].succ_first + k] + 1]++;
  for (size_t i = 0; i < f->n; i++)
    pcount[i + 1] += pcount[i];
  uint32_t *fill = rz_xmalloc ((f->n + 1) * sizeof *fill);
  memcpy (fill, pcount, (f->n + 1) * sizeof *fill);
  for (size_t i = 0; i < f->n; i++)
    if (f->st[i].reached)
      for (uint16_t k = 0; k < f->nodes[i].nsucc; k++)
        preds[fill[f->succ[f->nodes[i].succ_first + k]]++] = i;
  free (fill);
  reg_liveness (f, pcount, preds, work, inw);

  /* Forward: bytes written on some path to each boundary.  */
  size_t nw = 0;
  for (size_t i = 0; i < f->n; i++)
    if (f->st[i].reached)
      work[nw++] = i, inw[i] = 1;
  while (nw > 0)
    {
      size_t i = work[--nw];
      inw[i] = 0;
      memcpy (out, row (wr_in, i), words * sizeof *out);
      node_sets (f, i, NULL, out, NULL);
      for (uint16_t k = 0; k < f->nodes[i].nsucc; k++)
        {
          uint32_t j = f->succ[f->nodes[i].succ_first + k];
          if (or_into (row (wr_in, j), out) && !inw[j])
            work[nw++] = j, inw[j] = 1;
        }
    }

  /* A function with a violation already is not also unproven.  */
  bool violated = false;
  for (size_t i = 0; i < f->n; i++)
    violated |= f->nodes[i].violated;
  found = false;
  for (int pass = 0; pass < 2 && !(pass == 1 && (found || violated)); pass++)
    {
      maybe_reads = pass == 1;
      memset (live_in, 0, f->n * words * sizeof *live_in);
      live_pass (f, n, m, pcount, preds, work, inw);
    }
  free (pcount);
  free (preds);
  free (work);
  free (inw);
}

/* One backward liveness problem and the checks it decides.  */
static void
live_pass (struct rz_fn *f, long n, long m, const uint32_t *pcount,
           const uint32_t *preds, uint32_t *work, uint8_t *inw)
{
  size_t nw = 0;
  uint64_t *out = scratch, *kill = scratch + words, *gen = scratch + 2 * words;

  /* Backward: bytes read before written on some path from there.  */
  for (size_t i = 0; i < f->n; i++)
    if (f->st[i].reached)
      work[nw++] = i, inw[i] = 1;
  while (nw > 0)
    {
      size_t i = work[--nw];
      inw[i] = 0;
      memset (out, 0, 3 * words * sizeof *out);
      for (uint16_t k = 0; k < f->nodes[i].nsucc; k++)
        or_into (out, row (live_in, f->succ[f->nodes[i].succ_first + k]));
      node_sets (f, i, gen, NULL, kill);
      for (size_t w = 0; w < words; w++)
        out[w] = gen[w] | (out[w] & ~kill[w]);
      if (or_into (row (live_in, i), out))
        for (uint32_t p = pcount[i]; p < pcount[i + 1]; p++)
          if (!inw[preds[p]])
            work[nw++] = preds[p], inw[preds[p]] = 1;
    }

  /* The checks at each boundary, and across calls and thunks.  */
  for (size_t i = 0; i < f->n; i++)
    {
      struct rz_node *nd = &f->nodes[i];
      if (!f->st[i].reached || nd->violated)
        continue;
      int64_t s = f->st[i].rsp, ra, rz;
      uint64_t *l = out;
      for (size_t w = 0; w < words; w++)
        l[w] = row (live_in, i)[w] & row (wr_in, i)[w];
      if (outside (l, s, s, n, m, &ra, &rz))
        {
          violation (f, i, "live data", s, ra, rz, n, m);
          continue;
        }
      if (nd->check == RZ_CHECK_NONE)
        continue;
      /* Live after the instruction, written before or by it.  */
      memset (l, 0, 3 * words * sizeof *l);
      for (uint16_t k = 0; k < nd->nsucc; k++)
        or_into (l, row (live_in, f->succ[nd->succ_first + k]));
      memcpy (gen, row (wr_in, i), words * sizeof *gen);
      node_sets (f, i, NULL, gen, NULL);
      for (size_t w = 0; w < words; w++)
        l[w] &= gen[w];
      if (nd->check == RZ_CHECK_CALL)
        {
          if (first_run (l, lo, s, &ra, &rz))
            {
              char r[96], text[160];
              snprintf (text, sizeof text, "call while live data below %%rsp "
                        "at %s", range_text (r, sizeof r, s, ra, rz));
              live_finding (f, i, text);
            }
        }
      else
        {
          int64_t d = nd->depth;
          if (first_run (l, s - d, s, &ra, &rz)
              || outside (l, s, s - d, n, m, &ra, &rz))
            {
              char what[96];
              snprintf (what, sizeof what, "thunk going %lld bytes below "
                        "%%rsp while live data", (long long) d);
              violation (f, i, what, s, ra, rz, n, m + d);
            }
        }
    }
}
