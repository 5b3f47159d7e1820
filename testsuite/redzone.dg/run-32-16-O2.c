/* SPDX-License-Identifier: GPL-3.0-or-later */
/* { dg-do run } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16" } */
#include "twins.h"
/* { dg-final { scan-report "status=converted" } } */
