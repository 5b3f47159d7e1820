/* SPDX-License-Identifier: GPL-3.0-or-later */
/* adversary.c -- an interrupt after every instruction, in user space.

   Linked into a test program whose code under test lives in the section
   rz_text.  A constructor sets the trap flag; from then on the CPU raises
   #DB after every instruction and the kernel delivers SIGTRAP.  The handler
   runs on an alternate signal stack, so the kernel never writes a signal
   frame onto the interrupted stack.  When the interrupted RIP is inside
   rz_text, the handler does what a careless interrupt would: it overwrites
   the gap [rsp-M, rsp) and BELOW bytes under the window [rsp-M-N, rsp-M)
   with fresh garbage, leaving only the window alone.  Code that keeps live
   data anywhere but the window then computes wrong results.

   Environment: RZ_ADV=0 disables it (reference run); RZ_ADV_N, RZ_ADV_M
   give the window (bytes, default 0); RZ_ADV_BELOW the extent attacked
   below it (default 512); RZ_ADV_MAX_STEPS the steps after which it gives
   up (default 10000000: corrupted code may loop forever), exiting with
   status 98 after a line "adversary: step limit reached at rz_text+0xOFF
   attacked=..".  A crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE) prints
   "adversary: SIGSEGV at rz_text+0xOFF attacked=.." and exits with 97.
   At exit it prints one line to stderr:
   "adversary: N=.. M=.. steps=.. attacked=..".

   Compile this file with -mno-red-zone: it pushes the flags itself.  */

#define _GNU_SOURCE
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ucontext.h>
#include <unistd.h>

extern char __start_rz_text[], __stop_rz_text[];

static long win_n, win_m, below = 512, max_steps = 10000000;
static unsigned long steps, attacked;
static int armed;

/* Write "adversary: WHAT at rz_text+0xOFF attacked=N" (or "at 0xRIP"
   outside rz_text) to stderr, async-signal-safely: the test maps the
   offset to the function that broke.  */
static void
put_num (unsigned long v, int base)
{
  char num[24];
  int n = sizeof num;
  do
    num[--n] = "0123456789abcdef"[v % base];
  while ((v /= base) != 0);
  write (2, num + n, sizeof num - n);
}

static void
put_str (const char *s)
{
  write (2, s, strlen (s));
}

static void
report_stop (const char *what, uintptr_t rip)
{
  put_str ("adversary: ");
  put_str (what);
  if (rip >= (uintptr_t) __start_rz_text && rip < (uintptr_t) __stop_rz_text)
    {
      put_str (" at rz_text+0x");
      put_num (rip - (uintptr_t) __start_rz_text, 16);
    }
  else
    {
      put_str (" at 0x");
      put_num (rip, 16);
    }
  put_str (" attacked=");
  put_num (attacked, 10);
  put_str ("\n");
}

static void
scribble (unsigned char *p, long n, uint64_t g)
{
  for (long i = 0; i < n; i++)
    p[i] = (unsigned char) (g >> (8 * (i & 7))) ^ (unsigned char) i;
}

static void
on_trap (int sig, siginfo_t *si, void *ctx)
{
  ucontext_t *uc = ctx;
  uintptr_t rip = uc->uc_mcontext.gregs[REG_RIP];
  unsigned char *rsp = (unsigned char *) uc->uc_mcontext.gregs[REG_RSP];
  (void) sig;
  (void) si;

  if (++steps > (unsigned long) max_steps)
    {
      report_stop ("step limit reached", rip);
      _exit (98);
    }
  if (rip < (uintptr_t) __start_rz_text || rip >= (uintptr_t) __stop_rz_text)
    return;
  attacked++;
  /* Different garbage at every step, so a stale value cannot survive by
     luck.  */
  uint64_t g = (steps * 0x9e3779b97f4a7c15ull) ^ 0xa5a5a5a5deadbeefull;
  scribble (rsp - win_m, win_m, g);
  scribble (rsp - win_m - win_n - below, below, ~g);
}

/* Broken code may also crash: say where, then exit with status 97.  */
static void
on_fault (int sig, siginfo_t *si, void *ctx)
{
  ucontext_t *uc = ctx;
  (void) si;
  report_stop (sig == SIGSEGV ? "SIGSEGV" : sig == SIGBUS ? "SIGBUS"
               : sig == SIGILL ? "SIGILL" : "SIGFPE",
               uc->uc_mcontext.gregs[REG_RIP]);
  _exit (97);
}

static void
set_trap_flag (int on)
{
  if (on)
    __asm__ __volatile__ ("pushfq; orq $0x100, (%%rsp); popfq" ::: "memory", "cc");
  else
    __asm__ __volatile__ ("pushfq; andq $~0x100, (%%rsp); popfq" ::: "memory", "cc");
}

static long
env_bytes (const char *name, long dflt)
{
  const char *v = getenv (name);
  return v && *v ? strtol (v, NULL, 0) : dflt;
}

__attribute__ ((constructor)) static void
arm (void)
{
  const char *on = getenv ("RZ_ADV");
  if (on && strcmp (on, "0") == 0)
    return;
  win_n = env_bytes ("RZ_ADV_N", 0);
  win_m = env_bytes ("RZ_ADV_M", 0);
  below = env_bytes ("RZ_ADV_BELOW", 512);
  max_steps = env_bytes ("RZ_ADV_MAX_STEPS", max_steps);

  static char altstack[64 * 1024];
  stack_t ss = { .ss_sp = altstack, .ss_size = sizeof altstack };
  struct sigaction sa;
  memset (&sa, 0, sizeof sa);
  sa.sa_sigaction = on_trap;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESTART;
  sigemptyset (&sa.sa_mask);
  int bad = sigaltstack (&ss, NULL) != 0 || sigaction (SIGTRAP, &sa, NULL) != 0;
  sa.sa_sigaction = on_fault;
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
  static const int faults[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE };
  for (unsigned i = 0; i < sizeof faults / sizeof faults[0]; i++)
    bad |= sigaction (faults[i], &sa, NULL) != 0;
  if (bad)
    {
      perror ("adversary");
      exit (99);
    }
  armed = 1;
  set_trap_flag (1);
}

__attribute__ ((destructor)) static void
disarm (void)
{
  if (!armed)
    return;
  set_trap_flag (0);
  fprintf (stderr, "adversary: N=%ld M=%ld steps=%lu attacked=%lu\n",
           win_n, win_m, steps, attacked);
}
