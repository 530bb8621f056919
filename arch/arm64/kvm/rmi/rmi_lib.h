/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Private header of the RMI library: the transport every wrapper of
 * <asm/rmi_cmds.h> goes through, and the helpers the library's files share.
 */
#ifndef __ARM64_KVM_RMI_LIB_H
#define __ARM64_KVM_RMI_LIB_H

#include <linux/args.h>
#include <linux/bitfield.h>
#include <linux/arm-smccc.h>
#include <linux/sched.h>
#include <linux/types.h>
#include <asm/page.h>

void rmi_smccc_call(const struct arm_smccc_1_2_regs *args,
		    struct arm_smccc_1_2_regs *res);
void rmi_smccc_call_n(unsigned int nr_args, unsigned long fid, ...);
int rmi_smccc_probe(void);

/*
 * Every wrapper of <asm/rmi_cmds.h> issues its SMC through
 * rmi_smccc_call(): one out-of-line function, which KUnit redirects.
 * COUNT_ARGS() counts the input registers and the result pointer.
 */
#define rmi_cmds_call(fid, ...)						\
	rmi_smccc_call_n(COUNT_ARGS(__VA_ARGS__), (unsigned long)(fid),	\
			 __VA_ARGS__)
#define rmi_cmds_call_1_2(args, res)	rmi_smccc_call(args, res)

#include <asm/rmi.h>
#include <asm/rmi_cmds.h>

/* RMI_BUSY / RMI_BLOCKED: retries of one command before giving up. */
#define RMI_MAX_RETRIES		64
/* Commands issued to drive one stateful operation, at most. */
#define RMI_OP_MAX_STEPS	4096

/* Entries of an RMI address list that fit in one granule. */
#define RMI_LIST_ENTRIES	(PAGE_SIZE / sizeof(u64))
/* Deepest RTT level. */
#define RMI_RTT_MAX_LEVEL	3

/**
 * rmi_level_shift() - log2 of the size an RTT entry at @level maps
 * @level: RTT level
 *
 * Return: the shift, for the PAGE_SIZE granule.
 */
static inline unsigned int rmi_level_shift(long level)
{
	return PAGE_SHIFT + (RMI_RTT_MAX_LEVEL - level) * (PAGE_SHIFT - 3);
}

/**
 * rmi_block_order() - granules in a block, log2
 * @size: block size code of RmiOpMemDonateReq and RmiAddrRangeDesc
 *
 * Return: the order: 0 for a granule, then the levels' block sizes.
 */
static inline unsigned int rmi_block_order(unsigned long size)
{
	return size * (PAGE_SHIFT - 3);
}

/**
 * rmi_range_desc() - an RmiAddrRangeDesc
 * @pa: PA of the first granule
 * @size: block size code
 * @count: number of blocks
 * @state: RMI_OP_MEM_DELEGATED or RMI_OP_MEM_UNDELEGATED
 *
 * Return: the descriptor.
 */
static inline u64 rmi_range_desc(phys_addr_t pa, unsigned long size,
				 unsigned long count, unsigned long state)
{
	return FIELD_PREP(RMI_ADDR_RANGE_SIZE_MASK, size) |
	       FIELD_PREP(RMI_ADDR_RANGE_COUNT_MASK, count) |
	       (pa & RMI_ADDR_RANGE_ADDR_MASK) |
	       FIELD_PREP(RMI_ADDR_RANGE_STATE_MASK, state);
}

/**
 * rmi_retry() - whether to issue a command again
 * @ret: X0 the command returned
 * @tries: retries so far, updated
 *
 * RMI_BUSY and RMI_BLOCKED mean the RMM made no change and the command may
 * succeed later: retry it, a bounded number of times, yielding the CPU in
 * between.  After RMI_MAX_RETRIES the caller gets the status back.
 *
 * Return: true to issue the command again.
 */
static inline bool rmi_retry(unsigned long ret, unsigned int *tries)
{
	unsigned long status = RMI_RETURN_STATUS(ret);

	if (status != RMI_BUSY && status != RMI_BLOCKED)
		return false;
	if (++*tries > RMI_MAX_RETRIES)
		return false;
	cond_resched();
	return true;
}

/**
 * rmi_result() - a command's X0 as the library's helpers return it
 * @ret: X0
 *
 * Return: 0 for RMI_SUCCESS, else the positive RMI status (index dropped).
 */
static inline long rmi_result(unsigned long ret)
{
	return RMI_RETURN_STATUS(ret);
}

/**
 * struct cca_rtt - an RTT the library created below the starting level
 * @node: in cca_realm.rtts
 * @ipa: base IPA the RTT maps
 * @level: level of the RTT
 * @pa: PA of the RTT granule
 */
struct cca_rtt {
	struct list_head node;
	unsigned long ipa;
	long level;
	phys_addr_t pa;
};

/**
 * struct cca_map - an IPA range mapped to granules the library owns
 * @node: in cca_realm.maps
 * @base: base IPA
 * @top: top IPA
 */
struct cca_map {
	struct list_head node;
	unsigned long base;
	unsigned long top;
};

phys_addr_t rmi_alloc_granules(const struct rmi_mem_ops *mem,
			       unsigned int order);
void rmi_free_granules(const struct rmi_mem_ops *mem, phys_addr_t pa,
		       unsigned long nr);
phys_addr_t rmi_alloc_delegated(const struct rmi_mem_ops *mem,
				unsigned int order, long *err);
void rmi_granule_leak(phys_addr_t pa, unsigned long nr);
long cca_realm_unmap(struct cca_realm *realm, struct cca_map *map);
long cca_realm_destroy_rtts(struct cca_realm *realm);
long cca_rec_destroy(struct cca_rec *rec);

#endif /* __ARM64_KVM_RMI_LIB_H */
