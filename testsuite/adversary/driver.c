/* SPDX-License-Identifier: GPL-3.0-or-later */
/* driver.c -- calls every corpus function on many inputs and prints one
   checksum line per function, "NAME HEX".  Not compiled with the plugin and
   not attacked; a run of the plugin's build under the adversary must print
   exactly what the -mno-red-zone build prints, and a line that differs
   names the function that broke.  */
#include <stdio.h>
#include <string.h>
#include "corpus.h"

enum { MAX_FUNCS = 64 };
static const char *names[MAX_FUNCS];
static unsigned long sums[MAX_FUNCS];
static int nfuncs;

/* Fold V into the checksum of the F-th function of a round.  */
static void
mix (int f, const char *name, unsigned long v)
{
  names[f] = name;
  sums[f] = sums[f] * 1000003u ^ v;
  if (f >= nfuncs)
    nfuncs = f + 1;
}

#define MIX(fn, ...) mix (f++, #fn, fn (__VA_ARGS__))

int
main (void)
{
  long p[13];
  int in[7];
  unsigned char s[40];
  v4 vp[18];
  static const char *words[] = { "kernel", "red", "zone", "interrupt", "" };
  for (int r = 0; r < 16; r++)
    {
      int f = 0;
      for (int i = 0; i < 13; i++)
        p[i] = r * 1000003L + i * 7919;
      for (int i = 0; i < 7; i++)
        in[i] = (r * 37 + i * 101) % 53 - 20;
      for (int i = 0; i < 40; i++)
        s[i] = r * 13 + i * i;
      for (int i = 0; i < 18; i++)
        vp[i] = (v4) { r + i, r - i, i * 0.5f, 1.0f / (i + 1) };
      MIX (pressure, p, r % 5);
      MIX (sorted_median, in);
      MIX (structs, r, r * 3 - 7);
      MIX (bytes, s, r % 40);
      float x = vectors (vp, r % 3);
      unsigned u;
      memcpy (&u, &x, sizeof u);
      mix (f++, "vectors", u);
      MIX (indexed, r, r ^ 5);
      MIX (many_args, r, 2, 3, 4, 5, 6, r * 7, -r);
      MIX (odd_offsets, r * 0x01020304u);
      MIX (crc_small, s, r % 17);
      MIX (bits, r * 0x9e3779b97f4a7c15ul);
      MIX (str_ops, words[r % 5], words[(r + 2) % 5]);
      MIX (big_frame, s, r * 3);
      MIX (early_exit, s, r);
      MIX (wrapped_pushes, p, r % 6 - 1);
      rec_format = r % 5;
      MIX (find_record, r == 7 ? 0 : (const unsigned long *) p,
           (const unsigned long *) p + 12, r % 11, r * 0x5555ul);
      MIX (sum_va, r % 9, p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
      MIX (jump_table, r, p[r % 13]);
      MIX (computed_goto, r, p[r % 13]);
      MIX (frame_address, r);
      MIX (regvar_sp, p[r % 13]);
      MIX (byte_asm, p[r % 13]);
      MIX (cold_path, p, r);
      MIX (cold_function, r);
#define RUN_FILL(k) MIX (fill_##k, p[r % 13] + k);
      FILLS (RUN_FILL)
    }
  for (int f = 0; f < nfuncs && f < MAX_FUNCS; f++)
    printf ("%s %016lx\n", names[f], sums[f]);
  return 0;
}
