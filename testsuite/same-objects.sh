#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# same-objects.sh -- do two builds of the plugin produce the same code?
#
# usage: testsuite/same-objects.sh OLD NEW [FILE...]
#
# OLD and NEW are redzone.specs files of built plugins, or git revisions of
# this repository, which are built first (in a scratch directory).
# Compiles every FILE (default: examples/*.c, kernel-demo/*.c, the
# adversary's corpus, and the gcc.c-torture compile/ set when TORTURE names
# it) with each plugin at (32,16), (64,64) and (120,0), -O2, and compares
# the objects byte for byte.  A refactoring of the pass must change nothing.
# Environment: GCC (default gcc), FLAGS (added to every compile), JOBS.
# Prints one line per setting and "N objects identical, D differ"; exit 1 if
# any differ or a compile fails with one plugin only.
set -u
old=${1:?usage: same-objects.sh OLD NEW [FILE...]}
new=${2:?usage: same-objects.sh OLD NEW [FILE...]}
shift 2
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The specs file of ARG: ARG itself, or that of git revision ARG, built.
specs_of() {
  if [ -f "$1" ]; then echo "$1"; return; fi
  rev=$(git -C "$src" rev-parse --verify -q "$1^{commit}") ||
    { echo "same-objects.sh: $1: neither a specs file nor a revision" >&2; return 1; }
  d=$work/rev-$rev
  mkdir -p "$d/src" "$d/build"
  echo "same-objects.sh: building the plugin of $1 ($rev)" >&2
  git -C "$src" archive "$rev" | tar -x -C "$d/src" &&
    (cd "$d/src" && autoreconf -fi && cd "$d/build" && "$d/src/configure" &&
     make -C plugin) > "$d/build.log" 2>&1 ||
    { echo "same-objects.sh: cannot build $1: see the end of this log:" >&2; tail -5 "$d/build.log" >&2; return 1; }
  echo "$d/build/plugin/redzone.specs"
}
old=$(specs_of "$old") && new=$(specs_of "$new") || exit 2
export GCC=${GCC:-gcc} FLAGS=${FLAGS:-} old new
JOBS=${JOBS:-$(nproc)}
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$src"/examples/*.c "$src"/kernel-demo/*.c "$src"/testsuite/adversary/corpus.c
         "$src"/testsuite/adversary/shapes.c)
  [ -n "${TORTURE:-}" ] && files+=("$TORTURE"/compile/*.c)
fi
export work

one() {
  f=$1 n=$2 m=$3
  o=$work/$(echo "$f" | tr / _)-$n-$m
  for v in old new; do
    $GCC -O2 -w $FLAGS -ffreestanding -I"$(dirname "$f")" -DRZ_SIZE=$n -DRZ_OFFSET=$m \
      -DENTRY_IST=0 -specs="${!v}" \
      -mred-zone-size=$n -mred-zone-offset=$m -c "$f" -o "$o.$v" 2>/dev/null || : > "$o.$v.fail"
  done
  if [ -e "$o.old.fail" ] && [ -e "$o.new.fail" ]; then echo "both-fail"
  elif [ -e "$o.old.fail" ] || [ -e "$o.new.fail" ]; then echo "one-fails $f"
  # The code, not the note: it names the plugin's version.
  elif objcopy -R .note.redzone "$o.old" && objcopy -R .note.redzone "$o.new" &&
       cmp -s "$o.old" "$o.new"; then echo same
  else echo "differ $f"
  fi
  rm -f "$o".*
}
export -f one
same=0; differ=0
for nm in "32 16" "64 64" "120 0"; do
  set -- $nm
  out=$(printf '%s\n' "${files[@]}" | xargs -P "$JOBS" -I{} bash -c 'one "$0" "$1" "$2"' {} $1 $2)
  s=$(grep -c '^same$' <<< "$out"); d=$(grep -c '^\(differ\|one-fails\)' <<< "$out")
  echo "N=$1 M=$2: $s identical, $d differ, $(grep -c '^both-fail$' <<< "$out") fail to compile with both"
  grep '^\(differ\|one-fails\)' <<< "$out" | head -20
  same=$((same + s)); differ=$((differ + d))
done
echo "$same objects identical, $differ differ"
[ $differ -eq 0 ]
