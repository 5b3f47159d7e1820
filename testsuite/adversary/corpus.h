/* SPDX-License-Identifier: GPL-3.0-or-later */
/* corpus.h -- the leaf functions run under the adversary.  */
typedef float v4 __attribute__ ((vector_size (16)));

long pressure (const long *p, int n);
int sorted_median (const int *in);
long structs (int a, int b);
unsigned bytes (const unsigned char *s, int n);
float vectors (const v4 *p, int n);
int indexed (int i, int a);
long many_args (long a, long b, long c, long d, long e, long f, long g, long h);
unsigned odd_offsets (unsigned x);
unsigned crc_small (const unsigned char *s, int n);
unsigned long bits (unsigned long x);
int str_ops (const char *a, const char *b);
long big_frame (const unsigned char *s, int n);
int early_exit (const unsigned char *s, int n);
long wrapped_pushes (const long *p, int n);
extern unsigned char rec_format;
long find_record (const unsigned long *base, const unsigned long *top, int bit,
                  unsigned long mask);
long sum_va (int n, ...);
/* shapes.c  */
long jump_table (int i, long x);
long computed_goto (int i, long x);
long frame_address (long x);
long regvar_sp (long x);
long byte_asm (long x);
long cold_path (const long *p, int n);
long cold_function (long x);
#define FILLS(X) X (1) X (2) X (3) X (4) X (5) X (6) X (7) X (8) X (9) \
  X (10) X (11) X (12) X (13) X (14) X (15) X (16)
#define DECLARE_FILL(k) long fill_##k (long x);
FILLS (DECLARE_FILL)
