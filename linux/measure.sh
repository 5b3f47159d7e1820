#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# measure.sh -- the figures of make check-linux's configuration, without its
# self-test: bytes against a stock kernel, next to native -mred-zone, and
# boot-to-init time as a ratio to the stock kernel.
#
# usage: linux/measure.sh [-o DIR] [--specs PATH] [--cc CC] [-j JOBS] [--boots N]
#   DIR     check-linux's work directory (default ./linux-out); its patched
#           source tree DIR/src must exist: run make check-linux first
#
# Six builds of tinyconfig + linux/config, all without X86_RED_ZONE_TEST
# and with PRINTK_TIME, from the same patched source, into DIR/measure/,
# each with FUNCTION_TRACER (as check-linux) and without it (NAME-notrace):
#   stock   X86_RED_ZONE off, the plain compiler (Linux's -mno-red-zone)
#   rz      X86_RED_ZONE on, CC="CC -specs=redzone.specs", with the report
#   native  X86_RED_ZONE off, KCFLAGS=-mred-zone (GCC's own 128-byte zone,
#           for reference: no kernel can run it)
# For each: functions converted (the plugin's report), functions that keep
# data below %rsp (rz-verify --size 0 over vmlinux.o: the same count for
# the plugin and the native zone), and tools/rz-compare against stock.
# Then N boots (default 5) of stock and of rz with linux/init.c, each timed
# from the kernel's printk clock at "Run /init".  DIR/measure/summary.txt
# keeps the figures.  Exit 0 when everything built and booted, 2 on bad
# usage.
set -u
me=measure.sh
die() { echo "$me: $*" >&2; exit 2; }
say() { echo "measure: $*"; }

here=$(cd "$(dirname "$0")" && pwd)
out=linux-out specs=${RZ_SPECS:-} CC=gcc jobs=2 boots=5
while [ $# -gt 0 ]; do
  case $1 in
    -o) out=${2:?}; shift 2 ;;
    --specs) specs=${2:?}; shift 2 ;;
    --cc) CC=${2:?}; shift 2 ;;
    -j) jobs=${2:?}; shift 2 ;;
    --boots) boots=${2:?}; shift 2 ;;
    -h|--help) sed -n '3,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
case $jobs in (''|*[!0-9]*|0) die "-j $jobs: not a positive number" ;; esac
case $boots in (''|*[!0-9]*|0) die "--boots $boots: not a positive number" ;; esac
[ -n "$specs" ] && [ -f "$specs" ] || die "no specs file: pass --specs <build>/plugin/redzone.specs"
specs=$(cd "$(dirname "$specs")" && pwd)/$(basename "$specs")
[ -d "$out" ] || die "$out: no such directory (run make check-linux first)"
out=$(cd "$out" && pwd)
src=$out/src
[ -f "$src/.rz-stamp" ] || die "$src: no patched tree (run make check-linux first)"
[ -f "$out/initramfs.cpio" ] || die "$out/initramfs.cpio: missing (run make check-linux first)"
m=$out/measure
mkdir -p "$m"
rzc=$here/../tools/rz-compare
verify=${RZ_VERIFY:-$here/../tools/rz-verify/rz-verify}
[ -x "$verify" ] || die "$verify: not built (run make first, or set RZ_VERIFY)"
: > "$m/summary.txt"
note() { echo "$*" | tee -a "$m/summary.txt"; }

# build NAME CC KCFLAGS RED_ZONE(y|n) FUNCTION_TRACER(y|n)
build() {
  local b=$m/$1 frag=$m/$1.config
  mkdir -p "$b"
  grep -v -e '^CONFIG_X86_RED_ZONE' "$here/config" > "$frag"
  if [ "$4" = y ]; then
    grep '^CONFIG_X86_RED_ZONE' "$here/config" | grep -v _TEST >> "$frag"
  fi
  echo 'CONFIG_PRINTK_TIME=y' >> "$frag"
  if [ "$5" = n ]; then
    grep -v -e '^CONFIG_FUNCTION_TRACER' -e '^CONFIG_DYNAMIC_FTRACE' "$frag" > "$frag.tmp"
    { cat "$frag.tmp"; echo '# CONFIG_FUNCTION_TRACER is not set'; } > "$frag"
    rm -f "$frag.tmp"
  fi
  say "building $1 (CC=$2${3:+, KCFLAGS=$3})"
  { make -s -C "$src" O="$b" CC="$2" tinyconfig &&
    "$src/scripts/kconfig/merge_config.sh" -m -O "$b" "$b/.config" "$frag" &&
    make -s -C "$src" O="$b" CC="$2" olddefconfig &&
    make -s -C "$src" O="$b" CC="$2" KCFLAGS="$3" -j"$jobs" bzImage; } > "$m/$1.log" 2>&1 ||
    die "the $1 build failed: see $m/$1.log"
  if [ "$4" = y ]; then grep -q '^CONFIG_X86_RED_ZONE=y' "$b/.config"
  else ! grep -q '^CONFIG_X86_RED_ZONE=y' "$b/.config"; fi || die "$1: X86_RED_ZONE is not $4"
  if [ "$5" = y ]; then grep -q '^CONFIG_FUNCTION_TRACER=y' "$b/.config"
  else ! grep -q '^CONFIG_FUNCTION_TRACER=y' "$b/.config"; fi || die "$1: FUNCTION_TRACER is not $5"
}

# Functions of NAME's vmlinux.o that keep live data below %rsp.
below_rsp() {
  "$verify" --size 0 "$m/$1/vmlinux.o" 2> /dev/null |
    awk -F': ' '$3 == "violation" { sub(/\+0x[0-9a-f]*$/, "", $2); print $2 }' | sort -u | wc -l
}
# The plugin's report: the last line of each function counts (a rebuild
# appends to it).
converted() {
  local r=$here/../plugin/report.awk
  echo "$(awk -f "$r" -v last=1 "$m/$1/report.txt") of $(awk -f "$r" -v last=1 -v count=all "$m/$1/report.txt")"
}

for tr in y n; do
  sfx=; [ $tr = n ] && sfx=-notrace
  build stock$sfx "$CC" "" n $tr
  build rz$sfx "$CC -specs=$specs" "-mred-zone-report=$m/rz$sfx/report.txt" y $tr
  build native$sfx "$CC" "-mred-zone" n $tr
  "$rzc" "$m/stock$sfx/vmlinux" "$m/rz$sfx/vmlinux" > "$m/compare-rz$sfx.txt" || die "rz-compare failed"
  "$rzc" "$m/stock$sfx/vmlinux" "$m/native$sfx/vmlinux" > "$m/compare-native$sfx.txt" || die "rz-compare failed"
  [ $tr = y ] && note "with FUNCTION_TRACER:" || note "without FUNCTION_TRACER:"
  note "  plugin (N=64 M=64): converted $(converted rz$sfx) functions; $(below_rsp rz$sfx) keep data below %rsp;" \
       "$(head -1 "$m/compare-rz$sfx.txt")"
  note "  native -mred-zone:  $(below_rsp native$sfx) functions keep data below %rsp;" \
       "$(head -1 "$m/compare-native$sfx.txt")"
  note "  stock:              $(below_rsp stock$sfx) functions keep data below %rsp"
done

# The kernel's own clock at "Run /init", in seconds, for each boot.
boot_time() {  # boot_time NAME N
  timeout -k 5 300 qemu-system-x86_64 -accel tcg,thread=single -smp 2 -m 256M \
    -nodefaults -display none -serial stdio -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -kernel "$m/$1/arch/x86/boot/bzImage" -initrd "$out/initramfs.cpio" \
    -append "console=ttyS0 panic=-1" < /dev/null > "$m/boot-$1-$2.log" 2>&1
  local st=$?
  grep -q 'init: RESULT: PASS' "$m/boot-$1-$2.log" && [ $st = 33 ] ||
    die "$1 boot $2 did not pass: see $m/boot-$1-$2.log"
  sed -n 's/^\[ *\([0-9.]*\)\] Run \/init as init process.*/\1/p' "$m/boot-$1-$2.log" | head -1
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
rm -f "$m/times-stock" "$m/times-rz"
for k in $(seq "$boots"); do
  for n in stock rz; do
    t=$(boot_time $n $k)
    [ -n "$t" ] || die "$n boot $k: no 'Run /init' time"
    echo "$t" >> "$m/times-$n"
  done
done
ts=$(median < "$m/times-stock") tr=$(median < "$m/times-rz")
note "boot to /init (printk clock, median of $boots): stock $ts s, red zone $tr s, ratio $(awk -v a="$tr" -v b="$ts" 'BEGIN { printf "%.3f", a / b }')"
