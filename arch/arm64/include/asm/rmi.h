/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Host side of the Arm CCA Realm Management Interface (DEN0137 2.0-bet1):
 * the library KVM calls to set up the RMM and to build, run and tear down
 * Realms.  The rmi_*() wrappers of <asm/rmi_cmds.h> issue one command each;
 * this library drives them: version negotiation, stateful operations,
 * granule delegation and the Realm lifecycle.
 *
 * Return convention (Documentation/arch/arm64/rmi-library.rst): functions
 * returning long return 0, a positive RMI status (RMI_ERROR_*, the index
 * dropped) when the RMM refused a command, or a negative errno for a host
 * failure or an argument rejected before any SMC.
 */
#ifndef __ASM_RMI_H
#define __ASM_RMI_H

#include <linux/list.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include <asm/rmi_smc.h>

/**
 * struct rmi_features - the RMM's feature registers, decoded
 * @reg: RMI_FEATURES registers 0 to 4, as read
 * @s2sz: maximum IPA width, in bits
 * @lpa2: LPA2 supported
 * @sve: SVE supported
 * @sve_vl: maximum SVE vector length, (VL / 128) - 1
 * @num_bps: number of breakpoints available, minus one
 * @num_wps: number of watchpoints available, minus one
 * @pmu: PMU supported
 * @pmu_num_ctrs: number of PMU counters available
 * @gran_4k: 4KB RMI granules supported
 * @gran_16k: 16KB RMI granules supported
 * @gran_64k: 64KB RMI granules supported
 * @sha256: SHA-256 measurement supported
 * @sha384: SHA-384 measurement supported
 * @sha512: SHA-512 measurement supported
 * @max_recs: maximum number of RECs per Realm
 * @l0gptsz: GPCCR_EL3.L0GPTSZ encoding
 * @pps: GPCCR_EL3.PPS encoding
 * @da: device assignment supported
 * @da_coh: coherent device assignment supported
 * @vsmmu: virtual SMMU supported
 * @ats: ATS supported
 * @max_vdevs_order: log2 of the maximum number of VDEVs per PDEV
 * @max_aux_planes: maximum number of auxiliary planes
 * @rtt_plane: RTT plane support (RMI_RTT_PLANE_*)
 * @s2ap_indirect: indirect S2AP encoding supported
 * @mec_count: number of MECIDs
 */
struct rmi_features {
	u64 reg[5];
	u8 s2sz;
	bool lpa2;
	bool sve;
	u8 sve_vl;
	u8 num_bps;
	u8 num_wps;
	bool pmu;
	u8 pmu_num_ctrs;
	bool gran_4k;
	bool gran_16k;
	bool gran_64k;
	bool sha256;
	bool sha384;
	bool sha512;
	unsigned int max_recs;
	u8 l0gptsz;
	u8 pps;
	bool da;
	bool da_coh;
	bool vsmmu;
	bool ats;
	u8 max_vdevs_order;
	u8 max_aux_planes;
	u8 rtt_plane;
	bool s2ap_indirect;
	u64 mec_count;
};

/**
 * struct rmi_mem_ops - where the library gets the granules it delegates
 * @alloc: allocate 2^@order zeroed, naturally aligned granules whose
 *	   granules can be freed one by one; return the PA of the first, or 0
 * @free: free one granule allocated by @alloc; never called on a granule
 *	  that is delegated
 * @priv: for @alloc and @free
 */
struct rmi_mem_ops {
	phys_addr_t (*alloc)(void *priv, unsigned int order);
	void (*free)(void *priv, phys_addr_t pa);
	void *priv;
};

struct rmi_op;

extern const struct rmi_mem_ops rmi_page_mem_ops;

int rmi_init(void);
bool rmi_is_available(void);
unsigned long rmi_rmm_version(void);
const struct rmi_features *rmi_get_features(void);

long rmi_granules_delegate(phys_addr_t base, size_t size, phys_addr_t *done);
long rmi_granules_undelegate(phys_addr_t base, size_t size, phys_addr_t *done);
unsigned long rmi_granules_undelegate_free(const struct rmi_mem_ops *mem,
					   phys_addr_t pa, unsigned long nr);
bool rmi_granule_undelegate_free(const struct rmi_mem_ops *mem, phys_addr_t pa);
unsigned long rmi_leaked_granules(void);
unsigned long rmi_abandoned_ops(void);
unsigned long rmi_call_count(unsigned long fid);

/**
 * struct rmi_op_out - what carrying an operation on produced
 * @top: X1 of the RMI_OP_CONTINUE that completed the operation
 * @range: X2 of that RMI_OP_CONTINUE
 * @count: X3 of that RMI_OP_CONTINUE
 * @net: granules donated minus granules reclaimed, that the RMM now holds
 *	 for the object the command is about; on failure, donated granules
 *	 the RMM kept are already leaked and @net is at most 0
 */
struct rmi_op_out {
	unsigned long top;
	unsigned long range;
	unsigned long count;
	long net;
};

long rmi_op_complete(unsigned long ret, const struct rmi_op *op,
		     const struct rmi_mem_ops *mem, phys_addr_t list,
		     struct rmi_op_out *out);

/**
 * struct cca_realm_config - what a Realm is created with
 * @s2sz: IPA width, in bits
 * @rtt_level_start: level of the starting RTT
 * @lpa2: use LPA2
 * @sve: enable SVE
 * @sve_vl: SVE vector length, (VL / 128) - 1; with @sve only
 * @num_bps: breakpoints, minus one
 * @num_wps: watchpoints, minus one
 * @hash_algo: measurement algorithm (RMI_HASH_*)
 * @max_recs: number of RECs the Realm will have
 * @rpv: Realm Personalisation Value
 */
struct cca_realm_config {
	u8 s2sz;
	long rtt_level_start;
	bool lpa2;
	bool sve;
	u8 sve_vl;
	u8 num_bps;
	u8 num_wps;
	u8 hash_algo;
	unsigned int max_recs;
	u8 rpv[64];
};

/**
 * enum cca_realm_state - where a struct cca_realm is in its lifecycle
 * @CCA_REALM_NONE: no Realm in the RMM
 * @CCA_REALM_NEW: created, not activated
 * @CCA_REALM_ACTIVE: activated: RECs can run
 * @CCA_REALM_DEAD: the RMM refused part of the teardown: what it still
 *	holds is leaked
 */
enum cca_realm_state {
	CCA_REALM_NONE,
	CCA_REALM_NEW,
	CCA_REALM_ACTIVE,
	CCA_REALM_DEAD,
};

/**
 * struct cca_realm - a Realm and every granule the library gave the RMM for it
 * @mem: where its granules come from and go back to
 * @state: lifecycle state
 * @rd: PA of the RD
 * @scratch: a Non-secure granule for the address lists of teardown, so
 *	     that teardown needs no memory
 * @rtt_base: PA of the starting RTT(s)
 * @rtt_num_start: number of starting RTTs
 * @rtt_level_start: level of the starting RTT(s)
 * @s2sz: IPA width
 * @max_recs: RECs allowed
 * @nr_recs: RECs created (indices 0..@nr_recs - 1)
 * @held: granules the RMM took for the Realm itself (donated)
 * @rtts: RTTs below the starting level (struct cca_rtt), newest first
 * @maps: mapped IPA ranges (struct cca_map)
 * @blocks: blocks of RAM delegated by one command, by the IPA page of
 *	    their first granule: the order of the block
 * @recs: RECs (struct cca_rec)
 */
struct cca_realm {
	const struct rmi_mem_ops *mem;
	enum cca_realm_state state;
	phys_addr_t rd;
	phys_addr_t scratch;
	phys_addr_t rtt_base;
	unsigned int rtt_num_start;
	long rtt_level_start;
	u8 s2sz;
	unsigned int max_recs;
	unsigned int nr_recs;
	long held;
	struct list_head rtts;
	struct list_head maps;
	struct xarray blocks;
	struct list_head recs;
};

/**
 * struct cca_rec_config - what a REC is created with
 * @mpidr: MPIDR (RmiRecMpidr)
 * @pc: initial program counter
 * @gprs: initial X0..X7
 * @runnable: whether the REC may run before PSCI turns it on
 */
struct cca_rec_config {
	unsigned long mpidr;
	unsigned long pc;
	unsigned long gprs[REC_CREATE_NR_GPRS];
	bool runnable;
};

/**
 * struct cca_rec - a REC
 * @node: in the Realm's list
 * @realm: the Realm
 * @rec: PA of the REC granule
 * @run: the RmiRecRun page, Non-secure
 * @run_pa: PA of @run
 * @held: granules the RMM took for the REC (auxiliary granules)
 */
struct cca_rec {
	struct list_head node;
	struct cca_realm *realm;
	phys_addr_t rec;
	struct rec_run *run;
	phys_addr_t run_pa;
	long held;
};

long cca_realm_create(struct cca_realm *realm,
		      const struct cca_realm_config *cfg,
		      const struct rmi_mem_ops *mem);
long cca_realm_create_rtts(struct cca_realm *realm, unsigned long ipa,
			   long level);
long cca_realm_init_ripas(struct cca_realm *realm, unsigned long base,
			  unsigned long top);
long cca_realm_populate(struct cca_realm *realm, unsigned long ipa,
			phys_addr_t src, bool measure);
long cca_realm_map_ram(struct cca_realm *realm, unsigned long base,
		       unsigned long top);
long cca_realm_activate(struct cca_realm *realm);
long cca_rec_create(struct cca_realm *realm, const struct cca_rec_config *cfg,
		    struct cca_rec **recp);
long cca_rec_enter(struct cca_rec *rec);
long cca_realm_destroy(struct cca_realm *realm);

#endif /* __ASM_RMI_H */
