// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_faults: the RMI library when the RMM says no.
 *
 * A clean lifecycle (rmi_test_lifecycle()) makes K calls.  For every n in
 * 1..K, and every status the specification allows at the command of call
 * n, a fresh model fails call n with that status: the library must return
 * an error (or leak what the RMM kept), tear down what it made, and the
 * books must balance: the model holds nothing but what the library leaked
 * on purpose, the allocator got every other granule back exactly once and
 * never a delegated one, and no operation is left pending in the RMM
 * unless the library counts it given up.  RMI_BUSY and RMI_BLOCKED are
 * retried: the lifecycle succeeds.  So does a refused donation to an
 * operation the RMM does not let the host cancel: the library must carry
 * such an operation to its end, and offers other granules.  Each pass runs
 * with operations that can be cancelled and with operations that cannot.
 * Then
 * seeded random answers, for at least 10000 calls, with the same
 * invariant; host allocation failures (the granules); and the library's
 * own allocations failed in turn (fault injection).
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/errno.h>
#include <linux/sched.h>

#include <asm/rmi.h>

#include "rmi_model.h"

#define LOG_CAP		4096
#define RANDOM_CALLS	10000
/* The library's own allocations in one lifecycle, at most. */
#define RECORD_ALLOCS	1000

static bool transient(unsigned long status)
{
	return status == RMI_BUSY || status == RMI_BLOCKED;
}

/* Operations that can be cancelled, and operations that cannot. */
static const bool rmi_faults_cancel[] = { true, false };

static void rmi_faults_cancel_desc(const bool *cancel, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s",
		 *cancel ? "can cancel" : "cannot cancel");
}

KUNIT_ARRAY_PARAM(rmi_faults_cancel, rmi_faults_cancel, rmi_faults_cancel_desc);

static void rmi_faults_config(struct kunit *test, struct rmi_model_config *cfg)
{
	rmi_model_default_config(cfg);
	cfg->can_cancel = *(const bool *)test->param_value;
}

static void rmi_faults_every_call(struct kunit *test)
{
	unsigned long *log, *redo, k, n, leaked;
	unsigned int i, nf, runs = 0, absorbed = 0;
	struct rmi_model_config cfg;
	const unsigned long *f;
	struct rmi_test_mem *mem;
	struct rmi_test_lc *lc;
	struct rmi_model *m;
	long err;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	log = kunit_kcalloc(test, LOG_CAP, sizeof(*log), GFP_KERNEL);
	redo = kunit_kcalloc(test, BITS_TO_LONGS(LOG_CAP), sizeof(long),
			     GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	KUNIT_ASSERT_NOT_NULL(test, log);
	KUNIT_ASSERT_NOT_NULL(test, redo);
	rmi_faults_config(test, &cfg);

	m = rmi_model_install(test, &cfg);
	rmi_model_record(m, log, LOG_CAP);
	rmi_model_record_redo(m, redo);
	mem = rmi_test_mem_init(test, m);
	KUNIT_ASSERT_EQ(test, rmi_test_lifecycle(test, mem, lc), 0);
	k = rmi_model_calls(m);
	KUNIT_ASSERT_LE(test, k, LOG_CAP);
	kunit_info(test, "K = %lu calls in the lifecycle, %u donating to operations that cannot be cancelled\n",
		   k, bitmap_weight(redo, k));

	for (n = 1; n <= k; n++) {
		nf = rmi_model_faults(log[n - 1], &f);
		for (i = 0; i < nf; i++) {
			leaked = rmi_leaked_granules();
			m = rmi_model_install(test, &cfg);
			mem = rmi_test_mem_init(test, m);
			rmi_model_fail_call(m, n, f[i]);
			err = rmi_test_lifecycle(test, mem, lc);
			runs++;
			if (transient(f[i]) || test_bit(n - 1, redo)) {
				/* Retried, or the donation made again. */
				KUNIT_EXPECT_EQ_MSG(test, err, 0, "call %lu fid %#lx status %#lx",
						    n, log[n - 1], f[i]);
				KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
				absorbed += !transient(f[i]);
			} else {
				KUNIT_EXPECT_TRUE_MSG(test, err || rmi_leaked_granules() != leaked,
						      "call %lu fid %#lx status %#lx: no error",
						      n, log[n - 1], f[i]);
			}
			rmi_test_books(test, m, mem, leaked);
			if (!err)
				KUNIT_EXPECT_TRUE(test, lc->ran);
			/* A Realm the RMM kept is what the library leaked. */
			if (!lc->destroy_err)
				KUNIT_EXPECT_EQ(test, rmi_model_realms(m), 0);
			/* Free this run's model and pages now. */
			rmi_test_release(test, m, mem);
		}
	}
	kunit_info(test, "%u faulty lifecycles, %u refused donations made again\n",
		   runs, absorbed);
}

static void rmi_faults_random(struct kunit *test)
{
	unsigned long calls = 0, leaked, runs = 0, ok = 0;
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct rmi_test_lc *lc;
	struct rmi_model *m;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	rmi_model_default_config(&cfg);
	cfg.random = true;
	cfg.busy_pct = 5;
	cfg.error_pct = 1;

	while (calls < RANDOM_CALLS) {
		cfg.seed = 0x5eed + runs;
		leaked = rmi_leaked_granules();
		m = rmi_model_install(test, &cfg);
		mem = rmi_test_mem_init(test, m);
		if (!rmi_test_lifecycle(test, mem, lc))
			ok++;
		rmi_test_books(test, m, mem, leaked);
		calls += rmi_model_calls(m);
		rmi_test_release(test, m, mem);
		runs++;
		if (runs > 2000)
			break;
	}
	kunit_info(test, "%lu calls, %lu lifecycles, %lu complete\n", calls,
		   runs, ok);
	KUNIT_EXPECT_GE(test, calls, RANDOM_CALLS);
	KUNIT_EXPECT_GT(test, ok, 0);
}

/* A clean lifecycle: its record, and the allocations it made, *@total. */
static struct rmi_test_lc *rmi_faults_clean(struct kunit *test,
					    const struct rmi_model_config *cfg,
					    unsigned long *total)
{
	struct rmi_test_lc *lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	struct rmi_model *m = rmi_model_install(test, cfg);
	struct rmi_test_mem *mem = rmi_test_mem_init(test, m);

	KUNIT_ASSERT_NOT_NULL(test, lc);
	KUNIT_ASSERT_EQ(test, rmi_test_lifecycle(test, mem, lc), 0);
	*total = mem->nr_alloc_calls;
	return lc;
}

/*
 * A lifecycle on a fresh model whose allocations @n to @n + @nr_fail - 1
 * fail; the books balance whatever it returns.
 */
static long rmi_faults_short(struct kunit *test,
			     const struct rmi_model_config *cfg,
			     struct rmi_test_lc *lc, unsigned long n,
			     unsigned long nr_fail)
{
	unsigned long leaked = rmi_leaked_granules();
	struct rmi_test_mem *mem;
	struct rmi_model *m;
	long err;

	m = rmi_model_install(test, cfg);
	mem = rmi_test_mem_init(test, m);
	mem->fail_at = n;
	mem->nr_fail = nr_fail;
	err = rmi_test_lifecycle(test, mem, lc);
	rmi_test_books(test, m, mem, leaked);
	KUNIT_EXPECT_EQ(test, rmi_model_realms(m), 0);
	rmi_test_release(test, m, mem);
	return err;
}

/*
 * A host allocation failure is -ENOMEM, never an RMI status, and
 * everything comes back; a donation short of memory may also be absorbed:
 * the RMM takes what it got and asks again.  One that cannot be cancelled
 * waits for memory and completes: allocations 1..3 from n on fail.
 */
static void rmi_faults_alloc(struct kunit *test)
{
	unsigned long leaked, n, total, nr_fail;
	struct rmi_model_config cfg;
	struct rmi_test_lc *lc;
	long err;

	rmi_faults_config(test, &cfg);
	lc = rmi_faults_clean(test, &cfg, &total);

	for (nr_fail = 1; nr_fail <= 3; nr_fail++) {
		for (n = 1; n <= total; n++) {
			leaked = rmi_leaked_granules();
			err = rmi_faults_short(test, &cfg, lc, n, nr_fail);
			KUNIT_EXPECT_TRUE_MSG(test, err == -ENOMEM || (!err && lc->ran),
					      "allocations %lu+%lu: %ld", n, nr_fail, err);
			KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
		}
	}
}

/*
 * The library's own allocations (its records and list copies, fault.c)
 * fail in turn: the Nth of a lifecycle, through the task's fail-nth, for
 * every N until the lifecycle makes fewer than N.  Each failure is
 * -ENOMEM, or is absorbed (the lifecycle completes), and the books balance
 * with nothing leaked.  Creating the Realm alone makes five that cannot be
 * absorbed (the REC table, the two list copies, the records of the RD and
 * of the starting RTTs).
 */
static void rmi_faults_records(struct kunit *test)
{
#ifdef CONFIG_ARM64_RMI_FAIL_ALLOC
	unsigned int n, left, failed = 0, absorbed = 0;
	unsigned long leaked;
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct rmi_test_lc *lc;
	struct rmi_model *m;
	long err;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	rmi_faults_config(test, &cfg);
	for (n = 1; n <= RECORD_ALLOCS; n++) {
		leaked = rmi_leaked_granules();
		m = rmi_model_install(test, &cfg);
		mem = rmi_test_mem_init(test, m);
		WRITE_ONCE(current->fail_nth, n);
		err = rmi_test_lifecycle(test, mem, lc);
		left = READ_ONCE(current->fail_nth);
		WRITE_ONCE(current->fail_nth, 0);
		rmi_test_books(test, m, mem, leaked);
		KUNIT_EXPECT_EQ_MSG(test, rmi_model_realms(m), 0, "allocation %u", n);
		KUNIT_EXPECT_EQ_MSG(test, rmi_leaked_granules(), leaked,
				    "allocation %u", n);
		rmi_test_release(test, m, mem);
		if (left) {
			/* Fewer than n: nothing failed. */
			KUNIT_EXPECT_EQ(test, err, 0);
			break;
		}
		KUNIT_EXPECT_TRUE_MSG(test, err == -ENOMEM || (!err && lc->ran),
				      "allocation %u: %ld", n, err);
		if (err)
			failed++;
		else
			absorbed++;
	}
	KUNIT_EXPECT_LE(test, n, RECORD_ALLOCS);
	KUNIT_EXPECT_GE(test, failed, 5);
	kunit_info(test, "%u allocations failed in turn: %u -ENOMEM, %u absorbed\n",
		   n - 1, failed, absorbed);
#else
	kunit_skip(test, "needs CONFIG_ARM64_RMI_FAIL_ALLOC");
#endif
}

/*
 * Memory that never comes back: an operation that cannot be cancelled is
 * given up after a bounded wait, and counted; the RMM keeps the granule
 * of the object it was creating (the RD: RMI_REALM_CREATE is the first to
 * ask for memory), which the library leaks rather than frees.
 */
static void rmi_faults_no_memory(struct kunit *test)
{
	unsigned long leaked, abandoned, n, total;
	struct rmi_model_config cfg;
	struct rmi_test_lc *lc;
	long err;

	rmi_model_default_config(&cfg);
	cfg.can_cancel = false;
	lc = rmi_faults_clean(test, &cfg, &total);

	/* Find the first allocation inside an operation. */
	for (n = 1; n <= total; n++) {
		leaked = rmi_leaked_granules();
		abandoned = rmi_abandoned_ops();
		err = rmi_faults_short(test, &cfg, lc, n, ULONG_MAX);
		KUNIT_EXPECT_EQ_MSG(test, err, -ENOMEM, "allocations from %lu", n);
		if (rmi_abandoned_ops() != abandoned)
			break;
	}
	KUNIT_ASSERT_LE_MSG(test, n, total, "no operation was ever short of memory");
	KUNIT_EXPECT_EQ(test, rmi_abandoned_ops() - abandoned, 1);
	/* The RD, PARTIAL in the RMM. */
	KUNIT_EXPECT_GE(test, rmi_leaked_granules() - leaked, 1);
}

static struct kunit_case rmi_faults_cases[] = {
	KUNIT_CASE_PARAM_ATTR(rmi_faults_every_call, rmi_faults_cancel_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_SLOW(rmi_faults_random),
	KUNIT_CASE_PARAM_ATTR(rmi_faults_alloc, rmi_faults_cancel_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM_ATTR(rmi_faults_records, rmi_faults_cancel_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_SLOW(rmi_faults_no_memory),
	{}
};

static struct kunit_suite rmi_faults_suite = {
	.name = "rmi_faults",
	.test_cases = rmi_faults_cases,
};

kunit_test_suite(rmi_faults_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI library: faults");
MODULE_LICENSE("GPL");
