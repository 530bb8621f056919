// SPDX-License-Identifier: GPL-2.0-only
/*
 * <asm/rmi_smc.h> must build on its own, included first and alone.
 */
#include <asm/rmi_smc.h>
