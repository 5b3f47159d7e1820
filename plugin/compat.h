/* SPDX-License-Identifier: GPL-3.0-or-later */
/* compat.h -- the GCC headers the plugin needs, and the differences
   between the GCC versions it supports.  Everything version-dependent lives
   here, so the pass reads the same on every version.  */
#ifndef RZ_COMPAT_H
#define RZ_COMPAT_H

#include "gcc-plugin.h"
#include "bversion.h"

/* As Linux's scripts/gcc-plugins/gcc-common.h: major * 1000 + minor.  */
#define BUILDING_GCC_VERSION (BUILDING_GCC_MAJOR * 1000 + BUILDING_GCC_MINOR)

#if BUILDING_GCC_VERSION < 11000 || BUILDING_GCC_VERSION >= 13000
#error "gcc-redzone supports GCC 11 and GCC 12"
#endif

#include "config.h"
#include "system.h"
#include "coretypes.h"
#include "backend.h"
#include "target.h"
#include "rtl.h"
#include "tree.h"
#include "varasm.h"
#include "memmodel.h"
#include "tm_p.h"
#include "insn-config.h"
#include "recog.h"
#include "emit-rtl.h"
#include "explow.h"
#include "function.h"
#include "tree-pass.h"
#include "stringpool.h"
#include "attribs.h"
#include "context.h"
#include "diagnostic-core.h"
#include "df.h"
#include "insn-codes.h"
#include "output.h"
#include "rtl-iter.h"
#include "hash-set.h"

/* Sizes are poly_int64 in GCC 12; x86 sizes are always constant.  */
#define RZ_CONST(x) ((x).to_constant ())

#endif
