/* options.cc -- the one place where gcc-redzone's options are parsed.

   Plugin form:  -fplugin-arg-redzone-size=N -fplugin-arg-redzone-offset=M
                 -fplugin-arg-redzone-thunk-depth=D
                 -fplugin-arg-redzone-report=FILE -fplugin-arg-redzone-asm=deny|allow
   Driver form (through redzone.specs): -mred-zone-size=N -mred-zone-offset=M
                 -mred-zone-thunk-depth=D
                 -mred-zone-report=FILE -mred-zone-asm=deny|allow
   Every bad value gets one error line naming both spellings and the rule.  */

#include "redzone.h"

struct rz_options rz_opts = { 0, 0, NULL, RZ_ASM_DENY, -1 };

/* Parse a byte count: decimal digits only, a multiple of 8, at most
   RZ_MAX_BYTES.  */
static bool
parse_bytes (const char *key, const char *mopt, const char *value, int *out)
{
  if (value == NULL || *value == '\0')
    {
      error ("redzone: %<-fplugin-arg-redzone-%s%> (%<-%s=%>) needs a value "
             "in bytes", key, mopt);
      return false;
    }
  if (value[0] == '-')
    {
      error ("redzone: %<-%s=%s%> must not be negative", mopt, value);
      return false;
    }
  long v = 0;
  for (const char *p = value; *p; p++)
    {
      if (!ISDIGIT (*p))
        {
          error ("redzone: %<-%s=%s%> is not a number of bytes", mopt, value);
          return false;
        }
      v = v * 10 + (*p - '0');
      if (v > RZ_MAX_BYTES)
        break;
    }
  if (v > RZ_MAX_BYTES)
    {
      error ("redzone: %<-%s=%s%> exceeds the maximum of %d bytes",
             mopt, value, RZ_MAX_BYTES);
      return false;
    }
  if (v % 8 != 0)
    {
      error ("redzone: %<-%s=%s%> must be a multiple of 8", mopt, value);
      return false;
    }
  *out = (int) v;
  return true;
}

bool
rz_parse_args (const struct plugin_name_args *info)
{
  bool ok = true, have_size = false, have_offset = false;

  for (int i = 0; i < info->argc; i++)
    {
      const char *key = info->argv[i].key;
      const char *value = info->argv[i].value;

      if (strcmp (key, "size") == 0)
        {
          ok &= parse_bytes (key, "mred-zone-size", value, &rz_opts.size);
          have_size = true;
        }
      else if (strcmp (key, "offset") == 0)
        {
          ok &= parse_bytes (key, "mred-zone-offset", value, &rz_opts.offset);
          have_offset = true;
        }
      else if (strcmp (key, "thunk-depth") == 0)
        ok &= parse_bytes (key, "mred-zone-thunk-depth", value,
                           &rz_opts.thunk_depth);
      else if (strcmp (key, "report") == 0)
        {
          if (value == NULL || *value == '\0')
            {
              error ("redzone: %<-fplugin-arg-redzone-report%> needs a file "
                     "name (or %<-%> for standard error)");
              ok = false;
            }
          rz_opts.report = value;
        }
      else if (strcmp (key, "asm") == 0)
        {
          if (value && strcmp (value, "deny") == 0)
            rz_opts.asm_policy = RZ_ASM_DENY;
          else if (value && strcmp (value, "allow") == 0)
            rz_opts.asm_policy = RZ_ASM_ALLOW;
          else
            {
              error ("redzone: %<-mred-zone-asm=%s%> must be %<deny%> or "
                     "%<allow%>", value ? value : "");
              ok = false;
            }
        }
      else
        {
          error ("redzone: unknown plugin argument %<-fplugin-arg-redzone-%s%>"
                 " (known: size, offset, thunk-depth, report, %<asm%>)", key);
          ok = false;
        }
    }

  if (ok && !have_size)
    {
      error ("redzone: the plugin needs %<-fplugin-arg-redzone-size=N%> "
             "(%<-mred-zone-size=N%>)");
      ok = false;
    }
  if (ok && have_offset && rz_opts.size == 0 && rz_opts.offset != 0)
    {
      error ("redzone: %<-mred-zone-offset=%d%> needs a nonzero "
             "%<-mred-zone-size=%>", rz_opts.offset);
      ok = false;
    }
  return ok;
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
  char depth_text[16] = "unset";
  if (depth >= 0)
    snprintf (depth_text, sizeof depth_text, "%d", depth);
  snprintf (buf, n, "-mred-zone-size=%d -mred-zone-offset=%d "
            "-mred-zone-thunk-depth=%s -mred-zone-asm=%s", size, offset,
            depth_text, asm_policy == RZ_ASM_ALLOW ? "allow" : "deny");
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
                "under %<-flto%> the settings of the link apply, so give the same "
                "%<-mred-zone-*%> options to both", fndecl, was, now);
    }
  reported = true;
  return false;
}
