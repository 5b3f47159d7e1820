/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shrink-wrapped with the prologue on the loop's entry edge: at -Os GCC
   puts it in a block laid out after the loop, so the prologue is not the
   first thing in the insn stream.  It is still found and converted.  */
/* { dg-do compile } */
/* { dg-options "-Os -mred-zone-size=32 -mred-zone-offset=16" } */

unsigned char rec_format;

static inline int
bit_set (long nr, const unsigned long *addr)
{
  _Bool r;
  __asm__ __volatile__ ("btq %2,%1" : "=@ccc" (r) : "m" (*addr), "Ir" (nr)
                        : "memory");
  return r;
}

long
find_record (const unsigned long *base, const unsigned long *top, int bit,
             unsigned long mask)
{
  if ((rec_format & 15) < 1)
    return -2;
  if (!base)
    return -3;
  for (const unsigned long *at = base; at < top; at += 4)
    {
      unsigned long status = (rec_format & 15) < 4 ? at[3] : at[1];
      if (bit_set (bit, &status))
        {
          if ((rec_format & 15) >= 3)
            return at - base;
          if (status == 1UL << bit)
            return at - base;
          if ((status & mask) == 1UL << bit)
            return at - base;
        }
    }
  return -1;
}

/* { dg-final { scan-report "function=find_record status=converted frame=16 used=8 lo=-24 hi=-16" } } */
/* { dg-final { scan-assembler-not "(sub|add)q\[ \t\]+\[^\n\]*, %rsp" } } */
/* { dg-final { rsp-window -48 -16 } } */
