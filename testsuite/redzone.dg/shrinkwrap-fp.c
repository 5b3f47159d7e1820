/* A shrink-wrapped leaf with a frame pointer is not converted: its
   %rbp-based addresses would need the per-block %rsp tracking too.  It is
   left as -mno-red-zone makes it.  */
/* { dg-do compile } */
/* { dg-options "-O2 -fno-omit-frame-pointer -mred-zone-size=32 -mred-zone-offset=16" } */

int
early_fp (const int *p, int n)
{
  if (n <= 0)
    return -1;
  volatile int t[4];
  for (int i = 0; i < 4; i++)
    t[i] = p[i] * n;
  return t[n % 4] + t[0];
}

/* { dg-final { scan-report "function=early_fp status=unchanged frame=16 reason=shrink-wrapped" } } */
/* { dg-final { scan-assembler-times "subq\[ \t\]+\\\$16, %rsp" 1 } } */
