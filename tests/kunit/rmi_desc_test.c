// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_desc: the address range descriptors (RmiAddrRangeDesc)
 * and donate requests (RmiOpMemDonateReq) of arch/arm64/kvm/rmi/rmi_desc.h,
 * at the kernel's granule size.
 *
 * The host names the granules it donates in descriptors the RMM reads, and
 * takes back the ranges the RMM writes in descriptors of its own.  A count
 * truncated to COUNT, a size code or a state spilling into the next field,
 * or a range running past the physical address space would leave granules
 * that neither side accounts for.  So every size and count a descriptor
 * can hold must go through exactly, both ways, and what does not fit must
 * be refused rather than approximated.
 *
 * The expected layout is typed below from the specification, per granule
 * size, and is not derived from the masks of <asm/rmi_smc.h> or the limits
 * of rmi_desc.h, which are what is checked.  The kernel build checks its
 * own granule size; tests/user/run.sh builds the suite for 4KB, 16KB and
 * 64KB granules.
 */
#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>
#include <asm/page.h>

#include <asm/rmi_smc.h>

/*
 * The library, and so rmi_desc.h, implements 2.0-bet1 only, whose layout
 * the tables below give; make check compiles every suite for the other
 * revisions too, where this one is reduced to rmi_desc_revision.
 */
#ifdef RMI_SPEC_REVISION_2_0_BET1
#include "rmi_desc.h"

/*
 * DEN0137 2.0 (2.0-bet1), RmiAddrRangeDesc and RmiOpMemDonateReq, as
 * rmi-abi.md gives them in section 3.3 (Stateful RMI Operations): there
 * for 4KB granules, COUNT and ADDR meeting at bit G for granules of 2^G
 * bytes, G = 12, 14 or 16:
 *
 * RmiAddrRangeDesc
 *   [1:0]     SIZE    block size code s: 2^(s * (G - 3)) granules, the
 *                     block of a level 3, 2, 1 or 0 RTT entry
 *   [G-1:2]   COUNT   number of blocks
 *   [51:G]    ADDR    bits 51:G of the PA of the first block
 *   [62:52]   RES0
 *   [63]      STATE   0 DELEGATED, 1 UNDELEGATED
 *
 * RmiOpMemDonateReq
 *   [1:0]     SIZE    as above
 *   [15:2]    COUNT   number of blocks
 *   [16]      CONTIG  one contiguous range, of a power-of-two count
 *   [17]      STATE   as above
 *   [63:18]   RES0
 *
 * 2.0-bet3 widens both STATE fields (rmi-abi.md section 5, item 6).
 */
#define DESC_COUNT_SHIFT	2
#define DESC_RES0_LO		52
#define DESC_RES0_HI		62
#define DESC_STATE_SHIFT	63
/* Descriptors name PAs below 2^52: ADDR ends at bit 51. */
#define DESC_PA_BITS		52

#define REQ_COUNT_SHIFT		2
#define REQ_COUNT_MAX		16383UL
#define REQ_CONTIG_SHIFT	16
#define REQ_STATE_SHIFT		17
#define REQ_RES0_LO		18

#define STATE_DELEGATED		0UL
#define STATE_UNDELEGATED	1UL

/**
 * struct rmi_desc_spec - what the specification allows at one granule size
 * @page_shift: G, log2 of the granule size
 * @max_count: largest COUNT of an RmiAddrRangeDesc, bits [G-1:2]
 * @order: granules per block of each SIZE code, log2
 */
struct rmi_desc_spec {
	unsigned int page_shift;
	unsigned long max_count;
	unsigned int order[4];
};

static const struct rmi_desc_spec rmi_desc_specs[] = {
	/* 4KB granules: 4KB, 2MB, 1GB and 512GB blocks */
	{ .page_shift = 12, .max_count = 1023, .order = { 0, 9, 18, 27 } },
	/* 16KB granules: 16KB, 32MB, 64GB and 128TB blocks */
	{ .page_shift = 14, .max_count = 4095, .order = { 0, 11, 22, 33 } },
	/* 64KB: 64KB, 512MB, 4TB, and 32PB, which no descriptor can name */
	{ .page_shift = 16, .max_count = 16383, .order = { 0, 13, 26, 39 } },
};

/*
 * Seeded samples, the same in every run: counts per size code, and words
 * per random case.
 */
#define RMI_DESC_SAMPLES	64
#define RMI_DESC_RANDOM		4096
#define RMI_DESC_SEED		0x9e3779b97f4a7c15ULL

static const struct rmi_desc_spec *rmi_desc_spec(struct kunit *test)
{
	const struct rmi_desc_spec *g = NULL;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(rmi_desc_specs); i++)
		if (rmi_desc_specs[i].page_shift == PAGE_SHIFT)
			g = &rmi_desc_specs[i];
	/* A granule size the specification does not have. */
	KUNIT_ASSERT_NOT_NULL(test, g);
	return g;
}

/*
 * xorshift64: the same samples in the kernel and on the build machine,
 * where prandom is not.
 */
static u64 rmi_desc_rand(u64 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

/* A sample in [@lo, @hi], @hi - @lo below 2^64 - 1. */
static u64 rmi_desc_rand_in(u64 *s, u64 lo, u64 hi)
{
	return lo + rmi_desc_rand(s) % (hi - lo + 1);
}

static unsigned int rmi_desc_shift(const struct rmi_desc_spec *g,
				   unsigned long size)
{
	return g->page_shift + g->order[size];
}

/*
 * Blocks of 2^@shift bytes below 2^52: none for a block larger than the
 * whole space.  Ranges are checked against it in blocks, not bytes, so
 * that the check itself cannot overflow.
 */
static u64 rmi_desc_room(unsigned int shift)
{
	return shift > DESC_PA_BITS ? 0 : BIT_ULL(DESC_PA_BITS - shift);
}

/* The descriptor, built from the specification's bit positions alone. */
static u64 rmi_desc_build(unsigned long size, u64 pa, unsigned long count,
			  unsigned long state)
{
	return (u64)size | (u64)count << DESC_COUNT_SHIFT | pa |
	       (u64)state << DESC_STATE_SHIFT;
}

/* The donate request, likewise. */
static u64 rmi_req_build(unsigned long size, unsigned long count,
			 bool contig, unsigned long state)
{
	return (u64)size | (u64)count << REQ_COUNT_SHIFT |
	       (u64)contig << REQ_CONTIG_SHIFT | (u64)state << REQ_STATE_SHIFT;
}

static const unsigned long rmi_desc_sizes[] = { 0, 1, 2, 3 };

static void rmi_desc_size_desc(const unsigned long *size, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "size %lu (level %lu blocks)",
		 *size, 3 - *size);
}

KUNIT_ARRAY_PARAM(rmi_desc_size, rmi_desc_sizes, rmi_desc_size_desc);

/* The limits rmi_desc.h and the generated masks say, against the spec. */
static void rmi_desc_limits(struct kunit *test)
{
	const struct rmi_desc_spec *g = rmi_desc_spec(test);
	u64 addr = (BIT_ULL(DESC_PA_BITS) - 1) & ~(BIT_ULL(g->page_shift) - 1);
	unsigned long s;

	KUNIT_EXPECT_EQ(test, (unsigned long)RMI_DESC_MAX_COUNT, g->max_count);
	KUNIT_EXPECT_EQ(test, (unsigned long)RMI_DESC_MAX_SIZE, 3UL);
	KUNIT_EXPECT_EQ(test, (u64)RMI_DESC_PA_LIMIT, BIT_ULL(DESC_PA_BITS));
	for (s = 0; s <= 3; s++)
		KUNIT_EXPECT_EQ_MSG(test, rmi_block_order(s), g->order[s],
				    "size %lu", s);

	KUNIT_EXPECT_EQ(test, (u64)RMI_ADDR_RANGE_SIZE_MASK, 3ULL);
	KUNIT_EXPECT_EQ(test, (u64)RMI_ADDR_RANGE_COUNT_MASK,
			(u64)g->max_count << DESC_COUNT_SHIFT);
	KUNIT_EXPECT_EQ(test, (u64)RMI_ADDR_RANGE_ADDR_MASK, addr);
	KUNIT_EXPECT_EQ(test, (u64)RMI_ADDR_RANGE_RES0,
			BIT_ULL(DESC_RES0_HI + 1) - BIT_ULL(DESC_RES0_LO));
	KUNIT_EXPECT_EQ(test, (u64)RMI_ADDR_RANGE_STATE_MASK,
			BIT_ULL(DESC_STATE_SHIFT));
	KUNIT_EXPECT_EQ(test, (u64)RMI_DONATE_SIZE_MASK, 3ULL);
	KUNIT_EXPECT_EQ(test, (u64)RMI_DONATE_COUNT_MASK,
			(u64)REQ_COUNT_MAX << REQ_COUNT_SHIFT);
	KUNIT_EXPECT_EQ(test, (u64)RMI_DONATE_CONTIG_MASK,
			BIT_ULL(REQ_CONTIG_SHIFT));
	KUNIT_EXPECT_EQ(test, (u64)RMI_DONATE_STATE_MASK,
			BIT_ULL(REQ_STATE_SHIFT));
	KUNIT_EXPECT_EQ(test, (u64)RMI_DONATE_RES0, ~(BIT_ULL(REQ_RES0_LO) - 1));
	KUNIT_EXPECT_EQ(test, (unsigned long)RMI_OP_MEM_DELEGATED,
			STATE_DELEGATED);
	KUNIT_EXPECT_EQ(test, (unsigned long)RMI_OP_MEM_UNDELEGATED,
			STATE_UNDELEGATED);
}

/*
 * @count blocks of @size from @pa in @state, which the specification
 * allows: encoded to exactly the descriptor the bit positions give, and
 * decoded to exactly the range.  False if anything differed, so that a
 * loop stops at its first failure rather than repeat it a thousand times.
 */
static bool rmi_desc_round_trip_one(struct kunit *test,
				    const struct rmi_desc_spec *g,
				    unsigned long size, u64 pa,
				    unsigned long count, unsigned long state)
{
	u64 want = rmi_desc_build(size, pa, count, state);
	u64 nr_want = (u64)count << g->order[size];
	u64 desc = 0, got_pa = ~0ULL, nr = 0;
	unsigned int got_state = ~0U;
	int enc, dec;

	enc = rmi_desc_encode(pa, size, count, state, &desc);
	dec = rmi_desc_decode(desc, &got_pa, &nr, &got_state);
	KUNIT_EXPECT_EQ_MSG(test, enc, 0, "encode size %lu, %lu at %#llx, state %lu",
			    size, count, pa, state);
	KUNIT_EXPECT_EQ_MSG(test, desc, want, "encode size %lu, %lu at %#llx, state %lu",
			    size, count, pa, state);
	KUNIT_EXPECT_EQ_MSG(test, dec, 0, "decode %#llx", desc);
	KUNIT_EXPECT_EQ_MSG(test, got_pa, pa, "decode %#llx", desc);
	KUNIT_EXPECT_EQ_MSG(test, nr, nr_want, "decode %#llx", desc);
	KUNIT_EXPECT_EQ_MSG(test, got_state, state, "decode %#llx", desc);
	return !enc && desc == want && !dec && got_pa == pa && nr == nr_want &&
	       got_state == state;
}

/* What must not be encoded, with what makes it so. */
static bool rmi_desc_refused_one(struct kunit *test, const char *why,
				 unsigned long size, u64 pa,
				 unsigned long count, unsigned long state)
{
	u64 desc = 0x5a5a5a5a5a5a5a5aULL;
	int ret;

	ret = rmi_desc_encode(pa, size, count, state, &desc);
	KUNIT_EXPECT_EQ_MSG(test, ret, -EINVAL, "%s: size %lu, %lu at %#llx, state %lu",
			    why, size, count, pa, state);
	/* A refused descriptor is not half written. */
	KUNIT_EXPECT_EQ_MSG(test, desc, 0x5a5a5a5a5a5a5a5aULL, "%s", why);
	return ret == -EINVAL;
}

/*
 * Every count a descriptor of this size can hold, at the bottom and the
 * top of the PA space and in between, in both states: {1, 2, max - 1, max}
 * and seeded samples, where max is COUNT's or what fits below 2^52.
 * Starts that leave too little room are refused instead.
 */
static void rmi_desc_round_trip(struct kunit *test)
{
	const struct rmi_desc_spec *g = rmi_desc_spec(test);
	unsigned long size = *(const unsigned long *)test->param_value;
	unsigned int shift = rmi_desc_shift(g, size);
	u64 room = rmi_desc_room(shift);
	u64 nmax = min_t(u64, g->max_count, room);
	u64 seed = RMI_DESC_SEED + size;
	u64 counts[4 + RMI_DESC_SAMPLES];
	unsigned int i, j, n = 0;

	if (!nmax) {
		/* 64KB granules: a level 0 block is 2^55 bytes. */
		rmi_desc_refused_one(test, "block beyond 2^52", size, 0, 1,
				     STATE_DELEGATED);
		return;
	}
	counts[n++] = 1;
	counts[n++] = 2;
	counts[n++] = nmax - 1;
	counts[n++] = nmax;
	for (i = 0; i < RMI_DESC_SAMPLES; i++)
		counts[n++] = rmi_desc_rand_in(&seed, 1, nmax);

	for (i = 0; i < n; i++) {
		u64 c = counts[i];
		/* First block: 0, 1, the highest that fits, and a sample. */
		u64 starts[] = { 0, 1, room - c, 0 };

		if (!c || c > nmax)
			continue;
		starts[3] = rmi_desc_rand_in(&seed, 0, room - c);
		for (j = 0; j < ARRAY_SIZE(starts); j++) {
			u64 pa = starts[j] << shift;
			unsigned long state;

			if (starts[j] + c > room) {
				if (!rmi_desc_refused_one(test, "past 2^52", size,
							  pa, c, STATE_DELEGATED))
					return;
				continue;
			}
			for (state = STATE_DELEGATED; state <= STATE_UNDELEGATED; state++)
				if (!rmi_desc_round_trip_one(test, g, size, pa, c,
							     state))
					return;
		}
	}
}

/* Each way a range can fail to fit a descriptor of this size. */
static void rmi_desc_encode_refused(struct kunit *test)
{
	const struct rmi_desc_spec *g = rmi_desc_spec(test);
	unsigned long size = *(const unsigned long *)test->param_value;
	unsigned int shift = rmi_desc_shift(g, size);
	u64 room = rmi_desc_room(shift);
	u64 granule = BIT_ULL(g->page_shift);
	u64 last = room ? (room - 1) << shift : 0;
	unsigned long max = g->max_count;
	const struct {
		const char *why;
		u64 pa;
		unsigned long size;
		unsigned long count;
		unsigned long state;
		bool skip;
	} bad[] = {
		{ "count 0", 0, size, 0, STATE_DELEGATED },
		/* Truncated to COUNT, these would be 0, 1 and max blocks. */
		{ "count max + 1", 0, size, max + 1, STATE_DELEGATED },
		{ "count max + 2", 0, size, max + 2, STATE_DELEGATED },
		{ "count ~0", 0, size, ~0UL, STATE_DELEGATED },
		/* Truncated to SIZE, a size code of 4 + s would be s. */
		{ "size code + 4", 0, size + 4, 1, STATE_DELEGATED },
		{ "size code ~0", 0, ~0UL, 1, STATE_DELEGATED },
		{ "state 2", 0, size, 1, 2 },
		{ "state 3", 0, size, 1, 3 },
		{ "state ~0", 0, size, 1, ~0UL },
		{ "PA inside a granule", granule / 2, size, 1, STATE_DELEGATED },
		{ "PA one granule into a block", granule, size, 1,
		  STATE_DELEGATED, !size },
		{ "PA one granule below a block", BIT_ULL(shift) - granule,
		  size, 1, STATE_DELEGATED, !size || shift > DESC_PA_BITS },
		/* The last block below 2^52 and one more. */
		{ "one block past 2^52", last, size, 2, STATE_DELEGATED, !room },
		{ "max blocks, one past 2^52", (room - min_t(u64, room, max) + 1)
		  << shift, size, min_t(u64, room, max), STATE_DELEGATED, !room },
		{ "PA at 2^52", BIT_ULL(DESC_PA_BITS), size, 1, STATE_DELEGATED },
		/* A PA that would set a reserved bit or the state. */
		{ "PA bit 62", BIT_ULL(62), size, 1, STATE_DELEGATED },
		{ "PA bit 63", BIT_ULL(63), size, 1, STATE_DELEGATED },
		/* The top block of the 64-bit space: its end wraps to 0. */
		{ "range wraps 2^64", ~0ULL << shift, size, 1, STATE_DELEGATED },
		/*
		 * count << shift wraps 2^64 to 0: 2^9 blocks of 2^55 bytes,
		 * which only COUNT of 64KB granules holds.
		 */
		{ "blocks wrap 2^64", 0, size, BIT(64 - shift), STATE_DELEGATED,
		  BIT(64 - shift) > max },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		if (!bad[i].skip)
			rmi_desc_refused_one(test, bad[i].why, bad[i].size,
					     bad[i].pa, bad[i].count, bad[i].state);
}

/* What no RMM may write, with what makes it so. */
static void rmi_desc_decode_refused(struct kunit *test)
{
	const struct rmi_desc_spec *g = rmi_desc_spec(test);
	unsigned long size = *(const unsigned long *)test->param_value;
	unsigned int shift = rmi_desc_shift(g, size);
	u64 room = rmi_desc_room(shift);
	u64 granule = BIT_ULL(g->page_shift);
	u64 last = room ? (room - 1) << shift : 0;
	/* One block at 0: valid, but for the bit each case sets. */
	u64 one = rmi_desc_build(size, 0, 1, STATE_UNDELEGATED);
	const struct {
		const char *why;
		u64 desc;
		bool skip;
	} bad[] = {
		{ "count 0", rmi_desc_build(size, 0, 0, STATE_DELEGATED) },
		{ "count 0, undelegated",
		  rmi_desc_build(size, last, 0, STATE_UNDELEGATED) },
		{ "ADDR one granule into a block",
		  rmi_desc_build(size, granule, 1, STATE_DELEGATED), !size },
		{ "ADDR the last granule of a block",
		  rmi_desc_build(size, BIT_ULL(shift) - granule, 1,
				 STATE_DELEGATED), !size || shift > DESC_PA_BITS },
		{ "one block past 2^52", rmi_desc_build(size, last, 2,
							STATE_DELEGATED), !room },
		{ "COUNT blocks past 2^52",
		  rmi_desc_build(size, last, g->max_count, STATE_DELEGATED),
		  !room },
		/* 64KB granules: a level 0 block is larger than 2^52. */
		{ "block beyond 2^52", one, room },
		{ "blocks wrap 2^64", rmi_desc_build(size, 0, BIT(64 - shift),
						     STATE_DELEGATED),
		  BIT(64 - shift) > g->max_count },
	};
	unsigned int i, b;

	/*
	 * There is no invalid state to write in 2.0-bet1: STATE is one bit
	 * and both values are named.
	 */
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		u64 pa = 0x1234, nr = 0x1234;
		unsigned int state = 0x1234;

		if (bad[i].skip)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, rmi_desc_decode(bad[i].desc, &pa, &nr,
							  &state), -EPROTO,
				    "%s: %#llx", bad[i].why, bad[i].desc);
	}
	for (b = DESC_RES0_LO; b <= DESC_RES0_HI; b++) {
		u64 pa, nr;
		unsigned int state;

		KUNIT_EXPECT_EQ_MSG(test, rmi_desc_decode(one | BIT_ULL(b), &pa,
							  &nr, &state), -EPROTO,
				    "reserved bit %u: %#llx", b, one | BIT_ULL(b));
	}
}

/*
 * Seeded descriptors, half with the reserved bits cleared and ADDR aligned
 * to the block so that many are valid: decode takes exactly those the
 * specification allows, to exactly their range, and encoding that range
 * gives the descriptor back.
 */
static void rmi_desc_decode_random(struct kunit *test)
{
	const struct rmi_desc_spec *g = rmi_desc_spec(test);
	u64 res0 = BIT_ULL(DESC_RES0_HI + 1) - BIT_ULL(DESC_RES0_LO);
	u64 seed = RMI_DESC_SEED;
	unsigned int i;

	for (i = 0; i < RMI_DESC_RANDOM; i++) {
		u64 w = rmi_desc_rand(&seed);
		unsigned long size = w & 3;
		unsigned int shift = rmi_desc_shift(g, size);
		unsigned long count = (w >> DESC_COUNT_SHIFT) &
				      (BIT(g->page_shift - DESC_COUNT_SHIFT) - 1);
		unsigned long state = w >> DESC_STATE_SHIFT;
		u64 base, pa = 0, nr = 0, again = 0;
		unsigned int got_state = 0;
		bool valid;
		int ret;

		if (i & 1) {
			w &= ~res0;
			if (shift < 64)
				w &= ~((BIT_ULL(shift) - 1) & ~(BIT_ULL(g->page_shift) - 1));
			/* Often a range that fits. */
			if (i & 2)
				w &= ~GENMASK_ULL(DESC_PA_BITS - 1, DESC_PA_BITS - 4);
		}
		base = w & (BIT_ULL(DESC_PA_BITS) - 1) &
		       ~(BIT_ULL(g->page_shift) - 1);
		valid = !(w & res0) && count && shift <= DESC_PA_BITS &&
			!(base & (BIT_ULL(shift) - 1)) &&
			(base >> shift) + count <= rmi_desc_room(shift);

		ret = rmi_desc_decode(w, &pa, &nr, &got_state);
		KUNIT_EXPECT_EQ_MSG(test, ret, valid ? 0 : -EPROTO, "%#llx", w);
		if (ret != (valid ? 0 : -EPROTO))
			return;
		if (!valid)
			continue;
		KUNIT_EXPECT_EQ_MSG(test, pa, base, "%#llx", w);
		KUNIT_EXPECT_EQ_MSG(test, nr, (u64)count << g->order[size], "%#llx", w);
		KUNIT_EXPECT_EQ_MSG(test, got_state, state, "%#llx", w);
		ret = rmi_desc_encode(pa, size, count, got_state, &again);
		KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%#llx", w);
		KUNIT_EXPECT_EQ_MSG(test, again, w, "%#llx", w);
		if (pa != base || nr != (u64)count << g->order[size] ||
		    got_state != state || ret || again != w)
			return;
	}
}

/**
 * struct rmi_req_case - a donate request the RMM may make
 * @size: SIZE
 * @count: COUNT
 * @contig: CONTIG
 * @state: STATE
 */
struct rmi_req_case {
	unsigned long size;
	unsigned long count;
	bool contig;
	unsigned long state;
};

static const struct rmi_req_case rmi_req_valid[] = {
	{ 0, 1, false, STATE_DELEGATED },
	{ 0, 1, true, STATE_UNDELEGATED },
	{ 0, 2, true, STATE_DELEGATED },
	{ 0, 3, false, STATE_UNDELEGATED },
	{ 0, REQ_COUNT_MAX, false, STATE_DELEGATED },
	{ 0, 8192, true, STATE_UNDELEGATED },
	{ 1, 1, false, STATE_DELEGATED },
	{ 1, 512, true, STATE_DELEGATED },
	{ 2, 5, false, STATE_UNDELEGATED },
	{ 2, 64, true, STATE_UNDELEGATED },
	{ 3, 1, true, STATE_DELEGATED },
	{ 3, 8192, true, STATE_UNDELEGATED },
	/* The largest request: 16383 level 0 blocks. */
	{ 3, REQ_COUNT_MAX, false, STATE_DELEGATED },
};

static void rmi_req_case_desc(const struct rmi_req_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "size %lu, %lu%s, state %lu",
		 c->size, c->count, c->contig ? " contiguous" : "", c->state);
}

KUNIT_ARRAY_PARAM(rmi_req, rmi_req_valid, rmi_req_case_desc);

/*
 * A valid request decodes to exactly its fields, whatever the caller's
 * limit if that covers it; at one granule less it is refused.
 */
static void rmi_donate_valid(struct kunit *test)
{
	const struct rmi_req_case *c = test->param_value;
	const struct rmi_desc_spec *g = rmi_desc_spec(test);
	u64 req = rmi_req_build(c->size, c->count, c->contig, c->state);
	unsigned long nr = c->count << g->order[c->size];
	unsigned long maxes[] = { ~0UL, nr, nr + 1 };
	struct rmi_donate_req d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(maxes); i++) {
		memset(&d, 0x5a, sizeof(d));
		KUNIT_EXPECT_EQ_MSG(test, rmi_donate_decode(req, maxes[i], &d), 0,
				    "%#llx, max %lu", req, maxes[i]);
		KUNIT_EXPECT_EQ(test, d.order, g->order[c->size]);
		KUNIT_EXPECT_EQ(test, d.count, c->count);
		KUNIT_EXPECT_EQ(test, d.contig, c->contig);
		KUNIT_EXPECT_EQ(test, (unsigned long)d.state, c->state);
	}
	KUNIT_EXPECT_EQ_MSG(test, rmi_donate_decode(req, nr - 1, &d), -EPROTO,
			    "%#llx, max %lu", req, nr - 1);
	KUNIT_EXPECT_EQ_MSG(test, rmi_donate_decode(req, 0, &d), -EPROTO,
			    "%#llx, max 0", req);
}

/* What no RMM may ask, even of a caller who would give anything. */
static void rmi_donate_refused(struct kunit *test)
{
	const struct {
		const char *why;
		u64 req;
	} bad[] = {
		{ "count 0", rmi_req_build(0, 0, false, STATE_DELEGATED) },
		{ "count 0, contiguous", rmi_req_build(3, 0, true, STATE_UNDELEGATED) },
		{ "contiguous 3", rmi_req_build(0, 3, true, STATE_DELEGATED) },
		{ "contiguous 6", rmi_req_build(1, 6, true, STATE_DELEGATED) },
		{ "contiguous 8193", rmi_req_build(2, 8193, true, STATE_DELEGATED) },
		{ "contiguous max", rmi_req_build(3, REQ_COUNT_MAX, true,
						  STATE_UNDELEGATED) },
	};
	/* One granule, valid but for the bit each case sets. */
	u64 one = rmi_req_build(0, 1, false, STATE_UNDELEGATED);
	struct rmi_donate_req d;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++)
		KUNIT_EXPECT_EQ_MSG(test, rmi_donate_decode(bad[i].req, ~0UL, &d),
				    -EPROTO, "%s: %#llx", bad[i].why, bad[i].req);
	for (i = REQ_RES0_LO; i < 64; i++)
		KUNIT_EXPECT_EQ_MSG(test, rmi_donate_decode(one | BIT_ULL(i), ~0UL,
							    &d), -EPROTO,
				    "reserved bit %u", i);
}

/*
 * Seeded requests and limits, some at the request's size exactly: decode
 * takes exactly those the specification allows within the limit.
 */
static void rmi_donate_random(struct kunit *test)
{
	const struct rmi_desc_spec *g = rmi_desc_spec(test);
	u64 seed = RMI_DESC_SEED;
	unsigned int i;

	for (i = 0; i < RMI_DESC_RANDOM; i++) {
		u64 req = rmi_desc_rand(&seed);
		unsigned long size = req & 3;
		unsigned long count = (req >> REQ_COUNT_SHIFT) & REQ_COUNT_MAX;
		bool contig = (req >> REQ_CONTIG_SHIFT) & 1;
		/* At most 2^14 << 39: no overflow. */
		u64 nr = (u64)count << g->order[size];
		unsigned long max;
		struct rmi_donate_req d;
		bool valid;
		int ret;

		if (i & 1)
			req &= BIT_ULL(REQ_RES0_LO) - 1;
		/* Contiguous requests are mostly of one block. */
		if ((i & 3) == 1 && contig) {
			count = BIT(count % 14);
			nr = (u64)count << g->order[size];
			req = (req & ~((u64)REQ_COUNT_MAX << REQ_COUNT_SHIFT)) |
			      (u64)count << REQ_COUNT_SHIFT;
		}
		switch ((i >> 2) & 3) {
		case 0:
			max = ~0UL;
			break;
		case 1:
			max = nr;
			break;
		case 2:
			max = nr - 1;
			break;
		default:
			max = rmi_desc_rand(&seed);
			max >>= rmi_desc_rand(&seed) & 63;
			break;
		}
		valid = !(req >> REQ_RES0_LO) && count &&
			!(contig && (count & (count - 1))) && nr <= max;

		ret = rmi_donate_decode(req, max, &d);
		KUNIT_EXPECT_EQ_MSG(test, ret, valid ? 0 : -EPROTO,
				    "%#llx, max %lu", req, max);
		if (ret != (valid ? 0 : -EPROTO))
			return;
		if (!valid)
			continue;
		KUNIT_EXPECT_EQ(test, d.order, g->order[size]);
		KUNIT_EXPECT_EQ(test, d.count, count);
		KUNIT_EXPECT_EQ(test, d.contig, contig);
		KUNIT_EXPECT_EQ(test, (u64)d.state, (req >> REQ_STATE_SHIFT) & 1);
	}
}
#endif /* RMI_SPEC_REVISION_2_0_BET1 */

/*
 * The layouts above are 2.0-bet1's: built for another revision, the suite
 * fails here rather than pass with nothing checked.
 */
static void rmi_desc_revision(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, RMI_SPEC_REVISION, "2.0-bet1");
}

static struct kunit_case rmi_desc_cases[] = {
	KUNIT_CASE(rmi_desc_revision),
#ifdef RMI_SPEC_REVISION_2_0_BET1
	KUNIT_CASE(rmi_desc_limits),
	KUNIT_CASE_PARAM(rmi_desc_round_trip, rmi_desc_size_gen_params),
	KUNIT_CASE_PARAM(rmi_desc_encode_refused, rmi_desc_size_gen_params),
	KUNIT_CASE_PARAM(rmi_desc_decode_refused, rmi_desc_size_gen_params),
	KUNIT_CASE(rmi_desc_decode_random),
	KUNIT_CASE_PARAM(rmi_donate_valid, rmi_req_gen_params),
	KUNIT_CASE(rmi_donate_refused),
	KUNIT_CASE(rmi_donate_random),
#endif
	{}
};

static struct kunit_suite rmi_desc_suite = {
	.name = "rmi_desc",
	.test_cases = rmi_desc_cases,
};

kunit_test_suite(rmi_desc_suite);

MODULE_DESCRIPTION("KUnit tests of the RMI address range descriptors and donate requests");
MODULE_LICENSE("GPL");
