# SPDX-License-Identifier: GPL-3.0-or-later
# gen-specs.awk -- write redzone.specs from redzone.specs.in.
#   awk -v plugin=PLUGIN -v max=RZ_MAX_BYTES -f gen-specs.awk redzone.specs.in
# @PLUGIN@ becomes the plugin's name or path, @MAX@ the largest value, and
# @BYTES:opt@ opt=0|opt=8|...|opt=max: every value a specs file can match
# exactly.
{
  while (match ($0, /@BYTES:[a-z-]+@/))
    {
      opt = substr ($0, RSTART + 7, RLENGTH - 8)
      values = ""
      for (v = 0; v <= max; v += 8)
        values = values (v ? "|" : "") opt "=" v
      $0 = substr ($0, 1, RSTART - 1) values substr ($0, RSTART + RLENGTH)
    }
  gsub (/@MAX@/, max)
  gsub (/@PLUGIN@/, plugin)
  print
}
