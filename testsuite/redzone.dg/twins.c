/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The twins (twins.h) at one setting: dg.exp runs this file at every
   N x M x level of its matrix, with the flags in the test's name.  */
/* { dg-do run } */
#include "twins.h"
/* { dg-final { scan-report "status=converted" } } */
