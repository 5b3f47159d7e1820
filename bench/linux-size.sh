#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# linux-size.sh -- build a small Linux kernel twice, stock and with the
# red-zone plugin, and compare the two vmlinux files with rz-compare.
#
# usage: bench/linux-size.sh [options] LINUX
#   LINUX   a Linux source tree, or a tarball of one (Debian 12:
#           apt-get install linux-source-6.1 flex bison bc libelf-dev libssl-dev
#           gives /usr/src/linux-source-6.1.tar.xz)
# options:
#   -o DIR         scratch and results (default ./linux-size-out)
#   --specs PATH   redzone.specs (default $RZ_SPECS, else the installed one)
#   -N BYTES       red-zone size (default 120)
#   -M BYTES       red-zone offset (default 0)
#   --config NAME  tiny (tinyconfig + 64BIT, default) or defconfig
#   -j JOBS        parallel jobs (default 2); the builds run under nice
#   --cc CC        compiler (default gcc)
#   --sweep        also run rz-compare --sweep, into DIR/sweep, over the C
#                  files of the stock build that define a leaf function with
#                  a stack frame (those the plugin's report does not call
#                  not-leaf or no-frame: the only functions a red zone, the
#                  plugin's or GCC's, can change), each with its own Kbuild
#                  command line (from the .*.o.cmd files)
#   --sizes LIST, --offsets LIST   the grid for --sweep (default: rz-compare's)
#
# The builds are compile-only ("make vmlinux"), out of tree, from the same
# source and .config.  Linux already passes -mno-red-zone; the plugin build
# adds KCFLAGS="-specs=... -mred-zone-size=N -mred-zone-offset=M
# -mred-zone-report=...", which (through the specs file) loads the plugin in
# every C compilation.  Assembly files are not affected.
#
# Results in DIR: stock/vmlinux, rz-N-M/vmlinux, native/vmlinux (GCC's own
# -mred-zone, for reference only), rz-N-M/report.txt (the plugin's
# per-function report), compare-N-M.txt and .csv, compare-native.txt
# (rz-compare), verify-N-M.txt and verify-native.txt (rz-verify over each
# vmlinux.o; RZ_VERIFY names the tool, default: the build tree's), and
# summary-N-M.txt (build times, conversions, function bytes, the plugin's
# saving as a share of the native zone's, rz-verify's verdicts and speed
# next to objdump -d).  Re-running is
# incremental: make rebuilds nothing that is up to date.
set -u
me=linux-size.sh
die() { echo "$me: $*" >&2; exit 2; }

here=$(cd "$(dirname "$0")" && pwd)
rzc=$here/../tools/rz-compare
out=linux-size-out
specs=${RZ_SPECS:-}
N=120 M=0 config=tiny jobs=2 CC=gcc sweep=0 sizes= offsets=
while [ $# -gt 0 ]; do
  case $1 in
    -o) out=${2:?}; shift 2 ;;
    --specs) specs=${2:?}; shift 2 ;;
    -N) N=${2:?}; shift 2 ;;
    -M) M=${2:?}; shift 2 ;;
    --config) config=${2:?}; shift 2 ;;
    -j) jobs=${2:?}; shift 2 ;;
    --cc) CC=${2:?}; shift 2 ;;
    --sweep) sweep=1; shift ;;
    --sizes) sizes=${2:?}; shift 2 ;;
    --offsets) offsets=${2:?}; shift 2 ;;
    -h|--help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) break ;;
  esac
done
[ $# -eq 1 ] || die "need exactly one Linux source tree or tarball (see --help)"
src=$1
case $N$M in *[!0-9]*) die "-N and -M take byte counts" ;; esac
case $config in tiny|defconfig) ;; *) die "--config: tiny or defconfig, not $config" ;; esac
if [ -z "$specs" ]; then
  specs=$($CC -print-file-name=redzone.specs)
  [ "$specs" = redzone.specs ] && die "no redzone.specs installed: give --specs PATH or set RZ_SPECS"
fi
[ -f "$specs" ] || die "specs file not found: $specs"
specs=$(cd "$(dirname "$specs")" && pwd)/$(basename "$specs")
for t in make flex bison bc perl "$CC"; do
  command -v "$t" >/dev/null || die "$t not found (Debian: apt-get install flex bison bc libelf-dev libssl-dev)"
done
[ -x "$rzc" ] || die "rz-compare not found at $rzc"

mkdir -p "$out" && out=$(cd "$out" && pwd)

# A tarball is unpacked once into DIR/src.
if [ -f "$src" ]; then
  if [ ! -f "$out/src/.unpacked" ]; then
    echo "$me: unpacking $src" >&2
    rm -rf "$out/src" && mkdir -p "$out/src"
    nice tar -xf "$src" -C "$out/src" || die "cannot unpack $src"
    touch "$out/src/.unpacked"
  fi
  src=$(find "$out/src" -mindepth 2 -maxdepth 2 -name Kbuild -printf '%h\n' | head -n 1)
  [ -n "$src" ] || die "no Linux tree (no top-level Kbuild) in the tarball"
fi
[ -f "$src/Kbuild" ] && [ -f "$src/Makefile" ] || die "$src is not a Linux source tree"
src=$(cd "$src" && pwd)

kmake() { nice -n 10 make -C "$src" O="$1" ARCH=x86_64 CC="$CC" HOSTCC="$CC" -j"$jobs" "${@:2}"; }

# Same .config for both: generate it once, copy it.
cfg=$out/config-$config
if [ ! -f "$cfg" ]; then
  echo "$me: generating the $config configuration" >&2
  rm -rf "$out/cfg" && mkdir -p "$out/cfg"
  if [ "$config" = tiny ]; then
    kmake "$out/cfg" tinyconfig >/dev/null || die "make tinyconfig failed"
    "$src/scripts/config" --file "$out/cfg/.config" --enable 64BIT
  else
    kmake "$out/cfg" defconfig >/dev/null || die "make defconfig failed"
  fi
  kmake "$out/cfg" olddefconfig >/dev/null || die "make olddefconfig failed"
  cp "$out/cfg/.config" "$cfg"
fi

# build DIR [KCFLAGS]: prints the seconds of the build that made vmlinux (a
# re-run that finds it up to date keeps the first figure).
build() {
  local dir=$1 kc=${2:-} fresh=0
  mkdir -p "$dir"
  [ -f "$dir/vmlinux" ] || fresh=1
  cmp -s "$cfg" "$dir/.config" || cp "$cfg" "$dir/.config"
  local t0=$(date +%s)
  echo "$me: building $dir${kc:+ with KCFLAGS=$kc}" >&2
  kmake "$dir" KCFLAGS="$kc" olddefconfig >/dev/null || die "olddefconfig failed in $dir"
  kmake "$dir" KCFLAGS="$kc" vmlinux > "$dir/build.log" 2>&1 ||
    die "build failed in $dir (see $dir/build.log)"
  [ $fresh = 0 ] || echo $(( $(date +%s) - t0 )) > "$dir/build-seconds"
  cat "$dir/build-seconds" 2>/dev/null || echo "?"
}

tag=$N-$M
rzdir=$out/rz-$tag
t_stock=$(build "$out/stock") || exit 2
# The report is appended to by every compilation: start a clean build so
# that it lists every function once.
if [ ! -f "$rzdir/vmlinux" ]; then rm -f "$rzdir/report.txt"; fi
t_rz=$(build "$rzdir" "-specs=$specs -mred-zone-size=$N -mred-zone-offset=$M -mred-zone-report=$rzdir/report.txt") || exit 2
# GCC's own 128-byte zone, for reference: KCFLAGS come after Linux's
# -mno-red-zone, and the last one wins.  (Such a kernel is not safe to run.)
t_native=$(build "$out/native" "-mred-zone") || exit 2

"$rzc" "$out/stock/vmlinux" "$rzdir/vmlinux" > "$out/compare-$tag.txt" || die "rz-compare failed"
"$rzc" "$out/stock/vmlinux" "$out/native/vmlinux" > "$out/compare-native.txt" || die "rz-compare failed"
"$rzc" --csv "$out/stock/vmlinux" "$rzdir/vmlinux" > "$out/compare-$tag.csv" || die "rz-compare failed"

# Function bytes: the sum of the FUNC symbol sizes (rz-compare's Total
# line).  vmlinux's .text section is padded to a 2 MiB boundary, so its size
# does not move with small changes.
fbytes() { sed -n "s/^Total: Before=\([0-9]*\), After=\([0-9]*\),.*/\\$1/p" "$2"; }
{
  echo "linux: $(make -s -C "$src" kernelversion 2>/dev/null) config=$config N=$N M=$M cc=$($CC -dumpfullversion)"
  echo "build seconds (nice, -j$jobs, wall clock; machine shared): stock $t_stock, plugin $t_rz, native $t_native"
  echo "functions: converted $(awk -f "$here/../plugin/report.awk" "$rzdir/report.txt")," \
       "unchanged $(awk -f "$here/../plugin/report.awk" -v count=unchanged "$rzdir/report.txt")"
  echo "unchanged by reason:"
  awk -f "$here/../plugin/report.awk" -v reasons=1 "$rzdir/report.txt" | sed 's/^/  /'
  s=$(fbytes 1 "$out/compare-$tag.txt"); p=$(fbytes 2 "$out/compare-$tag.txt"); n=$(fbytes 2 "$out/compare-native.txt")
  echo "function bytes: stock $s, plugin $p (saved $((s - p))), native -mred-zone $n (saved $((s - n)))"
  awk -v p=$((s - p)) -v n=$((s - n)) 'BEGIN { if (n > 0) printf "plugin saving / native saving: %.3f\n", p / n }'
  echo "plugin: $(head -n 1 "$out/compare-$tag.txt")"
  echo "native: $(head -n 1 "$out/compare-native.txt")"
} | tee "$out/summary-$tag.txt"

# rz-verify over vmlinux.o (the kernel proper, before the final link, with
# the notes of every C object): the plugin's build must have no violation at
# the settings in its notes; the native build, checked at N, M, must be
# flagged where the window is smaller than GCC's.  Times next to objdump -d of the same file, in one run.
verify=${RZ_VERIFY:-$(dirname "$specs")/../tools/rz-verify/rz-verify}
[ -x "$verify" ] || verify=$(command -v rz-verify) || verify=
if [ -n "$verify" ]; then
  secs() { local t0=$(date +%s.%N); "$@"; local rc=$?; echo "$t0 $(date +%s.%N)" > "$out/.t"; return $rc; }
  dt() { awk '{ printf "%.2f", $2 - $1 }' "$out/.t"; }
  secs "$verify" "$rzdir/vmlinux.o" > "$out/verify-$tag.txt" 2> "$out/verify-$tag.err"; rc_rz=$?; t_v=$(dt)
  secs objdump -d "$rzdir/vmlinux.o" > /dev/null; t_o=$(dt)
  "$verify" --size "$N" --offset "$M" "$out/native/vmlinux.o" > "$out/verify-native.txt" 2>&1; rc_nat=$?
  # GCC keeps a native red-zone frame in the 120 bytes below %rsp (the
  # last 8 of the 128 are its RED_ZONE_RESERVE): flagged at any smaller
  # window or any gap, else (if nothing else is wrong) clean.
  want_nat=0
  [ "$N" -lt 120 ] || [ "$M" -gt 0 ] && want_nat=1
  {
    echo "rz-verify $rzdir/vmlinux.o (exit $rc_rz): $(tail -n 1 "$out/verify-$tag.txt")"
    awk -v t="$t_v" -v o="$t_o" '/^rz-verify: N=/ { f = $4 }
      END { printf "rz-verify: %.2f s, %d functions/s; objdump -d: %.2f s; rz-verify / objdump = %.2f\n", t, f / t, o, t / o }'       "$out/verify-$tag.txt"
    echo "rz-verify native/vmlinux.o at N=$N M=$M (exit $rc_nat, $want_nat expected): $(tail -n 1 "$out/verify-native.txt")"
  } | tee -a "$out/summary-$tag.txt"
  [ $rc_rz -eq 0 ] && [ $rc_nat -eq $want_nat ] || { echo "$me: rz-verify: unexpected result (see $out/verify-*.txt)" >&2; exit 1; }
else
  echo "$me: rz-verify not built: vmlinux.o not checked" >&2
fi

[ $sweep = 1 ] || exit 0
# A compilation database from Kbuild's saved command lines, "cmd_X.o :=
# gcc ... -c -o X.o SRC.c ; objtool ...": the compiler command, C sources
# only, run from the stock build directory; the files the report names with
# a leaf function that has a frame.
perl -MJSON::PP -MFile::Find -e '
  my ($dir, $report) = @ARGV; my (@db, %want);
  open my $r, "<", $report or die "$report: $!\n";
  while (<$r>) {
    $want{$1} = 1 if /^file=(\S+) / && !/ reason=(not-leaf|no-frame)\b/;
  }
  find(sub {
    return unless /^\..*\.o\.cmd$/;
    open my $fh, "<", $_ or return;
    my $line = <$fh>; close $fh;
    return unless defined $line && $line =~ /^(?:saved)?cmd_\S+ := (.*)$/;
    my $cmd = $1; $cmd =~ s/\s*;.*//;
    return unless $cmd =~ / -c -o \S+ (\S+\.c)\s*$/ && $want{$1};
    push @db, { directory => $dir, file => $1, command => $cmd };
  }, $dir);
  @db = sort { $a->{file} cmp $b->{file} } @db;
  print JSON::PP->new->pretty->canonical->encode(\@db);
' "$out/stock" "$rzdir/report.txt" > "$out/compile_commands.json" || die "cannot read the Kbuild command lines"
echo "$me: sweep over $(grep -c '"file"' "$out/compile_commands.json") C files" >&2
nice -n 10 "$rzc" --sweep --specs "$specs" --cc "$CC" ${sizes:+--sizes "$sizes"} ${offsets:+--offsets "$offsets"} -j "$jobs" \
  -o "$out/sweep" --compile-commands "$out/compile_commands.json" | tee "$out/sweep.txt"
exit ${PIPESTATUS[0]}
