#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# torture.sh -- compile GCC's C torture tests with the plugin: crash check,
# conversion counts and .text savings.
#
# usage: bench/torture.sh BUILDDIR [OUTDIR]
#   BUILDDIR  the configured build tree (holds plugin/redzone.specs)
#   OUTDIR    scratch and results (default: ./torture-out)
# Environment: GCC (default gcc), JOBS (default: nproc), LEVELS (default
# "-O0 -O1 -O2 -O3 -Os"), SETTINGS (default "32,16 64,64 120,0", used at
# -O2), OTHER (default "120,0": the settings at the other levels), EXEC
# (default "120,0": the settings for the execute tests, "" for none),
# REFERENCES (the variants compiled beside the plugin at -O2, default
# "base native": -mno-red-zone and -mred-zone), FLAGS (added to every compile, e.g. "-fno-omit-frame-pointer" or
# "-mindirect-branch=thunk-inline"), STEPS (the adversary's step limit for
# an execute test, default 20000000), TORTURE (a gcc.c-torture directory;
# default: unpacked from gcc-12-source).
#
# 1. Every file of compile/ and execute/ at every level and setting: any
#    "internal compiler error", or a file that compiles with -mno-red-zone
#    but not with the plugin, is a failure.  (The -mno-red-zone build is
#    made only where the plugin build fails, except at -O2.)
# 2. At -O2, per setting: functions converted, and the summed .text bytes of
#    the files that compiled in every variant, against -mno-red-zone and
#    against GCC's native -mred-zone.
# 3. execute/ at -O2 under each EXEC setting, under the every-instruction
#    adversary (testsuite/adversary) attacking that window, with every code
#    section of the program attacked (rz-text.ld): the program must exit as
#    the -mno-red-zone build does, and the adversary must have attacked.  A
#    program in which the plugin converted nothing and whose object is
#    byte-identical to the -mno-red-zone one cannot differ: it is counted
#    as identical and not run.  A run over the step limit is counted apart.
# 4. rz-verify (RZ_VERIFY, default BUILDDIR/tools/rz-verify/rz-verify) over
#    every object the plugin compiled, against the settings in its note:
#    a violation is a failure.
set -u
builddir=$(cd "${1:?usage: torture.sh BUILDDIR [OUTDIR]}" && pwd)
out=${2:-torture-out}
specs=$builddir/plugin/redzone.specs
GCC=${GCC:-gcc}
JOBS=${JOBS:-$(nproc)}
LEVELS=${LEVELS:-"-O0 -O1 -O2 -O3 -Os"}
SETTINGS=${SETTINGS:-"32,16 64,64 120,0"}
OTHER=${OTHER-"120,0"}
EXEC=${EXEC-"120,0"}
FLAGS=${FLAGS:-}
STEPS=${STEPS:-20000000}
src=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$specs" ] || { echo "torture.sh: $specs not found: build the plugin first" >&2; exit 2; }
mkdir -p "$out" && out=$(cd "$out" && pwd)

if [ -z "${TORTURE:-}" ]; then
  tarball=$(ls /usr/src/gcc-12/gcc-*.tar.* 2>/dev/null | head -n 1)
  [ -n "$tarball" ] || { echo "torture.sh: no GCC source: apt-get install gcc-12-source, or set TORTURE=" >&2; exit 2; }
  if [ ! -d "$out/src" ]; then
    echo "unpacking the torture tests from $tarball" >&2
    mkdir -p "$out/src"
    tar -xf "$tarball" -C "$out/src" --wildcards '*/gcc/testsuite/gcc.c-torture/compile/*' \
      '*/gcc/testsuite/gcc.c-torture/execute/*' || exit 2
  fi
  TORTURE=$(echo "$out"/src/*/gcc/testsuite/gcc.c-torture)
fi
cd "$out" || exit 2
: > files.txt
for d in compile execute; do
  find "$TORTURE/$d" -maxdepth 1 -name '*.c' | sort >> files.txt
done
echo "$(wc -l < files.txt) files, levels: $LEVELS, settings: $SETTINGS, flags: ${FLAGS:-none}" >&2

# One compile: FILE LEVEL VARIANT -> obj/<variant><level>/<n>.o, and a line in
# results/<variant><level>.txt: "<file> ok|fail|ice <text bytes>".
compile_one() {
  f=$1 level=$2 variant=$3
  tag=$variant$level
  o=obj/$tag/${f//\//_}.o
  case $variant in
    base)   flags="-mno-red-zone" ;;
    native) flags="-mred-zone" ;;
    *)      n=${variant#rz}; m=${n#*_}; n=${n%_*}
            flags="-specs=$specs -mred-zone-size=$n -mred-zone-offset=$m -mred-zone-report=reports/$tag.txt" ;;
  esac
  err=$(timeout 120 $GCC -c -w $level $FLAGS $flags -fno-diagnostics-color "$f" -o "$o" 2>&1)
  rc=$?
  if echo "$err" | grep -q "internal compiler error\|Segmentation fault\|Please submit a full bug report"; then
    status=ice
  elif [ $rc -eq 0 ]; then
    status=ok
  elif [ $variant != base ] && ! timeout 120 $GCC -c -w $level $FLAGS -mno-red-zone "$f" -o /dev/null 2>/dev/null; then
    status=skip    # -mno-red-zone rejects it too (torture tests for errors)
  else
    status=fail
  fi
  text=0
  [ $status = ok ] && text=$(size -A "$o" | awk '$1 ~ /^\.text/ { s += $2 } END { print s + 0 }')
  echo "$f $status $text" >> "results/$tag.txt"
  [ $status = ice ] && { echo "ICE: $GCC -c $level $flags $f" >> ices.txt; echo "$err" | tail -5 >> ices.txt; }
}
# Many compilations per shell: xargs passes triples.
compile_many() {
  while [ $# -ge 3 ]; do compile_one "$1" "$2" "$3"; shift 3; done
}
export -f compile_one compile_many
export specs GCC FLAGS STEPS src

rm -rf obj results reports ices.txt
mkdir -p obj results reports
variants="base native"
for s in $SETTINGS; do variants="$variants rz${s/,/_}"; done
settings_at() { if [ "$1" = -O2 ]; then echo $SETTINGS; else echo $OTHER; fi; }
jobs=jobs.txt
: > $jobs
for level in $LEVELS; do
  vs=""
  [ "$level" = -O2 ] && vs="${REFERENCES-base native}"
  for s in $(settings_at $level); do vs="$vs rz${s/,/_}"; done
  for v in $vs; do
    mkdir -p "obj/$v$level"
    sed "s|\$| $level $v|" files.txt >> $jobs
  done
done
echo "$(wc -l < $jobs) compilations on $JOBS jobs" >&2
xargs -P "$JOBS" -n 60 bash -c 'compile_many "$0" "$@"' < $jobs

# --- summary ------------------------------------------------------------
ices=0; regress=0
for level in $LEVELS; do
  for s in $(settings_at $level); do
    tag=rz${s/,/_}$level
    i=$(grep -c ' ice ' "results/$tag.txt")
    # A file that compiles with -mno-red-zone must compile with the plugin.
    r=$(grep -c ' fail ' "results/$tag.txt")
    ices=$((ices + i)); regress=$((regress + r))
    conv=$(awk -f "$src/plugin/report.awk" "reports/$tag.txt" 2>/dev/null)
    total=$(awk -f "$src/plugin/report.awk" -v count=all "reports/$tag.txt" 2>/dev/null)
    printf '%-4s N=%-3s M=%-3s files %d, ICEs %d, failures %d, functions converted %d of %d\n' \
      "$level" "${s%,*}" "${s#*,}" "$(grep -c ' ok ' "results/$tag.txt")" "$i" "$r" "$conv" "$total"
  done
done

# Sizes at -O2 over the files that compiled in every variant.
if [ -f results/base-O2.txt ]; then
common=$(mktemp)
cut -d' ' -f1 files.txt | sort > "$common"
for v in $variants; do
  grep ' ok ' "results/$v-O2.txt" | cut -d' ' -f1 | sort | join - "$common" > "$common.n"
  mv "$common.n" "$common"
done
sum() { sort "results/$1-O2.txt" | join - "$common" | awk '{ s += $3 } END { print s + 0 }'; }
base=$(sum base); native=$(sum native)
echo
echo "-O2 .text over $(wc -l < "$common") files that compile in every variant:"
printf '  %-22s %10d bytes\n' "-mno-red-zone" "$base"
printf '  %-22s %10d bytes  saves %d\n' "native -mred-zone" "$native" $((base - native))
for s in $SETTINGS; do
  t=$(sum "rz${s/,/_}")
  awk -v n="${s%,*}" -v m="${s#*,}" -v t="$t" -v b="$base" -v nat="$native" 'BEGIN {
    r = (b - nat) ? (b - t) / (b - nat) : 0
    printf "  plugin N=%-3s M=%-3s %10d bytes  saves %d (%.2f of native)\n", n, m, t, b - t, r }'
done
rm -f "$common"
fi

# --- rz-verify over the plugin's objects ---------------------------------
# Each object carries its settings (.note.redzone): rz-verify checks it
# against them; unproven functions are counted.  A violation is a failure
# unless the -mno-red-zone build of the same file has it too, in the same
# function: then it is GCC's own code (a test that reads below its array,
# say), which the plugin left alone.
verify=${RZ_VERIFY:-$builddir/tools/rz-verify/rz-verify}
# own_violation OBJ FUNCTION N M LEVEL: is FUNCTION flagged at N, M in the
# -mno-red-zone build of OBJ's source?
own_violation() {
  local f b
  f=$(awk -v o="$(basename "$1")" '{ t = $0; gsub("/", "_", t) } t ".o" == o' files.txt)
  b=verify-base.o
  [ -n "$f" ] && $GCC -c -w $5 $FLAGS -mno-red-zone "$f" -o $b 2>/dev/null &&
    "$verify" --size "$3" --offset "$4" $b 2>/dev/null | grep -q ": $2+0x[0-9a-f]*: violation: "
}
echo
for level in $LEVELS; do
  for s in $(settings_at $level); do
    tag=rz${s/,/_}$level
    ls obj/$tag/*.o > "verify-$tag.list" 2>/dev/null || continue
    # Many files per run; each run ends with its summary line.
    xargs -P "$JOBS" -n 200 "$verify" < "verify-$tag.list" > "verify-$tag.txt" 2> "verify-$tag.err"
    own=0 plugin=0
    while IFS= read -r line; do
      obj=${line%%: *} fn=${line#*: } fn=${fn%%+0x*}
      if own_violation "$obj" "$fn" "${s%,*}" "${s#*,}" "$level"; then
        own=$((own + 1)); echo "  also with -mno-red-zone: $line"
      else
        plugin=$((plugin + 1)); echo "  VIOLATION: $line"
      fi
    done < <(grep ': violation: ' "verify-$tag.txt")
    awk -v level="$level" -v n="${s%,*}" -v m="${s#*,}" -v own=$own '
      /^rz-verify: N=/ { f += $4; v += $6; u += $8; runs++ }
      END { printf "rz-verify %-4s N=%-3s M=%-3s %d functions, %d violations (%d also in the -mno-red-zone build), %d unproven (%d runs)\n",
              level, n, m, f, v, own, u, runs }' "verify-$tag.txt"
    regress=$((regress + plugin))
  done
done

# --- execute tests at -O2, under the adversary ---------------------------
run_one() {
  f=$1 s=$2
  n=${s%,*} m=${s#*,}
  b=exe/$(basename "$f" .c)
  r=$b.rz$n.$m
  timeout 120 $GCC -O2 -w $FLAGS -mno-red-zone -c "$f" -o "$b.o" 2>/dev/null &&
    timeout 120 $GCC "$b.o" -o "$b.base" -lm 2>/dev/null || { echo "$f skip"; return; }
  rm -f "$r.report"
  timeout 120 $GCC -O2 -w $FLAGS -specs=$specs -mred-zone-size=$n -mred-zone-offset=$m \
      -mred-zone-report="$r.report" -c "$f" -o "$r.rz.o" 2>/dev/null \
    || { echo "$f fail build"; return; }
  conv=$(awk -f "$src/plugin/report.awk" "$r.report")
  # Identical but for the plugin's note: nothing to run.
  if [ "$conv" -eq 0 ] && objcopy -R .note.redzone "$r.rz.o" "$r.cmp.o" &&
     cmp -s "$b.o" "$r.cmp.o"; then
    echo "$f identical"; rm -f "$r".*; return
  fi
  timeout 120 "$src/testsuite/adversary/link.sh" "$r" "$r.rz.o" -lm 2>/dev/null \
    || { echo "$f fail link"; return; }
  timeout 20 "$b.base" > "$b.want" 2>&1; want=$?
  RZ_ADV_N=$n RZ_ADV_M=$m RZ_ADV_MAX_STEPS=$STEPS timeout 600 "$r" > "$r.got" 2> "$r.adv"; got=$?
  attacked=$(sed -n 's/.*attacked=\([0-9]*\).*/\1/p' "$r.adv" | tail -n 1)
  if [ $got -eq 98 ]; then
    echo "$f limit ($conv converted)"
  elif [ $want -eq $got ] && [ "${attacked:-0}" -gt 0 ] && cmp -s "$b.want" "$r.got"; then
    echo "$f ok ($conv converted, $attacked attacked)"; rm -f "$r" "$r".*
  else
    echo "$f fail exit $got, wanted $want, attacked ${attacked:-0}, $conv converted"
  fi
}
export -f run_one
mkdir -p exe
echo
for s in $EXEC; do
  x=exec-${s/,/_}.txt
  grep '/execute/' files.txt | xargs -P "$JOBS" -I{} bash -c 'run_one "$0" "$1"' {} "$s" > "$x"
  printf 'execute -O2 %sN=%-3s M=%-3s under the adversary: %d same, %d different, %d over the step limit, %d identical to -mno-red-zone (nothing converted), %d not built by -mno-red-zone; %d functions converted\n' \
    "${FLAGS:+$FLAGS }" "${s%,*}" "${s#*,}" "$(grep -c ' ok ' "$x")" "$(grep -c ' fail' "$x")" \
    "$(grep -c ' limit ' "$x")" "$(grep -c ' identical$' "$x")" "$(grep -c ' skip$' "$x")" \
    "$(sed -n 's/.*(\([0-9]*\) converted.*/\1/p' "$x" | awk '{ s += $1 } END { print s + 0 }')"
  regress=$((regress + $(grep -c ' fail' "$x")))
done
echo
echo "total: $ices ICEs, $regress failures"
[ $ices -eq 0 ] && [ $regress -eq 0 ]
