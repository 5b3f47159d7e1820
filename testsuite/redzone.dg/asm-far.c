/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Far and suffixed returns, jumps and calls, iret and uiret: each moves
   %rsp or (a far call) pushes into [rsp-16, rsp).  None is on the
   allow-list, whatever its spelling.  (-Wa,-W: GAS warns that lret and
   retf have no size suffix.)  */
/* { dg-do assemble } */
/* { dg-options "-O2 -mred-zone-size=32 -mred-zone-offset=16 -Wa,-W" } */

#include "asm-fn.h"

F (far_ret, "lret")
F (far_ret_q, "lretq")
F (retf, "retf")
F (ret_w, "retw")
F (enter_q, "enterq $16, $0")
F (iret_q, "iretq")
F (uiret, "uiret")

struct far_ptr { unsigned long off; unsigned short sel; };

int
far_jump (int a, struct far_ptr *p)
{
  volatile int x = a;
  __asm__ __volatile__ ("ljmp *%0" :: "m" (*p) : "memory");
  return x;
}

int
far_call (int a, struct far_ptr *p)
{
  volatile int x = a;
  __asm__ __volatile__ ("lcall *%0" :: "m" (*p) : "memory");
  return x;
}

/* { dg-final { scan-report "function=far_ret status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=far_ret_q status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=retf status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=ret_w status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=enter_q status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=iret_q status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=uiret status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=far_jump status=unchanged frame=\[0-9\]+ reason=asm" } } */
/* { dg-final { scan-report "function=far_call status=unchanged frame=\[0-9\]+ reason=asm" } } */
