// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_fields: the bitfields that changed in DEN0137 2.0-bet3,
 * read and written through the masks and accessors of <asm/rmi_smc.h> on
 * values crafted here from the bet3 header of the series queued for v7.4.
 *
 *  - RmiResult is RMI_RESULT_* (RMI_RETURN_* stays as another name);
 *  - the state of a donate request is bits 18:17, with CONDITIONAL (2);
 *  - the state of an address range descriptor is bits 63:62;
 *  - feature register 0 gains L0GPT_BLOCK_DELEGATE (32) and S2OASZ
 *    (40:33), register 2 REALM_MAX_VDEVS_ORDER (14:10);
 *  - realm flags 0 gain LFA_POLICY (6:5).
 *
 * Other revisions have no case here: their fields are checked by
 * rmi_cmds (helpers) and by tests/compat at build time.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/kernel.h>

#include <asm/rmi_smc.h>

#ifdef RMI_SPEC_REVISION_2_0_BET3
static void rmi_result_fields(struct kunit *test)
{
	/* RMI_INCOMPLETE (13), DONATE (1), can cancel */
	unsigned long ret = 13 | (1UL << 8) | (1UL << 10);

	KUNIT_EXPECT_EQ(test, RMI_RESULT_STATUS(ret), (unsigned long)RMI_INCOMPLETE);
	KUNIT_EXPECT_EQ(test, RMI_RESULT_MEMREQ(ret), (unsigned long)RMI_OP_MEM_REQ_DONATE);
	KUNIT_EXPECT_EQ(test, RMI_RESULT_CAN_CANCEL(ret), (unsigned long)RMI_OP_CAN_CANCEL);
	/* The older names read the same bits. */
	KUNIT_EXPECT_EQ(test, RMI_RETURN_STATUS(ret), RMI_RESULT_STATUS(ret));
	KUNIT_EXPECT_EQ(test, RMI_RETURN_MEMREQ(ret), RMI_RESULT_MEMREQ(ret));

	/* RMI_ERROR_RTT (4) at level 2 */
	ret = 4 | (2UL << 8);
	KUNIT_EXPECT_EQ(test, RMI_RESULT_DATA_LEVEL(ret), 2UL);
	KUNIT_EXPECT_EQ(test, RMI_RETURN_INDEX(ret), 2UL);
	KUNIT_EXPECT_EQ(test, RMI_RESULT_STATUS(ret), (unsigned long)RMI_ERROR_RTT);
}

static void rmi_donate_req_fields(struct kunit *test)
{
	/* 5 level 1 blocks (2), contiguous, conditional (2 in 18:17) */
	unsigned long req = 2 | (5UL << 2) | BIT(16) | (2UL << 17);

	KUNIT_EXPECT_EQ(test, RMI_DONATE_BLOCK_SIZE(req), 2UL);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_SIZE(req), 2UL);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_COUNT(req), 5UL);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_CONTIG(req), (unsigned long)RMI_OP_MEM_CONTIG);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_STATE(req), (unsigned long)RMI_OP_MEM_CONDITIONAL);

	/* Undelegated is bit 17 alone, as in bet1. */
	KUNIT_EXPECT_EQ(test, RMI_DONATE_STATE(BIT(17)), (unsigned long)RMI_OP_MEM_UNDELEGATED);
	KUNIT_EXPECT_EQ(test, RMI_DONATE_STATE_MASK, GENMASK(18, 17));
	/* Bit 19 is not part of the request. */
	KUNIT_EXPECT_EQ(test, RMI_DONATE_STATE(BIT(19)), 0UL);
}

static void rmi_addr_range_fields(struct kunit *test)
{
	/* 3 granules at 2GB, conditional (2 in 63:62) */
	unsigned long ar = 0x80000000UL | (3UL << 2) | (2UL << 62);

	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_STATE(ar), (unsigned long)RMI_OP_MEM_CONDITIONAL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_ADDR(ar), 0x80000000UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_COUNT(ar), 3UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_BLOCK_SIZE(ar), 0UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_STATE(BIT(62)), (unsigned long)RMI_OP_MEM_UNDELEGATED);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_STATE_MASK, GENMASK_ULL(63, 62));
	/* Bits 61:52 are reserved: in neither the address nor the state. */
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_ADDR(GENMASK_ULL(61, 52)), 0UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_STATE(GENMASK_ULL(61, 52)), 0UL);
	KUNIT_EXPECT_EQ(test, RMI_ADDR_RANGE_COUNT_MASK, GENMASK(PAGE_SHIFT - 1, 2));
}

static void rmi_feature_fields(struct kunit *test)
{
	/* S2OASZ 52, L0GPT block delegation, S2SZ 48 */
	u64 reg0 = (52ULL << 33) | BIT_ULL(32) | 48;
	/* REALM_MAX_VDEVS_ORDER 31, PDEV_MAX_VDEVS_ORDER 15 */
	u64 reg2 = (31ULL << 10) | (15ULL << 4);

	KUNIT_EXPECT_EQ(test, FIELD_GET(RMI_FEATURE_REGISTER_0_S2OASZ_MASK, reg0), 52ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(RMI_FEATURE_REGISTER_0_L0GPT_BLOCK_DELEGATE_MASK, reg0),
			1ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(RMI_FEATURE_REGISTER_0_S2SZ_MASK, reg0), 48ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(RMI_FEATURE_REGISTER_2_REALM_MAX_VDEVS_ORDER_MASK, reg2),
			31ULL);
	KUNIT_EXPECT_EQ(test, FIELD_GET(RMI_FEATURE_REGISTER_2_PDEV_MAX_VDEVS_ORDER_MASK, reg2),
			15ULL);
	KUNIT_EXPECT_EQ(test, reg2 & RMI_FEATURE_REGISTER_2_RES0, 0ULL);
}

static void rmi_realm_flag_fields(struct kunit *test)
{
	u64 flags = FIELD_PREP(RMI_REALM_PARAM_FLAG_MEC_POLICY_MASK, RMI_MEC_POLICY_PRIVATE) |
		    FIELD_PREP(RMI_REALM_PARAM_FLAG_LFA_POLICY_MASK, 3) |
		    RMI_REALM_PARAM_FLAG_DA;

	KUNIT_EXPECT_EQ(test, flags, 0x80ULL | 0x60ULL | 0x8ULL);
	KUNIT_EXPECT_EQ(test, flags & RMI_REALM_PARAM_FLAG_RES0, 0ULL);
	/* Bit 4 stays reserved between DA and LFA_POLICY. */
	KUNIT_EXPECT_NE(test, BIT_ULL(4) & RMI_REALM_PARAM_FLAG_RES0, 0ULL);
}
#endif /* RMI_SPEC_REVISION_2_0_BET3 */

/* The revision the suite was built for, so that it is never empty. */
static void rmi_fields_revision(struct kunit *test)
{
	KUNIT_EXPECT_NOT_NULL(test, RMI_SPEC_REVISION);
}

static struct kunit_case rmi_fields_cases[] = {
	KUNIT_CASE(rmi_fields_revision),
#ifdef RMI_SPEC_REVISION_2_0_BET3
	KUNIT_CASE(rmi_result_fields),
	KUNIT_CASE(rmi_donate_req_fields),
	KUNIT_CASE(rmi_addr_range_fields),
	KUNIT_CASE(rmi_feature_fields),
	KUNIT_CASE(rmi_realm_flag_fields),
#endif
	{}
};

static struct kunit_suite rmi_fields_suite = {
	.name = "rmi_fields",
	.test_cases = rmi_fields_cases,
};

kunit_test_suite(rmi_fields_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI bitfields (" RMI_SPEC_REVISION ")");
MODULE_LICENSE("GPL");
