/* SPDX-License-Identifier: GPL-3.0-or-later */
/* redzone.h -- shared declarations of the gcc-redzone plugin.  */
#ifndef RZ_REDZONE_H
#define RZ_REDZONE_H

#include "compat.h"

/* Largest accepted size, offset and thunk depth, in bytes, defined by
   plugin/Makefile.am (the specs file checks the same range).  An interrupt
   entry must skip offset + size bytes; FRED skips at most 448 in hardware,
   and a kernel stack has a few KiB to spare.  */
#ifndef RZ_MAX_BYTES
#error "RZ_MAX_BYTES comes from plugin/Makefile.am"
#endif

enum rz_asm_policy { RZ_ASM_DENY, RZ_ASM_ALLOW };

struct rz_options
{
  int size;                     /* N: window size in bytes, 0 = off.  */
  int offset;                   /* M: gap between rsp and the window.  */
  const char *report;           /* Per-function report file, "-" = stderr.  */
  enum rz_asm_policy asm_policy;
  int thunk_depth;              /* How deep an external thunk pushes; -1:
                                   unknown.  */
};

extern struct rz_options rz_opts;

/* options.cc: parse the -fplugin-arg-redzone-* arguments, the options of
   options.def.  Reports each bad argument with error () and returns
   false.  */
bool rz_parse_args (const struct plugin_name_args *info);
/* The plugin's --help text, from the table of options.def.  */
const char *rz_options_help (void);
/* Check the target options once they are final (-m32, -mred-zone).  */
bool rz_check_target (void);

/* Under LTO: record the settings on a function at compile time, and check
   the current function's record and target options at link time.  */
void rz_record_settings (tree fndecl);
bool rz_check_function_settings (void);

/* rules.cc: why a function is left unchanged.  */
enum rz_reason
{
  RZ_CONVERTED,
  RZ_NO_FRAME,
  RZ_ATTRIBUTE,
  RZ_NAKED,
  RZ_INTERRUPT,
  RZ_NOT_LEAF,
  RZ_SP_CHANGES,
  RZ_ALLOCA,
  RZ_REALIGN,
  RZ_TLS_DESC,
  RZ_SPLIT_STACK,
  RZ_MS_ABI,
  RZ_EH_RETURN,
  RZ_NONLOCAL,
  RZ_PROFILE,
  RZ_EXTERN_THUNK,
  RZ_SHRINK_WRAPPED,
  RZ_PROLOGUE,
  RZ_EPILOGUE,
  RZ_SP_USE,
  RZ_ASM,
  RZ_AMBIGUOUS,
  RZ_TOO_BIG,
  RZ_PARTIAL_NO_GAIN,
  RZ_SIZE_NO_GAIN,
  RZ_INVALID,
  RZ_NUM_REASONS
};

/* The first rule that makes the current function ineligible, judged from
   the function as a whole, or RZ_CONVERTED if none does.  */
enum rz_reason rz_check_function (void);
/* How far below %rsp code of the current function other than its frame
   goes for a moment (a retpoline's call): the frame must avoid the
   window's top that many bytes.  */
int rz_transient_depth (void);
/* Short token for reports ("not-leaf") and a sentence for humans.  */
const char *rz_reason_token (enum rz_reason);
const char *rz_reason_text (enum rz_reason);
/* asm.cc: may this inline asm template touch the stack?  True unless every
   statement in it is known to be harmless (an allow-list).  asm.cc does not
   include this header: it also builds without GCC, for a unit test.  */
bool rz_asm_touches_stack (const char *templ);

/* settings.cc: predefine __RED_ZONE_SIZE__ and __RED_ZONE_OFFSET__, and
   write the settings into every object as a .note.redzone ELF note.  */
void rz_register_settings (const char *plugin_name, const char *gcc_basever);

/* pass.cc  */
opt_pass *rz_make_pass (gcc::context *ctxt);

/* redzone.cc: one report line per function.  */
void rz_report (const char *fmt, ...) ATTRIBUTE_PRINTF_1;

#endif
