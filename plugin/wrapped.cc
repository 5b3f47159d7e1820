/* SPDX-License-Identifier: GPL-3.0-or-later */
/* wrapped.cc -- the scan of a shrink-wrapped function.

   Shrink-wrapping puts the prologue on the paths that need it, so blocks
   laid out after it may run with the frame not (or no longer) allocated.
   Conversion changes %rsp only where the frame is allocated; elsewhere %rsp
   is the same before and after, and nothing there needs rewriting.  So
   compute %rsp (entry-relative) at the start of every block, and scan only
   the insns that run with the frame allocated.  */

#include "frame.h"

static const HOST_WIDE_INT SP_UNKNOWN = HOST_WIDE_INT_MIN;

/* Advance the entry-relative %rsp *SP over INSN; false if INSN changes %rsp
   in a way not understood.  */
static bool
sp_step (const frame_scan &f, rtx_insn *insn, HOST_WIDE_INT *sp)
{
  if (!NONDEBUG_INSN_P (insn))
    return true;
  rtx pat = PATTERN (insn);
  HOST_WIDE_INT c;
  if (push_p (pat))
    *sp -= UNITS_PER_WORD;
  else if (pop_p (pat))
    *sp += UNITS_PER_WORD;
  else if (sp_adjust_p (pat, &c))
    *sp += c;
  else if (sp_from_fp_p (pat, f.has_fp, &c))
    *sp = f.fp_offset + c;      /* leave, or lea C(%rbp),%rsp  */
  else if (reg_set_p (stack_pointer_rtx, insn))
    return false;
  return true;
}

/* Outside the code that runs with the frame allocated, the frame pointer
   may only be saved, set up and restored: nothing there is rewritten.  */
static bool
fp_bookkeeping_p (rtx pat)
{
  return push_p (pat) || pop_p (pat)
         || (GET_CODE (pat) == SET && fp_p (SET_DEST (pat))
             && sp_p (SET_SRC (pat)));
}

/* Fill SP_IN[bb->index] with %rsp at the start of each reachable block;
   false unless it is the same on every path into each block.  */
static bool
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
      HOST_WIDE_INT sp = sp_in[bb->index];
      rtx_insn *insn;
      FOR_BB_INSNS (bb, insn)
        if (!sp_step (f, insn, &sp))
          return false;
      FOR_EACH_EDGE (e, ei, bb->succs)
        {
          if (e->dest == EXIT_BLOCK_PTR_FOR_FN (cfun))
            continue;
          HOST_WIDE_INT &dest_sp = sp_in[e->dest->index];
          if (dest_sp == SP_UNKNOWN)
            {
              dest_sp = sp;
              work.safe_push (e->dest);
            }
          else if (dest_sp != sp)
            return false;
        }
    }
  return true;
}

/* Scan a shrink-wrapped function's insns that run with the frame
   allocated.  */
void
scan_wrapped (frame_scan &f)
{
  auto_vec<HOST_WIDE_INT> sp_in;
  if (!sp_at_blocks (f, sp_in))
    {
      f.refuse (RZ_SHRINK_WRAPPED, NULL);
      return;
    }
  body_scanner scanner (f);
  basic_block bb;
  FOR_EACH_BB_FN (bb, cfun)
    {
      HOST_WIDE_INT sp = sp_in[bb->index];
      rtx_insn *insn;
      scanner.new_block ();
      FOR_BB_INSNS (bb, insn)
        {
          if (!INSN_P (insn))
            continue;
          if (sp == f.body_sp ())
            scanner.scan_insn (insn);
          else if (DEBUG_INSN_P (insn))
            {
              if (mentions_base_p (PATTERN (insn), f.has_fp))
                f.debug_resets.safe_push (insn);
            }
          else if (f.has_fp && !fp_bookkeeping_p (PATTERN (insn))
                   && reg_mentioned_p (hard_frame_pointer_rtx, PATTERN (insn)))
            f.refuse (RZ_SHRINK_WRAPPED, insn);
          /* Only the one allocation (deleted) may move %rsp out there
             besides pushes and pops: a second would stay.  */
          else if (insn != f.alloc_insn && !push_p (PATTERN (insn))
                   && !pop_p (PATTERN (insn))
                   && reg_set_p (stack_pointer_rtx, insn))
            f.refuse (RZ_SHRINK_WRAPPED, insn);
          if (f.refused != RZ_CONVERTED)
            return;
          sp_step (f, insn, &sp);
        }
    }
}
