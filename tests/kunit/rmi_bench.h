/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * make bench: the Realm lifecycle whose RMI commands are counted, shared by
 * the KUnit suite rmi_bench (against the model of the RMM) and rmi.ko's
 * bench mode (against a real RMM).  Documentation/arch/arm64/rmi-bench.rst.
 */
#ifndef __RMI_BENCH_H
#define __RMI_BENCH_H

#include <linux/sizes.h>
#include <linux/types.h>

#include <asm/rmi.h>

/* The measured image every benchmarked Realm is populated with. */
#define RMI_BENCH_IMAGE		SZ_2M
/* IPA width and starting level: one level 1 RTT maps 8GiB. */
#define RMI_BENCH_S2SZ		33
#define RMI_BENCH_LEVEL_START	1
#define RMI_BENCH_LEVEL_PAGE	3
/* Commands counted: every RMI FNUM. */
#define RMI_BENCH_NR_FNUM	(RMI_FNUM_LAST - RMI_FNUM_FIRST + 1)

long rmi_bench_realm(const struct rmi_mem_ops *mem, unsigned int ram_mb,
		     unsigned int nr_recs, unsigned long *counts);
void rmi_bench_print(const char *where, unsigned int ram_mb,
		     unsigned int nr_recs, const unsigned long *counts);

#endif /* __RMI_BENCH_H */
