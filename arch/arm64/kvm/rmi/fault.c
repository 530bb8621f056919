// SPDX-License-Identifier: GPL-2.0-only
/*
 * Fault injection for the RMI library's own allocations: its records of
 * what it delegated, donated and mapped, and its private copies of the
 * lists the RMM writes.  Each must be able to fail at any point with
 * nothing lost: whatever the RMM holds stays recorded or is leaked, and
 * no granule goes back to the page allocator while delegated.
 *
 * The attribute is fail_rmi_alloc, the kernel's fault-injection
 * framework (Documentation/fault-injection/fault-injection.rst): set from
 * debugfs, or for one task through its fail-nth, which the library's
 * KUnit suite rmi_faults uses to fail the Nth allocation of a lifecycle
 * for every N.
 */
#include <linux/err.h>
#include <linux/fault-inject.h>
#include <linux/init.h>

#include "rmi_lib.h"

static DECLARE_FAULT_ATTR(fail_rmi_alloc);

/**
 * rmi_should_fail_alloc() - whether the library's next own allocation fails
 *
 * Context: any.
 * Return: true if fault injection says so.
 */
bool rmi_should_fail_alloc(void)
{
	return should_fail(&fail_rmi_alloc, 1);
}

#ifdef CONFIG_FAULT_INJECTION_DEBUG_FS
static int __init fail_rmi_alloc_debugfs(void)
{
	return PTR_ERR_OR_ZERO(fault_create_debugfs_attr("fail_rmi_alloc", NULL,
							 &fail_rmi_alloc));
}
late_initcall(fail_rmi_alloc_debugfs);
#endif
