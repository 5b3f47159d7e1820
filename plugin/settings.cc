/* SPDX-License-Identifier: GPL-3.0-or-later */
/* settings.cc -- the settings travel with the code: predefined macros for
   the interrupt entry code that must match them, and an ELF note in every
   object for the checker (rz-verify) that proves them.  */

#include "redzone.h"
#include "cpplib.h"

/* cc1 and cc1plus define the preprocessor; lto1 has none and loads the
   plugin with RTLD_NOW: weak references, so that it loads there too.  */
extern cpp_reader *parse_in __attribute__ ((weak));
extern void cpp_define (cpp_reader *, const char *) __attribute__ ((weak));
extern cpp_hashnode *cpp_lookup (cpp_reader *, const unsigned char *,
                                 unsigned int) __attribute__ ((weak));

static const char *gcc_basever;

/* --- __RED_ZONE_SIZE__ and __RED_ZONE_OFFSET__ ------------------------ */

static void
define_macro (const char *name, int value)
{
  char *def = xasprintf ("%s=%d", name, value);
  cpp_define (parse_in, def);
  free (def);
  /* Defined before the main file's first line, the macro counts as the
     main file's own: mark it used, as a builtin, for -Wunused-macros.  */
  cpp_hashnode *node = cpp_lookup (parse_in, (const unsigned char *) name,
                                   strlen (name));
  if (cpp_macro_p (node))
    node->value.macro->used = 1;
}

/* PLUGIN_PRAGMAS runs in every C-family front end once the preprocessor
   is ready and before it reads the first line, also under -E: that is how
   assembler-with-cpp (.S) input is preprocessed.  So the macros exist for
   either spelling of the options, the driver's -mred-zone-* or the
   plugin's own.  */
static void
define_macros (void *, void *)
{
  if (parse_in == NULL || cpp_define == NULL)
    return;
  define_macro ("__RED_ZONE_SIZE__", rz_opts.size);
  define_macro ("__RED_ZONE_OFFSET__", rz_opts.offset);
}

/* --- .note.redzone ---------------------------------------------------- */

/* One note, name "redzone", type NT_REDZONE_SETTINGS, whose descriptor is
   a list of NUL-terminated key=value strings (doc/redzone.7, NOTES).  Not
   allocated: it costs nothing at run time, and a link concatenates the
   notes of its objects, so that a mixed link can be seen.  */
#define NT_REDZONE_SETTINGS 1

static void
write_note (void *, void *)
{
  if (asm_out_file == NULL)
    return;
  FILE *f = asm_out_file;
  fputs ("\t.pushsection .note.redzone,\"\",@note\n"
         "\t.balign 4\n", f);
  fprintf (f, "\t.long 8, .Lredzone_note_end - .Lredzone_note_desc, %d\n",
           NT_REDZONE_SETTINGS);
  fputs ("\t.asciz \"redzone\"\n"
         ".Lredzone_note_desc:\n", f);
  fprintf (f, "\t.asciz \"size=%d\"\n", rz_opts.size);
  fprintf (f, "\t.asciz \"offset=%d\"\n", rz_opts.offset);
  fprintf (f, "\t.asciz \"asm=%s\"\n",
           rz_opts.asm_policy == RZ_ASM_ALLOW ? "allow" : "deny");
  if (rz_opts.thunk_depth >= 0)
    fprintf (f, "\t.asciz \"thunk-depth=%d\"\n", rz_opts.thunk_depth);
  fprintf (f, "\t.asciz \"plugin=%s\"\n", RZ_VERSION);
  fprintf (f, "\t.asciz \"gcc=%s\"\n", gcc_basever);
  fputs (".Lredzone_note_end:\n"
         "\t.balign 4\n"
         "\t.popsection\n", f);
}

void
rz_register_settings (const char *name, const char *basever)
{
  gcc_basever = basever;
  register_callback (name, PLUGIN_PRAGMAS, define_macros, NULL);
  register_callback (name, PLUGIN_FINISH_UNIT, write_note, NULL);
}
