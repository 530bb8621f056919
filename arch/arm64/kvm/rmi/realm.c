// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: creating, activating and destroying a Realm.
 *
 * Every granule the library delegates for a Realm is recorded in its
 * ledger (ledger.c), so that cca_realm_destroy() can give it back, and so
 * that what the RMM hands back can be checked: the RD, RTTs, RECs, data
 * and what the RMM took through stateful operations.  When the RMM refuses
 * to give an object back, the granules it still holds are leaked on
 * purpose (rmi_leaked_granules()).
 *
 * Locking: see Documentation/arch/arm64/rmi-library.rst.  In short,
 * cca_realm.lock (a mutex) serialises everything that changes the Realm;
 * cca_realm.entry_lock (a spinlock, interrupts masked) is the gate RECs go
 * through to run.  The order is lock, then entry_lock.  Teardown takes
 * lock, closes the gate, and waits for the RECs inside RMI_REC_ENTER,
 * which take neither lock while they run.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait_bit.h>

#include "rmi_lib.h"

/* Lowest starting level: one more with LPA2 and 4KB granules. */
static long cca_min_level(bool lpa2)
{
	return (lpa2 && PAGE_SIZE == SZ_4K) ? RMI_RTT_MIN_LEVEL : 0;
}

/* Number of starting RTTs for @s2sz bits from @level, or 0 if invalid. */
static unsigned int cca_rtt_num_start(unsigned int s2sz, long level)
{
	int bits = s2sz - rmi_level_shift(level);
	int per_table = PAGE_SHIFT - 3;

	/* The starting level must translate some bits, in at most 16 RTTs. */
	if (bits <= 0 || bits > per_table + 4)
		return 0;
	return bits > per_table ? 1U << (bits - per_table) : 1;
}

static bool cca_hash_supported(const struct rmi_features *f, u8 algo)
{
	switch (algo) {
	case RMI_HASH_SHA_256:
		return f->sha256;
	case RMI_HASH_SHA_384:
		return f->sha384;
	case RMI_HASH_SHA_512:
		return f->sha512;
	default:
		return false;
	}
}

/* Check @cfg against the RMM's features, before any SMC. */
static long cca_realm_check(const struct cca_realm_config *cfg,
			    unsigned int *num_start)
{
	const struct rmi_features *f = rmi_get_features();
	unsigned int max_ipa = cfg->lpa2 ? 52 : 48;

	if (!f)
		return -ENODEV;
	if (cfg->s2sz < 32 || cfg->s2sz > f->s2sz || cfg->s2sz > max_ipa)
		return -EINVAL;
	if (cfg->lpa2 && !f->lpa2)
		return -EINVAL;
	if (cfg->sve ? (!f->sve || cfg->sve_vl > f->sve_vl) : cfg->sve_vl)
		return -EINVAL;
	/* Counts minus one: 0 is reserved (DEN0137 B4.4.12 RmiRealmParams). */
	if (!cfg->num_bps || cfg->num_bps > f->num_bps ||
	    !cfg->num_wps || cfg->num_wps > f->num_wps)
		return -EINVAL;
	if (!cca_hash_supported(f, cfg->hash_algo))
		return -EINVAL;
	if (!cfg->max_recs || cfg->max_recs > f->max_recs)
		return -EINVAL;
	/* A fault maps at most what one last-level RTT maps. */
	if (cfg->donate_max < 0 || cfg->fault_order > PAGE_SHIFT - 3)
		return -EINVAL;
	if (cfg->rtt_level_start < cca_min_level(cfg->lpa2) ||
	    cfg->rtt_level_start >= RMI_RTT_MAX_LEVEL)
		return -EINVAL;
	*num_start = cca_rtt_num_start(cfg->s2sz, cfg->rtt_level_start);
	return *num_start ? 0 : -EINVAL;
}

/*
 * The operation context of the Realm's own donations (creation, mapping,
 * teardown): its ledger, its caps, its list granule and copy.
 */
void cca_realm_op_ctx(struct cca_realm *realm, struct rmi_op_ctx *ctx)
{
	*ctx = (struct rmi_op_ctx) {
		.ledger = &realm->ledger,
		.owner = 0,
		.held = &realm->held,
		.cap = realm->donate_max,
		.list = realm->op_scratch,
		.copy = realm->op_copy,
	};
}

static void cca_realm_params(struct realm_params *p,
			     const struct cca_realm_config *cfg,
			     const struct cca_realm *realm)
{
	p->flags = FIELD_PREP(RMI_REALM_PARAM_FLAG_LPA2_MASK, cfg->lpa2) |
		   FIELD_PREP(RMI_REALM_PARAM_FLAG_SVE_MASK, cfg->sve);
	p->s2sz = cfg->s2sz;
	p->sve_vl = cfg->sve_vl;
	p->num_bps = cfg->num_bps;
	p->num_wps = cfg->num_wps;
	p->hash_algo = cfg->hash_algo;
	memcpy(p->rpv, cfg->rpv, sizeof(p->rpv));
	p->rtt_base = realm->rtt_base;
	p->rtt_level_start = realm->rtt_level_start;
	p->rtt_num_start = realm->rtt_num_start;
}

/* The records and locks of a Realm, from @cfg; nothing in the RMM yet. */
static void cca_realm_init(struct cca_realm *realm,
			   const struct cca_realm_config *cfg,
			   const struct rmi_mem_ops *mem, unsigned int num_start)
{
	unsigned int i;

	memset(realm, 0, sizeof(*realm));
	mutex_init(&realm->lock);
	spin_lock_init(&realm->entry_lock);
	rmi_ledger_init(&realm->ledger, mem);
	xa_init(&realm->data);
	for (i = 0; i < CCA_RTT_LEVELS; i++)
		xa_init(&realm->rtts[i]);
	mt_init(&realm->ripas);
	xa_init(&realm->unprot);
	realm->mem = mem;
	realm->ops = cfg->ops;
	realm->priv = cfg->priv;
	realm->s2sz = cfg->s2sz;
	realm->max_recs = cfg->max_recs;
	realm->rtt_level_start = cfg->rtt_level_start;
	realm->rtt_num_start = num_start;
	realm->donate_max = cfg->donate_max ?: RMI_DONATE_MAX_REALM;
	realm->fault_order = cfg->fault_order;
}

/* Free what cca_realm_init() and the host side of creation allocated. */
static void cca_realm_free(struct cca_realm *realm)
{
	unsigned int i;

	if (realm->scratch)
		rmi_free_granules(realm->mem, realm->scratch, 1);
	if (realm->op_scratch)
		rmi_free_granules(realm->mem, realm->op_scratch, 1);
	kfree(realm->copy);
	kfree(realm->op_copy);
	kfree(realm->recs);
	xa_destroy(&realm->data);
	for (i = 0; i < CCA_RTT_LEVELS; i++)
		xa_destroy(&realm->rtts[i]);
	mtree_destroy(&realm->ripas);
	xa_destroy(&realm->unprot);
	/* What is still recorded was leaked; the records go. */
	rmi_ledger_destroy(&realm->ledger);
	realm->scratch = 0;
	realm->op_scratch = 0;
	realm->copy = NULL;
	realm->op_copy = NULL;
	realm->recs = NULL;
}

/* The RD and the starting RTTs, delegated and recorded. */
static long cca_realm_alloc_rd(struct cca_realm *realm)
{
	unsigned long rtt = rmi_ledger_rec(RMI_LEDGER_RTT, 0, false);
	long err;

	realm->rd = rmi_alloc_delegated(realm->mem, 0, &err);
	if (!realm->rd)
		return err;
	err = rmi_ledger_add(&realm->ledger, realm->rd, 1,
			     rmi_ledger_rec(RMI_LEDGER_RD, 0, false),
			     GFP_KERNEL_ACCOUNT);
	if (err)
		goto err_rd;
	realm->rtt_base = rmi_alloc_delegated(realm->mem,
					      ilog2(realm->rtt_num_start), &err);
	if (!realm->rtt_base)
		goto err_rd_rec;
	err = rmi_ledger_add(&realm->ledger, realm->rtt_base,
			     realm->rtt_num_start, rtt, GFP_KERNEL_ACCOUNT);
	if (err)
		goto err_rtt;
	return 0;

err_rtt:
	rmi_granules_undelegate_free(realm->mem, realm->rtt_base,
				     realm->rtt_num_start);
err_rd_rec:
	rmi_ledger_give_back(&realm->ledger, realm->rd, 1, false);
	rmi_ledger_sweep(&realm->ledger);
	return err;
err_rd:
	rmi_granule_undelegate_free(realm->mem, realm->rd);
	return err;
}

/**
 * cca_realm_create() - create a Realm
 * @realm: the Realm to set up: zeroed, or destroyed (CCA_REALM_NONE or
 *	   CCA_REALM_DEAD), and no REC of its last life still run by anyone
 * @cfg: its configuration, checked against the RMM's features first
 * @mem: where its granules come from, for its whole life
 *
 * Delegates an RD and the starting RTTs, and issues RMI_REALM_CREATE,
 * carrying on the operation it may start.  On failure everything is
 * undone and @realm is left in CCA_REALM_NONE.
 *
 * Context: process; may sleep.
 * Return: 0; -EINVAL for a NULL argument or a configuration the RMM
 * cannot support (IPA width, LPA2, SVE vector length, breakpoints,
 * watchpoints, hash algorithm, number of RECs, starting level), with no SMC
 * issued; -EBUSY if @realm is live (new or active); -ENODEV before
 * rmi_init(); -ENOMEM; or as rmi_op_complete().
 */
long cca_realm_create(struct cca_realm *realm,
		      const struct cca_realm_config *cfg,
		      const struct rmi_mem_ops *mem)
{
	unsigned int num_start, tries = 0;
	struct rmi_op_out out;
	struct rmi_op_ctx ctx;
	struct realm_params *params;
	phys_addr_t params_pa;
	struct rmi_op op;
	unsigned long ret;
	long err;

	might_sleep();
	if (!realm || !cfg || !mem || !mem->alloc || !mem->free)
		return -EINVAL;
	/* A dead Realm's records are gone: its struct may be used again. */
	if (READ_ONCE(realm->state) != CCA_REALM_NONE &&
	    READ_ONCE(realm->state) != CCA_REALM_DEAD)
		return -EBUSY;
	err = cca_realm_check(cfg, &num_start);
	if (err)
		return err;
	cca_realm_init(realm, cfg, mem, num_start);

	realm->recs = rmi_kcalloc(cfg->max_recs, sizeof(*realm->recs));
	realm->copy = rmi_kmalloc(PAGE_SIZE);
	realm->op_copy = rmi_kmalloc(PAGE_SIZE);
	realm->scratch = rmi_alloc_granules(mem, 0);
	realm->op_scratch = rmi_alloc_granules(mem, 0);
	params_pa = rmi_alloc_granules(mem, 0);
	if (!realm->recs || !realm->copy || !realm->op_copy ||
	    !realm->scratch || !realm->op_scratch || !params_pa) {
		err = -ENOMEM;
		goto err_free;
	}
	err = cca_realm_alloc_rd(realm);
	if (err)
		goto err_free;

	params = phys_to_virt(params_pa);
	cca_realm_params(params, cfg, realm);
	cca_realm_op_ctx(realm, &ctx);
	do {
		ret = rmi_realm_create(realm->rd, params_pa, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_run_ctx(ret, &op, &ctx, &out);
	if (err)
		goto err_rd;

	rmi_free_granules(mem, params_pa, 1);
	realm->state = CCA_REALM_NEW;
	return 0;

err_rd:
	/* What the failed operation left with the RMM is its own. */
	rmi_ledger_leak_owner(&realm->ledger, RMI_LEDGER_AUX, 0);
	realm->held = 0;
	rmi_ledger_give_back(&realm->ledger, realm->rd, 1, false);
	rmi_ledger_give_back(&realm->ledger, realm->rtt_base,
			     realm->rtt_num_start, false);
	rmi_ledger_sweep(&realm->ledger);
err_free:
	if (params_pa)
		rmi_free_granules(mem, params_pa, 1);
	cca_realm_free(realm);
	realm->state = CCA_REALM_NONE;
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_create);

/* Set the Realm's state, as both the lock and the gate see it. */
static void cca_realm_set_state(struct cca_realm *realm,
				enum cca_realm_state state)
{
	lockdep_assert_held(&realm->lock);
	spin_lock_irq(&realm->entry_lock);
	WRITE_ONCE(realm->state, state);
	spin_unlock_irq(&realm->entry_lock);
}

/**
 * cca_realm_activate() - activate a Realm: its RECs can run, its initial
 *   contents are measured
 * @realm: a Realm in CCA_REALM_NEW
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: 0; -EINVAL if @realm is NULL or not new (no SMC issued); or a
 * positive RMI status.
 */
long cca_realm_activate(struct cca_realm *realm)
{
	unsigned int tries = 0;
	unsigned long ret;
	long err;

	might_sleep();
	if (!realm || READ_ONCE(realm->state) != CCA_REALM_NEW)
		return -EINVAL;
	guard(mutex)(&realm->lock);
	if (realm->state != CCA_REALM_NEW)
		return -EINVAL;
	do {
		ret = rmi_realm_activate(realm->rd);
	} while (rmi_retry(ret, &tries));
	err = rmi_result(ret);
	if (!err)
		cca_realm_set_state(realm, CCA_REALM_ACTIVE);
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_activate);

static long cca_realm_terminate(struct cca_realm *realm)
{
	unsigned int tries = 0;
	struct rmi_op_ctx ctx;
	struct rmi_op op;
	unsigned long ret;

	cca_realm_op_ctx(realm, &ctx);
	do {
		ret = rmi_realm_terminate(realm->rd, &op);
	} while (rmi_retry(ret, &tries));
	return rmi_op_run_ctx(ret, &op, &ctx, NULL);
}

/* RMI_REALM_DESTROY, then the RD and starting RTTs go back to the host. */
static long cca_realm_destroy_rd(struct cca_realm *realm)
{
	unsigned int tries = 0;
	struct rmi_op_ctx ctx;
	struct rmi_op op;
	unsigned long ret, n;
	long err;

	cca_realm_op_ctx(realm, &ctx);
	do {
		ret = rmi_realm_destroy(realm->rd, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_run_ctx(ret, &op, &ctx, NULL);
	if (err) {
		/* The RMM keeps the Realm, and all it was given for it. */
		rmi_ledger_leak_owner(&realm->ledger, RMI_LEDGER_AUX, 0);
		rmi_ledger_leak(&realm->ledger, realm->rd, 1);
		rmi_ledger_leak(&realm->ledger, realm->rtt_base,
				realm->rtt_num_start);
		realm->held = 0;
		return err;
	}
	/* The Realm is gone: the RMM must have given back all it was given. */
	n = rmi_ledger_leak_owner(&realm->ledger, RMI_LEDGER_AUX, 0);
	if (n)
		rmi_report_rmm("REALM_DESTROY: %lu donated granules not given back",
			       n);
	realm->held = 0;
	rmi_ledger_give_back(&realm->ledger, realm->rd, 1, false);
	rmi_ledger_give_back(&realm->ledger, realm->rtt_base,
			     realm->rtt_num_start, false);
	return 0;
}

/* The granules of the pool, delegated and never given to the RMM. */
static void cca_realm_spares_back(struct cca_realm *realm)
{
	unsigned long pfn;
	void *e;

	xa_for_each_marked(&realm->ledger.xa, pfn, e, XA_MARK_1) {
		xa_clear_mark(&realm->ledger.xa, pfn, XA_MARK_1);
		rmi_ledger_give_back(&realm->ledger, PFN_PHYS(pfn), 1, false);
	}
}

/* Close the gate to RECs, and wait for those inside RMI_REC_ENTER. */
static void cca_realm_stop_recs(struct cca_realm *realm)
{
	lockdep_assert_held(&realm->lock);
	spin_lock_irq(&realm->entry_lock);
	realm->stopped = true;
	spin_unlock_irq(&realm->entry_lock);
	/* Each is one SMC, which returns at the next interrupt at the latest. */
	wait_var_event(&realm->nr_running, !READ_ONCE(realm->nr_running));
}

/**
 * cca_realm_destroy() - tear a Realm down and give back all its granules
 * @realm: a Realm made by cca_realm_create(), in any state
 *
 * Stops every REC (no entry starts any more; the ones inside
 * RMI_REC_ENTER are waited for), terminates the Realm
 * (RMI_REALM_TERMINATE), unmaps its data and its unprotected mappings,
 * destroys its RTTs from the deepest level up, its RECs, and the Realm
 * (RMI_REALM_DESTROY); every granule comes back undelegated to the
 * allocator it came from, by as few undelegations as its contiguity
 * allows.  It goes on after a failure: what the RMM refused to give back
 * is leaked on purpose (rmi_leaked_granules()), never freed.  It allocates
 * nothing.  The struct cca_rec of each REC stays its caller's, and may be
 * freed once no loop runs it; cca_rec_enter() on it fails.
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: 0; -EINVAL if @realm is NULL; or the first failure, a positive
 * RMI status or a negative errno.  @realm is then CCA_REALM_NONE, or
 * CCA_REALM_DEAD if the RMM kept the Realm (its granules are leaked).
 */
long cca_realm_destroy(struct cca_realm *realm)
{
	long err, first = 0;
	unsigned int i;

	might_sleep();
	if (!realm)
		return -EINVAL;
	if (READ_ONCE(realm->state) == CCA_REALM_NONE ||
	    READ_ONCE(realm->state) == CCA_REALM_DEAD)
		return 0;

	mutex_lock(&realm->lock);
	cca_realm_stop_recs(realm);
	err = cca_realm_terminate(realm);
	first = first ?: err;
	err = cca_unmap_all(realm);
	first = first ?: err;
	err = cca_unprot_unmap_all(realm);
	first = first ?: err;
	err = cca_realm_destroy_rtts(realm);
	first = first ?: err;
	for (i = 0; i < realm->nr_recs; i++) {
		err = cca_rec_destroy(realm->recs[i]);
		first = first ?: err;
	}
	err = cca_realm_destroy_rd(realm);
	first = first ?: err;
	cca_realm_spares_back(realm);
	rmi_ledger_sweep(&realm->ledger);
	/* Anything still recorded, the RMM did not give back: leaked. */
	if (realm->ledger.nr)
		rmi_granule_leak(0, realm->ledger.nr);
	cca_realm_set_state(realm, err ? CCA_REALM_DEAD : CCA_REALM_NONE);
	cca_realm_free(realm);
	mutex_unlock(&realm->lock);
	return first;
}
EXPORT_SYMBOL_GPL(cca_realm_destroy);
