/* SPDX-License-Identifier: GPL-3.0-or-later */
/* { dg-do run } */
/* { dg-options "-Os -mred-zone-size=48 -mred-zone-offset=16" } */
#include "twins.h"
/* { dg-final { scan-report "status=converted" } } */
