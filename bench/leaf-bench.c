/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drives the leaf functions of examples/ in loops, for instruction counts
   under callgrind.  This file is compiled once, without the plugin; only
   the example objects it is linked with differ between the variants.
   Prints a checksum of every result, which must not depend on the variant.

   usage: leaf-bench [ITERATIONS]  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "examples.h"

/* Each loop calls one function; the callgrind totals per function then
   divide by ITERATIONS.  */
static u64 sum;

static void __attribute__ ((noinline))
bench_utoa (long n)
{
  char buf[32];
  for (long i = 0; i < n; i++)
    sum += k_utoa (buf, sizeof buf, (u64) i * 2654435761u, 10 + (i & 6), i & 1) + buf[0];
}

static void __attribute__ ((noinline))
bench_hex_dump (long n)
{
  u8 data[16];
  char out[80];
  for (int i = 0; i < 16; i++)
    data[i] = i * 37;
  for (long i = 0; i < n; i++)
    {
      data[i & 15] = i;
      sum += k_hex_dump_line (data, 16, out, sizeof out) + out[i % 40];
    }
}

static void __attribute__ ((noinline))
bench_memswap (long n)
{
  u64 a[5] = { 1, 2, 3, 4, 5 }, b[5] = { 6, 7, 8, 9, 10 };
  for (long i = 0; i < n; i++)
    {
      k_memswap (a, b, 8 + (i & 31));
      sum += a[0] ^ b[1];
    }
}

static void __attribute__ ((noinline))
bench_csum_tcpudp (long n)
{
  for (long i = 0; i < n; i++)
    sum += csum_tcpudp_magic (0x0a000001 + i, 0x0a0000fe, 20 + (i & 1023), 6, i);
}

static void __attribute__ ((noinline))
bench_fletcher (long n)
{
  static const u8 d1[] = "scatter", d2[] = "gather", d3[] = "io";
  struct frag f[3] = { { d1, 7 }, { d2, 6 }, { d3, 2 } };
  for (long i = 0; i < n; i++)
    sum += fletcher16_frags (f, 1 + i % 3);
}

static struct trace_rec recs[64];
static struct trace_ring ring = { recs, 63, 0, 0, 0 };

static void __attribute__ ((noinline))
bench_trace (long n)
{
  struct trace_rec r;
  u32 c;
  for (long i = 0; i < n; i++)
    {
      trace_put (&ring, i, i & 3, i % 5, i, i * 3, i * 7);
      if (i & 1)
	{
	  trace_get (&ring, &r);
	  sum += r.arg[2];
	}
      if ((i & 15) == 0)
	sum += trace_busiest_type (&ring, &c) + c;
    }
}

static struct runqueue rq, rq2;
static struct task tasks[48];

static void __attribute__ ((noinline))
bench_sched (long n)
{
  u32 t;
  rq_init (&rq);
  rq_init (&rq2);
  for (int i = 0; i < 48; i++)
    {
      tasks[i].prio = (i * 7) % 40;
      tasks[i].vruntime = 1000 + i * 13;
      tasks[i].pid = i;
      enqueue_task (&rq, &tasks[i]);
    }
  for (long i = 0; i < n; i++)
    {
      sum += rq_busiest_band (&rq, &t) + t;
      struct task *p = pick_next_task (&rq);
      p->vruntime += 7;
      requeue_task (&rq, p);
      if ((i & 63) == 0)
	{
	  sum += pull_tasks (&rq2, &rq, 30, 2);
	  while (rq2.nr_running)
	    {
	      struct task *q = pick_next_task (&rq2);
	      dequeue_task (&rq2, q);
	      enqueue_task (&rq, q);
	    }
	}
    }
}

static void __attribute__ ((noinline))
bench_bitmap (long n)
{
  u64 map[4] = { 0x00f0000ff0000f0full, 0x8000000000000001ull, 0, 0xdeadbeefull };
  char buf[128];
  for (long i = 0; i < n; i++)
    {
      bitmap_shift_left (map, map, 1 + (i & 7), 256);
      map[0] ^= i;
      sum += map[1] ^ map[3];
      if ((i & 7) == 0)
	sum += bitmap_list_string (buf, sizeof buf, map, 256);
    }
}

int
main (int argc, char **argv)
{
  long n = argc > 1 ? atol (argv[1]) : 100000;
  bench_utoa (n);
  bench_hex_dump (n);
  bench_memswap (n);
  bench_csum_tcpudp (n);
  bench_fletcher (n);
  bench_trace (n);
  bench_sched (n);
  bench_bitmap (n);
  printf ("checksum %016llx\n", (unsigned long long) sum);
  return 0;
}
