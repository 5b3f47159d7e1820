/* SPDX-License-Identifier: MIT */
/* Interfaces of the example sources (used by bench/ too).  */
#ifndef EXAMPLES_H
#define EXAMPLES_H

#include "kdefs.h"

/* checksum.c */
struct frag { const u8 *base; u16 len; };
void crc_init (void);
u32 crc32_le_bitwise (u32 crc, const u8 *p, size_t len);
u32 crc32_le (u32 crc, const u8 *p, size_t len);
u32 crc32c_le (u32 crc, const u8 *p, size_t len);
u32 crc32_combine (u32 crc1, u32 crc2, size_t len2);
u32 csum_partial (const void *buf, size_t len, u32 sum);
u16 ip_fast_csum (const void *iph, unsigned int ihl);
u16 csum_tcpudp_magic (u32 saddr, u32 daddr, u16 len, u8 proto, u32 sum);
u32 adler32 (u32 adler, const u8 *p, size_t len);
u16 fletcher16_frags (const struct frag *frags, unsigned int nfrags);

/* string.c */
size_t k_strnlen (const char *s, size_t max);
long k_strscpy (char *dst, const char *src, size_t size);
int k_memcmp (const void *a, const void *b, size_t n);
void *k_memchr (const void *s, int c, size_t n);
void *k_memmove (void *dst, const void *src, size_t n);
void k_memswap (void *a, void *b, size_t n);
char *k_strsep (char **s, const char *ct);
int k_utoa (char *buf, size_t len, u64 v, unsigned int base, bool upper);
int k_strtoull (const char *s, unsigned int base, u64 *res);
int k_hex_dump_line (const u8 *p, size_t n, char *out, size_t outlen);

/* ringbuf.c: a byte FIFO and a ring of trace records; sizes are powers
   of two, indices run freely and are masked on access.  */
struct kfifo
{
  u8 *data;
  u32 mask;			/* size - 1 */
  u32 in, out;
};

struct trace_rec
{
  u64 ts;
  u32 cpu;
  u16 type;
  u16 len;
  u64 arg[3];
};

struct trace_ring
{
  struct trace_rec *recs;
  u32 mask;
  u32 head, tail;
  u64 dropped;
};

u32 kfifo_in (struct kfifo *f, const u8 *buf, u32 len);
u32 kfifo_out (struct kfifo *f, u8 *buf, u32 len);
long kfifo_find (const struct kfifo *f, u8 c, u32 len);
bool trace_put (struct trace_ring *r, u64 ts, u32 cpu, u16 type, u64 a0, u64 a1, u64 a2);
bool trace_get (struct trace_ring *r, struct trace_rec *out);
int trace_busiest_type (const struct trace_ring *r, u32 *count);

/* sched_list.c */
struct list_head
{
  struct list_head *next, *prev;
};

#define NR_PRIO 64

struct task
{
  struct list_head run_list;
  int prio;
  u64 vruntime;
  u32 pid;
  u32 state;
};

struct runqueue
{
  u64 bitmap;			/* bit p set: queue[p] is not empty */
  struct list_head queue[NR_PRIO];
  u32 nr_running;
  struct task *curr;
};

void rq_init (struct runqueue *rq);
void enqueue_task (struct runqueue *rq, struct task *t);
void dequeue_task (struct runqueue *rq, struct task *t);
struct task *pick_next_task (struct runqueue *rq);
void requeue_task (struct runqueue *rq, struct task *t);
int rq_busiest_band (const struct runqueue *rq, u32 *tasks_out);
int pull_tasks (struct runqueue *dst, struct runqueue *src, int minprio, int max);

/* bitops.c */
unsigned long find_next_bit (const u64 *addr, unsigned long size, unsigned long off);
unsigned long find_next_zero_bit (const u64 *addr, unsigned long size, unsigned long off);
unsigned long bitmap_weight (const u64 *src, unsigned long nbits);
bool bitmap_and (u64 *dst, const u64 *a, const u64 *b, unsigned long nbits);
u32 bitrev32 (u32 x);
void bitmap_shift_left (u64 *dst, const u64 *src, unsigned int n, unsigned int nbits);
int bitmap_list_string (char *buf, size_t len, const u64 *map, unsigned long nbits);
u64 gray_encode (u64 x);
u64 gray_decode (u64 g);
bool parity64 (u64 x);

#endif
