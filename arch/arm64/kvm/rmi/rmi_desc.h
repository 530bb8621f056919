/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Address range descriptors (RmiAddrRangeDesc) and donate requests
 * (RmiOpMemDonateReq), encoded and decoded exactly for the granule size
 * PAGE_SIZE is, 4KB, 16KB or 64KB: the width of COUNT and the position of
 * ADDR follow the granule size (DEN0137 2.0, RmiAddrRangeDesc).  What does
 * not fit a descriptor is refused, never truncated: a count that
 * overflows COUNT would otherwise be encoded as 0, and granules named by
 * nothing would be neither given back nor counted.
 *
 * Plain inline functions of the generated masks, so that the userspace
 * harness (tests/user) builds them for each granule size.
 */
#ifndef __ARM64_KVM_RMI_DESC_H
#define __ARM64_KVM_RMI_DESC_H

#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/errno.h>
#include <linux/types.h>
#include <asm/page.h>

#include <asm/rmi_smc.h>

/* Widest block size code: a level 0 block. */
#define RMI_DESC_MAX_SIZE	FIELD_MAX(RMI_ADDR_RANGE_SIZE_MASK)
/* Most blocks one descriptor names. */
#define RMI_DESC_MAX_COUNT	FIELD_MAX(RMI_ADDR_RANGE_COUNT_MASK)
/* Top of the physical address space a descriptor can name. */
#define RMI_DESC_PA_LIMIT	(RMI_ADDR_RANGE_ADDR_MASK + PAGE_SIZE)

/**
 * rmi_block_order() - granules in a block, log2
 * @size: block size code of RmiOpMemDonateReq and RmiAddrRangeDesc
 *
 * Return: the order: 0 for a granule, then the RTT levels' block sizes.
 */
static inline unsigned int rmi_block_order(unsigned long size)
{
	return size * (PAGE_SHIFT - 3);
}

/*
 * Whether @count blocks of 2^@shift bytes from @pa are inside the
 * descriptors' address space, without overflow.
 */
static inline bool rmi_desc_fits(u64 pa, unsigned long count,
				 unsigned int shift)
{
	if (shift >= 64 || count > (RMI_DESC_PA_LIMIT >> shift))
		return false;
	return pa < RMI_DESC_PA_LIMIT &&
	       ((u64)count << shift) <= RMI_DESC_PA_LIMIT - pa;
}

/**
 * rmi_desc_encode() - an RmiAddrRangeDesc
 * @pa: PA of the first granule
 * @size: block size code
 * @count: number of blocks
 * @state: RMI_OP_MEM_DELEGATED or RMI_OP_MEM_UNDELEGATED
 * @desc: receives the descriptor
 *
 * Return: 0; -EINVAL if the range cannot be described: @count 0 or
 * wider than COUNT, @size or @state out of their fields, @pa not aligned
 * to the block size, or the range beyond the physical address space.
 */
static inline int rmi_desc_encode(u64 pa, unsigned long size,
				  unsigned long count, unsigned long state,
				  u64 *desc)
{
	unsigned int shift = rmi_block_order(size) + PAGE_SHIFT;

	if (!count || count > RMI_DESC_MAX_COUNT || size > RMI_DESC_MAX_SIZE ||
	    state > FIELD_MAX(RMI_ADDR_RANGE_STATE_MASK))
		return -EINVAL;
	if ((pa & (BIT_ULL(shift) - 1)) || !rmi_desc_fits(pa, count, shift))
		return -EINVAL;
	*desc = FIELD_PREP(RMI_ADDR_RANGE_SIZE_MASK, size) |
		FIELD_PREP(RMI_ADDR_RANGE_COUNT_MASK, count) | pa |
		FIELD_PREP(RMI_ADDR_RANGE_STATE_MASK, (u64)state);
	return 0;
}

/**
 * rmi_desc_decode() - what an RmiAddrRangeDesc the RMM wrote names
 * @desc: the descriptor
 * @pa: receives the PA of its first granule
 * @nr: receives its number of granules
 * @state: receives its state field
 *
 * Return: 0; -EPROTO for a descriptor no RMM may write: reserved bits
 * set, a count of 0, an address not aligned to the block size, a range
 * beyond the physical address space, or a state the field's values do
 * not name.
 */
static inline int rmi_desc_decode(u64 desc, u64 *pa, u64 *nr,
				  unsigned int *state)
{
	unsigned long size = RMI_ADDR_RANGE_SIZE(desc);
	unsigned long count = RMI_ADDR_RANGE_COUNT(desc);
	unsigned int order = rmi_block_order(size);
	u64 base = RMI_ADDR_RANGE_ADDR(desc);

	if ((desc & RMI_ADDR_RANGE_RES0) || !count)
		return -EPROTO;
	if (RMI_ADDR_RANGE_STATE(desc) != RMI_OP_MEM_DELEGATED &&
	    RMI_ADDR_RANGE_STATE(desc) != RMI_OP_MEM_UNDELEGATED)
		return -EPROTO;
	if ((base & (BIT_ULL(order + PAGE_SHIFT) - 1)) ||
	    !rmi_desc_fits(base, count, order + PAGE_SHIFT))
		return -EPROTO;
	*pa = base;
	*nr = (u64)count << order;
	*state = RMI_ADDR_RANGE_STATE(desc);
	return 0;
}

/**
 * struct rmi_donate_req - a decoded RmiOpMemDonateReq
 * @order: granules per block, log2
 * @count: blocks asked
 * @contig: the blocks must be one contiguous range
 * @state: RMI_OP_MEM_DELEGATED or RMI_OP_MEM_UNDELEGATED
 */
struct rmi_donate_req {
	unsigned int order;
	unsigned long count;
	bool contig;
	unsigned int state;
};

/**
 * rmi_donate_decode() - what a donate request the RMM wrote asks for
 * @req: the request (X2 of an RMI_INCOMPLETE asking for a donation)
 * @max: most granules the caller would give for it
 * @d: receives the request
 *
 * Return: 0; -EPROTO for a request no RMM may make (reserved bits, no
 * block, a state the field's values do not name, a contiguous count that
 * is not a power of two) or one larger than @max granules.
 */
static inline int rmi_donate_decode(u64 req, unsigned long max,
				    struct rmi_donate_req *d)
{
	d->order = rmi_block_order(RMI_DONATE_SIZE(req));
	d->count = RMI_DONATE_COUNT(req);
	d->contig = RMI_DONATE_CONTIG(req);
	d->state = RMI_DONATE_STATE(req);

	if ((req & RMI_DONATE_RES0) || !d->count)
		return -EPROTO;
	if (d->state != RMI_OP_MEM_DELEGATED &&
	    d->state != RMI_OP_MEM_UNDELEGATED)
		return -EPROTO;
	/* The RMM asks for power-of-two contiguous ranges only. */
	if (d->contig && (d->count & (d->count - 1)))
		return -EPROTO;
	if (d->order >= BITS_PER_LONG || d->count > (max >> d->order))
		return -EPROTO;
	return 0;
}

#endif /* __ARM64_KVM_RMI_DESC_H */
