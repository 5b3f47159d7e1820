#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# check-gcc.sh -- build the plugin for another GCC and run part of the test
# suite with it, in a build directory of its own.
#
# usage: contrib/check-gcc.sh [-o DIR] GCC [EXP...]
#   GCC   the compiler, e.g. gcc-11 (its g++ and gcc-N-plugin-dev installed)
#   EXP   DejaGnu files to run (default: the codegen, option, adversary and
#         rz-verify parts: dg.exp, every redzone.opt file, adversary.exp,
#         verify.exp); "all" runs the whole suite
#   DIR   work directory (default ./check-GCC): DIR/src is a copy of the
#         source tree's tracked files, DIR/build the build directory
#
# A source tree configured in place cannot also hold a VPATH build, so the
# sources are copied first (from git, so nothing built comes along).  The
# results are in DIR/build/testsuite/redzone.sum.  Exit status: that of
# make check; 2 on bad usage.
set -u
me=check-gcc.sh
die() { echo "$me: $*" >&2; exit 2; }
say() { echo "check-gcc: $*"; }

top=$(cd "$(dirname "$0")/.." && pwd)
out=
while [ $# -gt 0 ]; do
  case $1 in
    -o) out=${2:?}; shift 2 ;;
    -h|--help) sed -n '3,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option '$1' (see --help)" ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || die "no compiler given (see --help)"
gcc=$1; shift
"$gcc" --version > /dev/null 2>&1 || die "cannot run '$gcc'"
if [ $# = 0 ]; then
  exps="dg.exp doc.exp install.exp lto.exp options.exp report.exp settings.exp spdx.exp adversary.exp verify.exp"
elif [ "$*" = all ]; then exps=
else exps="$*"
fi
out=${out:-check-$(basename "$gcc")}
git -C "$top" rev-parse --git-dir > /dev/null 2>&1 ||
  die "$top is not a git checkout: configure a separate build directory from a clean source tree yourself (mkdir b && cd b && ../configure --with-gcc=$gcc)"

# DIR is this script's own: a new or empty directory, or one it made before
# (marked), never a directory of the user's that it would empty.
if [ -d "$out" ] && [ -n "$(ls -A "$out")" ] && [ ! -f "$out/.check-gcc" ]; then
  die "$out exists and was not made by $me: give another -o DIR"
fi
mkdir -p "$out" || die "cannot create $out"
out=$(cd "$out" && pwd)
[ "$out" != "$top" ] || die "$out is the source tree: give another -o DIR"
: > "$out/.check-gcc"

say "copying the tracked sources to $out/src"
rm -rf "$out/src" "$out/build"
mkdir -p "$out/src" "$out/build"
(cd "$top" && git ls-files -z | xargs -0 cp -a --parents -t "$out/src") ||
  die "cannot copy the sources"
say "configuring for $gcc in $out/build"
(cd "$out/src" && autoreconf -fi) > "$out/autoreconf.log" 2>&1 ||
  die "autoreconf failed: see $out/autoreconf.log"
(cd "$out/build" && "$out/src/configure" --with-gcc="$gcc") > "$out/configure.log" 2>&1 || {
  tail -3 "$out/configure.log" >&2; die "configure failed: see $out/configure.log"; }
say "building"
make -C "$out/build" -j2 > "$out/make.log" 2>&1 || {
  tail -5 "$out/make.log" >&2; echo "$me: the build failed: see $out/make.log" >&2; exit 1; }
say "make check${exps:+ RUNTESTFLAGS=\"$exps\"}"
make -C "$out/build" check ${exps:+RUNTESTFLAGS="$exps"} > "$out/check.log" 2>&1
st=$?
grep -E '^# of|^(FAIL|UNRESOLVED|ERROR|UNSUPPORTED|XPASS):' "$out/build/testsuite/redzone.sum" 2> /dev/null
say "results: $out/build/testsuite/redzone.sum (make check exit $st)"
exit $st
