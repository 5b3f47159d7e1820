/* M = 0: a frame bigger than the window keeps its lowest N bytes below %rsp
   and allocates only the rest, as GCC's own 128-byte zone does.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=0" } */

int
big (int i, int a)
{
  int t[16];
  for (int j = 0; j < 16; j++)
    t[j] = a * j;
  return t[i & 15];
}

/* K = 72: 32 bytes below %rsp, 40 still allocated.  */
/* { dg-final { scan-report "function=big status=converted frame=72 used=72 lo=-32 hi=40 alloc=40" } } */
/* { dg-final { scan-assembler "subq\[ \t\]+\\\$40, %rsp" } } */
/* { dg-final { scan-assembler "addq\[ \t\]+\\\$40, %rsp" } } */
/* { dg-final { rsp-window -32 40 } } */
