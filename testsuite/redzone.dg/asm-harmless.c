/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Inline asm as Linux writes it in leaf functions: the allow-list must
   still convert these.  Several take "m" operands on frame slots, which the
   pass moves into the window like any other access.  */
/* { dg-do assemble } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */

/* test_bit(): bt with a flag output, on a bitmap in the frame.  */
int
test_bit (long nr, unsigned long w)
{
  unsigned long map[2] = { w, ~w };
  _Bool bit;
  __asm__ __volatile__ ("btq %2,%1\n\t/* output condition code c*/\n"
                        : "=@ccc" (bit) : "m" (map), "Ir" (nr) : "memory");
  return bit;
}

/* atomic_fetch_add() with LOCK_PREFIX: the .smp_locks entry and "lock; ".  */
int
fetch_add (int a, int i)
{
  volatile int x = a;
  int counter = a;
  __asm__ __volatile__ (".pushsection .smp_locks,\"a\"\n.balign 4\n"
                        ".long 671f - .\n.popsection\n671:"
                        "\n\tlock; xaddl %0, %1"
                        : "+r" (i), "+m" (counter) :: "memory");
  return x + i + counter;
}

/* cmpxchg() on a frame slot.  */
long
cas (long a, long old, long new_)
{
  volatile long x = a;
  long slot = a, prev;
  __asm__ __volatile__ ("lock; cmpxchgq %2,%1"
                        : "=a" (prev), "+m" (slot) : "r" (new_), "0" (old)
                        : "memory");
  return x + prev + slot;
}

/* rdtsc_ordered(): rdtsc after an ALTERNATIVE that may patch in lfence
   (the old instruction is empty and padded with 0x90 as Linux pads it).  */
unsigned long
tsc (int a)
{
  volatile int x = a;
  unsigned int lo, hi;
  __asm__ __volatile__ ("# ALT: oldnstr\n661:\n\t\n662:\n# ALT: padding\n"
                        ".skip -(((6641f-6640f)-(662b-661b)) > 0) * "
                        "((6641f-6640f)-(662b-661b)),0x90\n663:\n"
                        ".pushsection .altinstructions,\"a\"\n"
                        " .long 661b - .\n .long 6640f - .\n"
                        " .word ( 3*32+18)\n .byte 663b-661b\n"
                        " .byte 6641f-6640f\n.popsection\n"
                        ".pushsection .altinstr_replacement, \"ax\"\n"
                        "# ALT: replacement 1\n6640:\n\tlfence\n6641:\n"
                        ".popsection\n"
                        "rdtsc" : "=a" (lo), "=d" (hi) :: "memory");
  return x + ((unsigned long) hi << 32 | lo);
}

/* A copy into a frame buffer with rep movsb.  */
int
copy (const char *src, int i)
{
  char buf[16];
  void *d = buf;
  const void *s = src;
  unsigned long n = sizeof buf;
  __asm__ __volatile__ ("rep movsb" : "+D" (d), "+S" (s), "+c" (n)
                        : "m" (*(const char (*)[16]) src) : "memory");
  return buf[i & 15];
}

/* rdmsr_safe(): a faulting instruction and its exception-table entry.  */
int
msr_safe (int a, unsigned int msr)
{
  volatile int x = a;
  unsigned int lo, hi;
  __asm__ __volatile__ ("1: rdmsr ; xor %[err],%[err]\n"
                        "2:\n .pushsection \"__ex_table\",\"a\"\n"
                        " .balign 4\n .long (1b) - .\n .long (2b) - .\n"
                        " .long 15 \n .popsection\n"
                        : [err] "=r" (a), "=a" (lo), "=d" (hi) : "c" (msr));
  return x + a + (int) lo + (int) hi;
}

/* A static branch: asm goto with jmp %l[label] and a __jump_table entry.  */
static char key;
int
branch (int a)
{
  volatile int x = a;
  __asm__ goto ("1:jmp %l[l_yes] # objtool NOPs this \n\t"
                ".pushsection __jump_table,  \"aw\" \n\t"
                ".balign 8\n\t.long 1b - . \n\t.long %l[l_yes] - . \n\t"
                ".quad %c0 + %c1 - .\n\t.popsection \n\t"
                :: "i" (&key), "i" (2) :: l_yes);
  return x;
l_yes:
  return x + 1;
}

/* BUG(): ud2 and a __bug_table entry.  */
int
bug_on (int a)
{
  volatile int x = a;
  if (a < 0)
    {
      __asm__ __volatile__ ("1:\tud2\n.pushsection __bug_table,\"aw\"\n"
                            "2:\t.long 1b - .\t# bug_entry::bug_addr\n"
                            "\t.long %c0 - .\t# bug_entry::file\n"
                            "\t.word %c1\t# bug_entry::line\n"
                            "\t.word %c2\t# bug_entry::flags\n"
                            "\t.org 2b+%c3\n.popsection"
                            :: "i" ("f.c"), "i" (1), "i" (0), "i" (12));
      __builtin_unreachable ();
    }
  return x;
}

/* Increments of a frame slot in place, and dialect alternatives.  */
int
inc_slot (int a)
{
  int v = a;
  __asm__ __volatile__ ("incl %0\n\t{bswap %1|bswap %1}" : "+m" (v), "+r" (a));
  return v + a;
}

/* Port I/O, control registers and a barrier as a kernel writes them.  */
unsigned long
io_cr (int a, unsigned short port)
{
  volatile int x = a;
  unsigned char v;
  unsigned long cr;
  __asm__ __volatile__ ("inb %w1, %b0" : "=a" (v) : "Nd" (port));
  __asm__ __volatile__ ("mov %%cr2, %0" : "=r" (cr));
  __asm__ __volatile__ ("" ::: "memory");
  return x + v + cr;
}

/* { dg-final { scan-report "function=test_bit status=converted" } } */
/* { dg-final { scan-report "function=fetch_add status=converted" } } */
/* { dg-final { scan-report "function=cas status=converted" } } */
/* { dg-final { scan-report "function=tsc status=converted" } } */
/* { dg-final { scan-report "function=copy status=converted" } } */
/* { dg-final { scan-report "function=msr_safe status=converted" } } */
/* { dg-final { scan-report "function=branch status=converted" } } */
/* { dg-final { scan-report "function=bug_on status=converted" } } */
/* { dg-final { scan-report "function=inc_slot status=converted" } } */
/* { dg-final { scan-report "function=io_cr status=converted" } } */
/* { dg-final { scan-report-not "status=unchanged" } } */
