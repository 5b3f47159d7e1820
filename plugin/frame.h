/* SPDX-License-Identifier: GPL-3.0-or-later */
/* frame.h -- what the stages of the red-zone pass share.

   The pass runs right after pro_and_epilogue on code compiled with
   -mno-red-zone.  For an eligible leaf function whose prologue is

       push %rbp; [mov %rsp,%rbp;] push ...; sub $K,%rsp

   it deletes the `sub $K,%rsp' and every matching `add $K,%rsp', and moves
   the frame into the window [rsp-M-N, rsp-M) below the pushes.  One file
   per stage, data flowing one way:

     scan.cc        the prologue, then every use of %rsp and %rbp in the body
     wrapped.cc     the same for shrink-wrapped prologues: %rsp per block
     plan.cc        where the frame goes: a move, or a partial frame
     rewrite.cc     the new addresses, the allocation gone, debug info
     pass.cc        the pass itself: runs the stages, reports the outcome
     predicates.cc  the RTL shapes they all recognise

   Offsets are "entry-relative": E is %rsp at function entry (pointing at
   the return address), P the bytes pushed by the prologue, K the
   allocation.  The frame GCC laid out is F = [E-P-K, E-P).  Saved
   registers, the return address and incoming arguments (at or above E-P)
   never move; only the base they are addressed from changes.

   Nothing is changed unless every use of %rsp (and of %rbp, when it is the
   frame pointer) is understood and every rewritten instruction is valid.  */
#ifndef RZ_FRAME_H
#define RZ_FRAME_H

#include "redzone.h"

/* One %rsp- or %rbp-based address in the function.  */
struct rz_access
{
  rtx_insn *insn;
  rtx *loc;                     /* Where the MEM or address value sits.  */
  rtx mem;                      /* The MEM, or NULL for an address value.  */
  bool fp_based;                /* Based on the hard frame pointer.  */
  HOST_WIDE_INT offset;         /* Entry-relative address of base + disp.  */
  HOST_WIDE_INT size;           /* Bytes accessed; -1 if unknown.  */
  unsigned align;               /* Alignment the access needs, in bytes.  */
  bool exact;                   /* A MEM with no index register.  */
  bool in_frame;                /* Classified into F.  */
  bool ambiguous;               /* Could be in F or above it.  */
};

/* What the scan found.  */
struct frame_scan
{
  HOST_WIDE_INT pushed;         /* P  */
  HOST_WIDE_INT frame_size;     /* K  */
  bool has_fp;                  /* %rbp is the frame pointer.  */
  HOST_WIDE_INT fp_offset;      /* Entry-relative value of %rbp.  */
  rtx_insn *alloc_insn;         /* The `sub $K, %rsp'.  */
  auto_vec<rtx_insn *> dealloc_insns;
  auto_vec<rz_access> accesses;
  auto_vec<rtx_insn *> debug_resets;    /* Debug insns that lose their
                                           location.  */
  bool whole_frame;             /* An index or address value reaches F.  */
  bool ambiguous;               /* Some access could be in F or above.  */
  enum rz_reason refused;       /* The first reason found not to convert.  */

  frame_scan () : pushed (0), frame_size (0), has_fp (false), fp_offset (0),
                  alloc_insn (NULL), whole_frame (false), ambiguous (false),
                  refused (RZ_CONVERTED) {}

  /* Entry-relative address of %rsp in the body, before conversion.  */
  HOST_WIDE_INT body_sp () const { return -pushed - frame_size; }
  HOST_WIDE_INT frame_lo () const { return -pushed - frame_size; }
  HOST_WIDE_INT frame_hi () const { return -pushed; }

  /* The one way to say no: keep the first reason, show where in the dump.  */
  void refuse (enum rz_reason why, rtx_insn *insn);
};

/* How a function is converted (plan.cc).  */
struct plan
{
  bool moved;                   /* The frame moves (else only %rsp does).  */
  HOST_WIDE_INT shift;          /* The frame moves down by this much.  */
  HOST_WIDE_INT removed;        /* Bytes of the allocation removed (K: all).  */
  unsigned align;               /* Alignment every moved address keeps.  */
  HOST_WIDE_INT lo, hi;         /* Where the used frame ends up,
                                   rsp-relative.  */
  HOST_WIDE_INT depth;          /* The window's top bytes the frame avoids
                                   (rz_transient_depth).  */
};

/* predicates.cc  */
bool same_reg_p (const_rtx x, const_rtx reg);
bool sp_p (const_rtx x);
bool fp_p (const_rtx x);
bool sp_adjust_p (rtx pat, HOST_WIDE_INT *c);
bool sp_from_fp_p (rtx pat, bool has_fp, HOST_WIDE_INT *c = NULL);
bool push_p (rtx pat);
bool pop_p (rtx pat);
bool decompose (rtx addr, rtx base, HOST_WIDE_INT *disp, bool *indexed,
                int *nbase);
bool mentions_base_p (rtx x, bool has_fp);
bool plus_has_term_p (rtx x, rtx reg);

/* scan.cc  */
rtx_insn *scan_prologue (frame_scan &f);
/* Scans the body's insns one by one.  */
class body_scanner
{
public:
  body_scanner (frame_scan &f) : f (f), after_epilogue_sp (false) {}
  void scan_insn (rtx_insn *insn);
  /* A new block starts: %rsp is no longer known to be restored.  */
  void new_block () { after_epilogue_sp = false; }

private:
  frame_scan &f;
  rtx_insn *insn;
  bool debug;
  bool after_epilogue_sp;       /* %rsp was already restored in this block.  */

  void refuse (enum rz_reason why);
  bool based_p (rtx x, bool *fp_based);
  void record (rtx *loc, rtx addr, rtx mem);
  void walk (rtx *loc);
  void walk_asm (rtx asm_operands);
};
/* The body of a function whose prologue is not shrink-wrapped: everything
   after BODY, the prologue's end.  */
void scan_body (frame_scan &f, rtx_insn *body);

/* wrapped.cc: the same for a shrink-wrapped prologue.  */
void scan_wrapped (frame_scan &f);

/* plan.cc: place the frame; RZ_CONVERTED, or why it cannot be placed.  */
enum rz_reason plan_frame (const frame_scan &f, plan *p);
HOST_WIDE_INT access_delta (const rz_access &a, const plan &p);

/* rewrite.cc: apply plan P; false, with nothing changed, if some rewritten
   insn is not valid.  */
bool rewrite_frame (frame_scan &f, const plan &p);

#endif
