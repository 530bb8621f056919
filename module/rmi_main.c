// SPDX-License-Identifier: GPL-2.0-only
/*
 * rmi.ko: the RMI library as a module, with a front end that shows it at
 * work on a real RMM.  On load it finds and activates the RMM, creates a
 * Realm (RAM and RECs set by the module parameters), loads the payload of
 * rmi_real_payload.S into it, measured, runs REC 0 until the Realm powers
 * itself off, tears everything down and reports each step: the exits it
 * saw, the RMI commands it issued, and that every granule it delegated came
 * back.  Loading fails, with the reason, when any of that fails; with no
 * RMM it fails with -ENXIO and does nothing else.
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
#include <uapi/linux/psci.h>

#include <asm/rmi.h>
#include <asm/rmi_cmds.h>

#include "realm-payload.h"
#include "rmi_main.h"

static unsigned int ram_mb = 4;
module_param(ram_mb, uint, 0444);
MODULE_PARM_DESC(ram_mb, "RAM of the Realm, in MiB, mapped from IPA 0 (default 4)");

static bool bench;
module_param(bench, bool, 0444);
MODULE_PARM_DESC(bench, "make bench: count and time RMI commands instead (module/rmi_bench.c)");

static unsigned int nr_recs = 1;
module_param(nr_recs, uint, 0444);
MODULE_PARM_DESC(nr_recs, "RECs of the Realm; REC 0 runs the payload (default 1)");

/*
 * IPA width: 33 bits (8GiB) hold the largest RAM the parameters allow in
 * the protected half; with 4KB granules one starting RTT at level 1 maps it.
 */
#define RMI_DEMO_S2SZ		33
#define RMI_DEMO_LEVEL_START	1
/* Level of the RTTs that map granules. */
#define RMI_DEMO_LEVEL_PAGE	3
#define RMI_DEMO_MAX_RAM_MB	SZ_2K
/* REC entries before the front end gives up on the Realm powering off. */
#define RMI_DEMO_MAX_ENTRIES	1000

static const char * const rmi_exit_names[] = {
	[RMI_EXIT_SYNC] = "SYNC",
	[RMI_EXIT_IRQ] = "IRQ",
	[RMI_EXIT_FIQ] = "FIQ",
	[RMI_EXIT_PSCI] = "PSCI",
	[RMI_EXIT_RIPAS_CHANGE] = "RIPAS_CHANGE",
	[RMI_EXIT_HOST_CALL] = "HOST_CALL",
	[RMI_EXIT_SERROR] = "SERROR",
};

static const char *rmi_exit_name(unsigned int reason)
{
	if (reason < ARRAY_SIZE(rmi_exit_names) && rmi_exit_names[reason])
		return rmi_exit_names[reason];
	return "other";
}

/* Build the Realm: RTTs, RIPAS, the measured payload, RAM, RECs. */
static long rmi_demo_build(struct cca_realm *realm, struct cca_rec **recs,
			   unsigned long ram)
{
	size_t size = rmi_realm_payload_end - rmi_realm_payload;
	struct cca_rec_config rcfg = { };
	struct page *src;
	unsigned long ipa;
	unsigned int i;
	long ret;

	for (ipa = 0; ipa < ram; ipa += SZ_2M) {
		ret = cca_realm_create_rtts(realm, ipa, RMI_DEMO_LEVEL_PAGE);
		if (ret)
			return ret;
	}
	pr_info("rmi: RTTs created down to level %d for [0, %#lx)\n",
		RMI_DEMO_LEVEL_PAGE, ram);

	ret = cca_realm_init_ripas(realm, 0, ram);
	if (ret)
		return ret;
	pr_info("rmi: RIPAS of [0, %#lx) is RAM\n", ram);

	src = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!src)
		return -ENOMEM;
	memcpy(page_address(src), rmi_realm_payload, size);
	ret = cca_realm_populate(realm, 0, page_to_phys(src), true);
	__free_page(src);
	if (ret)
		return ret;
	pr_info("rmi: payload (%zu bytes) loaded at IPA 0, measured\n", size);

	ret = cca_realm_map_ram(realm, PAGE_SIZE, ram);
	if (ret)
		return ret;
	pr_info("rmi: RAM [%#lx, %#lx) mapped, unmeasured\n", PAGE_SIZE, ram);

	for (i = 0; i < nr_recs; i++) {
		rcfg.mpidr = FIELD_PREP(REC_MPIDR_AFF0_MASK, i);
		rcfg.runnable = i == 0;
		ret = cca_rec_create(realm, &rcfg, &recs[i]);
		if (ret)
			return ret;
	}
	pr_info("rmi: %u REC(s) created, REC 0 runnable at IPA 0\n", nr_recs);
	return 0;
}

/*
 * Run REC 0 until the Realm powers off: the payload makes one host call
 * and then PSCI SYSTEM_OFF.  Interrupt exits are entered again.
 */
static long rmi_demo_run(struct cca_rec *rec)
{
	struct rec_exit *exit = &rec->run->exit;
	unsigned int n;
	long ret;

	for (n = 0; n < RMI_DEMO_MAX_ENTRIES; n++) {
		memset(&rec->run->enter, 0, sizeof(rec->run->enter));
		ret = cca_rec_enter(rec);
		if (ret)
			return ret;
		pr_info("rmi: REC exit %u: %s (%u)\n", n,
			rmi_exit_name(exit->exit_reason), exit->exit_reason);
		switch (exit->exit_reason) {
		case RMI_EXIT_HOST_CALL:
			pr_info("rmi:   host call imm %#x: RSI_VERSION returned %#llx, lower %#llx, higher %#llx\n",
				exit->imm, exit->gprs[0], exit->gprs[1],
				exit->gprs[2]);
			if (exit->imm != RMI_PAYLOAD_HOST_CALL_IMM)
				return -EPROTO;
			break;
		case RMI_EXIT_PSCI:
			pr_info("rmi:   PSCI function %#llx\n", exit->gprs[0]);
			/* No PSCI call the payload makes needs PSCI_COMPLETE. */
			if (exit->gprs[0] == PSCI_0_2_FN_SYSTEM_OFF) {
				pr_info("rmi: the Realm powered off\n");
				return 0;
			}
			return -EPROTO;
		case RMI_EXIT_IRQ:
		case RMI_EXIT_FIQ:
			break;
		default:
			pr_err("rmi:   unexpected exit: esr %#llx far %#llx hpfar %#llx\n",
			       exit->esr, exit->far, exit->hpfar);
			return -EPROTO;
		}
	}
	pr_err("rmi: the Realm did not power off in %u entries\n", n);
	return -ETIMEDOUT;
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

static int __init rmi_demo_init(void)
{
	struct cca_realm_config cfg = {
		.s2sz = RMI_DEMO_S2SZ,
		.rtt_level_start = RMI_DEMO_LEVEL_START,
		.hash_algo = RMI_HASH_SHA_256,
		/* One breakpoint and one watchpoint: 0 is reserved. */
		.num_bps = 1,
		.num_wps = 1,
	};
	unsigned long ram = (unsigned long)ram_mb * SZ_1M;
	struct cca_realm realm;
	struct cca_rec **recs;
	long ret, err;

	if (bench)
		return rmi_bench_run();
	if (!ram_mb || ram_mb > RMI_DEMO_MAX_RAM_MB || ram_mb % 2) {
		pr_err("rmi: ram_mb=%u: an even number of MiB, 2 to %u\n",
		       ram_mb, RMI_DEMO_MAX_RAM_MB);
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

	if (!nr_recs || nr_recs > rmi_get_features()->max_recs) {
		pr_err("rmi: nr_recs=%u: 1 to %u\n", nr_recs,
		       rmi_get_features()->max_recs);
		return -EINVAL;
	}
	recs = kcalloc(nr_recs, sizeof(*recs), GFP_KERNEL);
	if (!recs)
		return -ENOMEM;

	cfg.max_recs = nr_recs;
	ret = cca_realm_create(&realm, &cfg, &rmi_demo_mem_ops);
	if (ret) {
		pr_err("rmi: REALM_CREATE failed: %ld\n", ret);
		goto err_free_recs;
	}
	pr_info("rmi: Realm created: %u MiB of RAM, %u REC(s), IPA width %u\n",
		ram_mb, nr_recs, RMI_DEMO_S2SZ);

	ret = rmi_demo_build(&realm, recs, ram);
	if (ret) {
		pr_err("rmi: building the Realm failed: %ld\n", ret);
		goto err_destroy;
	}
	ret = cca_realm_activate(&realm);
	if (ret) {
		pr_err("rmi: REALM_ACTIVATE failed: %ld\n", ret);
		goto err_destroy;
	}
	pr_info("rmi: Realm activated\n");

	ret = rmi_demo_run(recs[0]);
	if (ret)
		pr_err("rmi: running the Realm failed: %ld\n", ret);

err_destroy:
	err = cca_realm_destroy(&realm);
	if (err)
		pr_err("rmi: tearing the Realm down failed: %ld\n", err);
	else
		pr_info("rmi: Realm destroyed, its granules undelegated and freed\n");
	ret = ret ?: err;
err_free_recs:
	kfree(recs);
	rmi_demo_report();
	/*
	 * Every granule back: all the library allocated was freed, and no
	 * operation is left with the RMM.
	 */
	if (!ret && (rmi_leaked_granules() || rmi_abandoned_ops() ||
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

MODULE_DESCRIPTION("Arm CCA RMI library, and a Realm run on the RMM at load");
MODULE_LICENSE("GPL");
