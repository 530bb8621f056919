// SPDX-License-Identifier: GPL-2.0-only
/*
 * The RMI library on the real RMM: what the suites rmi_real_realm,
 * rmi_real_faults and rmi_diff share (rmi_real_lib.h).
 *
 * Activation is one-way: RMM_CONFIG_SET and RMM_ACTIVATE succeed once per
 * boot, then TF-RMM answers them RMI_ERROR_GLOBAL.  The kernel's boot
 * initcall (boot.c) has usually done it; if it has not, the first suite
 * that needs the RMM (rmi_real, first in link order, or any of these when
 * run alone) calls the real rmi_init(), which activates it.  The library's
 * suites against the model (rmi_lifecycle, rmi_faults, rmi_badargs) call
 * rmi_init() again and again on the model, which leaves the library's
 * globals describing the model; so every suite here calls rmi_init() again
 * on the real RMM before using the library: every command is issued for
 * real, except RMM_CONFIG_SET and RMM_ACTIVATE, answered RMI_SUCCESS in the
 * RMM's place once it has accepted them.  The order of the suites then
 * does not matter.
 *
 * Granule proofs use SMCs issued here, not through the library's seam:
 * they are never refused by the fault stub, nor counted.
 */
#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <linux/arm-smccc.h>
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <uapi/linux/psci.h>

#include "rmi_lib.h"
#include "rmi_real_lib.h"
#include "realm-payload.h"

/* REC entries before giving up on the payload powering the Realm off. */
#define RMI_REAL_MAX_ENTRIES	100

enum { RMI_REAL_OUT = 1, RMI_REAL_BACK };

static bool rmi_real_activated;
static int rmi_real_init_err;

/**
 * rmi_real_smc() - issue one RMI command straight to the RMM
 * @fid: function ID
 * @a1: X1
 * @a2: X2
 * @out1: receives X1 of the result, or NULL
 *
 * Return: X0.
 */
unsigned long rmi_real_smc(unsigned long fid, unsigned long a1,
			   unsigned long a2, unsigned long *out1)
{
	struct arm_smccc_1_2_regs regs = { .a0 = fid, .a1 = a1, .a2 = a2 };

	arm_smccc_1_2_smc(&regs, &regs);
	if (out1)
		*out1 = regs.a1;
	return regs.a0;
}
EXPORT_SYMBOL_GPL(rmi_real_smc);

/**
 * rmi_real_lib_why() - why the library cannot be run on a real RMM here
 *
 * Return: the reason, or NULL when an RMM implementing the header's
 * revision answers.
 */
const char *rmi_real_lib_why(void)
{
	unsigned long ret;

	if (PAGE_SIZE != SZ_4K)
		return "the suites delegate 4KB granules, one per page";
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC)
		return "no SMC conduit: not running at EL2 over EL3 firmware";
	if (rmi_smccc_probe())
		return "rmi_smccc_probe() failed: no FEAT_RME or SMCCC before 1.2";
	ret = rmi_real_smc(SMC_RMI_VERSION,
			   RMI_ABI_VERSION(RMI_ABI_MAJOR_VERSION,
					   RMI_ABI_MINOR_VERSION), 0, NULL);
	if (ret == SMCCC_RET_NOT_SUPPORTED)
		return "RMI_VERSION is not supported: no RMM";
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS)
		return "the RMM does not implement the header's RMI revision";
	return NULL;
}
EXPORT_SYMBOL_GPL(rmi_real_lib_why);

/**
 * rmi_real_lib_activate() - the real rmi_init(), once per boot
 *
 * For a suite's init, which has no test to install a stub with.  Must be
 * called with no stub of the library's transport active.  When the library
 * is available at the first call, the boot initcall activated the RMM:
 * rmi_init() is not called again.
 *
 * Return: what the first rmi_init() returned, 0 after the boot's.
 */
int rmi_real_lib_activate(void)
{
	/* Activated at boot, when the library is built in. */
	if (!rmi_real_activated && rmi_is_available())
		rmi_real_activated = true;
	if (!rmi_real_activated && !rmi_real_init_err) {
		/*
		 * The library built in activated the RMM at boot (boot.c):
		 * the RMM would refuse a second activation.
		 */
		if (!rmi_is_available())
			rmi_real_init_err = rmi_init();
		rmi_real_activated = !rmi_real_init_err;
	}
	return rmi_real_init_err;
}
EXPORT_SYMBOL_GPL(rmi_real_lib_activate);

/* Once activated, the one-way commands are answered in the RMM's place. */
static void __maybe_unused
rmi_real_replay_call(const struct arm_smccc_1_2_regs *args,
		     struct arm_smccc_1_2_regs *res)
{
	if (args->a0 == SMC_RMI_RMM_CONFIG_SET ||
	    args->a0 == SMC_RMI_RMM_ACTIVATE) {
		memset(res, 0, sizeof(*res));
		res->a0 = RMI_SUCCESS;
		return;
	}
	arm_smccc_1_2_smc(args, res);
}

/**
 * rmi_real_lib_init() - make the library describe the real RMM
 * @test: the test
 *
 * The first time, rmi_real_lib_activate(): the RMM activated, at boot or
 * by the real rmi_init().  Then the real rmi_init() again, with
 * RMM_CONFIG_SET and RMM_ACTIVATE answered RMI_SUCCESS in place of the RMM
 * (it accepted them once; it refuses them since): the library's globals,
 * which suites against the model overwrite, are read from the real RMM
 * again.
 *
 * Return: rmi_init()'s result.
 */
int rmi_real_lib_init(struct kunit *test)
{
	int err;

	if (!rmi_real_activated) {
		err = rmi_real_lib_activate();
		if (err)
			return err;
	}
#if IS_ENABLED(CONFIG_KUNIT)
	kunit_activate_static_stub(test, rmi_smccc_issue, rmi_real_replay_call);
	rmi_test_reset();
#endif
	err = rmi_init();
#if IS_ENABLED(CONFIG_KUNIT)
	kunit_deactivate_static_stub(test, rmi_smccc_issue);
#endif
	return err;
}
EXPORT_SYMBOL_GPL(rmi_real_lib_init);

/* The keeping allocator. */
static phys_addr_t rmi_real_mem_alloc(void *priv, unsigned int order)
{
	struct rmi_real_mem *mem = priv;
	struct page *page;
	unsigned long i;

	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, order);
	if (!page)
		return 0;
	if (order)
		split_page(page, order);
	for (i = 0; i < (1UL << order); i++)
		xa_store(&mem->pages, page_to_pfn(page) + i,
			 xa_mk_value(RMI_REAL_OUT), GFP_KERNEL);
	mem->allocs += 1UL << order;
	return page_to_phys(page);
}

static void rmi_real_mem_free(void *priv, phys_addr_t pa)
{
	struct rmi_real_mem *mem = priv;
	void *e = xa_load(&mem->pages, PHYS_PFN(pa));

	if (!e || xa_to_value(e) != RMI_REAL_OUT) {
		mem->bad_frees++;
		return;
	}
	/* Kept: the page allocator gets it once the RMM has shown it is NS. */
	xa_store(&mem->pages, PHYS_PFN(pa), xa_mk_value(RMI_REAL_BACK),
		 GFP_KERNEL);
	mem->frees++;
}

static void rmi_real_mem_release(void *data)
{
	struct rmi_real_mem *mem = data;

	/* Pages not shown Non-secure are never given back: leaked. */
	xa_destroy(&mem->pages);
}

/**
 * rmi_real_mem_init() - a keeping allocator for one test
 * @test: the test
 *
 * Return: the allocator; pass &mem->ops to the library.
 */
struct rmi_real_mem *rmi_real_mem_init(struct kunit *test)
{
	struct rmi_real_mem *mem = kunit_kzalloc(test, sizeof(*mem), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, mem);
	mem->ops.alloc = rmi_real_mem_alloc;
	mem->ops.free = rmi_real_mem_free;
	mem->ops.priv = mem;
	xa_init(&mem->pages);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, rmi_real_mem_release, mem));
	return mem;
}
EXPORT_SYMBOL_GPL(rmi_real_mem_init);

/* Delegate then undelegate one granule: both succeed only if it was NS. */
static bool rmi_real_ns(phys_addr_t pa)
{
	unsigned long ret, top = 0;

	ret = rmi_real_smc(SMC_RMI_GRANULE_RANGE_DELEGATE, pa, pa + PAGE_SIZE, &top);
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS || top != pa + PAGE_SIZE)
		return false;
	ret = rmi_real_smc(SMC_RMI_GRANULE_RANGE_UNDELEGATE, pa, pa + PAGE_SIZE, &top);
	/* Delegated and not undelegated: it stays the Realm world's. */
	return RMI_RETURN_STATUS(ret) == RMI_SUCCESS && top == pa + PAGE_SIZE;
}

/*
 * A leaked granule the RMM no longer uses: delegated (the undelegation
 * succeeds) or Non-secure (delegation and undelegation succeed).
 */
static bool rmi_real_reclaim(phys_addr_t pa)
{
	unsigned long ret, top = 0;

	ret = rmi_real_smc(SMC_RMI_GRANULE_RANGE_UNDELEGATE, pa, pa + PAGE_SIZE, &top);
	if (RMI_RETURN_STATUS(ret) == RMI_SUCCESS && top == pa + PAGE_SIZE)
		return true;
	return rmi_real_ns(pa);
}

/**
 * rmi_real_mem_prove() - ask the real RMM about every page handed out
 * @mem: the allocator
 * @reclaim: also try to undelegate the pages the library leaked
 * @p: receives the counts
 *
 * Each page the library gave back is delegated and undelegated, with SMCs
 * issued here: RMI_SUCCESS both ways shows it was Non-secure, and it goes
 * back to the page allocator.  A page the library kept (leaked) is left
 * alone, unless @reclaim: then a page the RMM lets the test undelegate (or
 * delegate and undelegate) was used by nothing, and goes back too; one it
 * refuses is still the Realm's: kept for ever.
 */
void rmi_real_mem_prove(struct rmi_real_mem *mem, bool reclaim,
			struct rmi_real_proof *p)
{
	unsigned long pfn;
	void *e;

	memset(p, 0, sizeof(*p));
	xa_for_each(&mem->pages, pfn, e) {
		phys_addr_t pa = PFN_PHYS(pfn);
		bool ns;

		if (xa_to_value(e) == RMI_REAL_BACK) {
			ns = rmi_real_ns(pa);
			if (ns)
				p->ns++;
			else
				p->not_ns++;
		} else {
			p->leaked++;
			if (!reclaim)
				continue;
			ns = rmi_real_reclaim(pa);
			if (ns)
				p->reclaimed++;
			else
				p->held++;
		}
		if (ns) {
			xa_erase(&mem->pages, pfn);
			__free_page(pfn_to_page(pfn));
		} else {
			/* Forgotten: never handed back to the page allocator. */
			xa_erase(&mem->pages, pfn);
		}
	}
}
EXPORT_SYMBOL_GPL(rmi_real_mem_prove);

static struct rmi_real_fault *rmi_real_fault_cur;

/* The stub of rmi_smccc_issue(): refuse one call, forward the others. */
static void __maybe_unused
rmi_real_fault_call(const struct arm_smccc_1_2_regs *args,
		    struct arm_smccc_1_2_regs *res)
{
	struct rmi_real_fault *f = rmi_real_fault_cur;
	/* @res may be @args: keep the function ID. */
	unsigned long fid = args->a0;

	if (!WARN_ON_ONCE(!f)) {
		f->calls++;
		if (f->log && f->calls <= f->cap)
			f->log[f->calls - 1] = fid;
		if (f->calls == f->fail_at) {
			f->refused_in_fixed_op = f->in_op && !f->can_cancel;
			f->refused_fid = fid;
			memset(res, 0, sizeof(*res));
			res->a0 = f->status;
			if (f->rets && f->calls <= f->cap)
				f->rets[f->calls - 1] = res->a0;
			return;
		}
	}
	arm_smccc_1_2_smc(args, res);
	if (f && f->rets && f->calls <= f->cap)
		f->rets[f->calls - 1] = res->a0;
	/* Delegations the host makes for a donation leave the operation be. */
	if (!f || fid == SMC_RMI_GRANULE_RANGE_DELEGATE ||
	    fid == SMC_RMI_GRANULE_RANGE_UNDELEGATE)
		return;
	f->in_op = RMI_RETURN_STATUS(res->a0) == RMI_INCOMPLETE;
	if (f->in_op)
		f->can_cancel = RMI_RETURN_CAN_CANCEL(res->a0);
}

/**
 * rmi_real_fault_install() - route the library's calls through @f
 * @test: the test
 * @f: which call to refuse; its counters are reset
 */
void rmi_real_fault_install(struct kunit *test, struct rmi_real_fault *f)
{
	f->calls = 0;
	f->in_op = false;
	f->refused_in_fixed_op = false;
	f->refused_fid = 0;
	rmi_real_fault_cur = f;
#if IS_ENABLED(CONFIG_KUNIT)
	kunit_activate_static_stub(test, rmi_smccc_issue, rmi_real_fault_call);
#endif
}
EXPORT_SYMBOL_GPL(rmi_real_fault_install);

/**
 * rmi_real_fault_remove() - the library's calls go to the RMM again
 * @test: the test
 */
void rmi_real_fault_remove(struct kunit *test)
{
#if IS_ENABLED(CONFIG_KUNIT)
	kunit_deactivate_static_stub(test, rmi_smccc_issue);
#endif
	rmi_real_fault_cur = NULL;
}
EXPORT_SYMBOL_GPL(rmi_real_fault_remove);

/* Read the RTT entries of the mapped granules, and of the one after. */
static void rmi_real_read_entries(struct rmi_real_lc *lc)
{
	unsigned long walk, state, desc, ripas, ret, ipa;
	phys_addr_t rd = lc->realm.rd;

	for (ipa = 0; ipa < RMI_REAL_RAM_PAGES * PAGE_SIZE; ipa += PAGE_SIZE) {
		ret = rmi_rtt_read_entry(rd, ipa, 3, &walk, &state, &desc, &ripas);
		if (RMI_RETURN_STATUS(ret) == RMI_SUCCESS && walk == 3 &&
		    state == RMI_ASSIGNED && ripas == RMI_RAM)
			lc->entries_ok++;
	}
	ret = rmi_rtt_read_entry(rd, ipa, 3, &walk, &state, &desc, &ripas);
	lc->beyond_ok = RMI_RETURN_STATUS(ret) == RMI_SUCCESS && walk == 3 &&
			state == RMI_UNASSIGNED && ripas == RMI_EMPTY;
}

/* Run REC 0 until the Realm powers off. */
static long rmi_real_run(struct rmi_real_lc *lc)
{
	struct cca_rec *rec = &lc->recs[0];
	struct cca_exit exit;
	long err;
	int r;

	for (lc->entries = 0; lc->entries < RMI_REAL_MAX_ENTRIES; lc->entries++) {
		err = cca_rec_enter(rec);
		if (err == -EAGAIN)
			continue;
		if (err)
			return err;
		r = cca_rec_handle_exit(rec, &exit);
		if (r < 0)
			return r;
		if (r)
			continue;
		switch (exit.reason) {
		case CCA_EXIT_HOST_CALL:
			if (exit.host_call.imm != RMI_PAYLOAD_HOST_CALL_IMM)
				return -EPROTO;
			lc->host_call = true;
			break;
		case CCA_EXIT_SYSTEM_OFF:
			lc->powered_off = true;
			return 0;
		default:
			return -EPROTO;
		}
	}
	return -ETIMEDOUT;
}

/* Build the Realm: RTTs, RIPAS, the measured payload, RAM, RECs. */
static long rmi_real_build(struct rmi_real_lc *lc)
{
	size_t size = rmi_realm_payload_end - rmi_realm_payload;
	const unsigned long ram = RMI_REAL_RAM_PAGES * PAGE_SIZE;
	struct cca_rec_config rc = { };
	struct cca_realm *realm = &lc->realm;
	struct page *src;
	unsigned int i;
	long err;

	err = cca_realm_create_rtts_range(realm, 0, ram, 3);
	if (!err)
		err = cca_realm_init_ripas(realm, 0, ram);
	if (err)
		return err;
	src = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!src)
		return -ENOMEM;
	memcpy(page_address(src), rmi_realm_payload, min(size, PAGE_SIZE));
	err = cca_realm_populate(realm, 0, page_to_phys(src), true);
	__free_page(src);
	if (!err)
		err = cca_realm_map_ram(realm, PAGE_SIZE, ram);
	for (i = 0; i < lc->nr_recs && !err; i++) {
		rc.mpidr = FIELD_PREP(REC_MPIDR_AFF0_MASK, i);
		rc.runnable = i == 0;
		err = cca_rec_create(realm, &rc, &lc->recs[i]);
	}
	return err;
}

/**
 * rmi_real_lifecycle() - a small Realm, built, run and torn down
 * @mem: where its granules come from
 * @lc: in: what to do; out: what happened
 *
 * rmi_real_lib_init() first.  A Realm of IPA width RMI_REAL_S2SZ (one
 * starting RTT at level 1), the RTTs down to level 3 for IPA 0, RIPAS RAM
 * for RMI_REAL_RAM_PAGES granules, the payload of rmi.ko measured at IPA 0,
 * the rest mapped as RAM, @lc->nr_recs RECs (REC 0 runnable at IPA 0),
 * activation, REC 0 run until it powers off, teardown.  Stops at the first
 * failure, then tears down what was made.
 *
 * Return: the first failure, or 0.
 */
long rmi_real_lifecycle(struct rmi_real_mem *mem, struct rmi_real_lc *lc)
{
	struct cca_realm_config cfg = {
		.s2sz = RMI_REAL_S2SZ, .rtt_level_start = RMI_REAL_LEVEL_START,
		.hash_algo = RMI_HASH_SHA_256,
		/* One breakpoint and one watchpoint: 0 is reserved. */
		.num_bps = 1, .num_wps = 1,
	};
	long err;

	cfg.max_recs = lc->nr_recs;
	err = cca_realm_create(&lc->realm, &cfg, &mem->ops);
	lc->err = err;
	if (err)
		return err;
	err = rmi_real_build(lc);
	if (!err && lc->read_entries)
		rmi_real_read_entries(lc);
	if (!err)
		err = cca_realm_activate(&lc->realm);
	if (!err && lc->enter)
		err = rmi_real_run(lc);
	lc->err = err;
	lc->destroy_err = cca_realm_destroy(&lc->realm);
	return err ?: lc->destroy_err;
}
EXPORT_SYMBOL_GPL(rmi_real_lifecycle);

MODULE_DESCRIPTION("The RMI library on the real RMM: shared KUnit helpers");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
