/* SPDX-License-Identifier: GPL-3.0-or-later */
/* predicates.cc -- the RTL shapes of the prologue, the epilogue and the
   frame's addresses, as the pass after pro_and_epilogue sees them.  */

#include "frame.h"

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

/* True for the epilogue's ways of restoring %rsp that do not depend on K:
   `leave' and `lea C(%rbp),%rsp'.  */
bool
sp_from_fp_p (rtx pat, bool has_fp, HOST_WIDE_INT *c)
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
