/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rewrite.cc -- the last stage: every recorded address gets its new
   displacement, as one group of changes that is applied whole or not at
   all; then the allocation goes (or shrinks), notes and debug locations
   that describe the old frame are dropped, and DECL_RTL follows the
   frame.  */

#include "frame.h"

/* Debug info for variables that var-tracking does not follow (arrays,
   volatiles, everything at -O0) is computed from DECL_RTL, a soft frame
   pointer address, through LRA's elimination offsets, which our pass cannot
   update.  The frame moved down by SHIFT, so move those addresses with it.  */
static void
relocate_decl (tree decl, HOST_WIDE_INT shift, hash_set<tree> &done)
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
  SET_DECL_RTL (decl, adjust_address_nv (mem, GET_MODE (mem), -shift));
}

static void
relocate_block (tree block, HOST_WIDE_INT shift, hash_set<tree> &done)
{
  for (; block; block = BLOCK_CHAIN (block))
    {
      for (tree v = BLOCK_VARS (block); v; v = DECL_CHAIN (v))
        relocate_decl (v, shift, done);
      relocate_block (BLOCK_SUBBLOCKS (block), shift, done);
    }
}

static void
relocate_decl_rtl (HOST_WIDE_INT shift)
{
  hash_set<tree> done;
  unsigned ix;
  tree var;
  FOR_EACH_LOCAL_DECL (cfun, ix, var)
    relocate_decl (var, shift, done);
  for (tree p = DECL_ARGUMENTS (current_function_decl); p; p = DECL_CHAIN (p))
    relocate_decl (p, shift, done);
  relocate_block (DECL_INITIAL (current_function_decl), shift, done);
}

/* Change the constant of an allocation or deallocation from +-K to
   +-(K-REMOVED), in the pattern and in a CFA note that repeats it.  */
static void
shrink_adjust (rtx_insn *insn, HOST_WIDE_INT removed)
{
  rtx pat = PATTERN (insn);
  rtx set = GET_CODE (pat) == PARALLEL ? XVECEXP (pat, 0, 0) : pat;
  HOST_WIDE_INT old_c = INTVAL (XEXP (SET_SRC (set), 1));
  HOST_WIDE_INT new_c = old_c < 0 ? old_c + removed : old_c - removed;
  XEXP (SET_SRC (set), 1) = GEN_INT (new_c);
  rtx note = find_reg_note (insn, REG_CFA_ADJUST_CFA, NULL_RTX);
  if (note && GET_CODE (XEXP (note, 0)) == SET
      && GET_CODE (SET_SRC (XEXP (note, 0))) == PLUS
      && CONST_INT_P (XEXP (SET_SRC (XEXP (note, 0)), 1))
      && INTVAL (XEXP (SET_SRC (XEXP (note, 0)), 1)) == old_c)
    XEXP (SET_SRC (XEXP (note, 0)), 1) = GEN_INT (new_c);
  df_insn_rescan (insn);
}

/* Rewrite every access for plan P as one group of changes; false, with
   nothing changed, if some rewritten insn is not valid.  */
static bool
rewrite_accesses (frame_scan &f, const plan &p)
{
  /* Every access keeps its place unless the frame moves; its base %rsp
     no longer moves down by the bytes removed from the allocation.  A moved
     address keeps its residue modulo ALIGN, so a frame MEM is now aligned
     to min (MEM_ALIGN, ALIGN): say so, so that final never picks movaps for
     a slot that lost its alignment.  */
  for (const rz_access &a : f.accesses)
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
          /* An address value keeps its mode: (int) &local is a copy of
             (reg:SI sp).  */
          if (delta != 0)
            validate_change (a.insn, a.loc,
                             plus_constant (GET_MODE (*a.loc),
                                            copy_rtx (*a.loc), delta), 1);
          continue;
        }
      unsigned new_align = MEM_ALIGN (a.mem);
      if (a.in_frame && p.moved && !DEBUG_INSN_P (a.insn))
        new_align = MIN (new_align, p.align * BITS_PER_UNIT);
      if (delta == 0 && new_align == MEM_ALIGN (a.mem))
        continue;
      rtx addr = plus_constant (Pmode, copy_rtx (XEXP (a.mem, 0)), delta);
      rtx new_mem = replace_equiv_address_nv (a.mem, addr);
      set_mem_align (new_mem, new_align);
      validate_change (a.insn, a.loc, new_mem, 1);
    }
  return apply_change_group ();
}

/* After a successful rewrite: notes, debug insns, the allocation itself,
   and DECL_RTL.  */
static void
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
  for (rtx_insn *dbg : f.debug_resets)
    if (DEBUG_BIND_INSN_P (dbg))
      INSN_VAR_LOCATION_LOC (dbg) = gen_rtx_UNKNOWN_VAR_LOC ();

  if (p.removed == f.frame_size)
    {
      /* The allocation and deallocations go; each leaves a memory barrier
         so that no frame access is scheduled across the pushes or pops.  */
      emit_insn_before (gen_memory_blockage (), f.alloc_insn);
      delete_insn (f.alloc_insn);
      for (rtx_insn *dealloc : f.dealloc_insns)
        {
          emit_insn_before (gen_memory_blockage (), dealloc);
          delete_insn (dealloc);
        }
    }
  else
    {
      shrink_adjust (f.alloc_insn, p.removed);
      for (rtx_insn *dealloc : f.dealloc_insns)
        shrink_adjust (dealloc, p.removed);
    }

  if (p.moved)
    relocate_decl_rtl (p.shift);
}

bool
rewrite_frame (frame_scan &f, const plan &p)
{
  if (!rewrite_accesses (f, p))
    return false;
  finish (f, p);
  return true;
}
