#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-linux.sh -- boot a real Linux 6.1 whose C code runs with a red zone.
#
# usage: linux/check-linux.sh [options]
#   -o DIR          work and results (default ./linux-out); a second run
#                   reuses the unpacked, patched and built tree
#   --specs PATH    redzone.specs of a built plugin (default $RZ_SPECS)
#   --source TAR    the Linux source (default /usr/src/linux-source-6.1.tar.xz,
#                   from Debian's linux-source-6.1)
#   --cc CC         the compiler the plugin was built for (default gcc)
#   -j JOBS         parallel build jobs (default 2)
#   --timeout SECS  per boot (default 300)
#
# Steps: unpack the source; apply linux/patches (the quilt series) with
# patch(1); configure tinyconfig plus linux/config (the red zone, its
# boot-time self-test, SMP, a serial console, an initramfs); build bzImage
# with CC="CC -specs=redzone.specs"; build linux/init.c as a static /init
# and an initramfs; boot it in QEMU (TCG, -smp 2) and require the kernel's
# self-test and /init to pass; boot it again with red_zone_test=noreserve
# (the entry's reservation off, its noise on) and require the failure to be
# reported: corruption found by the self-test or /init, or a crash the
# kernel reports as such.  Finally rz-verify checks vmlinux.o.  Exit 0 only
# when all of that holds; 1 when a check fails; 2 on bad usage or a missing
# tool.  DIR/summary.txt keeps the figures.
set -u
me=check-linux.sh
die() { echo "$me: $*" >&2; exit 2; }
say() { echo "check-linux: $*"; }

here=$(cd "$(dirname "$0")" && pwd)
out=linux-out specs=${RZ_SPECS:-} source=/usr/src/linux-source-6.1.tar.xz
CC=gcc jobs=2 timeout=300
while [ $# -gt 0 ]; do
  case $1 in
    -o) out=${2:?}; shift 2 ;;
    --specs) specs=${2:?}; shift 2 ;;
    --source) source=${2:?}; shift 2 ;;
    --cc) CC=${2:?}; shift 2 ;;
    -j) jobs=${2:?}; shift 2 ;;
    --timeout) timeout=${2:?}; shift 2 ;;
    -h|--help) sed -n '3,27p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
  esac
done
case $jobs in (''|*[!0-9]*|0) die "-j $jobs: not a positive number" ;; esac
case $timeout in (''|*[!0-9]*|0) die "--timeout $timeout: not a positive number" ;; esac
[ -n "$specs" ] || die "no specs file: pass --specs <build>/plugin/redzone.specs or set RZ_SPECS"
[ -f "$specs" ] || die "$specs: no such file (build the plugin first)"
specs=$(cd "$(dirname "$specs")" && pwd)/$(basename "$specs")
[ -f "$source" ] || die "$source: no such file (apt-get install linux-source-6.1)"
for t in make patch flex bison bc cpio qemu-system-x86_64 "$CC"; do
  command -v "$t" > /dev/null || die "$t: not found (see README.md for the packages)"
done
mkdir -p "$out" || die "$out: cannot create"
out=$(cd "$out" && pwd)
src=$out/src build=$out/build
rzcc="$CC -specs=$specs"
verify=${RZ_VERIFY:-$here/../tools/rz-verify/rz-verify}
: > "$out/summary.txt"
note() { echo "$*" | tee -a "$out/summary.txt"; }
t0=$(date +%s)

# --- 1. unpack, 2. patch ----------------------------------------------------
# The tree is reused while the tarball and the patches are the same; a new
# series starts again from a fresh tree, so patches never apply twice.
patches=$(grep -v -e '^#' -e '^$' "$here/patches/series")
stamp="$(stat -c '%s %Y' "$source") $(cd "$here/patches" && cat series $patches | sha256sum | cut -d' ' -f1)"
if [ ! -f "$src/.rz-stamp" ] || [ "$(cat "$src/.rz-stamp")" != "$stamp" ]; then
  say "[1/8] unpacking $source"
  rm -rf "$src" "$src.tmp" "$build"
  mkdir -p "$src.tmp" && tar -xf "$source" -C "$src.tmp" --strip-components=1 ||
    die "cannot unpack $source"
  mv "$src.tmp" "$src"
  say "[2/8] applying $(echo $patches | wc -w) patches (linux/patches/series)"
  for p in $patches; do
    patch -d "$src" -p1 -s --no-backup-if-mismatch < "$here/patches/$p" ||
      { say "FAIL: patch $p does not apply"; exit 1; }
  done
  echo "$stamp" > "$src/.rz-stamp"
else
  say "[1/8] $src: unpacked and patched already"
  say "[2/8] (patches unchanged)"
fi

# --- 3. configure -----------------------------------------------------------
say "[3/8] configuring: tinyconfig + linux/config"
mkdir -p "$build"
if ! { make -s -C "$src" O="$build" CC="$rzcc" tinyconfig > "$out/config.log" 2>&1 &&
       "$src/scripts/kconfig/merge_config.sh" -m -O "$build" "$build/.config" \
         "$here/config" >> "$out/config.log" 2>&1 &&
       make -s -C "$src" O="$build" CC="$rzcc" olddefconfig >> "$out/config.log" 2>&1; }; then
  say "FAIL: configuration failed: see $out/config.log"; exit 1
fi
# Every option of the fragment must have survived olddefconfig.
missing=$(grep '^CONFIG_' "$here/config" | while read -r line; do
  grep -qx "$line" "$build/.config" || echo "$line"; done)
if [ -n "$missing" ]; then
  say "FAIL: the configuration lacks: $(echo $missing) (is the plugin's option accepted by '$rzcc'?)"
  exit 1
fi

# --- 4. build -----------------------------------------------------------------
say "[4/8] building bzImage with $rzcc (-j$jobs; a fresh build takes some minutes)"
b0=$(date +%s)
# The plugin appends one line per function to the report as it compiles;
# a rebuild appends again, so the last line of each function counts.
make -C "$src" O="$build" CC="$rzcc" -j"$jobs" \
  KCFLAGS="-mred-zone-report=$build/report.txt" bzImage > "$out/build.log" 2>&1 &
pid=$!
n=0
while kill -0 $pid 2> /dev/null; do
  sleep 2
  n=$((n + 1))
  [ $((n % 15)) = 0 ] && kill -0 $pid 2> /dev/null &&
    say "      ... $(grep -c '^  CC ' "$out/build.log") files compiled, $(( $(date +%s) - b0 )) s"
done
wait $pid || { say "FAIL: the kernel build failed: see $out/build.log"; tail -5 "$out/build.log"; exit 1; }
bsecs=$(( $(date +%s) - b0 ))
if grep -q 'warning: objtool' "$out/build.log"; then
  say "FAIL: objtool warnings: see $out/build.log"; grep 'warning: objtool' "$out/build.log" | head -5
  exit 1
fi
conv=$(awk -f "$here/../plugin/report.awk" -v last=1 "$build/report.txt")
funcs=$(awk -f "$here/../plugin/report.awk" -v last=1 -v count=all "$build/report.txt")
note "build: ${bsecs} s (-j$jobs); the plugin converted $conv of $funcs functions ($build/report.txt)"

# --- 5. /init and the initramfs ---------------------------------------------
say "[5/8] building /init (static) and the initramfs"
"$CC" -static -O2 -Wall -o "$out/init" "$here/init.c" || die "cannot build $here/init.c"
"$CC" -O2 -o "$out/gen_init_cpio" "$src/usr/gen_init_cpio.c" || die "cannot build gen_init_cpio"
printf 'dir /dev 0755 0 0\nnod /dev/console 0600 0 0 c 5 1\nfile /init %s 0755 0 0\n' \
  "$out/init" > "$out/initramfs.list"
"$out/gen_init_cpio" "$out/initramfs.list" > "$out/initramfs.cpio" || die "cannot build the initramfs"

# --- 6, 7. boot ------------------------------------------------------------------
# isa-debug-exit: /init writes 0x10 (pass: QEMU exits 33) or 0x11 (35).
boot() {  # boot NAME EXTRA-CMDLINE; leaves $out/boot-NAME.log and $status
  local s0=$(date +%s)
  # One host thread for both CPUs (thread=single): with a thread per CPU,
  # QEMU 7.2 sometimes lets a CPU run a stale int3 of ftrace's live
  # patching, which Linux then reports as an unhandled int3; a kernel
  # without these patches does the same.
  timeout -k 5 "$timeout" qemu-system-x86_64 -accel tcg,thread=single -smp 2 -m 256M -nodefaults \
    -display none -serial stdio -no-reboot \
    -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
    -kernel "$build/arch/x86/boot/bzImage" -initrd "$out/initramfs.cpio" \
    -append "console=ttyS0 panic=-1 oops=panic $2" < /dev/null > "$out/boot-$1.log" 2>&1
  status=$?
  secs=$(( $(date +%s) - s0 ))
}
line() { grep -m1 "$1" "$out/boot-$2.log" | tr -d '\r'; }

say "[6/8] booting it in QEMU (-smp 2): the self-test and /init must pass"
boot normal ""
selftest=$(line 'red_zone_test: [0-9]* calls checked' normal)
init=$(line 'init: summary' normal)
cpus=$(line 'smp: Brought up' normal)
note "boot: $secs s, QEMU status $status; $cpus"
note "  $selftest"
note "  $(line 'red_zone_test: function tracer' normal)"
note "  $init"
note "  $(line 'init: function tracer' normal)"
ok=1
if ! grep -q 'red_zone_test: PASS' "$out/boot-normal.log"; then
  say "FAIL: the kernel's self-test did not pass (see $out/boot-normal.log)"; ok=0
fi
if [ "$status" != 33 ] || ! grep -q 'init: RESULT: PASS' "$out/boot-normal.log"; then
  say "FAIL: /init did not pass (QEMU status $status; see $out/boot-normal.log)"; ok=0
fi
case $cpus in (*'2 CPUs'*) ;; (*) say "FAIL: not 2 CPUs: $cpus"; ok=0 ;; esac

say "[7/8] booting again with red_zone_test=noreserve: the failure must be reported"
boot noreserve "red_zone_test=noreserve"
ctl=$(grep -m1 -E 'red_zone_test: FAIL:|Kernel panic|BUG:|Oops|general protection|init: RESULT: FAIL' \
  "$out/boot-noreserve.log" | tr -d '\r')
note "control (red_zone_test=noreserve): $secs s, QEMU status $status"
note "  $(line 'red_zone_test: [0-9]* calls checked' noreserve)"
if [ -n "$ctl" ]; then
  note "  caught: $ctl"
else
  say "FAIL: the control was not caught: no corruption or crash reported (see $out/boot-noreserve.log)"; ok=0
fi

# --- 8. rz-verify -----------------------------------------------------------------
if [ -x "$verify" ]; then
  say "[8/8] rz-verify over vmlinux.o"
  "$verify" "$build/vmlinux.o" > "$out/verify.txt" 2> "$out/verify.err"
  vs=$?
  note "rz-verify (exit $vs): $(tail -1 "$out/verify.txt")"
  [ $vs = 0 ] || { say "FAIL: rz-verify found violations: see $out/verify.txt"; ok=0; }
else
  say "[8/8] rz-verify not built ($verify): skipped"
fi

note "total: $(( $(date +%s) - t0 )) s"
if [ $ok = 1 ]; then
  say "PASSED: the red-zone kernel boots and passes, the control is caught"
  exit 0
fi
say "FAILED (the lines starting 'check-linux: FAIL' above say why)"
exit 1
