// SPDX-License-Identifier: GPL-2.0-only
/*
 * A model of the RMM for the KUnit suites of the RMI library.
 *
 * The suites redirect the library's SMC, rmi_smccc_issue(), here.
 * The model keeps the state the specification gives the RMM: each
 * granule's state by PA, Realms (NEW, ACTIVE, TERMINATED), RECs, RTT trees
 * (entries VOID, TABLE or DATA, with their RIPAS), the RMM's own
 * configuration and activation, and pending stateful operations.  Each
 * command checks its failure conditions first and changes nothing when
 * one holds (DEN0137 1.0-rel0 B4.3 for the commands 2.0 carries over,
 * the 2.0 behaviour of rmi-abi.md section 3 for the others); it returns
 * the specification's status and index.
 */
#include <kunit/static_stub.h>
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/delay.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/xarray.h>

#include "rmi_lib.h"
#include "rmi_model.h"

#include "rmi_model_int.h"

static struct rmi_model *cur;

/*
 * Command handlers.  Each checks its failure conditions and returns the
 * status (and index) of the first that holds, changing nothing; with
 * @commit it then performs the command and writes its outputs to @res.
 */
typedef unsigned long (*handler)(struct rmi_model *m, const unsigned long *x,
				 unsigned long *res, bool commit);

static unsigned long h_version(struct rmi_model *m, const unsigned long *x,
			       unsigned long *res, bool commit)
{
	unsigned long req = x[1], below = 0, high = 0, v;
	bool found = false;
	unsigned int i;

	for (i = 0; i < RMI_MODEL_MAX_VERSIONS && m->cfg.versions[i]; i++) {
		v = m->cfg.versions[i];
		found |= v == req;
		high = max(high, v);
		if (v < req)
			below = max(below, v);
	}
	/* DEN0137 B2: lower is the request, or the highest revision below it. */
	res[1] = found ? req : (below ?: high);
	res[2] = high;
	return found ? RMI_SUCCESS : RMI_ERROR_INPUT;
}

static unsigned long h_features(struct rmi_model *m, const unsigned long *x,
				unsigned long *res, bool commit)
{
	res[1] = x[1] < ARRAY_SIZE(m->cfg.feat) ? m->cfg.feat[x[1]] : 0;
	return RMI_SUCCESS;
}

static unsigned long h_config_get(struct rmi_model *m, const unsigned long *x,
				  unsigned long *res, bool commit)
{
	struct rmm_config *c;

	if (!ns_granule(m, x[1]))
		return RMI_ERROR_INPUT;
	if (commit) {
		c = phys_to_virt(x[1]);
		memset(c, 0, sizeof(*c));
		c->rmi_granule_size = m->granule_size;
	}
	return RMI_SUCCESS;
}

static unsigned long h_config_set(struct rmi_model *m, const unsigned long *x,
				  unsigned long *res, bool commit)
{
	const struct rmm_config *c;

	if (m->active)
		return RMI_ERROR_GLOBAL;
	if (!ns_granule(m, x[1]))
		return RMI_ERROR_INPUT;
	c = phys_to_virt(x[1]);
	if (c->rmi_granule_size != RMI_GRANULE_SIZE_4KB ||
	    !(m->cfg.feat[1] & RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB_MASK) ||
	    c->tracking_region_size)
		return RMI_ERROR_INPUT;
	if (commit) {
		m->granule_size = c->rmi_granule_size;
		m->configured = true;
	}
	return RMI_SUCCESS;
}

static unsigned long h_rmm_activate(struct rmi_model *m, const unsigned long *x,
				    unsigned long *res, bool commit)
{
	if (m->active || !m->configured)
		return RMI_ERROR_GLOBAL;
	if (commit)
		m->active = true;
	return RMI_SUCCESS;
}

/*
 * The granule a pending operation creates an object in: neither delegated
 * nor undelegated until the operation ends (TF-RMM holds it PARTIAL).
 */
static phys_addr_t op_object(const struct rmi_model *m)
{
	if (!m->op.active)
		return 0;
	switch (m->op.fid) {
	case SMC_RMI_REALM_CREATE:
		return m->op.x[1];
	case SMC_RMI_REC_CREATE:
		return m->op.x[2];
	default:
		return 0;
	}
}

static unsigned long granule_range(struct rmi_model *m, const unsigned long *x,
				   unsigned long *res, bool commit,
				   enum rmi_model_gstate from,
				   enum rmi_model_gstate to)
{
	unsigned long base = x[1], top = x[2], pa, n;

	if (!aligned(base) || !aligned(top) || base >= top)
		return RMI_ERROR_INPUT;
	if (gget(m, base) != from || base == op_object(m))
		return RMI_ERROR_INPUT;
	if (!commit)
		return RMI_SUCCESS;
	n = per_call(m, (top - base) >> PAGE_SHIFT);
	for (pa = base; pa < base + n * PAGE_SIZE; pa += PAGE_SIZE) {
		/* Progress stops at a granule in another state. */
		if (gget(m, pa) != from || pa == op_object(m))
			break;
		gset(m, pa, to);
	}
	res[1] = pa;
	return RMI_SUCCESS;
}

static unsigned long h_delegate(struct rmi_model *m, const unsigned long *x,
				unsigned long *res, bool commit)
{
	return granule_range(m, x, res, commit, RMI_MODEL_NS,
			     RMI_MODEL_DELEGATED);
}

static unsigned long h_undelegate(struct rmi_model *m, const unsigned long *x,
				  unsigned long *res, bool commit)
{
	return granule_range(m, x, res, commit, RMI_MODEL_DELEGATED,
			     RMI_MODEL_NS);
}

static unsigned int num_start(u8 s2sz, long level)
{
	int bits = s2sz - shift(level);

	if (bits <= 0 || bits > (PAGE_SHIFT - 3) + 4)
		return 0;
	return bits > PAGE_SHIFT - 3 ? 1U << (bits - (PAGE_SHIFT - 3)) : 1;
}

static bool realm_params_ok(struct rmi_model *m, const struct realm_params *p)
{
	u64 f0 = m->cfg.feat[0], f1 = m->cfg.feat[1];
	bool lpa2 = p->flags & RMI_REALM_PARAM_FLAG_LPA2_MASK;
	bool sve = p->flags & RMI_REALM_PARAM_FLAG_SVE_MASK;
	unsigned int i;

	if (p->flags & (RMI_REALM_PARAM_FLAG_RES0 | RMI_REALM_PARAM_FLAG_PMU_MASK |
			RMI_REALM_PARAM_FLAG_DA_MASK))
		return false;
	if (lpa2 && !(f0 & RMI_FEATURE_REGISTER_0_LPA2_MASK))
		return false;
	if (p->s2sz > FIELD_GET(RMI_FEATURE_REGISTER_0_S2SZ_MASK, f0) ||
	    p->s2sz > (lpa2 ? 52 : 48) || p->s2sz < 32)
		return false;
	if (sve ? (!(f0 & RMI_FEATURE_REGISTER_0_SVE_MASK) ||
		   p->sve_vl > FIELD_GET(RMI_FEATURE_REGISTER_0_SVE_VL_MASK, f0)) :
	    p->sve_vl)
		return false;
	/* 0 breakpoints or watchpoints is reserved (B4.4.12). */
	if (!p->num_bps || !p->num_wps ||
	    p->num_bps > FIELD_GET(RMI_FEATURE_REGISTER_0_NUM_BPS_MASK, f0) ||
	    p->num_wps > FIELD_GET(RMI_FEATURE_REGISTER_0_NUM_WPS_MASK, f0))
		return false;
	switch (p->hash_algo) {
	case RMI_HASH_SHA_256:
		if (!(f1 & RMI_FEATURE_REGISTER_1_HASH_SHA_256_MASK))
			return false;
		break;
	case RMI_HASH_SHA_512:
		if (!(f1 & RMI_FEATURE_REGISTER_1_HASH_SHA_512_MASK))
			return false;
		break;
	default:
		return false;
	}
	if (p->rtt_level_start < (lpa2 ? -1 : 0) || p->rtt_level_start > 2 ||
	    p->rtt_num_start != num_start(p->s2sz, p->rtt_level_start))
		return false;
	if (!IS_ALIGNED(p->rtt_base, p->rtt_num_start * PAGE_SIZE))
		return false;
	for (i = 0; i < p->rtt_num_start; i++)
		if (gget(m, p->rtt_base + i * PAGE_SIZE) != RMI_MODEL_DELEGATED)
			return false;
	return true;
}

static unsigned long h_realm_create(struct rmi_model *m, const unsigned long *x,
				    unsigned long *res, bool commit)
{
	const struct realm_params *p;
	struct mrealm *r;
	unsigned int i;

	if (!aligned(x[1]) || gget(m, x[1]) != RMI_MODEL_DELEGATED)
		return RMI_ERROR_INPUT;
	if (!ns_granule(m, x[2]))
		return RMI_ERROR_INPUT;
	p = phys_to_virt(x[2]);
	if (!realm_params_ok(m, p))
		return RMI_ERROR_INPUT;
	/* B4.3.9 alias: the RD is not one of the starting RTTs. */
	if (x[1] >= p->rtt_base &&
	    x[1] < p->rtt_base + p->rtt_num_start * PAGE_SIZE)
		return RMI_ERROR_INPUT;
	if (!commit)
		return RMI_SUCCESS;

	r = kzalloc(sizeof(*r), GFP_ATOMIC);
	if (!r)
		return RMI_ERROR_INPUT;
	r->rd = x[1];
	r->state = REALM_NEW;
	r->s2sz = p->s2sz;
	r->start = p->rtt_level_start;
	r->num_start = p->rtt_num_start;
	r->rtt_base = p->rtt_base;
	for (i = 0; i < r->num_start; i++)
		rtt_new(m, r->rtt_base + i * PAGE_SIZE, r->start, RMI_EMPTY);
	xa_store(&m->realms, PHYS_PFN(r->rd), r, GFP_ATOMIC);
	gset(m, r->rd, RMI_MODEL_RD);
	m->nr_realms++;
	return RMI_SUCCESS;
}

static unsigned long h_realm_activate(struct rmi_model *m, const unsigned long *x,
				      unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);

	if (!r)
		return RMI_ERROR_INPUT;
	if (r->state != REALM_NEW)
		return RMI_ERROR_REALM;
	if (commit)
		r->state = REALM_ACTIVE;
	return RMI_SUCCESS;
}

static unsigned long h_realm_terminate(struct rmi_model *m, const unsigned long *x,
				       unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);

	if (!r)
		return RMI_ERROR_INPUT;
	if (r->state == REALM_TERMINATED)
		return RMI_ERROR_REALM;
	if (commit)
		r->state = REALM_TERMINATED;
	return RMI_SUCCESS;
}

static unsigned long h_realm_destroy(struct rmi_model *m, const unsigned long *x,
				     unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned int i;

	if (!r)
		return RMI_ERROR_INPUT;
	/* 1.0 B4.3.10 realm_live: RECs, or RTT entries that are not VOID. */
	if (r->nr_recs)
		return RMI_ERROR_REALM;
	for (i = 0; i < r->num_start; i++)
		if (rtt_live(rtt_at(m, r->rtt_base + i * PAGE_SIZE)))
			return RMI_ERROR_REALM;
	if (!commit)
		return RMI_SUCCESS;
	for (i = 0; i < r->num_start; i++)
		rtt_free(m, rtt_at(m, r->rtt_base + i * PAGE_SIZE));
	/* Granules donated to the Realm were reclaimed by the operation. */
	xa_erase(&m->realms, PHYS_PFN(r->rd));
	gset(m, r->rd, RMI_MODEL_DELEGATED);
	kfree(r);
	m->nr_realms--;
	return RMI_SUCCESS;
}

/* The index of the REC of @mpidr (RmiRecMpidr). */
unsigned int rmi_mdl_rec_index(unsigned long mpidr)
{
	return FIELD_GET(REC_MPIDR_AFF0_MASK, mpidr) |
	       FIELD_GET(REC_MPIDR_AFF1_MASK, mpidr) << 4 |
	       FIELD_GET(REC_MPIDR_AFF2_MASK, mpidr) << 12 |
	       FIELD_GET(REC_MPIDR_AFF3_MASK, mpidr) << 20;
}

static unsigned long h_rec_create(struct rmi_model *m, const unsigned long *x,
				  unsigned long *res, bool commit)
{
	unsigned int max_recs = 1U << FIELD_GET(RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER_MASK,
						 m->cfg.feat[1]);
	const struct rec_params *p;
	struct mrealm *r;
	struct mrec *rec;

	if (!aligned(x[2]) || gget(m, x[2]) != RMI_MODEL_DELEGATED)
		return RMI_ERROR_INPUT;
	if (!ns_granule(m, x[3]))
		return RMI_ERROR_INPUT;
	r = realm_at(m, x[1]);
	if (!r)
		return RMI_ERROR_INPUT;
	p = phys_to_virt(x[3]);
	if ((p->mpidr & REC_MPIDR_RES0) || (p->flags & REC_PARAMS_FLAG_RES0))
		return RMI_ERROR_INPUT;
	if (r->state != REALM_NEW)
		return RMI_ERROR_REALM;
	/* 1.0 B4.3.12 mpidr_index: RECs are created in MPIDR order. */
	if (rmi_mdl_rec_index(p->mpidr) != r->next_rec || r->next_rec >= max_recs)
		return RMI_ERROR_INPUT;
	if (!commit)
		return RMI_SUCCESS;

	rec = kzalloc(sizeof(*rec), GFP_ATOMIC);
	if (!rec)
		return RMI_ERROR_INPUT;
	rec->pa = x[2];
	rec->realm = r;
	rec->runnable = p->flags & REC_PARAMS_FLAG_RUNNABLE_MASK;
	rec->index = r->next_rec++;
	r->nr_recs++;
	xa_store(&m->recs, PHYS_PFN(rec->pa), rec, GFP_ATOMIC);
	gset(m, rec->pa, RMI_MODEL_REC);
	return RMI_SUCCESS;
}

struct mrec *rmi_mdl_rec_at(struct rmi_model *m, unsigned long pa)
{
	if (!aligned(pa) || gget(m, pa) != RMI_MODEL_REC)
		return NULL;
	return xa_load(&m->recs, PHYS_PFN(pa));
}

static unsigned long h_rec_destroy(struct rmi_model *m, const unsigned long *x,
				   unsigned long *res, bool commit)
{
	struct mrec *rec = rmi_mdl_rec_at(m, x[1]);

	if (!rec)
		return RMI_ERROR_INPUT;
	/* The REC is in use by a CPU inside RMI_REC_ENTER. */
	if (rec->running)
		return RMI_ERROR_REC;
	if (!commit)
		return RMI_SUCCESS;
	rec->realm->nr_recs--;
	xa_erase(&m->recs, PHYS_PFN(rec->pa));
	gset(m, rec->pa, RMI_MODEL_DELEGATED);
	kfree(rec);
	return RMI_SUCCESS;
}

static unsigned long h_rtt_create(struct rmi_model *m, const unsigned long *x,
				  unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long ipa = x[3];
	long level = x[4], l;
	struct mrtt *t;
	struct mrtte *e;

	if (!r || !aligned(x[2]) || gget(m, x[2]) != RMI_MODEL_DELEGATED)
		return RMI_ERROR_INPUT;
	if (level <= r->start || level > RMI_RTT_MAX_LEVEL || !ipa_ok(r, ipa) ||
	    !IS_ALIGNED(ipa, BIT_ULL(shift(level - 1))))
		return RMI_ERROR_INPUT;
	t = walk(m, r, ipa, level - 1, &l);
	if (l < level - 1)
		return ERR_IDX(RMI_ERROR_RTT, l);
	e = entry(t, ipa, l);
	if (e->state != RMI_VOID)
		return ERR_IDX(RMI_ERROR_RTT, l);
	if (!commit)
		return RMI_SUCCESS;
	if (!rtt_new(m, x[2], level, e->ripas))
		return RMI_ERROR_INPUT;
	e->state = RMI_TABLE;
	e->pa = x[2];
	return RMI_SUCCESS;
}

static unsigned long h_rtt_destroy(struct rmi_model *m, const unsigned long *x,
				   unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long ipa = x[2];
	long level = x[3], l;
	struct mrtt *t, *child;
	struct mrtte *e;

	if (!r)
		return RMI_ERROR_INPUT;
	if (level <= r->start || level > RMI_RTT_MAX_LEVEL || !ipa_ok(r, ipa) ||
	    !IS_ALIGNED(ipa, BIT_ULL(shift(level - 1))))
		return RMI_ERROR_INPUT;
	t = walk(m, r, ipa, level - 1, &l);
	e = entry(t, ipa, l);
	if (l < level - 1 || e->state != RMI_TABLE)
		return ERR_IDX(RMI_ERROR_RTT, l);
	child = rtt_at(m, e->pa);
	if (rtt_live(child))
		return ERR_IDX(RMI_ERROR_RTT, level);
	if (!commit)
		return RMI_SUCCESS;
	res[1] = child->pa;
	res[2] = ipa + BIT_ULL(shift(level - 1));
	e->state = RMI_VOID;
	e->pa = 0;
	rtt_free(m, child);
	return RMI_SUCCESS;
}

/*
 * B4.3.20 (1.0-rel0), carried into 2.0: the entry at @level, or where the
 * walk stopped above it.
 */
static unsigned long h_rtt_read_entry(struct rmi_model *m, const unsigned long *x,
				      unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long ipa = x[2];
	long level = x[3], l;
	struct mrtte *e;
	struct mrtt *t;

	if (!r)
		return RMI_ERROR_INPUT;
	if (level < r->start || level > RMI_RTT_MAX_LEVEL || !ipa_ok(r, ipa) ||
	    !IS_ALIGNED(ipa, BIT_ULL(shift(level))))
		return RMI_ERROR_INPUT;
	if (!commit)
		return RMI_SUCCESS;
	t = walk(m, r, ipa, level, &l);
	e = entry(t, ipa, l);
	res[1] = l;
	res[2] = e->state;
	res[3] = e->state == RMI_VOID ? 0 : e->pa;
	res[4] = e->ripas;
	return RMI_SUCCESS;
}

/*
 * RTT_INIT_RIPAS as TF-RMM runs it: from the entry the walk ends at, at
 * any level, while whole entries fit the range; RMI_ERROR_RTT at that
 * level if the first does not (an RTT below is needed).
 */
static unsigned long h_init_ripas(struct rmi_model *m, const unsigned long *x,
				  unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long base = x[2], top = x[3], ipa, size, n;
	struct mrtt *t;
	long l;

	if (!r)
		return RMI_ERROR_INPUT;
	if (!ipa_ok(r, base) || !aligned(top) || top <= base ||
	    top > BIT_ULL(r->s2sz - 1))
		return RMI_ERROR_INPUT;
	if (r->state != REALM_NEW)
		return RMI_ERROR_REALM;
	t = walk(m, r, base, RMI_RTT_MAX_LEVEL, &l);
	size = BIT_ULL(shift(l));
	if (!IS_ALIGNED(base, size) || base + size > top ||
	    entry(t, base, l)->state != RMI_VOID)
		return ERR_IDX(RMI_ERROR_RTT, l);
	if (!commit)
		return RMI_SUCCESS;
	/* Up to the end of this RTT, or of the range. */
	top = min(top, ALIGN(base + 1, BIT_ULL(shift(l - 1))));
	n = per_call(m, (top - base) / size);
	for (ipa = base; ipa + size <= top && n; ipa += size, n--) {
		struct mrtte *e = entry(t, ipa, l);

		if (e->state != RMI_VOID)
			break;
		e->ripas = RMI_RAM;
	}
	res[1] = ipa;
	return RMI_SUCCESS;
}

static unsigned long h_data_map_init(struct rmi_model *m, const unsigned long *x,
				     unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long ipa = x[3];
	struct mrtt *t;
	struct mrtte *e;
	long l;

	if (!r || !aligned(x[2]) || gget(m, x[2]) != RMI_MODEL_DELEGATED)
		return RMI_ERROR_INPUT;
	if (!ns_granule(m, x[4]) || (x[5] & RMI_DATA_FLAG_RES0) || !ipa_ok(r, ipa))
		return RMI_ERROR_INPUT;
	if (r->state != REALM_NEW)
		return RMI_ERROR_REALM;
	t = walk(m, r, ipa, RMI_RTT_MAX_LEVEL, &l);
	if (l < RMI_RTT_MAX_LEVEL)
		return ERR_IDX(RMI_ERROR_RTT, l);
	e = entry(t, ipa, l);
	if (e->state != RMI_VOID)
		return ERR_IDX(RMI_ERROR_RTT, l);
	if (!commit)
		return RMI_SUCCESS;
	memcpy(phys_to_virt(x[2]), phys_to_virt(x[4]), PAGE_SIZE);
	e->state = RMI_DATA;
	e->ripas = RMI_RAM;
	e->pa = x[2];
	gset(m, x[2], RMI_MODEL_DATA);
	return RMI_SUCCESS;
}

/* The granules an RmiAddrSetDesc names, at most @max; 0 if invalid. */
static unsigned int oaddr_granules(struct rmi_model *m, unsigned long flags,
				   unsigned long oaddr, phys_addr_t *pa,
				   unsigned int max)
{
	unsigned long type = FIELD_GET(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK, flags);
	unsigned long count = FIELD_GET(RMI_RTT_PROT_MAP_FLAGS_LIST_COUNT_MASK, flags);
	const u64 *list;
	unsigned int n = 0, i, k;

	if (type == RMI_ADDR_TYPE_SINGLE) {
		list = (const u64 *)&oaddr;
		count = 1;
	} else if (type == RMI_ADDR_TYPE_LIST && count && IS_ALIGNED(oaddr, 8) &&
		   gget(m, oaddr) == RMI_MODEL_NS &&
		   (oaddr % PAGE_SIZE) / 8 + count <= ENTRIES) {
		list = phys_to_virt(oaddr);
		model_list_read(m, list, count);
	} else {
		return 0;
	}
	for (i = 0; i < count && n < max; i++) {
		u64 e = list[i];

		if (RMI_ADDR_RANGE_SIZE(e) || !RMI_ADDR_RANGE_COUNT(e) ||
		    RMI_ADDR_RANGE_STATE(e) != RMI_OP_MEM_DELEGATED)
			return 0;
		for (k = 0; k < RMI_ADDR_RANGE_COUNT(e) && n < max; k++)
			pa[n++] = RMI_ADDR_RANGE_ADDR(e) + k * PAGE_SIZE;
	}
	return n;
}

static unsigned long h_data_map(struct rmi_model *m, const unsigned long *x,
				unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long base = x[2], top = x[3], ipa;
	phys_addr_t *pa = m->tmp;
	unsigned int n, i;
	struct mrtt *t;
	long l;

	static_assert(ARRAY_SIZE(m->tmp) >= ENTRIES);
	if (!r)
		return RMI_ERROR_INPUT;
	if (!ipa_ok(r, base) || !aligned(top) || top <= base ||
	    top > BIT_ULL(r->s2sz - 1) || (x[4] & RMI_RTT_PROT_MAP_FLAGS_RES0))
		return RMI_ERROR_INPUT;
	if (r->state == REALM_TERMINATED)
		return RMI_ERROR_REALM;
	n = oaddr_granules(m, x[4], x[5], pa, ENTRIES);
	for (i = 0; i < n; i++)
		if (gget(m, pa[i]) != RMI_MODEL_DELEGATED || !aligned(pa[i]))
			n = 0;
	if (!n)
		return RMI_ERROR_INPUT;
	t = walk(m, r, base, RMI_RTT_MAX_LEVEL, &l);
	if (l < RMI_RTT_MAX_LEVEL || entry(t, base, l)->state != RMI_VOID)
		return ERR_IDX(RMI_ERROR_RTT, l);
	if (commit) {
		top = min(top, ALIGN(base + 1, BIT_ULL(shift(RMI_RTT_MAX_LEVEL - 1))));
		n = per_call(m, min_t(unsigned long, n, (top - base) >> PAGE_SHIFT));
		for (i = 0, ipa = base; i < n; i++, ipa += PAGE_SIZE) {
			struct mrtte *e = entry(t, ipa, l);

			if (e->state != RMI_VOID)
				break;
			e->state = RMI_DATA;
			e->pa = pa[i];
			gset(m, pa[i], RMI_MODEL_DATA);
		}
		res[1] = ipa;
	}
	return RMI_SUCCESS;
}

/* Grow list entry @d by the granule at @pa if it is adjacent to it. */
static bool model_merge(u64 *d, phys_addr_t pa)
{
	u64 base = RMI_ADDR_RANGE_ADDR(*d), count = RMI_ADDR_RANGE_COUNT(*d);

	if (count == FIELD_MAX(RMI_ADDR_RANGE_COUNT_MASK))
		return false;
	if (pa == base + count * PAGE_SIZE)
		*d = model_desc(base, count + 1, RMI_ADDR_RANGE_STATE(*d));
	else if (pa + PAGE_SIZE == base)
		*d = model_desc(pa, count + 1, RMI_ADDR_RANGE_STATE(*d));
	else
		return false;
	return true;
}

static unsigned long h_data_unmap(struct rmi_model *m, const unsigned long *x,
				  unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long base = x[2], top = x[3], flags = x[4], oaddr = x[5];
	unsigned long cap = FIELD_GET(RMI_RTT_UNMAP_FLAGS_LIST_COUNT_MASK, flags);
	unsigned long ipa = base, n = 0, limit;
	u64 *list;
	long l;

	if (!r)
		return RMI_ERROR_INPUT;
	if (!ipa_ok(r, base) || !aligned(top) || top <= base ||
	    top > BIT_ULL(r->s2sz) || (flags & RMI_RTT_UNMAP_FLAGS_RES0))
		return RMI_ERROR_INPUT;
	if (FIELD_GET(RMI_RTT_UNMAP_FLAGS_OADDR_TYPE_MASK, flags) != RMI_ADDR_TYPE_LIST ||
	    !cap || !IS_ALIGNED(oaddr, 8) || gget(m, oaddr) != RMI_MODEL_NS ||
	    (oaddr % PAGE_SIZE) / 8 + cap > ENTRIES)
		return RMI_ERROR_INPUT;
	if (!commit)
		return RMI_SUCCESS;
	list = phys_to_virt(oaddr);
	limit = per_call(m, cap);
	while (ipa < top && n < limit) {
		struct mrtt *t = walk(m, r, ipa, RMI_RTT_MAX_LEVEL, &l);
		struct mrtte *e = entry(t, ipa, l);

		if (l < RMI_RTT_MAX_LEVEL) {
			/* A VOID entry above level 3: skip what it maps. */
			ipa = min(top, ALIGN(ipa + 1, BIT_ULL(shift(l))));
			continue;
		}
		if (e->state == RMI_DATA) {
			/*
			 * As TF-RMM, one entry for granules adjacent in PA,
			 * in either order (rtt_data_unmap's list merging).
			 */
			if (!n || !model_merge(&list[n - 1], e->pa))
				list[n++] = model_desc(e->pa, 1, RMI_OP_MEM_DELEGATED);
			gset(m, e->pa, RMI_MODEL_DELEGATED);
			m->stale = e->pa;
			/* TF-RMM 2.0 keeps the RIPAS of what it unmaps. */
			e->state = RMI_VOID;
			e->pa = 0;
		}
		ipa += PAGE_SIZE;
	}
	res[1] = ipa;
	res[2] = 0;
	res[3] = n;
	model_list_written(m, list, n, 3);
	return RMI_SUCCESS;
}

/* Stateful operations. */
static handler cmd_handler(unsigned long fid);

static unsigned long op_x0(struct rmi_model *m, unsigned long memreq)
{
	return RMI_INCOMPLETE | FIELD_PREP(RMI_RETURN_MEMREQ_MASK, memreq) |
	       FIELD_PREP(RMI_RETURN_CAN_CANCEL_MASK, m->op.can_cancel);
}

static unsigned long donate_req(struct mop *op)
{
	return FIELD_PREP(RMI_DONATE_SIZE_MASK, 0) |
	       FIELD_PREP(RMI_DONATE_COUNT_MASK, op->donate_left) |
	       FIELD_PREP(RMI_DONATE_CONTIG_MASK, op->contig) |
	       FIELD_PREP(RMI_DONATE_STATE_MASK, op->undelegated);
}

/* What the operation asks for next; res[2] is the donate request. */
static unsigned long op_next(struct rmi_model *m, unsigned long *res)
{
	struct mop *op = &m->op;

	if (op->donate_left) {
		res[2] = donate_req(op);
		return op_x0(m, RMI_OP_MEM_REQ_DONATE);
	}
	if (op->give_pos < op->nr_give)
		return op_x0(m, RMI_OP_MEM_REQ_RECLAIM);
	if (op->cancelling) {
		op->active = false;
		return RMI_SUCCESS;
	}
	return op_x0(m, RMI_OP_MEM_REQ_NONE);
}

/* The aux granules a command's object owns, for donation or reclaim. */
static phys_addr_t *owner_aux(struct rmi_model *m, unsigned long fid,
			      const unsigned long *x, unsigned int **nr)
{
	struct mrealm *r;
	struct mrec *rec;

	switch (fid) {
	case SMC_RMI_REC_CREATE:
		rec = rmi_mdl_rec_at(m, x[2]);
		break;
	case SMC_RMI_REC_DESTROY:
		rec = rmi_mdl_rec_at(m, x[1]);
		break;
	case SMC_RMI_RMM_ACTIVATE:
		return NULL;
	default:
		r = realm_at(m, x[1]);
		if (!r)
			return NULL;
		*nr = &r->nr_aux;
		return r->aux;
	}
	if (!rec)
		return NULL;
	*nr = &rec->nr_aux;
	return rec->aux;
}

/* Complete the operation: perform its command, keep what was donated. */
static unsigned long op_commit(struct rmi_model *m, unsigned long *res)
{
	struct mop *op = &m->op;
	handler h = cmd_handler(op->fid);
	unsigned int *nr = NULL, i;
	unsigned long ret;
	phys_addr_t *aux;

	ret = h(m, op->x, res, true);
	op->active = false;
	aux = owner_aux(m, op->fid, op->x, &nr);
	for (i = 0; i < op->nr_got; i++) {
		if (aux && *nr < MAX_AUX) {
			aux[(*nr)++] = op->got[i];
		} else {
			gset(m, op->got[i], RMI_MODEL_POOL);
			m->pool++;
		}
	}
	return ret;
}

/* Whether and how the command @fid runs as an operation. */
static void op_plan(struct rmi_model *m, unsigned long fid,
		    const unsigned long *x)
{
	struct mop *op = &m->op;
	phys_addr_t *aux;
	unsigned int *nr = NULL, i;
	bool random = m->cfg.random;

	memset(op, 0, sizeof(*op));
	op->fid = fid;
	memcpy(op->x, x, sizeof(op->x));
	op->contig = random ? rnd(m, 4) == 0 : m->cfg.contig;
	op->undelegated = random ? rnd(m, 2) : m->cfg.undelegated;
	op->can_cancel = random ? rnd(m, 2) : m->cfg.can_cancel;

	switch (fid) {
	case SMC_RMI_REALM_CREATE:
		op->donate_left = random ? rnd(m, 3) : m->cfg.realm_donate;
		break;
	case SMC_RMI_REC_CREATE:
		op->donate_left = random ? 1 + rnd(m, 3) : m->cfg.rec_donate;
		break;
	case SMC_RMI_RMM_ACTIVATE:
		op->donate_left = m->cfg.activate_donate;
		break;
	case SMC_RMI_REC_DESTROY:
	case SMC_RMI_REALM_DESTROY:
		/* Everything donated to the object comes back. */
		aux = owner_aux(m, fid, x, &nr);
		if (aux) {
			for (i = 0; i < *nr; i++)
				op->give[op->nr_give++] = aux[i];
			*nr = 0;
		}
		op->can_cancel = false;
		break;
	default:
		op->continues = random ? rnd(m, 2) : m->cfg.incomplete;
		break;
	}
	if (op->contig && op->donate_left)
		op->donate_left = roundup_pow_of_two(op->donate_left);
	if (op->donate_left || op->nr_give)
		op->continues = max(op->continues, 1U);
}

static unsigned long stateful(struct rmi_model *m, unsigned long fid,
			      const unsigned long *x, unsigned long *res)
{
	handler h = cmd_handler(fid);
	unsigned long ret = h(m, x, res, false);

	if (ret != RMI_SUCCESS)
		return ret;
	/*
	 * A pending operation nobody carried on is abandoned: an RMM would
	 * keep its context, and what was donated to it, for ever.
	 */
	if (m->op.active)
		m->abandoned++;
	op_plan(m, fid, x);
	if (!m->op.continues)
		return op_commit(m, res);
	m->op.active = true;
	m->op.handle = ++m->next_handle;
	res[1] = m->op.handle;
	return op_next(m, res);
}

static bool op_is(struct rmi_model *m, unsigned long handle, bool cancel)
{
	return m->op.active && m->op.handle == handle &&
	       (cancel || !m->op.cancelling || m->op.give_pos < m->op.nr_give);
}

static unsigned long h_op_continue(struct rmi_model *m, const unsigned long *x,
				   unsigned long *res, bool commit)
{
	struct mop *op = &m->op;
	unsigned long ret;

	if (!op_is(m, x[1], false) || op->donate_left ||
	    op->give_pos < op->nr_give || op->cancelling)
		return RMI_ERROR_INPUT;
	if (x[2] & RMI_CONTINUE_FLAG_RES0)
		return RMI_ERROR_INPUT;
	if (--op->continues) {
		res[1] = op->handle;
		return op_next(m, res);
	}
	ret = op_commit(m, res);
	return ret;
}

static unsigned long h_op_donate(struct rmi_model *m, const unsigned long *x,
				 unsigned long *res, bool commit)
{
	struct mop *op = &m->op;
	unsigned long list_pa = x[2], count = x[3], i, k, n = 0, take;
	phys_addr_t *pa = m->tmp;
	const u64 *list;

	if (!op_is(m, x[1], false) || !op->donate_left || op->cancelling)
		return RMI_ERROR_INPUT;
	if (!count || !IS_ALIGNED(list_pa, 8) || gget(m, list_pa) != RMI_MODEL_NS ||
	    (list_pa % PAGE_SIZE) / 8 + count > ENTRIES)
		return RMI_ERROR_INPUT;
	list = phys_to_virt(list_pa);
	model_list_read(m, list, count);
	for (i = 0; i < count; i++) {
		u64 e = list[i];
		unsigned long c = RMI_ADDR_RANGE_COUNT(e);

		if (RMI_ADDR_RANGE_SIZE(e) || !c ||
		    RMI_ADDR_RANGE_STATE(e) != op->undelegated)
			return RMI_ERROR_INPUT;
		if (n + c > op->donate_left || n + c > MAX_AUX)
			return RMI_ERROR_INPUT;
		for (k = 0; k < c; k++) {
			phys_addr_t g = RMI_ADDR_RANGE_ADDR(e) + k * PAGE_SIZE;

			if (gget(m, g) != (op->undelegated ? RMI_MODEL_NS :
					   RMI_MODEL_DELEGATED))
				return RMI_ERROR_INPUT;
			pa[n++] = g;
		}
	}
	/* Contiguous: the whole request, one aligned range, in any entries. */
	if (op->contig) {
		if (n != op->donate_left || !IS_ALIGNED(pa[0], n * PAGE_SIZE))
			return RMI_ERROR_INPUT;
		for (i = 1; i < n; i++)
			if (pa[i] != pa[0] + i * PAGE_SIZE)
				return RMI_ERROR_INPUT;
	}
	/*
	 * A random run takes part of a non-contiguous donation; so does a
	 * run that scribbles over the list once read, so that what the host
	 * gets back is decided by the entries it wrote, not by these.
	 */
	if (m->cfg.random && !op->contig)
		take = 1 + rnd(m, n);
	else if (m->corrupt.kind == RMI_MODEL_CORRUPT_SCRIBBLE &&
		 m->corrupt.call == m->nr_calls && !op->contig)
		take = 1;
	else
		take = n;
	for (i = 0; i < take; i++) {
		gset(m, pa[i], RMI_MODEL_AUX);
		op->got[op->nr_got++] = pa[i];
	}
	op->donate_left -= take;
	res[1] = take;
	return op_next(m, res);
}

static unsigned long h_op_reclaim(struct rmi_model *m, const unsigned long *x,
				  unsigned long *res, bool commit)
{
	struct mop *op = &m->op;
	unsigned long list_pa = x[2], cap = x[3], n = 0;
	u64 *list;

	if (!op_is(m, x[1], true) || op->give_pos >= op->nr_give)
		return RMI_ERROR_INPUT;
	if (!cap || !IS_ALIGNED(list_pa, 8) || gget(m, list_pa) != RMI_MODEL_NS ||
	    (list_pa % PAGE_SIZE) / 8 + cap > ENTRIES)
		return RMI_ERROR_INPUT;
	list = phys_to_virt(list_pa);
	if (m->cfg.random)
		cap = 1 + rnd(m, cap);
	while (n < cap && op->give_pos < op->nr_give) {
		phys_addr_t g = op->give[op->give_pos++];

		gset(m, g, RMI_MODEL_DELEGATED);
		list[n++] = model_desc(g, 1, RMI_OP_MEM_DELEGATED);
		m->stale = g;
	}
	res[1] = n;
	model_list_written(m, list, n, 1);
	return op_next(m, res);
}

static unsigned long h_op_cancel(struct rmi_model *m, const unsigned long *x,
				 unsigned long *res, bool commit)
{
	struct mop *op = &m->op;

	if (!op_is(m, x[1], true) || !op->can_cancel || op->cancelling)
		return RMI_ERROR_INPUT;
	/* Roll back: the command did nothing, the donations come back. */
	op->cancelling = true;
	op->donate_left = 0;
	memcpy(op->give, op->got, op->nr_got * sizeof(op->got[0]));
	op->nr_give = op->nr_got;
	op->give_pos = 0;
	op->nr_got = 0;
	res[1] = op->handle;
	return op_next(m, res);
}

/* Dispatch. */
static const handler handlers[NR_FNUM] = {
	[FNUM(SMC_RMI_VERSION)] = h_version,
	[FNUM(SMC_RMI_FEATURES)] = h_features,
	[FNUM(SMC_RMI_RMM_CONFIG_GET)] = h_config_get,
	[FNUM(SMC_RMI_RMM_CONFIG_SET)] = h_config_set,
	[FNUM(SMC_RMI_RMM_ACTIVATE)] = h_rmm_activate,
	[FNUM(SMC_RMI_GRANULE_RANGE_DELEGATE)] = h_delegate,
	[FNUM(SMC_RMI_GRANULE_RANGE_UNDELEGATE)] = h_undelegate,
	[FNUM(SMC_RMI_REALM_CREATE)] = h_realm_create,
	[FNUM(SMC_RMI_REALM_ACTIVATE)] = h_realm_activate,
	[FNUM(SMC_RMI_REALM_TERMINATE)] = h_realm_terminate,
	[FNUM(SMC_RMI_REALM_DESTROY)] = h_realm_destroy,
	[FNUM(SMC_RMI_REC_CREATE)] = h_rec_create,
	[FNUM(SMC_RMI_REC_DESTROY)] = h_rec_destroy,
	[FNUM(SMC_RMI_REC_ENTER)] = rmi_mdl_rec_enter,
	[FNUM(SMC_RMI_RTT_SET_RIPAS)] = rmi_mdl_set_ripas,
	[FNUM(SMC_RMI_PSCI_COMPLETE)] = rmi_mdl_psci_complete,
	[FNUM(SMC_RMI_RTT_UNPROT_MAP)] = rmi_mdl_unprot_map,
	[FNUM(SMC_RMI_RTT_UNPROT_UNMAP)] = rmi_mdl_unprot_unmap,
	[FNUM(SMC_RMI_RTT_CREATE)] = h_rtt_create,
	[FNUM(SMC_RMI_RTT_DESTROY)] = h_rtt_destroy,
	[FNUM(SMC_RMI_RTT_READ_ENTRY)] = h_rtt_read_entry,
	[FNUM(SMC_RMI_RTT_INIT_RIPAS)] = h_init_ripas,
	[FNUM(SMC_RMI_RTT_DATA_MAP_INIT)] = h_data_map_init,
	[FNUM(SMC_RMI_RTT_DATA_MAP)] = h_data_map,
	[FNUM(SMC_RMI_RTT_DATA_UNMAP)] = h_data_unmap,
	[FNUM(SMC_RMI_OP_CONTINUE)] = h_op_continue,
	[FNUM(SMC_RMI_OP_MEM_DONATE)] = h_op_donate,
	[FNUM(SMC_RMI_OP_MEM_RECLAIM)] = h_op_reclaim,
	[FNUM(SMC_RMI_OP_CANCEL)] = h_op_cancel,
};

static handler cmd_handler(unsigned long fid)
{
	return handlers[FNUM(fid)];
}

static bool is_stateful(unsigned long fid)
{
	switch (fid) {
	case SMC_RMI_RMM_ACTIVATE:
	case SMC_RMI_REALM_CREATE:
	case SMC_RMI_REALM_TERMINATE:
	case SMC_RMI_REALM_DESTROY:
	case SMC_RMI_REC_CREATE:
	case SMC_RMI_REC_DESTROY:
	case SMC_RMI_RTT_DATA_MAP_INIT:
	case SMC_RMI_RTT_DATA_MAP:
	case SMC_RMI_RTT_DATA_UNMAP:
		return true;
	default:
		return false;
	}
}

/* rmi-abi.md section 4: what works before RMI_RMM_ACTIVATE. */
static bool before_activation(unsigned long fid)
{
	switch (fid) {
	case SMC_RMI_VERSION:
	case SMC_RMI_FEATURES:
	case SMC_RMI_RMM_CONFIG_GET:
	case SMC_RMI_RMM_CONFIG_SET:
	case SMC_RMI_RMM_ACTIVATE:
	case SMC_RMI_GRANULE_TRACKING_GET:
		return true;
	default:
		return false;
	}
}

/*
 * Failures the specification allows for each command the library issues,
 * beside RMI_BUSY: what the fault suite injects.
 */
static const unsigned long f_input[] = { RMI_ERROR_INPUT };
static const unsigned long f_config[] = { RMI_ERROR_INPUT, RMI_ERROR_GLOBAL };
static const unsigned long f_global[] = { RMI_ERROR_GLOBAL };
static const unsigned long f_granule[] = { RMI_ERROR_INPUT, RMI_ERROR_GRANULE,
					   RMI_ERROR_GPT, RMI_BUSY };
static const unsigned long f_realm[] = { RMI_ERROR_INPUT, RMI_ERROR_REALM,
					 RMI_BUSY };
static const unsigned long f_rec[] = { RMI_ERROR_INPUT, RMI_ERROR_REALM,
				       RMI_ERROR_REC, RMI_BUSY };
static const unsigned long f_rtt[] = { RMI_ERROR_INPUT, RMI_ERROR_REALM,
				       ERR_IDX(RMI_ERROR_RTT, 2), RMI_BUSY,
				       RMI_BLOCKED };
static const unsigned long f_op[] = { RMI_ERROR_INPUT, RMI_BUSY };
static const unsigned long f_version[] = { RMI_ERROR_INPUT };

/**
 * rmi_model_faults() - the failures the fault suite injects at a command
 * @fid: function ID
 * @status: receives the statuses (with index)
 *
 * Return: their number.
 */
unsigned int rmi_model_faults(unsigned long fid, const unsigned long **status)
{
	unsigned int n;

	switch (fid) {
	case SMC_RMI_VERSION:
		*status = f_version;
		n = ARRAY_SIZE(f_version);
		break;
	case SMC_RMI_FEATURES:
		*status = f_input;
		n = ARRAY_SIZE(f_input);
		break;
	case SMC_RMI_RMM_CONFIG_GET:
	case SMC_RMI_RMM_CONFIG_SET:
		*status = f_config;
		n = ARRAY_SIZE(f_config);
		break;
	case SMC_RMI_RMM_ACTIVATE:
		*status = f_global;
		n = ARRAY_SIZE(f_global);
		break;
	case SMC_RMI_GRANULE_RANGE_DELEGATE:
	case SMC_RMI_GRANULE_RANGE_UNDELEGATE:
		*status = f_granule;
		n = ARRAY_SIZE(f_granule);
		break;
	case SMC_RMI_REALM_CREATE:
	case SMC_RMI_REALM_ACTIVATE:
	case SMC_RMI_REALM_TERMINATE:
	case SMC_RMI_REALM_DESTROY:
		*status = f_realm;
		n = ARRAY_SIZE(f_realm);
		break;
	case SMC_RMI_REC_CREATE:
	case SMC_RMI_REC_DESTROY:
	case SMC_RMI_REC_ENTER:
		*status = f_rec;
		n = ARRAY_SIZE(f_rec);
		break;
	case SMC_RMI_PSCI_COMPLETE:
		*status = f_input;
		n = ARRAY_SIZE(f_input);
		break;
	case SMC_RMI_OP_CONTINUE:
	case SMC_RMI_OP_MEM_DONATE:
	case SMC_RMI_OP_MEM_RECLAIM:
	case SMC_RMI_OP_CANCEL:
		*status = f_op;
		n = ARRAY_SIZE(f_op);
		break;
	default:
		*status = f_rtt;
		n = ARRAY_SIZE(f_rtt);
		break;
	}
	return n;
}
EXPORT_SYMBOL_GPL(rmi_model_faults);

/*
 * Whether the library must issue a refused @fid again: a donation to an
 * operation that cannot be cancelled, or a delegation of granules for it.
 */
static bool op_redo(const struct rmi_model *m, unsigned long fid)
{
	if (!m->op.active || m->op.can_cancel || !m->op.donate_left)
		return false;
	return fid == SMC_RMI_OP_MEM_DONATE ||
	       fid == SMC_RMI_GRANULE_RANGE_DELEGATE;
}

/*
 * Answer @fid with the failure @status, changing nothing, except that a
 * failed RMI_OP_CONTINUE ends its operation, as an RMM's does (TF-RMM
 * smc_op_continue() releases the context): what was donated stays.
 */
static unsigned long fail(struct rmi_model *m, unsigned long fid,
			  const unsigned long *x, unsigned long status)
{
	if (fid == SMC_RMI_OP_CONTINUE && m->op.active &&
	    m->op.handle == x[1] && RMI_RETURN_STATUS(status) != RMI_BUSY &&
	    RMI_RETURN_STATUS(status) != RMI_BLOCKED)
		m->op.active = false;
	return status;
}

/*
 * Corrupt one field of the answer the model just gave, as a faulty RMM
 * would: a register, or an entry of the list it wrote.
 */
static void model_corrupt(struct rmi_model *m, unsigned long *res)
{
	const struct rmi_model_corruption *c = &m->corrupt;
	u64 *e, v = c->value;

	if (c->kind == RMI_MODEL_CORRUPT_REG || c->kind == RMI_MODEL_CORRUPT_REG_XOR) {
		if (c->reg >= 18)
			return;
		res[c->reg] = c->kind == RMI_MODEL_CORRUPT_REG ? v : res[c->reg] ^ v;
		m->corrupted++;
		return;
	}
	if (c->kind == RMI_MODEL_CORRUPT_SCRIBBLE) {
		unsigned long i;

		if (!m->list_in)
			return;
		for (i = 0; i < m->list_in_n; i++)
			m->list_in[i] = (m->list_in[i] & ~RMI_ADDR_RANGE_ADDR_MASK) |
					((RMI_ADDR_RANGE_ADDR(m->list_in[i]) +
					  v * PAGE_SIZE) & RMI_ADDR_RANGE_ADDR_MASK);
		m->corrupted++;
		return;
	}
	if (!m->list_out || c->entry >= m->list_n)
		return;
	e = &m->list_out[c->entry];
	switch (c->kind) {
	case RMI_MODEL_CORRUPT_ADDR:
		*e = (*e & ~RMI_ADDR_RANGE_ADDR_MASK) |
		     ((RMI_ADDR_RANGE_ADDR(*e) + v * PAGE_SIZE) &
		      RMI_ADDR_RANGE_ADDR_MASK);
		break;
	case RMI_MODEL_CORRUPT_SIZE:
		*e = (*e & ~RMI_ADDR_RANGE_SIZE_MASK) |
		     FIELD_PREP(RMI_ADDR_RANGE_SIZE_MASK, v & 3);
		break;
	case RMI_MODEL_CORRUPT_COUNT:
		*e = (*e & ~RMI_ADDR_RANGE_COUNT_MASK) |
		     ((v << 2) & RMI_ADDR_RANGE_COUNT_MASK);
		break;
	case RMI_MODEL_CORRUPT_STATE:
		*e ^= RMI_ADDR_RANGE_STATE_MASK;
		break;
	case RMI_MODEL_CORRUPT_RES0:
		*e |= BIT_ULL(v & 63);
		break;
	case RMI_MODEL_CORRUPT_DUP:
		if (m->list_n >= ENTRIES)
			return;
		m->list_out[m->list_n] = m->list_out[0];
		res[m->list_reg]++;
		break;
	case RMI_MODEL_CORRUPT_STALE:
		if (!m->stale_before)
			return;
		*e = model_desc(m->stale_before, 1, RMI_ADDR_RANGE_STATE(*e));
		break;
	default:
		return;
	}
	m->corrupted++;
}

static void model_call(struct rmi_model *m, const unsigned long *x,
		       unsigned long *res)
{
	unsigned long fid = x[0], ret;
	const unsigned long *f;
	unsigned int nf;
	handler h;

	m->nr_calls++;
	m->calls[FNUM(fid)]++;
	m->last_fid = fid;
	m->list_out = NULL;
	m->list_n = 0;
	m->list_in = NULL;
	m->list_in_n = 0;
	m->stale_before = m->stale;
	if (m->log && m->nr_calls <= m->log_cap) {
		m->log[m->nr_calls - 1] = fid;
		if (m->redo && op_redo(m, fid))
			__set_bit(m->nr_calls - 1, m->redo);
	}
	h = (fid & ~0xffffUL) == (SMC_RMI_VERSION & ~0xffffUL) ? cmd_handler(fid) : NULL;

	if (fid == SMC_RMI_VERSION && m->cfg.no_rmm) {
		res[0] = SMCCC_RET_NOT_SUPPORTED;
		return;
	}
	if (!h) {
		res[0] = SMCCC_RET_NOT_SUPPORTED;
		return;
	}
	if (m->nr_calls == m->fail_at) {
		res[0] = fail(m, fid, x, m->fail_status);
		return;
	}
	if (m->cfg.random && fid != SMC_RMI_VERSION && fid != SMC_RMI_FEATURES) {
		if (rnd(m, 100) < m->cfg.busy_pct) {
			res[0] = rnd(m, 2) ? RMI_BUSY : RMI_BLOCKED;
			return;
		}
		if (rnd(m, 100) < m->cfg.error_pct) {
			nf = rmi_model_faults(fid, &f);
			res[0] = fail(m, fid, x, f[rnd(m, nf)]);
			return;
		}
	}
	if (!m->active && !before_activation(fid) &&
	    !(m->op.active && m->op.fid == SMC_RMI_RMM_ACTIVATE)) {
		res[0] = RMI_ERROR_GLOBAL;
		return;
	}
	if (is_stateful(fid))
		ret = stateful(m, fid, x, res);
	else
		ret = h(m, x, res, true);
	res[0] = ret;
	if (m->list_log && m->nr_calls <= m->log_cap && m->list_out)
		m->list_log[m->nr_calls - 1] = m->list_n;
	if (m->list_in_log && m->nr_calls <= m->log_cap && m->list_in)
		m->list_in_log[m->nr_calls - 1] = m->list_in_n;
	if (m->corrupt.kind && m->corrupt.call == m->nr_calls)
		model_corrupt(m, res);
}

/* How long a held REC stays in RMI_REC_ENTER at most: rmi_model_hold(). */
#define HOLD_MAX_NS	(500 * NSEC_PER_MSEC)

/* The stub of rmi_smccc_issue(). */
static void __maybe_unused rmi_model_smccc_call(const struct arm_smccc_1_2_regs *args,
						struct arm_smccc_1_2_regs *res)
{
	unsigned long x[18], r[18] = { };
	struct mrec *rec = NULL;
	unsigned long flags;

	static_assert(sizeof(x) == sizeof(*args));
	memcpy(x, args, sizeof(x));
	if (!WARN_ON_ONCE(!cur)) {
		/* The library's commands come from several CPUs at once. */
		spin_lock_irqsave(&cur->lock, flags);
		model_call(cur, x, r);
		if ((cur->cfg.run_us || cur->held_rec == x[1]) &&
		    x[0] == SMC_RMI_REC_ENTER && r[0] == RMI_SUCCESS) {
			rec = rmi_mdl_rec_at(cur, x[1]);
			rec->running++;
		}
		spin_unlock_irqrestore(&cur->lock, flags);
		/* The Realm runs, other commands go on. */
		if (rec) {
			u64 until = ktime_get_ns() + HOLD_MAX_NS;

			udelay(cur->cfg.run_us);
			/*
			 * Held with interrupts masked: bounded, as a real
			 * entry ends at the next interrupt, so that a CPU
			 * waiting on this one is not stuck for ever.
			 */
			while (READ_ONCE(cur->held_rec) == x[1] &&
			       ktime_get_ns() < until)
				cpu_relax();
			spin_lock_irqsave(&cur->lock, flags);
			rec->running--;
			spin_unlock_irqrestore(&cur->lock, flags);
		}
	} else {
		r[0] = SMCCC_RET_NOT_SUPPORTED;
	}
	memcpy(res, r, sizeof(r));
}

/* The stub of rmi_smccc_probe(): whether the model can be reached. */
static int __maybe_unused rmi_model_smccc_probe(void)
{
	return cur ? cur->cfg.probe_err : -ENXIO;
}

static void rmi_model_free(void *data)
{
	struct rmi_model *m = data;
	unsigned long i;
	void *p;

	xa_for_each(&m->rtts, i, p)
		kfree(p);
	xa_for_each(&m->recs, i, p)
		kfree(p);
	xa_for_each(&m->realms, i, p)
		kfree(p);
	xa_destroy(&m->rtts);
	xa_destroy(&m->recs);
	xa_destroy(&m->realms);
	xa_destroy(&m->granules);
	if (cur == m)
		cur = NULL;
	kfree(m);
}

/**
 * rmi_model_default_config() - an RMM implementing 2.0 with common features
 * @cfg: filled
 */
void rmi_model_default_config(struct rmi_model_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	cfg->versions[0] = RMI_ABI_VERSION(2, 0);
	cfg->feat[0] = FIELD_PREP(RMI_FEATURE_REGISTER_0_S2SZ_MASK, 48) |
		       RMI_FEATURE_REGISTER_0_SVE_MASK |
		       FIELD_PREP(RMI_FEATURE_REGISTER_0_SVE_VL_MASK, 3) |
		       FIELD_PREP(RMI_FEATURE_REGISTER_0_NUM_BPS_MASK, 5) |
		       FIELD_PREP(RMI_FEATURE_REGISTER_0_NUM_WPS_MASK, 3) |
		       RMI_FEATURE_REGISTER_0_PMU_MASK |
		       FIELD_PREP(RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS_MASK, 6);
	cfg->feat[1] = RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB_MASK |
		       RMI_FEATURE_REGISTER_1_HASH_SHA_256_MASK |
		       RMI_FEATURE_REGISTER_1_HASH_SHA_512_MASK |
		       FIELD_PREP(RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER_MASK, 3);
	cfg->feat[3] = FIELD_PREP(RMI_FEATURE_REGISTER_3_RTT_PLANE_MASK,
				  RMI_RTT_PLANE_SINGLE);
	cfg->feat[4] = 16;
	cfg->realm_donate = 1;
	cfg->rec_donate = 2;
	cfg->can_cancel = true;
	cfg->incomplete = true;
	cfg->per_call = 2;
}
EXPORT_SYMBOL_GPL(rmi_model_default_config);

/**
 * rmi_model_install() - answer the library's SMCs with a new model
 * @test: the test; the model lives until it ends
 * @cfg: its behaviour
 *
 * Return: the model.
 */
struct rmi_model *rmi_model_install(struct kunit *test,
				    const struct rmi_model_config *cfg)
{
	struct rmi_model *m = kzalloc(sizeof(*m), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, m);
	spin_lock_init(&m->lock);
	m->cfg = *cfg;
	m->test = test;
	m->granule_size = RMI_GRANULE_SIZE_4KB;
	xa_init(&m->granules);
	xa_init(&m->realms);
	xa_init(&m->recs);
	xa_init(&m->rtts);
	prandom_seed_state(&m->rnd, cfg->seed);
	m->abandoned_base = rmi_abandoned_ops();
	/* A new RMM: the library sets it up again. */
	rmi_test_reset();
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, rmi_model_free, m));
	cur = m;
	/* scripts/check.sh compiles the suites in a kernel without KUnit. */
#if IS_ENABLED(CONFIG_KUNIT)
	kunit_activate_static_stub(test, rmi_smccc_issue, rmi_model_smccc_call);
	kunit_activate_static_stub(test, rmi_smccc_probe, rmi_model_smccc_probe);
#endif
	return m;
}
EXPORT_SYMBOL_GPL(rmi_model_install);

/**
 * rmi_model_fail_call() - answer the @n'th call with @status, changing nothing
 * @m: the model
 * @n: 1-based number of the call, counted from the model's installation
 * @status: X0 to return, index included
 */
void rmi_model_fail_call(struct rmi_model *m, unsigned long n,
			 unsigned long status)
{
	m->fail_at = n;
	m->fail_status = status;
}
EXPORT_SYMBOL_GPL(rmi_model_fail_call);

/**
 * rmi_model_record() - record the function ID of each call
 * @m: the model
 * @log: receives the function ID of call n at @log[n - 1]
 * @cap: entries of @log
 */
void rmi_model_record(struct rmi_model *m, unsigned long *log,
		      unsigned long cap)
{
	m->log = log;
	m->log_cap = cap;
}
EXPORT_SYMBOL_GPL(rmi_model_record);

/**
 * rmi_model_record_redo() - also record which calls the library must issue
 *	again if they are refused
 * @m: the model, recording (rmi_model_record())
 * @bitmap: bit n - 1 is set if call n was RMI_OP_MEM_DONATE to an
 *	    operation that cannot be cancelled, or a delegation of granules
 *	    for it; as many bits as the log has entries, cleared by the caller
 */
void rmi_model_record_redo(struct rmi_model *m, unsigned long *bitmap)
{
	m->redo = bitmap;
}
EXPORT_SYMBOL_GPL(rmi_model_record_redo);

/**
 * rmi_model_record_lists() - also record how many entries each call wrote
 *	into an address list
 * @m: the model, recording (rmi_model_record())
 * @entries: receives the entries call n wrote at @entries[n - 1], as
 *	     many as the log has, zeroed by the caller
 */
void rmi_model_record_lists(struct rmi_model *m, unsigned long *entries)
{
	m->list_log = entries;
}
EXPORT_SYMBOL_GPL(rmi_model_record_lists);

/**
 * rmi_model_set_per_call() - granules the range commands process per call
 * @m: the model, between calls
 * @n: at most this many; 0 for no limit
 */
void rmi_model_set_per_call(struct rmi_model *m, unsigned int n)
{
	m->cfg.per_call = n;
}
EXPORT_SYMBOL_GPL(rmi_model_set_per_call);

/**
 * rmi_model_record_inputs() - also record how many entries of an address
 *	list each call was given
 * @m: the model, recording (rmi_model_record())
 * @entries: receives the entries call n read at @entries[n - 1], as many
 *	     as the log has, zeroed by the caller
 */
void rmi_model_record_inputs(struct rmi_model *m, unsigned long *entries)
{
	m->list_in_log = entries;
}
EXPORT_SYMBOL_GPL(rmi_model_record_inputs);

/**
 * rmi_model_corrupt() - corrupt one output of one call
 * @m: the model
 * @c: which, and how
 */
void rmi_model_corrupt(struct rmi_model *m, const struct rmi_model_corruption *c)
{
	m->corrupt = *c;
	m->corrupted = 0;
}
EXPORT_SYMBOL_GPL(rmi_model_corrupt);

/**
 * rmi_model_corrupted() - whether the corruption was made
 * @m: the model
 *
 * Return: false if the call was not reached, or wrote no such entry.
 */
bool rmi_model_corrupted(const struct rmi_model *m)
{
	return m->corrupted;
}
EXPORT_SYMBOL_GPL(rmi_model_corrupted);

/**
 * rmi_model_pending_ops() - operations the model still holds
 * @m: the model
 *
 * Return: the operations started and then abandoned (another stateful
 * command came first), plus the one still pending, if any.
 */
unsigned long rmi_model_pending_ops(const struct rmi_model *m)
{
	return m->abandoned + m->op.active;
}
EXPORT_SYMBOL_GPL(rmi_model_pending_ops);

/**
 * rmi_model_calls() - SMCs answered
 * @m: the model
 *
 * Return: their number.
 */
unsigned long rmi_model_calls(const struct rmi_model *m)
{
	return m->nr_calls;
}
EXPORT_SYMBOL_GPL(rmi_model_calls);

/**
 * rmi_model_calls_of() - SMCs answered for one command
 * @m: the model
 * @fid: its function ID
 *
 * Return: their number.
 */
unsigned long rmi_model_calls_of(const struct rmi_model *m, unsigned long fid)
{
	return m->calls[FNUM(fid)];
}
EXPORT_SYMBOL_GPL(rmi_model_calls_of);

/**
 * rmi_model_last_fid() - function ID of the last SMC
 * @m: the model
 *
 * Return: the function ID.
 */
unsigned long rmi_model_last_fid(const struct rmi_model *m)
{
	return m->last_fid;
}
EXPORT_SYMBOL_GPL(rmi_model_last_fid);

/**
 * rmi_model_owned() - granules not in the Non-secure state
 * @m: the model
 *
 * Return: delegated granules and granules in use by the RMM, the RMM's
 * own pool included.
 */
unsigned long rmi_model_owned(struct rmi_model *m)
{
	unsigned long i, n = 0;
	void *e;

	xa_for_each(&m->granules, i, e)
		n++;
	return n;
}
EXPORT_SYMBOL_GPL(rmi_model_owned);

/**
 * rmi_model_runs() - runs of consecutive PAs among the granules in a state
 * @m: the model
 * @state: the state
 *
 * Return: how many maximal runs of consecutive PFNs the granules in
 * @state make.
 */
unsigned long rmi_model_runs(struct rmi_model *m, enum rmi_model_gstate state)
{
	unsigned long i, n = 0, last = ULONG_MAX - 1;
	void *e;

	xa_for_each(&m->granules, i, e) {
		if (xa_to_value(e) != state)
			continue;
		if (i != last + 1)
			n++;
		last = i;
	}
	return n;
}
EXPORT_SYMBOL_GPL(rmi_model_runs);

/**
 * rmi_model_pool() - granules the RMM keeps for itself
 * @m: the model
 *
 * Return: granules donated to RMI_RMM_ACTIVATE or to operations without
 * an object, which the RMM never gives back.
 */
unsigned long rmi_model_pool(const struct rmi_model *m)
{
	return m->pool;
}
EXPORT_SYMBOL_GPL(rmi_model_pool);

/**
 * rmi_model_realms() - Realms in the model
 * @m: the model
 *
 * Return: their number.
 */
unsigned int rmi_model_realms(const struct rmi_model *m)
{
	return m->nr_realms;
}
EXPORT_SYMBOL_GPL(rmi_model_realms);

/**
 * rmi_model_granule() - the state of a granule
 * @m: the model
 * @pa: its PA
 *
 * Return: the state.
 */
enum rmi_model_gstate rmi_model_granule(struct rmi_model *m, phys_addr_t pa)
{
	return gget(m, pa);
}
EXPORT_SYMBOL_GPL(rmi_model_granule);

/*
 * The counting allocator.  It hands granules out of its own pool, first
 * fit, so that a test's allocations make the same runs of consecutive PAs
 * every time it runs: the library delegates and undelegates by such runs,
 * and the fault suites refuse "call n" of a lifecycle, which must be the
 * same call in every run.  The pool is made of blocks of 2^MAX_PAGE_ORDER
 * pages, the last page of each left unused so that no run crosses from
 * one block into the next by chance.
 */
#define TEST_CHUNK_PAGES	BIT(MAX_PAGE_ORDER)

struct test_chunk {
	struct page *page;
	DECLARE_BITMAP(used, TEST_CHUNK_PAGES);
};

static phys_addr_t test_chunk_take(struct test_chunk *c, unsigned int order)
{
	unsigned long n = 1UL << order, i;

	i = bitmap_find_next_zero_area(c->used, TEST_CHUNK_PAGES - 1, 0, n,
				       n - 1);
	if (i >= TEST_CHUNK_PAGES - 1)
		return 0;
	bitmap_set(c->used, i, n);
	return page_to_phys(c->page) + i * PAGE_SIZE;
}

static phys_addr_t test_mem_alloc(void *priv, unsigned int order)
{
	struct rmi_test_mem *mem = priv;
	struct test_chunk *c = NULL;
	unsigned long i, idx = 0;
	phys_addr_t pa = 0;

	guard(mutex)(&mem->lock);
	if (++mem->nr_alloc_calls >= mem->fail_at && mem->fail_at &&
	    mem->nr_alloc_calls - mem->fail_at < max(mem->nr_fail, 1UL))
		return 0;
	if ((order && mem->no_blocks) || order >= MAX_PAGE_ORDER)
		return 0;
	xa_for_each(&mem->chunks, idx, c) {
		pa = test_chunk_take(c, order);
		if (pa)
			break;
	}
	if (!pa) {
		c = kzalloc(sizeof(*c), GFP_KERNEL);
		if (!c)
			return 0;
		c->page = alloc_pages(GFP_KERNEL, MAX_PAGE_ORDER);
		if (!c->page || xa_insert(&mem->chunks, mem->nr_chunks, c,
					  GFP_KERNEL)) {
			if (c->page)
				__free_pages(c->page, MAX_PAGE_ORDER);
			kfree(c);
			return 0;
		}
		idx = mem->nr_chunks++;
		pa = test_chunk_take(c, order);
	}
	memset(phys_to_virt(pa), 0, PAGE_SIZE << order);
	for (i = 0; i < (1UL << order); i++)
		xa_store(&mem->pages, PHYS_PFN(pa) + i, xa_mk_value(idx + 1),
			 GFP_KERNEL);
	mem->allocs += 1UL << order;
	return pa;
}

static void test_mem_free(void *priv, phys_addr_t pa)
{
	struct rmi_test_mem *mem = priv;
	struct test_chunk *c;
	void *e;

	guard(mutex)(&mem->lock);
	e = xa_load(&mem->pages, PHYS_PFN(pa));
	if (!e) {
		mem->bad_frees++;
		return;
	}
	if (mem->model && rmi_model_granule(mem->model, pa) != RMI_MODEL_NS) {
		/* Keep it: the page allocator must never see it. */
		mem->delegated_frees++;
		return;
	}
	c = xa_load(&mem->chunks, xa_to_value(e) - 1);
	xa_erase(&mem->pages, PHYS_PFN(pa));
	mem->frees++;
	clear_bit(PHYS_PFN(pa) - page_to_pfn(c->page), c->used);
}

static void test_mem_release(void *data)
{
	struct rmi_test_mem *mem = data;
	struct test_chunk *c;
	unsigned long i;

	/* Leaked granules: the model is gone, the memory is the kernel's. */
	xa_for_each(&mem->chunks, i, c) {
		__free_pages(c->page, MAX_PAGE_ORDER);
		kfree(c);
	}
	xa_destroy(&mem->chunks);
	xa_destroy(&mem->pages);
}

/**
 * rmi_test_mem_init() - a counting allocator for one test
 * @test: the test; remaining pages are freed when it ends
 * @model: the model, asked about each granule freed (may be NULL)
 *
 * Return: the allocator; pass &mem->ops to the library.
 */
struct rmi_test_mem *rmi_test_mem_init(struct kunit *test,
				       struct rmi_model *model)
{
	struct rmi_test_mem *mem = kunit_kzalloc(test, sizeof(*mem), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, mem);
	mem->test = test;
	mem->model = model;
	mem->ops.alloc = test_mem_alloc;
	mem->ops.free = test_mem_free;
	mem->ops.priv = mem;
	mutex_init(&mem->lock);
	xa_init(&mem->chunks);
	xa_init(&mem->pages);
	/* Registered after the model's: runs before the model is freed. */
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, test_mem_release, mem));
	return mem;
}
EXPORT_SYMBOL_GPL(rmi_test_mem_init);

/**
 * rmi_test_release() - free a model and an allocator before the test ends
 * @test: the test
 * @m: the model
 * @mem: the allocator; its pages still out are freed
 */
void rmi_test_release(struct kunit *test, struct rmi_model *m,
		      struct rmi_test_mem *mem)
{
	kunit_release_action(test, test_mem_release, mem);
	kunit_release_action(test, rmi_model_free, m);
}
EXPORT_SYMBOL_GPL(rmi_test_release);

/**
 * rmi_test_mem_outstanding() - granules allocated and not freed
 * @mem: the allocator
 *
 * Return: their number.
 */
unsigned long rmi_test_mem_outstanding(const struct rmi_test_mem *mem)
{
	return mem->allocs - mem->frees;
}
EXPORT_SYMBOL_GPL(rmi_test_mem_outstanding);

/**
 * rmi_test_mem_ns() - granules allocated and not freed that are Non-secure
 * @mem: the allocator, with a model
 *
 * Return: how many of the granules still out the model sees as NS.
 */
unsigned long rmi_test_mem_ns(struct rmi_test_mem *mem)
{
	unsigned long pfn, n = 0;
	void *e;

	xa_for_each(&mem->pages, pfn, e)
		n += rmi_model_granule(mem->model, PFN_PHYS(pfn)) == RMI_MODEL_NS;
	return n;
}
EXPORT_SYMBOL_GPL(rmi_test_mem_ns);

/**
 * rmi_test_lifecycle() - a whole Realm lifecycle, as KVM would run it
 * @test: the test
 * @mem: where the Realm's granules come from
 * @lc: receives what happened
 *
 * rmi_init(), a Realm with two starting RTTs, RTTs, RIPAS, measured
 * data, RAM mapped by lists and by a single descriptor, three RECs,
 * activation, one entry into each REC, and teardown.  Stops at the first
 * failure, then tears down what was made.
 *
 * Return: the first failure, or 0.
 */
long rmi_test_lifecycle(struct kunit *test, struct rmi_test_mem *mem,
			struct rmi_test_lc *lc)
{
	struct cca_realm_config cfg = {
		.s2sz = 40, .rtt_level_start = 1, .sve = true, .sve_vl = 1,
		.num_bps = 1, .num_wps = 1, .hash_algo = RMI_HASH_SHA_256,
		.max_recs = RMI_TEST_RECS,
	};
	struct cca_rec_config rc = { .pc = 0x80000, .runnable = true };
	struct cca_realm *realm = &lc->realm;
	phys_addr_t src = 0;
	unsigned int i;
	long err, err2;

	memset(lc, 0, sizeof(*lc));
	rmi_test_reset();
	err = rmi_init();
	if (err)
		return err;
	lc->init_done = true;
	err = cca_realm_create(realm, &cfg, &mem->ops);
	if (err)
		return err;
	lc->created = true;
	err = cca_realm_create_rtts(realm, 0, 3);
	if (!err)
		err = cca_realm_create_rtts(realm, SZ_2M, 3);
	if (!err)
		err = cca_realm_init_ripas(realm, 0, 8 * PAGE_SIZE);
	if (err)
		goto teardown;
	src = mem->ops.alloc(mem, 0);
	if (!src) {
		err = -ENOMEM;
		goto teardown;
	}
	memset(phys_to_virt(src), 0x5a, PAGE_SIZE);
	for (i = 0; i < 2 && !err; i++)
		err = cca_realm_populate(realm, i * PAGE_SIZE, src, true);
	if (!err)
		err = cca_realm_map_ram(realm, 2 * PAGE_SIZE, 7 * PAGE_SIZE);
	if (!err)
		err = cca_realm_map_ram(realm, SZ_2M - 2 * PAGE_SIZE, SZ_2M + 3 * PAGE_SIZE);
	if (!err)
		err = cca_realm_map_ram(realm, SZ_2M + SZ_1M, SZ_2M + SZ_1M + PAGE_SIZE);
	for (i = 0; i < RMI_TEST_RECS && !err; i++) {
		rc.mpidr = i;
		rc.gprs[0] = i;
		err = cca_rec_create(realm, &rc, &lc->recs[i]);
	}
	if (!err)
		err = cca_realm_activate(realm);
	for (i = 0; i < RMI_TEST_RECS && !err; i++)
		err = rmi_test_host_calls(&lc->recs[i], 100 + i, &lc->exits_ok);
	if (!err)
		lc->ran = true;
teardown:
	if (src)
		mem->ops.free(mem, src);
	err2 = cca_realm_destroy(realm);
	lc->destroy_err = err2;
	return err ?: err2;
}
EXPORT_SYMBOL_GPL(rmi_test_lifecycle);

/**
 * rmi_test_enter() - enter a REC until the RMM is not busy
 * @rec: the REC
 *
 * Return: what cca_rec_enter() returned last.
 */
long rmi_test_enter(struct cca_rec *rec)
{
	unsigned int tries = 0;
	long err;

	do {
		err = cca_rec_enter(rec);
	} while (err == -EAGAIN && ++tries < RMI_MAX_RETRIES);
	return err;
}
EXPORT_SYMBOL_GPL(rmi_test_enter);

/**
 * rmi_test_host_calls() - two entries of a REC the model answers with host
 *	calls, the second carrying the results of the first
 * @rec: a REC of an active Realm, the model running no program
 * @value: the result the first host call gets in X0
 * @ok: incremented if the second exit is the host call the model makes
 *	with that result: immediate the REC's index, X0 @value + 1
 *
 * Return: 0, or the first error.
 */
long rmi_test_host_calls(struct cca_rec *rec, u64 value, unsigned int *ok)
{
	struct cca_exit exit;
	long err;
	int r;

	err = rmi_test_enter(rec);
	if (err)
		return err;
	r = cca_rec_handle_exit(rec, &exit);
	if (r < 0)
		return r;
	if (r || exit.reason != CCA_EXIT_HOST_CALL)
		return -EPROTO;
	cca_rec_host_call_complete(rec, &value, 1);
	err = rmi_test_enter(rec);
	if (err)
		return err;
	r = cca_rec_handle_exit(rec, &exit);
	if (r < 0)
		return r;
	if (!r && exit.reason == CCA_EXIT_HOST_CALL &&
	    exit.host_call.imm == rec->index &&
	    exit.host_call.gprs[0] == value + 1)
		(*ok)++;
	return 0;
}
EXPORT_SYMBOL_GPL(rmi_test_host_calls);

/* One check of the books: reported if it fails. */
static bool books_check(struct kunit *test, bool cond, const char *what)
{
	KUNIT_EXPECT_TRUE_MSG(test, cond, "books: %s", what);
	return cond;
}

/**
 * rmi_test_books() - check that every granule is accounted for
 * @test: the test
 * @m: the model
 * @mem: the allocator
 * @leaked_before: rmi_leaked_granules() when the test started
 *
 * What the model holds (beside its own pool) is what the library leaked;
 * what the allocator has out is what was leaked; nothing was freed twice
 * and no delegated granule was freed.
 *
 * Return: whether every check passed (each failed one is reported).
 */
bool rmi_test_books(struct kunit *test, struct rmi_model *m,
		    struct rmi_test_mem *mem, unsigned long leaked_before)
{
	return rmi_test_books_ops(test, m, mem, leaked_before, true);
}
EXPORT_SYMBOL_GPL(rmi_test_books);

/**
 * rmi_test_books_ops() - rmi_test_books(), the operations checked or not
 * @test: the test
 * @m: the model
 * @mem: the allocator
 * @leaked_before: rmi_leaked_granules() when the test started
 * @ops: check that every operation the model holds is one the library
 *	 counted given up; not when the model lied about a handle
 *
 * Return: whether every check passed.
 */
bool rmi_test_books_ops(struct kunit *test, struct rmi_model *m,
			struct rmi_test_mem *mem, unsigned long leaked_before,
			bool ops)
{
	unsigned long leaked = rmi_leaked_granules() - leaked_before;
	unsigned long ns = rmi_test_mem_ns(mem);
	unsigned long pending = rmi_model_pending_ops(m);
	unsigned long abandoned = rmi_abandoned_ops() - m->abandoned_base;
	unsigned long held = rmi_model_owned(m) - rmi_model_pool(m);
	bool ok = true;

	ok &= books_check(test, !mem->bad_frees, "no double free");
	ok &= books_check(test, !mem->delegated_frees,
			  "no delegated granule freed");
	ok &= books_check(test, rmi_test_mem_outstanding(mem) == leaked,
			  "granules out == leaked");
	/*
	 * What the RMM holds is what was leaked, but for the RmiRecRun page
	 * of a REC the RMM refused to destroy: Non-secure, kept too.  Once
	 * the RMM is not trusted, every page it was ever given is kept.
	 */
	ok &= books_check(test, held + ns == leaked,
			  "held by the RMM + NS kept == leaked");
	if (rmi_rmm_trusted())
		ok &= books_check(test, ns <= RMI_TEST_RECS,
				  "NS kept <= RMI_TEST_RECS");
	/*
	 * Every operation ended, or the library says it gave it up; once
	 * the RMM is not trusted, no operation is carried on or counted.
	 */
	if (ops && rmi_rmm_trusted())
		ok &= books_check(test, pending == abandoned,
				  "pending operations == given up");
	if (!ok)
		kunit_info(test, "books: leaked %lu, out %lu (%lu NS), RMM holds %lu, bad frees %lu, delegated frees %lu, pending ops %lu, abandoned %lu\n",
			   leaked, rmi_test_mem_outstanding(mem), ns, held,
			   mem->bad_frees, mem->delegated_frees, pending,
			   abandoned);
	return ok;
}
EXPORT_SYMBOL_GPL(rmi_test_books_ops);

/* The VMM's decisions of rmi_test_realm_start()'s Realms. */
static bool test_ripas_change(struct cca_realm *realm, unsigned long base,
			      unsigned long top)
{
	struct rmi_test_realm *t = container_of(realm, struct rmi_test_realm, realm);

	t->ripas_asks++;
	return !t->reject_ram;
}

static phys_addr_t test_share(struct cca_realm *realm, unsigned long ipa)
{
	struct rmi_test_realm *t = container_of(realm, struct rmi_test_realm, realm);
	unsigned long i = (ipa - t->shared_base) >> PAGE_SHIFT;

	if (ipa < t->shared_base || i >= RMI_TEST_SHARED)
		return 0;
	t->shares++;
	return t->shared[i];
}

static void test_unshare(struct cca_realm *realm, unsigned long ipa,
			 phys_addr_t pa)
{
	struct rmi_test_realm *t = container_of(realm, struct rmi_test_realm, realm);

	t->unshares++;
}

static const struct cca_realm_ops test_realm_ops = {
	.ripas_change = test_ripas_change,
	.share = test_share,
	.unshare = test_unshare,
};

/**
 * rmi_test_realm_start() - an active Realm of the model, RAM declared only
 * @test: the test
 * @t: the Realm, zeroed; its model and allocator are set up here
 * @cfg: the model's configuration
 * @ram: RAM of the Realm, [0, @ram), declared with RTT_INIT_RIPAS alone
 * @nr_recs: RECs, at most RMI_TEST_MAX_RECS, with MPIDRs 0 up
 * @all_on: every REC runnable (else REC 0 only)
 * @fault_order: cca_realm_config.fault_order
 *
 * The unprotected window the VMM shares pages in starts at the bottom of
 * the unprotected half.
 *
 * Return: 0, or the first failure.
 */
long rmi_test_realm_start(struct kunit *test, struct rmi_test_realm *t,
			  const struct rmi_model_config *cfg,
			  unsigned long ram, unsigned int nr_recs, bool all_on,
			  unsigned int fault_order)
{
	struct cca_realm_config rcfg = {
		.s2sz = 40, .rtt_level_start = 1, .hash_algo = RMI_HASH_SHA_256,
		.num_bps = 1, .num_wps = 1, .max_recs = nr_recs,
		.ops = &test_realm_ops, .fault_order = fault_order,
	};
	struct cca_rec_config rc = { };
	unsigned int i;
	long err;

	t->m = rmi_model_install(test, cfg);
	t->mem = rmi_test_mem_init(test, t->m);
	t->ram = ram;
	t->nr_recs = nr_recs;
	t->shared_base = BIT_ULL(rcfg.s2sz - 1);
	for (i = 0; i < RMI_TEST_SHARED; i++) {
		t->shared[i] = t->mem->ops.alloc(t->mem, 0);
		if (!t->shared[i])
			return -ENOMEM;
	}
	err = rmi_init() ?: cca_realm_create(&t->realm, &rcfg, &t->mem->ops);
	if (err)
		return err;
	err = cca_realm_init_ripas(&t->realm, 0, ram);
	for (i = 0; i < nr_recs && !err; i++) {
		rc.mpidr = FIELD_PREP(REC_MPIDR_AFF0_MASK, i % 16) |
			   FIELD_PREP(REC_MPIDR_AFF1_MASK, i / 16);
		rc.runnable = all_on || !i;
		err = cca_rec_create(&t->realm, &rc, &t->recs[i]);
	}
	return err ?: cca_realm_activate(&t->realm);
}
EXPORT_SYMBOL_GPL(rmi_test_realm_start);

/**
 * rmi_test_realm_end() - destroy a Realm of rmi_test_realm_start()
 * @t: the Realm
 *
 * The pages the VMM shared go back to the allocator, unless still
 * mapped in the Realm as the model sees it.
 *
 * Return: what cca_realm_destroy() returned.
 */
long rmi_test_realm_end(struct rmi_test_realm *t)
{
	long err = cca_realm_destroy(&t->realm);
	unsigned int i;

	for (i = 0; i < RMI_TEST_SHARED; i++)
		if (t->shared[i])
			t->mem->ops.free(t->mem, t->shared[i]);
	return err;
}
EXPORT_SYMBOL_GPL(rmi_test_realm_end);

/**
 * rmi_test_step() - enter REC @i once, and handle its exit
 * @t: the Realm
 * @i: the REC
 * @exit: what the VMM must do
 *
 * Return: as cca_rec_handle_exit(), or the error of cca_rec_enter().
 */
int rmi_test_step(struct rmi_test_realm *t, unsigned int i,
		  struct cca_exit *exit)
{
	long err = rmi_test_enter(&t->recs[i]);

	if (err)
		return err > 0 ? -EIO : err;
	return cca_rec_handle_exit(&t->recs[i], exit);
}
EXPORT_SYMBOL_GPL(rmi_test_step);

MODULE_DESCRIPTION("Model of the Arm CCA RMM for the RMI library's KUnit tests");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
