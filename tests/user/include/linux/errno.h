/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The build machine's own <linux/errno.h>: the kernel's values, from which
 * the C library's <errno.h> takes its own.
 */
#include_next <linux/errno.h>
