/* SPDX-License-Identifier: GPL-3.0-or-later */
/* input.c -- rz-verify: ELF objects, archives and linked files: their code
   sections, function symbols and relocations.  */

#include "rz-verify.h"
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void
corrupt (const char *name, const char *what)
{
  int e = elf_errno ();
  rz_fatal ("%s: truncated or corrupt ELF file (%s%s%s)", name, what,
            e ? ": " : "", e ? elf_errmsg (e) : "");
}

static int
cmp_sec (const void *a, const void *b)
{
  const struct rz_section *x = a, *y = b;
  return x->addr < y->addr ? -1 : x->addr > y->addr;
}

static int
cmp_reloc (const void *a, const void *b)
{
  const struct rz_reloc *x = a, *y = b;
  return x->where < y->where ? -1 : x->where > y->where;
}

static int
cmp_u64 (const void *a, const void *b)
{
  uint64_t x = *(const uint64_t *) a, y = *(const uint64_t *) b;
  return x < y ? -1 : x > y;
}

/* The first of the N elements of SIZE bytes at BASE, sorted by the
   uint64_t each starts with (as cmp_u64 sorts them), whose key is at
   least KEY; N when there is none.  */
size_t
rz_lower_bound (const void *base, size_t n, size_t size, uint64_t key)
{
  size_t a = 0, b = n;
  while (a < b)
    {
      size_t mid = (a + b) / 2;
      if (*(const uint64_t *) ((const char *) base + mid * size) < key)
        a = mid + 1;
      else
        b = mid;
    }
  return a;
}

/* Aliases: the same address; keep a global name over a weak or local one,
   then the first in the symbol table.  */
static int
bind_rank (unsigned char b)
{
  return b == STB_GLOBAL ? 0 : b == STB_WEAK ? 1 : 2;
}

struct fsort { struct rz_func f; int rank; size_t order; };

static int
cmp_fsort (const void *a, const void *b)
{
  const struct fsort *x = a, *y = b;
  if (x->f.addr != y->f.addr)
    return x->f.addr < y->f.addr ? -1 : 1;
  if (x->rank != y->rank)
    return x->rank - y->rank;
  return x->order < y->order ? -1 : x->order > y->order;
}

const char *
rz_thunk_kind (const char *name)
{
  if (strncmp (name, "__x86_indirect_thunk_", 21) == 0
      || strncmp (name, "__x86_indirect_call_thunk_", 26) == 0
      || strncmp (name, "__x86_indirect_jump_thunk_", 26) == 0)
    return "indirect";
  /* Linux's return thunks (CONFIG_RETHUNK, the SRSO and Retbleed
     mitigations), and the code they call, which runs on their stack
     height, not a function's: "helper", never checked on its own.  */
  if (strcmp (name, "__x86_return_thunk") == 0
      || strcmp (name, "srso_return_thunk") == 0
      || strcmp (name, "srso_alias_return_thunk") == 0
      || strcmp (name, "retbleed_return_thunk") == 0)
    return "return";
  if (strcmp (name, "srso_safe_ret") == 0
      || strcmp (name, "srso_alias_safe_ret") == 0)
    return "helper";
  return NULL;
}

bool
rz_is_cold (const char *name)
{
  return fnmatch ("*.cold", name, 0) == 0
         || (fnmatch ("*.cold.[0-9]*", name, 0) == 0
             && strspn (strrchr (name, '.') + 1, "0123456789")
                == strlen (strrchr (name, '.') + 1));
}

static bool
exec_section (const GElf_Shdr *sh)
{
  return sh->sh_type == SHT_PROGBITS && (sh->sh_flags & SHF_EXECINSTR)
         && (sh->sh_flags & SHF_ALLOC);
}

/* The sections, placed: a relocatable file's sections get addresses of
   their own, apart, so that one address names one byte of one section.  */
static void
read_sections (struct rz_input *in)
{
  size_t shnum;
  if (elf_getshdrnum (in->elf, &shnum) != 0)
    corrupt (in->name, "section headers");
  size_t shstrndx;
  if (elf_getshdrstrndx (in->elf, &shstrndx) != 0)
    corrupt (in->name, "section name table");
  in->nshdr = shnum;
  in->sec_addr = rz_xmalloc ((shnum + 1) * sizeof *in->sec_addr);
  in->secs = rz_xmalloc ((shnum + 1) * sizeof *in->secs);
  in->dsecs = rz_xmalloc ((shnum + 1) * sizeof *in->dsecs);
  uint64_t next = 0x100000;
  for (size_t i = 0; i < shnum; i++)
    {
      in->sec_addr[i] = UINT64_MAX;
      Elf_Scn *scn = elf_getscn (in->elf, i);
      GElf_Shdr sh;
      if (scn == NULL || gelf_getshdr (scn, &sh) == NULL)
        corrupt (in->name, "section header");
      if (i == 0)
        continue;
      if (in->is_rel)
        {
          uint64_t al = sh.sh_addralign > 16 ? sh.sh_addralign : 16;
          if (al & (al - 1))
            al = 16;
          next = (next + al - 1) & ~(al - 1);
          in->sec_addr[i] = next;
          next += sh.sh_size + 0x1000;
        }
      else if (sh.sh_flags & SHF_ALLOC)
        in->sec_addr[i] = sh.sh_addr;
      if (!in->is_rel && sh.sh_type == SHT_PROGBITS && (sh.sh_flags & SHF_ALLOC)
          && !(sh.sh_flags & SHF_EXECINSTR) && sh.sh_size > 0)
        {
          /* A linked file's jump tables are read from its data.  */
          Elf_Data *d = elf_getdata (scn, NULL);
          if (d != NULL && d->d_buf != NULL && d->d_size >= sh.sh_size)
            {
              struct rz_section *ds = &in->dsecs[in->ndsecs++];
              ds->addr = sh.sh_addr;
              ds->size = sh.sh_size;
              ds->data = d->d_buf;
              ds->name = "data";
              ds->index = i;
            }
        }
      if (!exec_section (&sh) || sh.sh_size == 0)
        continue;
      const char *name = elf_strptr (in->elf, shstrndx, sh.sh_name);
      Elf_Data *d = elf_getdata (scn, NULL);
      if (d == NULL || d->d_buf == NULL || d->d_size < sh.sh_size)
        corrupt (in->name, name ? name : "code section");
      struct rz_section *s = &in->secs[in->nsecs++];
      s->addr = in->sec_addr[i];
      s->size = sh.sh_size;
      s->data = d->d_buf;
      s->name = name ? name : "?";
      s->index = i;
    }
  qsort (in->secs, in->nsecs, sizeof *in->secs, cmp_sec);
}

/* The 8 bytes at ADDR of a linked file's allocated data, little-endian.  */
bool
rz_read_data64 (const struct rz_input *in, uint64_t addr, uint64_t *v)
{
  for (size_t i = 0; i < in->ndsecs; i++)
    {
      const struct rz_section *d = &in->dsecs[i];
      if (addr >= d->addr && addr - d->addr + 8 <= d->size)
        {
          uint64_t x = 0;
          for (int b = 7; b >= 0; b--)
            x = x << 8 | d->data[addr - d->addr + b];
          *v = x;
          return true;
        }
    }
  return false;
}

const struct rz_section *
rz_find_section (const struct rz_input *in, uint64_t addr)
{
  size_t lo = 0, hi = in->nsecs;
  while (lo < hi)
    {
      size_t mid = (lo + hi) / 2;
      const struct rz_section *s = &in->secs[mid];
      if (addr < s->addr)
        hi = mid;
      else if (addr - s->addr >= s->size)
        lo = mid + 1;
      else
        return s;
    }
  return NULL;
}

static void
read_symbols (struct rz_input *in)
{
  Elf_Scn *scn = NULL, *symscn = NULL, *xscn = NULL;
  GElf_Shdr sh, symsh;
  size_t symndx = 0;
  while ((scn = elf_nextscn (in->elf, scn)) != NULL)
    {
      if (gelf_getshdr (scn, &sh) == NULL)
        corrupt (in->name, "section header");
      if (sh.sh_type == SHT_SYMTAB
          || (sh.sh_type == SHT_DYNSYM && symscn == NULL))
        {
          symscn = scn;
          symsh = sh;
          symndx = elf_ndxscn (scn);
        }
    }
  if (symscn == NULL)
    return;
  scn = NULL;
  while ((scn = elf_nextscn (in->elf, scn)) != NULL)
    if (gelf_getshdr (scn, &sh) != NULL && sh.sh_type == SHT_SYMTAB_SHNDX
        && sh.sh_link == symndx)
      xscn = scn;
  Elf_Data *d = elf_getdata (symscn, NULL);
  Elf_Data *xd = xscn ? elf_getdata (xscn, NULL) : NULL;
  if (d == NULL || symsh.sh_entsize == 0)
    corrupt (in->name, "symbol table");
  size_t n = symsh.sh_size / symsh.sh_entsize;
  in->syms = rz_xmalloc ((n + 1) * sizeof *in->syms);
  in->nsyms = n;
  struct fsort *fs = rz_xmalloc ((n + 1) * sizeof *fs);
  size_t nf = 0;
  for (size_t i = 0; i < n; i++)
    {
      GElf_Sym sym;
      Elf32_Word x = 0;
      if (gelf_getsymshndx (d, xd, i, &sym, &x) == NULL)
        corrupt (in->name, "symbol");
      struct rz_sym *s = &in->syms[i];
      const char *name = elf_strptr (in->elf, symsh.sh_link, sym.st_name);
      size_t shndx = sym.st_shndx == SHN_XINDEX ? x : sym.st_shndx;
      s->type = GELF_ST_TYPE (sym.st_info);
      s->bind = GELF_ST_BIND (sym.st_info);
      s->size = sym.st_size;
      s->shndx = shndx;
      s->defined = false;
      s->addr = 0;
      if (s->type == STT_SECTION && shndx < in->nshdr)
        {
          Elf_Scn *ss = elf_getscn (in->elf, shndx);
          GElf_Shdr ssh;
          size_t strndx;
          name = NULL;
          if (ss && gelf_getshdr (ss, &ssh)
              && elf_getshdrstrndx (in->elf, &strndx) == 0)
            name = elf_strptr (in->elf, strndx, ssh.sh_name);
        }
      s->name = name ? name : "";
      if (sym.st_shndx == SHN_ABS)
        {
          s->defined = true;
          s->addr = sym.st_value;
        }
      else if (sym.st_shndx != SHN_UNDEF && sym.st_shndx != SHN_COMMON
               && shndx < in->nshdr && in->sec_addr[shndx] != UINT64_MAX)
        {
          s->defined = true;
          s->addr = in->is_rel ? in->sec_addr[shndx] + sym.st_value
                               : sym.st_value;
        }
      if ((s->type == STT_FUNC || s->type == STT_GNU_IFUNC) && s->defined
          && s->size > 0 && *s->name)
        {
          const struct rz_section *sec = rz_find_section (in, s->addr);
          if (sec == NULL || s->addr + s->size > sec->addr + sec->size)
            continue;
          struct fsort *f = &fs[nf++];
          f->f.name = s->name;
          f->f.addr = s->addr;
          f->f.size = s->size;
          f->f.flags = 0;
          f->f.gcc_thunk = -1;
          const char *tk = rz_thunk_kind (s->name);
          if (tk)
            f->f.flags |= RZ_FN_THUNK
                          | (strcmp (tk, "return") == 0 ? RZ_FN_RETURN_THUNK : 0);
          if (rz_is_cold (s->name))
            f->f.flags |= RZ_FN_COLD;
          f->rank = bind_rank (s->bind);
          f->order = i;
        }
    }
  qsort (fs, nf, sizeof *fs, cmp_fsort);
  in->funcs = rz_xmalloc ((nf + 1) * sizeof *in->funcs);
  for (size_t i = 0; i < nf; i++)
    if (in->nfuncs == 0 || in->funcs[in->nfuncs - 1].addr != fs[i].f.addr)
      in->funcs[in->nfuncs++] = fs[i].f;
    else
      /* An alias that is a thunk or a cold part makes the code one.  */
      in->funcs[in->nfuncs - 1].flags |= fs[i].f.flags;
  free (fs);
}

const struct rz_func *
rz_func_at (const struct rz_input *in, uint64_t addr)
{
  size_t lo = 0, hi = in->nfuncs;
  while (lo < hi)
    {
      size_t mid = (lo + hi) / 2;
      if (in->funcs[mid].addr <= addr)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* Functions may nest (a symbol inside another's range): take the
     nearest start below ADDR whose range covers it.  */
  for (size_t i = lo; i-- > 0 && lo - i < 8;)
    if (addr - in->funcs[i].addr < in->funcs[i].size)
      return &in->funcs[i];
  return NULL;
}

/* The PC-relative data relocation at WHERE, or NULL.  */
const struct rz_prel *
rz_prel_at (const struct rz_input *in, uint64_t where)
{
  size_t a = rz_lower_bound (in->prels, in->nprels, sizeof *in->prels, where);
  if (a < in->nprels && in->prels[a].where == where)
    return &in->prels[a];
  return NULL;
}

const struct rz_reloc *
rz_reloc_in (const struct rz_input *in, uint64_t lo, uint64_t hi)
{
  size_t a = rz_lower_bound (in->relocs, in->nrelocs, sizeof *in->relocs, lo);
  if (a < in->nrelocs && in->relocs[a].where < hi)
    return &in->relocs[a];
  return NULL;
}

static bool
in_code (const struct rz_input *in, uint64_t addr)
{
  return rz_find_section (in, addr) != NULL;
}

/* Relocations of a relocatable file: those in code (branch targets, and
   code addresses taken by lea or mov), and code addresses that allocated
   data takes (jump tables).  Debug sections are not looked at: their
   addresses are not control flow.  Relative data relocations (PIC jump
   tables, .long L-T) are kept apart: what they give depends on the
   table's address, which the code that loads the table gives.  */
static void
read_relocs (struct rz_input *in)
{
  if (!in->is_rel)
    return;
  size_t cap = 0, tcap = 0, pcap = 0;
  Elf_Scn *scn = NULL;
  while ((scn = elf_nextscn (in->elf, scn)) != NULL)
    {
      GElf_Shdr sh, tsh;
      if (gelf_getshdr (scn, &sh) == NULL)
        corrupt (in->name, "section header");
      if (sh.sh_type != SHT_RELA || sh.sh_info == 0
          || sh.sh_info >= in->nshdr || sh.sh_entsize == 0)
        continue;
      Elf_Scn *tscn = elf_getscn (in->elf, sh.sh_info);
      if (tscn == NULL || gelf_getshdr (tscn, &tsh) == NULL)
        corrupt (in->name, "relocation section");
      if (!(tsh.sh_flags & SHF_ALLOC))
        continue;
      bool code = exec_section (&tsh);
      Elf_Data *d = elf_getdata (scn, NULL);
      if (d == NULL)
        corrupt (in->name, "relocations");
      size_t n = sh.sh_size / sh.sh_entsize;
      uint64_t base = in->sec_addr[sh.sh_info];
      for (size_t i = 0; i < n; i++)
        {
          GElf_Rela r;
          if (gelf_getrela (d, i, &r) == NULL)
            corrupt (in->name, "relocation");
          uint32_t type = GELF_R_TYPE (r.r_info);
          uint32_t symi = GELF_R_SYM (r.r_info);
          if (symi >= in->nsyms && symi != 0)
            corrupt (in->name, "relocation symbol");
          const struct rz_sym *s = symi ? &in->syms[symi] : NULL;
          bool absolute = type == R_X86_64_64 || type == R_X86_64_32
                          || type == R_X86_64_32S;
          bool pcrel = type == R_X86_64_PC32 || type == R_X86_64_PLT32;
          if (code && pcrel)
            {
              if (in->nrelocs == cap)
                {
                  cap = cap ? 2 * cap : 1024;
                  in->relocs = rz_xrealloc (in->relocs, cap * sizeof *in->relocs);
                }
              struct rz_reloc *rr = &in->relocs[in->nrelocs++];
              rr->where = base + r.r_offset;
              rr->addend = r.r_addend;
              rr->sym = symi;
              rr->type = type;
            }
          if (!code && type == R_X86_64_PC32 && s && s->defined)
            {
              if (in->nprels == pcap)
                {
                  pcap = pcap ? 2 * pcap : 1024;
                  in->prels = rz_xrealloc (in->prels, pcap * sizeof *in->prels);
                }
              in->prels[in->nprels].where = base + r.r_offset;
              in->prels[in->nprels++].target = s->addr + r.r_addend;
            }
          uint64_t t = 0;
          bool take = false;
          if (s && s->defined)
            {
              if (absolute)
                t = s->addr + r.r_addend, take = true;
              else if (code && type == R_X86_64_PC32)
                /* lea L(%rip): the field ends the instruction.  */
                t = s->addr + r.r_addend + 4, take = true;
            }
          if (take && in_code (in, t))
            {
              if (in->ntargets == tcap)
                {
                  tcap = tcap ? 2 * tcap : 1024;
                  in->targets = rz_xrealloc (in->targets,
                                             tcap * sizeof *in->targets);
                }
              in->targets[in->ntargets++] = t;
            }
        }
    }
  /* (qsort must not see the NULL of an empty array.)  */
  if (in->nrelocs > 1)
    qsort (in->relocs, in->nrelocs, sizeof *in->relocs, cmp_reloc);
  if (in->nprels > 1)
    qsort (in->prels, in->nprels, sizeof *in->prels, cmp_u64);
  if (in->ntargets > 1)
    qsort (in->targets, in->ntargets, sizeof *in->targets, cmp_u64);
  size_t k = 0;
  for (size_t i = 0; i < in->ntargets; i++)
    if (k == 0 || in->targets[k - 1] != in->targets[i])
      in->targets[k++] = in->targets[i];
  in->ntargets = k;
}

/* libelf reads what a truncated file still has and may show fewer
   sections: every header and section must lie inside the file.  */
static void
check_bounds (struct rz_input *in, const GElf_Ehdr *eh)
{
  size_t size = 0, shnum;
  if (elf_rawfile (in->elf, &size) == NULL)
    corrupt (in->name, "file image");
  if (eh->e_ehsize > size || eh->e_phoff + (uint64_t) eh->e_phnum * eh->e_phentsize > size)
    corrupt (in->name, "beyond the end of the file");
  if (eh->e_shoff == 0)
    return;
  if (eh->e_shoff >= size || elf_getshdrnum (in->elf, &shnum) != 0)
    corrupt (in->name, "section headers beyond the end of the file");
  /* (libelf counts no sections when their headers are cut off.)  */
  if (shnum < eh->e_shnum || shnum == 0)
    corrupt (in->name, "section headers beyond the end of the file");
  if (eh->e_shentsize != sizeof (Elf64_Shdr)
      || eh->e_shoff + (uint64_t) shnum * eh->e_shentsize > size)
    corrupt (in->name, "section headers beyond the end of the file");
  for (size_t i = 1; i < shnum; i++)
    {
      Elf_Scn *scn = elf_getscn (in->elf, i);
      GElf_Shdr sh;
      if (scn == NULL || gelf_getshdr (scn, &sh) == NULL)
        corrupt (in->name, "section header");
      if (sh.sh_type != SHT_NOBITS
          && (sh.sh_offset > size || sh.sh_size > size - sh.sh_offset))
        corrupt (in->name, "a section beyond the end of the file");
    }
}

static struct rz_input *
open_elf (Elf *elf, char *name)
{
  struct rz_input *in = rz_xmalloc (sizeof *in);
  memset (in, 0, sizeof *in);
  in->name = name;
  in->elf = elf;
  int cls = gelf_getclass (elf);
  GElf_Ehdr eh;
  if (cls == ELFCLASSNONE || gelf_getehdr (elf, &eh) == NULL)
    corrupt (name, "ELF header");
  if (cls != ELFCLASS64)
    rz_fatal ("%s: not an x86-64 ELF file (32-bit ELF)", name);
  if (eh.e_machine != EM_X86_64)
    rz_fatal ("%s: not an x86-64 ELF file (machine %u)", name,
              (unsigned) eh.e_machine);
  in->is_rel = eh.e_type == ET_REL;
  check_bounds (in, &eh);
  read_sections (in);
  read_symbols (in);
  read_relocs (in);
  rz_read_notes (in);
  return in;
}

static void
push_input (struct rz_input ***list, size_t *n, struct rz_input *in)
{
  *list = rz_xrealloc (*list, (*n + 1) * sizeof **list);
  in->ordinal = *n;
  (*list)[(*n)++] = in;
}

/* PATH: an ELF file, or an archive of them.  */
void
rz_input_open (const char *path, struct rz_input ***list, size_t *n)
{
  int fd = open (path, O_RDONLY);
  if (fd < 0)
    rz_fatal ("%s: cannot open: %s", path, strerror (errno));
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    rz_fatal ("%s: not a regular file", path);
  Elf *elf = elf_begin (fd, ELF_C_READ_MMAP, NULL);
  if (elf == NULL)
    rz_fatal ("%s: not an ELF file (%s)", path, elf_errmsg (-1));
  switch (elf_kind (elf))
    {
    case ELF_K_ELF:
      push_input (list, n, open_elf (elf, rz_xstrdup (path)));
      break;
    case ELF_K_AR:
      {
        Elf *m;
        size_t members = 0;
        while ((m = elf_begin (fd, ELF_C_READ_MMAP, elf)) != NULL)
          {
            Elf_Arhdr *ah = elf_getarhdr (m);
            if (ah == NULL)
              corrupt (path, "archive member header");
            const char *mname = ah->ar_name;
            if (mname[0] == '/')
              ;           /* the symbol and name tables */
            else if (elf_kind (m) != ELF_K_ELF)
              rz_warning ("%s(%s): not an ELF file; skipped", path, mname);
            else
              {
                char *name = rz_xmalloc (strlen (path) + strlen (mname) + 3);
                sprintf (name, "%s(%s)", path, mname);
                push_input (list, n, open_elf (m, name));
                members++;
              }
            elf_next (m);
          }
        if (members == 0)
          rz_warning ("%s: an archive with no ELF members", path);
      }
      break;
    default:
      rz_fatal ("%s: not an ELF file", path);
    }
}
