/* SPDX-License-Identifier: GPL-3.0-or-later */
/* { dg-do run } */
/* { dg-options "-O2 -fstack-protector-strong -mred-zone-size=64 -mred-zone-offset=0" } */
#include "twins.h"
/* { dg-final { scan-report "status=converted" } } */
