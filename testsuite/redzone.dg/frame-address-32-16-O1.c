/* SPDX-License-Identifier: GPL-3.0-or-later */
/* { dg-do run } */
/* { dg-options "-O1 -fno-omit-frame-pointer -mred-zone-size=32 -mred-zone-offset=16" } */
#include "frame-address.h"
