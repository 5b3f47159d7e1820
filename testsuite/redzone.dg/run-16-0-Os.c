/* SPDX-License-Identifier: GPL-3.0-or-later */
/* { dg-do run } */
/* { dg-options "-Os -mred-zone-size=16 -mred-zone-offset=0" } */
#include "twins.h"
/* { dg-final { scan-report "status=converted" } } */
