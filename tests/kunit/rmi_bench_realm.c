// SPDX-License-Identifier: GPL-2.0-only
/*
 * make bench: one Realm lifecycle through the RMI library, its RMI commands
 * counted by command.  Used by the KUnit suite rmi_bench (model RMM) and by
 * rmi.ko's bench mode (real RMM), so that both count the same sequence.
 * Not part of the library; never built into a production kernel.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "rmi_lib.h"
#include "rmi_bench.h"

static void rmi_bench_snapshot(unsigned long *counts)
{
	unsigned long i;

	for (i = 0; i < RMI_BENCH_NR_FNUM; i++)
		counts[i] = rmi_call_count(SMC_RMI_CALL(RMI_FNUM_FIRST + i));
}

/*
 * Reserve, RIPAS, create RTTs, populate, map, add RECs, activate: stops
 * at the first failure.  Every granule of the RAM is delegated ahead, by as few
 * commands as the allocator's contiguity allows.
 */
static long rmi_bench_build(struct cca_realm *realm, struct cca_rec *recs,
			    unsigned long ram, unsigned int nr_recs,
			    phys_addr_t src)
{
	struct cca_rec_config rcfg = { };
	unsigned long ipa;
	unsigned int i;
	long err;

	/*
	 * RIPAS first, while the RTTs are few and their entries blocks: one
	 * command per level 2 RTT, not one per level 3 RTT.
	 */
	err = cca_realm_reserve(realm, ram >> PAGE_SHIFT);
	if (!err)
		err = cca_realm_init_ripas(realm, 0, ram);
	if (!err)
		err = cca_realm_create_rtts_range(realm, 0, ram,
						  RMI_BENCH_LEVEL_PAGE);
	for (ipa = 0; !err && ipa < RMI_BENCH_IMAGE; ipa += PAGE_SIZE)
		err = cca_realm_populate(realm, ipa, src, true);
	if (!err && ram > RMI_BENCH_IMAGE)
		err = cca_realm_map_ram(realm, RMI_BENCH_IMAGE, ram);
	for (i = 0; i < nr_recs && !err; i++) {
		rcfg.mpidr = FIELD_PREP(REC_MPIDR_AFF0_MASK, i);
		rcfg.runnable = i == 0;
		err = cca_rec_create(realm, &rcfg, &recs[i]);
	}
	return err ?: cca_realm_activate(realm);
}

/**
 * rmi_bench_realm() - one Realm lifecycle, its RMI commands counted
 * @mem: where the Realm's granules come from
 * @ram_mb: RAM of the Realm in MiB, a multiple of 2, at least 2: IPA
 *	    [0, 2MiB) is a measured image (RMI_RTT_DATA_MAP_INIT, granule by
 *	    granule), the rest RAM mapped by ranges (RMI_RTT_DATA_MAP)
 * @nr_recs: RECs of the Realm
 * @counts: receives the commands issued, by FNUM - RMI_FNUM_FIRST
 *	    (RMI_BENCH_NR_FNUM entries)
 *
 * Create, RTTs down to level 3, RIPAS, populate, map, RECs, activate,
 * then destroy; the library must have been initialised (rmi_init()).
 * No REC is entered.
 *
 * Return: 0, or the first error of the library (the Realm is destroyed
 * anyway).
 */
long rmi_bench_realm(const struct rmi_mem_ops *mem, unsigned int ram_mb,
		     unsigned int nr_recs, unsigned long *counts)
{
	struct cca_realm_config cfg = {
		.s2sz = RMI_BENCH_S2SZ,
		.rtt_level_start = RMI_BENCH_LEVEL_START,
		.hash_algo = RMI_HASH_SHA_256,
		.num_bps = 1,
		.num_wps = 1,
		.max_recs = nr_recs,
	};
	unsigned long ram = (unsigned long)ram_mb * SZ_1M;
	unsigned long *before;
	struct cca_realm *realm;
	struct cca_rec *recs;
	phys_addr_t src;
	unsigned long i;
	long err, err2;

	if (ram < RMI_BENCH_IMAGE || ram % SZ_2M || !nr_recs)
		return -EINVAL;
	before = kcalloc(RMI_BENCH_NR_FNUM, sizeof(*before), GFP_KERNEL);
	realm = kzalloc(sizeof(*realm), GFP_KERNEL);
	recs = kcalloc(nr_recs, sizeof(*recs), GFP_KERNEL);
	src = mem->alloc(mem->priv, 0);
	if (!before || !realm || !recs || !src) {
		err = -ENOMEM;
		goto out;
	}
	memset(phys_to_virt(src), 0x5a, PAGE_SIZE);
	rmi_bench_snapshot(before);

	err = cca_realm_create(realm, &cfg, mem);
	if (!err) {
		err = rmi_bench_build(realm, recs, ram, nr_recs, src);
		err2 = cca_realm_destroy(realm);
		err = err ?: err2;
	}

	rmi_bench_snapshot(counts);
	for (i = 0; i < RMI_BENCH_NR_FNUM; i++)
		counts[i] -= before[i];
out:
	if (src)
		mem->free(mem->priv, src);
	kfree(recs);
	kfree(realm);
	kfree(before);
	return err;
}
EXPORT_SYMBOL_GPL(rmi_bench_realm);

static unsigned long rmi_bench_total(void)
{
	unsigned long i, n = 0;

	for (i = 0; i < RMI_BENCH_NR_FNUM; i++)
		n += rmi_call_count(SMC_RMI_CALL(RMI_FNUM_FIRST + i));
	return n;
}

/* Granules mapped around a first touch of RAM, on demand: 64KiB. */
#define RMI_BENCH_FAULT_ORDER	4

/**
 * rmi_bench_first() - what it takes a Realm to run its first instruction
 * @mem: where the Realm's granules come from
 * @ram_mb: RAM of the Realm in MiB, a multiple of 2, at least 2
 * @on_demand: declare the RAM (RIPAS RAM) and map only the image; else
 *	       delegate and map all of it first, as rmi_bench_realm() does
 * @code: what the first granule of the image holds (the REC starts at IPA
 *	  0); the rest of the 2MiB image is a pattern
 * @code_len: its length, at most a granule
 * @out: receives the commands and the time, from cca_realm_create() to
 *	 the first REC exit the library hands back (the Realm ran)
 *
 * One REC.  The Realm is destroyed after, not counted.
 *
 * Return: 0, or the first error (the Realm is destroyed anyway).
 */
long rmi_bench_first(const struct rmi_mem_ops *mem, unsigned int ram_mb,
		     bool on_demand, const void *code, size_t code_len,
		     struct rmi_bench_first *out)
{
	struct cca_realm_config cfg = {
		.s2sz = RMI_BENCH_S2SZ,
		.rtt_level_start = RMI_BENCH_LEVEL_START,
		.hash_algo = RMI_HASH_SHA_256,
		.num_bps = 1,
		.num_wps = 1,
		.max_recs = 1,
		.fault_order = RMI_BENCH_FAULT_ORDER,
	};
	struct cca_rec_config rcfg = { .runnable = true };
	unsigned long ram = (unsigned long)ram_mb * SZ_1M, ipa, calls, dlg;
	struct cca_realm *realm;
	struct cca_exit exit;
	struct cca_rec *rec;
	phys_addr_t src, pat;
	unsigned int i;
	long err, err2;
	u64 t;
	int r;

	if (ram < RMI_BENCH_IMAGE || ram % SZ_2M || code_len > PAGE_SIZE)
		return -EINVAL;
	realm = kzalloc(sizeof(*realm), GFP_KERNEL);
	rec = kzalloc(sizeof(*rec), GFP_KERNEL);
	src = mem->alloc(mem->priv, 0);
	pat = mem->alloc(mem->priv, 0);
	if (!realm || !rec || !src || !pat) {
		err = -ENOMEM;
		goto out;
	}
	memset(phys_to_virt(src), 0, PAGE_SIZE);
	memcpy(phys_to_virt(src), code, code_len);
	memset(phys_to_virt(pat), 0x5a, PAGE_SIZE);

	calls = rmi_bench_total();
	dlg = rmi_call_count(SMC_RMI_GRANULE_RANGE_DELEGATE);
	t = ktime_get_ns();
	err = cca_realm_create(realm, &cfg, mem);
	if (err)
		goto out;
	/*
	 * Delegated by blocks up front: all the RAM, or on demand only the
	 * image the VMM loads; the rest comes on the Realm's first touch.
	 */
	err = cca_realm_reserve(realm, (on_demand ? RMI_BENCH_IMAGE : ram) >>
				PAGE_SHIFT);
	if (!err)
		err = cca_realm_init_ripas(realm, 0, ram);
	if (!err && !on_demand)
		err = cca_realm_create_rtts_range(realm, 0, ram,
						  RMI_BENCH_LEVEL_PAGE);
	for (ipa = 0; !err && ipa < RMI_BENCH_IMAGE; ipa += PAGE_SIZE)
		err = cca_realm_populate(realm, ipa, ipa ? pat : src, true);
	if (!err && !on_demand && ram > RMI_BENCH_IMAGE)
		err = cca_realm_map_ram(realm, RMI_BENCH_IMAGE, ram);
	if (!err)
		err = cca_rec_create(realm, &rcfg, rec) ?:
		      cca_realm_activate(realm);
	/* Entered until an exit the VMM would see: the Realm has run. */
	for (i = 0; !err && i < 1000; i++) {
		err = cca_rec_enter(rec);
		if (err == -EAGAIN) {
			err = 0;
			continue;
		}
		if (err)
			break;
		r = cca_rec_handle_exit(rec, &exit);
		if (r <= 0) {
			err = r;
			break;
		}
	}
	out->ns = ktime_get_ns() - t;
	out->calls = rmi_bench_total() - calls;
	out->delegates = rmi_call_count(SMC_RMI_GRANULE_RANGE_DELEGATE) - dlg;
	if (!err && i == 1000)
		err = -ETIMEDOUT;

	err2 = cca_realm_destroy(realm);
	err = err ?: err2;
out:
	if (pat)
		mem->free(mem->priv, pat);
	if (src)
		mem->free(mem->priv, src);
	kfree(rec);
	kfree(realm);
	return err;
}
EXPORT_SYMBOL_GPL(rmi_bench_first);

/**
 * rmi_bench_print_first() - print what rmi_bench_first() measured
 * @where: "model" or "rmm"
 * @ram_mb: as given to rmi_bench_first()
 * @on_demand: as given to rmi_bench_first()
 * @f: what it measured
 *
 * One line: "rmi-bench: first WHERE eager|demand RAM_MB CALLS DELEGATES NS".
 */
void rmi_bench_print_first(const char *where, unsigned int ram_mb,
			   bool on_demand, const struct rmi_bench_first *f)
{
	pr_info("rmi-bench: first %s %s %u %lu %lu %llu\n", where,
		on_demand ? "demand" : "eager", ram_mb, f->calls, f->delegates,
		f->ns);
}
EXPORT_SYMBOL_GPL(rmi_bench_print_first);

#define RMI_BENCH_CMD(name)	{ SMC_RMI_##name, #name }
static const struct {
	unsigned long fid;
	const char *name;
} rmi_bench_cmds[] = {
	RMI_BENCH_CMD(GRANULE_RANGE_DELEGATE),
	RMI_BENCH_CMD(GRANULE_RANGE_UNDELEGATE),
	RMI_BENCH_CMD(REALM_CREATE),
	RMI_BENCH_CMD(RTT_CREATE),
	RMI_BENCH_CMD(RTT_INIT_RIPAS),
	RMI_BENCH_CMD(RTT_DATA_MAP_INIT),
	RMI_BENCH_CMD(RTT_DATA_MAP),
	RMI_BENCH_CMD(REC_CREATE),
	RMI_BENCH_CMD(OP_CONTINUE),
	RMI_BENCH_CMD(OP_MEM_DONATE),
	RMI_BENCH_CMD(OP_MEM_RECLAIM),
	RMI_BENCH_CMD(OP_CANCEL),
	RMI_BENCH_CMD(REALM_ACTIVATE),
	RMI_BENCH_CMD(REALM_TERMINATE),
	RMI_BENCH_CMD(RTT_DATA_UNMAP),
	RMI_BENCH_CMD(RTT_DESTROY),
	RMI_BENCH_CMD(REC_DESTROY),
	RMI_BENCH_CMD(REALM_DESTROY),
};

/**
 * rmi_bench_print() - print what rmi_bench_realm() counted, one line each
 * @where: "model" or "rmm", for the parser of make bench
 * @ram_mb: as given to rmi_bench_realm()
 * @nr_recs: as given to rmi_bench_realm()
 * @counts: as rmi_bench_realm() filled it
 *
 * Lines "rmi-bench: realm WHERE RAM_MB NR_RECS COMMAND N", commands
 * issued at least once, then "... others N" and "... total N".
 */
void rmi_bench_print(const char *where, unsigned int ram_mb,
		     unsigned int nr_recs, const unsigned long *counts)
{
	unsigned long n, total = 0, listed = 0, i;

	for (i = 0; i < ARRAY_SIZE(rmi_bench_cmds); i++) {
		n = counts[ARM_SMCCC_FUNC_NUM(rmi_bench_cmds[i].fid) - RMI_FNUM_FIRST];
		listed += n;
		if (n)
			pr_info("rmi-bench: realm %s %u %u %s %lu\n", where,
				ram_mb, nr_recs, rmi_bench_cmds[i].name, n);
	}
	for (i = 0; i < RMI_BENCH_NR_FNUM; i++)
		total += counts[i];
	pr_info("rmi-bench: realm %s %u %u others %lu\n", where, ram_mb,
		nr_recs, total - listed);
	pr_info("rmi-bench: realm %s %u %u total %lu\n", where, ram_mb,
		nr_recs, total);
}
EXPORT_SYMBOL_GPL(rmi_bench_print);
