/* { dg-do run } */
/* { dg-options "-O0 -mred-zone-size=96 -mred-zone-offset=16" } */
#include "twins.h"
/* { dg-final { scan-report "status=converted" } } */
