/* SPDX-License-Identifier: GPL-3.0-or-later */
/* pass.cc -- the red-zone pass: after pro_and_epilogue, convert each
   eligible leaf function (frame.h lists the stages) and report one line
   per function.  */

#include "frame.h"

namespace {

/* Convert the current function if it is eligible; return why not.  */
enum rz_reason
convert (frame_scan &f, plan *p)
{
  rtx_insn *body = scan_prologue (f);
  enum rz_reason why = rz_check_function ();
  if (why != RZ_CONVERTED)
    return why;
  if (f.refused != RZ_CONVERTED)
    return f.refused;
  if (f.frame_size == 0 || body == NULL)
    return RZ_NO_FRAME;
  p->depth = rz_transient_depth ();

  if (crtl->shrink_wrapped)
    scan_wrapped (f);
  else
    scan_body (f, body);
  if (f.refused != RZ_CONVERTED)
    return f.refused;

  why = plan_frame (f, p);
  if (why != RZ_CONVERTED)
    return why;
  return rewrite_frame (f, *p) ? RZ_CONVERTED : RZ_INVALID;
}

/* --- the pass ------------------------------------------------------------ */

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
  enum rz_reason why = convert (f, &p);
  const char *name
    = IDENTIFIER_POINTER (DECL_ASSEMBLER_NAME (current_function_decl));

  if (why == RZ_CONVERTED)
    {
      rz_report ("function=%s status=converted frame=%ld used=%ld lo=%ld "
                 "hi=%ld alloc=%ld depth=%ld", name, (long) f.frame_size,
                 (long) (p.hi - p.lo), (long) p.lo, (long) p.hi,
                 (long) (f.frame_size - p.removed), (long) p.depth);
      if (dump_file)
        fprintf (dump_file, "redzone: %s converted, frame %ld, shift %ld, "
                 "[%ld,%ld), still allocated %ld\n", name, (long) f.frame_size,
                 (long) p.shift, (long) p.lo, (long) p.hi,
                 (long) (f.frame_size - p.removed));
    }
  else
    {
      rz_report ("function=%s status=unchanged frame=%ld reason=%s", name,
                 (long) f.frame_size, rz_reason_token (why));
      if (dump_file)
        fprintf (dump_file, "redzone: %s unchanged: %s\n", name,
                 rz_reason_text (why));
    }
  return 0;
}

} // anon namespace

opt_pass *
rz_make_pass (gcc::context *ctxt)
{
  return new pass_redzone (ctxt);
}
