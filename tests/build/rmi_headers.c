// SPDX-License-Identifier: GPL-2.0-only
/*
 * Compile-only check of the generated RMI headers: make check builds this for
 * every described revision with W=1 and sparse, so that every static_assert
 * in <asm/rmi_smc.h> and every wrapper in <asm/rmi_cmds.h> is compiled.
 * <asm/rmi_cmds.h> comes first: it must build on its own.
 */
#include <asm/rmi_cmds.h>

#include <linux/module.h>

MODULE_DESCRIPTION("Arm CCA RMI generated headers, compile check");
MODULE_LICENSE("GPL");
