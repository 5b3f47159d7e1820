#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
# stubs.sh -- instructions on the interrupt-entry path of kernel-demo images,
# counted from their objdump -d.
#
# usage: bench/stubs.sh KERNEL.ELF...
#
# For each image, the path from a vector's stub up to and including the jump
# to the common code (alltraps) is followed through unconditional jumps (the
# IST scheme's stubs jump to ist_trampoline first).  Counted for:
#   vector32  the timer IRQ (the CPU pushes no error code)
#   vector14  #PF (the CPU pushes an error code)
#   vector2   NMI (on its own IST stack in both schemes)
# The reference is the image's own #MC stub (vector18): an abort-class stub
# that only pushes a dummy error code and the vector, the shape every stub
# has in a kernel without a red zone.  The "extra" column is the difference:
# what keeping the window costs per interrupt.  alltraps and the return path
# are the same in every scheme and are not counted.
set -u
[ $# -gt 0 ] || { echo "usage: stubs.sh KERNEL.ELF..." >&2; exit 2; }
for elf in "$@"; do
  [ -f "$elf" ] || { echo "stubs.sh: $elf: no such file" >&2; exit 2; }
  objdump -d --no-show-raw-insn "$elf" > "$elf.dis" || exit 2
  echo "== $elf"
  awk -v elf="$elf" '
    # addr: <label>:   and   addr:<TAB>insn
    /^[0-9a-f]+ <[^>]+>:$/ { l = $2; gsub(/[<>:]/, "", l); a = $1; sub(/^0+/, "", a); label[l] = a; next }
    /^ *[0-9a-f]+:\t/ {
      a = $1; sub(/:$/, "", a); sub(/^0+/, "", a)
      i = $0; sub(/^ *[0-9a-f]+:\t/, "", i)
      n++; at[n] = a; ins[n] = i; idx[a] = n
    }
    # walk LABEL: instructions until "jmp ... <alltraps>"; sets PATH, MEM.
    function walk(l,   k, c, t) {
      if (!(l in label)) return -1
      k = idx[label[l]]; c = 0; path = ""; mem = 0
      while (k in ins) {
        c++
        path = path (path == "" ? "" : "; ") ins[k]
        if (ins[k] ~ /^push +-?(0x)?[0-9a-f]*\(/) mem++    # copies a word of the frame
        if (ins[k] ~ /^jmp /) {
          t = ins[k]; sub(/.*</, "", t); sub(/>.*/, "", t)
          if (t == "alltraps") return c
          if (!(t in label)) return -1
          k = idx[label[t]]; continue
        }
        k++
      }
      return -1
    }
    END {
      ref = walk("vector18"); refpath = path
      if (ref < 0) { print "  no vector18 (#MC) stub found"; exit 1 }
      scheme = "direct"
      if (walk("vector32") >= 0 && path ~ /<ist_trampoline>/) scheme = "IST"
      printf "  scheme: %s; reference (#MC stub, no red zone): %d instructions: %s\n", scheme, ref, refpath
      printf "  %-22s %6s %6s %12s\n", "stub", "insns", "extra", "words copied"
      split("vector32 timer-IRQ vector14 #PF(error) vector2 NMI", L, " ")
      for (j = 1; j <= 6; j += 2) {
        c = walk(L[j])
        if (c < 0) { printf "  %-22s not found\n", L[j]; continue }
        printf "  %-22s %6d %+6d %12d\n", L[j] " " L[j + 1], c, c - ref, mem
        print "    " path
      }
    }' "$elf.dis" || exit 2
  rm -f "$elf.dis"
done
