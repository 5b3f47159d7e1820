#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-deb.sh -- build the Debian packages from a copy of the source, check
# them with lintian, then (as root) install them, use them and purge them.
#
#   contrib/check-deb.sh -o OUTDIR [--srcdir DIR]
#
# The copy is of the files git tracks in DIR (default: this script's source
# tree), as they are in the work tree; it goes to OUTDIR/gcc-redzone-VERSION,
# and dpkg-buildpackage writes the packages into OUTDIR.  Each check prints
# one line "RESULT PASS|FAIL|UNRESOLVED: what"; progress lines start with
# "check-deb:".  Exit status: 0 when every check passed, 1 when one failed,
# 2 on bad usage or a source tree that is not a git checkout, 3 when the
# install steps cannot run because this is not root, 4 when one of the
# packages is already installed (nothing is touched then).
set -u

ME=check-deb
PKGS="gcc-12-redzone gcc-11-redzone redzone-tools"
GCCS="gcc-12 gcc-11"

say() { echo "$ME: $*"; }
die() { echo "$ME: error: $1" >&2; exit "${2:-2}"; }

# The packages of PKGS that dpkg has in any state but not-installed: one
# line "PKG STATUS" each.
present() {
    for p in $PKGS; do
        st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) || continue
        case $st in *not-installed) ;; *) echo "$p $st" ;; esac
    done
}

failed=0
result() {
    # result PASS|FAIL|UNRESOLVED WHAT [DETAIL]
    if [ "$1" = PASS ]; then
        echo "RESULT PASS: $2"
    else
        failed=1
        echo "RESULT $1: $2${3:+ ($3)}"
    fi
}

out= src=
while [ $# -gt 0 ]; do
    case $1 in
    -o) [ $# -ge 2 ] || die "-o needs a directory"; out=$2; shift 2 ;;
    --srcdir) [ $# -ge 2 ] || die "--srcdir needs a directory"; src=$2; shift 2 ;;
    -h|--help) sed -n '3,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (see --help)" ;;
    esac
done
[ -n "$out" ] || die "no output directory: -o OUTDIR"
[ -n "$src" ] || src=$(dirname "$0")/..
src=$(cd "$src" && pwd -P) || die "no source directory $src"
[ -f "$src/debian/changelog" ] || die "$src has no debian/changelog"
for tool in git dpkg-buildpackage dpkg-parsechangelog lintian; do
    command -v "$tool" >/dev/null 2>&1 ||
        die "$tool not found: apt-get install git dpkg-dev debhelper lintian"
done

# The files to build from: git's list, and only from a checkout of its own
# (not a release tarball unpacked inside some other checkout).
top=$(git -C "$src" rev-parse --show-toplevel 2>&1) ||
    die "$src is not a git checkout git can read ($(echo "$top" | head -n 1)): check-deb builds from the files git tracks there (git ls-files)"
[ "$(cd "$top" && pwd -P)" = "$src" ] ||
    die "$src is not the top of a git checkout (that is $top): check-deb builds from the files git tracks there"
list=$(git -C "$src" ls-files) || die "git ls-files failed in $src"
[ -n "$list" ] || die "git ls-files lists no file in $src"

# As root the packages will be installed and purged: not over ones already
# there, which are refused before anything is done.
if [ "$(id -u)" = 0 ]; then
    p=$(present | head -n 1)
    [ -z "$p" ] ||
        die "${p%% *} is already on this system (${p#* }): check-deb installs and purges the packages itself; remove it first (apt-get purge $PKGS); nothing was changed" 4
fi

version=$(dpkg-parsechangelog -l "$src/debian/changelog" -S Version) ||
    die "cannot read the version from $src/debian/changelog"
mkdir -p "$out" || die "cannot create $out"
out=$(cd "$out" && pwd -P)
case "$src/" in "$out"/*) die "$out contains the source tree; give another -o" ;; esac
copy=$out/gcc-redzone-$version
rm -rf "$copy" "$out"/*.deb "$out"/*.changes "$out"/*.buildinfo "$out/try"
mkdir -p "$copy" "$out/try" || die "cannot create $copy"

start=$(date +%s)
say "copying the $(echo "$list" | wc -l) files git tracks in $src to $copy"
if (cd "$src" && git ls-files -z | tar -cf - --null --no-recursion -T -) | tar -xf - -C "$copy"; then
    result PASS "the tracked source files copy to $copy"
else
    result FAIL "the tracked source files copy to $copy" "tar failed"
fi

say "dpkg-buildpackage -us -uc -b in $copy (log: $out/build.log)"
if (cd "$copy" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1; then
    result PASS "dpkg-buildpackage -us -uc -b builds the packages"
else
    result FAIL "dpkg-buildpackage -us -uc -b builds the packages" \
        "$(tail -n 3 "$out/build.log" | tr '\n' ' ')"
fi
say "built in $(( $(date +%s) - start )) s"

debs=
missing=
for p in $PKGS; do
    f=$out/${p}_${version}_amd64.deb
    if [ -f "$f" ]; then debs="$debs $f"; else missing="$missing $p"; fi
done
changes=$out/gcc-redzone_${version}_amd64.changes

if [ -f "$changes" ]; then
    say "lintian --info $changes (output: $out/lintian.txt)"
    lintian --info "$changes" >"$out/lintian.txt" 2>&1
    tags=$(grep -E '^[EW]: ' "$out/lintian.txt")
    if [ -z "$tags" ]; then
        result PASS "lintian: no E: or W: tag on the .changes"
    else
        result FAIL "lintian: no E: or W: tag on the .changes" "$(echo "$tags" | head -n 5 | tr '\n' ' ')"
    fi
else
    result UNRESOLVED "lintian: no E: or W: tag on the .changes" "no $changes"
fi

# From here on the system's package database changes: root only.
if [ "$(id -u)" != 0 ]; then
    echo "$ME: error: the packages are built and checked, but installing, using and purging them needs root (dpkg, apt-get): run make check-deb as root, in a machine or container you may change" >&2
    exit 3
fi
if [ -n "$missing" ]; then
    for what in "the three packages install together" \
                "gcc-12 and gcc-11 -specs=redzone.specs convert a leaf function" \
                "the installed rz-verify checks an object of the installed plugin" \
                "apt-get purge leaves none of the files dpkg -L listed"; do
        result UNRESOLVED "$what" "not built:$missing"
    done
    exit 1
fi

installed=0
purge() {
    [ "$installed" = 1 ] || return 0
    installed=0
    DEBIAN_FRONTEND=noninteractive apt-get purge -y $PKGS >>"$out/install.log" 2>&1
}
trap 'purge' EXIT
trap 'exit 1' HUP INT TERM

say "apt-get install:$debs (log: $out/install.log)"
installed=1
if DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $debs \
        >"$out/install.log" 2>&1; then
    bad=
    for g in $GCCS; do
        plugindir=$($g -print-file-name=plugin)
        for f in "$plugindir/redzone.so" "$(dirname "$plugindir")/redzone.specs"; do
            [ -f "$f" ] || bad="$bad $f"
        done
    done
    for f in /usr/bin/rz-verify /usr/bin/rz-compare /usr/include/redzone-entry.h; do
        [ -f "$f" ] || bad="$bad $f"
    done
    if [ -z "$bad" ]; then
        result PASS "the three packages install together"
    else
        result FAIL "the three packages install together" "missing:$bad"
    fi
else
    result FAIL "the three packages install together" "$(tail -n 3 "$out/install.log" | tr '\n' ' ')"
fi
dpkg -L $PKGS >"$out/files.txt" 2>&1 || say "dpkg -L failed: $(head -n 1 "$out/files.txt")"

# A leaf function with a frame: -mno-red-zone gives it sub/add %rsp, the
# plugin keeps the frame below %rsp instead.
cd "$out/try" || exit 1
cat >leaf.c <<'EOF'
int leaf (int a, int b)
{
  volatile int buf[4];
  buf[0] = a; buf[1] = b; buf[2] = a + b; buf[3] = a - b;
  return buf[0] + buf[1] + buf[2] + buf[3];
}
EOF
for g in $GCCS; do
    what="$g -specs=redzone.specs -mred-zone-size=32 (bare names) converts a leaf function"
    rm -f "leaf-$g.s" "leaf-$g.report"
    if ! $g -O2 -mno-red-zone -S leaf.c -o "leaf-$g-stock.s" 2>"leaf-$g.err" ||
       ! grep -Eq 'sub[lq]?[[:space:]]+\$[0-9]+, *%rsp' "leaf-$g-stock.s"; then
        result UNRESOLVED "$what" "without the plugin the function has no sub \$N,%rsp"
    elif $g -O2 -mno-red-zone -specs=redzone.specs -mred-zone-size=32 \
            -mred-zone-report="leaf-$g.report" -S leaf.c -o "leaf-$g.s" 2>"leaf-$g.err" &&
         grep -q 'function=leaf status=converted' "leaf-$g.report" &&
         ! grep -Eq 'sub[lq]?[[:space:]]+\$[0-9]+, *%rsp' "leaf-$g.s" &&
         grep -Eq -- '-[0-9]+\(%rsp\)' "leaf-$g.s"; then
        result PASS "$what"
    else
        result FAIL "$what" "$(cat "leaf-$g.err" "leaf-$g.report" 2>/dev/null | head -n 3 | tr '\n' ' ')"
    fi
done

what="the installed rz-verify checks an object of the installed plugin"
if gcc-12 -O2 -specs=redzone.specs -mred-zone-size=32 -c leaf.c -o leaf.o 2>verify.txt &&
   [ "$(command -v rz-verify)" = /usr/bin/rz-verify ] &&
   rz-verify leaf.o >>verify.txt 2>&1 &&
   grep -q '^rz-verify: N=32 M=0: 1 functions, 0 violations, 0 unproven$' verify.txt &&
   rz-compare --help >/dev/null 2>>verify.txt; then
    result PASS "$what"
else
    result FAIL "$what" "$(tail -n 2 verify.txt | tr '\n' ' ')"
fi

say "apt-get purge $PKGS"
installed=0
if DEBIAN_FRONTEND=noninteractive apt-get purge -y $PKGS >>"$out/install.log" 2>&1; then
    left=
    while IFS= read -r f; do
        case $f in /|/.|'') continue ;; esac
        if [ -d "$f" ] && [ ! -L "$f" ]; then
            # A directory may stay only while another package owns it.
            dpkg-query -S "$f" >/dev/null 2>&1 || left="$left $f"
        elif [ -e "$f" ] || [ -L "$f" ]; then
            left="$left $f"
        fi
    done <"$out/files.txt"
    still=$(present | while read -r p st; do printf ' %s' "$p"; done)
    if [ ! -s "$out/files.txt" ] || ! grep -q redzone.so "$out/files.txt"; then
        result UNRESOLVED "apt-get purge leaves none of the files dpkg -L listed" "no list from dpkg -L"
    elif [ -z "$left$still" ]; then
        result PASS "apt-get purge leaves none of the files dpkg -L listed"
    else
        result FAIL "apt-get purge leaves none of the files dpkg -L listed" "left:$left${still:+; still installed:$still}"
    fi
else
    result FAIL "apt-get purge leaves none of the files dpkg -L listed" "$(tail -n 3 "$out/install.log" | tr '\n' ' ')"
fi
for g in $GCCS; do
    what="after the purge, $g -specs=redzone.specs fails"
    if $g -O2 -mno-red-zone -specs=redzone.specs -mred-zone-size=32 -S leaf.c \
            -o "leaf-$g-purged.s" >"leaf-$g-purged.err" 2>&1; then
        result FAIL "$what" "it compiled"
    else
        result PASS "$what"
    fi
done
say "done in $(( $(date +%s) - start )) s"
exit $failed
