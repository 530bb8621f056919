// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_diff: the model of the RMM (rmi_model.c) against the
 * real RMM, command by command.
 *
 * Each case is a sequence of commands, many deliberately invalid (wrong
 * granule state, wrong level, unaligned or out-of-range addresses, objects
 * in use, commands after activation, RECs in the wrong MPIDR order, live
 * RTTs and Realms with RECs destroyed), with the library doing the set-up
 * (Realm, RECs, teardown).  It runs twice with the same page addresses:
 * on the real RMM (skipped, with the reason, where there is none), then on
 * a freshly installed model given the real RMM's feature registers.  Every
 * command issued by the sequence and every library call's result is
 * logged; the two logs must be the same: function ID, status and index,
 * call by call.  A difference either was fixed in the model or is listed
 * in rmi_diff_known[] (and Documentation/arch/arm64/rmi-kunit.rst) with
 * its reason: the answer of TF-RMM's 2.0 (2.0-bet1) stack and the model's
 * are both checked.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/string.h>

#include <asm/rmi.h>

#include "rmi_lib.h"
#include "rmi_model.h"
#include "rmi_real_lib.h"

/* Pages of a case: the first RAW_PAGES for the sequence, then the library's. */
#define DIFF_ORDER	8
#define DIFF_PAGES	BIT(DIFF_ORDER)
#define RAW_PAGES	8
#define DIFF_LOG	64
/* SMCs of a real run kept for a failure's report. */
#define DIFF_SMCS	512
/* A library call in the log. */
#define DIFF_LIB	(~0UL)

struct diff_entry {
	unsigned long fid;
	unsigned long ret;
	int line;
	const char *tag;
};

struct diff_ctx {
	struct rmi_mem_ops ops;
	phys_addr_t pool;
	unsigned int next;
	struct cca_realm realm;
	struct cca_rec rec;
	unsigned int n;
	struct diff_entry log[DIFF_LOG];
};

/* The pool: the same addresses in both runs. */
static phys_addr_t diff_alloc(void *priv, unsigned int order)
{
	struct diff_ctx *c = priv;
	unsigned int n = 1U << order;
	phys_addr_t pa;

	c->next = ALIGN(c->next, n);
	if (c->next + n > DIFF_PAGES)
		return 0;
	pa = c->pool + (phys_addr_t)c->next * PAGE_SIZE;
	c->next += n;
	memset(phys_to_virt(pa), 0, n * PAGE_SIZE);
	return pa;
}

static void diff_free(void *priv, phys_addr_t pa)
{
}

static phys_addr_t P(struct diff_ctx *c, unsigned int i)
{
	return c->pool + (phys_addr_t)i * PAGE_SIZE;
}

/* Issue a command through the library's seam, and log its answer. */
static unsigned long diff_call_line(struct diff_ctx *c, int line,
				    unsigned long fid, unsigned long a1,
				    unsigned long a2, unsigned long a3,
				    unsigned long a4)
{
	struct arm_smccc_1_2_regs regs = {
		.a0 = fid, .a1 = a1, .a2 = a2, .a3 = a3, .a4 = a4,
	};

	rmi_smccc_call(&regs, &regs);
	if (c->n < DIFF_LOG)
		c->log[c->n++] = (struct diff_entry){ fid, regs.a0, line };
	return regs.a0;
}

#define D(c, fid, ...)	diff_call_line(c, __LINE__, SMC_RMI_##fid, __VA_ARGS__)
#define D0(c, fid)	diff_call_line(c, __LINE__, SMC_RMI_##fid, 0, 0, 0, 0)

/*
 * A command that may start an operation: if it answers RMI_INCOMPLETE,
 * the library carries the operation on to its end (TF-RMM cannot cancel
 * REC_CREATE's).  Two entries: the first answer, then the command's
 * final status (rmi_op_complete(): the status, index dropped).
 */
static unsigned long diff_op_line(struct diff_ctx *c, int line,
				  const char *tag, unsigned long fid,
				  unsigned long a1, unsigned long a2,
				  unsigned long a3, unsigned long a4,
				  unsigned long a5)
{
	struct arm_smccc_1_2_regs regs = {
		.a0 = fid, .a1 = a1, .a2 = a2, .a3 = a3, .a4 = a4, .a5 = a5,
	};
	struct rmi_op op;
	long final;

	rmi_smccc_call(&regs, &regs);
	if (c->n < DIFF_LOG)
		c->log[c->n++] = (struct diff_entry){ fid, regs.a0, line, tag };
	op.handle = regs.a1;
	op.donate_req = regs.a2;
	final = rmi_op_complete(regs.a0, &op, &c->ops, 0, NULL);
	if (c->n < DIFF_LOG)
		c->log[c->n++] = (struct diff_entry){ DIFF_LIB, final, line };
	return final;
}

#define DOP(c, fid, a1, a2, a3) \
	diff_op_line(c, __LINE__, NULL, SMC_RMI_##fid, a1, a2, a3, 0, 0)
/* The same, named for rmi_diff_known[]. */
#define DOPT(c, tag, fid, a1, a2, a3) \
	diff_op_line(c, __LINE__, tag, SMC_RMI_##fid, a1, a2, a3, 0, 0)
/* Five arguments: the map and unmap commands. */
#define DOP5(c, fid, a1, a2, a3, a4, a5) \
	diff_op_line(c, __LINE__, NULL, SMC_RMI_##fid, a1, a2, a3, a4, a5)

static long diff_lib_line(struct diff_ctx *c, int line, long ret)
{
	if (c->n < DIFF_LOG)
		c->log[c->n++] = (struct diff_entry){ DIFF_LIB, ret, line };
	return ret;
}

#define L(c, ret)	diff_lib_line(c, __LINE__, ret)

static void diff_params(struct diff_ctx *c, struct realm_params *p,
			phys_addr_t rtt)
{
	memset(p, 0, sizeof(*p));
	p->s2sz = RMI_REAL_S2SZ;
	p->num_bps = 1;
	p->num_wps = 1;
	p->hash_algo = RMI_HASH_SHA_256;
	p->rtt_base = rtt;
	p->rtt_level_start = RMI_REAL_LEVEL_START;
	p->rtt_num_start = 1;
}

static long diff_realm(struct diff_ctx *c, unsigned int max_recs)
{
	struct cca_realm_config cfg = {
		.s2sz = RMI_REAL_S2SZ, .rtt_level_start = RMI_REAL_LEVEL_START,
		.hash_algo = RMI_HASH_SHA_256, .num_bps = 1, .num_wps = 1,
		.max_recs = max_recs,
	};

	return L(c, cca_realm_create(&c->realm, &cfg, &c->ops));
}

/* Delegate or undelegate raw page @i, logged at the caller's line. */
static void diff_range(struct diff_ctx *c, int line, unsigned long fid,
		       unsigned int i)
{
	diff_call_line(c, line, fid, P(c, i), P(c, i) + PAGE_SIZE, 0, 0);
}

#define DELEGATE(c, i)	 diff_range(c, __LINE__, SMC_RMI_GRANULE_RANGE_DELEGATE, i)
#define UNDELEGATE(c, i) diff_range(c, __LINE__, SMC_RMI_GRANULE_RANGE_UNDELEGATE, i)

/* The one-way set-up commands, once the RMM is active. */
static void seq_activated(struct diff_ctx *c)
{
	struct rmm_config *cfg = phys_to_virt(P(c, 0));

	D(c, RMM_CONFIG_GET, P(c, 0), 0, 0, 0);
	cfg->rmi_granule_size = RMI_GRANULE_SIZE_4KB;
	cfg->tracking_region_size = 0;
	D(c, RMM_CONFIG_SET, P(c, 0), 0, 0, 0);
	D0(c, RMM_ACTIVATE);
	D(c, RMM_CONFIG_GET, P(c, 0) + 8, 0, 0, 0);
}

/* Delegation: alignment, empty ranges, granules in the wrong state. */
static void seq_granule(struct diff_ctx *c)
{
	D(c, GRANULE_RANGE_DELEGATE, P(c, 0) + 8, P(c, 1), 0, 0);
	D(c, GRANULE_RANGE_DELEGATE, P(c, 0), P(c, 0), 0, 0);
	D(c, GRANULE_RANGE_DELEGATE, P(c, 1), P(c, 0), 0, 0);
	DELEGATE(c, 0);
	DELEGATE(c, 0);
	UNDELEGATE(c, 1);
	D(c, GRANULE_RANGE_UNDELEGATE, P(c, 0) + 8, P(c, 1), 0, 0);
	UNDELEGATE(c, 0);
	UNDELEGATE(c, 0);
}

/* REALM_CREATE refused: RD not delegated, bad parameters. */
static void seq_realm_create(struct diff_ctx *c)
{
	struct realm_params *p = phys_to_virt(P(c, 0));
	phys_addr_t rd = P(c, 1), rtt = P(c, 2);

	diff_params(c, p, rtt);
	DOP(c, REALM_CREATE, rd, P(c, 0), 0);
	DELEGATE(c, 1);
	DELEGATE(c, 2);
	DOP(c, REALM_CREATE, rd, P(c, 0) + 8, 0);
	DOP(c, REALM_CREATE, rd, rd, 0);
	p->s2sz = 60;
	DOP(c, REALM_CREATE, rd, P(c, 0), 0);
	diff_params(c, p, rtt);
	p->rtt_level_start = 0;
	DOP(c, REALM_CREATE, rd, P(c, 0), 0);
	diff_params(c, p, rtt);
	p->rtt_num_start = 2;
	DOP(c, REALM_CREATE, rd, P(c, 0), 0);
	diff_params(c, p, rtt);
	p->hash_algo = 7;
	DOP(c, REALM_CREATE, rd, P(c, 0), 0);
	diff_params(c, p, rd);
	DOP(c, REALM_CREATE, rd, P(c, 0), 0);
	diff_params(c, p, P(c, 3));
	DOP(c, REALM_CREATE, rd, P(c, 0), 0);
	UNDELEGATE(c, 1);
	UNDELEGATE(c, 2);
}

/* RTTs: wrong state, level, alignment, range; live RTTs; RIPAS. */
static void seq_rtt(struct diff_ctx *c)
{
	unsigned long rd, big = 1UL << RMI_REAL_S2SZ;

	if (diff_realm(c, 1))
		return;
	rd = c->realm.rd;
	D(c, RTT_CREATE, rd, P(c, 0), 0, 2);
	DELEGATE(c, 0);
	DELEGATE(c, 1);
	D(c, RTT_CREATE, rd, P(c, 0), 0, 3);
	D(c, RTT_CREATE, rd, P(c, 0), 0, 1);
	D(c, RTT_CREATE, rd, P(c, 0), PAGE_SIZE, 2);
	D(c, RTT_CREATE, rd, P(c, 0), big, 2);
	D(c, RTT_CREATE, rd, P(c, 0), 0, 4);
	D(c, RTT_CREATE, P(c, 1), P(c, 0), 0, 2);
	D(c, RTT_READ_ENTRY, rd, 0, 4, 0);
	D(c, RTT_READ_ENTRY, rd, big, 3, 0);
	D(c, RTT_READ_ENTRY, rd, PAGE_SIZE, 2, 0);
	D(c, RTT_READ_ENTRY, rd, 0, 3, 0);
	D(c, RTT_INIT_RIPAS, rd, 0, PAGE_SIZE, 0);
	D(c, RTT_CREATE, rd, P(c, 0), 0, 2);
	D(c, RTT_CREATE, rd, P(c, 0), 0, 2);
	D(c, RTT_CREATE, rd, P(c, 1), 0, 2);
	D(c, RTT_CREATE, rd, P(c, 1), 0, 3);
	D(c, RTT_DESTROY, rd, 0, 2, 0);
	D(c, GRANULE_RANGE_UNDELEGATE, P(c, 0), P(c, 0) + PAGE_SIZE, 0, 0);
	D(c, RTT_INIT_RIPAS, rd, 0, PAGE_SIZE + 8, 0);
	D(c, RTT_INIT_RIPAS, rd, 0, 2 * PAGE_SIZE, 0);
	D(c, RTT_INIT_RIPAS, rd, 0, PAGE_SIZE, 0);
	D(c, RTT_READ_ENTRY, rd, 0, 3, 0);
	D(c, RTT_DESTROY, rd, 0, 3, 0);
	D(c, RTT_DESTROY, rd, 0, 3, 0);
	D(c, RTT_DESTROY, rd, 0, 2, 0);
	D(c, RTT_DESTROY, rd, 0, 2, 0);
	D(c, RTT_DESTROY, rd, 0, 1, 0);
	UNDELEGATE(c, 0);
	UNDELEGATE(c, 1);
	L(c, cca_realm_destroy(&c->realm));
}

/* RECs: MPIDR order, granule state; a Realm with a REC; activation. */
static void seq_rec(struct diff_ctx *c)
{
	struct rec_params *p = phys_to_virt(P(c, 2));
	struct cca_rec_config rc = { .runnable = true };
	unsigned long rd;

	if (diff_realm(c, 2))
		return;
	rd = c->realm.rd;
	DELEGATE(c, 0);
	memset(p, 0, sizeof(*p));
	p->mpidr = 1;
	p->flags = FIELD_PREP(REC_PARAMS_FLAG_RUNNABLE_MASK, RMI_RUNNABLE);
	DOPT(c, "rec_mpidr_order", REC_CREATE, rd, P(c, 0), P(c, 2));
	p->mpidr = 0;
	DOP(c, REC_CREATE, rd, P(c, 1), P(c, 2));
	DOPT(c, "rec_rd_not_rd", REC_CREATE, P(c, 0), P(c, 0), P(c, 2));
	DOP(c, REC_CREATE, rd, rd, P(c, 2));
	if (L(c, cca_rec_create(&c->realm, &rc, &c->rec)))
		goto out;
	DOPT(c, "rec_mpidr_taken", REC_CREATE, rd, P(c, 0), P(c, 2));
	DOP(c, REALM_DESTROY, rd, 0, 0);
	D(c, REC_ENTER, c->rec.rec, c->rec.run_pa, 0, 0);
	DOP(c, REC_DESTROY, rd, 0, 0);
	D(c, GRANULE_RANGE_UNDELEGATE, rd, rd + PAGE_SIZE, 0, 0);
	D(c, GRANULE_RANGE_UNDELEGATE, c->rec.rec, c->rec.rec + PAGE_SIZE, 0, 0);
	D(c, REALM_ACTIVATE, P(c, 0), 0, 0, 0);
	L(c, cca_realm_activate(&c->realm));
	D(c, REALM_ACTIVATE, rd, 0, 0, 0);
	p->mpidr = 1;
	DOPT(c, "rec_realm_active", REC_CREATE, rd, P(c, 0), P(c, 2));
	D(c, RTT_INIT_RIPAS, rd, 0, PAGE_SIZE, 0);
	D(c, RTT_CREATE, rd, P(c, 0), 0, 2);
	D(c, RTT_DESTROY, rd, 0, 2, 0);
	UNDELEGATE(c, 0);
out:
	L(c, cca_realm_destroy(&c->realm));
	UNDELEGATE(c, 0);
}

/* One delegated granule, as an address range descriptor. */
static unsigned long diff_desc1(phys_addr_t pa)
{
	return FIELD_PREP(RMI_ADDR_RANGE_COUNT_MASK, 1) | pa |
	       FIELD_PREP(RMI_ADDR_RANGE_STATE_MASK, RMI_OP_MEM_DELEGATED);
}

/*
 * Data: RTT_DATA_MAP by SINGLE and LIST descriptors, refused (granule not
 * delegated, unaligned or empty range, no RTT, entry not unassigned) and
 * done; RTT_DATA_UNMAP, of what is mapped and of what is not.
 */
static void seq_data(struct diff_ctx *c)
{
	unsigned long single, two, unmap, rd;
	u64 *list = phys_to_virt(P(c, 4));

	if (diff_realm(c, 1))
		return;
	rd = c->realm.rd;
	if (L(c, cca_realm_create_rtts(&c->realm, 0, RMI_RTT_MAX_LEVEL)) ||
	    L(c, cca_realm_init_ripas(&c->realm, 0, 2 * PAGE_SIZE)))
		goto out;
	single = FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK,
			    RMI_ADDR_TYPE_SINGLE);
	two = FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK, RMI_ADDR_TYPE_LIST) |
	      FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_LIST_COUNT_MASK, 2);
	unmap = FIELD_PREP(RMI_RTT_UNMAP_FLAGS_OADDR_TYPE_MASK, RMI_ADDR_TYPE_LIST) |
		FIELD_PREP(RMI_RTT_UNMAP_FLAGS_LIST_COUNT_MASK, 8);
	DELEGATE(c, 0);
	DELEGATE(c, 1);
	DOP5(c, RTT_DATA_MAP, rd, 0, PAGE_SIZE, single, diff_desc1(P(c, 2)));
	DOP5(c, RTT_DATA_MAP, rd, 8, PAGE_SIZE, single, diff_desc1(P(c, 0)));
	DOP5(c, RTT_DATA_MAP, rd, PAGE_SIZE, PAGE_SIZE, single, diff_desc1(P(c, 0)));
	DOP5(c, RTT_DATA_MAP, rd, SZ_2M, SZ_2M + PAGE_SIZE, single,
	     diff_desc1(P(c, 0)));
	DOP5(c, RTT_DATA_MAP, rd, 0, PAGE_SIZE, single, diff_desc1(P(c, 0)));
	DOP5(c, RTT_DATA_MAP, rd, 0, PAGE_SIZE, single, diff_desc1(P(c, 1)));
	D(c, RTT_READ_ENTRY, rd, 0, RMI_RTT_MAX_LEVEL, 0);
	/* Mapped: not undelegated. */
	UNDELEGATE(c, 0);
	DOP5(c, RTT_DATA_UNMAP, rd, 0, PAGE_SIZE, unmap, P(c, 5));
	DOP5(c, RTT_DATA_UNMAP, rd, 0, PAGE_SIZE, unmap, P(c, 5));
	D(c, RTT_READ_ENTRY, rd, 0, RMI_RTT_MAX_LEVEL, 0);
	/* Two granules by a list: RIPAS RAM, then EMPTY. */
	list[0] = diff_desc1(P(c, 0));
	list[1] = diff_desc1(P(c, 1));
	DOP5(c, RTT_DATA_MAP, rd, PAGE_SIZE, 3 * PAGE_SIZE, two, P(c, 4));
	DOP5(c, RTT_DATA_UNMAP, rd, 0, 4 * PAGE_SIZE, unmap, P(c, 5));
	UNDELEGATE(c, 0);
	UNDELEGATE(c, 1);
out:
	L(c, cca_realm_destroy(&c->realm));
}

struct diff_seq {
	const char *name;
	void (*run)(struct diff_ctx *c);
};

static const struct diff_seq diff_seqs[] = {
	{ "activated", seq_activated },
	{ "granule", seq_granule },
	{ "realm_create", seq_realm_create },
	{ "rtt", seq_rtt },
	{ "rec", seq_rec },
	{ "data", seq_data },
};

static void diff_desc(const struct diff_seq *s, char *desc)
{
	strscpy(desc, s->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(diff, diff_seqs, diff_desc);

/**
 * struct diff_known - a known difference of TF-RMM's 2.0 from the model
 * @tag: the call's name (DOPT())
 * @real: TF-RMM's answer (status and index)
 * @model: the model's answer
 * @why: the reason
 */
struct diff_known {
	const char *tag;
	unsigned long real;
	unsigned long model;
	const char *why;
};

static const struct diff_known diff_known[] = {
	/*
	 * REC_CREATE with an MPIDR out of order: 1.0-rel0 B4.3.12
	 * mpidr_index fails the command with RMI_ERROR_INPUT, and so does
	 * the model.  TF-RMM's 2.0 checks the MPIDR only in the
	 * continuation, after the REC's auxiliary granules are donated: it
	 * answers RMI_INCOMPLETE with a donate request (an operation it does
	 * not let the host cancel), and the operation ends in
	 * RMI_ERROR_INPUT, the granules given back (the next entry, the
	 * final status, is the same for both).
	 */
	{ "rec_mpidr_order", RMI_INCOMPLETE | RMI_OP_MEM_REQ_DONATE *
	  (RMI_RETURN_MEMREQ_MASK & -RMI_RETURN_MEMREQ_MASK),
	  RMI_ERROR_INPUT,
	  "TF-RMM checks REC_CREATE's MPIDR after the donation" },
	/* The same with an RD that is not one: checked after the donation. */
	{ "rec_rd_not_rd", RMI_INCOMPLETE | RMI_OP_MEM_REQ_DONATE *
	  (RMI_RETURN_MEMREQ_MASK & -RMI_RETURN_MEMREQ_MASK),
	  RMI_ERROR_INPUT,
	  "TF-RMM checks REC_CREATE's RD after the donation" },
	/* The MPIDR of a REC that exists: the same. */
	{ "rec_mpidr_taken", RMI_INCOMPLETE | RMI_OP_MEM_REQ_DONATE *
	  (RMI_RETURN_MEMREQ_MASK & -RMI_RETURN_MEMREQ_MASK),
	  RMI_ERROR_INPUT,
	  "TF-RMM checks REC_CREATE's MPIDR after the donation" },
	/* A Realm no longer NEW: RMI_ERROR_REALM, after the donation. */
	{ "rec_realm_active", RMI_INCOMPLETE | RMI_OP_MEM_REQ_DONATE *
	  (RMI_RETURN_MEMREQ_MASK & -RMI_RETURN_MEMREQ_MASK),
	  RMI_ERROR_REALM,
	  "TF-RMM checks the Realm's state in REC_CREATE after the donation" },
	{ }
};

static const struct diff_known *diff_find_known(const char *tag)
{
	const struct diff_known *k;

	for (k = diff_known; tag && k->tag; k++)
		if (!strcmp(k->tag, tag))
			return k;
	return NULL;
}

static const char *rmi_diff_why;

static int rmi_diff_suite_init(struct kunit_suite *suite)
{
	rmi_diff_why = rmi_real_lib_why();
	return 0;
}

static void diff_dump(struct kunit *test, const char *who,
		      const struct diff_ctx *c)
{
	unsigned int i;

	for (i = 0; i < c->n; i++)
		kunit_info(test, "%s %2u: line %d FID %#lx -> %#lx\n", who, i,
			   c->log[i].line, c->log[i].fid, c->log[i].ret);
}

/* Every SMC of the real run, delegations apart. */
static void diff_dump_smcs(struct kunit *test, const struct rmi_real_fault *f)
{
	unsigned long i;

	for (i = 0; i < f->calls && i < f->cap; i++)
		if (f->log[i] != SMC_RMI_GRANULE_RANGE_DELEGATE &&
		    f->log[i] != SMC_RMI_GRANULE_RANGE_UNDELEGATE)
			kunit_info(test, "SMC %3lu: FID %#lx -> %#lx\n", i,
				   f->log[i], f->rets[i]);
}

static void rmi_diff_free_pool(void *data)
{
	struct page *page = data;

	__free_pages(page, DIFF_ORDER);
}

static void diff_run(struct kunit *test, const struct diff_seq *s,
		     struct diff_ctx *c, phys_addr_t pool)
{
	memset(c, 0, sizeof(*c));
	c->pool = pool;
	c->next = RAW_PAGES;
	c->ops.alloc = diff_alloc;
	c->ops.free = diff_free;
	c->ops.priv = c;
	s->run(c);
}

static void rmi_diff_seq(struct kunit *test)
{
	const struct diff_seq *s = test->param_value;
	struct diff_ctx *real, *model;
	struct rmi_model_config cfg;
	const struct rmi_features *f;
	const struct diff_known *k;
	struct rmi_real_fault *smcs;
	unsigned int i, ns = 0, known = 0, failed;
	struct page *page;
	phys_addr_t pool;

	if (rmi_diff_why)
		kunit_skip(test, "%s", rmi_diff_why);
	real = kunit_kzalloc(test, sizeof(*real), GFP_KERNEL);
	model = kunit_kzalloc(test, sizeof(*model), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, real);
	KUNIT_ASSERT_NOT_NULL(test, model);
	page = alloc_pages(GFP_KERNEL | __GFP_ZERO, DIFF_ORDER);
	KUNIT_ASSERT_NOT_NULL(test, page);
	pool = page_to_phys(page);

	/* The real RMM. */
	KUNIT_ASSERT_EQ(test, rmi_real_lib_init(test), 0);
	f = rmi_get_features();
	KUNIT_ASSERT_NOT_NULL(test, f);
	rmi_model_default_config(&cfg);
	memcpy(cfg.feat, f->reg, sizeof(cfg.feat));
	/* TF-RMM maps and unmaps a few granules without RMI_INCOMPLETE. */
	cfg.incomplete = false;
	/* Every SMC of the real run, for a failure's report. */
	smcs = kunit_kzalloc(test, sizeof(*smcs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, smcs);
	smcs->cap = DIFF_SMCS;
	smcs->log = kunit_kcalloc(test, DIFF_SMCS, sizeof(*smcs->log), GFP_KERNEL);
	smcs->rets = kunit_kcalloc(test, DIFF_SMCS, sizeof(*smcs->rets), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, smcs->log);
	KUNIT_ASSERT_NOT_NULL(test, smcs->rets);
	rmi_real_fault_install(test, smcs);
	diff_run(test, s, real, pool);
	rmi_real_fault_remove(test);
	/* The sequence gave every page back: the real RMM agrees. */
	for (i = 0; i < DIFF_PAGES; i++) {
		phys_addr_t pa = pool + (phys_addr_t)i * PAGE_SIZE;
		unsigned long top = 0, ret;

		ret = rmi_real_smc(SMC_RMI_GRANULE_RANGE_DELEGATE, pa, pa + PAGE_SIZE, &top);
		if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS)
			continue;
		ret = rmi_real_smc(SMC_RMI_GRANULE_RANGE_UNDELEGATE, pa, pa + PAGE_SIZE, &top);
		if (RMI_RETURN_STATUS(ret) == RMI_SUCCESS)
			ns++;
	}
	KUNIT_EXPECT_EQ_MSG(test, ns, DIFF_PAGES, "pages left delegated by the sequence");
	if (ns != DIFF_PAGES) {
		/* Some granule is still the Realm world's: never freed. */
		diff_dump(test, "real", real);
		diff_dump_smcs(test, smcs);
		return;
	}
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, rmi_diff_free_pool, page));

	/* The model, with the same pages. */
	rmi_model_install(test, &cfg);
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);
	diff_run(test, s, model, pool);

	failed = test->status == KUNIT_FAILURE;
	KUNIT_EXPECT_LT(test, real->n, DIFF_LOG);
	KUNIT_EXPECT_EQ(test, real->n, model->n);
	for (i = 0; i < min(real->n, model->n); i++) {
		const struct diff_entry *r = &real->log[i], *m = &model->log[i];

		KUNIT_EXPECT_EQ_MSG(test, r->line, m->line, "call %u", i);
		if (r->line != m->line)
			break;
		k = diff_find_known(r->tag);
		if (k) {
			known++;
			KUNIT_EXPECT_EQ_MSG(test, r->ret, k->real,
					    "line %d: TF-RMM's known answer changed", r->line);
			KUNIT_EXPECT_EQ_MSG(test, m->ret, k->model,
					    "line %d: the model's known answer changed", r->line);
			continue;
		}
		if (r->fid == DIFF_LIB)
			KUNIT_EXPECT_EQ_MSG(test, (long)m->ret, (long)r->ret,
					    "line %d: library call: model %ld, real %ld",
					    r->line, (long)m->ret, (long)r->ret);
		else
			KUNIT_EXPECT_EQ_MSG(test, m->ret, r->ret,
					    "line %d: FID %#lx: model status %lu index %lu, real status %lu index %lu",
					    r->line, r->fid,
					    RMI_RETURN_STATUS(m->ret), RMI_RETURN_INDEX(m->ret),
					    RMI_RETURN_STATUS(r->ret), RMI_RETURN_INDEX(r->ret));
	}
	if (!failed && test->status == KUNIT_FAILURE) {
		diff_dump(test, "real", real);
		diff_dump(test, "model", model);
		diff_dump_smcs(test, smcs);
	}
	kunit_info(test, "%u calls compared, %u known differences\n", real->n, known);
}

static struct kunit_case rmi_diff_cases[] = {
	KUNIT_CASE_PARAM(rmi_diff_seq, diff_gen_params),
	{}
};

static struct kunit_suite rmi_diff_suite = {
	.name = "rmi_diff",
	.suite_init = rmi_diff_suite_init,
	.test_cases = rmi_diff_cases,
};

kunit_test_suite(rmi_diff_suite);

MODULE_DESCRIPTION("KUnit test of the RMM model against the real RMM");
MODULE_LICENSE("GPL");
