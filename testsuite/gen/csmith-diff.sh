#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# csmith-diff.sh -- differential random testing of the plugin with Csmith.
#
# usage: testsuite/gen/csmith-diff.sh BUILDDIR COUNT [FIRST-SEED] [OUTDIR]
#
# For each seed: generate a program, build it with -mno-red-zone and run it
# (the reference checksum); build it with the plugin at N,M as prog.rz.o
# (checked by rz-verify with the settings of its note, testsuite/gen/verify.sh),
# link it through testsuite/adversary/rz-text.ld (every code section of the
# program, cold partitions, .text.startup and thunks included, lands in
# rz_text) with the every-instruction adversary
# (testsuite/adversary/adversary.c) attacking that window, run it and
# compare checksums.  The adversary must have attacked at least one
# instruction.  Seeds whose reference run takes too long, or whose
# adversary run exceeds the step limit, are counted apart, never as passes.
# Environment: RZ_N (default 64), RZ_M (default 16), CFLAGS (default -O2),
# GCC (default gcc), STEPS (adversary step limit, default 20000000).
# Failing seeds are listed in OUTDIR/failures.txt.  Exit status 1 if any seed
# differs, a build failed, a run was not attacked, or no function at all was
# converted.
set -u
builddir=$(cd "${1:?usage: csmith-diff.sh BUILDDIR COUNT [FIRST-SEED] [OUTDIR]}" && pwd)
count=${2:?usage: csmith-diff.sh BUILDDIR COUNT [FIRST-SEED] [OUTDIR]}
seed=${3:-1}
out=${4:-csmith-out}
GCC=${GCC:-gcc}
CFLAGS=${CFLAGS:--O2}
RZ_N=${RZ_N:-64}
RZ_M=${RZ_M:-16}
STEPS=${STEPS:-20000000}
src=$(cd "$(dirname "$0")/../.." && pwd)
specs=$builddir/plugin/redzone.specs
inc=/usr/include/csmith
command -v csmith >/dev/null || { echo "csmith-diff.sh: csmith not found: apt-get install csmith libcsmith-dev" >&2; exit 2; }
[ -f $inc/csmith.h ] || { echo "csmith-diff.sh: $inc/csmith.h not found: apt-get install libcsmith-dev" >&2; exit 2; }
[ -f "$specs" ] || { echo "csmith-diff.sh: $specs not found: build the plugin first" >&2; exit 2; }
mkdir -p "$out" && cd "$out" || exit 2
: > failures.txt
same=0 differ=0 slow=0 limit=0 unattacked=0 crash=0 converted=0 functions=0
. "$src/testsuite/gen/verify.sh"
for ((i = 0; i < count; i++, seed++)); do
  p=prog-$seed
  csmith --seed $seed --max-funcs 8 --max-block-depth 3 --max-expr-complexity 6 \
    --no-safe-math > $p.c 2>/dev/null || { echo "seed $seed: csmith failed" >&2; continue; }
  $GCC $CFLAGS -w -mno-red-zone -I$inc $p.c -o $p.ref 2>/dev/null || { echo "$seed: reference build failed" >> failures.txt; crash=$((crash + 1)); continue; }
  if ! want=$(timeout 10 ./$p.ref 2>/dev/null); then
    slow=$((slow + 1)); rm -f $p.*; continue
  fi
  if ! err=$($GCC $CFLAGS -w -I$inc -specs=$specs -mred-zone-size=$RZ_N -mred-zone-offset=$RZ_M \
      -mred-zone-report=$p.report -c $p.c -o $p.rz.o 2>&1); then
    echo "$seed: plugin build failed: $(echo "$err" | head -3)" >> failures.txt; crash=$((crash + 1)); continue
  fi
  rz_verify_seed $seed $p.rz.o || continue
  GCC=$GCC "$src/testsuite/adversary/link.sh" $PWD/$p.rz $p.rz.o ||
    { echo "$seed: link failed" >> failures.txt; crash=$((crash + 1)); continue; }
  converted=$((converted + $(awk -f "$src/plugin/report.awk" $p.report)))
  functions=$((functions + $(awk -f "$src/plugin/report.awk" -v count=all $p.report)))
  got=$(RZ_ADV_N=$RZ_N RZ_ADV_M=$RZ_M RZ_ADV_MAX_STEPS=$STEPS timeout 300 ./$p.rz 2>$p.adv)
  rc=$?
  attacked=$(sed -n 's/.*attacked=\([0-9]*\).*/\1/p' $p.adv)
  if [ $rc -eq 98 ]; then
    limit=$((limit + 1))
  elif [ $rc -ne 0 ] || [ "$got" != "$want" ]; then
    differ=$((differ + 1))
    echo "$seed: checksum differs under the adversary (exit $rc): want '$want' got '$got'" >> failures.txt
    continue   # keep the files of a failing seed
  elif [ "${attacked:-0}" -eq 0 ]; then
    unattacked=$((unattacked + 1))
    echo "$seed: the adversary attacked nothing: $(cat $p.adv)" >> failures.txt
    continue
  else
    same=$((same + 1))
  fi
  rm -f $p.*
  [ $(( (i + 1) % 10 )) -eq 0 ] && echo "csmith: $((i + 1))/$count done, $differ differ" >&2
done
echo "csmith N=$RZ_N M=$RZ_M $CFLAGS: $count programs, $same same, $differ different, $slow too slow without the adversary, $limit over the step limit, $unattacked not attacked, $crash build failures; $converted of $functions functions converted; rz-verify: $vfail programs failed, $vviol violations, $vunproven unproven"
[ $differ -eq 0 ] && [ $crash -eq 0 ] && [ $unattacked -eq 0 ] && [ $converted -gt 0 ] && [ $vfail -eq 0 ]
