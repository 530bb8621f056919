// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_bench (CONFIG_RMI_BENCH, make bench only): the RMI
 * commands a Realm lifecycle takes through the library, against the model
 * of the RMM, for Realms of 16MiB, 256MiB and 1GiB of RAM with 1, 4 and 16
 * RECs.  The counts are printed for scripts/bench-report.py; the test
 * fails only if the lifecycle fails or a granule is not accounted for.
 *
 * The model is set to behave as a plain RMM: it asks for no memory and
 * finishes every command in one call, so that the counts are the
 * library's own.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/slab.h>

#include <asm/rmi.h>

#include "rmi_lib.h"
#include "rmi_model.h"
#include "rmi_bench.h"

struct bench_case {
	unsigned int ram_mb;
	unsigned int nr_recs;
};

static const struct bench_case bench_cases[] = {
	{ 16, 1 }, { 16, 4 }, { 16, 16 },
	{ 256, 1 }, { 256, 4 }, { 256, 16 },
	{ 1024, 1 }, { 1024, 4 }, { 1024, 16 },
};

static void bench_desc(const struct bench_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%uMiB_%urecs", c->ram_mb,
		 c->nr_recs);
}

KUNIT_ARRAY_PARAM(bench, bench_cases, bench_desc);

static void rmi_bench_model(struct kunit *test)
{
	const struct bench_case *c = test->param_value;
	unsigned long leaked = rmi_leaked_granules();
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct rmi_model *m;
	unsigned long *counts;

	counts = kunit_kcalloc(test, RMI_BENCH_NR_FNUM, sizeof(*counts),
			       GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, counts);
	rmi_model_default_config(&cfg);
	cfg.realm_donate = 0;
	cfg.rec_donate = 0;
	cfg.incomplete = false;
	cfg.per_call = 0;
	/* 16 RECs: MAX_RECS_ORDER 4. */
	cfg.feat[1] &= ~RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER_MASK;
	cfg.feat[1] |= FIELD_PREP(RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER_MASK, 4);
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);

	KUNIT_EXPECT_EQ(test, rmi_bench_realm(&mem->ops, c->ram_mb, c->nr_recs,
					      counts), 0);
	rmi_bench_print("model", c->ram_mb, c->nr_recs, counts);
	KUNIT_EXPECT_EQ(test, rmi_model_realms(m), 0);
	rmi_test_books(test, m, mem, leaked);
}

static struct kunit_case rmi_bench_cases[] = {
	KUNIT_CASE_PARAM_ATTR(rmi_bench_model, bench_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	{}
};

static struct kunit_suite rmi_bench_suite = {
	.name = "rmi_bench",
	.test_cases = rmi_bench_cases,
};

kunit_test_suite(rmi_bench_suite);

MODULE_DESCRIPTION("RMI commands of Realm lifecycles against the RMM model, for make bench");
MODULE_LICENSE("GPL");
