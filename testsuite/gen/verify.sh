# SPDX-License-Identifier: GPL-3.0-or-later
# verify.sh -- sourced by csmith-diff.sh and leafgen-diff.sh (after they set
# builddir): rz-verify checks each plugin object with the settings of its
# note.  RZ_VERIFY names the tool (default: the build tree's).
verify=${RZ_VERIFY:-$builddir/tools/rz-verify/rz-verify}
vfail=0 vviol=0 vunproven=0

# rz_verify_seed SEED OBJ: add OBJ's counts to vviol and vunproven; on a
# violation or an error, a line in failures.txt and status 1.
rz_verify_seed() {
  local seed=$1 obj=$2 rc sum
  "$verify" "$obj" > "$obj.verify" 2>&1
  rc=$?
  sum=$(tail -n 1 "$obj.verify")
  case $sum in
    "rz-verify: N="*) set -- $sum; vviol=$((vviol + $6)); vunproven=$((vunproven + $8)) ;;
    *) rc=2 ;;
  esac
  [ $rc -eq 0 ] && return 0
  echo "$seed: rz-verify (exit $rc): $(grep -m 3 -v unproven: "$obj.verify" | tr '\n' ' ')" >> failures.txt
  vfail=$((vfail + 1))
  return 1
}
