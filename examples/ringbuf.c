/* SPDX-License-Identifier: MIT */
/* A single-producer, single-consumer byte ring buffer (like kfifo) and a
   ring of fixed-size records (like a tracing buffer).  Sizes are powers of
   two; the indices run freely and are masked on access.  */
#include "examples.h"

static inline u32
kfifo_used (const struct kfifo *f)
{
  return f->in - f->out;
}

u32
kfifo_in (struct kfifo *f, const u8 *buf, u32 len)
{
  u32 room = f->mask + 1 - kfifo_used (f);
  if (len > room)
    len = room;
  for (u32 i = 0; i < len; i++)
    f->data[(f->in + i) & f->mask] = buf[i];
  __atomic_store_n (&f->in, f->in + len, __ATOMIC_RELEASE);
  return len;
}

u32
kfifo_out (struct kfifo *f, u8 *buf, u32 len)
{
  u32 used = __atomic_load_n (&f->in, __ATOMIC_ACQUIRE) - f->out;
  if (len > used)
    len = used;
  for (u32 i = 0; i < len; i++)
    buf[i] = f->data[(f->out + i) & f->mask];
  f->out += len;
  return len;
}

/* Look for a byte within the first LEN bytes without consuming them.  */
long
kfifo_find (const struct kfifo *f, u8 c, u32 len)
{
  u32 used = kfifo_used (f);
  if (len > used)
    len = used;
  for (u32 i = 0; i < len; i++)
    if (f->data[(f->out + i) & f->mask] == c)
      return i;
  return -1;
}

/* Build the record on the stack, then publish it.  */
bool
trace_put (struct trace_ring *r, u64 ts, u32 cpu, u16 type, u64 a0, u64 a1, u64 a2)
{
  struct trace_rec rec = { ts, cpu, type, 3, { a0, a1, a2 } };
  if (r->head - r->tail > r->mask)
    {
      r->dropped++;
      return false;
    }
  r->recs[r->head & r->mask] = rec;
  __atomic_store_n (&r->head, r->head + 1, __ATOMIC_RELEASE);
  return true;
}

/* Pop one record, copying it out through a local so that a producer
   overwriting the slot afterwards cannot tear the result.  */
bool
trace_get (struct trace_ring *r, struct trace_rec *out)
{
  struct trace_rec tmp;
  volatile struct trace_rec *slot;

  if (__atomic_load_n (&r->head, __ATOMIC_ACQUIRE) == r->tail)
    return false;
  slot = &r->recs[r->tail & r->mask];
  tmp.ts = slot->ts;
  tmp.cpu = slot->cpu;
  tmp.type = slot->type;
  tmp.len = slot->len;
  for (int i = 0; i < 3; i++)
    tmp.arg[i] = slot->arg[i];
  r->tail++;
  *out = tmp;
  return true;
}

/* Summary of the records of each type currently in the ring: counts per
   type (8 types) accumulated in a local table, then the busiest type.  */
int
trace_busiest_type (const struct trace_ring *r, u32 *count)
{
  u32 per_type[8] = { 0 };
  int best = -1;
  u32 bestn = 0;

  for (u32 i = r->tail; i != r->head; i++)
    per_type[r->recs[i & r->mask].type & 7]++;
  for (int t = 0; t < 8; t++)
    if (per_type[t] > bestn)
      {
	bestn = per_type[t];
	best = t;
      }
  *count = bestn;
  return best;
}
