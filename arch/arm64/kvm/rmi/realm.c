// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: creating, activating and destroying a Realm.
 *
 * Every granule the library delegates for a Realm is recorded in its
 * struct cca_realm, so that cca_realm_destroy() can give it back: RECs,
 * RTTs, mapped data and the granules the RMM took through stateful
 * operations.  When the RMM refuses to give an object back, the granules it
 * still holds are leaked on purpose (rmi_leaked_granules()).
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "rmi_lib.h"

/* Lowest starting level: one more with LPA2 and 4KB granules. */
static long cca_min_level(bool lpa2)
{
	return (lpa2 && PAGE_SIZE == SZ_4K) ? -1 : 0;
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
	if (cfg->rtt_level_start < cca_min_level(cfg->lpa2) ||
	    cfg->rtt_level_start >= RMI_RTT_MAX_LEVEL)
		return -EINVAL;
	*num_start = cca_rtt_num_start(cfg->s2sz, cfg->rtt_level_start);
	return *num_start ? 0 : -EINVAL;
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

/**
 * cca_realm_create() - create a Realm
 * @realm: the Realm to set up; its previous contents are ignored
 * @cfg: its configuration, checked against the RMM's features first
 * @mem: where its granules come from, for its whole life
 *
 * Delegates an RD and the starting RTTs, and issues RMI_REALM_CREATE,
 * carrying on the operation it may start.  On failure everything is
 * undone and @realm is left in CCA_REALM_NONE.
 *
 * Return: 0; -EINVAL for a NULL argument or a configuration the RMM
 * cannot support (IPA width, LPA2, SVE vector length, breakpoints,
 * watchpoints, hash algorithm, number of RECs, starting level), with no SMC
 * issued; -ENODEV before rmi_init(); -ENOMEM; or as rmi_op_complete().
 */
long cca_realm_create(struct cca_realm *realm,
		      const struct cca_realm_config *cfg,
		      const struct rmi_mem_ops *mem)
{
	unsigned int num_start, tries = 0;
	struct rmi_op_out out;
	struct realm_params *params;
	phys_addr_t params_pa;
	struct rmi_op op;
	unsigned long ret;
	long err;

	if (!realm || !cfg || !mem || !mem->alloc || !mem->free)
		return -EINVAL;
	err = cca_realm_check(cfg, &num_start);
	if (err)
		return err;

	memset(realm, 0, sizeof(*realm));
	INIT_LIST_HEAD(&realm->rtts);
	INIT_LIST_HEAD(&realm->maps);
	INIT_LIST_HEAD(&realm->recs);
	xa_init(&realm->blocks);
	realm->mem = mem;
	realm->s2sz = cfg->s2sz;
	realm->max_recs = cfg->max_recs;
	realm->rtt_level_start = cfg->rtt_level_start;
	realm->rtt_num_start = num_start;

	params_pa = rmi_alloc_granules(mem, 0);
	if (!params_pa)
		return -ENOMEM;
	realm->scratch = rmi_alloc_granules(mem, 0);
	if (!realm->scratch) {
		err = -ENOMEM;
		goto err_params;
	}
	realm->rd = rmi_alloc_delegated(mem, 0, &err);
	if (!realm->rd)
		goto err_scratch;
	realm->rtt_base = rmi_alloc_delegated(mem, ilog2(num_start), &err);
	if (!realm->rtt_base)
		goto err_rd;

	params = phys_to_virt(params_pa);
	cca_realm_params(params, cfg, realm);
	do {
		ret = rmi_realm_create(realm->rd, params_pa, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_complete(ret, &op, mem, 0, &out);
	realm->held = out.net;
	if (err)
		goto err_rtt;

	mem->free(mem->priv, params_pa);
	realm->state = CCA_REALM_NEW;
	return 0;

err_rtt:
	rmi_granules_undelegate_free(mem, realm->rtt_base, num_start);
err_rd:
	rmi_granule_undelegate_free(mem, realm->rd);
err_scratch:
	mem->free(mem->priv, realm->scratch);
err_params:
	mem->free(mem->priv, params_pa);
	realm->state = CCA_REALM_NONE;
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_create);

/**
 * cca_realm_activate() - activate a Realm: its RECs can run, its initial
 *   contents are measured
 * @realm: a Realm in CCA_REALM_NEW
 *
 * Return: 0; -EINVAL if @realm is NULL or not new (no SMC issued); or a
 * positive RMI status.
 */
long cca_realm_activate(struct cca_realm *realm)
{
	unsigned int tries = 0;
	unsigned long ret;
	long err;

	if (!realm || realm->state != CCA_REALM_NEW)
		return -EINVAL;
	do {
		ret = rmi_realm_activate(realm->rd);
	} while (rmi_retry(ret, &tries));
	err = rmi_result(ret);
	if (!err)
		realm->state = CCA_REALM_ACTIVE;
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_activate);

/* Give up what the RMM keeps for the Realm object itself. */
static void cca_realm_leak(struct cca_realm *realm)
{
	rmi_granule_leak(realm->rd, 1 + realm->rtt_num_start + realm->held);
	realm->held = 0;
	realm->state = CCA_REALM_DEAD;
}

static long cca_realm_terminate(struct cca_realm *realm)
{
	unsigned int tries = 0;
	struct rmi_op_out out;
	struct rmi_op op;
	unsigned long ret;
	long err;

	do {
		ret = rmi_realm_terminate(realm->rd, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_complete(ret, &op, realm->mem, realm->scratch, &out);
	realm->held += out.net;
	return err;
}

/* RMI_REALM_DESTROY, then the RD and starting RTTs go back to the host. */
static long cca_realm_destroy_rd(struct cca_realm *realm)
{
	unsigned int tries = 0;
	struct rmi_op_out out;
	struct rmi_op op;
	unsigned long ret;
	long err;

	do {
		ret = rmi_realm_destroy(realm->rd, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_complete(ret, &op, realm->mem, realm->scratch, &out);
	realm->held += out.net;
	if (err) {
		cca_realm_leak(realm);
		return err;
	}
	/* Donated granules the RMM did not give back are its own now. */
	if (realm->held)
		rmi_granule_leak(0, realm->held);
	realm->held = 0;
	rmi_granule_undelegate_free(realm->mem, realm->rd);
	rmi_granules_undelegate_free(realm->mem, realm->rtt_base,
				     realm->rtt_num_start);
	realm->state = CCA_REALM_NONE;
	return 0;
}

/**
 * cca_realm_destroy() - tear a Realm down and give back all its granules
 * @realm: a Realm made by cca_realm_create(), in any state
 *
 * Terminates the Realm (RMI_REALM_TERMINATE), unmaps its data, destroys
 * its RTTs from the deepest level up, its RECs, and the Realm
 * (RMI_REALM_DESTROY); every granule comes back undelegated to the
 * allocator it came from.  It goes on after a failure: what the RMM refused
 * to give back is leaked on purpose (rmi_leaked_granules()), never freed.
 *
 * Return: 0; -EINVAL if @realm is NULL; or the first failure, a positive
 * RMI status or a negative errno.  @realm is then CCA_REALM_NONE, or
 * CCA_REALM_DEAD if the RMM kept the Realm (its granules are leaked).
 */
long cca_realm_destroy(struct cca_realm *realm)
{
	struct cca_rec *rec, *rec_tmp;
	struct cca_map *map, *map_tmp;
	long err, first = 0;

	if (!realm)
		return -EINVAL;
	if (realm->state == CCA_REALM_NONE || realm->state == CCA_REALM_DEAD)
		return 0;

	err = cca_realm_terminate(realm);
	first = first ?: err;
	list_for_each_entry_safe(map, map_tmp, &realm->maps, node) {
		err = cca_realm_unmap(realm, map);
		first = first ?: err;
	}
	err = cca_realm_destroy_rtts(realm);
	first = first ?: err;
	list_for_each_entry_safe(rec, rec_tmp, &realm->recs, node) {
		err = cca_rec_destroy(rec);
		first = first ?: err;
	}
	err = cca_realm_destroy_rd(realm);
	first = first ?: err;
	realm->mem->free(realm->mem->priv, realm->scratch);
	/* Blocks whose granules went back one by one, after a failure. */
	xa_destroy(&realm->blocks);
	return first;
}
EXPORT_SYMBOL_GPL(cca_realm_destroy);
