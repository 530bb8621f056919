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
 * rmi_cmds_cases.h names the parameter of every register; make check checks
 * that the wrappers' parameters carry those names in that order.
 *
 * The commands that may return RMI_INCOMPLETE take a struct rmi_op: when the
 * double answers RMI_INCOMPLETE, it must receive X1 (handle) and X2 (donate
 * request) and the outputs must stay unwritten; on any other answer the
 * outputs are written and the struct rmi_op is left alone.
 *
 * The suite also checks the return-code, version and descriptor helpers of
 * <asm/rmi_smc.h> on crafted values.
 */
#include <kunit/test.h>
#include <linux/args.h>
#include <linux/bits.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/string.h>

#define RMI_SMCCC_DOUBLE
#include "rmi_smccc_double.h"
#include <asm/rmi_cmds.h>

/* Sentinels: input i (X<i>), and result register j (X<j> out). */
#define RMI_TEST_IN(i)		(0xf00d000000000000UL | ((unsigned long)(i) << 16) | 0xa5)
#define RMI_TEST_RES(j)		(0xc0de000000000000UL | 0x1010UL * (j) | 0x10)
/* What the wrappers must not write: outputs and struct rmi_op, beforehand. */
#define RMI_TEST_POISON		0xdeadbeefdeadbeefUL

#define RMI_FID(fnum)		(0xc4000000UL | (fnum))

#ifdef RMI_SPEC_REVISION_1_0_REL0
/*
 * 1.0 has no stateful operations and <asm/rmi_cmds.h> no struct rmi_op: the
 * cases of the suite pass one all the same, and no wrapper takes it.
 */
struct rmi_op {
	unsigned long handle;
	unsigned long donate_req;
};
#endif

/* RMI_INCOMPLETE (13), typed from rmi-abi.md 3.1, and its X0 fields (3.3). */
#define RMI_TEST_INCOMPLETE	13UL
#define RMI_TEST_MEMREQ(req)	((unsigned long)(req) << 8)
#define RMI_TEST_CAN_CANCEL	BIT(10)

/**
 * struct rmi_cmd_regs - the registers of one direction of a command
 * @nr: how many, X1 up
 * @names: the wrapper's parameter for each, in register order, as typed in
 *	   rmi_cmds_cases.h ("rd, ipa, long level")
 */
struct rmi_cmd_regs {
	unsigned int nr;
	const char *names;
};

/**
 * struct rmi_cmd_case - how one command packs, from the specification
 * @name: wrapper name
 * @fid: function ID
 * @in: input registers, X1 up
 * @out: output registers besides X0, X1 up
 * @narrow: outputs (bit k: output X<k+1>) the spec gives as 8 bits, 7:0
 * @sro: may return RMI_INCOMPLETE: the wrapper takes a struct rmi_op
 * @call: calls the wrapper with the inputs in[], the outputs &out[] or NULL
 *	  and, for @sro, the struct rmi_op
 */
struct rmi_cmd_case {
	const char *name;
	unsigned long fid;
	struct rmi_cmd_regs in;
	struct rmi_cmd_regs out;
	unsigned long narrow;
	bool sro;
	unsigned long (*call)(const unsigned long *in, unsigned long *out,
			      struct rmi_op *op);
};

/* Output pointer @k of the outputs @out, or NULL when @out is. */
static unsigned long *rmi_out(unsigned long *out, unsigned int k)
{
	return out ? &out[k] : NULL;
}

/*
 * Argument lists of the wrappers, by number of inputs, number of outputs,
 * and whether a struct rmi_op comes last (sro) or not (sync).
 */
#define RMI_ARGS_0_0_sro	(op)
#define RMI_ARGS_1_0_sync	(in[0])
#define RMI_ARGS_1_0_sro	(in[0], op)
#define RMI_ARGS_2_0_sync	(in[0], in[1])
#define RMI_ARGS_2_0_sro	(in[0], in[1], op)
#define RMI_ARGS_3_0_sync	(in[0], in[1], in[2])
#define RMI_ARGS_3_0_sro	(in[0], in[1], in[2], op)
#define RMI_ARGS_4_0_sync	(in[0], in[1], in[2], in[3])
#define RMI_ARGS_4_0_sro	(in[0], in[1], in[2], in[3], op)
#define RMI_ARGS_5_0_sync	(in[0], in[1], in[2], in[3], in[4])
#define RMI_ARGS_5_0_sro	(in[0], in[1], in[2], in[3], in[4], op)
#define RMI_ARGS_1_1_sync	(in[0], rmi_out(out, 0))
#define RMI_ARGS_2_1_sync	(in[0], in[1], rmi_out(out, 0))
#define RMI_ARGS_3_1_sync	(in[0], in[1], in[2], rmi_out(out, 0))
#define RMI_ARGS_3_1_sro	(in[0], in[1], in[2], rmi_out(out, 0), op)
#define RMI_ARGS_4_1_sync	(in[0], in[1], in[2], in[3], rmi_out(out, 0))
#define RMI_ARGS_4_1_sro	(in[0], in[1], in[2], in[3], rmi_out(out, 0),	\
				 op)
#define RMI_ARGS_5_1_sro	(in[0], in[1], in[2], in[3], in[4],	\
				 rmi_out(out, 0), op)
#define RMI_ARGS_6_1_sync	(in[0], in[1], in[2], in[3], in[4], in[5],	\
				 rmi_out(out, 0))
#define RMI_ARGS_6_1_sro	(in[0], in[1], in[2], in[3], in[4], in[5],	\
				 rmi_out(out, 0), op)
#define RMI_ARGS_1_2_sync	(in[0], rmi_out(out, 0), rmi_out(out, 1))
#define RMI_ARGS_2_2_sync	(in[0], in[1], rmi_out(out, 0), rmi_out(out, 1))
#define RMI_ARGS_2_2_sro	(in[0], in[1], rmi_out(out, 0), rmi_out(out, 1),	\
				 op)
#define RMI_ARGS_3_2_sync	(in[0], in[1], in[2], rmi_out(out, 0),	\
				 rmi_out(out, 1))
#define RMI_ARGS_3_2_sro	(in[0], in[1], in[2], rmi_out(out, 0),	\
				 rmi_out(out, 1), op)
#define RMI_ARGS_4_2_sync	(in[0], in[1], in[2], in[3], rmi_out(out, 0),	\
				 rmi_out(out, 1))
#define RMI_ARGS_2_3_sync	(in[0], in[1], rmi_out(out, 0), rmi_out(out, 1),	\
				 rmi_out(out, 2))
#define RMI_ARGS_2_3_sro	(in[0], in[1], rmi_out(out, 0), rmi_out(out, 1),	\
				 rmi_out(out, 2), op)
#define RMI_ARGS_5_3_sro	(in[0], in[1], in[2], in[3], in[4],	\
				 rmi_out(out, 0), rmi_out(out, 1),	\
				 rmi_out(out, 2), op)
#define RMI_ARGS_3_4_sync	(in[0], in[1], in[2], rmi_out(out, 0),	\
				 rmi_out(out, 1), rmi_out(out, 2),	\
				 rmi_out(out, 3))

/*
 * call_<cmd>() calls rmi_<cmd>() with the argument list of its shape; the
 * numbers are counted from the names in RMI_IN() and RMI_OUT().
 */
#define __RMI_THUNK(cmd, nr_in, nr_out, kind, ...)			\
	static unsigned long call_##cmd(const unsigned long *in,	\
					unsigned long *out,		\
					struct rmi_op *op)		\
	{								\
		return rmi_##cmd RMI_ARGS_##nr_in##_##nr_out##_##kind;	\
	}
#define RMI_THUNK(cmd, nr_in, nr_out, kind, ...)			\
	__RMI_THUNK(cmd, nr_in, nr_out, kind, __VA_ARGS__)

#define RMI_IN(...)		COUNT_ARGS(__VA_ARGS__)
#define RMI_OUT(...)		COUNT_ARGS(__VA_ARGS__)
#define RMI_CMD(cmd, fnum, in, out, narrow, kind)			\
	RMI_THUNK(cmd, in, out, kind, fnum, narrow)
#include "rmi_cmds_cases.h"
#undef RMI_CMD
#undef RMI_IN
#undef RMI_OUT

#define RMI_KIND_sync		false
#define RMI_KIND_sro		true
#define RMI_IN(...)		{ COUNT_ARGS(__VA_ARGS__), #__VA_ARGS__ }
#define RMI_OUT(...)		{ COUNT_ARGS(__VA_ARGS__), #__VA_ARGS__ }
#define RMI_CMD(cmd, fnum, in, out, narrow, kind)			\
	{ #cmd, RMI_FID(fnum), in, out, narrow, RMI_KIND_##kind, call_##cmd },
static const struct rmi_cmd_case rmi_cmd_cases[] = {
#include "rmi_cmds_cases.h"
};

#undef RMI_CMD
#undef RMI_IN
#undef RMI_OUT

static void rmi_cmd_case_desc(const struct rmi_cmd_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "rmi_%s", c->name);
}

KUNIT_ARRAY_PARAM(rmi_cmd, rmi_cmd_cases, rmi_cmd_case_desc);

/*
 * Name @k (from 0) of the list @names ("rd, ipa, long level") into @buf,
 * without its type: "level".
 */
static const char *rmi_reg_name(const char *names, unsigned int k, char *buf,
				size_t size)
{
	const char *p = names, *end;
	size_t len;

	while (k-- && p)
		p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL;
	if (!p)
		return "?";
	p = skip_spaces(p);
	end = strchrnul(p, ',');
	len = min_t(size_t, end - p, size - 1);
	memcpy(buf, p, len);
	buf[len] = '\0';
	p = strrchr(buf, ' ');
	return p ? p + 1 : buf;
}

/* The answer of the double: X0 = rmi_test_x0, X<j> = RMI_TEST_RES(j). */
static unsigned long rmi_test_x0;

static void rmi_test_answer(struct rmi_double *d,
			    const struct rmi_double_call *call,
			    unsigned long *res)
{
	unsigned int j;

	for (j = 0; j < RMI_DOUBLE_NR_REGS; j++)
		res[j] = RMI_TEST_RES(j);
	res[0] = rmi_test_x0;
}

static struct rmi_double rmi_test_double = {
	.handler = rmi_test_answer,
};

static int rmi_cmds_test_init(struct kunit *test)
{
	rmi_test_x0 = RMI_TEST_RES(0);
	rmi_double_install(&rmi_test_double);
	return 0;
}

static void rmi_cmds_test_exit(struct kunit *test)
{
	rmi_double_remove();
}

/*
 * Calls the wrapper of @c with RMI_TEST_IN(k + 1) in input k, the double
 * answering @x0; checks the function ID and that input k, named in the
 * table, is in X<k+1>.  Returns what the wrapper returned.
 */
static unsigned long rmi_cmd_call(struct kunit *test,
				  const struct rmi_cmd_case *c, unsigned long x0,
				  unsigned long *out, struct rmi_op *op)
{
	const struct rmi_double_call *call = &rmi_test_double.last;
	unsigned long in[RMI_DOUBLE_NR_REGS];
	unsigned long ret;
	unsigned int i;
	char buf[32];

	for (i = 0; i < ARRAY_SIZE(in); i++)
		in[i] = RMI_TEST_IN(i + 1);
	rmi_test_x0 = x0;

	ret = c->call(in, out, op);

	KUNIT_ASSERT_EQ(test, rmi_test_double.nr_calls, 1UL);
	KUNIT_EXPECT_EQ_MSG(test, call->regs[0], c->fid, "X0: function ID");

	/*
	 * More than three results need the SMCCC 1.2 interface, which passes
	 * all of X1..X17: those the command does not take must be zero (SBZ).
	 */
	KUNIT_EXPECT_EQ(test, call->smccc_1_2, c->out.nr > 3);
	if (call->smccc_1_2)
		KUNIT_EXPECT_EQ(test, call->nr_regs, RMI_DOUBLE_NR_REGS);
	else
		KUNIT_EXPECT_EQ_MSG(test, call->nr_regs, c->in.nr + 1,
				    "registers passed, X0 included");
	for (i = 1; i < RMI_DOUBLE_NR_REGS; i++) {
		if (i <= c->in.nr)
			KUNIT_EXPECT_EQ_MSG(test, call->regs[i], RMI_TEST_IN(i),
					    "input X%u is %s", i,
					    rmi_reg_name(c->in.names, i - 1,
							 buf, sizeof(buf)));
		else
			KUNIT_EXPECT_EQ_MSG(test, call->regs[i], 0UL,
					    "X%u is not an input", i);
	}
	return ret;
}

/* Output k holds X<k+1> of the answer, 8-bit outputs masked. */
static void rmi_cmd_expect_outputs(struct kunit *test,
				   const struct rmi_cmd_case *c,
				   const unsigned long *out)
{
	unsigned int i;
	char buf[32];

	for (i = 0; i < c->out.nr; i++) {
		unsigned long want = RMI_TEST_RES(i + 1);

		if (c->narrow & BIT(i))
			want &= GENMASK(7, 0);
		KUNIT_EXPECT_EQ_MSG(test, out[i], want, "output X%u is %s", i + 1,
				    rmi_reg_name(c->out.names, i, buf, sizeof(buf)));
	}
	for (; i < 4; i++)
		KUNIT_EXPECT_EQ_MSG(test, out[i], RMI_TEST_POISON,
				    "no output X%u", i + 1);
}

static void rmi_test_poison(unsigned long *out, struct rmi_op *op)
{
	unsigned int i;

	for (i = 0; i < 4; i++)
		out[i] = RMI_TEST_POISON;
	op->handle = RMI_TEST_POISON;
	op->donate_req = RMI_TEST_POISON;
}

/*
 * A command that completes: the inputs in their registers, the outputs
 * from theirs, X0 returned whole, the struct rmi_op untouched.
 */
static void rmi_cmd_packing(struct kunit *test)
{
	const struct rmi_cmd_case *c = test->param_value;
	unsigned long out[4], ret;
	struct rmi_op op;
	/* Status 0x10, not RMI_INCOMPLETE. */
	unsigned long x0 = RMI_TEST_RES(0);

	rmi_test_poison(out, &op);
	ret = rmi_cmd_call(test, c, x0, out, &op);
	KUNIT_EXPECT_EQ(test, ret, x0);
	rmi_cmd_expect_outputs(test, c, out);
	KUNIT_EXPECT_EQ(test, op.handle, RMI_TEST_POISON);
	KUNIT_EXPECT_EQ(test, op.donate_req, RMI_TEST_POISON);
}

/*
 * The double answers RMI_INCOMPLETE.  A stateful command fills the struct
 * rmi_op from X1 (handle) and X2 (donate request) and writes no output; any
 * other command does not know RMI_INCOMPLETE and writes its outputs.
 */
static void rmi_cmd_incomplete(struct kunit *test)
{
	static const unsigned long answers[] = {
		/* memory request DONATE (1), can cancel */
		RMI_TEST_INCOMPLETE | RMI_TEST_MEMREQ(1) | RMI_TEST_CAN_CANCEL,
		/* RECLAIM (2), cannot cancel */
		RMI_TEST_INCOMPLETE | RMI_TEST_MEMREQ(2),
		/* NONE, the index byte all ones */
		RMI_TEST_INCOMPLETE | GENMASK(15, 8),
	};
	const struct rmi_cmd_case *c = test->param_value;
	unsigned long out[4], ret;
	struct rmi_op op;
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(answers); i++) {
		rmi_double_install(&rmi_test_double);
		rmi_test_poison(out, &op);
		ret = rmi_cmd_call(test, c, answers[i], out, &op);
		KUNIT_EXPECT_EQ(test, ret, answers[i]);
		if (!c->sro) {
			rmi_cmd_expect_outputs(test, c, out);
			continue;
		}
		KUNIT_EXPECT_EQ_MSG(test, op.handle, RMI_TEST_RES(1),
				    "op->handle is X1");
		KUNIT_EXPECT_EQ_MSG(test, op.donate_req, RMI_TEST_RES(2),
				    "op->donate_req is X2");
		for (j = 0; j < 4; j++)
			KUNIT_EXPECT_EQ_MSG(test, out[j], RMI_TEST_POISON,
					    "output X%u written", j + 1);
	}
}

/*
 * Not RMI_INCOMPLETE: 13 in the index byte (15:8), above the result, or in
 * bits 6:0 of a status with bit 7 set.  The outputs are written, the struct
 * rmi_op is not.
 */
static void rmi_cmd_not_incomplete(struct kunit *test)
{
	static const unsigned long answers[] = {
		RMI_TEST_INCOMPLETE << 8,
		RMI_TEST_INCOMPLETE << 16,
		RMI_TEST_INCOMPLETE | BIT(7),
	};
	const struct rmi_cmd_case *c = test->param_value;
	unsigned long out[4], ret;
	struct rmi_op op;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(answers); i++) {
		rmi_double_install(&rmi_test_double);
		rmi_test_poison(out, &op);
		ret = rmi_cmd_call(test, c, answers[i], out, &op);
		KUNIT_EXPECT_EQ(test, ret, answers[i]);
		rmi_cmd_expect_outputs(test, c, out);
		KUNIT_EXPECT_EQ(test, op.handle, RMI_TEST_POISON);
		KUNIT_EXPECT_EQ(test, op.donate_req, RMI_TEST_POISON);
	}
}

/* Every output pointer, and the struct rmi_op, may be NULL. */
static void rmi_cmd_null_outputs(struct kunit *test)
{
	const struct rmi_cmd_case *c = test->param_value;
	unsigned long in[RMI_DOUBLE_NR_REGS] = { };
	unsigned long x0 = RMI_TEST_INCOMPLETE | RMI_TEST_MEMREQ(1);

	KUNIT_EXPECT_EQ(test, c->call(in, NULL, NULL), RMI_TEST_RES(0));
	KUNIT_EXPECT_EQ(test, rmi_test_double.nr_calls, 1UL);
	rmi_test_x0 = x0;
	KUNIT_EXPECT_EQ(test, c->call(in, NULL, NULL), x0);
	KUNIT_EXPECT_EQ(test, rmi_test_double.nr_calls, 2UL);
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
	KUNIT_CASE_PARAM(rmi_cmd_incomplete, rmi_cmd_gen_params),
	KUNIT_CASE_PARAM(rmi_cmd_not_incomplete, rmi_cmd_gen_params),
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
