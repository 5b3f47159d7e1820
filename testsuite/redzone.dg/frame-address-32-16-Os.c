/* SPDX-License-Identifier: GPL-3.0-or-later */
/* { dg-do run } */
/* { dg-options "-Os -fno-omit-frame-pointer -mred-zone-size=32 -mred-zone-offset=16" } */
#include "frame-address.h"
