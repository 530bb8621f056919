// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: the RMM set up at boot, when the library is built in.
 *
 * rmi_init() writes data that is read-only once the kernel has booted, and
 * KVM, which creates Realms with the library, initialises at
 * device_initcall: an earlier level runs it in between.  The module
 * variant (rmi.ko) calls rmi_init() from its own init instead, so this
 * file is not part of the library's object list (rmi-y).
 */
#include <linux/init.h>

#include <asm/rmi.h>

static int __init rmi_boot_init(void)
{
	/*
	 * Without an RMM the kernel runs on as before: rmi_init() has printed
	 * why, and rmi_is_available() tells the library's users.
	 */
	rmi_init();
	return 0;
}
subsys_initcall(rmi_boot_init);
