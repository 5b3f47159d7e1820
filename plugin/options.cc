/* SPDX-License-Identifier: GPL-3.0-or-later */
/* options.cc -- the one place where gcc-redzone's options are parsed.

   The options are the rows of options.def.  Each has a plugin form,
   -fplugin-arg-redzone-KEY=VALUE, and a driver form, -MOPT=VALUE, that
   redzone.specs turns into the plugin form (a command that compiles has
   its values checked here, any other command in the specs file).  Every
   bad value gets one error line that names both spellings and the rule
   (value_error).  */

#include "redzone.h"

/* The values before the defaults of options.def apply: the unset ones.  */
struct rz_options rz_opts = { 0, 0, NULL, RZ_ASM_DENY, -1 };

/* --- the table --------------------------------------------------------- */

enum rz_option_id
{
#define RZ_OPTION(ID, KEY, MOPT, KIND, META, DEFAULT, HELP) RZ_OPT_##ID,
#include "options.def"
#undef RZ_OPTION
  RZ_NUM_OPTIONS
};

enum rz_option_kind { RZ_KIND_BYTES, RZ_KIND_FILE, RZ_KIND_ENUM };

struct rz_option
{
  const char *key;              /* -fplugin-arg-redzone-KEY  */
  const char *mopt;             /* -MOPT, the driver's spelling.  */
  enum rz_option_kind kind;
  int min, max, step;           /* The range of a BYTES value.  */
  const char *meta;             /* The value's name; an ENUM's values.  */
  const char *dflt;             /* NULL: no default.  */
  const char *help;
};

#define BYTES(MIN, MAX, STEP) RZ_KIND_BYTES, MIN, MAX, STEP
#define FILE_NAME RZ_KIND_FILE, 0, 0, 0
#define ENUM RZ_KIND_ENUM, 0, 0, 0
static const struct rz_option options[] = {
#define RZ_OPTION(ID, KEY, MOPT, KIND, META, DEFAULT, HELP) \
  { KEY, MOPT, KIND, META, DEFAULT, HELP },
#include "options.def"
#undef RZ_OPTION
};
#undef BYTES
#undef FILE_NAME
#undef ENUM

static_assert (sizeof options / sizeof options[0] == RZ_NUM_OPTIONS,
               "one row per option");

/* Where each option's value lives.  V is the number of a BYTES option or
   the index of an ENUM's value, S the text of a FILE_NAME.  */
static void
store (enum rz_option_id id, int v, const char *s)
{
  switch (id)
    {
    case RZ_OPT_SIZE: rz_opts.size = v; break;
    case RZ_OPT_OFFSET: rz_opts.offset = v; break;
    case RZ_OPT_THUNK_DEPTH: rz_opts.thunk_depth = v; break;
    case RZ_OPT_REPORT: rz_opts.report = s; break;
    /* deny|allow, in the order of enum rz_asm_policy.  */
    case RZ_OPT_ASM: rz_opts.asm_policy = (enum rz_asm_policy) v; break;
    case RZ_NUM_OPTIONS: gcc_unreachable ();
    }
}

/* The index of VALUE among the '|'-separated values of an ENUM option, or
   -1.  */
static int
enum_index (const struct rz_option *opt, const char *value)
{
  size_t len = strlen (value);
  int i = 0;
  for (const char *p = opt->meta; ; i++)
    {
      const char *end = strchr (p, '|');
      size_t n = end ? (size_t) (end - p) : strlen (p);
      if (n == len && strncmp (p, value, n) == 0)
        return i;
      if (!end)
        return -1;
      p = end + 1;
    }
}

/* The name of an ENUM option's value I, into BUF.  */
static const char *
enum_name (const struct rz_option *opt, int i, char *buf, size_t n)
{
  const char *p = opt->meta;
  for (; i > 0 && strchr (p, '|'); i--)
    p = strchr (p, '|') + 1;
  const char *end = strchr (p, '|');
  snprintf (buf, n, "%.*s", end ? (int) (end - p) : (int) strlen (p), p);
  return buf;
}

/* The rule a value of OPT follows, in words, into BUF.  */
static const char *
rule_text (const struct rz_option *opt, char *buf, size_t n)
{
  switch (opt->kind)
    {
    case RZ_KIND_BYTES:
      snprintf (buf, n, "%s is a multiple of %d from %d to %d", opt->meta,
                opt->step, opt->min, opt->max);
      break;
    case RZ_KIND_FILE:
      snprintf (buf, n, "%s is a file name, - for standard error",
                opt->meta);
      break;
    case RZ_KIND_ENUM:
      {
        /* "deny or allow"; "a, b or c".  */
        size_t len = snprintf (buf, n, "the value is ");
        int count = 1;
        for (const char *p = opt->meta; (p = strchr (p, '|')); p++)
          count++;
        for (int i = 0; i < count && len < n; i++)
          {
            char name[64];
            len += snprintf (buf + len, n - len, "%s%s",
                             i == 0 ? "" : i == count - 1 ? " or " : ", ",
                             enum_name (opt, i, name, sizeof name));
          }
      }
      break;
    }
  return buf;
}

/* The one message for a bad VALUE of OPT: what is wrong with it (PROBLEM),
   both spellings, and the rule.  */
static void
value_error (const struct rz_option *opt, const char *value,
             const char *problem)
{
  char rule[160];
  rule_text (opt, rule, sizeof rule);
  error ("redzone: %<-%s=%s%> %s (%<-%s=%s%> or "
         "%<-fplugin-arg-redzone-%s=%s%>: %s)", opt->mopt, value, problem,
         opt->mopt, opt->meta, opt->key, opt->meta, rule);
}

/* Parse VALUE for OPT and store it; false, with one error, if it is
   bad.  A BYTES value is decimal digits only.  */
static bool
parse_value (enum rz_option_id id, const char *value)
{
  const struct rz_option *opt = &options[id];
  char problem[64];

  if (value == NULL)
    value = "";
  switch (opt->kind)
    {
    case RZ_KIND_BYTES:
      {
        if (*value == '\0')
          {
            value_error (opt, value, "needs a value in bytes");
            return false;
          }
        if (value[0] == '-')
          {
            value_error (opt, value, "must not be negative");
            return false;
          }
        long v = 0;
        for (const char *p = value; *p; p++)
          {
            if (!ISDIGIT (*p))
              {
                value_error (opt, value, "is not a number of bytes");
                return false;
              }
            v = v * 10 + (*p - '0');
            if (v > opt->max)
              break;
          }
        if (v > opt->max)
          {
            snprintf (problem, sizeof problem,
                      "exceeds the maximum of %d bytes", opt->max);
            value_error (opt, value, problem);
            return false;
          }
        if (v < opt->min)
          {
            snprintf (problem, sizeof problem,
                      "is below the minimum of %d bytes", opt->min);
            value_error (opt, value, problem);
            return false;
          }
        if (v % opt->step != 0)
          {
            snprintf (problem, sizeof problem,
                      "must be a multiple of %d", opt->step);
            value_error (opt, value, problem);
            return false;
          }
        store (id, (int) v, NULL);
        return true;
      }
    case RZ_KIND_FILE:
      if (*value == '\0')
        {
          value_error (opt, value, "needs a file name");
          return false;
        }
      store (id, 0, value);
      return true;
    case RZ_KIND_ENUM:
      {
        int i = enum_index (opt, value);
        if (i < 0)
          {
            value_error (opt, value, "is not a known value");
            return false;
          }
        store (id, i, NULL);
        return true;
      }
    }
  gcc_unreachable ();
}

/* The option whose plugin argument is KEY, or RZ_NUM_OPTIONS.  */
static enum rz_option_id
find_option (const char *key)
{
  for (int i = 0; i < RZ_NUM_OPTIONS; i++)
    if (strcmp (options[i].key, key) == 0)
      return (enum rz_option_id) i;
  return RZ_NUM_OPTIONS;
}

bool
rz_parse_args (const struct plugin_name_args *info)
{
  bool ok = true, given[RZ_NUM_OPTIONS] = { false };

  for (int i = 0; i < RZ_NUM_OPTIONS; i++)
    if (options[i].dflt && !parse_value ((enum rz_option_id) i,
                                         options[i].dflt))
      gcc_unreachable ();       /* A bad default in options.def.  */

  for (int i = 0; i < info->argc; i++)
    {
      const char *key = info->argv[i].key;
      enum rz_option_id id = find_option (key);
      if (id == RZ_NUM_OPTIONS)
        {
          char known[256] = "";
          for (int j = 0; j < RZ_NUM_OPTIONS; j++)
            snprintf (known + strlen (known), sizeof known - strlen (known),
                      "%s%s", j ? ", " : "", options[j].key);
          error ("redzone: unknown plugin argument "
                 "%<-fplugin-arg-redzone-%s%> (known: %s)", key, known);
          ok = false;
          continue;
        }
      ok &= parse_value (id, info->argv[i].value);
      given[id] = true;
    }

  /* The rules that involve two options.  */
  const struct rz_option *size = &options[RZ_OPT_SIZE];
  const struct rz_option *offset = &options[RZ_OPT_OFFSET];
  if (ok && !given[RZ_OPT_SIZE])
    {
      char rule[160];
      error ("redzone: the plugin needs a window size (%<-%s=%s%> or "
             "%<-fplugin-arg-redzone-%s=%s%>: %s)", size->mopt, size->meta,
             size->key, size->meta, rule_text (size, rule, sizeof rule));
      ok = false;
    }
  if (ok && given[RZ_OPT_OFFSET] && rz_opts.size == 0 && rz_opts.offset != 0)
    {
      error ("redzone: %<-%s=%d%> (%<-fplugin-arg-redzone-%s=%d%>) needs a "
             "nonzero window size, %<-%s=%s%> or "
             "%<-fplugin-arg-redzone-%s=%s%> with %s not 0", offset->mopt,
             rz_opts.offset, offset->key, rz_opts.offset, size->mopt,
             size->meta, size->key, size->meta, size->meta);
      ok = false;
    }
  return ok;
}

/* The plugin's --help text (gcc -v --help -fplugin=redzone ...): for each
   option a line with both spellings, one of help, and one with its rule
   and default.  */
const char *
rz_options_help (void)
{
  static char *help;
  if (help)
    return help;
  help = xstrdup ("Configurable small red zone for x86-64 kernel code.  "
                  "Plugin arguments, and the\n"
                  "driver options of -specs=redzone.specs:");
  for (int i = 0; i < RZ_NUM_OPTIONS; i++)
    {
      const struct rz_option *opt = &options[i];
      char rule[160];
      char *line = xasprintf ("\n  -fplugin-arg-redzone-%s=%s  -%s=%s\n"
                              "      %s\n      %s%s%s", opt->key, opt->meta,
                              opt->mopt, opt->meta, opt->help,
                              rule_text (opt, rule, sizeof rule),
                              opt->dflt ? "; default " : "",
                              opt->dflt ? opt->dflt : "");
      help = reconcat (help, help, line, NULL);
      free (line);
    }
  return help;
}

/* Called once the target options are final.  The plugin's frames are only
   safe on x86-64 with GCC's own red zone off: both would otherwise claim the
   bytes below %rsp.  */
bool
rz_check_target (void)
{
  if (rz_opts.size == 0)
    return true;
  if (!TARGET_64BIT || TARGET_X32)
    {
      error ("redzone: %<-mred-zone-size=%> supports only the x86-64 LP64 "
             "ABI, not %<-m32%> or %<-mx32%>");
      return false;
    }
  if (TARGET_RED_ZONE)
    {
      error ("redzone: %<-mred-zone-size=%> needs %<-mno-red-zone%>: "
             "the native 128-byte red zone is on");
      return false;
    }
  return true;
}

/* --- settings under LTO ------------------------------------------------

   With -flto the pass runs in lto1, at link time, with the options of the
   link.  So that a function cannot silently end up with other settings
   than it was compiled for, a compile that writes LTO bytecode records the
   settings on every function it parses, and lto1 refuses a function whose
   record differs from the link's, or that was compiled with GCC's native
   red zone (its own target options say so, whatever the link's are).  A
   function compiled -flto without the plugin but with -mno-red-zone has no
   record: the link's settings decide.  A link that loads no plugin converts
   nothing: the specs file compiled everything with -mno-red-zone.  */

static const char settings_attr[] = "redzone settings";

static void
settings_text (char *buf, size_t n, int size, int offset, int depth,
               int asm_policy)
{
  char depth_text[16] = "unset", asm_text[16];
  if (depth >= 0)
    snprintf (depth_text, sizeof depth_text, "%d", depth);
  snprintf (buf, n, "-%s=%d -%s=%d -%s=%s -%s=%s",
            options[RZ_OPT_SIZE].mopt, size, options[RZ_OPT_OFFSET].mopt,
            offset, options[RZ_OPT_THUNK_DEPTH].mopt, depth_text,
            options[RZ_OPT_ASM].mopt,
            enum_name (&options[RZ_OPT_ASM], asm_policy, asm_text,
                       sizeof asm_text));
}

void
rz_record_settings (tree fndecl)
{
  if (!flag_generate_lto || TREE_CODE (fndecl) != FUNCTION_DECL)
    return;
  tree values = NULL_TREE;
  for (int v : { (int) rz_opts.asm_policy, rz_opts.thunk_depth,
                 rz_opts.offset, rz_opts.size })
    values = tree_cons (NULL_TREE, build_int_cst (integer_type_node, v),
                        values);
  DECL_ATTRIBUTES (fndecl) = tree_cons (get_identifier (settings_attr), values,
                                        DECL_ATTRIBUTES (fndecl));
}

bool
rz_check_function_settings (void)
{
  /* One error per unit is enough to stop the link.  */
  static bool reported;
  tree fndecl = current_function_decl;
  if (TARGET_RED_ZONE)
    {
      if (!reported)
        error_at (DECL_SOURCE_LOCATION (fndecl),
                  "redzone: %qD was compiled with the native red zone "
                  "(no %<-mno-red-zone%>) and cannot take "
                  "%<-mred-zone-size=%>; compile it with the same "
                  "%<-mred-zone-*%> options as the link", fndecl);
      reported = true;
      return false;
    }
  tree attr = lookup_attribute (settings_attr, DECL_ATTRIBUTES (fndecl));
  if (!attr)
    return true;
  int v[4], i = 0;
  for (tree t = TREE_VALUE (attr); t && i < 4; t = TREE_CHAIN (t))
    v[i++] = tree_to_shwi (TREE_VALUE (t));
  if (i == 4 && v[0] == rz_opts.size && v[1] == rz_opts.offset
      && v[2] == rz_opts.thunk_depth && v[3] == (int) rz_opts.asm_policy)
    return true;
  if (!reported)
    {
      char was[160], now[160];
      settings_text (was, sizeof was, v[0], v[1], v[2], v[3]);
      settings_text (now, sizeof now, rz_opts.size, rz_opts.offset,
                     rz_opts.thunk_depth, rz_opts.asm_policy);
      error_at (DECL_SOURCE_LOCATION (fndecl),
                "redzone: %qD was compiled with %qs but is linked with %qs; "
                "under %<-flto%> the settings of the link apply, so give the "
                "same %<-mred-zone-*%> options to both", fndecl, was, now);
    }
  reported = true;
  return false;
}
