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
#include <linux/slab.h>
#include <linux/types.h>
#include <linux/xarray.h>
#include <asm/page.h>

void rmi_smccc_call(const struct arm_smccc_1_2_regs *args,
		    struct arm_smccc_1_2_regs *res);
void rmi_smccc_issue(const struct arm_smccc_1_2_regs *args,
		     struct arm_smccc_1_2_regs *res);
void rmi_smccc_call_n(unsigned int nr_args, unsigned long fid, ...);
int rmi_smccc_probe(void);

/*
 * Every wrapper of <asm/rmi_cmds.h> issues its SMC through
 * rmi_smccc_call(), which counts it and checks its status, and
 * rmi_smccc_issue(), the one out-of-line SMC, which KUnit redirects.
 * COUNT_ARGS() counts the input registers and the result pointer.
 */
#define rmi_cmds_call(fid, ...)						\
	rmi_smccc_call_n(COUNT_ARGS(__VA_ARGS__), (unsigned long)(fid),	\
			 __VA_ARGS__)
#define rmi_cmds_call_1_2(args, res)	rmi_smccc_call(args, res)

#include <asm/rmi.h>
#include <asm/rmi_cmds.h>

#include "rmi_desc.h"

#ifdef CONFIG_ARM64_RMI_FAIL_ALLOC
bool rmi_should_fail_alloc(void);
#else
static inline bool rmi_should_fail_alloc(void)
{
	return false;
}
#endif

/*
 * The library's own records and copies (not the granules, which come from
 * the caller's allocator) are allocated through these, accounted to the
 * caller's memory cgroup, so that fault injection can fail each of them
 * in turn (CONFIG_ARM64_RMI_FAIL_ALLOC).
 */
static inline void *rmi_kcalloc(size_t n, size_t size)
{
	if (rmi_should_fail_alloc())
		return NULL;
	return kcalloc(n, size, GFP_KERNEL_ACCOUNT);
}

/* The same, not zeroed: for the list copies, written before they are read. */
static inline void *rmi_kmalloc(size_t size)
{
	if (rmi_should_fail_alloc())
		return NULL;
	return kmalloc(size, GFP_KERNEL_ACCOUNT);
}

static inline int rmi_xa_insert(struct xarray *xa, unsigned long index,
				void *entry)
{
	if (rmi_should_fail_alloc())
		return -ENOMEM;
	return xa_insert(xa, index, entry, GFP_KERNEL_ACCOUNT);
}

/* RMI_BUSY / RMI_BLOCKED: retries of one command before giving up. */
#define RMI_MAX_RETRIES		64
/* Commands issued to drive one stateful operation, at most. */
#define RMI_OP_MAX_STEPS	4096

/* Entries of an RMI address list that fit in one granule. */
#define RMI_LIST_ENTRIES	(PAGE_SIZE / sizeof(u64))
/* Deepest RTT level. */
#define RMI_RTT_MAX_LEVEL	3
/* Shallowest starting level: -1 with LPA2 and 4KB granules. */
#define RMI_RTT_MIN_LEVEL	-1

/*
 * What the RMM may ask to be donated, in granules: per donate request, per
 * operation, and to one Realm and its RECs together (the default of
 * cca_realm_config.donate_max).  TF-RMM asks a few granules per REC; a
 * request beyond these is refused as a protocol error rather than served
 * from the host's memory.
 */
#define RMI_DONATE_MAX_STEP	RMI_LIST_ENTRIES
#define RMI_DONATE_MAX_OP	(8 * RMI_LIST_ENTRIES)
#define RMI_DONATE_MAX_REALM	(32 * RMI_LIST_ENTRIES)

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
 * rmi_retry() - whether to issue a command again
 * @ret: X0 the command returned
 * @tries: retries so far, updated
 *
 * RMI_BUSY and RMI_BLOCKED mean the RMM made no change and the command may
 * succeed later: retry it, a bounded number of times, yielding the CPU in
 * between.  After RMI_MAX_RETRIES the caller gets the status back.  May
 * sleep: REC entry, which must not, does not retry.
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

/* Whether commands may be issued: rmi_init() succeeded (smccc.c). */
bool rmi_smccc_ready(void);
void rmi_smccc_set_ready(void);
void rmi_smccc_reset(void);

__printf(1, 2) void rmi_report_rmm(const char *fmt, ...);

/* For the KUnit suites only (defined with CONFIG_KUNIT). */
void rmi_test_reset(void);

/*
 * The ledger: every granule the library gave the RMM and has not had
 * back, by PFN (ledger.c).  A record is a kind, the owner (0 for the
 * object itself, REC i + 1 for what was donated to REC i) and, for a
 * donation, the state it was donated in.
 */
enum rmi_ledger_kind {
	RMI_LEDGER_RD = 1,	/* an RD */
	RMI_LEDGER_RTT,		/* an RTT, starting or not */
	RMI_LEDGER_REC,		/* a REC granule */
	RMI_LEDGER_AUX,		/* donated to an object by an operation */
	RMI_LEDGER_DATA,	/* mapped data (cca_realm.data has its IPA) */
	RMI_LEDGER_SPARE,	/* delegated, not given to the RMM yet */
	RMI_LEDGER_BACK,	/* given back delegated: to undelegate */
	RMI_LEDGER_BACK_NS,	/* given back Non-secure: to free */
};

#define RMI_LEDGER_KIND_MASK	GENMASK(3, 0)
#define RMI_LEDGER_NS_MASK	BIT(4)
#define RMI_LEDGER_OWNER_MASK	GENMASK(31, 8)

static inline unsigned long rmi_ledger_rec(enum rmi_ledger_kind kind,
					   unsigned long owner, bool ns)
{
	return FIELD_PREP(RMI_LEDGER_KIND_MASK, kind) |
	       FIELD_PREP(RMI_LEDGER_OWNER_MASK, owner) |
	       FIELD_PREP(RMI_LEDGER_NS_MASK, ns);
}

void rmi_ledger_init(struct rmi_ledger *l, const struct rmi_mem_ops *mem);
int rmi_ledger_add(struct rmi_ledger *l, phys_addr_t pa, unsigned long nr,
		   unsigned long rec, gfp_t gfp);
unsigned long rmi_ledger_get(struct rmi_ledger *l, phys_addr_t pa);
bool rmi_ledger_match(struct rmi_ledger *l, phys_addr_t pa, unsigned long nr,
		      unsigned long rec, unsigned long mask);
void rmi_ledger_set(struct rmi_ledger *l, phys_addr_t pa, unsigned long nr,
		    unsigned long rec);
void rmi_ledger_give_back(struct rmi_ledger *l, phys_addr_t pa,
			  unsigned long nr, bool ns);
unsigned long rmi_ledger_leak(struct rmi_ledger *l, phys_addr_t pa,
			      unsigned long nr);
unsigned long rmi_ledger_leak_owner(struct rmi_ledger *l,
				    enum rmi_ledger_kind kind,
				    unsigned long owner);
void rmi_ledger_sweep(struct rmi_ledger *l);
void rmi_ledger_destroy(struct rmi_ledger *l);

/**
 * struct rmi_op_ctx - what an operation is carried on for
 * @ledger: where donated granules are recorded, and reclaimed ones must be
 * @owner: the owner of the donations (RMI_LEDGER_OWNER_MASK)
 * @held: granules donated to the owner and not reclaimed, updated
 * @cap: at most this many granules held, after the operation
 * @list: a Non-secure granule for address lists, or 0 to allocate one
 * @copy: a private granule-sized buffer the lists are copied to before
 *	  they are read, or NULL to allocate one
 */
struct rmi_op_ctx {
	struct rmi_ledger *ledger;
	unsigned long owner;
	long *held;
	long cap;
	phys_addr_t list;
	u64 *copy;
};

long rmi_op_run_ctx(unsigned long ret, const struct rmi_op *op,
		    struct rmi_op_ctx *ctx, struct rmi_op_out *out);

phys_addr_t rmi_alloc_granules(const struct rmi_mem_ops *mem,
			       unsigned int order);
void rmi_free_granules(const struct rmi_mem_ops *mem, phys_addr_t pa,
		       unsigned long nr);
phys_addr_t rmi_alloc_delegated(const struct rmi_mem_ops *mem,
				unsigned int order, long *err);
void rmi_granule_leak(phys_addr_t pa, unsigned long nr);

/* RIPAS the library tracks for a Realm's protected IPAs (rtt.c). */
enum cca_ripas_rec {
	CCA_RIPAS_RAM = 1,
	CCA_RIPAS_EMPTY,
};

void cca_realm_op_ctx(struct cca_realm *realm, struct rmi_op_ctx *ctx);
long cca_spare_fill(struct cca_realm *realm, unsigned long nr);
long cca_rtts_ensure(struct cca_realm *realm, unsigned long ipa, long level);
unsigned long cca_rtts_missing(struct cca_realm *realm, unsigned long base,
			       unsigned long top, long level);
long cca_rtt_walk_level(struct cca_realm *realm, unsigned long ipa);
long cca_realm_destroy_rtts(struct cca_realm *realm);
int cca_ripas_record(struct cca_realm *realm, unsigned long base,
		     unsigned long top, enum cca_ripas_rec ripas);
bool cca_ripas_is_ram(struct cca_realm *realm, unsigned long ipa);
long cca_set_ripas(struct cca_realm *realm, struct cca_rec *rec,
		   unsigned long base, unsigned long top,
		   enum cca_ripas_rec ripas, unsigned long *done);
long cca_unmap_range(struct cca_realm *realm, unsigned long base,
		     unsigned long top);
long cca_unmap_all(struct cca_realm *realm);
long cca_map_on_demand(struct cca_realm *realm, unsigned long ipa);
long cca_unprot_map(struct cca_realm *realm, unsigned long ipa,
		    phys_addr_t pa);
long cca_unprot_unmap_all(struct cca_realm *realm);
long cca_rec_destroy(struct cca_rec *rec);
bool cca_ipa_protected(const struct cca_realm *realm, unsigned long ipa);

/* Exit handlers (exit*.c): 1 to enter again, 0 for the VMM, or -errno. */
int cca_exit_stop(struct cca_rec *rec, struct cca_exit *exit,
		  const char *why, unsigned long ipa);
int cca_handle_sync(struct cca_rec *rec, struct cca_exit *exit);
int cca_handle_psci(struct cca_rec *rec, struct cca_exit *exit);
int cca_handle_ripas(struct cca_rec *rec, struct cca_exit *exit);

#endif /* __ARM64_KVM_RMI_LIB_H */
