// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_lifecycle: the RMI library against the model of the RMM.
 *
 * Each outcome of version negotiation (DEN0137 B2), then whole Realm
 * lifecycles: several RECs, RAM mapped by ranges, measured data, memory
 * donated to and reclaimed from stateful operations, teardown.  After each,
 * the model holds no Realm and no granule beyond those the library leaked
 * on purpose, and the allocator got every granule back exactly once.
 */
#include <kunit/test.h>
#include <linux/errno.h>

#include <asm/rmi.h>

#include "rmi_lib.h"
#include "rmi_model.h"

/* RmiInterfaceVersion, from DEN0137 B4.4.9: major in 30:16, minor in 15:0. */
#define V(major, minor)	(((unsigned long)(major) << 16) | (minor))

struct version_case {
	const char *name;
	unsigned long versions[RMI_MODEL_MAX_VERSIONS];
	bool no_rmm;
	int err;
};

static const struct version_case version_cases[] = {
	{ "supported", { V(2, 0) }, false, 0 },
	{ "supported_in_range", { V(1, 0), V(2, 0), V(3, 0) }, false, 0 },
	{ "lower_only", { V(1, 0) }, false, -EPROTONOSUPPORT },
	{ "higher_only", { V(3, 0) }, false, -EPROTONOSUPPORT },
	{ "error_input_range", { V(1, 0), V(3, 0) }, false, -EPROTONOSUPPORT },
	{ "no_rmm", { V(2, 0) }, true, -ENXIO },
};

static void version_desc(const struct version_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(version, version_cases, version_desc);

/* rmi_init() succeeds exactly when the RMM implements 2.0. */
static void rmi_lifecycle_version(struct kunit *test)
{
	const struct version_case *c = test->param_value;
	struct rmi_model_config cfg;
	struct rmi_model *m;

	rmi_model_default_config(&cfg);
	memcpy(cfg.versions, c->versions, sizeof(cfg.versions));
	cfg.no_rmm = c->no_rmm;
	m = rmi_model_install(test, &cfg);

	KUNIT_EXPECT_EQ(test, rmi_init(), c->err);
	KUNIT_EXPECT_EQ(test, rmi_is_available(), !c->err);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_VERSION), 1);
	if (c->err) {
		/* Nothing else asked of an RMM we cannot talk to. */
		KUNIT_EXPECT_EQ(test, rmi_model_calls(m), 1);
		KUNIT_EXPECT_NULL(test, rmi_get_features());
	} else {
		KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_FEATURES), 5);
		KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_RMM_CONFIG_SET), 1);
		KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_RMM_ACTIVATE), 1);
		KUNIT_EXPECT_EQ(test, rmi_rmm_version(), c->versions[2] ?: V(2, 0));
	}
}

/* No FEAT_RME, SMCCC before 1.2, HVC conduit: no SMC is ever issued. */
static void rmi_lifecycle_probe(struct kunit *test)
{
	static const int errs[] = { -ENXIO, -EOPNOTSUPP };
	struct rmi_model_config cfg;
	struct rmi_model *m;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(errs); i++) {
		rmi_model_default_config(&cfg);
		cfg.probe_err = errs[i];
		m = rmi_model_install(test, &cfg);
		KUNIT_EXPECT_EQ(test, rmi_init(), errs[i]);
		KUNIT_EXPECT_FALSE(test, rmi_is_available());
		KUNIT_EXPECT_EQ(test, rmi_model_calls(m), 0);
	}
}

/* The feature registers, decoded. */
static void rmi_lifecycle_features(struct kunit *test)
{
	const struct rmi_features *f;
	struct rmi_model_config cfg;

	rmi_model_default_config(&cfg);
	rmi_model_install(test, &cfg);
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);
	f = rmi_get_features();
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_EXPECT_EQ(test, f->s2sz, 48);
	KUNIT_EXPECT_FALSE(test, f->lpa2);
	KUNIT_EXPECT_TRUE(test, f->sve);
	KUNIT_EXPECT_EQ(test, f->sve_vl, 3);
	KUNIT_EXPECT_EQ(test, f->num_bps, 5);
	KUNIT_EXPECT_EQ(test, f->num_wps, 3);
	KUNIT_EXPECT_TRUE(test, f->pmu);
	KUNIT_EXPECT_EQ(test, f->pmu_num_ctrs, 6);
	KUNIT_EXPECT_TRUE(test, f->gran_4k);
	KUNIT_EXPECT_FALSE(test, f->gran_64k);
	KUNIT_EXPECT_TRUE(test, f->sha256);
	KUNIT_EXPECT_FALSE(test, f->sha384);
	KUNIT_EXPECT_TRUE(test, f->sha512);
	KUNIT_EXPECT_EQ(test, f->max_recs, 8);
	KUNIT_EXPECT_FALSE(test, f->da);
	KUNIT_EXPECT_EQ(test, f->rtt_plane, RMI_RTT_PLANE_SINGLE);
	KUNIT_EXPECT_EQ(test, f->mec_count, 16);
}

/* An RMM without 4KB granules is refused before RMM_CONFIG_SET. */
static void rmi_lifecycle_no_granule_size(struct kunit *test)
{
	struct rmi_model_config cfg;
	struct rmi_model *m;

	rmi_model_default_config(&cfg);
	cfg.feat[1] &= ~RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB_MASK;
	m = rmi_model_install(test, &cfg);
	KUNIT_EXPECT_EQ(test, rmi_init(), -EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_RMM_CONFIG_SET), 0);
	KUNIT_EXPECT_FALSE(test, rmi_is_available());
}

struct lc_case {
	const char *name;
	unsigned int realm_donate;
	unsigned int rec_donate;
	bool contig;
	bool undelegated;
	bool incomplete;
	unsigned int per_call;
};

static const struct lc_case lc_cases[] = {
	{ "plain", 0, 0, false, false, false, 0 },
	{ "donate", 1, 2, false, false, true, 2 },
	{ "donate_contig", 2, 4, true, false, true, 1 },
	{ "donate_undelegated", 1, 3, false, true, true, 3 },
};

static void lc_desc(const struct lc_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(lc, lc_cases, lc_desc);

/* A whole Realm lifecycle; everything comes back. */
static void rmi_lifecycle_realm(struct kunit *test)
{
	static const unsigned long counted[] = {
		SMC_RMI_REALM_CREATE, SMC_RMI_REC_CREATE, SMC_RMI_REC_ENTER,
		SMC_RMI_GRANULE_RANGE_DELEGATE, SMC_RMI_OP_CONTINUE,
		SMC_RMI_OP_MEM_DONATE, SMC_RMI_REALM_DESTROY,
	};
	const struct lc_case *c = test->param_value;
	unsigned long leaked = rmi_leaked_granules();
	unsigned long before[ARRAY_SIZE(counted)];
	struct rmi_model_config cfg;
	unsigned int i;
	struct rmi_test_mem *mem;
	struct rmi_test_lc *lc;
	struct rmi_model *m;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	rmi_model_default_config(&cfg);
	cfg.realm_donate = c->realm_donate;
	cfg.rec_donate = c->rec_donate;
	cfg.contig = c->contig;
	cfg.undelegated = c->undelegated;
	cfg.incomplete = c->incomplete;
	cfg.per_call = c->per_call;
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	for (i = 0; i < ARRAY_SIZE(counted); i++)
		before[i] = rmi_call_count(counted[i]);

	KUNIT_EXPECT_EQ(test, rmi_test_lifecycle(test, mem, lc), 0);
	/* The library counts each command as the RMM saw it. */
	for (i = 0; i < ARRAY_SIZE(counted); i++)
		KUNIT_EXPECT_EQ_MSG(test, rmi_call_count(counted[i]) - before[i],
				    rmi_model_calls_of(m, counted[i]),
				    "FID %#lx", counted[i]);
	KUNIT_EXPECT_EQ(test, rmi_call_count(SMC_RMI_CALL(RMI_FNUM_LAST + 1)), 0UL);
	KUNIT_EXPECT_TRUE(test, lc->ran);
	KUNIT_EXPECT_EQ(test, lc->exits_ok, RMI_TEST_RECS);
	KUNIT_EXPECT_EQ(test, lc->realm.state, CCA_REALM_NONE);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_REC_CREATE), RMI_TEST_RECS);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_REC_DESTROY), RMI_TEST_RECS);
	if (c->rec_donate) {
		KUNIT_EXPECT_GT(test, rmi_model_calls_of(m, SMC_RMI_OP_MEM_DONATE), 0);
		KUNIT_EXPECT_GT(test, rmi_model_calls_of(m, SMC_RMI_OP_MEM_RECLAIM), 0);
	}
	if (c->incomplete)
		KUNIT_EXPECT_GT(test, rmi_model_calls_of(m, SMC_RMI_OP_CONTINUE), 0);
	KUNIT_EXPECT_EQ(test, rmi_model_realms(m), 0);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_books(test, m, mem, leaked);
	KUNIT_EXPECT_EQ(test, rmi_model_owned(m), 0);
}

/*
 * A refused donation: the operation is cancelled when the RMM allows it,
 * else the donation is made again.  A failed continue ends the operation:
 * what the RMM took for it stays the RMM's, leaked.
 */
static void rmi_lifecycle_cancel(struct kunit *test)
{
	unsigned long leaked = rmi_leaked_granules(), n, i, donations;
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct rmi_test_lc *lc;
	struct rmi_model *m;
	unsigned long *log;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	log = kunit_kcalloc(test, 4096, sizeof(*log), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	KUNIT_ASSERT_NOT_NULL(test, log);
	rmi_model_default_config(&cfg);
	cfg.rec_donate = 3;
	cfg.per_call = 0;

	/* Find the donation of the first REC_CREATE, and its continue. */
	m = rmi_model_install(test, &cfg);
	rmi_model_record(m, log, 4096);
	mem = rmi_test_mem_init(test, m);
	KUNIT_ASSERT_EQ(test, rmi_test_lifecycle(test, mem, lc), 0);
	n = 0;
	for (i = 0; i < rmi_model_calls(m) && !n; i++)
		if (log[i] == SMC_RMI_REC_CREATE)
			n = i + 1;
	KUNIT_ASSERT_GT(test, n, 0);
	while (n < rmi_model_calls(m) && log[n - 1] != SMC_RMI_OP_MEM_DONATE)
		n++;
	KUNIT_ASSERT_EQ(test, log[n - 1], SMC_RMI_OP_MEM_DONATE);
	KUNIT_ASSERT_EQ(test, log[n], SMC_RMI_OP_CONTINUE);
	donations = rmi_model_calls_of(m, SMC_RMI_OP_MEM_DONATE);
	rmi_test_release(test, m, mem);

	/* Refuse the donation: cancelled; nothing was taken. */
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	rmi_model_fail_call(m, n, RMI_ERROR_INPUT);
	KUNIT_EXPECT_EQ(test, rmi_test_lifecycle(test, mem, lc), RMI_ERROR_INPUT);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_OP_CANCEL), 1);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_books(test, m, mem, leaked);
	KUNIT_EXPECT_EQ(test, rmi_model_realms(m), 0);

	/* Fail the continue after it: the end; the 3 granules stay. */
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	rmi_model_fail_call(m, n + 1, RMI_ERROR_INPUT);
	KUNIT_EXPECT_EQ(test, rmi_test_lifecycle(test, mem, lc), RMI_ERROR_INPUT);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_OP_CANCEL), 0);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules() - leaked, 3);
	rmi_test_books(test, m, mem, leaked);
	leaked = rmi_leaked_granules();

	/* Without cancel the refused donation is made again, and succeeds. */
	cfg.can_cancel = false;
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	rmi_model_fail_call(m, n, RMI_ERROR_INPUT);
	KUNIT_EXPECT_EQ(test, rmi_test_lifecycle(test, mem, lc), 0);
	KUNIT_EXPECT_TRUE(test, lc->ran);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_OP_CANCEL), 0);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_OP_MEM_DONATE),
			donations + 1);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_books(test, m, mem, leaked);
}

/*
 * A new Realm (IPA width 40, starting level 1, one REC) on a fresh model
 * configured by @cfg; its allocator in *@mem, the model in *@m.
 */
static struct cca_realm *rmi_lifecycle_new(struct kunit *test,
					   const struct rmi_model_config *cfg,
					   struct rmi_model **m,
					   struct rmi_test_mem **mem)
{
	struct cca_realm_config rcfg = {
		.s2sz = 40, .rtt_level_start = 1, .hash_algo = RMI_HASH_SHA_256,
		.num_bps = 1, .num_wps = 1, .max_recs = 1,
	};
	struct cca_realm *realm = kunit_kzalloc(test, sizeof(*realm), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, realm);
	*m = rmi_model_install(test, cfg);
	*mem = rmi_test_mem_init(test, *m);
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);
	KUNIT_ASSERT_EQ(test, cca_realm_create(realm, &rcfg, &(*mem)->ops), 0);
	return realm;
}

/*
 * The delegations that RAM mapped at [@base, @top) below 4 MiB takes, by
 * a model whose range commands process @per_call granules a call (0:
 * all), and in *@undelegations those that give it back at teardown (the
 * undelegations between the last RMI_RTT_DATA_UNMAP and the first
 * RMI_RTT_DESTROY).  *@runs: the runs of consecutive PAs the data
 * granules made, as the model saw them mapped.
 */
static unsigned long rmi_lifecycle_ram(struct kunit *test, bool blocks,
				       unsigned int per_call,
				       unsigned long base, unsigned long top,
				       unsigned long *undelegations,
				       unsigned long *runs)
{
	unsigned long leaked = rmi_leaked_granules(), delegations, i, last = 0;
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct cca_realm *realm;
	struct rmi_model *m;
	unsigned long *log;

	log = kunit_kcalloc(test, 4096, sizeof(*log), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log);
	rmi_model_default_config(&cfg);
	cfg.per_call = per_call;
	realm = rmi_lifecycle_new(test, &cfg, &m, &mem);
	rmi_model_record(m, log, 4096);
	KUNIT_EXPECT_EQ(test, cca_realm_create_rtts(realm, 0, 3), 0);
	KUNIT_EXPECT_EQ(test, cca_realm_create_rtts(realm, SZ_2M, 3), 0);
	mem->no_blocks = !blocks;
	delegations = rmi_model_calls_of(m, SMC_RMI_GRANULE_RANGE_DELEGATE);
	if (top > base)
		KUNIT_EXPECT_EQ(test, cca_realm_map_ram(realm, base, top), 0);
	delegations = rmi_model_calls_of(m, SMC_RMI_GRANULE_RANGE_DELEGATE) -
		      delegations;
	*runs = rmi_model_runs(m, RMI_MODEL_DATA);
	KUNIT_EXPECT_EQ(test, cca_realm_destroy(realm), 0);
	rmi_test_books(test, m, mem, leaked);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	KUNIT_ASSERT_LT(test, rmi_model_calls(m), 4096);
	*undelegations = 0;
	for (i = 0; i < rmi_model_calls(m); i++)
		if (log[i] == SMC_RMI_RTT_DATA_UNMAP)
			last = i;
	for (i = last; last && log[i] != SMC_RMI_RTT_DESTROY; i++)
		*undelegations += log[i] == SMC_RMI_GRANULE_RANGE_UNDELEGATE;
	return delegations;
}

/*
 * RAM is delegated by blocks: RMI_GRANULE_RANGE_DELEGATE and _UNDELEGATE
 * take a range, which an RMM may process whole (DEN0137 2.0; the model
 * with per_call 0).  Then 2 MiB of RAM, one list of 512 granules, costs
 * one delegation and one undelegation: the fewest the specification
 * allows.  An allocator with no free blocks is asked for granules one by
 * one instead: they are delegated, and undelegated, by the runs of
 * consecutive PAs they happen to make (the model counts them).  With an
 * RMM that processes 3 granules a call, a block of 4 is delegated in 2
 * calls; it comes back in two unmaps, of 3 granules and of 1, and is
 * undelegated as one run, in 2 calls again.
 */
static void rmi_lifecycle_ranges(struct kunit *test)
{
	unsigned long d, u, runs;

	d = rmi_lifecycle_ram(test, true, 0, 0, 0, &u, &runs);
	KUNIT_EXPECT_EQ(test, runs, 0);
	KUNIT_EXPECT_EQ(test, d, 0);
	KUNIT_EXPECT_EQ(test, u, 0);
	d = rmi_lifecycle_ram(test, true, 0, 0, SZ_2M, &u, &runs);
	KUNIT_EXPECT_EQ(test, runs, 1);
	KUNIT_EXPECT_EQ(test, d, 1);
	KUNIT_EXPECT_EQ(test, u, 1);
	d = rmi_lifecycle_ram(test, false, 0, 0, SZ_2M, &u, &runs);
	KUNIT_EXPECT_GE(test, runs, 1);
	KUNIT_EXPECT_LE(test, runs, SZ_2M / PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, d, runs);
	KUNIT_EXPECT_EQ(test, u, runs);

	d = rmi_lifecycle_ram(test, true, 3, 0, 4 * PAGE_SIZE, &u, &runs);
	KUNIT_EXPECT_EQ(test, runs, 1);
	KUNIT_EXPECT_EQ(test, d, 2);
	KUNIT_EXPECT_EQ(test, u, 2);
}

/* An undelegation the RMM refuses leaks the granule, never frees it. */
static void rmi_lifecycle_leak(struct kunit *test)
{
	unsigned long leaked = rmi_leaked_granules(), n, i;
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct rmi_test_lc *lc;
	struct rmi_model *m;
	unsigned long *log;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	log = kunit_kcalloc(test, 4096, sizeof(*log), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	KUNIT_ASSERT_NOT_NULL(test, log);
	rmi_model_default_config(&cfg);

	m = rmi_model_install(test, &cfg);
	rmi_model_record(m, log, 4096);
	mem = rmi_test_mem_init(test, m);
	KUNIT_ASSERT_EQ(test, rmi_test_lifecycle(test, mem, lc), 0);
	/* The last undelegation: of the RD or a starting RTT. */
	n = 0;
	for (i = 0; i < rmi_model_calls(m); i++)
		if (log[i] == SMC_RMI_GRANULE_RANGE_UNDELEGATE)
			n = i + 1;
	KUNIT_ASSERT_GT(test, n, 0);

	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	rmi_model_fail_call(m, n, RMI_ERROR_GRANULE);
	KUNIT_EXPECT_EQ(test, rmi_test_lifecycle(test, mem, lc), 0);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules() - leaked, 1);
	KUNIT_EXPECT_EQ(test, rmi_test_mem_outstanding(mem), 1);
	rmi_test_books(test, m, mem, leaked);
}

/* Issue one command straight to the model, as the wrappers would. */
static unsigned long raw_call(unsigned long fid, unsigned long a1,
			      unsigned long a2, unsigned long a3,
			      unsigned long a4)
{
	struct arm_smccc_1_2_regs regs = {
		.a0 = fid, .a1 = a1, .a2 = a2, .a3 = a3, .a4 = a4,
	};

	rmi_smccc_call(&regs, &regs);
	return regs.a0;
}

/* The model answers with the specification's status and index. */
static void rmi_lifecycle_model_errors(struct kunit *test)
{
	struct cca_rec_config rec_cfg = { .runnable = true };
	unsigned long leaked = rmi_leaked_granules();
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct cca_realm *realm;
	struct cca_rec *rec;
	struct rmi_model *m;
	phys_addr_t pa;

	rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	rmi_model_default_config(&cfg);
	/* Commands complete at once: the raw calls below are not carried on. */
	cfg.incomplete = false;
	realm = rmi_lifecycle_new(test, &cfg, &m, &mem);
	KUNIT_ASSERT_EQ(test, cca_rec_create(realm, &rec_cfg, rec), 0);
	pa = mem->ops.alloc(mem, 0);
	KUNIT_ASSERT_NE(test, pa, 0);

	/* A granule that is not delegated. */
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_RTT_CREATE, realm->rd, pa, 0, 2),
			RMI_ERROR_INPUT);
	KUNIT_ASSERT_EQ(test, rmi_granules_delegate(pa, PAGE_SIZE, NULL), 0);
	/* A level 3 RTT under a missing level 2 RTT: the walk stops at 1. */
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_RTT_CREATE, realm->rd, pa, SZ_1G, 3),
			RMI_ERROR_RTT | (1 << 8));
	/* An RTT at the starting level. */
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_RTT_CREATE, realm->rd, pa, 0, 1),
			RMI_ERROR_INPUT);
	/* RIPAS of less than a level 1 entry: the walk stops at 1. */
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_RTT_INIT_RIPAS, realm->rd, 0,
				       PAGE_SIZE, 0), RMI_ERROR_RTT | (1 << 8));
	/* Entering a REC of a new Realm: RMI_ERROR_REALM, index 0. */
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_REC_ENTER, rec->rec, rec->run_pa, 0, 0),
			RMI_ERROR_REALM);
	/* Destroying a Realm that has a REC. */
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_REALM_DESTROY, realm->rd, 0, 0, 0),
			RMI_ERROR_REALM);
	/* Undelegating a granule in use. */
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_GRANULE_RANGE_UNDELEGATE, realm->rd,
				       realm->rd + PAGE_SIZE, 0, 0), RMI_ERROR_INPUT);
	/* An operation that does not exist. */
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_OP_CONTINUE, 0x1234, 0, 0, 0),
			RMI_ERROR_INPUT);
	/* Terminated: RMI_ERROR_REALM, index 1. */
	KUNIT_ASSERT_EQ(test, cca_realm_activate(realm), 0);
	KUNIT_ASSERT_EQ(test, raw_call(SMC_RMI_REALM_TERMINATE, realm->rd, 0, 0, 0),
			RMI_SUCCESS);
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_REC_ENTER, rec->rec, rec->run_pa, 0, 0),
			RMI_ERROR_REALM | (1 << 8));
	KUNIT_EXPECT_EQ(test, raw_call(SMC_RMI_REALM_TERMINATE, realm->rd, 0, 0, 0),
			RMI_ERROR_REALM);

	/* The library's teardown finds the Realm terminated already. */
	KUNIT_EXPECT_EQ(test, cca_realm_destroy(realm), RMI_ERROR_REALM);
	KUNIT_EXPECT_EQ(test, rmi_granules_undelegate(pa, PAGE_SIZE, NULL), 0);
	mem->ops.free(mem, pa);
	KUNIT_EXPECT_EQ(test, rmi_model_realms(m), 0);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_books(test, m, mem, leaked);
}

/* Before RMM_ACTIVATE the RMM refuses everything but set-up commands. */
static void rmi_lifecycle_gating(struct kunit *test)
{
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct arm_smccc_1_2_regs regs = { };
	struct rmi_model *m;
	phys_addr_t pa;

	rmi_model_default_config(&cfg);
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	/* Activation refused: the library is not available. */
	rmi_model_fail_call(m, 9, RMI_ERROR_GLOBAL);
	KUNIT_EXPECT_EQ(test, rmi_init(), -EIO);
	KUNIT_EXPECT_EQ(test, rmi_model_last_fid(m), SMC_RMI_RMM_ACTIVATE);
	KUNIT_EXPECT_FALSE(test, rmi_is_available());
	pa = mem->ops.alloc(mem, 0);
	KUNIT_ASSERT_NE(test, pa, 0);
	KUNIT_EXPECT_EQ(test, rmi_granules_delegate(pa, PAGE_SIZE, NULL), -ENODEV);
	/* The model itself refuses commands before activation. */
	regs.a0 = SMC_RMI_GRANULE_RANGE_DELEGATE;
	regs.a1 = pa;
	regs.a2 = pa + PAGE_SIZE;
	rmi_smccc_call(&regs, &regs);
	KUNIT_EXPECT_EQ(test, regs.a0, RMI_ERROR_GLOBAL);
	KUNIT_EXPECT_EQ(test, rmi_model_granule(m, pa), RMI_MODEL_NS);
	mem->ops.free(mem, pa);
}

static struct kunit_case rmi_lifecycle_cases[] = {
	KUNIT_CASE_PARAM(rmi_lifecycle_version, version_gen_params),
	KUNIT_CASE(rmi_lifecycle_probe),
	KUNIT_CASE(rmi_lifecycle_features),
	KUNIT_CASE(rmi_lifecycle_no_granule_size),
	KUNIT_CASE_PARAM(rmi_lifecycle_realm, lc_gen_params),
	KUNIT_CASE(rmi_lifecycle_cancel),
	KUNIT_CASE(rmi_lifecycle_ranges),
	KUNIT_CASE(rmi_lifecycle_leak),
	KUNIT_CASE(rmi_lifecycle_model_errors),
	KUNIT_CASE(rmi_lifecycle_gating),
	{}
};

static struct kunit_suite rmi_lifecycle_suite = {
	.name = "rmi_lifecycle",
	.test_cases = rmi_lifecycle_cases,
};

kunit_test_suite(rmi_lifecycle_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI library: lifecycle");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
