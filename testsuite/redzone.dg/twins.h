/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Each function is compiled twice in one file: once converted by the
   plugin, once kept as -mno-red-zone makes it (no_red_zone), and main
   checks that both agree on many inputs.  The functions are leaf functions
   with frames: spilled registers, arrays, structs, byte accesses.  */
#include <stdlib.h>
#include <string.h>

#define NI __attribute__ ((noinline, noclone))
#define TWIN(ret, name, params, ...)                                     \
  NI ret name params __VA_ARGS__                                        \
  NI __attribute__ ((no_red_zone)) ret name##_ref params __VA_ARGS__

typedef float v4 __attribute__ ((vector_size (16)));

#define DEFINE TWIN
#include "../adversary/bodies.h"

int
main (void)
{
  long p[13];
  int in[7];
  unsigned char s[40];
  v4 vp[18];
  for (int r = 0; r < 200; r++)
    {
      for (int i = 0; i < 13; i++)
        p[i] = r * 1000003L + i * 7919;
      for (int i = 0; i < 7; i++)
        in[i] = (r * 37 + i * 101) % 53 - 20;
      for (int i = 0; i < 40; i++)
        s[i] = r * 13 + i * i;
      for (int i = 0; i < 18; i++)
        vp[i] = (v4) { r + i, r - i, i * 0.5f, 1.0f / (i + 1) };
      if (pressure (p, r % 9) != pressure_ref (p, r % 9)) abort ();
      if (sorted_median (in) != sorted_median_ref (in)) abort ();
      if (structs (r, r * 3 - 7) != structs_ref (r, r * 3 - 7)) abort ();
      if (bytes (s, r % 40) != bytes_ref (s, r % 40)) abort ();
#ifdef __SSE2__
      float x = vectors (vp, r % 5), y = vectors_ref (vp, r % 5);
      if (memcmp (&x, &y, sizeof x)) abort ();
#endif
      if (indexed (r, r ^ 5) != indexed_ref (r, r ^ 5)) abort ();
      if (many_args (r, 2, 3, 4, 5, 6, r * 7, -r) !=
          many_args_ref (r, 2, 3, 4, 5, 6, r * 7, -r)) abort ();
    }
  return 0;
}
