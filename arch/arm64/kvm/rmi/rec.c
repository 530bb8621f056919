// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: a Realm's RECs (Realm Execution Contexts).
 *
 * A REC is a delegated granule plus the auxiliary granules the RMM asks
 * for while RMI_REC_CREATE runs (a stateful operation) and gives back
 * while RMI_REC_DESTROY runs.  Its RmiRecRun page is Non-secure: the
 * library writes the entry there and copies the exit out before reading
 * it.
 *
 * Entry is the one path that must not sleep: a vCPU loop enters with
 * interrupts masked.  cca_rec_enter() takes only the Realm's entry_lock,
 * issues one RMI_REC_ENTER and hands RMI_BUSY back instead of retrying.
 * Everything that may sleep (mapping on demand, RIPAS changes, PSCI) is
 * done afterwards by cca_rec_handle_exit() (exit.c), under the Realm's
 * lock.  The struct cca_rec is the caller's: it outlives the REC in the
 * RMM, so that a loop still holding it after teardown is refused, not
 * fooled.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait_bit.h>

#include "rmi_lib.h"

/* The index of the REC of @mpidr (RmiRecMpidr), as the RMM computes it. */
static unsigned long cca_rec_index(unsigned long mpidr)
{
	return FIELD_GET(REC_MPIDR_AFF0_MASK, mpidr) |
	       FIELD_GET(REC_MPIDR_AFF1_MASK, mpidr) << 4 |
	       FIELD_GET(REC_MPIDR_AFF2_MASK, mpidr) << 12 |
	       FIELD_GET(REC_MPIDR_AFF3_MASK, mpidr) << 20;
}

static void cca_rec_params(struct rec_params *p, const struct cca_rec_config *cfg)
{
	unsigned int i;

	p->flags = FIELD_PREP(REC_PARAMS_FLAG_RUNNABLE_MASK, cfg->runnable);
	p->mpidr = cfg->mpidr;
	p->pc = cfg->pc;
	for (i = 0; i < REC_CREATE_NR_GPRS; i++)
		p->gprs[i] = cfg->gprs[i];
}

/* Granules the Realm and its RECs hold through operations. */
static long cca_realm_held(struct cca_realm *realm)
{
	long held = realm->held;
	unsigned int i;

	for (i = 0; i < realm->nr_recs; i++)
		held += realm->recs[i]->held;
	return held;
}

/**
 * cca_rec_create() - create a REC of a Realm
 * @realm: a new Realm
 * @cfg: the REC's MPIDR, entry point, registers and whether it runs
 * @rec: the REC to set up, the caller's memory: it must stay allocated
 *	 until cca_realm_destroy() returned and no loop runs the REC
 *
 * Delegates a REC granule and issues RMI_REC_CREATE, donating the
 * auxiliary granules the RMM asks for.  RECs are created in the order of
 * their MPIDR's index, as the RMM requires.
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: 0; -EINVAL for a NULL argument, a @realm that is not new or has
 * all its RECs, or an MPIDR with reserved bits set or not the next index
 * (no SMC issued); -ENOMEM; or as rmi_op_complete().
 */
long cca_rec_create(struct cca_realm *realm, const struct cca_rec_config *cfg,
		    struct cca_rec *rec)
{
	const struct rmi_mem_ops *mem;
	unsigned int tries = 0;
	struct rmi_op_ctx ctx;
	phys_addr_t params_pa;
	struct rmi_op op;
	unsigned long ret;
	long err;

	might_sleep();
	if (!realm || !cfg || !rec || (cfg->mpidr & REC_MPIDR_RES0) ||
	    READ_ONCE(realm->state) != CCA_REALM_NEW)
		return -EINVAL;
	guard(mutex)(&realm->lock);
	if (realm->state != CCA_REALM_NEW || realm->nr_recs >= realm->max_recs ||
	    cca_rec_index(cfg->mpidr) != realm->nr_recs)
		return -EINVAL;
	mem = realm->mem;
	memset(rec, 0, sizeof(*rec));
	rec->realm = realm;
	rec->index = realm->nr_recs;
	rec->mpidr = cfg->mpidr;
	rec->on = cfg->runnable;

	rec->run_pa = rmi_alloc_granules(mem, 0);
	if (!rec->run_pa)
		return -ENOMEM;
	rec->run = phys_to_virt(rec->run_pa);
	params_pa = rmi_alloc_granules(mem, 0);
	if (!params_pa) {
		err = -ENOMEM;
		goto err_run;
	}
	rec->rec = rmi_alloc_delegated(mem, 0, &err);
	if (!rec->rec)
		goto err_params;
	err = rmi_ledger_add(&realm->ledger, rec->rec, 1,
			     rmi_ledger_rec(RMI_LEDGER_REC, rec->index + 1, false),
			     GFP_KERNEL_ACCOUNT);
	if (err) {
		rmi_granule_undelegate_free(mem, rec->rec);
		goto err_params;
	}

	cca_rec_params(phys_to_virt(params_pa), cfg);
	ctx = (struct rmi_op_ctx) {
		.ledger = &realm->ledger,
		.owner = rec->index + 1,
		.held = &rec->held,
		.cap = realm->donate_max - cca_realm_held(realm),
		.list = realm->op_scratch,
		.copy = realm->op_copy,
	};
	do {
		ret = rmi_rec_create(realm->rd, rec->rec, params_pa, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_run_ctx(ret, &op, &ctx, NULL);
	if (err)
		goto err_rec;

	rmi_free_granules(mem, params_pa, 1);
	realm->recs[realm->nr_recs++] = rec;
	return 0;

err_rec:
	/* What the failed operation left with the RMM is its own. */
	rmi_ledger_leak_owner(&realm->ledger, RMI_LEDGER_AUX, rec->index + 1);
	rec->held = 0;
	rmi_ledger_give_back(&realm->ledger, rec->rec, 1, false);
	rmi_ledger_sweep(&realm->ledger);
err_params:
	rmi_free_granules(mem, params_pa, 1);
err_run:
	rmi_free_granules(mem, rec->run_pa, 1);
	rec->realm = NULL;
	return err;
}
EXPORT_SYMBOL_GPL(cca_rec_create);

/* Write the entry: what the last exit's handling left to complete. */
static void cca_rec_prepare_entry(struct cca_rec *rec)
{
	struct rec_enter *enter = &rec->run->enter;
	u64 flags = 0;

	memset(enter->gprs, 0, sizeof(enter->gprs));
	switch (rec->pending) {
	case CCA_REC_PENDING_MMIO:
		flags |= FIELD_PREP(REC_ENTER_FLAG_EMULATED_MMIO_MASK,
				    RMI_EMULATED_MMIO);
		enter->gprs[0] = rec->mmio_value;
		break;
	case CCA_REC_PENDING_HOST_CALL:
		memcpy(enter->gprs, rec->hc_gprs, sizeof(enter->gprs));
		break;
	case CCA_REC_PENDING_RIPAS:
		flags |= FIELD_PREP(REC_ENTER_FLAG_RIPAS_RESPONSE_MASK,
				    rec->ripas_reject ? RMI_REJECT : RMI_ACCEPT);
		break;
	case CCA_REC_PENDING_NONE:
		break;
	}
	WRITE_ONCE(enter->flags, flags);
}

/* Copy, once, the fields of the exit the library reads. */
static void cca_rec_copy_exit(struct cca_rec *rec)
{
	const struct rec_exit *e = &rec->run->exit;
	struct cca_rec_exit_copy *c = &rec->exit;
	unsigned int i;

	c->reason = READ_ONCE(e->exit_reason);
	c->esr = READ_ONCE(e->esr);
	c->far = READ_ONCE(e->far);
	c->hpfar = READ_ONCE(e->hpfar);
	for (i = 0; i < REC_RUN_GPRS; i++)
		c->gprs[i] = READ_ONCE(e->gprs[i]);
	c->ripas_base = READ_ONCE(e->ripas_base);
	c->ripas_top = READ_ONCE(e->ripas_top);
	c->ripas_value = READ_ONCE(e->ripas_value);
	c->imm = READ_ONCE(e->imm);
}

/**
 * cca_rec_enter() - run a REC until it exits to the host
 * @rec: a REC of an active Realm, powered on
 *
 * Completes what the handling of the last exit left pending (an emulated
 * read, a host call's results, the answer to a RIPAS change) and issues
 * one RMI_REC_ENTER.  On success the exit is in @rec->exit, for
 * cca_rec_handle_exit(), which must be called before the next entry.  A
 * REC is run by one loop at a time: a second entry while one is under way
 * is refused.  Never retries: RMI_BUSY and RMI_BLOCKED go back to the
 * caller's loop.  @rec->enter_ret keeps X0, with the index of a failure.
 *
 * Context: any, interrupts masked or not; never sleeps.  Takes the
 * Realm's entry_lock.
 * Return: 0; -EINVAL for a NULL or never created @rec; -ESHUTDOWN if the
 * Realm is not active or is being torn down, stopped or powered off;
 * -EBUSY if another loop is entering @rec; -EPERM if @rec is powered
 * off; -EAGAIN if the RMM was busy (enter again later); or a positive RMI
 * status (RMI_ERROR_REC if the REC cannot run: it is then taken as off).
 */
long cca_rec_enter(struct cca_rec *rec)
{
	struct cca_realm *realm;
	unsigned long flags, ret;
	bool wake;
	long err = 0;

	if (!rec || !rec->realm)
		return -EINVAL;
	realm = rec->realm;

	spin_lock_irqsave(&realm->entry_lock, flags);
	if (realm->state != CCA_REALM_ACTIVE || realm->stopped || rec->dead)
		err = -ESHUTDOWN;
	else if (rec->busy)
		err = -EBUSY;
	else if (!rec->on)
		err = -EPERM;
	if (!err) {
		rec->busy = true;
		rec->kick = false;
		realm->nr_running++;
	}
	spin_unlock_irqrestore(&realm->entry_lock, flags);
	if (err)
		return err;

	cca_rec_prepare_entry(rec);
	ret = rmi_rec_enter(rec->rec, rec->run_pa);
	rec->enter_ret = ret;
	switch (RMI_RETURN_STATUS(ret)) {
	case RMI_SUCCESS:
		cca_rec_copy_exit(rec);
		rec->pending = CCA_REC_PENDING_NONE;
		break;
	case RMI_BUSY:
	case RMI_BLOCKED:
		err = -EAGAIN;
		break;
	default:
		err = rmi_result(ret);
		break;
	}

	spin_lock_irqsave(&realm->entry_lock, flags);
	rec->busy = false;
	/* Not runnable for the RMM: PSCI turned it off behind our back. */
	if (err == RMI_ERROR_REC)
		rec->on = false;
	wake = !--realm->nr_running && realm->stopped;
	spin_unlock_irqrestore(&realm->entry_lock, flags);
	if (wake)
		wake_up_var(&realm->nr_running);
	return err;
}
EXPORT_SYMBOL_GPL(cca_rec_enter);

/**
 * cca_rec_is_on() - whether a REC is powered on
 * @rec: a REC
 *
 * Context: any; takes the Realm's entry_lock.
 * Return: true if the REC may be entered, as far as PSCI goes.
 */
bool cca_rec_is_on(struct cca_rec *rec)
{
	unsigned long flags;
	bool on;

	if (!rec || !rec->realm)
		return false;
	spin_lock_irqsave(&rec->realm->entry_lock, flags);
	on = rec->on;
	spin_unlock_irqrestore(&rec->realm->entry_lock, flags);
	return on;
}
EXPORT_SYMBOL_GPL(cca_rec_is_on);

/*
 * RMI_REC_DESTROY, taking the auxiliary granules back; the REC granule is
 * then given back.  What the RMM keeps on failure is leaked, the RmiRecRun
 * page with it: the REC still exists, and its run page is still named in
 * it.  Called with the Realm's lock held and no REC running.
 */
long cca_rec_destroy(struct cca_rec *rec)
{
	struct cca_realm *realm = rec->realm;
	unsigned int tries = 0;
	struct rmi_op_ctx ctx = {
		.ledger = &realm->ledger,
		.owner = rec->index + 1,
		.held = &rec->held,
		.cap = rec->held,
		.list = realm->op_scratch,
		.copy = realm->op_copy,
	};
	struct rmi_op op;
	unsigned long ret, n;
	long err;

	lockdep_assert_held(&realm->lock);
	do {
		ret = rmi_rec_destroy(rec->rec, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_run_ctx(ret, &op, &ctx, NULL);
	/*
	 * Auxiliary granules not given back are the RMM's now; once the REC
	 * is gone, it must have given back every one.
	 */
	n = rmi_ledger_leak_owner(&realm->ledger, RMI_LEDGER_AUX, rec->index + 1);
	if (n && !err)
		rmi_report_rmm("REC_DESTROY: %lu auxiliary granules not given back",
			       n);
	rec->held = 0;
	if (err) {
		rmi_ledger_leak(&realm->ledger, rec->rec, 1);
		rmi_granule_leak(rec->run_pa, 1);
		rec->dead = true;
		return err;
	}
	rmi_ledger_give_back(&realm->ledger, rec->rec, 1, false);
	rmi_free_granules(realm->mem, rec->run_pa, 1);
	rec->run = NULL;
	return 0;
}
