# SPDX-License-Identifier: GPL-3.0-or-later
# report.awk -- read the plugin's per-function report (-mred-zone-report=):
# the one reader of its lines for shell scripts (redzone(7), REPORT).
#
#   awk -f report.awk [-v count=converted|unchanged|all] REPORT...
#       prints the number of functions with that status (default: converted)
#   awk -f report.awk -v reasons=1 REPORT...
#       prints "COUNT REASON" for the unchanged functions, most first
#   -v last=1, with either: a report that rebuilds appended to (a kernel
#       tree built again): only the last line of each file and function counts
#
# A line is key=value fields separated by spaces; status= is converted or
# unchanged; unchanged lines carry reason=.  Keys may be added at the end.
BEGIN { if (count == "") count = "converted" }
{
  status = ""; reason = ""; file = ""; fn = ""
  for (i = 1; i <= NF; i++)
    {
      eq = index ($i, "=")
      if (eq == 0)
        continue
      key = substr ($i, 1, eq - 1)
      if (key == "status")
        status = substr ($i, eq + 1)
      else if (key == "reason")
        reason = substr ($i, eq + 1)
      else if (key == "file")
        file = substr ($i, eq + 1)
      else if (key == "function")
        fn = substr ($i, eq + 1)
    }
  if (status == "")
    next
  if (last)
    {
      latest[file " " fn] = status " " reason
      next
    }
  tally(status, reason)
}
function tally (status, reason)
{
  if (count == "all" || status == count)
    n++
  if (status == "unchanged")
    why[reason]++
}
END {
  if (last)
    for (f in latest)
      {
        split (latest[f], sr, " ")
        tally(sr[1], sr[2])
      }
  if (!reasons)
    {
      print n + 0
      exit
    }
  # Most frequent first; ties by name, without relying on gawk's sorting.
  for (r in why)
    order[++k] = r
  for (i = 2; i <= k; i++)
    for (j = i; j > 1 && (why[order[j]] > why[order[j - 1]] \
                          || (why[order[j]] == why[order[j - 1]] \
                              && order[j] < order[j - 1])); j--)
      {
        t = order[j]; order[j] = order[j - 1]; order[j - 1] = t
      }
  for (i = 1; i <= k; i++)
    print why[order[i]], order[i]
}
