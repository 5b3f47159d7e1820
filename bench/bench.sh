#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# bench.sh -- the figures of doc/PERFORMANCE.md (`make bench` runs it).
#
# usage: bench/bench.sh [options]
#   --specs PATH     redzone.specs (default $RZ_SPECS, else the installed one)
#   --cc CC          compiler (default gcc)
#   -o DIR           scratch and results (default ./bench-out)
#   -n ITERATIONS    calls per benchmarked function (default 100000)
#   --reps R         compile-time repetitions (default 10)
#   --sweeps-only    only step 0 (`make plots`)
#
# 0. Code size: rz-compare --sweep over examples/ and over kernel-demo's C
#    sources, with the flags each is built with (sweep-examples/,
#    sweep-kdemo/: CSV and plot).
# 1. Leaf functions: the example sources (examples/) compiled with kernel
#    flags as -mno-red-zone, GCC's native -mred-zone, and the plugin at a few
#    settings, each linked with the same driver (leaf-bench.c).  One run per
#    variant under valgrind --tool=callgrind counts the instructions executed
#    in each example function (Ir); ratios are against -mno-red-zone.
#    The driver's checksum must be the same for every variant.
# 2. Compile time, the same sources with and without the plugin: CPU time
#    (user+sys, R repetitions, interleaved) and the instructions the
#    compiler executes (valgrind --tool=cachegrind, deterministic).
# 3. Interrupt entry: kernel-demo (when present) built in its two schemes,
#    direct N=32 M=64 and IST N=32 M=16 (as `make demo` runs them), and the
#    instructions of its entry stubs counted from objdump -d (bench/stubs.sh).
set -u
me=bench.sh
die() { echo "$me: $*" >&2; exit 2; }
here=$(cd "$(dirname "$0")" && pwd)
ex=$here/../examples
out=bench-out specs=${RZ_SPECS:-} CC=gcc iters=100000 reps=10
while [ $# -gt 0 ]; do
  case $1 in
    --specs) specs=${2:?}; shift 2 ;;
    --cc) CC=${2:?}; shift 2 ;;
    -o) out=${2:?}; shift 2 ;;
    -n) iters=${2:?}; shift 2 ;;
    --reps) reps=${2:?}; shift 2 ;;
    --sweeps-only) sweeps_only=1; shift ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
case $iters$reps in *[!0-9]*|'') die "-n and --reps take numbers" ;; esac
command -v "$CC" >/dev/null || die "compiler not found: $CC"
if [ -z "$specs" ]; then
  specs=$($CC -print-file-name=redzone.specs)
  [ "$specs" != redzone.specs ] || die "no redzone.specs: give --specs PATH or set RZ_SPECS"
fi
[ -f "$specs" ] || die "specs file not found: $specs"
for t in valgrind callgrind_annotate objdump nm; do
  command -v $t >/dev/null || die "$t not found (apt-get install valgrind binutils)"
done
mkdir -p "$out" && out=$(cd "$out" && pwd)

KFLAGS="-O2 -ffreestanding -mgeneral-regs-only -mcmodel=kernel -fno-pic -fno-stack-protector"
SRCS="checksum string ringbuf sched_list bitops"
VARIANTS="base native rz-120-0 rz-32-16 rz-64-64"
vflags() {
  case $1 in
    base) echo "-mno-red-zone" ;;
    native) echo "-mred-zone" ;;
    rz-*) local nm=${1#rz-}; echo "-specs=$specs -mred-zone-size=${nm%-*} -mred-zone-offset=${nm#*-}" ;;
  esac
}

# ---- 0. code size sweeps
rzc=$here/../tools/rz-compare
kd=$here/../kernel-demo
echo "== code size: examples/ (kernel flags: $KFLAGS)"
"$rzc" --sweep --specs "$specs" --cc "$CC" --cflags "$KFLAGS" -j 2 -o "$out/sweep-examples" \
  "$ex"/checksum.c "$ex"/string.c "$ex"/ringbuf.c "$ex"/sched_list.c "$ex"/bitops.c ||
  die "sweep over examples/ failed"
echo
echo "== code size: kernel-demo C sources (its own flags)"
KDFLAGS="-std=gnu11 -O2 -ffreestanding -fno-pic -fno-pie -mgeneral-regs-only -fno-stack-protector
  -fno-tree-loop-distribute-patterns -DRZ_SIZE=32 -DRZ_OFFSET=64 -DENTRY_IST=0 -DBROKEN=0
  -DCODE_OFFSET=64 -DPIT_DIVISOR=2 -DTIMER_ROUNDS=400 -DSTEP_ROUNDS=4"
"$rzc" --sweep --specs "$specs" --cc "$CC" --cflags "$(echo $KDFLAGS)" -j 2 -o "$out/sweep-kdemo" \
  "$kd"/*.c || die "sweep over kernel-demo failed"
echo
[ -n "${sweeps_only:-}" ] && exit 0

# ---- 1. leaf functions under callgrind
echo "== leaf functions: instructions executed (callgrind Ir), $iters calls per benchmark"
$CC -O2 -I"$ex" -c "$here/leaf-bench.c" -o "$out/leaf-bench.o" || die "cannot compile leaf-bench.c"
for v in $VARIANTS; do
  mkdir -p "$out/$v"
  for s in $SRCS; do
    $CC $KFLAGS $(vflags $v) -c "$ex/$s.c" -o "$out/$v/$s.o" || die "cannot compile $s.c ($v)"
  done
  $CC -no-pie -o "$out/$v/leaf-bench" "$out/leaf-bench.o" "$out/$v"/*.o || die "cannot link ($v)"
  echo "$me: callgrind $v" >&2
  valgrind --tool=callgrind --callgrind-out-file="$out/$v/callgrind.out" \
    "$out/$v/leaf-bench" "$iters" > "$out/$v/stdout" 2> "$out/$v/valgrind.log" ||
    die "valgrind failed ($v): see $out/$v/valgrind.log"
  callgrind_annotate --threshold=100 "$out/$v/callgrind.out" |
    sed -n 's/^ *\([0-9,]*\) ([ 0-9.%]*) *[^ ]*:\([A-Za-z_0-9.]*\) \[.*/\2 \1/p' | tr -d , > "$out/$v/ir.txt"
done
# The example functions are those the example objects define.
nm --defined-only "$out/base"/*.o | awk '$2 ~ /^[Tt]$/ { print $3 }' | sort -u > "$out/functions.txt"
ref=$(cat "$out/base/stdout")
for v in $VARIANTS; do
  [ "$(cat "$out/$v/stdout")" = "$ref" ] || die "$v: checksum differs from -mno-red-zone: $(cat "$out/$v/stdout") vs $ref"
done
echo "checksums: all variants print '$ref'"
# Table: one row per function that ran, Ir per call for each variant and
# the ratio to -mno-red-zone; then the totals over these functions.
{
  for v in $VARIANTS; do awk -v v=$v '{ print v, $1, $2 }' "$out/$v/ir.txt"; done
} | awk -v n="$iters" -v vars="$VARIANTS" -v fnfile="$out/functions.txt" '
  BEGIN { while ((getline f < fnfile) > 0) isfn[f] = 1; nv = split(vars, V, " ") }
  isfn[$2] { ir[$1, $2] = $3; seen[$2] = 1 }
  END {
    printf "%-22s", "function (Ir/call)"
    for (i = 1; i <= nv; i++) printf " %9s", V[i]
    for (i = 2; i <= nv; i++) printf " %9s", V[i] "/b"
    printf "\n"
    for (f in seen) {
      line = sprintf("%-22s", f)
      for (i = 1; i <= nv; i++) { line = line sprintf(" %9.2f", ir[V[i], f] / n); tot[V[i]] += ir[V[i], f] }
      for (i = 2; i <= nv; i++) line = line sprintf(" %9.4f", ir[V[1], f] ? ir[V[i], f] / ir[V[1], f] : 0)
      print line | "sort"
    }
    close("sort")
    printf "%-22s", "all (Ir total)"
    for (i = 1; i <= nv; i++) printf " %9d", tot[V[i]]
    for (i = 2; i <= nv; i++) printf " %9.4f", tot[V[i]] / tot[V[1]]
    printf "\n"
  }' | tee "$out/leaf.txt"
echo "(b = -mno-red-zone; Ir counted by valgrind --tool=callgrind, one run per variant)"

# ---- 2. compile time
echo
echo "== compile time: examples/*.c with $KFLAGS, -mno-red-zone vs plugin N=120 M=0"
ctime() {  # VARIANT: compile every source once; prints CPU seconds
  local TIMEFORMAT='%3U %3S' t
  t=$( { time for s in $SRCS; do $CC $KFLAGS $(vflags $1) -c "$ex/$s.c" -o "$out/ct.o" || exit 1; done; } 2>&1 ) ||
    die "compile failed ($1)"
  echo "$t" | tail -n 1 | awk '{ printf "%.3f\n", $1 + $2 }'
}
cb=0 cp=0
for ((r = 0; r < reps; r++)); do
  cb=$(echo "$cb $(ctime base)" | awk '{ print $1 + $2 }')
  cp=$(echo "$cp $(ctime rz-120-0)" | awk '{ print $1 + $2 }')
done
awk -v b="$cb" -v p="$cp" -v r="$reps" 'BEGIN {
  printf "CPU time (user+sys), %d repetitions: -mno-red-zone %.2f s, plugin %.2f s, ratio %.3f\n", r, b, p, p / b }' |
  tee "$out/compile-time.txt"
# Instructions executed by the compiler (driver, cc1, as), all processes.
cinsns() {
  rm -rf "$out/cg-$1" && mkdir -p "$out/cg-$1"
  for s in $SRCS; do
    valgrind --tool=cachegrind --cache-sim=no --trace-children=yes \
      --cachegrind-out-file=/dev/null --log-file="$out/cg-$1/$s.%p.log" \
      $CC $KFLAGS $(vflags $1) -c "$ex/$s.c" -o "$out/ct.o" || die "cachegrind of the compiler failed ($1)"
  done
  cat "$out/cg-$1"/*.log | awk '/I +refs:/ { gsub(/,/, "", $NF); s += $NF } END { printf "%d\n", s }'
}
echo "$me: cachegrind of the compiler" >&2
ib=$(cinsns base); ip=$(cinsns rz-120-0)
awk -v b="$ib" -v p="$ip" 'BEGIN {
  printf "compiler instructions (cachegrind, gcc+cc1+as): -mno-red-zone %d, plugin %d, ratio %.4f\n", b, p, p / b }' |
  tee -a "$out/compile-time.txt"

# ---- 3. interrupt entry stubs
echo
kd=$here/../kernel-demo
if [ -f "$kd/Makefile" ]; then
  echo "== interrupt entry stubs (kernel-demo), instructions up to alltraps"
  for c in direct:32:64 ist:32:16; do
    set -- ${c//:/ }
    make -s -C "$kd" all O="$out/kdemo-$1" ENTRY=$1 RZ_SIZE=$2 RZ_OFFSET=$3 RZ_SPECS="$specs" \
      > "$out/kdemo-$1.log" 2>&1 || die "kernel-demo build failed ($c): see $out/kdemo-$1.log"
  done
  "$here/stubs.sh" "$out/kdemo-direct/kernel.elf" "$out/kdemo-ist/kernel.elf" | tee "$out/stubs.txt"
else
  echo "== interrupt entry stubs: skipped (no kernel-demo/)"
fi
