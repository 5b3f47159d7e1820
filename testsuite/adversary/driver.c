/* driver.c -- calls every corpus function on many inputs and prints one
   checksum per function.  Not compiled with the plugin and not attacked;
   a run under the adversary must print exactly what a run without it does.  */
#include <stdio.h>
#include <string.h>
#include "corpus.h"

static unsigned long sums[16];

static void
mix (int f, unsigned long v)
{
  sums[f] = sums[f] * 1000003u ^ v;
}

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
      for (int i = 0; i < 13; i++)
        p[i] = r * 1000003L + i * 7919;
      for (int i = 0; i < 7; i++)
        in[i] = (r * 37 + i * 101) % 53 - 20;
      for (int i = 0; i < 40; i++)
        s[i] = r * 13 + i * i;
      for (int i = 0; i < 18; i++)
        vp[i] = (v4) { r + i, r - i, i * 0.5f, 1.0f / (i + 1) };
      mix (0, pressure (p, r % 5));
      mix (1, sorted_median (in));
      mix (2, structs (r, r * 3 - 7));
      mix (3, bytes (s, r % 40));
      float x = vectors (vp, r % 3);
      unsigned u;
      memcpy (&u, &x, sizeof u);
      mix (4, u);
      mix (5, indexed (r, r ^ 5));
      mix (6, many_args (r, 2, 3, 4, 5, 6, r * 7, -r));
      mix (7, odd_offsets (r * 0x01020304u));
      mix (8, crc_small (s, r % 17));
      mix (9, bits (r * 0x9e3779b97f4a7c15ul));
      mix (10, str_ops (words[r % 5], words[(r + 2) % 5]));
      mix (11, big_frame (s, r * 3));
      mix (12, early_exit (s, r));
      mix (13, wrapped_pushes (p, r % 6 - 1));
      rec_format = r % 5;
      mix (14, find_record (r == 7 ? 0 : (const unsigned long *) p,
                            (const unsigned long *) p + 12, r % 11,
                            r * 0x5555ul));
      mix (15, sum_va (r % 9, p[0], p[1], p[2], p[3], p[4], p[5], p[6],
                       p[7]));
    }
  for (int f = 0; f < 16; f++)
    printf ("f%d %016lx\n", f, sums[f]);
  return 0;
}
