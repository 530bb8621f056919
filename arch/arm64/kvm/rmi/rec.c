// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: a Realm's RECs (Realm Execution Contexts).
 *
 * A REC is a delegated granule plus the auxiliary granules the RMM asks
 * for while RMI_REC_CREATE runs (a stateful operation) and gives back
 * while RMI_REC_DESTROY runs.  Its RmiRecRun page is Non-secure: the host
 * writes the entry and reads the exit there.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "rmi_lib.h"

static void cca_rec_params(struct rec_params *p, const struct cca_rec_config *cfg)
{
	unsigned int i;

	p->flags = FIELD_PREP(REC_PARAMS_FLAG_RUNNABLE_MASK, cfg->runnable);
	p->mpidr = cfg->mpidr;
	p->pc = cfg->pc;
	for (i = 0; i < REC_CREATE_NR_GPRS; i++)
		p->gprs[i] = cfg->gprs[i];
}

/**
 * cca_rec_create() - create a REC of a Realm
 * @realm: a new Realm
 * @cfg: the REC's MPIDR, entry point, registers and whether it runs
 * @recp: receives the REC, owned by @realm until cca_realm_destroy()
 *
 * Delegates a REC granule and issues RMI_REC_CREATE, donating the
 * auxiliary granules the RMM asks for.  RECs are created in the order of
 * their MPIDR's index, as the RMM requires.
 *
 * Return: 0; -EINVAL for a NULL argument, a @realm that is not new or has
 * all its RECs, or an MPIDR with reserved bits set (no SMC issued);
 * -ENOMEM; or as rmi_op_complete().
 */
long cca_rec_create(struct cca_realm *realm, const struct cca_rec_config *cfg,
		    struct cca_rec **recp)
{
	struct cca_rec *rec __free(kfree) = NULL;
	const struct rmi_mem_ops *mem;
	unsigned int tries = 0;
	struct rmi_op_out out;
	phys_addr_t params_pa;
	struct rmi_op op;
	unsigned long ret;
	long err;

	if (!realm || !cfg || !recp || realm->state != CCA_REALM_NEW ||
	    realm->nr_recs >= realm->max_recs || (cfg->mpidr & REC_MPIDR_RES0))
		return -EINVAL;
	mem = realm->mem;
	rec = kzalloc(sizeof(*rec), GFP_KERNEL);
	if (!rec)
		return -ENOMEM;
	rec->realm = realm;

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

	cca_rec_params(phys_to_virt(params_pa), cfg);
	do {
		ret = rmi_rec_create(realm->rd, rec->rec, params_pa, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_complete(ret, &op, mem, 0, &out);
	rec->held = out.net;
	if (err)
		goto err_rec;

	mem->free(mem->priv, params_pa);
	realm->nr_recs++;
	list_add_tail(&rec->node, &realm->recs);
	*recp = no_free_ptr(rec);
	return 0;

err_rec:
	rmi_granule_undelegate_free(mem, rec->rec);
err_params:
	mem->free(mem->priv, params_pa);
err_run:
	mem->free(mem->priv, rec->run_pa);
	return err;
}
EXPORT_SYMBOL_GPL(cca_rec_create);

/**
 * cca_rec_enter() - run a REC until it exits to the host
 * @rec: a REC of an active Realm; the caller fills @rec->run->enter
 *
 * Issues RMI_REC_ENTER.  On return @rec->run->exit says why the REC
 * exited (exit_reason, RMI_EXIT_*) and holds what the host needs to
 * handle the exit.
 *
 * Return: 0; -EINVAL if @rec is NULL or its Realm is not active (no SMC
 * issued); or a positive RMI status (RMI_ERROR_REC if the REC cannot run).
 */
long cca_rec_enter(struct cca_rec *rec)
{
	unsigned int tries = 0;
	unsigned long ret;

	if (!rec || !rec->realm || rec->realm->state != CCA_REALM_ACTIVE)
		return -EINVAL;
	do {
		ret = rmi_rec_enter(rec->rec, rec->run_pa);
	} while (rmi_retry(ret, &tries));
	return rmi_result(ret);
}
EXPORT_SYMBOL_GPL(cca_rec_enter);

/*
 * RMI_REC_DESTROY, taking the auxiliary granules back; the REC granule is
 * then undelegated.  What the RMM keeps on failure is leaked.
 */
long cca_rec_destroy(struct cca_rec *rec)
{
	const struct rmi_mem_ops *mem = rec->realm->mem;
	unsigned int tries = 0;
	struct rmi_op_out out;
	struct rmi_op op;
	unsigned long ret;
	long err;

	do {
		ret = rmi_rec_destroy(rec->rec, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_complete(ret, &op, mem, rec->realm->scratch, &out);
	rec->held += out.net;
	if (err) {
		rmi_granule_leak(rec->rec, 1 + rec->held);
	} else {
		/* Auxiliary granules not given back are the RMM's now. */
		if (rec->held)
			rmi_granule_leak(0, rec->held);
		rmi_granule_undelegate_free(mem, rec->rec);
	}
	mem->free(mem->priv, rec->run_pa);
	list_del(&rec->node);
	kfree(rec);
	return err;
}
