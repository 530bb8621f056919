// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_cmds: argument packing of the rmi_*() wrappers.
 *
 * Every wrapper is called with a distinct sentinel in each argument, through
 * the SMCCC test double, which records X0..X17 and answers with a distinct
 * value in each result register.  Each case checks, against values typed
 * here from the specification (never from the description the wrappers are
 * generated from): the function ID, every input in its register, exactly as
 * many registers as the command takes, the return code from X0, every output
 * from its own register (8-bit outputs masked), and NULL output pointers.
 *
 * The suite also checks the return-code, version and descriptor helpers of
 * <asm/rmi_smc.h> on crafted values.
 */
#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/kernel.h>

#define RMI_SMCCC_DOUBLE
#include "rmi_smccc_double.h"
#include <asm/rmi_cmds.h>

/* Sentinels: input i (X<i>), and result register j (X<j> out). */
#define RMI_TEST_IN(i)		(0xf00d000000000000UL | ((unsigned long)(i) << 16) | 0xa5)
#define RMI_TEST_RES(j)		(0xc0de000000000000UL | 0x1010UL * (j) | 0x10)

#define RMI_FID(fnum)		(0xc4000000UL | (fnum))

/**
 * struct rmi_cmd_case - how one command packs, from the specification
 * @name: wrapper name
 * @fid: function ID
 * @nr_in: input registers, X1 up
 * @nr_out: output registers besides X0, X1 up
 * @narrow: outputs (bit k: output X<k+1>) the spec gives as 8 bits, 7:0
 * @call: calls the wrapper with the inputs in[] and outputs &out[] or NULL
 */
struct rmi_cmd_case {
	const char *name;
	unsigned long fid;
	unsigned int nr_in;
	unsigned int nr_out;
	unsigned long narrow;
	unsigned long (*call)(const unsigned long *in, unsigned long *out);
};

/* Output pointer @k of the outputs @out, or NULL when @out is. */
static unsigned long *op(unsigned long *out, unsigned int k)
{
	return out ? &out[k] : NULL;
}

/*
 * RMI_CALL_<inputs>_<outputs>(cmd, ...) defines call_<cmd>(), which calls
 * rmi_<cmd>() with in[0..] and the outputs.
 */
#define RMI_CALL_0_0(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd();					\
	}

#define RMI_CALL_1_0(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0]);				\
	}

#define RMI_CALL_2_0(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1]);				\
	}

#define RMI_CALL_3_0(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2]);			\
	}

#define RMI_CALL_4_0(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3]);		\
	}

#define RMI_CALL_5_0(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3], in[4]);	\
	}

#define RMI_CALL_1_1(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], op(out, 0));			\
	}

#define RMI_CALL_2_1(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], op(out, 0));		\
	}

#define RMI_CALL_3_1(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], op(out, 0));	\
	}

#define RMI_CALL_4_1(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2],			\
				 in[3], op(out, 0));			\
	}

#define RMI_CALL_5_1(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2],			\
				 in[3], in[4], op(out, 0));		\
	}

#define RMI_CALL_6_1(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2],			\
				 in[3], in[4], in[5], op(out, 0));	\
	}

#define RMI_CALL_1_2(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], op(out, 0), op(out, 1));	\
	}

#define RMI_CALL_2_2(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], op(out, 0),		\
				 op(out, 1));				\
	}

#define RMI_CALL_3_2(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2],			\
				 op(out, 0), op(out, 1));		\
	}

#define RMI_CALL_4_2(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2],			\
				 in[3], op(out, 0), op(out, 1));	\
	}

#define RMI_CALL_2_3(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], op(out, 0),		\
				 op(out, 1), op(out, 2));		\
	}

#define RMI_CALL_5_3(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], in[3], in[4],	\
				 op(out, 0), op(out, 1), op(out, 2));	\
	}

#define RMI_CALL_3_4(cmd, ...)						\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out)		\
	{								\
		return rmi_##cmd(in[0], in[1], in[2], op(out, 0),	\
				 op(out, 1), op(out, 2), op(out, 3));	\
	}

#if defined(RMI_SPEC_REVISION_2_0_BET1) || defined(RMI_SPEC_REVISION_2_0_BET3)
#include "rmi_cmds_op.h"
#endif

#define RMI_CMD(cmd, fnum, nr_in, nr_out, narrow)		\
	RMI_CALL_##nr_in##_##nr_out(cmd, fnum, narrow)
#define RMI_CMD_OP(cmd, fnum, nr_in, nr_out, narrow)		\
	RMI_CALL_OP_##nr_in##_##nr_out(cmd, fnum, narrow)
#include "rmi_cmds_cases.h"
#undef RMI_CMD
#undef RMI_CMD_OP

#define RMI_CMD(cmd, fnum, nr_in, nr_out, narrow)			\
	{ #cmd, RMI_FID(fnum), nr_in, nr_out, narrow, call_##cmd },
#define RMI_CMD_OP(cmd, fnum, nr_in, nr_out, narrow)			\
	RMI_CMD(cmd, fnum, nr_in, nr_out, narrow)
static const struct rmi_cmd_case rmi_cmd_cases[] = {
#include "rmi_cmds_cases.h"
};

#undef RMI_CMD
#undef RMI_CMD_OP

static void rmi_cmd_case_desc(const struct rmi_cmd_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "rmi_%s", c->name);
}

KUNIT_ARRAY_PARAM(rmi_cmd, rmi_cmd_cases, rmi_cmd_case_desc);

/* The fixed answer: result register j holds RMI_TEST_RES(j). */
static void rmi_test_answer(struct rmi_double *d,
			    const struct rmi_double_call *call,
			    unsigned long *res)
{
	unsigned int j;

	for (j = 0; j < RMI_DOUBLE_NR_REGS; j++)
		res[j] = RMI_TEST_RES(j);
}

static struct rmi_double rmi_test_double = {
	.handler = rmi_test_answer,
};

static int rmi_cmds_test_init(struct kunit *test)
{
	rmi_double_install(&rmi_test_double);
	return 0;
}

static void rmi_cmds_test_exit(struct kunit *test)
{
	rmi_double_remove();
}

static void rmi_cmd_packing(struct kunit *test)
{
	const struct rmi_cmd_case *c = test->param_value;
	const struct rmi_double_call *call = &rmi_test_double.last;
	unsigned long in[RMI_DOUBLE_NR_REGS], out[4];
	unsigned long ret;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(in); i++)
		in[i] = RMI_TEST_IN(i + 1);
	for (i = 0; i < ARRAY_SIZE(out); i++)
		out[i] = 0;

	ret = c->call(in, out);

	KUNIT_ASSERT_EQ(test, rmi_test_double.nr_calls, 1UL);
	KUNIT_EXPECT_EQ_MSG(test, call->regs[0], c->fid, "X0: function ID");
	KUNIT_EXPECT_EQ(test, ret, RMI_TEST_RES(0));

	/*
	 * More than three results need the SMCCC 1.2 interface, which passes
	 * all of X1..X17: those the command does not take must be zero (SBZ).
	 */
	KUNIT_EXPECT_EQ(test, call->smccc_1_2, c->nr_out > 3);
	if (call->smccc_1_2)
		KUNIT_EXPECT_EQ(test, call->nr_regs, RMI_DOUBLE_NR_REGS);
	else
		KUNIT_EXPECT_EQ_MSG(test, call->nr_regs, c->nr_in + 1,
				    "registers passed, X0 included");
	for (i = 1; i < RMI_DOUBLE_NR_REGS; i++) {
		if (i <= c->nr_in)
			KUNIT_EXPECT_EQ_MSG(test, call->regs[i], RMI_TEST_IN(i),
					    "input X%u", i);
		else
			KUNIT_EXPECT_EQ_MSG(test, call->regs[i], 0UL,
					    "X%u is not an input", i);
	}

	for (i = 0; i < c->nr_out; i++) {
		unsigned long want = RMI_TEST_RES(i + 1);

		if (c->narrow & BIT(i))
			want &= GENMASK(7, 0);
		KUNIT_EXPECT_EQ_MSG(test, out[i], want, "output X%u", i + 1);
	}
	for (; i < ARRAY_SIZE(out); i++)
		KUNIT_EXPECT_EQ_MSG(test, out[i], 0UL, "no output X%u", i + 1);
}

/* Every output pointer may be NULL. */
static void rmi_cmd_null_outputs(struct kunit *test)
{
	const struct rmi_cmd_case *c = test->param_value;
	unsigned long in[RMI_DOUBLE_NR_REGS] = { };

	KUNIT_EXPECT_EQ(test, c->call(in, NULL), RMI_TEST_RES(0));
	KUNIT_EXPECT_EQ(test, rmi_test_double.nr_calls, 1UL);
}

/* No two cases test the same command. */
static void rmi_cmd_cases_distinct(struct kunit *test)
{
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(rmi_cmd_cases); i++)
		for (j = i + 1; j < ARRAY_SIZE(rmi_cmd_cases); j++)
			KUNIT_EXPECT_NE_MSG(test, rmi_cmd_cases[i].fid,
					    rmi_cmd_cases[j].fid, "%s and %s",
					    rmi_cmd_cases[i].name,
					    rmi_cmd_cases[j].name);
}

static void rmi_return_code(struct kunit *test)
{
	/* RMI_ERROR_RTT (4) at level 3 */
	KUNIT_EXPECT_EQ(test, RMI_RETURN_STATUS(0x0304UL), 4UL);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_INDEX(0x0304UL), 3UL);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_STATUS(0x0304UL), (unsigned long)RMI_ERROR_RTT);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_STATUS(0xff00UL), 0UL);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_INDEX(0xffUL), 0UL);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_INDEX(0xab00UL), 0xabUL);
}

static void rmi_version_helpers(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RMI_ABI_VERSION(1, 0), 0x10000UL);
	KUNIT_EXPECT_EQ(test, RMI_ABI_VERSION(2, 0), 0x20000UL);
	KUNIT_EXPECT_EQ(test, RMI_ABI_VERSION(0x7fff, 0xffff), 0x7fffffffUL);
	KUNIT_EXPECT_EQ(test, RMI_ABI_VERSION_GET_MAJOR(0x20003UL), 2UL);
	KUNIT_EXPECT_EQ(test, RMI_ABI_VERSION_GET_MINOR(0x20003UL), 3UL);
	/* Bits 63:31 are MBZ, not part of the major version. */
	KUNIT_EXPECT_EQ(test, RMI_ABI_VERSION_GET_MAJOR(0x80010000UL), 1UL);
}

#ifdef RMI_SPEC_REVISION_2_0_BET1
static void rmi_incomplete_helpers(struct kunit *test)
{
	/* RMI_INCOMPLETE (13), memory request DONATE (1), can cancel */
	unsigned long ret = 13 | (1UL << 8) | (1UL << 10);

	KUNIT_EXPECT_EQ(test, RMI_RETURN_STATUS(ret), (unsigned long)RMI_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_MEMREQ(ret), (unsigned long)RMI_OP_MEM_REQ_DONATE);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_CAN_CANCEL(ret), 1UL);

	/* RECLAIM (2), cannot cancel */
	ret = 13 | (2UL << 8);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_MEMREQ(ret), (unsigned long)RMI_OP_MEM_REQ_RECLAIM);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_CAN_CANCEL(ret), 0UL);
	KUNIT_EXPECT_EQ(test, RMI_OP_MEM_REQ_NONE, 0);
}

static void rmi_donate_req_helpers(struct kunit *test)
{
	/* Level 1 blocks (size 2), 5 of them, contiguous, undelegated. */
	unsigned long req = 2 | (5UL << 2) | BIT(16) | BIT(17);

	KUNIT_EXPECT_EQ(test, RMI_DONATE_SIZE(req), 2UL);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_COUNT(req), 5UL);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_CONTIG(req), 1UL);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_STATE(req), (unsigned long)RMI_OP_MEM_UNDELEGATED);
	/* The largest count the 14-bit field holds. */
	KUNIT_EXPECT_EQ(test, RMI_DONATE_COUNT(0xfffcUL), 0x3fffUL);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_CONTIG(0xfffcUL), 0UL);
}

static void rmi_addr_range_helpers(struct kunit *test)
{
	/* 3 granules at 2GB, delegated (state 0), then undelegated. */
	unsigned long ar = 0x80000000UL | (3UL << 2) | 0;

	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_ADDR(ar), 0x80000000UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_COUNT(ar), 3UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_SIZE(ar), 0UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_STATE(ar), 0UL);
	ar |= BIT(63) | 1;
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_STATE(ar), 1UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_SIZE(ar), 1UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_ADDR(ar), 0x80000000UL);
	/* The count field ends below the granule: 4KB granules, bits 11:2. */
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_COUNT_MASK, GENMASK(PAGE_SHIFT - 1, 2));
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_ADDR_MASK, PAGE_MASK & GENMASK(51, 0));
}
#endif

static struct kunit_case rmi_cmds_test_cases[] = {
	KUNIT_CASE_PARAM(rmi_cmd_packing, rmi_cmd_gen_params),
	KUNIT_CASE_PARAM(rmi_cmd_null_outputs, rmi_cmd_gen_params),
	KUNIT_CASE(rmi_cmd_cases_distinct),
	KUNIT_CASE(rmi_return_code),
	KUNIT_CASE(rmi_version_helpers),
#ifdef RMI_SPEC_REVISION_2_0_BET1
	KUNIT_CASE(rmi_incomplete_helpers),
	KUNIT_CASE(rmi_donate_req_helpers),
	KUNIT_CASE(rmi_addr_range_helpers),
#endif
	{}
};

static struct kunit_suite rmi_cmds_test_suite = {
	.name = "rmi_cmds",
	.init = rmi_cmds_test_init,
	.exit = rmi_cmds_test_exit,
	.test_cases = rmi_cmds_test_cases,
};

kunit_test_suite(rmi_cmds_test_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI wrappers");
MODULE_LICENSE("GPL");
