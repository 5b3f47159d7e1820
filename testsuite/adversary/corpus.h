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
