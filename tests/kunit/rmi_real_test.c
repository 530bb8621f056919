// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests that issue real RMI calls, through the wrappers of
 * <asm/rmi_cmds.h>, to the Realm Management Monitor of the machine.
 *
 * Under plain QEMU there is no RMM (no EL3 firmware, or one without the RMM
 * dispatcher) and every case is skipped, with the reason.  On the real Arm
 * CCA stack (QEMU with FEAT_RME, TF-A, TF-RMM; scripts/kunit.sh) the cases
 * check what the RMMs answered in ../shared/reference/rme-stack.md:
 *
 *   - RMI_VERSION with the revision of the header succeeds, the RMM
 *     implementing exactly that revision; another revision gets
 *     RMI_ERROR_INPUT and the same range;
 *   - RMI_FEATURES(0) succeeds with a sane S2SZ;
 *   - 2.0: granule commands fail with RMI_ERROR_GLOBAL before
 *     RMM_CONFIG_SET + RMM_ACTIVATE, which succeed; then granules are
 *     delegated and undelegated with GRANULE_RANGE_(UN)DELEGATE.  Where
 *     the RMI library is built in (the default revision), the library's
 *     rmi_init() configures and activates the RMM, so that the suites
 *     running the library on the RMM later in the boot share it
 *     (rmi_real_lib.c); elsewhere (2.0-bet3) the suite issues the two
 *     commands itself;
 *   - 1.0-rel0: granules are delegated and undelegated with
 *     GRANULE_(UN)DELEGATE, and an empty Realm is created and destroyed.
 *
 * Activation is one-way, so it is done once, in the suite's init, and its
 * results are checked by a case.  A granule whose undelegation failed still
 * belongs to the Realm world: it is never handed back to the page
 * allocator (leaked, with a warning).
 */

#include <kunit/test.h>
#include <linux/arm-smccc.h>
#include <linux/bitfield.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include <asm/rmi_cmds.h>
#include <asm/rmi_smc.h>

/*
 * The RMI library, built in for the default revision: it activates the
 * RMM.  Built in only, as rmi_init() writes data sealed after boot.
 */
#if IS_ENABLED(CONFIG_RMI_LIB_KUNIT_TEST) && IS_BUILTIN(CONFIG_RMI_KUNIT_TEST)
#define RMI_REAL_LIB
#include <asm/rmi.h>

#include "rmi_real_lib.h"	/* default revision only */
#endif

/* The 2.0 betas described share every command this suite issues. */
#if defined(RMI_SPEC_REVISION_2_0_BET1) || defined(RMI_SPEC_REVISION_2_0_BET3)
#define RMI_REAL_2_0
#endif

#if defined(RMI_REAL_2_0) == defined(RMI_SPEC_REVISION_1_0_REL0)
#error "<asm/rmi_smc.h> must define exactly one RMI_SPEC_REVISION_* macro"
#endif

/* The interface revision of the header: the one requested. */
#define RMI_REAL_VERSION \
	RMI_ABI_VERSION(RMI_ABI_MAJOR_VERSION, RMI_ABI_MINOR_VERSION)

/*
 * A revision the RMM of the stack does not implement: the other major
 * revision the project describes (rme-stack.md: 2.0 refuses 1.0, 1.0
 * refuses 2.0).
 */
#ifdef RMI_REAL_2_0
#define RMI_REAL_OTHER_VERSION	RMI_ABI_VERSION(RMI_ABI_MAJOR_VERSION - 1, 0)
#else
#define RMI_REAL_OTHER_VERSION	RMI_ABI_VERSION(RMI_ABI_MAJOR_VERSION + 1, 0)
#endif

/* Granules delegated by the delegation cases. */
#define RMI_REAL_ORDER		2
#define RMI_REAL_GRANULES	BIT(RMI_REAL_ORDER)

/* Stage 2 with 4KB granules: bits resolved per level, and the page level. */
#define RMI_REAL_LEVEL_BITS	(PAGE_SHIFT - 3)
#define RMI_REAL_PAGE_LEVEL	3
/* Widest IPA without FEAT_LPA2: four levels of tables. */
#define RMI_REAL_MAX_S2SZ	(PAGE_SHIFT + 4 * RMI_REAL_LEVEL_BITS)
/* The narrowest IPA an RMM must accept (RMM specification, S2SZ). */
#define RMI_REAL_MIN_S2SZ	32

/**
 * struct rmi_real_state - what the suite's init found and did
 * @why: why there is no RMM to test, or NULL
 * @version_ret: RMI_VERSION's return code for RMI_REAL_VERSION
 * @lower: lowest revision the RMM implements
 * @higher: highest revision the RMM implements
 * @pre_activate_ret: GRANULE_RANGE_DELEGATE's return code before activation
 * @config_get_ret: RMM_CONFIG_GET's return code
 * @config_set_ret: RMM_CONFIG_SET's return code
 * @activate_ret: RMM_ACTIVATE's return code
 * @init_err: rmi_init()'s result, with the library
 * @at_boot: the library had activated the RMM at boot already
 * @lib_config_sets: RMM_CONFIG_SET commands rmi_init() issued
 * @lib_activates: RMM_ACTIVATE commands rmi_init() issued
 * @config: the configuration RMM_CONFIG_GET returned
 */
struct rmi_real_state {
	const char *why;
	unsigned long version_ret;
	unsigned long lower;
	unsigned long higher;
#ifdef RMI_REAL_2_0
	unsigned long pre_activate_ret;
	unsigned long config_get_ret;
	unsigned long config_set_ret;
	unsigned long activate_ret;
	int init_err;
	bool at_boot;
	unsigned long lib_config_sets;
	unsigned long lib_activates;
	struct rmm_config config;
#endif
};

static struct rmi_real_state rmi_real;

/**
 * rmi_real_status() - The status of an RMI return code
 * @ret: the return code (X0)
 *
 * A function, not RMI_RETURN_STATUS() itself, so that a failed expectation
 * names it instead of printing the macro's expansion.
 *
 * Return: the RmiStatusCode field of @ret.
 */
static unsigned long rmi_real_status(unsigned long ret)
{
	return RMI_RETURN_STATUS(ret);
}

/**
 * rmi_real_free() - Give granules back to the page allocator, if they are
 *   Non-secure
 * @page: first page of the block
 * @order: order of the block
 * @delegated: true if any granule of the block may still be delegated
 *
 * A granule that could not be undelegated belongs to the Realm world: the
 * kernel must never touch it again, so the block is leaked on purpose.
 */
static void rmi_real_free(struct page *page, unsigned int order, bool delegated)
{
	if (WARN_ON_ONCE(delegated))
		return;
	__free_pages(page, order);
}

#ifdef RMI_REAL_2_0
/**
 * rmi_real_range() - Delegate or undelegate a range of granules
 * @base: PA of the first granule
 * @n: number of granules
 * @delegate: true to delegate, false to undelegate
 * @done: number of granules processed, from @base
 *
 * Follows the top the RMM returns: it may process fewer granules than
 * asked (one per call for TF-RMM).  Stops after @n calls or at the first
 * error or lack of progress.
 *
 * Return: RMI return code of the last call.
 */
static unsigned long rmi_real_range(phys_addr_t base, unsigned int n,
				    bool delegate, unsigned int *done)
{
	phys_addr_t top = base + (phys_addr_t)n * PAGE_SIZE;
	phys_addr_t addr = base;
	unsigned long ret = RMI_SUCCESS;
	unsigned long out;
	unsigned int i;

	for (i = 0; i < n && addr < top; i++) {
		out = addr;
		if (delegate)
			ret = rmi_granule_range_delegate(addr, top, &out);
		else
			ret = rmi_granule_range_undelegate(addr, top, &out);
		if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS || out <= addr ||
		    out > top)
			break;
		addr = out;
	}
	*done = (addr - base) >> PAGE_SHIFT;
	return ret;
}
#else
/**
 * rmi_real_range() - Delegate or undelegate granules one by one
 * @base: PA of the first granule
 * @n: number of granules
 * @delegate: true to delegate, false to undelegate
 * @done: number of granules processed, from @base
 *
 * Stops at the first error.
 *
 * Return: RMI return code of the last call.
 */
static unsigned long rmi_real_range(phys_addr_t base, unsigned int n,
				    bool delegate, unsigned int *done)
{
	unsigned long ret = RMI_SUCCESS;
	phys_addr_t addr;
	unsigned int i;

	for (i = 0; i < n; i++) {
		addr = base + (phys_addr_t)i * PAGE_SIZE;
		if (delegate)
			ret = rmi_granule_delegate(addr);
		else
			ret = rmi_granule_undelegate(addr);
		if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS)
			break;
	}
	*done = i;
	return ret;
}
#endif

/**
 * rmi_real_undelegate_all() - Undelegate granules and free their block
 * @page: first page of the block
 * @order: order of the block
 *
 * Return: true if every granule was undelegated and the block freed.
 */
static bool rmi_real_undelegate_all(struct page *page, unsigned int order)
{
	unsigned int done;

	rmi_real_range(page_to_phys(page), 1U << order, false, &done);
	rmi_real_free(page, order, done != 1U << order);
	return done == 1U << order;
}

#ifdef RMI_REAL_2_0
/**
 * rmi_real_activate() - Try a granule command, configure and activate the
 *   RMM
 *
 * Records every return code in rmi_real, for rmi_real_activate_test().
 */
static void rmi_real_activate(void)
{
	struct rmm_config *config;
	struct page *page;
	unsigned int done;

	rmi_real.pre_activate_ret = ~0UL;
	rmi_real.config_get_ret = ~0UL;
	rmi_real.config_set_ret = ~0UL;
	rmi_real.activate_ret = ~0UL;
#ifdef RMI_REAL_LIB
	/* The built-in library's initcall (boot.c) got there first. */
	if (rmi_is_available()) {
		rmi_real.at_boot = true;
		rmi_real.init_err = rmi_real_lib_activate();
		return;
	}
#endif

	/* Before activation: must fail with RMI_ERROR_GLOBAL. */
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return;
	rmi_real.pre_activate_ret = rmi_real_range(page_to_phys(page), 1, true,
						   &done);
	if (done)
		rmi_real_undelegate_all(page, 0);
	else
		rmi_real_free(page, 0, false);

	page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!page)
		return;
	config = page_address(page);
	rmi_real.config_get_ret = rmi_rmm_config_get(page_to_phys(page));
	rmi_real.config = *config;
#ifdef RMI_REAL_LIB
	__free_page(page);
	/* The library configures and activates, with the real SMCs. */
	rmi_real.lib_config_sets = rmi_call_count(SMC_RMI_RMM_CONFIG_SET);
	rmi_real.lib_activates = rmi_call_count(SMC_RMI_RMM_ACTIVATE);
	rmi_real.init_err = rmi_real_lib_activate();
	rmi_real.lib_config_sets = rmi_call_count(SMC_RMI_RMM_CONFIG_SET) -
				   rmi_real.lib_config_sets;
	rmi_real.lib_activates = rmi_call_count(SMC_RMI_RMM_ACTIVATE) -
				 rmi_real.lib_activates;
	if (!rmi_real.init_err) {
		rmi_real.config_set_ret = RMI_SUCCESS;
		rmi_real.activate_ret = RMI_SUCCESS;
	}
#else
	memset(config, 0, sizeof(*config));
	config->tracking_region_size = 0;
	config->rmi_granule_size = RMI_GRANULE_SIZE_4KB;
	rmi_real.config_set_ret = rmi_rmm_config_set(page_to_phys(page));
	rmi_real_free(page, 0, false);
	/*
	 * An RMM that makes activation an operation (RMI_INCOMPLETE) is
	 * the library's to drive: this suite reports it as a failure.
	 */
	if (RMI_RETURN_STATUS(rmi_real.config_set_ret) == RMI_SUCCESS)
		rmi_real.activate_ret = rmi_rmm_activate(NULL);
#endif
}
#endif

/**
 * rmi_real_suite_init() - Look for an RMM, and activate it (2.0)
 * @suite: the suite
 *
 * Return: 0; when there is no RMM, rmi_real.why says why, and every case
 * is skipped.
 */
static int rmi_real_suite_init(struct kunit_suite *suite)
{
	memset(&rmi_real, 0, sizeof(rmi_real));
	if (PAGE_SIZE != SZ_4K) {
		rmi_real.why = "the tests delegate 4KB granules, one per page";
		return 0;
	}
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC) {
		rmi_real.why = "no SMC conduit: not running at EL2 over EL3 firmware";
		return 0;
	}
	rmi_real.version_ret = rmi_version(RMI_REAL_VERSION, &rmi_real.lower,
					   &rmi_real.higher);
	if (rmi_real.version_ret == SMCCC_RET_NOT_SUPPORTED) {
		rmi_real.why = "RMI_VERSION is not supported: no RMM";
		return 0;
	}
#ifdef RMI_REAL_2_0
	/* Only an RMM that speaks our revision is configured. */
	if (RMI_RETURN_STATUS(rmi_real.version_ret) == RMI_SUCCESS)
		rmi_real_activate();
#endif
	return 0;
}

/**
 * rmi_real_need_version() - Skip a case when the RMM does not implement
 *   the header's revision
 * @test: the test case
 *
 * rmi_real_version_test() fails then; the other cases would only repeat
 * it, with calls the RMM may interpret differently.
 */
static void rmi_real_need_version(struct kunit *test)
{
	if (RMI_RETURN_STATUS(rmi_real.version_ret) != RMI_SUCCESS)
		kunit_skip(test, "the RMM implements RMI %lu.%lu to %lu.%lu, not %s",
			   RMI_ABI_VERSION_GET_MAJOR(rmi_real.lower),
			   RMI_ABI_VERSION_GET_MINOR(rmi_real.lower),
			   RMI_ABI_VERSION_GET_MAJOR(rmi_real.higher),
			   RMI_ABI_VERSION_GET_MINOR(rmi_real.higher),
			   RMI_SPEC_REVISION);
}

/**
 * rmi_real_init() - Skip the case when there is no RMM
 * @test: the test case
 *
 * Return: 0.
 */
static int rmi_real_init(struct kunit *test)
{
	if (rmi_real.why)
		kunit_skip(test, "%s", rmi_real.why);
	return 0;
}

/**
 * rmi_real_version_test() - RMI_VERSION with the header's revision
 * @test: the test case
 */
static void rmi_real_version_test(struct kunit *test)
{
	const unsigned long ours = RMI_REAL_VERSION;

	KUNIT_EXPECT_EQ(test, rmi_real_status(rmi_real.version_ret), RMI_SUCCESS);
	KUNIT_EXPECT_EQ(test, rmi_real.lower, ours);
	KUNIT_EXPECT_EQ(test, rmi_real.higher, ours);
}

/**
 * rmi_real_version_other_test() - RMI_VERSION with a revision the RMM does
 *   not implement
 * @test: the test case
 */
static void rmi_real_version_other_test(struct kunit *test)
{
	const unsigned long ours = RMI_REAL_VERSION;
	unsigned long lower = 0, higher = 0, ret;

	rmi_real_need_version(test);
	ret = rmi_version(RMI_REAL_OTHER_VERSION, &lower, &higher);
	KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_ERROR_INPUT);
	KUNIT_EXPECT_EQ(test, lower, ours);
	KUNIT_EXPECT_EQ(test, higher, ours);
}

/**
 * rmi_real_s2sz() - Read the RMM's S2SZ from feature register 0
 * @test: the test case
 *
 * Return: S2SZ; the case fails if RMI_FEATURES fails.
 */
static unsigned int rmi_real_s2sz(struct kunit *test)
{
	unsigned long feat0 = 0, ret;

	ret = rmi_features(0, &feat0);
	KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
	return FIELD_GET(RMI_FEATURE_REGISTER_0_S2SZ, feat0);
}

/**
 * rmi_real_features_test() - RMI_FEATURES(0), and its S2SZ
 * @test: the test case
 */
static void rmi_real_features_test(struct kunit *test)
{
	unsigned int s2sz;

	rmi_real_need_version(test);
	s2sz = rmi_real_s2sz(test);

	KUNIT_EXPECT_GT(test, s2sz, RMI_REAL_MIN_S2SZ);
	kunit_info(test, "RMI_FEATURES(0): S2SZ %u\n", s2sz);
}

/**
 * rmi_real_delegate_test() - Delegate and undelegate a few granules
 * @test: the test case
 *
 * Delegating a delegated granule fails; after undelegation, delegating
 * succeeds again, which shows the granules were back to Non-secure.
 */
static void rmi_real_delegate_test(struct kunit *test)
{
	unsigned int delegated, done;
	struct page *page;
	unsigned long ret;
	phys_addr_t pa;

	rmi_real_need_version(test);
	page = alloc_pages(GFP_KERNEL, RMI_REAL_ORDER);
	KUNIT_ASSERT_NOT_NULL(test, page);
	pa = page_to_phys(page);

	ret = rmi_real_range(pa, RMI_REAL_GRANULES, true, &delegated);
	KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
	KUNIT_EXPECT_EQ(test, delegated, RMI_REAL_GRANULES);
	if (delegated == RMI_REAL_GRANULES) {
		ret = rmi_real_range(pa, 1, true, &done);
		KUNIT_EXPECT_NE(test, rmi_real_status(ret), RMI_SUCCESS);
		KUNIT_EXPECT_EQ(test, done, 0);
	}

	ret = rmi_real_range(pa, delegated, false, &done);
	KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
	KUNIT_EXPECT_EQ(test, done, delegated);
	if (done != delegated || delegated != RMI_REAL_GRANULES) {
		/* Leaked if any granule is still delegated. */
		rmi_real_free(page, RMI_REAL_ORDER, done != delegated);
		return;
	}

	ret = rmi_real_range(pa, RMI_REAL_GRANULES, true, &done);
	KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
	KUNIT_EXPECT_EQ(test, done, RMI_REAL_GRANULES);
	if (done != RMI_REAL_GRANULES) {
		/* Only the first granules: undelegate those. */
		rmi_real_range(pa, done, false, &delegated);
		rmi_real_free(page, RMI_REAL_ORDER, delegated != done);
		return;
	}
	KUNIT_EXPECT_TRUE(test, rmi_real_undelegate_all(page, RMI_REAL_ORDER));
}

#ifdef RMI_REAL_2_0
/**
 * rmi_real_activate_test() - What the suite's init got from the RMM
 * @test: the test case
 *
 * Before activation, GRANULE_RANGE_DELEGATE fails with RMI_ERROR_GLOBAL;
 * RMM_CONFIG_GET, RMM_CONFIG_SET (4KB granules, no tracking region) and
 * RMM_ACTIVATE succeed; with the library, rmi_init() succeeded having
 * issued each of the last two once.
 */
static void rmi_real_activate_test(struct kunit *test)
{
	rmi_real_need_version(test);
#ifdef RMI_REAL_LIB
	if (rmi_real.at_boot) {
		KUNIT_ASSERT_EQ(test, rmi_real.init_err, 0);
		kunit_skip(test, "activated at boot: nothing before activation to check");
	}
#endif
	KUNIT_EXPECT_EQ(test, rmi_real_status(rmi_real.pre_activate_ret),
			RMI_ERROR_GLOBAL);
	KUNIT_EXPECT_EQ(test, rmi_real_status(rmi_real.config_get_ret),
			RMI_SUCCESS);
	KUNIT_EXPECT_EQ(test, rmi_real_status(rmi_real.config_set_ret),
			RMI_SUCCESS);
	KUNIT_EXPECT_EQ(test, rmi_real_status(rmi_real.activate_ret),
			RMI_SUCCESS);
#ifdef RMI_REAL_LIB
	KUNIT_EXPECT_EQ(test, rmi_real.init_err, 0);
	KUNIT_EXPECT_EQ(test, rmi_real.lib_config_sets, 1);
	KUNIT_EXPECT_EQ(test, rmi_real.lib_activates, 1);
#endif
	kunit_info(test, "RMM_CONFIG_GET: tracking_region_size %llu, rmi_granule_size %llu\n",
		   rmi_real.config.tracking_region_size,
		   rmi_real.config.rmi_granule_size);
}
#endif

#ifdef RMI_SPEC_REVISION_1_0_REL0
/**
 * rmi_real_start_level() - The RTT starting level for an IPA width
 * @s2sz: IPA width in bits, at most RMI_REAL_MAX_S2SZ
 *
 * The level with the fewest levels below it that resolves @s2sz bits with
 * one table, so that the RTT root is a single granule (rtt_num_start 1).
 *
 * Return: the starting level, 0 to RMI_REAL_PAGE_LEVEL.
 */
static long rmi_real_start_level(unsigned int s2sz)
{
	long level = RMI_REAL_PAGE_LEVEL;

	while (level > 0 &&
	       PAGE_SHIFT + (RMI_REAL_PAGE_LEVEL + 1 - level) * RMI_REAL_LEVEL_BITS < s2sz)
		level--;
	return level;
}

/**
 * rmi_real_realm_test() - Create and destroy an empty Realm
 * @test: the test case
 *
 * REALM_CREATE with S2SZ from RMI_FEATURES (at most RMI_REAL_MAX_S2SZ: no
 * LPA2), SHA-256, one breakpoint and one watchpoint, and a delegated RD
 * and RTT root; REC_AUX_COUNT; REALM_DESTROY; then both granules are
 * undelegated.
 */
static void rmi_real_realm_test(struct kunit *test)
{
	struct page *params_page, *rd, *rtt;
	struct realm_params *params;
	unsigned long ret, aux_count = ~0UL;
	unsigned int s2sz, done;
	bool realm = false;

	rmi_real_need_version(test);
	s2sz = min_t(unsigned int, rmi_real_s2sz(test), RMI_REAL_MAX_S2SZ);
	KUNIT_ASSERT_GT(test, s2sz, RMI_REAL_MIN_S2SZ);

	params_page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, params_page);
	rd = alloc_page(GFP_KERNEL);
	rtt = alloc_page(GFP_KERNEL);
	if (!rd || !rtt)
		goto free_ns;

	ret = rmi_real_range(page_to_phys(rd), 1, true, &done);
	KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
	if (!done)
		goto free_ns;
	ret = rmi_real_range(page_to_phys(rtt), 1, true, &done);
	KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
	if (!done)
		goto free_rd;

	params = page_address(params_page);
	params->s2sz = s2sz;
	params->num_bps = 1;
	params->num_wps = 1;
	params->hash_algo = RMI_HASH_SHA_256;
	params->vmid = 1;
	params->rtt_base = page_to_phys(rtt);
	params->rtt_level_start = rmi_real_start_level(s2sz);
	params->rtt_num_start = 1;
	kunit_info(test, "REALM_CREATE: s2sz %u, rtt_level_start %lld\n", s2sz,
		   params->rtt_level_start);

	ret = rmi_realm_create(page_to_phys(rd), page_to_phys(params_page));
	KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
	realm = RMI_RETURN_STATUS(ret) == RMI_SUCCESS;
	if (realm) {
		ret = rmi_rec_aux_count(page_to_phys(rd), &aux_count);
		KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
		kunit_info(test, "REC_AUX_COUNT: %lu\n", aux_count);

		ret = rmi_realm_destroy(page_to_phys(rd));
		KUNIT_EXPECT_EQ(test, rmi_real_status(ret), RMI_SUCCESS);
		if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS) {
			/* The RD and the RTT stay the Realm's: leaked. */
			rmi_real_free(rtt, 0, true);
			rmi_real_free(rd, 0, true);
			rtt = NULL;
			rd = NULL;
		}
	}

	if (rtt)
		KUNIT_EXPECT_TRUE(test, rmi_real_undelegate_all(rtt, 0));
	rtt = NULL;
free_rd:
	if (rd)
		KUNIT_EXPECT_TRUE(test, rmi_real_undelegate_all(rd, 0));
	rd = NULL;
free_ns:
	if (rtt)
		__free_page(rtt);
	if (rd)
		__free_page(rd);
	__free_page(params_page);
}
#endif

static struct kunit_case rmi_real_cases[] = {
	KUNIT_CASE(rmi_real_version_test),
	KUNIT_CASE(rmi_real_version_other_test),
	KUNIT_CASE(rmi_real_features_test),
#ifdef RMI_REAL_2_0
	KUNIT_CASE(rmi_real_activate_test),
#endif
	KUNIT_CASE(rmi_real_delegate_test),
#ifdef RMI_SPEC_REVISION_1_0_REL0
	KUNIT_CASE(rmi_real_realm_test),
#endif
	{}
};

static struct kunit_suite rmi_real_suite = {
	.name = "rmi_real",
	.suite_init = rmi_real_suite_init,
	.init = rmi_real_init,
	.test_cases = rmi_real_cases,
};

kunit_test_suite(rmi_real_suite);

MODULE_DESCRIPTION("KUnit tests of real RMI calls to the RMM (" RMI_SPEC_REVISION ")");
MODULE_LICENSE("GPL");
