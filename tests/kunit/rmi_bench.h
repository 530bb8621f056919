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

/**
 * struct rmi_bench_first - from cca_realm_create() to the Realm's first
 *	instruction
 * @calls: RMI commands issued, the REC entries included
 * @delegates: of them, GRANULE_RANGE_DELEGATE
 * @ns: time, by ktime_get_ns()
 */
struct rmi_bench_first {
	unsigned long calls;
	unsigned long delegates;
	u64 ns;
};

long rmi_bench_first(const struct rmi_mem_ops *mem, unsigned int ram_mb,
		     bool on_demand, const void *code, size_t code_len,
		     struct rmi_bench_first *out);
void rmi_bench_print_first(const char *where, unsigned int ram_mb,
			   bool on_demand, const struct rmi_bench_first *f);
void rmi_bench_print(const char *where, unsigned int ram_mb,
		     unsigned int nr_recs, const unsigned long *counts);

#endif /* __RMI_BENCH_H */
