# SPDX-License-Identifier: GPL-3.0-or-later
# gen-specs.awk -- write redzone.specs from the table of options and a
# template.
#   awk -v plugin=PLUGIN -v max=RZ_MAX_BYTES -f gen-specs.awk \
#       options.def redzone.specs.in
# In the template:
#   @PLUGIN@     the plugin's name or path;
#   @CHECKS@     a check of each option's value against its kind, for
#                command lines the plugin does not see: a BYTES value must
#                be one of MIN, MIN+STEP, ... MAX (spelled out: a specs file
#                matches values exactly), an ENUM one of its values;
#   @ARG:key@    -fplugin-arg-redzone-KEY=%*, inside %{MOPT=*:...};
#   @ARGS@       %{MOPT=*:-fplugin-arg-redzone-KEY=%*} for every option not
#                placed by an @ARG:key@;
#   @REMOVE@     %<MOPT=* for every option, so that cc1 never sees them.
# A -mred-zone-* name in the template that is not in the table is an error.

function die(msg) {
  print "gen-specs.awk: " msg > "/dev/stderr"
  failed = 1
  exit 1
}

function trim(s) {
  gsub(/^[ \t\n]+|[ \t\n]+$/, "", s)
  return s
}

# A C string literal's text; NULL is "".
function unquote(s, what) {
  if (s == "NULL")
    return ""
  if (s !~ /^"[^"]*"$/)
    die(defname ": row " nopts ": " what " is not a string: " s)
  return substr(s, 2, length(s) - 2)
}

# Split the arguments of each RZ_OPTION (...) in TEXT into the opt_* arrays.
function parse_table(text,    i, j, rest, c, depth, inq, field, nf, f, k, r) {
  # Comments go first.
  while ((i = index(text, "/*")) > 0) {
    rest = substr(text, i + 2)
    if ((j = index(rest, "*/")) == 0)
      die(defname ": unterminated comment")
    text = substr(text, 1, i - 1) " " substr(rest, j + 2)
  }
  nopts = 0
  while (match(text, /RZ_OPTION[ \t\n]*\(/)) {
    text = substr(text, RSTART + RLENGTH)
    nopts++
    depth = 1; inq = 0; field = ""; nf = 0
    for (i = 1; i <= length(text) && depth > 0; i++) {
      c = substr(text, i, 1)
      if (c == "\"")
        inq = !inq
      else if (!inq && c == "(")
        depth++
      else if (!inq && c == ")")
        depth--
      if (!inq && depth == 1 && c == ",") {
        f[++nf] = trim(field); field = ""
      } else if (depth > 0)
        field = field c
    }
    if (depth > 0)
      die(defname ": row " nopts ": no closing parenthesis")
    f[++nf] = trim(field)
    text = substr(text, i)
    if (nf != 7)
      die(defname ": row " nopts ": " nf " fields, not 7")
    opt_key[nopts] = unquote(f[2], "KEY")
    opt_mopt[nopts] = unquote(f[3], "MOPT")
    opt_meta[nopts] = unquote(f[5], "META")
    k = f[4]
    if (k ~ /^BYTES[ \t\n]*\(.*\)$/) {
      sub(/^BYTES[ \t\n]*\(/, "", k)
      sub(/\)$/, "", k)
      gsub(/[ \t\n]/, "", k)
      if (split(k, r, ",") != 3)
        die(defname ": row " nopts ": BYTES takes MIN, MAX, STEP")
      for (j = 1; j <= 3; j++) {
        if (r[j] == "RZ_MAX_BYTES")
          r[j] = max
        if (r[j] !~ /^[0-9]+$/)
          die(defname ": row " nopts ": BYTES bound is not a number: " r[j])
      }
      opt_kind[nopts] = "BYTES"
      opt_min[nopts] = r[1] + 0; opt_max[nopts] = r[2] + 0
      opt_step[nopts] = r[3] + 0
      if (opt_step[nopts] == 0)
        die(defname ": row " nopts ": BYTES step is 0")
    } else if (k == "FILE_NAME" || k == "ENUM")
      opt_kind[nopts] = k
    else
      die(defname ": row " nopts ": unknown kind " k)
    if (opt_key[nopts] == "" || opt_mopt[nopts] !~ /^mred-zone-[a-z-]+$/)
      die(defname ": row " nopts ": bad KEY or MOPT")
    known_key[opt_key[nopts]]
    known_mopt[opt_mopt[nopts]]
  }
  if (nopts == 0)
    die(defname ": no RZ_OPTION rows")
}

# The check of option I's value, or "" for a kind that takes anything.
function check(i,    m, values, v, n, vals, rule, j) {
  m = opt_mopt[i]
  if (opt_kind[i] == "BYTES") {
    values = ""
    for (v = opt_min[i]; v <= opt_max[i]; v += opt_step[i])
      values = values (values == "" ? "" : "|") m "=" v
    rule = "a multiple of " opt_step[i] " from " opt_min[i] " to " opt_max[i]
  } else if (opt_kind[i] == "ENUM") {
    n = split(opt_meta[i], vals, "|")
    values = ""; rule = ""
    for (j = 1; j <= n; j++) {
      values = values (j > 1 ? "|" : "") m "=" vals[j]
      rule = rule (j == 1 ? "" : j == n ? " or " : ", ") vals[j]
    }
  } else
    return ""
  return "%{" m "=*:%{" values ":;:%e-" m "= must be " rule "}}"
}

# S with every FROM replaced by TO, taken literally (gsub would read '&'
# and '\' in TO).
function replace(s, from, to,    i, out) {
  out = ""
  while ((i = index(s, from)) > 0) {
    out = out substr(s, 1, i - 1) to
    s = substr(s, i + length(from))
  }
  return out s
}

function join(s, t) {
  return s == "" ? t : t == "" ? s : s " " t
}

NR == FNR {
  defname = FILENAME
  deftext = deftext $0 "\n"
  next
}

{ template[++nlines] = $0 }

END {
  if (failed)
    exit 1
  parse_table(deftext)

  # The options the template places itself.
  for (l = 1; l <= nlines; l++) {
    s = template[l]
    while (match(s, /@ARG:[a-z-]+@/)) {
      placed[substr(s, RSTART + 5, RLENGTH - 6)] = 1
      s = substr(s, RSTART + RLENGTH)
    }
  }
  checks = ""; args = ""; remove = ""
  for (i = 1; i <= nopts; i++) {
    checks = join(checks, check(i))
    if (!(opt_key[i] in placed))
      args = join(args, "%{" opt_mopt[i] "=*:-fplugin-arg-redzone-" \
                  opt_key[i] "=%*}")
    remove = join(remove, "%<" opt_mopt[i] "=*")
  }

  for (l = 1; l <= nlines; l++) {
    s = template[l]
    if (s !~ /^#/) {
      t = s
      while (match(t, /mred-zone-[a-z][a-z-]*[a-z]/)) {
        if (!(substr(t, RSTART, RLENGTH) in known_mopt))
          die(FILENAME ": line " l ": " substr(t, RSTART, RLENGTH) \
              " is not an option of " defname)
        t = substr(t, RSTART + RLENGTH)
      }
      while (match(s, /@ARG:[a-z-]+@/)) {
        k = substr(s, RSTART + 5, RLENGTH - 6)
        if (!(k in known_key))
          die(FILENAME ": line " l ": @ARG:" k "@ is not an option")
        s = substr(s, 1, RSTART - 1) "-fplugin-arg-redzone-" k "=%*" \
            substr(s, RSTART + RLENGTH)
      }
      s = replace(s, "@CHECKS@", checks)
      s = replace(s, "@ARGS@", args)
      s = replace(s, "@REMOVE@", remove)
      s = replace(s, "@PLUGIN@", plugin)
      if (match(s, /@[A-Z]+(:[a-z-]*)?@/))
        die(FILENAME ": line " l ": unknown " substr(s, RSTART, RLENGTH))
    }
    print s
  }
}
