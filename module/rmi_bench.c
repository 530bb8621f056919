// SPDX-License-Identifier: GPL-2.0-only
/*
 * rmi.ko bench=1, for make bench on the real stack: instead of the demo,
 * count the RMI commands of the Realm lifecycles of rmi_bench_realm() on
 * the real RMM, and those from cca_realm_create() to the first
 * instruction of a Realm whose RAM is mapped first or on demand
 * (rmi_bench_first()), then time three round trips in this same boot:
 *
 *  - a null SMC: SMCCC_VERSION, which the EL3 firmware answers itself;
 *  - a GRANULE_RANGE_DELEGATE and GRANULE_RANGE_UNDELEGATE pair of one
 *    granule;
 *  - a REC_ENTER of a REC whose Realm makes host calls in a loop
 *    (rmi_realm_loop): Non-secure EL2 to the RMM, into the Realm, one
 *    RSI_HOST_CALL, and back with a REC exit.
 *
 * Times are what the machine's clock says under emulation: only their
 * ratios to the null SMC mean anything.  Documentation/arch/arm64/rmi-bench.rst.
 */
#include <linux/arm-smccc.h>
#include <linux/bitfield.h>
#include <linux/gfp.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <asm/rmi.h>
#include <asm/rmi_cmds.h>

#include "rmi_bench.h"
#include "realm-payload.h"
#include "rmi_main.h"

#define RMI_BENCH_ITERS_SMC	20000
#define RMI_BENCH_ITERS_PAIR	5000
#define RMI_BENCH_ITERS_ENTER	5000

static void rmi_bench_report_time(const char *what, unsigned long iters,
				  u64 ns)
{
	pr_info("rmi-bench: time %s %lu %llu\n", what, iters, ns);
}

/* SMCCC_VERSION: to EL3 and back, no RMM. */
static void rmi_bench_null_smc(void)
{
	struct arm_smccc_res res;
	unsigned long i;
	u64 t;

	t = ktime_get_ns();
	for (i = 0; i < RMI_BENCH_ITERS_SMC; i++)
		arm_smccc_1_1_smc(ARM_SMCCC_VERSION_FUNC_ID, &res);
	rmi_bench_report_time("null_smc", i, ktime_get_ns() - t);
}

/* One granule delegated and undelegated, by the wrappers directly. */
static long rmi_bench_delegate_pair(void)
{
	struct page *page = alloc_page(GFP_KERNEL);
	unsigned long pa, top, i, ret = 0;
	u64 t;

	if (!page)
		return -ENOMEM;
	pa = page_to_phys(page);
	t = ktime_get_ns();
	for (i = 0; i < RMI_BENCH_ITERS_PAIR; i++) {
		ret = rmi_granule_range_delegate(pa, pa + PAGE_SIZE, &top);
		if (ret)
			break;
		ret = rmi_granule_range_undelegate(pa, pa + PAGE_SIZE, &top);
		if (ret)
			break;
	}
	t = ktime_get_ns() - t;
	if (ret) {
		/* Whatever its state, the page is not the kernel's any more. */
		pr_err("rmi-bench: delegate pair failed: %#lx\n", ret);
		return -EIO;
	}
	__free_page(page);
	rmi_bench_report_time("delegate_pair", i, t);
	return 0;
}

/* A Realm of one granule of code and one REC, entered again and again. */
static long rmi_bench_rec_enter(void)
{
	size_t size = rmi_realm_loop_end - rmi_realm_loop;
	struct cca_realm_config cfg = {
		.s2sz = RMI_BENCH_S2SZ, .rtt_level_start = RMI_BENCH_LEVEL_START,
		.hash_algo = RMI_HASH_SHA_256,
		.num_bps = 1, .num_wps = 1, .max_recs = 1,
	};
	struct cca_rec_config rcfg = { .runnable = true };
	unsigned long i, host_calls = 0, others = 0, ret = 0;
	struct cca_realm *realm;
	struct cca_rec *rec;
	struct page *src;
	long err, err2;
	u64 t = 0;

	realm = kzalloc(sizeof(*realm), GFP_KERNEL);
	rec = kzalloc(sizeof(*rec), GFP_KERNEL);
	src = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!realm || !rec || !src) {
		err = -ENOMEM;
		goto out;
	}
	memcpy(page_address(src), rmi_realm_loop, size);
	err = cca_realm_create(realm, &cfg, &rmi_page_mem_ops);
	if (err)
		goto out;
	err = cca_realm_create_rtts(realm, 0, RMI_BENCH_LEVEL_PAGE) ?:
	      cca_realm_init_ripas(realm, 0, SZ_2M) ?:
	      cca_realm_populate(realm, 0, page_to_phys(src), true) ?:
	      cca_rec_create(realm, &rcfg, rec) ?:
	      cca_realm_activate(realm);
	if (!err) {
		/* The first entry starts the Realm: not timed. */
		ret = rmi_rec_enter(rec->rec, rec->run_pa);
		t = ktime_get_ns();
		for (i = 0; !ret && i < RMI_BENCH_ITERS_ENTER; i++) {
			ret = rmi_rec_enter(rec->rec, rec->run_pa);
			if (rec->run->exit.exit_reason == RMI_EXIT_HOST_CALL)
				host_calls++;
			else
				others++;
		}
		t = ktime_get_ns() - t;
		if (ret) {
			pr_err("rmi-bench: REC_ENTER failed: %#lx\n", ret);
			err = -EIO;
		}
	}
	err2 = cca_realm_destroy(realm);
	err = err ?: err2;
	if (!err) {
		pr_info("rmi-bench: REC exits: %lu host calls, %lu others\n",
			host_calls, others);
		rmi_bench_report_time("rec_enter", host_calls + others, t);
	}
out:
	if (src)
		__free_page(src);
	kfree(rec);
	kfree(realm);
	return err;
}

/**
 * rmi_bench_run() - rmi.ko's bench mode
 *
 * Initialises the library, runs rmi_bench_realm() for 16MiB, 256MiB and
 * 1GiB of RAM with 1, 4 and 16 RECs (a size the RMM or the memory cannot
 * take is reported and skipped), rmi_bench_first() for the same sizes,
 * eager and on demand, then the timings.  Every line it prints
 * starts with "rmi-bench:", for scripts/bench-report.py.
 *
 * Return: 0, or the first failure.
 */
int rmi_bench_run(void)
{
	static const unsigned int sizes[] = { 16, 256, 1024 };
	static const unsigned int recs[] = { 1, 4, 16 };
	unsigned long *counts;
	unsigned int s, r;
	long ret, first = 0;

	ret = rmi_init();
	if (ret) {
		pr_err("rmi-bench: no usable RMM (%ld)\n", ret);
		return ret;
	}
	counts = kcalloc(RMI_BENCH_NR_FNUM, sizeof(*counts), GFP_KERNEL);
	if (!counts)
		return -ENOMEM;
	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (r = 0; r < ARRAY_SIZE(recs); r++) {
			if (recs[r] > rmi_get_features()->max_recs) {
				pr_info("rmi-bench: realm rmm %u %u skipped: the RMM allows %u RECs\n",
					sizes[s], recs[r],
					rmi_get_features()->max_recs);
				continue;
			}
			ret = rmi_bench_realm(&rmi_page_mem_ops, sizes[s],
					      recs[r], counts);
			if (ret) {
				pr_info("rmi-bench: realm rmm %u %u failed %ld\n",
					sizes[s], recs[r], ret);
				first = first ?: ret;
				continue;
			}
			rmi_bench_print("rmm", sizes[s], recs[r], counts);
		}
	}
	kfree(counts);

	/* To the first instruction: eager, then on demand, by size. */
	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		for (r = 0; r < 2; r++) {
			struct rmi_bench_first f = { };

			ret = rmi_bench_first(&rmi_page_mem_ops, sizes[s], r,
					      rmi_realm_loop,
					      rmi_realm_loop_end - rmi_realm_loop,
					      &f);
			if (ret) {
				pr_info("rmi-bench: first rmm %s %u failed %ld\n",
					r ? "demand" : "eager", sizes[s], ret);
				first = first ?: ret;
				continue;
			}
			rmi_bench_print_first("rmm", sizes[s], r, &f);
		}
	}

	rmi_bench_null_smc();
	ret = rmi_bench_delegate_pair();
	first = first ?: ret;
	ret = rmi_bench_rec_enter();
	first = first ?: ret;
	rmi_bench_null_smc();
	pr_info("rmi-bench: %s, leaked %lu\n", first ? "FAILED" : "done",
		rmi_leaked_granules());
	return first < 0 ? first : (first ? -EIO : 0);
}
