/* SPDX-License-Identifier: GPL-3.0-or-later */
/* F (NAME, TEXT): a leaf with a frame (a volatile local) whose one asm is
   TEXT; the asm tests check which of them the plugin converts.  */
#define F(name, text)                                           \
  int name (int a)                                              \
  {                                                             \
    volatile int x = a;                                         \
    __asm__ __volatile__ (text ::: "memory");                   \
    return x;                                                   \
  }
