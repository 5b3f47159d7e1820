/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rules.cc -- the eligibility rules: when a function keeps its frame.

   One table, one row per reason.  Rows with a predicate are judged from the
   function as a whole before the pass looks at its instructions; rows
   without one are found by the pass while it scans (pass.cc).  A function
   is converted only when no row applies: whatever is not understood stays
   exactly as -mno-red-zone made it.  */

#include "redzone.h"

typedef bool (*rz_predicate) (void);

struct rz_rule
{
  enum rz_reason reason;
  const char *token;            /* In reports: no spaces.  */
  const char *text;             /* Why the rule exists.  */
  rz_predicate applies;         /* NULL: detected by the pass's scan.  */
};

static bool
has_attribute (const char *name)
{
  return lookup_attribute (name, DECL_ATTRIBUTES (current_function_decl));
}

static bool attr_no_red_zone (void) { return has_attribute ("no_red_zone"); }
static bool attr_naked (void) { return has_attribute ("naked"); }
static bool interrupt_handler (void)
{
  return cfun->machine->func_type != TYPE_NORMAL;
}

/* Does the body have a call insn, sibling calls included?  */
static bool
body_calls (void)
{
  for (rtx_insn *insn = get_insns (); insn; insn = NEXT_INSN (insn))
    if (CALL_P (insn))
      return true;
  return false;
}

/* A call pushes its return address where our frame lives, and the callee's
   frame goes below it.  Sibling calls are not calls here: they leave after
   the epilogue.  Under -pg GCC makes every function a non-leaf (x86 has no
   TARGET_KEEP_LEAF_WHEN_PROFILED), but -mfentry's `call __fentry__' is the
   first instruction, before the prologue, when nothing is live (redzone(7),
   PROFILING; without -mfentry, the profile row).  It is the one exception:
   a profiled function is a leaf only if no insn calls, sibling calls
   included, and -minstrument-return=call adds no call before each return.  */
static bool
not_leaf (void)
{
  if (!crtl->profile)
    return !crtl->is_leaf;
  return body_calls () || ix86_instrument_return == instrument_return_call;
}
static bool sp_changes (void) { return !crtl->sp_is_unchanging; }
static bool calls_alloca (void) { return cfun->calls_alloca; }
static bool realigns (void)
{
  return crtl->stack_realign_needed || crtl->drap_reg != NULL_RTX;
}
/* The TLS descriptor call is a real call hidden in an UNSPEC.  */
static bool tls_descriptor (void)
{
  return ix86_current_function_calls_tls_descriptor;
}
static bool split_stack (void) { return flag_split_stack != 0; }
/* The Windows ABI has no red zone: callers may use the area below rsp.  */
static bool ms_abi (void) { return ix86_cfun_abi () == MS_ABI; }
static bool eh_return (void) { return crtl->calls_eh_return; }
static bool nonlocal (void)
{
  return cfun->has_nonlocal_label || crtl->has_nonlocal_goto;
}
/* -pg without -mfentry calls mcount after the prologue.  */
static bool profiles (void) { return crtl->profile && !flag_fentry; }

/* --- code that lowers %rsp for a moment -------------------------------

   A retpoline (-mindirect-branch=thunk*) turns an indirect jump, which runs
   while the frame is live, into `call 1f; ...; 1: mov %reg,(%rsp); ret':
   for a few instruction boundaries %rsp is 8 bytes lower, and so is the
   gap that an interrupt may overwrite.  Code that lowers %rsp by at most D
   bytes keeps the frame safe if the frame avoids the window's top D bytes.
   GCC's own thunks (thunk, thunk-inline) go 8 deep.  An external thunk is
   someone else's code: Linux 6.1's __x86_indirect_thunk_* ends in `jmp
   __x86_return_thunk', which with the SRSO mitigation calls again, so it
   goes 16 deep; only the user can say (-mred-zone-thunk-depth=).
   -mfunction-return=thunk* does not count: the return thunk runs after the
   epilogue, when the frame is dead; so does a sibling call through a
   thunk.  */

static bool
indirect_jumps (void)
{
  return cfun->machine->has_local_indirect_jump
         && cfun->machine->indirect_branch_type != indirect_branch_keep;
}

/* GCC's thunks are the only ones whose depth is known without the user.  */
static bool
gcc_thunk (void)
{
  return cfun->machine->indirect_branch_type == indirect_branch_thunk
         || cfun->machine->indirect_branch_type == indirect_branch_thunk_inline;
}

static bool
extern_thunk (void)
{
  return indirect_jumps () && !gcc_thunk () && rz_opts.thunk_depth < 0;
}

int
rz_transient_depth (void)
{
  if (!indirect_jumps ())
    return 0;
  return gcc_thunk () ? UNITS_PER_WORD : rz_opts.thunk_depth;
}

static const struct rz_rule rules[] = {
  { RZ_CONVERTED, "converted", "frame moved into the window", NULL },
  { RZ_NO_FRAME, "no-frame", "no stack frame to move", NULL },
  { RZ_ATTRIBUTE, "no_red_zone", "opted out with __attribute__((no_red_zone))",
    attr_no_red_zone },
  { RZ_NAKED, "naked", "naked function", attr_naked },
  { RZ_INTERRUPT, "interrupt", "interrupt or exception handler",
    interrupt_handler },
  { RZ_NOT_LEAF, "not-leaf", "calls other functions", not_leaf },
  { RZ_SP_CHANGES, "sp-changes", "the stack pointer changes in the body",
    sp_changes },
  { RZ_ALLOCA, "alloca", "uses alloca or a variable-length array",
    calls_alloca },
  { RZ_REALIGN, "realign", "realigns the stack (DRAP)", realigns },
  { RZ_TLS_DESC, "tls-call", "calls a TLS descriptor", tls_descriptor },
  { RZ_SPLIT_STACK, "split-stack", "compiled with -fsplit-stack", split_stack },
  { RZ_MS_ABI, "ms-abi", "uses the Microsoft ABI", ms_abi },
  { RZ_EH_RETURN, "eh-return", "uses __builtin_eh_return", eh_return },
  { RZ_NONLOCAL, "nonlocal-goto", "has a nonlocal label or goto", nonlocal },
  { RZ_PROFILE, "profile", "-pg calls mcount after the prologue", profiles },
  { RZ_EXTERN_THUNK, "extern-thunk",
    "indirect jumps go through an external thunk of unknown depth (see "
    "-mred-zone-thunk-depth=)", extern_thunk },
  { RZ_SHRINK_WRAPPED, "shrink-wrapped",
    "the prologue is shrink-wrapped in a way not understood (%rsp differs "
    "between paths into a block, something besides the prologue and "
    "epilogue moves it, or the frame pointer is used where the frame is "
    "not allocated)", NULL },
  { RZ_PROLOGUE, "prologue", "the prologue has an unexpected form", NULL },
  { RZ_EPILOGUE, "epilogue", "an epilogue has an unexpected form", NULL },
  { RZ_SP_USE, "sp-use",
    "the stack or frame pointer is used in an unexpected way",
    NULL },
  { RZ_ASM, "asm", "inline asm may touch the stack (see -mred-zone-asm=)",
    NULL },
  { RZ_AMBIGUOUS, "ambiguous-address",
    "a stack address could belong to the frame or to the caller's area",
    NULL },
  { RZ_TOO_BIG, "too-big", "the used frame does not fit the window", NULL },
  { RZ_PARTIAL_NO_GAIN, "partial-no-gain",
    "the frame does not fit; keeping part of it in the window would not "
    "make the code smaller", NULL },
  { RZ_SIZE_NO_GAIN, "size-no-gain",
    "optimizing for size, and moving the frame would make the code larger "
    "(deep slots need four-byte displacements)", NULL },
  { RZ_INVALID, "invalid-rewrite",
    "a rewritten instruction is not valid; the function is left whole",
    NULL },
};

static_assert (sizeof rules / sizeof rules[0] == RZ_NUM_REASONS,
               "one rule per reason");

enum rz_reason
rz_check_function (void)
{
  for (const rz_rule &r : rules)
    if (r.applies && r.applies ())
      return r.reason;
  return RZ_CONVERTED;
}

const char *
rz_reason_token (enum rz_reason r)
{
  gcc_checking_assert (rules[r].reason == r);
  return rules[r].token;
}

const char *
rz_reason_text (enum rz_reason r)
{
  return rules[r].text;
}
