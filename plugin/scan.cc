/* SPDX-License-Identifier: GPL-3.0-or-later */
/* scan.cc -- the first stage: read the prologue, then every use of %rsp,
   and of %rbp when it is the frame pointer, in the body.  Each address is
   recorded as an rz_access, classified into the frame or above it;
   anything not understood refuses the function.  */

#include "frame.h"

void
frame_scan::refuse (enum rz_reason why, rtx_insn *insn)
{
  if (refused != RZ_CONVERTED)
    return;
  refused = why;
  if (dump_file)
    {
      fprintf (dump_file, "redzone: %s at:\n", rz_reason_token (why));
      if (insn)
        print_rtl_single (dump_file, insn);
    }
}

/* --- the prologue -------------------------------------------------------- */

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
      if (push_p (pat) && !f.alloc_insn)
        f.pushed += UNITS_PER_WORD;
      else if (GET_CODE (pat) == SET
               && fp_p (SET_DEST (pat))
               && sp_p (SET_SRC (pat)) && !f.alloc_insn && !f.has_fp)
        {
          f.has_fp = true;
          f.fp_offset = -f.pushed;
        }
      else if (sp_adjust_p (pat, &c) && c < 0 && !f.alloc_insn)
        {
          f.frame_size = -c;
          f.alloc_insn = insn;
        }
      else if (RTX_FRAME_RELATED_P (insn)
               || reg_mentioned_p (stack_pointer_rtx, pat)
               || reg_mentioned_p (hard_frame_pointer_rtx, pat))
        {
          f.refuse (RZ_PROLOGUE, insn);
          return NULL;
        }
    }
  /* No prologue note: there is no prologue.  */
  return NULL;
}

/* --- the body ------------------------------------------------------------ */

/* A debug insn never decides the code: what it does not explain only costs
   it its location.  */
void
body_scanner::refuse (enum rz_reason why)
{
  if (debug)
    f.debug_resets.safe_push (insn);
  else
    f.refuse (why, insn);
}

/* Does X mention the stack pointer, or the frame pointer when it is one?  */
bool
body_scanner::based_p (rtx x, bool *fp_based)
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
body_scanner::record (rtx *loc, rtx addr, rtx mem)
{
  bool fp_based;
  if (!based_p (addr, &fp_based))
    return;
  if (GET_CODE (addr) == PRE_DEC || GET_CODE (addr) == POST_INC
      || GET_CODE (addr) == PRE_INC || GET_CODE (addr) == POST_DEC
      || GET_CODE (addr) == PRE_MODIFY || GET_CODE (addr) == POST_MODIFY)
    {
      /* A push or pop in the body.  */
      refuse (RZ_SP_USE);
      return;
    }
  if (!fp_based && after_epilogue_sp)
    {
      refuse (RZ_EPILOGUE);
      return;
    }

  rtx base = fp_based ? hard_frame_pointer_rtx : stack_pointer_rtx;
  HOST_WIDE_INT disp = 0;
  bool indexed = false;
  int nbase = 0;
  if (!decompose (addr, base, &disp, &indexed, &nbase) || nbase != 1)
    {
      refuse (RZ_SP_USE);
      return;
    }

  rz_access a;
  a.insn = insn;
  a.loc = loc;
  a.mem = mem;
  a.fp_based = fp_based;
  a.offset = disp + (fp_based ? f.fp_offset : f.body_sp ());
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
      a.in_frame = (a.offset >= f.frame_lo ()
                    && a.offset + a.size <= f.frame_hi ());
      a.ambiguous = !a.in_frame && a.offset < f.frame_hi ();
    }
  else
    {
      /* Through the frame pointer, one past F's end is where %rbp points
         when it is set after the last push: %rbp's own value (the frame
         address, which an unwinder follows to the saved %rbp) and an end
         pointer of the topmost array look the same, and only the second
         may move.  */
      HOST_WIDE_INT end = fp_based ? f.frame_hi () - 1 : f.frame_hi ();
      a.in_frame = a.offset <= end
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

/* Find every %rsp- and %rbp-based address in *START.  */
void
body_scanner::walk (rtx *start)
{
  subrtx_ptr_iterator::array_type array;
  FOR_EACH_SUBRTX_PTR (iter, array, start, ALL)
    {
      rtx *loc = *iter;
      rtx x = *loc;
      if (x == NULL_RTX)
        continue;
      switch (GET_CODE (x))
        {
        case MEM:
          record (loc, XEXP (x, 0), x);
          iter.skip_subrtxes ();
          break;
        case REG:
          if (sp_p (x) || (f.has_fp && fp_p (x)))
            record (loc, x, NULL_RTX);
          break;
        case PLUS:
          /* An address computed as a value (lea).  Sums that merely
             contain a frame MEM, like (plus (mem (plus sp 8)) r12), are
             walked into.  */
          if (plus_has_term_p (x, stack_pointer_rtx)
              || (f.has_fp && plus_has_term_p (x, hard_frame_pointer_rtx)))
            {
              record (loc, x, NULL_RTX);
              iter.skip_subrtxes ();
            }
          break;
        case ASM_OPERANDS:
          walk_asm (x);
          iter.skip_subrtxes ();
          break;
        case ASM_INPUT:
          if (rz_opts.asm_policy == RZ_ASM_DENY
              && rz_asm_touches_stack (XSTR (x, 0)))
            refuse (RZ_ASM);
          break;
        case SET:
          if (sp_p (SET_DEST (x)))
            {
              /* Only the epilogue may set %rsp: handled by scan_insn.  An
                 asm with %rsp as an output ("+r" (current_stack_pointer),
                 Linux's ASM_CALL_CONSTRAINT) says it may move it: under
                 deny, that is an asm that touches the stack.  */
              refuse (GET_CODE (SET_SRC (x)) == ASM_OPERANDS
                      && rz_opts.asm_policy == RZ_ASM_DENY
                      ? RZ_ASM : RZ_SP_USE);
              iter.skip_subrtxes ();
            }
          break;
        case CLOBBER:
          if (sp_p (XEXP (x, 0)))
            refuse (RZ_SP_USE);
          iter.skip_subrtxes ();
          break;
        default:
          break;
        }
    }
}

/* An asm: its template (asm.cc) and its inputs; memory operands are
   ordinary accesses.  */
void
body_scanner::walk_asm (rtx x)
{
  if (rz_opts.asm_policy == RZ_ASM_DENY
      && rz_asm_touches_stack (ASM_OPERANDS_TEMPLATE (x)))
    {
      refuse (RZ_ASM);
      return;
    }
  for (int i = 0; i < ASM_OPERANDS_INPUT_LENGTH (x); i++)
    {
      /* %rsp itself as an operand: the asm sees the stack pointer.  */
      if (sp_p (ASM_OPERANDS_INPUT (x, i)))
        {
          if (rz_opts.asm_policy == RZ_ASM_DENY)
            refuse (RZ_ASM);
          continue;
        }
      walk (&ASM_OPERANDS_INPUT (x, i));
    }
}

void
body_scanner::scan_insn (rtx_insn *i)
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
      if (c != f.frame_size || after_epilogue_sp)
        refuse (RZ_EPILOGUE);
      else
        f.dealloc_insns.safe_push (i);
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
            rtx set = XVECEXP (pat, 0, j);
            if (GET_CODE (set) == SET && MEM_P (SET_SRC (set))
                && !fp_p (XEXP (SET_SRC (set), 0)))
              refuse (RZ_EPILOGUE);
          }
      return;
    }
  if (pop_p (pat))
    {
      if (!after_epilogue_sp)
        refuse (RZ_SP_USE);
      return;
    }
  /* A sibling call's stack arguments, described in its usage list, would
     need rewriting too: not handled.  */
  if (CALL_P (i) && CALL_INSN_FUNCTION_USAGE (i)
      && mentions_base_p (CALL_INSN_FUNCTION_USAGE (i), f.has_fp))
    {
      refuse (RZ_SP_USE);
      return;
    }
  /* Register restores by mov are frame-related; they are ordinary
     accesses above F.  Other frame-related insns (saves by mov, probes)
     are not understood.  */
  if (RTX_FRAME_RELATED_P (i)
      && !(GET_CODE (pat) == SET && REG_P (SET_DEST (pat))
           && MEM_P (SET_SRC (pat))))
    {
      refuse (RZ_EPILOGUE);
      return;
    }
  walk (&PATTERN (i));
}

void
scan_body (frame_scan &f, rtx_insn *body)
{
  body_scanner scanner (f);
  bool in_body = false;
  for (rtx_insn *insn = get_insns (); insn; insn = NEXT_INSN (insn))
    {
      if (insn == body)
        {
          in_body = true;
          scanner.new_block ();
          continue;
        }
      if (NOTE_P (insn) && NOTE_KIND (insn) == NOTE_INSN_BASIC_BLOCK)
        scanner.new_block ();
      if (!in_body)
        {
          /* Debug insns before the prologue end see %rsp at entry.  */
          if (DEBUG_INSN_P (insn)
              && mentions_base_p (PATTERN (insn), true))
            f.debug_resets.safe_push (insn);
          continue;
        }
      if (INSN_P (insn))
        scanner.scan_insn (insn);
      if (f.refused != RZ_CONVERTED)
        return;
    }
}
