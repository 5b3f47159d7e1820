/* SPDX-License-Identifier: GPL-3.0-or-later */
/* include.c: the header is for .S files; entry.exp expects C to be told. */
#include <redzone-entry.h>

int unused;
