// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_badargs: every public function of the RMI library with
 * arguments it must refuse.  Each case checks the errno and that no SMC
 * was issued: the model's call count does not move.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/mm.h>

#include <asm/rmi.h>
#include <asm/rmi_cmds.h>

#include "rmi_model.h"

/**
 * struct badargs_ctx - what the cases work on
 * @mem: the allocator
 * @fresh: a Realm just created
 * @active: an activated Realm with one REC
 * @rec: that REC
 * @none: a Realm never created
 * @cfg: a valid Realm configuration, for the cases to spoil
 * @page: an allocated, Non-secure granule
 */
struct badargs_ctx {
	struct rmi_test_mem *mem;
	struct cca_realm fresh;
	struct cca_realm active;
	struct cca_rec rec;
	struct cca_realm none;
	struct cca_realm_config cfg;
	phys_addr_t page;
};

struct badargs_case {
	const char *name;
	long (*call)(struct badargs_ctx *c);
	long err;
};

static const struct cca_realm_config good_cfg = {
	.s2sz = 40, .rtt_level_start = 1, .hash_algo = RMI_HASH_SHA_256,
	.num_bps = 1, .num_wps = 1, .max_recs = 2,
};

/* Configurations beyond the model's features (rmi_model_default_config()). */
static const struct cfg_case {
	const char *name;
	struct cca_realm_config cfg;
} cfg_cases[] = {
	{ "s2sz_big", { .s2sz = 49, .rtt_level_start = 0, .num_bps = 1,
		.num_wps = 1, .max_recs = 1 } },
	{ "s2sz_small", { .s2sz = 31, .rtt_level_start = 1, .num_bps = 1,
		.num_wps = 1, .max_recs = 1 } },
	{ "lpa2", { .s2sz = 40, .rtt_level_start = 1, .lpa2 = true,
		.num_bps = 1, .num_wps = 1, .max_recs = 1 } },
	{ "sve_vl", { .s2sz = 40, .rtt_level_start = 1, .sve = true,
		.sve_vl = 4, .num_bps = 1, .num_wps = 1, .max_recs = 1 } },
	{ "vl_no_sve", { .s2sz = 40, .rtt_level_start = 1, .sve_vl = 1,
		.num_bps = 1, .num_wps = 1, .max_recs = 1 } },
	{ "bps", { .s2sz = 40, .rtt_level_start = 1, .num_bps = 6,
		.num_wps = 1, .max_recs = 1 } },
	{ "wps", { .s2sz = 40, .rtt_level_start = 1, .num_bps = 1,
		.num_wps = 4, .max_recs = 1 } },
	/* DEN0137 B4.4.12 RmiRealmParams: 0 breakpoints or watchpoints is reserved. */
	{ "bps_0", { .s2sz = 40, .rtt_level_start = 1, .num_wps = 1,
		.max_recs = 1 } },
	{ "wps_0", { .s2sz = 40, .rtt_level_start = 1, .num_bps = 1,
		.max_recs = 1 } },
	{ "hash_384", { .s2sz = 40, .rtt_level_start = 1, .num_bps = 1,
		.num_wps = 1, .max_recs = 1, .hash_algo = RMI_HASH_SHA_384 } },
	{ "hash_bad", { .s2sz = 40, .rtt_level_start = 1, .num_bps = 1,
		.num_wps = 1, .max_recs = 1, .hash_algo = 7 } },
	{ "recs_0", { .s2sz = 40, .rtt_level_start = 1, .num_bps = 1,
		.num_wps = 1, .max_recs = 0 } },
	{ "recs_many", { .s2sz = 40, .rtt_level_start = 1, .num_bps = 1,
		.num_wps = 1, .max_recs = 9 } },
	{ "level_3", { .s2sz = 40, .rtt_level_start = 3, .num_bps = 1,
		.num_wps = 1, .max_recs = 1 } },
	{ "level_neg", { .s2sz = 40, .rtt_level_start = -1, .num_bps = 1,
		.num_wps = 1, .max_recs = 1 } },
	{ "level_shallow", { .s2sz = 32, .rtt_level_start = 0, .num_bps = 1,
		.num_wps = 1, .max_recs = 1 } },
	{ "level_deep", { .s2sz = 48, .rtt_level_start = 2, .num_bps = 1,
		.num_wps = 1, .max_recs = 1 } },
};

static void cfg_desc(const struct cfg_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(cfg, cfg_cases, cfg_desc);

static long create_null_realm(struct badargs_ctx *c)
{
	return cca_realm_create(NULL, &c->cfg, &c->mem->ops);
}

static long create_null_cfg(struct badargs_ctx *c)
{
	struct cca_realm r;

	return cca_realm_create(&r, NULL, &c->mem->ops);
}

static long create_null_mem(struct badargs_ctx *c)
{
	struct cca_realm r;

	return cca_realm_create(&r, &c->cfg, NULL);
}

static long deleg_zero(struct badargs_ctx *c)
{
	return rmi_granules_delegate(c->page, 0, NULL);
}

static long deleg_unaligned_base(struct badargs_ctx *c)
{
	return rmi_granules_delegate(c->page + 8, PAGE_SIZE, NULL);
}

static long deleg_unaligned_size(struct badargs_ctx *c)
{
	return rmi_granules_delegate(c->page, PAGE_SIZE + 8, NULL);
}

static long deleg_wrap(struct badargs_ctx *c)
{
	return rmi_granules_delegate(PAGE_MASK, 2 * PAGE_SIZE, NULL);
}

static long undeleg_zero(struct badargs_ctx *c)
{
	return rmi_granules_undelegate(c->page, 0, NULL);
}

static long undeleg_wrap(struct badargs_ctx *c)
{
	return rmi_granules_undelegate(PAGE_MASK, 2 * PAGE_SIZE, NULL);
}

static long undeleg_unaligned(struct badargs_ctx *c)
{
	return rmi_granules_undelegate(c->page + 1, PAGE_SIZE, NULL);
}

static long rtts_null(struct badargs_ctx *c)
{
	return cca_realm_create_rtts(NULL, 0, 3);
}

static long rtts_none(struct badargs_ctx *c)
{
	return cca_realm_create_rtts(&c->none, 0, 3);
}

static long rtts_level_start(struct badargs_ctx *c)
{
	return cca_realm_create_rtts(&c->fresh, 0, 1);
}

static long rtts_level_4(struct badargs_ctx *c)
{
	return cca_realm_create_rtts(&c->fresh, 0, 4);
}

static long rtts_ipa_unaligned(struct badargs_ctx *c)
{
	return cca_realm_create_rtts(&c->fresh, 0x123, 3);
}

static long rtts_ipa_big(struct badargs_ctx *c)
{
	return cca_realm_create_rtts(&c->fresh, BIT_ULL(40), 3);
}

static long ripas_empty(struct badargs_ctx *c)
{
	return cca_realm_init_ripas(&c->fresh, SZ_2M, SZ_2M);
}

static long ripas_reversed(struct badargs_ctx *c)
{
	return cca_realm_init_ripas(&c->fresh, SZ_4M, SZ_2M);
}

static long ripas_unaligned(struct badargs_ctx *c)
{
	return cca_realm_init_ripas(&c->fresh, 0x800, SZ_2M);
}

static long ripas_big(struct badargs_ctx *c)
{
	return cca_realm_init_ripas(&c->fresh, 0, BIT_ULL(40) + PAGE_SIZE);
}

static long ripas_active(struct badargs_ctx *c)
{
	return cca_realm_init_ripas(&c->active, 0, SZ_2M);
}

static long ripas_null(struct badargs_ctx *c)
{
	return cca_realm_init_ripas(NULL, 0, SZ_2M);
}

static long populate_null(struct badargs_ctx *c)
{
	return cca_realm_populate(NULL, 0, c->page, true);
}

static long populate_ipa(struct badargs_ctx *c)
{
	return cca_realm_populate(&c->fresh, 0x10, c->page, true);
}

static long populate_ipa_big(struct badargs_ctx *c)
{
	return cca_realm_populate(&c->fresh, BIT_ULL(40), c->page, true);
}

static long populate_src0(struct badargs_ctx *c)
{
	return cca_realm_populate(&c->fresh, 0, 0, true);
}

static long populate_src_unaligned(struct badargs_ctx *c)
{
	return cca_realm_populate(&c->fresh, 0, c->page + 64, true);
}

static long populate_active(struct badargs_ctx *c)
{
	return cca_realm_populate(&c->active, 0, c->page, true);
}

static long map_null(struct badargs_ctx *c)
{
	return cca_realm_map_ram(NULL, 0, SZ_2M);
}

static long map_empty(struct badargs_ctx *c)
{
	return cca_realm_map_ram(&c->fresh, SZ_2M, SZ_2M);
}

static long map_unaligned(struct badargs_ctx *c)
{
	return cca_realm_map_ram(&c->fresh, 0, 0x1800);
}

static long map_big(struct badargs_ctx *c)
{
	return cca_realm_map_ram(&c->fresh, BIT_ULL(40) - PAGE_SIZE,
				 BIT_ULL(40) + PAGE_SIZE);
}

static long map_none(struct badargs_ctx *c)
{
	return cca_realm_map_ram(&c->none, 0, PAGE_SIZE);
}

static long activate_null(struct badargs_ctx *c)
{
	return cca_realm_activate(NULL);
}

static long activate_twice(struct badargs_ctx *c)
{
	return cca_realm_activate(&c->active);
}

static long activate_none(struct badargs_ctx *c)
{
	return cca_realm_activate(&c->none);
}

static const struct cca_rec_config good_rec0 = { .runnable = true };
static const struct cca_rec_config good_rec = { .mpidr = 1, .runnable = true };

static long rec_null_realm(struct badargs_ctx *c)
{
	struct cca_rec rec;

	return cca_rec_create(NULL, &good_rec, &rec);
}

static long rec_null_cfg(struct badargs_ctx *c)
{
	struct cca_rec rec;

	return cca_rec_create(&c->fresh, NULL, &rec);
}

static long rec_null_out(struct badargs_ctx *c)
{
	return cca_rec_create(&c->fresh, &good_rec, NULL);
}

static long rec_mpidr_res0(struct badargs_ctx *c)
{
	struct cca_rec_config rc = good_rec;
	struct cca_rec rec;

	rc.mpidr = BIT(4);
	return cca_rec_create(&c->fresh, &rc, &rec);
}

/* RECs are created in the order of their index: the next is 0. */
static long rec_mpidr_order(struct badargs_ctx *c)
{
	struct cca_rec rec;

	return cca_rec_create(&c->fresh, &good_rec, &rec);
}

static long rec_active(struct badargs_ctx *c)
{
	struct cca_rec rec;

	return cca_rec_create(&c->active, &good_rec, &rec);
}

static long rec_too_many(struct badargs_ctx *c)
{
	struct cca_rec rec;

	c->fresh.nr_recs = c->fresh.max_recs;
	return cca_rec_create(&c->fresh, &good_rec, &rec);
}

static long enter_null(struct badargs_ctx *c)
{
	return cca_rec_enter(NULL);
}

static long enter_never_created(struct badargs_ctx *c)
{
	struct cca_rec rec = { };

	return cca_rec_enter(&rec);
}

static long enter_not_active(struct badargs_ctx *c)
{
	struct cca_rec rec = { .realm = &c->fresh, .on = true };

	return cca_rec_enter(&rec);
}

static long enter_off(struct badargs_ctx *c)
{
	c->rec.on = false;
	return cca_rec_enter(&c->rec);
}

static long enter_busy(struct badargs_ctx *c)
{
	c->rec.busy = true;
	return cca_rec_enter(&c->rec);
}

static long exit_null_rec(struct badargs_ctx *c)
{
	struct cca_exit exit;

	return cca_rec_handle_exit(NULL, &exit);
}

static long exit_null_exit(struct badargs_ctx *c)
{
	return cca_rec_handle_exit(&c->rec, NULL);
}

/* A second rmi_init() would write what is read-only after boot. */
static long init_twice(struct badargs_ctx *c)
{
	return rmi_init();
}

/* A live Realm's records are not wiped by a second creation. */
static long create_live(struct badargs_ctx *c)
{
	return cca_realm_create(&c->fresh, &c->cfg, &c->mem->ops);
}

static long reserve_null(struct badargs_ctx *c)
{
	return cca_realm_reserve(NULL, 1);
}

static long reserve_none(struct badargs_ctx *c)
{
	return cca_realm_reserve(&c->none, 1);
}

static long rtts_range_reversed(struct badargs_ctx *c)
{
	return cca_realm_create_rtts_range(&c->fresh, SZ_2M, 0, 3);
}

static long rtts_range_level(struct badargs_ctx *c)
{
	return cca_realm_create_rtts_range(&c->fresh, 0, SZ_2M, 4);
}

/* RIPAS is a property of the protected half. */
static long ripas_unprotected(struct badargs_ctx *c)
{
	unsigned long half = BIT_ULL(c->fresh.s2sz - 1);

	return cca_realm_init_ripas(&c->fresh, half - PAGE_SIZE, half + PAGE_SIZE);
}

static long map_unprotected(struct badargs_ctx *c)
{
	unsigned long half = BIT_ULL(c->fresh.s2sz - 1);

	return cca_realm_map_ram(&c->fresh, half, half + PAGE_SIZE);
}

static long populate_unprotected(struct badargs_ctx *c)
{
	return cca_realm_populate(&c->fresh, BIT_ULL(c->fresh.s2sz - 1),
				  c->page, true);
}

static long destroy_null(struct badargs_ctx *c)
{
	return cca_realm_destroy(NULL);
}

static long destroy_none(struct badargs_ctx *c)
{
	return cca_realm_destroy(&c->none);
}

static long op_not_incomplete(struct badargs_ctx *c)
{
	struct rmi_op op = { };

	return rmi_op_complete(RMI_ERROR_REALM, &op, &c->mem->ops, 0, NULL);
}

static long op_success(struct badargs_ctx *c)
{
	struct rmi_op op = { };

	return rmi_op_complete(RMI_SUCCESS, &op, &c->mem->ops, 0, NULL);
}

static const struct badargs_case badargs_cases[] = {
	{ "create_null_realm", create_null_realm, -EINVAL },
	{ "create_null_cfg", create_null_cfg, -EINVAL },
	{ "create_null_mem", create_null_mem, -EINVAL },
	{ "delegate_zero", deleg_zero, -EINVAL },
	{ "delegate_unaligned_base", deleg_unaligned_base, -EINVAL },
	{ "delegate_unaligned_size", deleg_unaligned_size, -EINVAL },
	{ "delegate_wrap", deleg_wrap, -EINVAL },
	{ "undelegate_zero", undeleg_zero, -EINVAL },
	{ "undelegate_wrap", undeleg_wrap, -EINVAL },
	{ "undelegate_unaligned", undeleg_unaligned, -EINVAL },
	{ "rtts_null", rtts_null, -EINVAL },
	{ "rtts_none", rtts_none, -EINVAL },
	{ "rtts_level_start", rtts_level_start, -EINVAL },
	{ "rtts_level_4", rtts_level_4, -EINVAL },
	{ "rtts_ipa_unaligned", rtts_ipa_unaligned, -EINVAL },
	{ "rtts_ipa_big", rtts_ipa_big, -EINVAL },
	{ "ripas_empty", ripas_empty, -EINVAL },
	{ "ripas_reversed", ripas_reversed, -EINVAL },
	{ "ripas_unaligned", ripas_unaligned, -EINVAL },
	{ "ripas_big", ripas_big, -EINVAL },
	{ "ripas_active", ripas_active, -EINVAL },
	{ "ripas_null", ripas_null, -EINVAL },
	{ "populate_null", populate_null, -EINVAL },
	{ "populate_ipa", populate_ipa, -EINVAL },
	{ "populate_ipa_big", populate_ipa_big, -EINVAL },
	{ "populate_src0", populate_src0, -EINVAL },
	{ "populate_src_unaligned", populate_src_unaligned, -EINVAL },
	{ "populate_active", populate_active, -EINVAL },
	{ "map_null", map_null, -EINVAL },
	{ "map_empty", map_empty, -EINVAL },
	{ "map_unaligned", map_unaligned, -EINVAL },
	{ "map_big", map_big, -EINVAL },
	{ "map_none", map_none, -EINVAL },
	{ "activate_null", activate_null, -EINVAL },
	{ "activate_twice", activate_twice, -EINVAL },
	{ "activate_none", activate_none, -EINVAL },
	{ "rec_null_realm", rec_null_realm, -EINVAL },
	{ "rec_null_cfg", rec_null_cfg, -EINVAL },
	{ "rec_null_out", rec_null_out, -EINVAL },
	{ "rec_mpidr_res0", rec_mpidr_res0, -EINVAL },
	{ "rec_mpidr_order", rec_mpidr_order, -EINVAL },
	{ "rec_active", rec_active, -EINVAL },
	{ "rec_too_many", rec_too_many, -EINVAL },
	{ "enter_null", enter_null, -EINVAL },
	{ "enter_never_created", enter_never_created, -EINVAL },
	{ "enter_not_active", enter_not_active, -ESHUTDOWN },
	{ "enter_off", enter_off, -EPERM },
	{ "enter_busy", enter_busy, -EBUSY },
	{ "exit_null_rec", exit_null_rec, -EINVAL },
	{ "exit_null_exit", exit_null_exit, -EINVAL },
	{ "init_twice", init_twice, -EBUSY },
	{ "create_live", create_live, -EBUSY },
	{ "reserve_null", reserve_null, -EINVAL },
	{ "reserve_none", reserve_none, -EINVAL },
	{ "rtts_range_reversed", rtts_range_reversed, -EINVAL },
	{ "rtts_range_level", rtts_range_level, -EINVAL },
	{ "ripas_unprotected", ripas_unprotected, -EINVAL },
	{ "map_unprotected", map_unprotected, -EINVAL },
	{ "populate_unprotected", populate_unprotected, -EINVAL },
	{ "destroy_null", destroy_null, -EINVAL },
	{ "destroy_none", destroy_none, 0 },
	{ "op_not_incomplete", op_not_incomplete, RMI_ERROR_REALM },
	{ "op_success", op_success, 0 },
};

static void badargs_desc(const struct badargs_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(badargs, badargs_cases, badargs_desc);

static void rmi_badargs_refused(struct kunit *test)
{
	const struct badargs_case *bc = test->param_value;
	unsigned long leaked = rmi_leaked_granules(), calls;
	struct rmi_model_config cfg;
	struct badargs_ctx *c;
	struct rmi_model *m;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	rmi_model_default_config(&cfg);
	m = rmi_model_install(test, &cfg);
	c->mem = rmi_test_mem_init(test, m);
	c->cfg = good_cfg;
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);
	c->page = c->mem->ops.alloc(c->mem, 0);
	KUNIT_ASSERT_NE(test, c->page, 0);
	KUNIT_ASSERT_EQ(test, cca_realm_create(&c->fresh, &good_cfg, &c->mem->ops), 0);
	KUNIT_ASSERT_EQ(test, cca_realm_create(&c->active, &good_cfg, &c->mem->ops), 0);
	KUNIT_ASSERT_EQ(test, cca_rec_create(&c->active, &good_rec0, &c->rec), 0);
	KUNIT_ASSERT_EQ(test, cca_realm_activate(&c->active), 0);

	calls = rmi_model_calls(m);
	KUNIT_EXPECT_EQ(test, bc->call(c), bc->err);
	KUNIT_EXPECT_EQ(test, rmi_model_calls(m), calls);
	c->rec.busy = false;

	c->fresh.nr_recs = 0;
	KUNIT_EXPECT_EQ(test, cca_realm_destroy(&c->fresh), 0);
	KUNIT_EXPECT_EQ(test, cca_realm_destroy(&c->active), 0);
	c->mem->ops.free(c->mem, c->page);
	rmi_test_books(test, m, c->mem, leaked);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
}

/* A configuration the RMM cannot support is refused before any SMC. */
static void rmi_badargs_config(struct kunit *test)
{
	const struct cfg_case *cc = test->param_value;
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct cca_realm realm = { };
	struct rmi_model *m;
	unsigned long calls;

	rmi_model_default_config(&cfg);
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);
	calls = rmi_model_calls(m);
	KUNIT_EXPECT_EQ(test, cca_realm_create(&realm, &cc->cfg, &mem->ops), -EINVAL);
	KUNIT_EXPECT_EQ(test, rmi_model_calls(m), calls);
	KUNIT_EXPECT_EQ(test, rmi_test_mem_outstanding(mem), 0);
}

/* Before rmi_init() succeeds, nothing reaches the RMM. */
static void rmi_badargs_uninitialised(struct kunit *test)
{
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct cca_realm realm = { };
	struct rmi_model *m;
	phys_addr_t pa;

	rmi_model_default_config(&cfg);
	cfg.no_rmm = true;
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	KUNIT_ASSERT_EQ(test, rmi_init(), -ENXIO);
	KUNIT_EXPECT_EQ(test, rmi_model_calls(m), 1);
	pa = mem->ops.alloc(mem, 0);
	KUNIT_ASSERT_NE(test, pa, 0);
	KUNIT_EXPECT_EQ(test, rmi_granules_delegate(pa, PAGE_SIZE, NULL), -ENODEV);
	KUNIT_EXPECT_EQ(test, rmi_granules_undelegate(pa, PAGE_SIZE, NULL), -ENODEV);
	KUNIT_EXPECT_EQ(test, cca_realm_create(&realm, &good_cfg, &mem->ops), -ENODEV);
	KUNIT_EXPECT_NULL(test, rmi_get_features());
	KUNIT_EXPECT_EQ(test, rmi_rmm_version(), 0);
	KUNIT_EXPECT_EQ(test, rmi_model_calls(m), 1);
	mem->ops.free(mem, pa);
}

static struct kunit_case rmi_badargs_cases[] = {
	KUNIT_CASE_PARAM(rmi_badargs_config, cfg_gen_params),
	KUNIT_CASE_PARAM(rmi_badargs_refused, badargs_gen_params),
	KUNIT_CASE(rmi_badargs_uninitialised),
	{}
};

static struct kunit_suite rmi_badargs_suite = {
	.name = "rmi_badargs",
	.test_cases = rmi_badargs_cases,
};

kunit_test_suite(rmi_badargs_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI library: bad arguments");
MODULE_LICENSE("GPL");
