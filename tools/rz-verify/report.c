/* SPDX-License-Identifier: GPL-3.0-or-later */
/* report.c -- rz-verify: findings, as lines or as one JSON document, the
   summary, messages and the exit status.  */

#include "rz-verify.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct finding
{
  const struct rz_input *in;
  char *where;          /* FUNCTION+0xOFF */
  char *insn;
  char *reason;
  uint64_t addr;
  enum rz_kind kind;
};

static struct finding *fs;
static size_t nfs, fscap;

void *
rz_xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (p == NULL)
    rz_fatal ("out of memory");
  return p;
}

void *
rz_xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (p == NULL)
    rz_fatal ("out of memory");
  return p;
}

char *
rz_xstrdup (const char *s)
{
  char *d = rz_xmalloc (strlen (s) + 1);
  return strcpy (d, s);
}

void
rz_fatal (const char *fmt, ...)
{
  va_list ap;
  fflush (stdout);
  fputs ("rz-verify: ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
  exit (2);
}

void
rz_warning (const char *fmt, ...)
{
  va_list ap;
  fputs ("rz-verify: warning: ", stderr);
  va_start (ap, fmt);
  vfprintf (stderr, fmt, ap);
  va_end (ap);
  fputc ('\n', stderr);
}

void
rz_finding (struct rz_decoder *d, const struct rz_input *in, uint64_t addr,
            enum rz_kind kind, const char *fmt, ...)
{
  char reason[320], insn[160], where[512];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (reason, sizeof reason, fmt, ap);
  va_end (ap);
  rz_format (d, in, addr, insn, sizeof insn);
  const struct rz_func *f = rz_func_at (in, addr);
  if (f)
    snprintf (where, sizeof where, "%s+0x%llx", f->name,
              (unsigned long long) (addr - f->addr));
  else
    snprintf (where, sizeof where, "0x%llx", (unsigned long long) addr);
  if (nfs == fscap)
    {
      fscap = fscap ? 2 * fscap : 64;
      fs = rz_xrealloc (fs, fscap * sizeof *fs);
    }
  struct finding *x = &fs[nfs++];
  x->in = in;
  x->where = rz_xstrdup (where);
  x->insn = rz_xstrdup (insn);
  x->reason = rz_xstrdup (reason);
  x->addr = addr;
  x->kind = kind;
}

static void
json_str (const char *s)
{
  putchar ('"');
  for (; *s; s++)
    {
      unsigned char c = *s;
      if (c == '"' || c == '\\')
        printf ("\\%c", c);
      else if (c < 0x20)
        printf ("\\u%04x", c);
      else
        putchar (c);
    }
  putchar ('"');
}

static const char *
kind_name (enum rz_kind k)
{
  return k == RZ_VIOLATION ? "violation" : "unproven";
}

/* Findings in the order of the inputs and of the code.  */
static int
cmp_finding (const void *a, const void *b)
{
  const struct finding *x = a, *y = b;
  if (x->in->ordinal != y->in->ordinal)
    return x->in->ordinal < y->in->ordinal ? -1 : 1;
  if (x->addr != y->addr)
    return x->addr < y->addr ? -1 : 1;
  return (int) x->kind - (int) y->kind;
}

/* Print everything; return the exit status.  */
int
rz_report (struct rz_input **ins, size_t n, const struct rz_options *o,
           size_t nfuncs)
{
  size_t nv = 0, nu = 0;
  if (nfs > 1)
    qsort (fs, nfs, sizeof *fs, cmp_finding);
  for (size_t i = 0; i < nfs; i++)
    if (fs[i].kind == RZ_VIOLATION)
      nv++;
    else
      nu++;
  if (!o->json)
    {
      for (size_t i = 0; i < nfs; i++)
        printf ("%s: %s: %s: %s: %s\n", fs[i].in->name, fs[i].where,
                kind_name (fs[i].kind), fs[i].insn, fs[i].reason);
      /* Always plural: scripts match this line as the man page gives it.  */
      printf ("rz-verify: N=%ld M=%ld: %zu functions, %zu violations, "
              "%zu unproven\n", o->set.size, o->set.offset, nfuncs, nv, nu);
    }
  else
    {
      printf ("{\n  \"settings\": {\"size\": %ld, \"offset\": %ld, "
              "\"thunk_depth\": ", o->set.size, o->set.offset);
      if (o->set.thunk_depth >= 0)
        printf ("%ld", o->set.thunk_depth);
      else
        printf ("null");
      printf ("},\n  \"counts\": {\"functions\": %zu, \"violations\": %zu, "
              "\"unproven\": %zu},\n  \"findings\": [", nfuncs, nv, nu);
      for (size_t i = 0; i < nfs; i++)
        {
          const char *plus = strrchr (fs[i].where, '+');
          printf ("%s\n    {\"file\": ", i ? "," : "");
          json_str (fs[i].in->name);
          printf (", \"function\": ");
          if (plus)
            {
              char *fn = rz_xstrdup (fs[i].where);
              fn[plus - fs[i].where] = 0;
              json_str (fn);
              free (fn);
              printf (", \"offset\": %llu", strtoull (plus + 1, NULL, 16));
            }
          else
            printf ("null, \"offset\": null");
          printf (", \"kind\": \"%s\", \"insn\": ", kind_name (fs[i].kind));
          json_str (fs[i].insn);
          printf (", \"reason\": ");
          json_str (fs[i].reason);
          printf ("}");
        }
      printf ("%s],\n  \"inputs\": [", nfs ? "\n  " : "");
      for (size_t i = 0; i < n; i++)
        {
          printf ("%s\n    {\"file\": ", i ? "," : "");
          json_str (ins[i]->name);
          printf (", \"notes\": [");
          for (size_t j = 0; j < ins[i]->nnotes; j++)
            {
              printf ("%s", j ? ", " : "");
              json_str (ins[i]->notes[j].text);
            }
          printf ("]}");
        }
      printf ("%s]\n}\n", n ? "\n  " : "");
    }
  fflush (stdout);
  if (nv)
    return 1;
  if (nu && o->strict)
    return 1;
  return 0;
}
