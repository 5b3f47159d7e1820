/* SPDX-License-Identifier: MIT */
/* The list and priority-bitmap code of a tiny O(1) scheduler: intrusive
   doubly linked lists (like <linux/list.h>), one run list per priority,
   and a bitmap of non-empty lists.  */
#include "examples.h"

static inline void
list_init (struct list_head *h)
{
  h->next = h->prev = h;
}

static inline bool
list_empty (const struct list_head *h)
{
  return h->next == h;
}

static inline void
list_add_tail (struct list_head *n, struct list_head *h)
{
  n->prev = h->prev;
  n->next = h;
  h->prev->next = n;
  h->prev = n;
}

static inline void
list_del (struct list_head *n)
{
  n->prev->next = n->next;
  n->next->prev = n->prev;
  n->next = n->prev = NULL;
}

void
rq_init (struct runqueue *rq)
{
  rq->bitmap = 0;
  rq->nr_running = 0;
  rq->curr = NULL;
  for (int p = 0; p < NR_PRIO; p++)
    list_init (&rq->queue[p]);
}

void
enqueue_task (struct runqueue *rq, struct task *t)
{
  list_add_tail (&t->run_list, &rq->queue[t->prio]);
  rq->bitmap |= 1ull << t->prio;
  rq->nr_running++;
}

void
dequeue_task (struct runqueue *rq, struct task *t)
{
  list_del (&t->run_list);
  if (list_empty (&rq->queue[t->prio]))
    rq->bitmap &= ~(1ull << t->prio);
  rq->nr_running--;
}

/* Highest priority = lowest number.  */
struct task *
pick_next_task (struct runqueue *rq)
{
  if (!rq->bitmap)
    return NULL;
  int p = __builtin_ctzll (rq->bitmap);
  return container_of (rq->queue[p].next, struct task, run_list);
}

/* Round robin: move the current task to the tail of its list.  */
void
requeue_task (struct runqueue *rq, struct task *t)
{
  struct list_head *h = &rq->queue[t->prio];
  if (h->prev == &t->run_list)
    return;
  list_del (&t->run_list);
  list_add_tail (&t->run_list, h);
}

/* Load summary for balancing: running tasks per priority band (8 bands of
   8 priorities), collected on the stack, and the band with the most work
   weighted by vruntime.  */
int
rq_busiest_band (const struct runqueue *rq, u32 *tasks_out)
{
  u32 tasks[8] = { 0 };
  u64 work[8] = { 0 };
  int best = -1;
  u64 bestw = 0;

  for (int p = 0; p < NR_PRIO; p++)
    {
      if (!(rq->bitmap & (1ull << p)))
	continue;
      for (const struct list_head *n = rq->queue[p].next; n != &rq->queue[p]; n = n->next)
	{
	  const struct task *t = container_of (n, struct task, run_list);
	  tasks[p >> 3]++;
	  work[p >> 3] += t->vruntime;
	}
    }
  for (int b = 0; b < 8; b++)
    if (work[b] > bestw)
      {
	bestw = work[b];
	best = b;
      }
  if (best >= 0)
    *tasks_out = tasks[best];
  return best;
}

/* Pull up to MAX tasks of priority >= MINPRIO from SRC to DST, choosing
   them with a small on-stack candidate array sorted by vruntime.  */
int
pull_tasks (struct runqueue *dst, struct runqueue *src, int minprio, int max)
{
  struct task *cand[8];
  int n = 0;

  if (max > 8)
    max = 8;
  for (int p = minprio; p < NR_PRIO && n < max; p++)
    for (struct list_head *l = src->queue[p].next; l != &src->queue[p] && n < max; l = l->next)
      {
	struct task *t = container_of (l, struct task, run_list);
	if (t == src->curr)
	  continue;
	int i = n++;
	while (i > 0 && cand[i - 1]->vruntime > t->vruntime)
	  {
	    cand[i] = cand[i - 1];
	    i--;
	  }
	cand[i] = t;
      }
  for (int i = 0; i < n; i++)
    {
      dequeue_task (src, cand[i]);
      enqueue_task (dst, cand[i]);
    }
  return n;
}
