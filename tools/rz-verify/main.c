/* SPDX-License-Identifier: GPL-3.0-or-later */
/* main.c -- rz-verify: check that code compiled with gcc-redzone keeps
   live data below %rsp only inside its window.  Options and the order of
   the stages.  */

#include "rz-verify.h"
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
usage (FILE *f)
{
  fputs ("Usage: rz-verify [--size N [--offset M]] [--json] [--strict]\n"
         "                 [--function GLOB] FILE...\n"
         "Check that x86-64 code keeps live data below %rsp only in the\n"
         "window [rsp-M-N, rsp-M).  FILEs are ELF objects, archives or\n"
         "linked files; without --size the settings come from their\n"
         ".note.redzone notes.\n"
         "  --size N         window size, bytes (a multiple of 8, 0..512)\n"
         "  --offset M       gap between %rsp and the window (default 0)\n"
         "  --json           one JSON document on stdout\n"
         "  --strict         unproven functions fail too (exit 1)\n"
         "  --function GLOB  check only the functions GLOB matches\n"
         "  --help, --version\n"
         "Exit status: 0 no violation, 1 violations, 2 bad usage or input.\n",
         f);
}

static long
parse_setting (const char *opt, const char *arg)
{
  char *end;
  long v = strtol (arg, &end, 10);
  if (*arg < '0' || *arg > '9' || *end || v % 8 || v > 512)
    rz_fatal ("%s '%s': not a multiple of 8 from 0 to 512", opt, arg);
  return v;
}

int
main (int argc, char **argv)
{
  static const struct option longopts[] = {
    { "size", required_argument, NULL, 's' },
    { "offset", required_argument, NULL, 'o' },
    { "json", no_argument, NULL, 'j' },
    { "strict", no_argument, NULL, 'S' },
    { "function", required_argument, NULL, 'f' },
    { "help", no_argument, NULL, 'h' },
    { "version", no_argument, NULL, 'V' },
    { NULL, 0, NULL, 0 }
  };
  struct rz_options o;
  memset (&o, 0, sizeof o);
  bool have_size = false, have_offset = false;
  int c;
  opterr = 0;
  while ((c = getopt_long (argc, argv, "", longopts, NULL)) != -1)
    switch (c)
      {
      case 's':
        o.set.size = parse_setting ("--size", optarg);
        have_size = true;
        break;
      case 'o':
        o.set.offset = parse_setting ("--offset", optarg);
        have_offset = true;
        break;
      case 'j':
        o.json = true;
        break;
      case 'S':
        o.strict = true;
        break;
      case 'f':
        o.glob = optarg;
        break;
      case 'h':
        usage (stdout);
        return 0;
      case 'V':
        puts ("rz-verify (gcc-redzone) " PACKAGE_VERSION);
        return 0;
      default:
        if (optopt)
          rz_fatal ("option '%s' needs a value; see rz-verify --help",
                    argv[optind - 1]);
        rz_fatal ("unknown option '%s'; see rz-verify --help",
                  argv[optind - 1]);
      }
  if (have_offset && !have_size)
    rz_fatal ("--offset needs --size");
  if (optind == argc)
    rz_fatal ("no input files; see rz-verify --help");

  if (elf_version (EV_CURRENT) == EV_NONE)
    rz_fatal ("libelf is out of date");
  struct rz_input **ins = NULL;
  size_t n = 0;
  for (int i = optind; i < argc; i++)
    rz_input_open (argv[i], &ins, &n);
  o.set.thunk_depth = -1;
  rz_settings_resolve (ins, n, have_size, &o.set);

  struct rz_decoder *d = rz_decoder_new ();
  size_t nfuncs = 0;
  for (size_t i = 0; i < n; i++)
    rz_check_input (d, ins[i], &o, &nfuncs);
  return rz_report (ins, n, &o, nfuncs);
}
