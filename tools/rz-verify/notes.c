/* SPDX-License-Identifier: GPL-3.0-or-later */
/* notes.c -- rz-verify: the settings each object was compiled with, from
   its .note.redzone notes, and the settings of a run.  */

#include "rz-verify.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NT_REDZONE_SETTINGS 1

static bool
parse_num (const char *s, long *v)
{
  char *end;
  if (*s < '0' || *s > '9')
    return false;
  *v = strtol (s, &end, 10);
  return *end == 0;
}

/* One note's desc: NUL-terminated key=value strings.  Unknown keys are
   for other readers.  */
static void
parse_note (struct rz_input *in, const char *desc, size_t len)
{
  struct rz_note *n;
  in->notes = rz_xrealloc (in->notes, (in->nnotes + 1) * sizeof *in->notes);
  n = &in->notes[in->nnotes++];
  n->size = n->offset = n->thunk_depth = -1;
  n->text[0] = 0;
  size_t i = 0;
  while (i < len)
    {
      const char *s = desc + i;
      size_t l = strnlen (s, len - i);
      if (l == len - i)
        rz_fatal ("%s: corrupt .note.redzone (unterminated string)", in->name);
      if (l > 0 && strlen (n->text) + l + 2 < sizeof n->text)
        {
          if (n->text[0])
            strcat (n->text, " ");
          strcat (n->text, s);
        }
      long v;
      if (strncmp (s, "size=", 5) == 0 && parse_num (s + 5, &v))
        n->size = v;
      else if (strncmp (s, "offset=", 7) == 0 && parse_num (s + 7, &v))
        n->offset = v;
      else if (strncmp (s, "thunk-depth=", 12) == 0 && parse_num (s + 12, &v))
        n->thunk_depth = v;
      else if (strncmp (s, "size=", 5) == 0 || strncmp (s, "offset=", 7) == 0
               || strncmp (s, "thunk-depth=", 12) == 0)
        rz_fatal ("%s: corrupt .note.redzone (bad value in '%s')", in->name, s);
      i += l + 1;
    }
  if (n->size < 0)
    rz_fatal ("%s: corrupt .note.redzone (no size=)", in->name);
  if (n->offset < 0)
    n->offset = 0;
}

void
rz_read_notes (struct rz_input *in)
{
  size_t shstrndx;
  if (elf_getshdrstrndx (in->elf, &shstrndx) != 0)
    return;
  Elf_Scn *scn = NULL;
  while ((scn = elf_nextscn (in->elf, scn)) != NULL)
    {
      GElf_Shdr sh;
      if (gelf_getshdr (scn, &sh) == NULL || sh.sh_type != SHT_NOTE)
        continue;
      const char *name = elf_strptr (in->elf, shstrndx, sh.sh_name);
      if (name == NULL || strcmp (name, ".note.redzone") != 0)
        continue;
      Elf_Data *d = elf_getdata (scn, NULL);
      if (d == NULL)
        rz_fatal ("%s: corrupt .note.redzone (%s)", in->name, elf_errmsg (-1));
      size_t off = 0, name_off, desc_off;
      GElf_Nhdr nh;
      while (off < d->d_size
             && (off = gelf_getnote (d, off, &nh, &name_off, &desc_off)) > 0)
        {
          if (nh.n_namesz == 8 && nh.n_type == NT_REDZONE_SETTINGS
              && memcmp ((char *) d->d_buf + name_off, "redzone", 8) == 0)
            parse_note (in, (char *) d->d_buf + desc_off, nh.n_descsz);
        }
    }
}

struct distinct { long size, offset; size_t count; };

static void
describe (char *buf, size_t len, long size, long offset)
{
  snprintf (buf, len, "size=%ld offset=%ld", size, offset);
}

/* The settings of the run: the options when GIVEN, else what every note
   of every input says.  */
void
rz_settings_resolve (struct rz_input **ins, size_t n, bool given,
                     struct rz_settings *s)
{
  struct distinct *ds = NULL;
  size_t nd = 0, nnotes = 0;
  long depth = -2;      /* -2: none seen, -3: disagree */
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < ins[i]->nnotes; j++)
      {
        const struct rz_note *no = &ins[i]->notes[j];
        nnotes++;
        size_t k;
        for (k = 0; k < nd; k++)
          if (ds[k].size == no->size && ds[k].offset == no->offset)
            break;
        if (k == nd)
          {
            ds = rz_xrealloc (ds, (nd + 1) * sizeof *ds);
            ds[nd].size = no->size;
            ds[nd].offset = no->offset;
            ds[nd++].count = 0;
          }
        ds[k].count++;
        if (depth == -2)
          depth = no->thunk_depth;
        else if (depth != no->thunk_depth)
          depth = -3;
      }
  s->thunk_depth = depth >= 0 ? depth : -1;

  if (given)
    {
      char b[64];
      for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < ins[i]->nnotes; j++)
          {
            const struct rz_note *no = &ins[i]->notes[j];
            if (no->size != s->size || no->offset != s->offset)
              {
                describe (b, sizeof b, no->size, no->offset);
                rz_warning ("%s: .note.redzone says %s; checking with "
                            "--size %ld --offset %ld", ins[i]->name, b,
                            s->size, s->offset);
                break;
              }
          }
      free (ds);
      return;
    }
  if (nnotes == 0)
    rz_fatal ("no .note.redzone in the input%s; pass --size and --offset",
              n > 1 ? "s" : "");
  if (nd > 1)
    {
      char *msg = rz_xmalloc (nd * 64 + 1);
      msg[0] = 0;
      for (size_t k = 0; k < nd; k++)
        {
          char b[64];
          describe (b, sizeof b, ds[k].size, ds[k].offset);
          sprintf (msg + strlen (msg), "%s%s (%zu note%s)", k ? ", " : "", b,
                   ds[k].count, ds[k].count == 1 ? "" : "s");
        }
      rz_fatal ("the .note.redzone notes disagree: %s; pass --size and "
                "--offset", msg);
    }
  s->size = ds[0].size;
  s->offset = ds[0].offset;
  for (size_t i = 0; i < n; i++)
    if (ins[i]->nnotes == 0)
      rz_warning ("%s: no .note.redzone; checking with size=%ld offset=%ld",
                  ins[i]->name, s->size, s->offset);
  free (ds);
}
