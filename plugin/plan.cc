/* SPDX-License-Identifier: GPL-3.0-or-later */
/* plan.cc -- where the frame goes.

   The whole frame moves down by one shift S (S may be negative), chosen so
   that the bytes the function really touches land in the window, below the
   gap and below the window's top D bytes that a retpoline may expose
   (rz_transient_depth), and so that every access keeps its alignment
   modulo the largest alignment any of them claims.

   With no gap (M = 0), a frame too big for the window is converted in
   part: nothing moves, the allocation shrinks by N and %rsp stops N bytes
   higher.  */

#include "frame.h"

/* Move the whole frame into the window and remove the allocation.  */
static bool
plan_move (const frame_scan &f, plan *p)
{
  if (f.ambiguous)
    return false;

  /* The used part of F, and the alignment it must keep.  */
  HOST_WIDE_INT used_lo = f.frame_hi (), used_hi = f.frame_lo ();
  unsigned align = 1;
  if (f.whole_frame)
    {
      used_lo = f.frame_lo ();
      used_hi = f.frame_hi ();
      align = MAX (align, crtl->stack_alignment_needed / BITS_PER_UNIT);
    }
  for (const rz_access &a : f.accesses)
    if (a.in_frame && a.exact)
      {
        used_lo = MIN (used_lo, a.offset);
        used_hi = MAX (used_hi, a.offset + a.size);
      }
  for (const rz_access &a : f.accesses)
    if (a.in_frame)
      align = MAX (align, a.align);
  if (used_lo >= used_hi)
    used_lo = used_hi = f.frame_hi ();  /* F is allocated but never touched.  */

  /* Smallest shift that puts the used part just below the gap (and the
     depth) while keeping every address's residue modulo ALIGN.  */
  HOST_WIDE_INT window_hi = -f.pushed - rz_opts.offset - p->depth;
  HOST_WIDE_INT window_lo = -f.pushed - rz_opts.offset - rz_opts.size;
  HOST_WIDE_INT shift = ROUND_UP (used_hi - window_hi, (HOST_WIDE_INT) align);
  if (used_lo - shift < window_lo)
    return false;
  p->moved = true;
  p->shift = shift;
  p->removed = f.frame_size;
  p->align = align;
  p->lo = used_lo - shift + f.pushed;
  p->hi = used_hi - shift + f.pushed;
  return true;
}

/* Bytes of a signed field that x86 encodes in one byte or four: an
   immediate, or a displacement.  */
static int
field_bytes (HOST_WIDE_INT c)
{
  return IN_RANGE (c, -128, 127) ? 1 : 4;
}

/* Bytes of the displacement of an %rsp-based address: none for 0 (SIB with
   no displacement).  A %rbp-based address always has one (field_bytes).  */
static int
sp_disp_bytes (HOST_WIDE_INT disp)
{
  return disp == 0 ? 0 : field_bytes (disp);
}

/* How far plan P moves the displacement of access A: a frame address moves
   with the frame, and %rsp no longer moves down by the bytes removed from
   the allocation.  */
HOST_WIDE_INT
access_delta (const rz_access &a, const plan &p)
{
  HOST_WIDE_INT delta = a.in_frame && p.moved ? -p.shift : 0;
  if (!a.fp_based)
    delta -= p.removed;
  return delta;
}

/* Estimated change in code bytes for plan P: every rewritten displacement,
   a copy of %rsp that becomes an lea, and the adjustments that go or
   shrink.  */
static HOST_WIDE_INT
plan_bytes (const frame_scan &f, const plan &p)
{
  HOST_WIDE_INT bytes = 0;
  for (const rz_access &a : f.accesses)
    {
      if (DEBUG_INSN_P (a.insn))
        continue;
      HOST_WIDE_INT delta = access_delta (a, p);
      HOST_WIDE_INT disp = a.offset - (a.fp_based ? f.fp_offset : f.body_sp ());
      if (a.fp_based)
        bytes += field_bytes (disp + delta) - field_bytes (disp);
      else if (!a.mem && sp_p (*a.loc))
        bytes += delta != 0 ? 2 : 0;  /* mov %rsp,%reg -> lea  */
      else
        bytes += sp_disp_bytes (disp + delta) - sp_disp_bytes (disp);
    }
  /* `sub/add $imm,%rsp' is REX.W, opcode, ModRM and the immediate.  */
  int adjusts = 1 + f.dealloc_insns.length ();
  if (p.removed == f.frame_size)
    bytes -= adjusts * (3 + field_bytes (f.frame_size));
  else
    bytes += adjusts * (field_bytes (f.frame_size - p.removed)
                        - field_bytes (f.frame_size));
  return bytes;
}

enum partial_result { PARTIAL_DONE, PARTIAL_NONE, PARTIAL_NO_GAIN };

/* With no gap (M = 0) a frame too big for the window can keep its lowest N
   bytes below %rsp and allocate only the rest, as GCC's own 128-byte zone
   does.  Nothing moves; %rsp just stops N bytes higher.  (With a gap, or
   a retpoline's depth, the frame would have to be split around it.)  The
   allocation stays, so the function runs the same instructions: do it only
   when the code gets smaller, typically when the allocation's immediate
   drops below 128.  */
static enum partial_result
plan_partial (const frame_scan &f, plan *p)
{
  if (rz_opts.offset != 0 || p->depth != 0)
    return PARTIAL_NONE;
  HOST_WIDE_INT removed = MIN (f.frame_size, (HOST_WIDE_INT) rz_opts.size) & -8;
  if (removed == 0)
    return PARTIAL_NONE;
  p->moved = false;
  p->shift = 0;
  p->removed = removed;
  p->align = 0;
  p->lo = -removed;
  p->hi = f.frame_size - removed;
  return plan_bytes (f, *p) < 0 ? PARTIAL_DONE : PARTIAL_NO_GAIN;
}

enum rz_reason
plan_frame (const frame_scan &f, plan *p)
{
  /* Moving the frame always removes two instructions, but deep slots may
     need four-byte displacements: when optimizing for size, only if the
     code does not grow.  */
  enum rz_reason why = RZ_CONVERTED;
  if (!plan_move (f, p))
    why = f.ambiguous ? RZ_AMBIGUOUS : RZ_TOO_BIG;
  else if (optimize_function_for_size_p (cfun) && plan_bytes (f, *p) > 0)
    why = RZ_SIZE_NO_GAIN;
  if (why == RZ_CONVERTED)
    return why;
  switch (plan_partial (f, p))
    {
    case PARTIAL_DONE:
      return RZ_CONVERTED;
    case PARTIAL_NO_GAIN:
      return why == RZ_TOO_BIG ? RZ_PARTIAL_NO_GAIN : why;
    default:
      return why;
    }
}
