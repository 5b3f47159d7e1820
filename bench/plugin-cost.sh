#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# plugin-cost.sh -- what a change of the plugin costs: functions converted
# and .text bytes, for two builds of the plugin, on the same files.
#
# usage: bench/plugin-cost.sh OLD-SPECS NEW-SPECS [FILE...]
#
# FILEs default to examples/*.c, compiled with the kernel flags bench.sh
# uses.  For each setting (32,16) (64,64) (120,0) and each flag set (none,
# -fno-omit-frame-pointer, -mindirect-branch=thunk-inline): the functions
# each plugin converts and the summed .text of the objects, beside the
# -mno-red-zone .text.  (The torture set's figures come from torture.sh run
# once per plugin.)  Environment: GCC (default gcc), CFLAGS (default the
# kernel flags).
set -u
old=${1:?usage: plugin-cost.sh OLD-SPECS NEW-SPECS [FILE...]}
new=${2:?usage: plugin-cost.sh OLD-SPECS NEW-SPECS [FILE...]}
shift 2
for s in "$old" "$new"; do
  [ -f "$s" ] || { echo "plugin-cost.sh: $s: no such specs file" >&2; exit 2; }
done
src=$(cd "$(dirname "$0")/.." && pwd)
GCC=${GCC:-gcc}
CFLAGS=${CFLAGS:--O2 -ffreestanding -mgeneral-regs-only -mcmodel=kernel -fno-pic -fno-stack-protector}
files=("$@")
[ ${#files[@]} -eq 0 ] && files=("$src"/examples/*.c)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# text FLAGS...: summed .text of FILES compiled with FLAGS; the report of
# the plugin's conversions goes to $work/report.
text() {
  local sum=0 f
  rm -f "$work/report"
  for f in "${files[@]}"; do
    $GCC $CFLAGS "$@" -c "$f" -o "$work/x.o" 2>/dev/null || { echo "plugin-cost.sh: $f does not compile with $*" >&2; exit 1; }
    sum=$((sum + $(size -A "$work/x.o" | awk '$1 ~ /^\.text/ { s += $2 } END { print s + 0 }')))
  done
  echo $sum
}

printf '%-32s %-10s %12s %12s %12s %12s\n' flags setting "old conv" "old .text" "new conv" "new .text"
for extra in "" -fno-omit-frame-pointer -mindirect-branch=thunk-inline; do
  base=$(text $extra -mno-red-zone)
  printf '%-32s %-10s %12s %12s %12s %12s\n' "${extra:-(none)}" "base" - "$base" - "$base"
  for nm in "32 16" "64 64" "120 0"; do
    set -- $nm
    row=()
    for specs in "$old" "$new"; do
      t=$(text $extra -specs="$specs" -mred-zone-size=$1 -mred-zone-offset=$2 -mred-zone-report="$work/report")
      row+=("$(awk -f "$src/plugin/report.awk" "$work/report" 2>/dev/null || echo 0)" "$t")
    done
    printf '%-32s %-10s %12s %12s %12s %12s\n' "${extra:-(none)}" "N=$1 M=$2" "${row[@]}"
  done
done
