/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rzgen.c -- random leaf functions for the plugin, as one self-checking
   program.

   usage: rzgen SEED [FUNCS]

   Writes to stdout a C program of FUNCS (default 12) small leaf functions
   of the shapes the plugin converts, and a main that calls each of them on
   many inputs and prints one line per function, "fNN <hex>", a checksum of
   the results.  The same SEED always gives the same program.  The program
   is free of undefined behaviour: all arithmetic is on unsigned 64-bit
   values, shifts are by constants below the width, divisors are odd,
   indices are reduced modulo the array's length, every local is written
   before it is read, and no address ever reaches the output.  So its output
   is the same however it is compiled, and a build with the plugin, run
   under the every-instruction adversary (testsuite/adversary/adversary.c),
   must print what a -mno-red-zone build prints.

   The shapes, mixed at random per function: local arrays (volatile or not)
   of 1..16 chars, shorts, ints or longs; structs with odd field sizes and
   bit-fields, sometimes packed; 16-byte vectors; loops with many live
   values that force spills; indexed loops; early returns (shrink-wrapping);
   dense switches (jump tables); computed goto; harmless inline asm on frame
   variables; readers of __builtin_frame_address; cold functions, cold
   paths that end in a sibling call (a .cold partition with a live frame);
   and now and then a function the plugin must refuse or treat apart
   (pushf; pop in asm, varargs).  Frames are kept small, mostly within 32
   to 120 bytes, and each program runs some tens of thousands of
   instructions: under the adversary every instruction costs a signal.  */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- deterministic randomness (splitmix64) --------------------------- */

static unsigned long long rng_state;

static unsigned long long
rng64 (void)
{
  unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* 0 .. n-1.  */
static unsigned
rnd (unsigned n)
{
  return (unsigned) (rng64 () % n);
}

/* lo .. hi.  */
static unsigned
range (unsigned lo, unsigned hi)
{
  return lo + rnd (hi - lo + 1);
}

static int
chance (unsigned percent)
{
  return rnd (100) < percent;
}

/* A constant for arithmetic, always of type unsigned long (64 bits, so
   that any shift below 64 is defined): small, odd, or of 32 or 64 bits.  */
static void
emit_const (void)
{
  switch (rnd (4))
    {
    case 0:
      printf ("%uul", range (1, 255));
      break;
    case 1:
      printf ("0x%llxul", rng64 () | 1);
      break;
    case 2:
      printf ("0x%xul", (unsigned) rng64 ());
      break;
    default:
      printf ("%uul", 2 * range (1, 4000) + 1);
      break;
    }
}

/* --- what a function has in its frame -------------------------------- */

struct elt_type
{
  const char *name;
  int size;
  const char *suffix;           /* Of an asm add on this type.  */
  const char *reg;              /* Constraint of its register operand.  */
};

static const struct elt_type elt_types[] = {
  { "unsigned char", 1, "b", "q" },
  { "signed char", 1, "b", "q" },
  { "short", 2, "w", "r" },
  { "unsigned short", 2, "w", "r" },
  { "int", 4, "l", "r" },
  { "unsigned", 4, "l", "r" },
  { "long", 8, "q", "r" },
  { "unsigned long", 8, "q", "r" },
};
#define N_ELT_TYPES (int) (sizeof elt_types / sizeof elt_types[0])

struct vec_type
{
  const char *name;             /* Typedef in the program's prologue.  */
  const char *elt;
  int lanes;
};

static const struct vec_type vec_types[] = {
  { "v16u", "unsigned char", 16 },
  { "v8u", "unsigned short", 8 },
  { "v4u", "unsigned", 4 },
  { "v2u", "unsigned long", 2 },
};

#define MAX_ARRAYS 3
#define MAX_FIELDS 7

struct array
{
  int type;                     /* Index into elt_types.  */
  int n;
  int vol;
};

struct field
{
  int type;                     /* Index into elt_types, unsigned ones.  */
  int n;                        /* Array field of n > 1 elements.  */
  int bits;                     /* Bit-field width, 0: none.  */
};

struct fn
{
  int id;
  int cold;
  int varargs, nvarargs;
  int narrays;
  struct array arr[MAX_ARRAYS];
  int has_struct, struct_vol, packed, nfields;
  struct field fld[MAX_FIELDS];
  int nvec, vec, vec_vol;       /* nvec vectors of vec_types[vec].  */
  int calls;                    /* How many times main calls it.  */
  int cold_target;              /* Id of the cold function it sibcalls, or -1.  */
  int labels;                   /* Block counter, for unique labels.  */
  const char *loopvar;          /* Index usable in expressions, or NULL.  */
};

/* --- expressions: every one is an unsigned 64-bit value -------------- */

static void emit_expr (struct fn *f, int depth);

/* An index expression in [0, n).  */
static void
emit_index (struct fn *f, int n)
{
  if (n == 1)
    {
      printf ("0");
      return;
    }
  switch (rnd (f->loopvar ? 4 : 3))
    {
    case 0:
      printf ("%u", rnd (n));
      break;
    case 1:
      printf ("(%s >> %u) %% %u", rnd (2) ? "r" : (rnd (2) ? "a" : "b"),
              range (0, 9), n);
      break;
    case 2:
      if ((n & (n - 1)) == 0)
        printf ("(r ^ b) & %u", n - 1);
      else
        printf ("(r + b) %% %u", n);
      break;
    default:
      printf ("(%s * %u + %u) %% %u", f->loopvar, range (1, 7), rnd (n), n);
      break;
    }
}

static void
emit_leaf (struct fn *f)
{
  for (;;)
    switch (rnd (8))
      {
      case 0:
        printf ("a");
        return;
      case 1:
        printf ("b");
        return;
      case 2:
        printf ("r");
        return;
      case 3:
        emit_const ();
        return;
      case 4:
      case 5:
        if (f->narrays == 0)
          break;
        {
          int k = rnd (f->narrays);
          printf ("(u64) v%d[", k);
          emit_index (f, f->arr[k].n);
          printf ("]");
        }
        return;
      case 6:
        if (!f->has_struct)
          break;
        {
          int k = rnd (f->nfields);
          printf ("(u64) s.f%d", k);
          if (f->fld[k].n > 1)
            {
              printf ("[");
              emit_index (f, f->fld[k].n);
              printf ("]");
            }
        }
        return;
      default:
        if (f->loopvar)
          {
            printf ("(u64) %s", f->loopvar);
            return;
          }
        if (f->nvec)
          {
            const struct vec_type *v = &vec_types[f->vec];
            printf ("(u64) w[%u][", rnd (f->nvec));
            emit_index (f, v->lanes);
            printf ("]");
            return;
          }
        break;
      }
}

static void
emit_expr (struct fn *f, int depth)
{
  if (depth <= 0 || chance (25))
    {
      emit_leaf (f);
      return;
    }
  printf ("(");
  switch (rnd (12))
    {
    case 0:
    case 1:
      emit_expr (f, depth - 1);
      printf (" + ");
      emit_expr (f, depth - 1);
      break;
    case 2:
      emit_expr (f, depth - 1);
      printf (" - ");
      emit_expr (f, depth - 1);
      break;
    case 3:
    case 4:
      emit_expr (f, depth - 1);
      printf (" ^ ");
      emit_expr (f, depth - 1);
      break;
    case 5:
      emit_expr (f, depth - 1);
      printf (" * ");
      emit_const ();
      break;
    case 6:
      emit_expr (f, depth - 1);
      printf (" >> %u", range (1, 63));
      break;
    case 7:
      emit_expr (f, depth - 1);
      printf (" << %u", range (1, 63));
      break;
    case 8:
      emit_expr (f, depth - 1);
      printf (rnd (2) ? " | " : " & ");
      emit_expr (f, depth - 1);
      break;
    case 9:
      emit_expr (f, depth - 1);
      printf (" / (");
      emit_expr (f, depth - 1);
      printf (" | 1)");
      break;
    case 10:
      printf ("(u64) (");
      emit_expr (f, depth - 1);
      printf (rnd (2) ? " < " : " == ");
      emit_expr (f, depth - 1);
      printf (")");
      break;
    default:
      emit_expr (f, depth - 1);
      printf (" %% %u", range (2, 1000));
      break;
    }
  printf (")");
}

/* --- statements ------------------------------------------------------- */

static void
indent (int n)
{
  printf ("%*s", n, "");
}

/* One assignment to r, an array element, a struct field or a vector.  */
static void
emit_assign (struct fn *f, int ind)
{
  indent (ind);
  for (;;)
    switch (rnd (6))
      {
      case 0:
      case 1:
        {
          static const char *const ops[] = { "=", "+=", "^=", "-=" };
          printf ("r %s ", ops[rnd (4)]);
          emit_expr (f, 2);
          printf (";\n");
        }
        return;
      case 2:
      case 3:
        if (f->narrays == 0)
          break;
        {
          int k = rnd (f->narrays);
          printf ("v%d[", k);
          emit_index (f, f->arr[k].n);
          printf ("] = (%s) ", elt_types[f->arr[k].type].name);
          emit_expr (f, 2);
          printf (";\n");
        }
        return;
      case 4:
        if (!f->has_struct)
          break;
        {
          int k = rnd (f->nfields);
          printf ("s.f%d", k);
          if (f->fld[k].n > 1)
            {
              printf ("[");
              emit_index (f, f->fld[k].n);
              printf ("]");
            }
          if (f->fld[k].bits)
            printf (" = ");
          else
            printf (" = (%s) ", elt_types[f->fld[k].type].name);
          emit_expr (f, 2);
          printf (";\n");
        }
        return;
      default:
        if (!f->nvec)
          break;
        {
          const struct vec_type *v = &vec_types[f->vec];
          int j = rnd (f->nvec), k = rnd (f->nvec);
          printf ("w[%d] = (w[%d] %s w[%d]) + (%s) ", j, j,
                  rnd (2) ? "^" : "*", k, v->elt);
          emit_expr (f, 1);
          printf (";\n");
        }
        return;
      }
}

static void
emit_stmts (struct fn *f, int ind, int n)
{
  for (int i = 0; i < n; i++)
    emit_assign (f, ind);
}

/* A loop over the arrays with indexed reads and writes.  */
static void
emit_loop (struct fn *f, int ind)
{
  indent (ind);
  printf ("for (i = 0; i < %u + (unsigned) (b & %u); i++)\n", range (2, 6),
          rnd (2) ? 3 : 1);
  indent (ind);
  printf ("  {\n");
  const char *saved = f->loopvar;
  f->loopvar = "i";
  emit_stmts (f, ind + 4, range (2, 4));
  if (chance (25))
    {
      /* An early return from inside the loop.  */
      indent (ind + 4);
      printf ("if ((r & %u) == %u)\n", 15, rnd (16));
      indent (ind + 6);
      printf ("return r;\n");
    }
  f->loopvar = saved;
  indent (ind);
  printf ("  }\n");
}

/* Many live values across a loop: spills.  */
static void
emit_pressure (struct fn *f, int ind)
{
  int n = range (11, 17);
  indent (ind);
  printf ("{\n");
  for (int k = 0; k < n; k++)
    {
      indent (ind + 2);
      printf ("u64 x%d = %s %s ", k, rnd (2) ? "a" : "b",
              rnd (2) ? "^" : "+");
      emit_const ();
      printf (";\n");
    }
  indent (ind + 2);
  printf ("for (i = 0; i < %u + (unsigned) (a & 1); i++)\n", range (2, 4));
  indent (ind + 4);
  printf ("{\n");
  for (int k = 0; k < n; k++)
    {
      int p = rnd (n), q = rnd (n);
      indent (ind + 6);
      switch (rnd (4))
        {
        case 0:
          printf ("x%d = x%d * ", k, k);
          emit_const ();
          printf (" + x%d;\n", p);
          break;
        case 1:
          printf ("x%d ^= x%d >> %u;\n", k, p, range (1, 63));
          break;
        case 2:
          printf ("x%d += x%d ^ x%d;\n", k, p, q);
          break;
        default:
          printf ("x%d -= (x%d << %u) | (u64) i;\n", k, p, range (1, 63));
          break;
        }
    }
  if (f->narrays && chance (50))
    {
      int k = rnd (f->narrays);
      indent (ind + 6);
      printf ("x%d += (u64) v%d[(x%d ^ i) %% %d];\n", rnd (n), k, rnd (n),
              f->arr[k].n);
    }
  indent (ind + 4);
  printf ("}\n");
  for (int k = 0; k < n; k += 3)
    {
      indent (ind + 2);
      printf ("r = (r ^ x%d)", k);
      for (int j = k + 1; j < k + 3 && j < n; j++)
        printf (" + (x%d >> %d)", j, j - k);
      printf (";\n");
    }
  indent (ind);
  printf ("}\n");
}

/* A dense switch: a jump table at -O2.  */
static void
emit_switch (struct fn *f, int ind)
{
  int n = range (5, 11);
  int in_loop = chance (50);
  const char *saved = f->loopvar;
  if (in_loop)
    {
      indent (ind);
      printf ("for (i = 0; i < %u; i++)\n", range (2, 4));
      ind += 2;
      f->loopvar = "i";
    }
  indent (ind);
  printf ("switch (");
  emit_expr (f, 1);
  printf (" %% %d)\n", n);
  indent (ind);
  printf ("  {\n");
  for (int c = 0; c < n; c++)
    {
      indent (ind + 2);
      printf ("case %d:\n", c);
      emit_stmts (f, ind + 4, range (1, 2));
      indent (ind + 4);
      int how = rnd (10);
      if (how == 0 && c < n - 1)
        printf ("/* fall through */\n");
      else if (how == 1)
        printf ("return r;\n");
      else
        printf ("break;\n");
    }
  indent (ind + 2);
  printf ("default:\n");
  indent (ind + 4);
  printf ("r = ~r;\n");
  indent (ind);
  printf ("  }\n");
  f->loopvar = saved;
}

/* Computed goto: a little threaded interpreter.  */
static void
emit_cgoto (struct fn *f, int ind)
{
  int id = f->labels++;
  int n = range (3, 6);
  indent (ind);
  printf ("{\n");
  indent (ind + 2);
  printf ("static void *const tbl%d[] = {", id);
  for (int k = 0; k < n; k++)
    printf ("%s&&g%d_%d", k ? ", " : " ", id, k);
  printf (" };\n");
  indent (ind + 2);
  printf ("unsigned k%d = 0;\n", id);
  printf ("g%d_next:\n", id);
  indent (ind + 2);
  printf ("if (k%d++ >= %u)\n", id, range (3, 7));
  indent (ind + 4);
  printf ("goto g%d_done;\n", id);
  indent (ind + 2);
  printf ("goto *tbl%d[(r + k%d) %% %d];\n", id, id, n);
  char var[16];
  snprintf (var, sizeof var, "k%d", id);
  const char *saved = f->loopvar;
  f->loopvar = var;
  for (int k = 0; k < n; k++)
    {
      printf ("g%d_%d:\n", id, k);
      emit_stmts (f, ind + 2, range (1, 2));
      indent (ind + 2);
      printf ("r = r * ");
      emit_const ();
      printf (" + %u;\n", k + 1);
      indent (ind + 2);
      printf ("goto g%d_next;\n", id);
    }
  f->loopvar = saved;
  printf ("g%d_done:\n", id);
  indent (ind + 2);
  printf ("r ^= k%d;\n", id);
  indent (ind);
  printf ("}\n");
}

/* Inline asm that does not touch the stack but works on frame variables.  */
static void
emit_asm (struct fn *f, int ind)
{
  indent (ind);
  for (;;)
    switch (rnd (5))
      {
      case 0:
      case 1:
        /* An "m" operand makes the array addressable, and GCC makes no
           sibling call from a function with an addressable local.  */
        if (f->narrays == 0 || f->cold_target >= 0)
          break;
        {
          int k = rnd (f->narrays);
          const struct elt_type *t = &elt_types[f->arr[k].type];
          printf ("__asm__ (\"add%s %%1, %%0\" : \"+m\" (v%d[", t->suffix, k);
          emit_index (f, f->arr[k].n);
          printf ("]) : \"%s\" ((%s) ", t->reg, t->name);
          emit_expr (f, 1);
          printf (") : \"cc\");\n");
        }
        return;
      case 2:
        printf ("__asm__ (\"\" : \"+r\" (r));\n");
        return;
      case 3:
        printf ("__asm__ __volatile__ (\"\" ::: \"memory\");\n");
        return;
      default:
        if (f->narrays == 0)
          break;
        {
          int k = rnd (f->narrays);
          printf ("__asm__ (\"xorq %%1, %%0\" : \"+r\" (r) : \"rm\" ((u64) v%d[",
                  k);
          emit_index (f, f->arr[k].n);
          printf ("]));\n");
        }
        return;
      }
}

/* A reader of the saved frame: the word above the frame pointer is the
   return address.  Half the time the frame address goes through an empty
   asm first, as an unwinder holds it: then it is %rbp's value in a
   register, not an %rbp-based address.  */
static void
emit_frame_address (struct fn *f, int ind)
{
  (void) f;
  indent (ind);
  if (chance (50))
    {
      printf ("{ void **fp = (void **) __builtin_frame_address (0);\n");
      indent (ind + 2);
      printf ("__asm__ (\"\" : \"+r\" (fp));\n");
      indent (ind + 2);
      printf ("r += (u64) (fp[1] == __builtin_return_address (0)) * ");
      emit_const ();
      printf ("; }\n");
      return;
    }
  printf ("r += (u64) (((void **) __builtin_frame_address (0))[1]\n");
  indent (ind + 13);
  printf ("== __builtin_return_address (0)) * ");
  emit_const ();
  printf (";\n");
}

/* Something the plugin must refuse: the asm pushes.  Only bit 1 of the
   flags, always set, may reach the result (the trap flag is set under the
   adversary, and the arithmetic flags depend on the code around).  */
static void
emit_pushf (struct fn *f, int ind)
{
  (void) f;
  indent (ind);
  printf ("{\n");
  indent (ind + 2);
  printf ("u64 fl;\n");
  indent (ind + 2);
  printf ("__asm__ __volatile__ (\"pushf\\n\\tpop %%0\" : \"=r\" (fl));\n");
  indent (ind + 2);
  printf ("r += (fl >> 1) & 1;\n");
  indent (ind);
  printf ("}\n");
}

/* --- functions -------------------------------------------------------- */

/* Decide the frame: locals within BUDGET bytes.  */
static void
plan_frame (struct fn *f, int budget)
{
  if (budget >= 16 && chance (25))
    {
      f->vec = rnd (4);
      f->nvec = budget >= 56 && chance (40) ? 2 : 1;
      f->vec_vol = chance (50);
      budget -= 16 * f->nvec;
    }
  if (budget >= 8 && chance (25))
    {
      static const int uns[] = { 0, 3, 5, 7 };
      int size = 0;
      f->has_struct = 1;
      f->struct_vol = chance (60);
      f->packed = chance (25);
      f->nfields = range (2, MAX_FIELDS);
      for (int k = 0; k < f->nfields; k++)
        {
          struct field *d = &f->fld[k];
          d->type = uns[rnd (4)];
          d->n = 1;
          d->bits = 0;
          if (chance (20))
            d->n = range (2, 5);
          else if (elt_types[d->type].size >= 4 && chance (25))
            d->bits = range (1, 8 * elt_types[d->type].size - 1);
          size += elt_types[d->type].size * d->n;
          if (size > budget && k >= 2)
            {
              f->nfields = k;
              break;
            }
        }
      budget -= size;
    }
  int want = range (1, MAX_ARRAYS);
  while (f->narrays < want && budget > 0)
    {
      struct array *a = &f->arr[f->narrays];
      a->type = rnd (N_ELT_TYPES);
      int size = elt_types[a->type].size;
      int max = budget / size;
      if (max < 1)
        break;
      if (max > 16)
        max = 16;
      a->n = range (1, max);
      a->vol = chance (55);
      budget -= a->n * size;
      f->narrays++;
    }
}

static void
emit_locals (struct fn *f)
{
  for (int k = 0; k < f->narrays; k++)
    printf ("  %s%s v%d[%d];\n", f->arr[k].vol ? "volatile " : "",
            elt_types[f->arr[k].type].name, k, f->arr[k].n);
  if (f->has_struct)
    printf ("  %sstruct s%02d s;\n", f->struct_vol ? "volatile " : "", f->id);
  if (f->nvec)
    printf ("  %s%s w[%d];\n", f->vec_vol ? "volatile " : "",
            vec_types[f->vec].name, f->nvec);
}

/* Write every local before anything reads it.  */
static void
emit_inits (struct fn *f)
{
  for (int k = 0; k < f->narrays; k++)
    {
      printf ("  for (i = 0; i < %d; i++)\n", f->arr[k].n);
      printf ("    v%d[i] = (%s) (%s * ", k, elt_types[f->arr[k].type].name,
              rnd (2) ? "a" : "b");
      emit_const ();
      printf (" + i * ");
      emit_const ();
      printf (");\n");
    }
  if (f->has_struct)
    for (int k = 0; k < f->nfields; k++)
      {
        if (f->fld[k].n > 1)
          printf ("  for (i = 0; i < %d; i++)\n    s.f%d[i] = (%s) (b + i * ",
                  f->fld[k].n, k, elt_types[f->fld[k].type].name);
        else
          printf ("  s.f%d = (%s) (%s ^ ", k,
                f->fld[k].bits ? "u64" : elt_types[f->fld[k].type].name,
                  rnd (2) ? "a" : "b");
        emit_const ();
        printf (");\n");
      }
  for (int k = 0; k < f->nvec; k++)
    {
      const struct vec_type *v = &vec_types[f->vec];
      printf ("  w[%d] = (%s) { (%s) a, (%s) b", k, v->name, v->elt, v->elt);
      if (v->lanes > 2)
        printf (", (%s) %u", v->elt, range (1, 200));
      printf (" } + (%s) (a >> %u);\n", v->elt, range (0, 63));
    }
}

/* Fold the whole frame into r at the end.  */
static void
emit_fold (struct fn *f)
{
  for (int k = 0; k < f->narrays; k++)
    printf ("  for (i = 0; i < %d; i++)\n    r = r * %u + (u64) v%d[i];\n",
            f->arr[k].n, 2 * range (1, 100) + 1, k);
  if (f->has_struct)
    for (int k = 0; k < f->nfields; k++)
      {
        if (f->fld[k].n > 1)
          printf ("  r = (r ^ (u64) s.f%d[%d]) * 31;\n", k, f->fld[k].n - 1);
        else
          printf ("  r = (r ^ (u64) s.f%d) * 31;\n", k);
      }
  for (int k = 0; k < f->nvec; k++)
    for (int l = 0; l < vec_types[f->vec].lanes; l += rnd (2) + 1)
      printf ("  r = r * 7 + (u64) w[%d][%d];\n", k, l);
}

static void
emit_struct_type (struct fn *f)
{
  if (!f->has_struct)
    return;
  printf ("struct %ss%02d\n{\n", f->packed ? "__attribute__ ((packed)) " : "",
          f->id);
  for (int k = 0; k < f->nfields; k++)
    {
      const struct field *d = &f->fld[k];
      if (d->bits)
        printf ("  %s f%d : %d;\n", elt_types[d->type].name, k, d->bits);
      else if (d->n > 1)
        printf ("  %s f%d[%d];\n", elt_types[d->type].name, k, d->n);
      else
        printf ("  %s f%d;\n", elt_types[d->type].name, k);
    }
  printf ("};\n\n");
}

/* A cold function for sibling calls from cold paths.  */
static void
emit_cold_target (int id)
{
  printf ("RZ __attribute__ ((cold)) u64\nf%02d (u64 a, u64 b)\n{\n", id);
  printf ("  volatile unsigned v[%u];\n", range (2, 6));
  printf ("  v[0] = (unsigned) a;\n  v[1] = (unsigned) (b * ");
  emit_const ();
  printf (");\n  return (a ^ v[1]) * ");
  emit_const ();
  printf (" + v[0];\n}\n\n");
}

static void
emit_function (struct fn *f)
{
  /* Bytes of locals; spills, padding and alignment come on top.  */
  static const int budgets[] = { 4, 8, 8, 12, 16, 16, 20, 24, 24, 32, 40,
                                 56, 72, 88 };
  int budget = budgets[rnd (sizeof budgets / sizeof budgets[0])];
  int pressure = chance (25);
  int refuse_pushf = !f->varargs && chance (5);
  int fp = chance (12);
  if (pressure)
    budget /= 4;
  plan_frame (f, budget);
  if (f->narrays == 0 && !f->has_struct && !f->nvec && !pressure
      && chance (80))
    pressure = 1;
  f->calls = pressure ? 12 : 20;

  emit_struct_type (f);
  if (f->cold_target >= 0)
    emit_cold_target (f->cold_target);
  printf ("RZ %su64\n", f->cold ? "__attribute__ ((cold)) " : "");
  if (f->varargs)
    printf ("f%02d (unsigned n, ...)\n{\n  va_list ap;\n", f->id);
  else
    printf ("f%02d (u64 a, u64 b)\n{\n", f->id);
  printf ("  u64 r;\n  unsigned i;\n");
  emit_locals (f);
  if (f->varargs)
    {
      printf ("  u64 a = 0, b = n;\n  va_start (ap, n);\n");
      printf ("  for (i = 0; i < n; i++)\n    b = (b ^ va_arg (ap, u64)) * ");
      emit_const ();
      printf (";\n  va_end (ap);\n");
    }
  printf ("  r = a ^ ");
  emit_const ();
  printf (";\n");
  if (chance (35))
    {
      /* Before the frame is touched: a shrink-wrapping candidate.  */
      printf ("  if (((a ^ b) & %u) == %u)\n    return r * ", 7, rnd (8));
      emit_const ();
      printf (";\n");
    }
  emit_inits (f);

  int blocks = range (2, 4);
  int did_pressure = 0;
  for (int k = 0; k < blocks; k++)
    {
      if (pressure && !did_pressure && (chance (50) || k == blocks - 1))
        {
          emit_pressure (f, 2);
          did_pressure = 1;
          continue;
        }
      switch (rnd (10))
        {
        case 0:
        case 1:
        case 2:
          emit_loop (f, 2);
          break;
        case 3:
        case 4:
          emit_switch (f, 2);
          break;
        case 5:
          /* One per function: GCC assumes a computed goto may reach every
             label whose address is taken in the function.  */
          if (f->labels == 0)
            emit_cgoto (f, 2);
          else
            emit_loop (f, 2);
          break;
        case 6:
        case 7:
          emit_asm (f, 2);
          emit_stmts (f, 2, 1);
          break;
        case 8:
          printf ("  if ((r & %u) == %u)\n    return r ^ b;\n", 15, rnd (16));
          emit_stmts (f, 2, 2);
          break;
        default:
          emit_stmts (f, 2, range (1, 3));
          break;
        }
    }
  if (fp)
    emit_frame_address (f, 2);
  if (refuse_pushf)
    emit_pushf (f, 2);
  if (f->cold_target >= 0)
    {
      /* A cold path with a live frame, ending in a sibling call: GCC puts
         it into the function's .cold partition.  */
      printf ("  if ((a & 15) == %u)\n    {\n", rnd (16));
      emit_stmts (f, 6, 2);
      printf ("      return f%02d (r, ", f->cold_target);
      emit_expr (f, 1);
      printf (");\n    }\n");
    }
  emit_fold (f);
  printf ("  return r;\n}\n\n");
}

/* --- the program ------------------------------------------------------ */

int
main (int argc, char **argv)
{
  if (argc < 2 || argc > 3)
    {
      fprintf (stderr, "usage: rzgen SEED [FUNCS]\n");
      return 2;
    }
  char *end;
  unsigned long long seed = strtoull (argv[1], &end, 0);
  if (*end)
    {
      fprintf (stderr, "rzgen: bad seed '%s'\n", argv[1]);
      return 2;
    }
  long nfuncs = argc > 2 ? strtol (argv[2], &end, 0) : 12;
  if (argc > 2 && (*end || nfuncs < 1 || nfuncs > 50))
    {
      fprintf (stderr, "rzgen: FUNCS must be 1..50\n");
      return 2;
    }
  rng_state = seed * 0x2545f4914f6cdd1dull + 0x1234567;

  printf ("/* Generated by rzgen %llu %ld: leaf functions for the red-zone "
          "plugin.  */\n", seed, nfuncs);
  printf ("#include <stdarg.h>\n#include <stdio.h>\n\n");
  printf ("typedef unsigned long u64;\n");
  for (int k = 0; k < 4; k++)
    printf ("typedef %s %s __attribute__ ((vector_size (16)));\n",
            vec_types[k].elt, vec_types[k].name);
  printf ("#define RZ __attribute__ ((noinline, noipa))\n\n");

  struct fn *fns = calloc (nfuncs, sizeof *fns);
  if (!fns)
    return 2;
  int next_id = (int) nfuncs;   /* Cold targets get ids after the others.  */
  for (int k = 0; k < nfuncs; k++)
    {
      struct fn *f = &fns[k];
      f->id = k;
      f->cold = chance (10);
      f->varargs = chance (5);
      f->nvarargs = range (1, 8);
      f->cold_target = !f->varargs && chance (10) ? next_id++ : -1;
      emit_function (f);
    }

  printf ("static const u64 in[16] = {\n");
  for (int k = 0; k < 16; k++)
    {
      if (k < 4)
        printf ("  %uu,\n", k * 3);
      else if (k < 6)
        printf ("  0x%llxull,\n", ~0ull >> (rnd (64)));
      else
        printf ("  0x%llxull,\n", rng64 ());
    }
  printf ("};\n\nint\nmain (void)\n{\n  u64 h;\n  unsigned i;\n\n");
  for (int k = 0; k < nfuncs; k++)
    {
      struct fn *f = &fns[k];
      printf ("  h = 0x%llxull;\n", rng64 ());
      printf ("  for (i = 0; i < %d; i++)\n    {\n", f->calls);
      printf ("      u64 a = in[i %% 16], b = in[(i * 5 + 3) %% 16] ^ i;\n");
      if (f->varargs && f->nvarargs < 2)
        printf ("      (void) b;\n");
      if (f->varargs)
        {
          printf ("      h ^= f%02d (%d", f->id, f->nvarargs);
          for (int j = 0; j < f->nvarargs; j++)
            printf (", %s", j == 0 ? "a" : j == 1 ? "b" : j % 2 ? "a + i" : "b ^ i");
          printf (");\n");
        }
      else
        printf ("      h ^= f%02d (a, b);\n", f->id);
      printf ("      h = (h ^ (h >> 29)) * 0xbf58476d1ce4e5b9ull;\n    }\n");
      printf ("  printf (\"f%02d %%016lx\\n\", h);\n", f->id);
    }
  printf ("  return 0;\n}\n");
  free (fns);
  return fflush (stdout) != 0;
}
