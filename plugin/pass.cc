/* pass.cc -- the red-zone pass.

   Runs right after pro_and_epilogue on code compiled with -mno-red-zone.
   For an eligible leaf function whose prologue is

       push %rbp; [mov %rsp,%rbp;] push ...; sub $K,%rsp

   it deletes the `sub $K,%rsp' and every matching `add $K,%rsp', and moves
   the frame into the window [rsp-M-N, rsp-M) below the pushes.

   Offsets below are "entry-relative": E is %rsp at function entry (pointing
   at the return address), P the bytes pushed by the prologue.  The frame
   GCC laid out is F = [E-P-K, E-P).  The whole frame moves down by one shift
   S (S may be negative), chosen so that the bytes the function really
   touches land in the window and every access keeps its alignment modulo
   the largest alignment any of them claims.  Saved registers, the return
   address and incoming arguments (at or above E-P) do not move; only the
   base they are addressed from changes.

   With no gap (M = 0), a frame too big for the window is converted in
   part: nothing moves, the allocation shrinks by N and %rsp stops N bytes
   higher (plan_partial).

   Nothing is changed unless every use of %rsp (and of %rbp, when it is the
   frame pointer) is understood and every rewritten instruction is valid.  */

#include "redzone.h"

namespace {

/* One %rsp- or %rbp-based address in the function.  */
struct access
{
  rtx_insn *insn;
  rtx *loc;                     /* Where the MEM or address value sits.  */
  rtx mem;                      /* The MEM, or NULL for an address value.  */
  bool fp_based;                /* Base is the hard frame pointer.  */
  HOST_WIDE_INT e;              /* Entry-relative address of the base+disp.  */
  HOST_WIDE_INT size;           /* Bytes accessed; -1 if unknown.  */
  unsigned align;               /* Alignment the access needs, in bytes.  */
  bool exact;                   /* A MEM with no index register.  */
  bool in_frame;                /* Classified into F.  */
  bool ambiguous;               /* Could be in F or above it.  */
};

struct frame_scan
{
  HOST_WIDE_INT pushed;         /* P  */
  HOST_WIDE_INT k;              /* K  */
  bool has_fp;                  /* %rbp is the frame pointer.  */
  HOST_WIDE_INT fp_e;           /* Entry-relative value of %rbp.  */
  rtx_insn *alloc;
  auto_vec<rtx_insn *> deallocs;
  auto_vec<access> accesses;
  auto_vec<rtx_insn *> debug_resets;
  bool whole_frame;             /* An index or address value reaches F.  */
  bool ambiguous;               /* Some access could be in F or above.  */
  bool partial_no_gain;         /* A partial frame would not be smaller.  */
  enum rz_reason fail;

  frame_scan () : pushed (0), k (0), has_fp (false), fp_e (0), alloc (NULL),
                  whole_frame (false), ambiguous (false),
                  partial_no_gain (false), fail (RZ_CONVERTED) {}

  /* Entry-relative address of %rsp in the body, before conversion.  */
  HOST_WIDE_INT sp_e () const { return -pushed - k; }
  HOST_WIDE_INT frame_lo () const { return -pushed - k; }
  HOST_WIDE_INT frame_hi () const { return -pushed; }
};

/* Registers are compared by number: a register variable bound to "rsp"
   (Linux's current_stack_pointer) is a REG rtx of its own, not
   stack_pointer_rtx, and it is the stack pointer all the same.  */
bool
same_reg_p (const_rtx x, const_rtx reg)
{
  return REG_P (x) && REGNO (x) == REGNO (reg);
}

bool
sp_p (const_rtx x)
{
  return same_reg_p (x, stack_pointer_rtx);
}

bool
fp_p (const_rtx x)
{
  return same_reg_p (x, hard_frame_pointer_rtx);
}

/* (set sp (plus sp (const_int C))), alone or as the first element of the
   x86 PARALLEL that also clobbers the flags and memory.  */
bool
sp_adjust_p (rtx pat, HOST_WIDE_INT *c)
{
  if (GET_CODE (pat) == PARALLEL)
    pat = XVECEXP (pat, 0, 0);
  if (GET_CODE (pat) != SET || !sp_p (SET_DEST (pat)))
    return false;
  rtx src = SET_SRC (pat);
  if (GET_CODE (src) != PLUS || !sp_p (XEXP (src, 0))
      || !CONST_INT_P (XEXP (src, 1)))
    return false;
  *c = INTVAL (XEXP (src, 1));
  return true;
}

/* (set (mem (pre_dec sp)) (reg)): a push.  */
bool
push_p (rtx pat)
{
  if (GET_CODE (pat) != SET || !MEM_P (SET_DEST (pat)))
    return false;
  rtx a = XEXP (SET_DEST (pat), 0);
  return GET_CODE (a) == PRE_DEC && sp_p (XEXP (a, 0))
         && GET_MODE (SET_DEST (pat)) == DImode && REG_P (SET_SRC (pat));
}

/* Split an address into base + index terms + constant.  Returns false when
   BASE appears other than once as a plain term.  */
bool
decompose (rtx addr, rtx base, HOST_WIDE_INT *disp, bool *indexed, int *nbase)
{
  switch (GET_CODE (addr))
    {
    case PLUS:
      return decompose (XEXP (addr, 0), base, disp, indexed, nbase)
             && decompose (XEXP (addr, 1), base, disp, indexed, nbase);
    case CONST_INT:
      *disp += INTVAL (addr);
      return true;
    case REG:
      if (same_reg_p (addr, base))
        ++*nbase;
      else if (sp_p (addr) || fp_p (addr))
        return false;
      else
        *indexed = true;
      return true;
    case MULT:
    case ASHIFT:
      if (reg_mentioned_p (stack_pointer_rtx, addr)
          || reg_mentioned_p (hard_frame_pointer_rtx, addr))
        return false;
      *indexed = true;
      return true;
    default:
      return !reg_mentioned_p (stack_pointer_rtx, addr)
             && !reg_mentioned_p (hard_frame_pointer_rtx, addr)
             && (*indexed = true);
    }
}

bool
mentions_base_p (rtx x, bool has_fp)
{
  return reg_mentioned_p (stack_pointer_rtx, x)
         || (has_fp && reg_mentioned_p (hard_frame_pointer_rtx, x));
}

/* Is REG a term of the sum X (not looking inside MEMs)?  */
bool
plus_has_term_p (rtx x, rtx reg)
{
  switch (GET_CODE (x))
    {
    case PLUS:
      return plus_has_term_p (XEXP (x, 0), reg)
             || plus_has_term_p (XEXP (x, 1), reg);
    case MULT:
    case ASHIFT:
      return same_reg_p (XEXP (x, 0), reg);
    default:
      return same_reg_p (x, reg);
    }
}

class scanner
{
public:
  scanner (frame_scan &f) : f (f) {}
  void scan_insn (rtx_insn *insn);
  bool after_epilogue_sp;       /* %rsp was already restored in this block.  */

private:
  frame_scan &f;
  rtx_insn *insn;
  bool debug;

  void fail (enum rz_reason r)
  {
    if (debug)
      f.debug_resets.safe_push (insn);
    else if (f.fail == RZ_CONVERTED)
      {
        f.fail = r;
        if (dump_file)
          {
            fprintf (dump_file, "redzone: %s at:\n", rz_reason_token (r));
            print_rtl_single (dump_file, insn);
          }
      }
  }
  bool based_p (rtx x, bool *fp_based);
  void record (rtx *loc, rtx addr, rtx mem);
  void walk (rtx *loc);
};

/* Does X mention the stack pointer, or the frame pointer when it is one?  */
bool
scanner::based_p (rtx x, bool *fp_based)
{
  if (reg_mentioned_p (stack_pointer_rtx, x))
    {
      *fp_based = false;
      return true;
    }
  if (f.has_fp && reg_mentioned_p (hard_frame_pointer_rtx, x))
    {
      *fp_based = true;
      return true;
    }
  return false;
}

/* Record the address ADDR at *LOC; MEM is the memory it addresses, or NULL
   for an address value (lea, a copy of %rsp).  */
void
scanner::record (rtx *loc, rtx addr, rtx mem)
{
  bool fp_based;
  if (!based_p (addr, &fp_based))
    return;
  if (GET_CODE (addr) == PRE_DEC || GET_CODE (addr) == POST_INC
      || GET_CODE (addr) == PRE_INC || GET_CODE (addr) == POST_DEC
      || GET_CODE (addr) == PRE_MODIFY || GET_CODE (addr) == POST_MODIFY)
    {
      /* A push or pop in the body.  */
      fail (RZ_SP_USE);
      return;
    }
  if (!fp_based && after_epilogue_sp)
    {
      fail (RZ_EPILOGUE);
      return;
    }

  rtx base = fp_based ? hard_frame_pointer_rtx : stack_pointer_rtx;
  HOST_WIDE_INT disp = 0;
  bool indexed = false;
  int nbase = 0;
  if (!decompose (addr, base, &disp, &indexed, &nbase) || nbase != 1)
    {
      fail (RZ_SP_USE);
      return;
    }

  access a;
  a.insn = insn;
  a.loc = loc;
  a.mem = mem;
  a.fp_based = fp_based;
  a.e = disp + (fp_based ? f.fp_e : f.sp_e ());
  a.size = -1;
  a.align = 0;
  if (mem)
    {
      if (MEM_SIZE_KNOWN_P (mem))
        a.size = RZ_CONST (MEM_SIZE (mem));
      a.align = MEM_ALIGN (mem) / BITS_PER_UNIT;
    }
  a.exact = mem && !indexed && a.size > 0;
  /* An integer or scalar float access needs only its natural alignment,
     whatever its decl promises; vector and block accesses (movaps, rep
     movs) keep what MEM_ALIGN says.  If the frame's address escapes
     (whole_frame, below), the promise stands for everyone.  */
  if (a.exact)
    {
      machine_mode mode = GET_MODE (mem);
      if (mode != BLKmode && !VECTOR_MODE_P (mode)
          && known_lt (GET_MODE_SIZE (mode), 16))
        a.align = MIN (a.align, GET_MODE_ALIGNMENT (mode) / BITS_PER_UNIT);
    }

  /* Classify.  An exact access lies wholly in F or wholly above it.  An
     indexed access or an address value is taken to belong to F when its
     constant part is at most one past F's end (loop end pointers); below
     F nothing is addressable, so a constant part below F (x[i-1]) is
     still F's.  That is safe only when nothing above F can be addressed
     that way, i.e. when there are no incoming stack arguments.  */
  a.ambiguous = false;
  if (a.exact)
    {
      a.in_frame = a.e >= f.frame_lo () && a.e + a.size <= f.frame_hi ();
      a.ambiguous = !a.in_frame && a.e < f.frame_hi ();
    }
  else
    {
      /* Through the frame pointer, one past F's end is where %rbp points
         when it is set after the last push: %rbp's own value (the frame
         address, which an unwinder follows to the saved %rbp) and an end
         pointer of the topmost array look the same, and only the second
         may move.  */
      HOST_WIDE_INT end = fp_based ? f.frame_hi () - 1 : f.frame_hi ();
      a.in_frame = a.e <= end
                   && known_eq (crtl->args.size, 0) && !cfun->stdarg;
      a.ambiguous = !a.in_frame;
      if (!debug)
        f.whole_frame = true;
    }
  /* An ambiguous access rules out moving the frame (a partial conversion,
     which moves nothing, is still possible).  */
  if (a.ambiguous && !debug)
    f.ambiguous = true;
  if (debug)
    {
      /* Debug insns follow the code; they never decide it.  */
      a.align = 0;
      a.exact = false;
    }
  f.accesses.safe_push (a);
}

void
scanner::walk (rtx *loc)
{
  rtx x = *loc;
  if (x == NULL_RTX)
    return;
  switch (GET_CODE (x))
    {
    case MEM:
      record (loc, XEXP (x, 0), x);
      /* The address may itself contain memory (never with sp, but walk it
         for other MEMs).  */
      return;
    case REG:
      if (sp_p (x) || (f.has_fp && fp_p (x)))
        record (loc, x, NULL_RTX);
      return;
    case PLUS:
      /* An address computed as a value (lea).  Sums that merely contain a
         frame MEM, like (plus (mem (plus sp 8)) r12), are walked below.  */
      if (plus_has_term_p (x, stack_pointer_rtx)
          || (f.has_fp && plus_has_term_p (x, hard_frame_pointer_rtx)))
        {
          record (loc, x, NULL_RTX);
          return;
        }
      break;
    case ASM_OPERANDS:
      if (rz_opts.asm_policy == RZ_ASM_DENY
          && rz_asm_touches_stack (ASM_OPERANDS_TEMPLATE (x)))
        {
          fail (RZ_ASM);
          return;
        }
      for (int i = 0; i < ASM_OPERANDS_INPUT_LENGTH (x); i++)
        {
          rtx in = ASM_OPERANDS_INPUT (x, i);
          /* %rsp itself as an operand: the asm sees the stack pointer.  */
          if (sp_p (in))
            {
              if (rz_opts.asm_policy == RZ_ASM_DENY)
                fail (RZ_ASM);
              continue;
            }
          walk (&ASM_OPERANDS_INPUT (x, i));
        }
      return;
    case ASM_INPUT:
      if (rz_opts.asm_policy == RZ_ASM_DENY
          && rz_asm_touches_stack (XSTR (x, 0)))
        fail (RZ_ASM);
      return;
    case SET:
      if (sp_p (SET_DEST (x)))
        {
          /* Only the epilogue may set %rsp: handled by scan_insn.  An asm
             with %rsp as an output ("+r" (current_stack_pointer), Linux's
             ASM_CALL_CONSTRAINT) says it may move it: under deny, that is
             an asm that touches the stack.  */
          fail (GET_CODE (SET_SRC (x)) == ASM_OPERANDS
                && rz_opts.asm_policy == RZ_ASM_DENY ? RZ_ASM : RZ_SP_USE);
          return;
        }
      break;
    case CLOBBER:
      if (sp_p (XEXP (x, 0)))
        fail (RZ_SP_USE);
      return;
    default:
      break;
    }

  const char *fmt = GET_RTX_FORMAT (GET_CODE (x));
  for (int i = 0; i < GET_RTX_LENGTH (GET_CODE (x)); i++)
    if (fmt[i] == 'e')
      walk (&XEXP (x, i));
    else if (fmt[i] == 'E')
      for (int j = 0; j < XVECLEN (x, i); j++)
        walk (&XVECEXP (x, i, j));
}

/* True for the epilogue's ways of restoring %rsp that do not depend on K:
   `leave' and `lea C(%rbp),%rsp'.  */
bool
sp_from_fp_p (rtx pat, bool has_fp, HOST_WIDE_INT *c = NULL)
{
  if (GET_CODE (pat) == PARALLEL)
    pat = XVECEXP (pat, 0, 0);
  if (!has_fp || GET_CODE (pat) != SET || !sp_p (SET_DEST (pat)))
    return false;
  rtx src = SET_SRC (pat);
  HOST_WIDE_INT k = 0;
  if (GET_CODE (src) == PLUS && CONST_INT_P (XEXP (src, 1)))
    {
      k = INTVAL (XEXP (src, 1));
      src = XEXP (src, 0);
    }
  if (!fp_p (src))
    return false;
  if (c)
    *c = k;
  return true;
}

/* A pop: (set (reg) (mem (post_inc sp))).  */
bool
pop_p (rtx pat)
{
  if (GET_CODE (pat) != SET || !REG_P (SET_DEST (pat))
      || !MEM_P (SET_SRC (pat)))
    return false;
  rtx a = XEXP (SET_SRC (pat), 0);
  return GET_CODE (a) == POST_INC && sp_p (XEXP (a, 0));
}

void
scanner::scan_insn (rtx_insn *i)
{
  insn = i;
  debug = DEBUG_INSN_P (i);
  rtx pat = PATTERN (i);
  HOST_WIDE_INT c;

  if (debug)
    {
      if (DEBUG_BIND_INSN_P (i))
        walk (&INSN_VAR_LOCATION_LOC (i));
      return;
    }

  if (sp_adjust_p (pat, &c))
    {
      if (c != f.k || after_epilogue_sp)
        fail (RZ_EPILOGUE);
      else
        f.deallocs.safe_push (i);
      after_epilogue_sp = true;
      return;
    }
  if (sp_from_fp_p (pat, f.has_fp))
    {
      /* `leave' also reloads %rbp from (%rbp): that is above F.  */
      after_epilogue_sp = true;
      if (GET_CODE (pat) == PARALLEL)
        for (int j = 1; j < XVECLEN (pat, 0); j++)
          {
            rtx s = XVECEXP (pat, 0, j);
            if (GET_CODE (s) == SET && MEM_P (SET_SRC (s))
                && !fp_p (XEXP (SET_SRC (s), 0)))
              fail (RZ_EPILOGUE);
          }
      return;
    }
  if (pop_p (pat))
    {
      if (!after_epilogue_sp)
        fail (RZ_SP_USE);
      return;
    }
  /* A sibling call's stack arguments, described in its usage list, would
     need rewriting too: not handled.  */
  if (CALL_P (i) && CALL_INSN_FUNCTION_USAGE (i)
      && mentions_base_p (CALL_INSN_FUNCTION_USAGE (i), f.has_fp))
    {
      fail (RZ_SP_USE);
      return;
    }
  /* Register restores by mov are frame-related; they are ordinary
     accesses above F.  Other frame-related insns (saves by mov, probes)
     are not understood.  */
  if (RTX_FRAME_RELATED_P (i)
      && !(GET_CODE (pat) == SET && REG_P (SET_DEST (pat))
           && MEM_P (SET_SRC (pat))))
    {
      fail (RZ_EPILOGUE);
      return;
    }
  walk (&PATTERN (i));
}

/* Where the prologue starts.  Without shrink-wrapping, at the function's
   start.  Shrink-wrapped, it is the start of the block that ends with the
   prologue, which may be laid out after blocks of the body.  */
rtx_insn *
prologue_start (void)
{
  if (!crtl->shrink_wrapped)
    return get_insns ();
  rtx_insn *end;
  for (end = get_insns (); end; end = NEXT_INSN (end))
    if (NOTE_P (end) && NOTE_KIND (end) == NOTE_INSN_PROLOGUE_END)
      break;
  if (!end)
    return NULL;
  rtx_insn *start = end;
  while (PREV_INSN (start) && !LABEL_P (PREV_INSN (start))
         && !NOTE_INSN_BASIC_BLOCK_P (PREV_INSN (start))
         && !BARRIER_P (PREV_INSN (start)))
    start = PREV_INSN (start);
  return start;
}

/* Scan the prologue: pushes, the frame pointer set-up, one allocation.  */
rtx_insn *
scan_prologue (frame_scan &f)
{
  rtx_insn *insn;
  for (insn = prologue_start (); insn; insn = NEXT_INSN (insn))
    {
      if (NOTE_P (insn) && NOTE_KIND (insn) == NOTE_INSN_PROLOGUE_END)
        return insn;
      if (!NONDEBUG_INSN_P (insn))
        continue;
      rtx pat = PATTERN (insn);
      HOST_WIDE_INT c;
      if (push_p (pat) && !f.alloc)
        f.pushed += UNITS_PER_WORD;
      else if (GET_CODE (pat) == SET
               && fp_p (SET_DEST (pat))
               && sp_p (SET_SRC (pat)) && !f.alloc && !f.has_fp)
        {
          f.has_fp = true;
          f.fp_e = -f.pushed;
        }
      else if (sp_adjust_p (pat, &c) && c < 0 && !f.alloc)
        {
          f.k = -c;
          f.alloc = insn;
        }
      else if (RTX_FRAME_RELATED_P (insn)
               || reg_mentioned_p (stack_pointer_rtx, pat)
               || reg_mentioned_p (hard_frame_pointer_rtx, pat))
        {
          f.fail = RZ_PROLOGUE;
          return NULL;
        }
    }
  /* No prologue note: there is no prologue.  */
  return NULL;
}

/* Round X up to a multiple of A (a power of two); X may be negative.  */
HOST_WIDE_INT
rz_round_up (HOST_WIDE_INT x, HOST_WIDE_INT a)
{
  return -((-x) & -a);
}


/* Debug info for variables that var-tracking does not follow (arrays,
   volatiles, everything at -O0) is computed from DECL_RTL, a soft frame
   pointer address, through LRA's elimination offsets, which our pass cannot
   update.  The frame moved down by SH, so move those addresses with it.  */
void
relocate_decl (tree decl, HOST_WIDE_INT sh, hash_set<tree> &done)
{
  if (!(VAR_P (decl) || TREE_CODE (decl) == PARM_DECL)
      || !DECL_RTL_SET_P (decl) || done.add (decl))
    return;
  rtx mem = DECL_RTL (decl);
  if (!MEM_P (mem))
    return;
  rtx a = XEXP (mem, 0);
  if (GET_CODE (a) == PLUS && CONST_INT_P (XEXP (a, 1)))
    a = XEXP (a, 0);
  if (a != frame_pointer_rtx)
    return;
  SET_DECL_RTL (decl, adjust_address_nv (mem, GET_MODE (mem), -sh));
}

void
relocate_block (tree block, HOST_WIDE_INT sh, hash_set<tree> &done)
{
  for (; block; block = BLOCK_CHAIN (block))
    {
      for (tree v = BLOCK_VARS (block); v; v = DECL_CHAIN (v))
        relocate_decl (v, sh, done);
      relocate_block (BLOCK_SUBBLOCKS (block), sh, done);
    }
}

void
relocate_decl_rtl (HOST_WIDE_INT sh)
{
  hash_set<tree> done;
  unsigned ix;
  tree var;
  FOR_EACH_LOCAL_DECL (cfun, ix, var)
    relocate_decl (var, sh, done);
  for (tree p = DECL_ARGUMENTS (current_function_decl); p; p = DECL_CHAIN (p))
    relocate_decl (p, sh, done);
  relocate_block (DECL_INITIAL (current_function_decl), sh, done);
}

/* How a function is converted.  */
struct plan
{
  bool moved;                   /* The frame moves (else only %rsp does).  */
  HOST_WIDE_INT shift;          /* The frame moves down by this much.  */
  HOST_WIDE_INT removed;        /* Bytes of the allocation removed (K: all).  */
  unsigned align;               /* Alignment every moved address keeps.  */
  HOST_WIDE_INT lo, hi;         /* Where the used frame ends up, rsp-relative.  */
  HOST_WIDE_INT depth;          /* The window's top bytes the frame avoids
                                   (rz_transient_depth).  */
};

/* Move the whole frame into the window and remove the allocation.  */
bool
plan_move (frame_scan &f, plan *p)
{
  if (f.ambiguous)
    return false;

  /* The used part of F, and the alignment it must keep.  */
  HOST_WIDE_INT ulo = f.frame_hi (), uhi = f.frame_lo ();
  unsigned align = 1;
  if (f.whole_frame)
    {
      ulo = f.frame_lo ();
      uhi = f.frame_hi ();
      align = MAX (align, crtl->stack_alignment_needed / BITS_PER_UNIT);
    }
  for (const access &a : f.accesses)
    if (a.in_frame && a.exact)
      {
        ulo = MIN (ulo, a.e);
        uhi = MAX (uhi, a.e + a.size);
      }
  for (const access &a : f.accesses)
    if (a.in_frame)
      align = MAX (align, a.align);
  if (ulo >= uhi)
    ulo = uhi = f.frame_hi ();  /* F is allocated but never touched.  */

  /* Smallest shift that puts the used part just below the gap while keeping
     every address's residue modulo ALIGN.  */
  HOST_WIDE_INT window_hi = -f.pushed - rz_opts.offset - p->depth;
  HOST_WIDE_INT window_lo = -f.pushed - rz_opts.offset - rz_opts.size;
  HOST_WIDE_INT sh = rz_round_up (uhi - window_hi, align);
  if (ulo - sh < window_lo)
    return false;
  p->moved = true;
  p->shift = sh;
  p->removed = f.k;
  p->align = align;
  p->lo = ulo - sh + f.pushed;
  p->hi = uhi - sh + f.pushed;
  return true;
}

/* Bytes of a signed field that x86 encodes in one byte or four: an
   immediate, or a displacement.  */
int
field_bytes (HOST_WIDE_INT c)
{
  return IN_RANGE (c, -128, 127) ? 1 : 4;
}

/* Bytes of the displacement of an %rsp-based address: none for 0 (SIB with
   no displacement).  A %rbp-based address always has one (field_bytes).  */
int
sp_disp_bytes (HOST_WIDE_INT disp)
{
  return disp == 0 ? 0 : field_bytes (disp);
}

/* How far plan P moves the displacement of access A: a frame address moves
   with the frame, and %rsp no longer moves down by the bytes removed from
   the allocation.  */
HOST_WIDE_INT
access_delta (const access &a, const plan &p)
{
  HOST_WIDE_INT delta = a.in_frame && p.moved ? -p.shift : 0;
  if (!a.fp_based)
    delta -= p.removed;
  return delta;
}

/* Estimated change in code bytes for plan P: every rewritten displacement,
   a copy of %rsp that becomes an lea, and the adjustments that go or
   shrink.  */
HOST_WIDE_INT
plan_bytes (frame_scan &f, const plan &p)
{
  HOST_WIDE_INT bytes = 0;
  for (const access &a : f.accesses)
    {
      if (DEBUG_INSN_P (a.insn))
        continue;
      HOST_WIDE_INT delta = access_delta (a, p);
      HOST_WIDE_INT disp = a.e - (a.fp_based ? f.fp_e : f.sp_e ());
      if (a.fp_based)
        bytes += field_bytes (disp + delta) - field_bytes (disp);
      else if (!a.mem && sp_p (*a.loc))
        bytes += delta != 0 ? 2 : 0;  /* mov %rsp,%reg -> lea  */
      else
        bytes += sp_disp_bytes (disp + delta) - sp_disp_bytes (disp);
    }
  /* `sub/add $imm,%rsp' is REX.W, opcode, ModRM and the immediate.  */
  int adjusts = 1 + f.deallocs.length ();
  if (p.removed == f.k)
    bytes -= adjusts * (3 + field_bytes (f.k));
  else
    bytes += adjusts * (field_bytes (f.k - p.removed) - field_bytes (f.k));
  return bytes;
}

/* With no gap (M = 0) a frame too big for the window can keep its lowest N
   bytes below %rsp and allocate only the rest, as GCC's own 128-byte zone
   does.  Nothing moves; %rsp just stops N bytes higher.  (With a gap, the
   frame would have to be split around it.)  The allocation stays, so the
   function runs the same instructions: do it only when the code gets
   smaller, typically when the allocation's immediate drops below 128.  */
bool
plan_partial (frame_scan &f, plan *p)
{
  if (rz_opts.offset != 0 || p->depth != 0)
    return false;
  HOST_WIDE_INT d = MIN (f.k, (HOST_WIDE_INT) rz_opts.size) & -8;
  if (d == 0)
    return false;
  p->moved = false;
  p->shift = 0;
  p->removed = d;
  p->align = 0;
  p->lo = -d;
  p->hi = f.k - d;
  if (plan_bytes (f, *p) >= 0)
    {
      f.partial_no_gain = true;
      return false;
    }
  return true;
}

/* Change the constant of an allocation or deallocation from +-K to +-(K-D),
   in the pattern and in a CFA note that repeats it.  */
void
shrink_adjust (rtx_insn *insn, HOST_WIDE_INT d)
{
  rtx pat = PATTERN (insn);
  rtx set = GET_CODE (pat) == PARALLEL ? XVECEXP (pat, 0, 0) : pat;
  HOST_WIDE_INT c = INTVAL (XEXP (SET_SRC (set), 1));
  HOST_WIDE_INT nc = c < 0 ? c + d : c - d;
  XEXP (SET_SRC (set), 1) = GEN_INT (nc);
  rtx note = find_reg_note (insn, REG_CFA_ADJUST_CFA, NULL_RTX);
  if (note && GET_CODE (XEXP (note, 0)) == SET
      && GET_CODE (SET_SRC (XEXP (note, 0))) == PLUS
      && CONST_INT_P (XEXP (SET_SRC (XEXP (note, 0)), 1))
      && INTVAL (XEXP (SET_SRC (XEXP (note, 0)), 1)) == c)
    XEXP (SET_SRC (XEXP (note, 0)), 1) = GEN_INT (nc);
  df_insn_rescan (insn);
}

/* Rewrite every access for plan P as one group of changes; false, with
   nothing changed, if some rewritten insn is not valid.  */
bool
rewrite (frame_scan &f, const plan &p)
{
  /* Every access keeps its place unless the frame moves; its base %rsp
     no longer moves down by the bytes removed from the allocation.  A moved
     address keeps its residue modulo ALIGN, so a frame MEM is now aligned
     to min (MEM_ALIGN, ALIGN): say so, so that final never picks movaps for
     a slot that lost its alignment.  */
  for (const access &a : f.accesses)
    {
      if (a.ambiguous && p.moved)
        {
          /* Only debug insns get here (plan_move): drop their location.  */
          f.debug_resets.safe_push (a.insn);
          continue;
        }
      HOST_WIDE_INT delta = access_delta (a, p);
      if (!a.mem)
        {
          if (delta != 0)
            validate_change (a.insn, a.loc,
                             plus_constant (Pmode, copy_rtx (*a.loc), delta),
                             1);
          continue;
        }
      unsigned new_align = MEM_ALIGN (a.mem);
      if (a.in_frame && p.moved && !DEBUG_INSN_P (a.insn))
        new_align = MIN (new_align, p.align * BITS_PER_UNIT);
      if (delta == 0 && new_align == MEM_ALIGN (a.mem))
        continue;
      rtx addr = plus_constant (Pmode, copy_rtx (XEXP (a.mem, 0)), delta);
      rtx n = replace_equiv_address_nv (a.mem, addr);
      set_mem_align (n, new_align);
      validate_change (a.insn, a.loc, n, 1);
    }
  return apply_change_group ();
}

/* After a successful rewrite: notes, debug insns, the allocation itself,
   and DECL_RTL.  */
void
finish (frame_scan &f, const plan &p)
{
  /* Notes that describe old addresses are optional: drop them.  */
  for (rtx_insn *insn = get_insns (); insn; insn = NEXT_INSN (insn))
    if (INSN_P (insn))
      for (enum reg_note kind : { REG_EQUAL, REG_EQUIV })
        {
          rtx note = find_reg_note (insn, kind, NULL_RTX);
          if (note && mentions_base_p (XEXP (note, 0), f.has_fp))
            remove_note (insn, note);
        }
  for (rtx_insn *d : f.debug_resets)
    if (DEBUG_BIND_INSN_P (d))
      INSN_VAR_LOCATION_LOC (d) = gen_rtx_UNKNOWN_VAR_LOC ();

  if (p.removed == f.k)
    {
      /* The allocation and deallocations go; each leaves a memory barrier
         so that no frame access is scheduled across the pushes or pops.  */
      emit_insn_before (gen_memory_blockage (), f.alloc);
      delete_insn (f.alloc);
      for (rtx_insn *d : f.deallocs)
        {
          emit_insn_before (gen_memory_blockage (), d);
          delete_insn (d);
        }
    }
  else
    {
      shrink_adjust (f.alloc, p.removed);
      for (rtx_insn *d : f.deallocs)
        shrink_adjust (d, p.removed);
    }

  if (p.moved)
    relocate_decl_rtl (p.shift);
}
/* Place the scanned frame and rewrite the function.  */
enum rz_reason
plan_and_rewrite (frame_scan &f, plan *p)
{
  bool moved = plan_move (f, p);
  /* Moving the frame always removes two instructions, but deep slots may
     need four-byte displacements: when optimizing for size, only if the
     code does not grow.  */
  bool grows = moved && optimize_function_for_size_p (cfun)
               && plan_bytes (f, *p) > 0;
  if ((!moved || grows) && !plan_partial (f, p))
    return (grows ? RZ_SIZE_NO_GAIN
            : f.ambiguous ? RZ_AMBIGUOUS
            : f.partial_no_gain ? RZ_PARTIAL_NO_GAIN : RZ_TOO_BIG);
  if (!rewrite (f, *p))
    return RZ_INVALID;
  finish (f, *p);
  return RZ_CONVERTED;
}

/* --- shrink-wrapped prologues ------------------------------------------

   Shrink-wrapping puts the prologue on the paths that need it, so blocks
   laid out after it may run with the frame not (or no longer) allocated.
   Conversion changes %rsp only where the frame is allocated; elsewhere %rsp
   is the same before and after, and nothing there needs rewriting.  So
   compute %rsp (entry-relative) at the start of every block, and scan only
   the insns that run with the frame allocated.  */

const HOST_WIDE_INT SP_UNKNOWN = HOST_WIDE_INT_MIN;

/* Advance the entry-relative %rsp *S over INSN; false if INSN changes %rsp
   in a way not understood.  */
bool
sp_step (const frame_scan &f, rtx_insn *insn, HOST_WIDE_INT *s)
{
  if (!NONDEBUG_INSN_P (insn))
    return true;
  rtx pat = PATTERN (insn);
  HOST_WIDE_INT c;
  if (push_p (pat))
    *s -= UNITS_PER_WORD;
  else if (pop_p (pat))
    *s += UNITS_PER_WORD;
  else if (sp_adjust_p (pat, &c))
    *s += c;
  else if (sp_from_fp_p (pat, f.has_fp, &c))
    *s = f.fp_e + c;            /* leave, or lea C(%rbp),%rsp  */
  else if (reg_set_p (stack_pointer_rtx, insn))
    return false;
  return true;
}

/* Outside the code that runs with the frame allocated, the frame pointer
   may only be saved, set up and restored: nothing there is rewritten.  */
bool
fp_bookkeeping_p (rtx pat)
{
  return push_p (pat) || pop_p (pat)
         || (GET_CODE (pat) == SET && fp_p (SET_DEST (pat))
             && sp_p (SET_SRC (pat)));
}

/* Fill SP_IN[bb->index] with %rsp at the start of each reachable block;
   false unless it is the same on every path into each block.  */
bool
sp_at_blocks (const frame_scan &f, vec<HOST_WIDE_INT> &sp_in)
{
  sp_in.safe_grow (last_basic_block_for_fn (cfun));
  for (unsigned i = 0; i < sp_in.length (); i++)
    sp_in[i] = SP_UNKNOWN;
  auto_vec<basic_block> work;
  edge e;
  edge_iterator ei;
  FOR_EACH_EDGE (e, ei, ENTRY_BLOCK_PTR_FOR_FN (cfun)->succs)
    if (e->dest != EXIT_BLOCK_PTR_FOR_FN (cfun))
      {
        sp_in[e->dest->index] = 0;
        work.safe_push (e->dest);
      }
  while (!work.is_empty ())
    {
      basic_block bb = work.pop ();
      HOST_WIDE_INT s = sp_in[bb->index];
      rtx_insn *insn;
      FOR_BB_INSNS (bb, insn)
        if (!sp_step (f, insn, &s))
          return false;
      FOR_EACH_EDGE (e, ei, bb->succs)
        {
          if (e->dest == EXIT_BLOCK_PTR_FOR_FN (cfun))
            continue;
          HOST_WIDE_INT &d = sp_in[e->dest->index];
          if (d == SP_UNKNOWN)
            {
              d = s;
              work.safe_push (e->dest);
            }
          else if (d != s)
            return false;
        }
    }
  return true;
}

/* Scan a shrink-wrapped function's insns that run with the frame
   allocated.  */
void
scan_wrapped (frame_scan &f, scanner &sc, vec<HOST_WIDE_INT> &sp_in)
{
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    {
      HOST_WIDE_INT s = sp_in[bb->index];
      rtx_insn *insn;
      sc.after_epilogue_sp = false;
      FOR_BB_INSNS (bb, insn)
        {
          if (!INSN_P (insn))
            continue;
          if (s == f.sp_e ())
            sc.scan_insn (insn);
          else if (DEBUG_INSN_P (insn))
            {
              if (mentions_base_p (PATTERN (insn), f.has_fp))
                f.debug_resets.safe_push (insn);
            }
          else if (f.has_fp && !fp_bookkeeping_p (PATTERN (insn))
                   && reg_mentioned_p (hard_frame_pointer_rtx, PATTERN (insn)))
            f.fail = RZ_SHRINK_WRAPPED;
          /* Only the one allocation (deleted) may move %rsp out there
             besides pushes and pops: a second would stay.  */
          else if (insn != f.alloc && !push_p (PATTERN (insn))
                   && !pop_p (PATTERN (insn))
                   && reg_set_p (stack_pointer_rtx, insn))
            f.fail = RZ_SHRINK_WRAPPED;
          if (f.fail != RZ_CONVERTED)
            return;
          sp_step (f, insn, &s);
        }
    }
}

/* Convert the current function if it is eligible; return why not.  */
enum rz_reason
convert (frame_scan &f, plan *p)
{
  rtx_insn *body = scan_prologue (f);
  enum rz_reason r = rz_check_function ();
  if (r != RZ_CONVERTED)
    return r;
  if (f.fail != RZ_CONVERTED)
    return f.fail;
  if (f.k == 0 || body == NULL)
    return RZ_NO_FRAME;
  p->depth = rz_transient_depth ();

  scanner s (f);
  if (crtl->shrink_wrapped)
    {
      auto_vec<HOST_WIDE_INT> sp_in;
      if (!sp_at_blocks (f, sp_in))
        return RZ_SHRINK_WRAPPED;
      scan_wrapped (f, s, sp_in);
      if (f.fail != RZ_CONVERTED)
        return f.fail;
      return plan_and_rewrite (f, p);
    }
  /* Walk the insns in order: everything after the prologue note.  */
  bool in_body = false;
  for (rtx_insn *insn = get_insns (); insn; insn = NEXT_INSN (insn))
    {
      if (insn == body)
        {
          in_body = true;
          s.after_epilogue_sp = false;
          continue;
        }
      if (NOTE_P (insn) && NOTE_KIND (insn) == NOTE_INSN_BASIC_BLOCK)
        s.after_epilogue_sp = false;
      if (!in_body)
        {
          /* Debug insns before the prologue end see %rsp at entry.  */
          if (DEBUG_INSN_P (insn)
              && mentions_base_p (PATTERN (insn), true))
            f.debug_resets.safe_push (insn);
          continue;
        }
      if (INSN_P (insn))
        s.scan_insn (insn);
      if (f.fail != RZ_CONVERTED)
        return f.fail;
    }
  return plan_and_rewrite (f, p);
}

/* --- after pro_and_epilogue: the conversion ---------------------------- */

const pass_data redzone_pass_data = {
  RTL_PASS,                     /* type */
  "redzone",                    /* name */
  OPTGROUP_NONE,                /* optinfo_flags */
  TV_NONE,                      /* tv_id */
  PROP_rtl,                     /* properties_required */
  0, 0, 0, 0,
};

class pass_redzone : public rtl_opt_pass
{
public:
  pass_redzone (gcc::context *ctxt)
    : rtl_opt_pass (redzone_pass_data, ctxt) {}
  bool gate (function *) final override { return rz_opts.size > 0; }
  unsigned int execute (function *) final override;
};

unsigned int
pass_redzone::execute (function *)
{
  if (!rz_check_function_settings ())
    return 0;
  frame_scan f;
  plan p;
  enum rz_reason r = convert (f, &p);
  const char *name
    = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (current_function_decl));

  if (r == RZ_CONVERTED)
    {
      rz_report ("function=%s status=converted frame=%ld used=%ld lo=%ld "
                 "hi=%ld alloc=%ld depth=%ld", name, (long) f.k,
                 (long) (p.hi - p.lo), (long) p.lo, (long) p.hi,
                 (long) (f.k - p.removed), (long) p.depth);
      if (dump_file)
        fprintf (dump_file, "redzone: %s converted, frame %ld, shift %ld, "
                 "[%ld,%ld), still allocated %ld\n", name, (long) f.k,
                 (long) p.shift, (long) p.lo, (long) p.hi,
                 (long) (f.k - p.removed));
    }
  else
    {
      rz_report ("function=%s status=unchanged frame=%ld reason=%s", name,
                 (long) f.k, rz_reason_token (r));
      if (dump_file)
        fprintf (dump_file, "redzone: %s unchanged: %s\n", name,
                 rz_reason_text (r));
    }
  return 0;
}

} // anon namespace

opt_pass *
rz_make_pass (gcc::context *ctxt)
{
  return new pass_redzone (ctxt);
}
