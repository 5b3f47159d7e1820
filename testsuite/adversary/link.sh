#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# link.sh -- the one recipe that links a program for the adversary.
#
# usage: testsuite/adversary/link.sh EXE OBJ... [LINK-FLAGS...]
#
# The objects named *.rz.o are the code under test: rz-text.ld puts every
# code section of theirs (cold partitions and retpoline thunks included)
# into rz_text, the section the adversary attacks; any other object (a
# driver) is linked as it is, unattacked.  adversary.o is compiled next to
# EXE when it is missing or older than adversary.c, with -mno-red-zone (it
# pushes the flags itself).  Environment: GCC (default gcc).
set -e
exe=${1:?usage: link.sh EXE OBJ... [LINK-FLAGS...]}
shift
here=$(cd "$(dirname "$0")" && pwd)
GCC=${GCC:-gcc}
adv=$(dirname "$exe")/adversary.o
if [ ! -f "$adv" ] || [ "$here/adversary.c" -nt "$adv" ]; then
  # Parallel links may race here: each writes its own file, then renames.
  $GCC -O2 -mno-red-zone -Wall -c "$here/adversary.c" -o "$adv.$$"
  mv "$adv.$$" "$adv"
fi
exec $GCC "$@" "$adv" -Wl,-T,"$here/rz-text.ld" -o "$exe"
