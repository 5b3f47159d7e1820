/* SPDX-License-Identifier: MIT */
/* trap.c: what happens after entry.S has saved the interrupted state.
 *
 * The handlers of the timers, of single-step #DB, of #GP and of NMIs
 * (nmi.c) are the adversary: each time they run, they overwrite everything
 * a converted function must not rely on, relative to the interrupted %rsp
 * (rsp_i):
 *   the gap              [rsp_i-M, rsp_i)
 *   and below the window [rsp_i-M-N-ADV_BELOW, rsp_i-M-N),
 * never the window itself, and never the live trap frame (in the BROKEN
 * builds the frame overlaps these ranges).  The values are fresh every word
 * and every time, so nothing left there survives by luck. */
#include "kernel.h"
#include "panic.h"
#include "trap.h"
#include "x86.h"

/* Per call, far beyond what any workload function needs (a few thousand
 * instructions); a call that runs longer has had its loop state corrupted. */
#define STEP_LIMIT 200000
#define TICK_LIMIT 200000	/* handlers run with IF=0: at most one tick per step */

/* Which instruction boundaries in the workload each adversary has hit: one
 * bit per byte address (the RIP pushed is the next instruction's). */
#define SITES_MAX 8192
static uint8_t stepped_at[SITES_MAX / 8], ticked_at[SITES_MAX / 8];

static void record_site(uint8_t *map, uint64_t *count, uint64_t rip)
{
	uint64_t off = rip - (uint64_t)__workload_start;

	if (rip < (uint64_t)__workload_start || rip >= (uint64_t)__workload_end)
		return;
	if (off >= SITES_MAX)
		panic("workload code larger than %u bytes", SITES_MAX);
	if (!(map[off / 8] & 1 << off % 8)) {
		map[off / 8] |= 1 << off % 8;
		(*count)++;
	}
}

static uint64_t noise = 0x243F6A8885A308D3;	/* pi, as the seed */

static void scribble(uint64_t lo, uint64_t hi, const struct trapframe *tf)
{
	uint64_t tf_lo = (uint64_t)tf, tf_hi = tf_lo + sizeof *tf;

	for (uint64_t a = lo; a < hi; a += 8) {
		if (a >= tf_lo && a < tf_hi)
			continue;
		noise = noise * 6364136223846793005u + 1442695040888963407u;
		*(volatile uint64_t *)a = noise;
	}
}

void attack(struct trapframe *tf)
{
	uint64_t rsp = tf->rsp;
	uint64_t win_lo = rsp - RZ_OFFSET - RZ_SIZE, win_hi = rsp - RZ_OFFSET;
	uint64_t lo = win_lo - ADV_BELOW;
	uint64_t bottom = (uint64_t)kstack_bottom, top = (uint64_t)kstack_top;

	/* The kernel stack is interrupted, and in the IST scheme IST1 too,
	 * where an NMI can land in a stub; the handler's own frames start
	 * HANDLER_ROOM below the trap frame. */
	if (ENTRY_IST && rsp > (uint64_t)ist_stacks[IST_ENTRY - 1] &&
	    rsp <= (uint64_t)ist_stacks[IST_ENTRY]) {
		bottom = (uint64_t)ist_stacks[IST_ENTRY - 1];
		top = (uint64_t)ist_stacks[IST_ENTRY];
	}
	if (rsp > top || lo < bottom)
		panic("interrupted %%rsp %lx outside the kernel stack", rsp);
	if (lo < (uint64_t)tf - HANDLER_ROOM)
		panic("attack range reaches the handler's stack");

	scribble(win_hi, rsp, tf);
	scribble(lo, win_lo, tf);
	stats.attacks++;
}

#define VECTOR_NAME(name, number, err, what) [number] = what,
static const char *const names[NVECTORS] = { FOR_EACH_VECTOR(VECTOR_NAME) };
#undef VECTOR_NAME

static void unexpected(struct trapframe *tf)
{
	const char *name = tf->vector < NVECTORS ?
		names[tf->vector] : "unexpected vector";

	panic("%s (vector %lu, error %lx) at rip %lx, rsp %lx, cr2 %lx",
	      name, tf->vector, tf->error, tf->rip, tf->rsp, read_cr2());
}

/* Nesting.  Every NEST_EVERY-th interrupt from a periodic source (the PIT
 * or the RTC) taken during a workload call re-enables interrupts in its
 * handler and runs a converted workload function of its own, so that the
 * next interrupts land on it, on the same stack, and are attacked there;
 * those handlers (depth 2) do the same, their interrupts (depth 3) do not.
 * So the handlers stay shorter, on average, than the PIT's period and the
 * workload itself keeps making progress. */
#define NEST_EVERY 32
#define NEST_MAX   2		/* the deepest handler that re-enables */
#define NEST_LEN   64
static unsigned depth;		/* handlers running, this one included */
static unsigned nest_ticks;
static uint64_t nest_want;

void nest_init(void)
{
	nest_want = fnv1a_lanes(workload_data + 100, NEST_LEN);
}

static void nested_work(void)
{
	if (!stats.calling || depth > NEST_MAX)
		return;
	if (depth == 1 && ++nest_ticks % NEST_EVERY)
		return;
	sti();
	uint64_t got = fnv1a_lanes(workload_data + 100, NEST_LEN);
	cli();
	stats.nested_calls++;
	if (got != nest_want)
		stats.nested_failed++;
}

/* The exception table: pairs of addresses, a faulting instruction and
 * where to resume (gp_probe in workload.c). */
struct ex_entry {
	uint64_t insn, fixup;
};
extern const struct ex_entry __ex_table_start[], __ex_table_end[];

static int fixup(struct trapframe *tf)
{
	for (const struct ex_entry *e = __ex_table_start; e < __ex_table_end; e++)
		if (e->insn == tf->rip) {
			tf->rip = e->fixup;
			return 1;
		}
	return 0;
}

void trap(struct trapframe *tf)
{
	stats.vec[tf->vector & 255]++;
	if (++depth > stats.deepest)
		stats.deepest = depth;

	switch (tf->vector) {
	case VEC_DB:
		if (!(read_dr6() & DR6_BS) || !stats.stepping)
			unexpected(tf);
		write_dr6(DR6_INIT);	/* the CPU never clears DR6 bits itself */
		stats.steps++;
		if (tf->rip >= (uint64_t)__workload_start &&
		    tf->rip < (uint64_t)__workload_end)
			stats.steps_in_workload++;
		record_site(stepped_at, &stats.step_sites, tf->rip);
		if (++stats.call_steps > STEP_LIMIT)
			panic("a stepped workload call ran away (over %u steps): "
			      "its loop state was corrupted", STEP_LIMIT);
		attack(tf);
		break;

	case VEC_IRQ0:
		if (stats.calling && ++stats.call_ticks > TICK_LIMIT)
			panic("a workload call ran away (over %u timer "
			      "interrupts): its loop state was corrupted",
			      TICK_LIMIT);
		if (!stats.stepping)	/* the timer alone, not between steps */
			record_site(ticked_at, &stats.timer_sites, tf->rip);
		attack(tf);
		timer_eoi();
		nested_work();
		break;

	case VEC_IRQ8:
		attack(tf);
		rtc_ack();
		rtc_eoi();
		nested_work();
		break;

	case VEC_GP:
		/* An error-code vector: the frame is right only if the stub
		 * handled the error code (a non-canonical address gives 0)
		 * and the fault's rip is where the table says. */
		if (tf->error != 0 || !fixup(tf))
			unexpected(tf);
		stats.gp_fixups++;
		if (stats.calling)	/* not the reference call, made with IF=0 */
			attack(tf);
		break;

	case VEC_IRQ7:
		if (!timer_spurious())
			unexpected(tf);
		break;		/* spurious: no EOI */

	case VEC_NMI:
		nmi(tf, depth - 1);
		break;

	default:
		unexpected(tf);
	}
	depth--;
}
