/* SPDX-License-Identifier: GPL-3.0-or-later */
/* redzone.cc -- gcc-redzone: a configurable small red zone for x86-64
   kernel code.  Plugin entry: version check, options, the no_red_zone
   attribute, the pass, and the per-function report.  */

#include "redzone.h"
#include "plugin-version.h"
#include <fcntl.h>
#include <unistd.h>

int plugin_is_GPL_compatible;

/* The help text comes from the table of options (rz_options_help).  */
static struct plugin_info rz_info = { RZ_VERSION, NULL };

/* --- report ---------------------------------------------------------- */

static int report_fd = -1;

/* One line per function, written with a single write () so that parallel
   compilations appending to the same file do not interleave.  */
static bool
open_report (void)
{
  if (rz_opts.report == NULL)
    return true;
  if (strcmp (rz_opts.report, "-") == 0)
    report_fd = 2;
  else
    report_fd = open (rz_opts.report, O_WRONLY | O_APPEND | O_CREAT, 0666);
  if (report_fd < 0)
    {
      error ("redzone: cannot open report file %qs: %m", rz_opts.report);
      rz_opts.report = NULL;
      return false;
    }
  return true;
}

void
rz_report (const char *fmt, ...)
{
  if (report_fd < 0)
    return;
  /* In lto1 the input is a temporary file: name the function's source.  */
  const char *file = main_input_filename;
  if (in_lto_p && current_function_decl)
    file = DECL_SOURCE_FILE (current_function_decl);
  /* File names have no length limit: build the line to fit.  */
  va_list ap;
  va_start (ap, fmt);
  char *rest = xvasprintf (fmt, ap);
  va_end (ap);
  char *line = xasprintf ("file=%s %s\n", file, rest);
  ssize_t n = strlen (line);
  if (write (report_fd, line, n) != n)
    {
      error ("redzone: cannot write report file %qs: %m", rz_opts.report);
      report_fd = -1;
    }
  free (line);
  free (rest);
}

/* --- the no_red_zone attribute --------------------------------------- */

static tree
handle_no_red_zone (tree *node, tree name, tree, int, bool *no_add_attrs)
{
  if (TREE_CODE (*node) != FUNCTION_DECL)
    {
      warning (OPT_Wattributes, "%qE attribute applies only to functions",
               name);
      *no_add_attrs = true;
    }
  return NULL_TREE;
}

static const struct attribute_spec no_red_zone_attr = {
  "no_red_zone", 0, 0, true, false, false, false, handle_no_red_zone, NULL
};

static void
register_attributes (void *, void *)
{
  register_attribute (&no_red_zone_attr);
}

/* --- start of each translation unit ---------------------------------- */

static void
start_unit (void *, void *)
{
  rz_check_target ();
}

/* Compiling for LTO: the pass will run in lto1 with the link's options.  */
static void
finish_parse_function (void *gcc_data, void *)
{
  rz_record_settings ((tree) gcc_data);
}

/* Every error here returns 0, not failure: error () has already printed
   the one line the user needs and makes the compilation fail, while a
   non-zero return would add GCC's own "failed to initialize plugin" error,
   a second, less precise line.  */
int
plugin_init (struct plugin_name_args *info, struct plugin_gcc_version *version)
{
  if (!plugin_default_version_check (version, &gcc_version))
    {
      error ("redzone: this plugin was built for GCC %s (%s) and cannot run "
             "in GCC %s (%s); rebuild it against this compiler",
             gcc_version.basever, gcc_version.datestamp, version->basever,
             version->datestamp);
      return 0;
    }

  rz_info.help = rz_options_help ();
  register_callback (info->base_name, PLUGIN_INFO, NULL, &rz_info);
  register_callback (info->base_name, PLUGIN_ATTRIBUTES, register_attributes,
                     NULL);
  if (!rz_parse_args (info) || !open_report ())
    return 0;
  register_callback (info->base_name, PLUGIN_START_UNIT, start_unit, NULL);
  register_callback (info->base_name, PLUGIN_FINISH_PARSE_FUNCTION,
                     finish_parse_function, NULL);
  rz_register_settings (info->base_name, version->basever);
  if (rz_opts.size == 0)
    return 0;   /* Size 0: exactly -mno-red-zone.  */

  struct register_pass_info pass;
  pass.pass = rz_make_pass (g);
  pass.reference_pass_name = "pro_and_epilogue";
  pass.ref_pass_instance_number = 1;
  pass.pos_op = PASS_POS_INSERT_AFTER;
  register_callback (info->base_name, PLUGIN_PASS_MANAGER_SETUP, NULL, &pass);
  return 0;
}
