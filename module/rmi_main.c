// SPDX-License-Identifier: GPL-2.0-only
/*
 * rmi.ko: the RMI library as a module, with a front end that shows it at
 * work on a real RMM.  On load it finds and activates the RMM, builds a
 * Realm of the project's own program (module/realm, RAM and RECs set by
 * the module parameters), prints its load list, runs every REC until the
 * Realm powers itself off (rmi_vmm.c), prints what the Realm reported
 * and its attestation token, tears everything down and reports each step:
 * the RMI commands it issued, and that every granule it delegated came
 * back.  scripts/rmi-attest.py checks the token against the load list
 * (Documentation/arch/arm64/rmi-realm.rst).  Loading fails, with the
 * reason, when any of that fails; with no RMM it fails with -ENXIO and
 * does nothing else.
 */
#include <linux/arm-smccc.h>
#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <asm/rmi.h>
#include <asm/rmi_cmds.h>

#include "realm/realm-program.h"
#include "rmi_main.h"

static unsigned int ram_mb = 4;
module_param(ram_mb, uint, 0444);
MODULE_PARM_DESC(ram_mb, "RAM of the Realm, in MiB, from IPA 0 (default 4, at least 4)");

static bool bench;
module_param(bench, bool, 0444);
MODULE_PARM_DESC(bench, "make bench: count and time RMI commands instead (module/rmi_bench.c)");

static unsigned int nr_recs = 2;
module_param(nr_recs, uint, 0444);
MODULE_PARM_DESC(nr_recs, "RECs of the Realm; REC 0 turns the others on (default 2)");

static char *hash = "sha256";
module_param(hash, charp, 0444);
MODULE_PARM_DESC(hash, "measurement algorithm: sha256 or sha512 (default sha256)");

static unsigned int timeout = 600;
module_param(timeout, uint, 0444);
MODULE_PARM_DESC(timeout, "seconds the Realm may run (default 600)");

/*
 * IPA width: 33 bits (8GiB), whose protected half holds the largest RAM
 * the parameters allow; with 4KB granules one starting RTT at level 1
 * maps it.
 */
#define RMI_DEMO_S2SZ		33
#define RMI_DEMO_LEVEL_START	1
#define RMI_DEMO_MAX_RAM_MB	SZ_2K
/* Granules mapped around each first touch of RAM: 64KiB. */
#define RMI_DEMO_FAULT_ORDER	4

/*
 * The Realm Personalisation Value the Realm is created with; the RIM does
 * not measure it, the token carries it.
 */
static const char rmi_demo_rpv[64] =
	"rmi.ko make run: the Realm program of the Arm CCA RMI library";

/*
 * Build the Realm as the contract says, printing the load list: what
 * each measured command was given, worked out here, not read back from
 * the library, so that a field the library encodes wrongly shows as a
 * RIM the verifier cannot match.
 */
static long rmi_demo_build(struct rmi_vmm *vmm, const struct cca_realm_config *cfg,
			   unsigned long ram)
{
	size_t size = rmi_realm_program_end - rmi_realm_program, off;
	unsigned long data_flags = FIELD_PREP(RMI_DATA_FLAG_MEASURE_MASK,
					      RMI_MEASURE_CONTENT);
	unsigned long walk = 0, state, desc, ripas, ret, mpidr;
	struct cca_realm *realm = &vmm->realm;
	struct cca_rec_config rc;
	struct page *src;
	unsigned int i;
	long err;

	pr_info("rmi: load: begin version=1 rmi=%lu.%lu size=%zu\n",
		RMI_ABI_VERSION_GET_MAJOR(rmi_rmm_version()),
		RMI_ABI_VERSION_GET_MINOR(rmi_rmm_version()), size);
	/* No LPA2, SVE or PMU: flags 0, pmu_num_ctrs 0. */
	pr_info("rmi: load: realm flags=0x0 s2sz=%u sve_vl=0 num_bps=%u num_wps=%u pmu_num_ctrs=0 hash_algo=%u rpv=%*phN\n",
		cfg->s2sz, cfg->num_bps, cfg->num_wps, cfg->hash_algo,
		(int)sizeof(cfg->rpv), cfg->rpv);

	err = cca_realm_init_ripas(realm, 0, ram);
	if (err)
		return err;
	/* The level the RMM's walk ends at: what RMI 1.0 measured by. */
	ret = rmi_rtt_read_entry(realm->rd, 0, CCA_RTT_LEVELS - 1, &walk, &state,
				 &desc, &ripas);
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS) {
		pr_err("rmi: RTT_READ_ENTRY of IPA 0: status %lu\n",
		       RMI_RETURN_STATUS(ret));
		return -EIO;
	}
	pr_info("rmi: load: ripas base=0x0 top=%#lx level=%lu\n", ram, walk);

	src = alloc_page(GFP_KERNEL);
	if (!src)
		return -ENOMEM;
	for (off = 0; off < size; off += PAGE_SIZE) {
		memset(page_address(src), 0, PAGE_SIZE);
		memcpy(page_address(src), rmi_realm_program + off,
		       min_t(size_t, size - off, PAGE_SIZE));
		err = cca_realm_populate(realm, off, page_to_phys(src), true);
		if (err)
			break;
		pr_info("rmi: load: data ipa=%#zx src=%#zx flags=%#lx\n", off,
			off, data_flags);
	}
	__free_page(src);
	if (err)
		return err;

	for (i = 0; i < vmm->nr_recs; i++) {
		mpidr = realm_mpidr(i);
		rc = (struct cca_rec_config) {
			.mpidr = mpidr,
			.pc = 0,
			.runnable = !i,
		};
		if (!i) {
			rc.gprs[0] = vmm->nr_recs;
			rc.gprs[1] = ram;
		}
		err = cca_rec_create(realm, &rc, &vmm->recs[i]);
		if (err)
			return err;
		pr_info("rmi: load: rec index=%u flags=%#lx mpidr=%#lx pc=%#lx gprs=%#lx,%#lx,%#lx,%#lx,%#lx,%#lx,%#lx,%#lx\n",
			i, FIELD_PREP(REC_PARAMS_FLAG_RUNNABLE_MASK, rc.runnable),
			mpidr, rc.pc, rc.gprs[0], rc.gprs[1], rc.gprs[2],
			rc.gprs[3], rc.gprs[4], rc.gprs[5], rc.gprs[6],
			rc.gprs[7]);
	}
	err = cca_realm_activate(realm);
	if (!err)
		pr_info("rmi: load: end\n");
	return err;
}

/* The commands a Realm's lifecycle takes, for the report. */
#define RMI_DEMO_CMD(name)	{ SMC_RMI_##name, #name }
static const struct {
	unsigned long fid;
	const char *name;
} rmi_demo_cmds[] = {
	RMI_DEMO_CMD(VERSION),
	RMI_DEMO_CMD(FEATURES),
	RMI_DEMO_CMD(RMM_CONFIG_GET),
	RMI_DEMO_CMD(RMM_CONFIG_SET),
	RMI_DEMO_CMD(RMM_ACTIVATE),
	RMI_DEMO_CMD(GRANULE_RANGE_DELEGATE),
	RMI_DEMO_CMD(GRANULE_RANGE_UNDELEGATE),
	RMI_DEMO_CMD(REALM_CREATE),
	RMI_DEMO_CMD(RTT_CREATE),
	RMI_DEMO_CMD(RTT_INIT_RIPAS),
	RMI_DEMO_CMD(RTT_DATA_MAP_INIT),
	RMI_DEMO_CMD(RTT_DATA_MAP),
	RMI_DEMO_CMD(REC_CREATE),
	RMI_DEMO_CMD(OP_CONTINUE),
	RMI_DEMO_CMD(OP_MEM_DONATE),
	RMI_DEMO_CMD(OP_MEM_RECLAIM),
	RMI_DEMO_CMD(OP_CANCEL),
	RMI_DEMO_CMD(REALM_ACTIVATE),
	RMI_DEMO_CMD(REC_ENTER),
	RMI_DEMO_CMD(REALM_TERMINATE),
	RMI_DEMO_CMD(RTT_DATA_UNMAP),
	RMI_DEMO_CMD(RTT_DESTROY),
	RMI_DEMO_CMD(REC_DESTROY),
	RMI_DEMO_CMD(REALM_DESTROY),
};

/* Granules the library took from the page allocator, and gave back. */
static atomic_long_t rmi_demo_allocated, rmi_demo_freed;

static phys_addr_t rmi_demo_alloc(void *priv, unsigned int order)
{
	phys_addr_t pa = rmi_page_mem_ops.alloc(priv, order);

	if (pa)
		atomic_long_add(1UL << order, &rmi_demo_allocated);
	return pa;
}

static void rmi_demo_free(void *priv, phys_addr_t pa)
{
	atomic_long_inc(&rmi_demo_freed);
	rmi_page_mem_ops.free(priv, pa);
}

static const struct rmi_mem_ops rmi_demo_mem_ops = {
	.alloc = rmi_demo_alloc,
	.free = rmi_demo_free,
};

/* The RMI commands issued, by command, and what became of the granules. */
static void rmi_demo_report(void)
{
	unsigned long n, total = 0, listed = 0;
	unsigned long fnum;
	unsigned int i;

	pr_info("rmi: RMI commands issued:\n");
	for (i = 0; i < ARRAY_SIZE(rmi_demo_cmds); i++) {
		n = rmi_call_count(rmi_demo_cmds[i].fid);
		listed += n;
		if (n)
			pr_info("rmi:   %-26s %lu\n", rmi_demo_cmds[i].name, n);
	}
	for (fnum = RMI_FNUM_FIRST; fnum <= RMI_FNUM_LAST; fnum++)
		total += rmi_call_count(SMC_RMI_CALL(fnum));
	if (total != listed)
		pr_info("rmi:   %-26s %lu\n", "others", total - listed);
	pr_info("rmi:   %-26s %lu\n", "total", total);
	pr_info("rmi: granules allocated %ld, freed %ld, leaked %lu; operations given up %lu\n",
		atomic_long_read(&rmi_demo_allocated),
		atomic_long_read(&rmi_demo_freed), rmi_leaked_granules(),
		rmi_abandoned_ops());
}

/* The hash algorithm the parameter names; false for one it does not. */
static bool rmi_demo_hash(u8 *algo)
{
	if (!strcmp(hash, "sha256"))
		*algo = RMI_HASH_SHA_256;
	else if (!strcmp(hash, "sha512"))
		*algo = RMI_HASH_SHA_512;
	else
		return false;
	return true;
}

/* Allocate what the VMM needs beside the Realm. */
static int rmi_demo_alloc_vmm(struct rmi_vmm *vmm)
{
	unsigned int i;

	vmm->recs = kcalloc(vmm->nr_recs, sizeof(*vmm->recs), GFP_KERNEL);
	vmm->vcpus = kcalloc(vmm->nr_recs, sizeof(*vmm->vcpus), GFP_KERNEL);
	vmm->report = kmalloc(REALM_SHARED_PAGES * PAGE_SIZE, GFP_KERNEL);
	if (!vmm->recs || !vmm->vcpus || !vmm->report)
		return -ENOMEM;
	for (i = 0; i < REALM_SHARED_PAGES; i++) {
		vmm->shared[i] = alloc_page(GFP_KERNEL | __GFP_ZERO);
		if (!vmm->shared[i])
			return -ENOMEM;
	}
	return 0;
}

static void rmi_demo_free_vmm(struct rmi_vmm *vmm)
{
	unsigned int i;

	/* A page the Realm may still map is the RMM's to write: kept. */
	for (i = 0; i < REALM_SHARED_PAGES && !vmm->shared_mapped; i++)
		if (vmm->shared[i])
			__free_page(vmm->shared[i]);
	kfree(vmm->report);
	kfree(vmm->vcpus);
	kfree(vmm->recs);
	kfree(vmm);
}

/* What the REC loops saw. */
static void rmi_demo_exits(const struct rmi_vmm *vmm)
{
	unsigned long entries = 0, chars = 0, mmio = 0, calls = 0, ons = 0;
	unsigned int i;

	for (i = 0; i < vmm->nr_recs; i++) {
		entries += vmm->vcpus[i].entries;
		chars += vmm->vcpus[i].console_chars;
		mmio += vmm->vcpus[i].mmio;
		calls += vmm->vcpus[i].host_calls;
		ons += vmm->vcpus[i].cpu_ons;
	}
	pr_info("rmi: REC exits: %lu entries of %u RECs; the VMM saw %lu emulated accesses (%lu console characters), %lu host calls, %lu RECs turned on; the library handled the rest\n",
		entries, vmm->nr_recs, mmio, chars, calls, ons);
	pr_info("rmi: RAM mapped on demand: %lu RTT_DATA_MAP commands; RIPAS changes: %lu RTT_SET_RIPAS\n",
		rmi_call_count(SMC_RMI_RTT_DATA_MAP),
		rmi_call_count(SMC_RMI_RTT_SET_RIPAS));
}

static int __init rmi_demo_init(void)
{
	struct cca_realm_config cfg = {
		.s2sz = RMI_DEMO_S2SZ,
		.rtt_level_start = RMI_DEMO_LEVEL_START,
		/* One breakpoint and one watchpoint: 0 is reserved. */
		.num_bps = 1,
		.num_wps = 1,
		.ops = &rmi_vmm_ops,
		.fault_order = RMI_DEMO_FAULT_ORDER,
	};
	unsigned long ram = (unsigned long)ram_mb * SZ_1M;
	struct rmi_vmm *vmm;
	long ret, err;

	if (bench)
		return rmi_bench_run();
	if (ram_mb > RMI_DEMO_MAX_RAM_MB || ram_mb * SZ_1M < REALM_MIN_RAM ||
	    ram_mb % 2 || !rmi_demo_hash(&cfg.hash_algo)) {
		pr_err("rmi: ram_mb=%u: an even number of MiB, %u to %u; hash=%s: sha256 or sha512\n",
		       ram_mb, REALM_MIN_RAM / SZ_1M, RMI_DEMO_MAX_RAM_MB, hash);
		return -EINVAL;
	}

	ret = rmi_init();
	if (ret) {
		pr_err("rmi: no usable RMM (%ld): nothing loaded\n", ret);
		return ret;
	}
	pr_info("rmi: RMM found, RMI %lu.%lu, activated; IPA width up to %u bits\n",
		RMI_ABI_VERSION_GET_MAJOR(rmi_rmm_version()),
		RMI_ABI_VERSION_GET_MINOR(rmi_rmm_version()),
		rmi_get_features()->s2sz);

	if (!nr_recs || nr_recs > rmi_get_features()->max_recs ||
	    nr_recs > REALM_MAX_RECS) {
		pr_err("rmi: nr_recs=%u: 1 to %u\n", nr_recs,
		       min_t(unsigned int, rmi_get_features()->max_recs,
			     REALM_MAX_RECS));
		return -EINVAL;
	}
	vmm = kzalloc(sizeof(*vmm), GFP_KERNEL);
	if (!vmm)
		return -ENOMEM;
	vmm->nr_recs = nr_recs;
	ret = rmi_demo_alloc_vmm(vmm);
	if (ret)
		goto err_free;

	cfg.max_recs = nr_recs;
	memcpy(cfg.rpv, rmi_demo_rpv, sizeof(cfg.rpv));
	ret = cca_realm_create(&vmm->realm, &cfg, &rmi_demo_mem_ops);
	if (ret) {
		pr_err("rmi: REALM_CREATE failed: %ld\n", ret);
		goto err_free;
	}
	pr_info("rmi: Realm created: %u MiB of RAM, %u REC(s), IPA width %u, %s, nothing mapped but the program\n",
		ram_mb, nr_recs, RMI_DEMO_S2SZ, hash);

	ret = rmi_demo_build(vmm, &cfg, ram);
	if (ret) {
		pr_err("rmi: building the Realm failed: %ld\n", ret);
		goto err_destroy;
	}
	pr_info("rmi: Realm activated: %zu bytes of program measured at IPA 0\n",
		(size_t)(rmi_realm_program_end - rmi_realm_program));

	ret = rmi_vmm_run(vmm, timeout);
	if (ret)
		pr_err("rmi: running the Realm failed: %ld\n", ret);
	rmi_demo_exits(vmm);

err_destroy:
	err = cca_realm_destroy(&vmm->realm);
	if (err)
		pr_err("rmi: tearing the Realm down failed: %ld\n", err);
	else
		pr_info("rmi: Realm destroyed, its granules undelegated and freed\n");
	ret = ret ?: err;
err_free:
	rmi_demo_free_vmm(vmm);
	rmi_demo_report();
	/*
	 * Every granule back: all the library allocated was freed, and no
	 * operation is left with the RMM.
	 */
	if (!ret && (rmi_leaked_granules() || rmi_abandoned_ops() ||
		     rmi_rmm_errors() ||
		     atomic_long_read(&rmi_demo_allocated) !=
		     atomic_long_read(&rmi_demo_freed)))
		ret = -EIO;
	pr_info("rmi: %s\n", ret ? "FAILED" : "done: every granule is back");
	return ret < 0 ? ret : (ret ? -EIO : 0);
}

static void __exit rmi_demo_exit(void)
{
	pr_info("rmi: unloaded\n");
}

module_init(rmi_demo_init);
module_exit(rmi_demo_exit);

MODULE_DESCRIPTION("Arm CCA RMI library, and a Realm program run on the RMM at load");
MODULE_LICENSE("GPL");
