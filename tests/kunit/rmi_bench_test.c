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
 * library's own.  Then, for the same sizes with one REC, the commands and
 * the time from cca_realm_create() to the Realm's first instruction,
 * with its RAM delegated and mapped first (eager) and with it declared
 * only, mapped when touched (on demand).
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/slab.h>

#include <asm/rmi.h>

#include "rmi_lib.h"
#include "rmi_model.h"
#include "rmi_bench.h"

/*
 * The page allocator, counted, as rmi.ko's bench mode has it: its blocks
 * are often adjacent, which the library delegates by runs (the test
 * allocator of the other suites keeps a guard page between its chunks).
 * A free of a granule the model does not see Non-secure is refused and
 * counted.
 */
struct bench_mem {
	struct rmi_mem_ops ops;
	struct rmi_model *m;
	unsigned long out;
	unsigned long delegated_frees;
};

static phys_addr_t bench_alloc(void *priv, unsigned int order)
{
	struct bench_mem *b = priv;
	phys_addr_t pa = rmi_page_mem_ops.alloc(NULL, order);

	if (pa)
		b->out += 1UL << order;
	return pa;
}

static void bench_free(void *priv, phys_addr_t pa)
{
	struct bench_mem *b = priv;

	if (rmi_model_granule(b->m, pa) != RMI_MODEL_NS) {
		b->delegated_frees++;
		return;
	}
	b->out--;
	rmi_page_mem_ops.free(NULL, pa);
}

/* The model as a plain RMM, 16 RECs allowed; the library initialised. */
static struct bench_mem *bench_start(struct kunit *test)
{
	struct bench_mem *b = kunit_kzalloc(test, sizeof(*b), GFP_KERNEL);
	struct rmi_model_config cfg;

	KUNIT_ASSERT_NOT_NULL(test, b);
	rmi_model_default_config(&cfg);
	cfg.realm_donate = 0;
	cfg.rec_donate = 0;
	cfg.incomplete = false;
	cfg.per_call = 0;
	/* 16 RECs: MAX_RECS_ORDER 4. */
	cfg.feat[1] &= ~RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER_MASK;
	cfg.feat[1] |= FIELD_PREP(RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER_MASK, 4);
	b->m = rmi_model_install(test, &cfg);
	b->ops.alloc = bench_alloc;
	b->ops.free = bench_free;
	b->ops.priv = b;
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);
	return b;
}

/* Every granule back, none freed while delegated, no Realm left. */
static void bench_books(struct kunit *test, struct bench_mem *b,
			unsigned long leaked)
{
	KUNIT_EXPECT_EQ(test, b->delegated_frees, 0);
	KUNIT_EXPECT_EQ(test, b->out, rmi_leaked_granules() - leaked);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	KUNIT_EXPECT_EQ(test, rmi_model_realms(b->m), 0);
}

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
	unsigned long *counts;
	struct bench_mem *b;

	counts = kunit_kcalloc(test, RMI_BENCH_NR_FNUM, sizeof(*counts),
			       GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, counts);
	b = bench_start(test);
	KUNIT_EXPECT_EQ(test, rmi_bench_realm(&b->ops, c->ram_mb, c->nr_recs,
					      counts), 0);
	rmi_bench_print("model", c->ram_mb, c->nr_recs, counts);
	bench_books(test, b, leaked);
}

struct first_case {
	unsigned int ram_mb;
	bool on_demand;
};

static const struct first_case first_cases[] = {
	{ 16, false }, { 16, true }, { 256, false }, { 256, true },
	{ 1024, false }, { 1024, true },
};

static void first_desc(const struct first_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%uMiB_%s", c->ram_mb,
		 c->on_demand ? "on_demand" : "eager");
}

KUNIT_ARRAY_PARAM(first, first_cases, first_desc);

/* From cca_realm_create() to the first instruction, eager or on demand. */
static void rmi_bench_model_first(struct kunit *test)
{
	static const u32 code[] = { 0xd503207f };	/* wfi: never run */
	const struct first_case *c = test->param_value;
	unsigned long leaked = rmi_leaked_granules();
	struct rmi_bench_first f = { };
	struct bench_mem *b;

	b = bench_start(test);
	KUNIT_EXPECT_EQ(test, rmi_bench_first(&b->ops, c->ram_mb, c->on_demand,
					      code, sizeof(code), &f), 0);
	rmi_bench_print_first("model", c->ram_mb, c->on_demand, &f);
	bench_books(test, b, leaked);
}

static struct kunit_case rmi_bench_cases[] = {
	KUNIT_CASE_PARAM_ATTR(rmi_bench_model, bench_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM_ATTR(rmi_bench_model_first, first_gen_params,
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
