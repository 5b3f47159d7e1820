/* A leaf whose prologue GCC would shrink-wrap (the early return needs no
   frame).  Its prologue is only sub/add of %rsp and its locals fit, so the
   plugin keeps it unwrapped and converts it: no path allocates.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

int
early (const int *p, int n)
{
  if (n <= 0)
    return -1;
  volatile int t[4];
  for (int i = 0; i < 4; i++)
    t[i] = p[i] * n;
  return t[n & 3] + t[0];
}

/* { dg-final { scan-report "function=early status=converted frame=24 used=24 lo=-40 hi=-16" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\[^\n\]*, %rsp" } } */
/* { dg-final { rsp-window -48 -16 } } */
