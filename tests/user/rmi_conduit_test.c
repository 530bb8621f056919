// SPDX-License-Identifier: GPL-2.0-only
/*
 * Suite rmi_conduit, run on the build machine only (tests/user/run.sh):
 * the wrappers of <asm/rmi_cmds.h> as generated, without the SMCCC test
 * double, reach the RMM through the SMCCC conduit.  rmi_version() takes
 * the SMCCC 1.1 path, rmi_rtt_read_entry() (four results) the SMCCC 1.2
 * one, in every revision.  For each conduit the SMCCC layer may report:
 *
 *  - SMC: one SMC, with the function ID and the inputs, answered;
 *  - HVC: one HVC, the same;
 *  - none: no call at all, X0 = SMCCC_RET_NOT_SUPPORTED, the outputs 0.
 *
 * The stand-ins of tests/user/include play the SMCCC layer: the conduit
 * is rmi_user_conduit, and every call reaches the handler installed here.
 * A kernel test cannot choose the conduit its machine has, so this suite
 * has no kernel build.  Values typed from the specification: FIDs from
 * rmi-abi.md 1.1 and 3.2, SMCCC_RET_NOT_SUPPORTED (-1) from SMCCC 1.1.
 */
#include <kunit/test.h>

#include <asm/rmi_cmds.h>

#define RMI_CONDUIT_FID_VERSION		0xc4000150UL
#define RMI_CONDUIT_FID_RTT_READ_ENTRY	0xc4000161UL
#define RMI_CONDUIT_NOT_SUPPORTED	((unsigned long)-1L)
/* What the handler answers in X<j>: small, below every output mask. */
#define RMI_CONDUIT_RES(j)		(0x10UL + (j))

static struct rmi_user_call rmi_conduit_last;
static unsigned int rmi_conduit_calls;

static void rmi_conduit_handler(const struct rmi_user_call *call,
				unsigned long *res)
{
	unsigned int j;

	rmi_conduit_last = *call;
	rmi_conduit_calls++;
	for (j = 0; j < 18; j++)
		res[j] = RMI_CONDUIT_RES(j);
}

static const enum arm_smccc_conduit rmi_conduits[] = {
	SMCCC_CONDUIT_SMC, SMCCC_CONDUIT_HVC, SMCCC_CONDUIT_NONE,
};

static void rmi_conduit_desc(const enum arm_smccc_conduit *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s",
		 *c == SMCCC_CONDUIT_SMC ? "smc" :
		 *c == SMCCC_CONDUIT_HVC ? "hvc" : "none");
}

KUNIT_ARRAY_PARAM(rmi_conduit, rmi_conduits, rmi_conduit_desc);

static int rmi_conduit_init(struct kunit *test)
{
	rmi_conduit_calls = 0;
	memset(&rmi_conduit_last, 0, sizeof(rmi_conduit_last));
	rmi_user_conduit = *(const enum arm_smccc_conduit *)test->param_value;
	rmi_user_smccc_handler = rmi_conduit_handler;
	return 0;
}

static void rmi_conduit_exit(struct kunit *test)
{
	rmi_user_smccc_handler = NULL;
	rmi_user_conduit = SMCCC_CONDUIT_SMC;
}

/* RMI_VERSION: one input, two results, arm_smccc_1_1_invoke(). */
static void rmi_conduit_1_1(struct kunit *test)
{
	enum arm_smccc_conduit conduit = rmi_user_conduit;
	unsigned long lower = 0xdead, higher = 0xdead, ret;

	ret = rmi_version(0x20000, &lower, &higher);

	if (conduit == SMCCC_CONDUIT_NONE) {
		KUNIT_EXPECT_EQ_MSG(test, rmi_conduit_calls, 0, "a call without a conduit");
		KUNIT_EXPECT_EQ(test, ret, RMI_CONDUIT_NOT_SUPPORTED);
		KUNIT_EXPECT_EQ(test, lower, 0);
		KUNIT_EXPECT_EQ(test, higher, 0);
		return;
	}
	KUNIT_ASSERT_EQ(test, rmi_conduit_calls, 1);
	KUNIT_EXPECT_EQ_MSG(test, rmi_conduit_last.conduit, conduit, "the wrong conduit");
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.smccc_1_2, false);
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.nr_regs, 2);
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.regs[0], RMI_CONDUIT_FID_VERSION);
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.regs[1], 0x20000);
	KUNIT_EXPECT_EQ(test, ret, RMI_CONDUIT_RES(0));
	KUNIT_EXPECT_EQ(test, lower, RMI_CONDUIT_RES(1));
	KUNIT_EXPECT_EQ(test, higher, RMI_CONDUIT_RES(2));
}

/* RMI_RTT_READ_ENTRY: four results, the SMCCC 1.2 path. */
static void rmi_conduit_1_2(struct kunit *test)
{
	enum arm_smccc_conduit conduit = rmi_user_conduit;
	unsigned long out[4] = { 0xdead, 0xdead, 0xdead, 0xdead };
	unsigned long ret;
	unsigned int j;

	ret = rmi_rtt_read_entry(0x1000, 0x2000, 3, &out[0], &out[1], &out[2],
				 &out[3]);

	if (conduit == SMCCC_CONDUIT_NONE) {
		KUNIT_EXPECT_EQ_MSG(test, rmi_conduit_calls, 0, "a call without a conduit");
		KUNIT_EXPECT_EQ(test, ret, RMI_CONDUIT_NOT_SUPPORTED);
		for (j = 0; j < 4; j++)
			KUNIT_EXPECT_EQ_MSG(test, out[j], 0, "output X%u", j + 1);
		return;
	}
	KUNIT_ASSERT_EQ(test, rmi_conduit_calls, 1);
	KUNIT_EXPECT_EQ_MSG(test, rmi_conduit_last.conduit, conduit, "the wrong conduit");
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.smccc_1_2, true);
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.regs[0], RMI_CONDUIT_FID_RTT_READ_ENTRY);
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.regs[1], 0x1000);
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.regs[2], 0x2000);
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.regs[3], 3);
	KUNIT_EXPECT_EQ(test, rmi_conduit_last.regs[4], 0);
	KUNIT_EXPECT_EQ(test, ret, RMI_CONDUIT_RES(0));
	for (j = 0; j < 4; j++)
		KUNIT_EXPECT_EQ_MSG(test, out[j], RMI_CONDUIT_RES(j + 1), "output X%u", j + 1);
}

static struct kunit_case rmi_conduit_cases[] = {
	KUNIT_CASE_PARAM(rmi_conduit_1_1, rmi_conduit_gen_params),
	KUNIT_CASE_PARAM(rmi_conduit_1_2, rmi_conduit_gen_params),
	{}
};

static struct kunit_suite rmi_conduit_suite = {
	.name = "rmi_conduit",
	.init = rmi_conduit_init,
	.exit = rmi_conduit_exit,
	.test_cases = rmi_conduit_cases,
};

kunit_test_suite(rmi_conduit_suite);
