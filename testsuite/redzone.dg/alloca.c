/* SPDX-License-Identifier: GPL-3.0-or-later */
/* alloca and VLAs move %rsp in the body.  */
/* { dg-do compile } */
/* { dg-options "-O2 -mred-zone-size=64 -mred-zone-offset=64" } */

int
vla (int n)
{
  volatile char buf[n];
  buf[0] = n;
  return buf[0];
}

int
use_alloca (int n)
{
  volatile char *p = __builtin_alloca (n);
  p[0] = n;
  return p[0];
}

/* { dg-final { scan-report "function=vla status=unchanged frame=\[0-9\]+ reason=(sp-changes|alloca)" } } */
/* { dg-final { scan-report "function=use_alloca status=unchanged frame=\[0-9\]+ reason=(sp-changes|alloca)" } } */
/* { dg-final { scan-report-not "status=converted" } } */
