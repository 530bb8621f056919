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
 * failure, an argument rejected before any SMC, or an RMM output the
 * library refused to act on (-EPROTO).  Each function's kernel-doc says
 * whether it may sleep and which lock it takes.
 */
#ifndef __ASM_RMI_H
#define __ASM_RMI_H

#include <linux/maple_tree.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
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
unsigned long rmi_rmm_errors(void);
bool rmi_rmm_trusted(void);
unsigned long rmi_call_count(unsigned long fid);

/**
 * struct rmi_op_out - what carrying an operation on produced
 * @top: X1 of the RMI_OP_CONTINUE that completed the operation
 * @range: X2 of that RMI_OP_CONTINUE
 * @count: X3 of that RMI_OP_CONTINUE
 * @net: granules donated minus granules reclaimed, that the RMM now holds
 *	 for the object the command is about, on failure too
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
 * struct rmi_ledger - granules given to the RMM, by PFN (see ledger.c)
 * @xa: PFN -> record
 * @mem: the allocator they came from
 * @nr: records
 */
struct rmi_ledger {
	struct xarray xa;
	const struct rmi_mem_ops *mem;
	unsigned long nr;
};

struct cca_realm;
struct cca_rec;

/**
 * struct cca_realm_ops - what the VMM decides for a Realm
 * @ripas_change: the Realm asks for [@base, @top) to become RAM: return
 *		  true to accept, false to reject (the Realm then sees
 *		  RSI_REJECT).  NULL accepts.  A change to EMPTY cannot be
 *		  rejected (DEN0137 A5.4) and is not asked.
 * @share: the Realm touched the unprotected IPA @ipa: return the PA of a
 *	   Non-secure page the VMM shares with it there, which the library
 *	   maps, or 0 when the VMM has no memory there (the access is then
 *	   emulated MMIO, handed back as CCA_EXIT_MMIO).  The page stays the
 *	   VMM's, and must stay allocated until @unshare.  NULL shares nothing.
 * @unshare: the page shared at @ipa is no longer mapped.
 *
 * Each is called with the Realm's lock held, and may sleep.
 */
struct cca_realm_ops {
	bool (*ripas_change)(struct cca_realm *realm, unsigned long base,
			     unsigned long top);
	phys_addr_t (*share)(struct cca_realm *realm, unsigned long ipa);
	void (*unshare)(struct cca_realm *realm, unsigned long ipa,
			phys_addr_t pa);
};

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
 * @ops: the VMM's decisions, or NULL
 * @priv: for @ops, in cca_realm.priv
 * @donate_max: granules the RMM may hold for the Realm and its RECs
 *		through operations, 0 for RMI_DONATE_MAX_REALM
 * @fault_order: granules mapped on a fault on RAM, log2: the naturally
 *		 aligned block around the fault, where nothing is mapped and
 *		 the RIPAS is RAM (0: one granule)
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
	const struct cca_realm_ops *ops;
	void *priv;
	long donate_max;
	unsigned int fault_order;
};

/**
 * enum cca_realm_state - where a struct cca_realm is in its lifecycle
 * @CCA_REALM_NONE: no Realm in the RMM (zero: a zeroed struct is in it)
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

/*
 * RTT levels below the starting one that the library records: every level
 * an RTT can be created at, 0 to 3.
 */
#define CCA_RTT_LEVELS	4

/*
 * Locking of a Realm, outermost first:
 *
 *   cca_realm.lock		a mutex: every change to the Realm (stage 2,
 *				records, RECs created or destroyed, exits
 *				handled, teardown); may sleep inside
 *     cca_realm.entry_lock	a spinlock taken with interrupts masked: the
 *				gate RECs pass to run, the Realm's state as
 *				they see it, the count of RECs running, the
 *				power state of each REC
 *
 * entry_lock is taken inside lock, never the other way.  REC entry takes
 * entry_lock alone, for a few instructions on each side of the SMC, and
 * never sleeps: it runs with interrupts masked in a vCPU loop.  Teardown
 * holds lock, closes the gate and waits for the RECs inside
 * RMI_REC_ENTER; an exit is handled under lock once its REC is out.
 */

/**
 * struct cca_realm - a Realm and every granule the library gave the RMM for it
 * @mem: where its granules come from and go back to
 * @ops: the VMM's decisions
 * @priv: the VMM's, for @ops
 * @rd: PA of the RD
 * @rtt_base: PA of the starting RTT(s)
 * @rtt_num_start: number of starting RTTs
 * @rtt_level_start: level of the starting RTT(s)
 * @s2sz: IPA width
 * @max_recs: RECs allowed
 * @donate_max: granules the RMM may hold for the Realm and its RECs
 * @fault_order: see cca_realm_config
 * @lock: serialises every change to the Realm: its stage 2 (RTTs, data,
 *	  RIPAS, unprotected mappings), the records below, REC creation and
 *	  destruction, exit handling, teardown
 * @scratch: a Non-secure granule for the address lists of commands (map,
 *	     unmap), so that teardown needs no memory
 * @copy: private copy of a list in @scratch: what the library builds, or
 *	  what the RMM wrote, read once
 * @op_scratch: a Non-secure granule for the lists of the operations those
 *		commands start (donations, reclaims)
 * @op_copy: private copy of a list in @op_scratch
 * @ledger: every granule given to the RMM for the Realm and its RECs
 * @data: IPA page -> PFN of the data granule mapped there
 * @rtts: per level, IPA >> (the level above's shift) -> PFN of the RTT
 * @ripas: protected IPA ranges and the RIPAS the library set there
 * @unprot: unprotected IPA page -> PA the VMM shared there
 * @held: granules donated to the Realm itself
 * @nr_recs: RECs created (indices 0..@nr_recs - 1)
 * @recs: RECs by index
 * @entry_lock: the REC gate, a spinlock because RECs are entered with
 *		interrupts masked: @state as RECs see it, @stopped,
 *		@nr_running, and the power state of every REC
 * @state: lifecycle state; written with both locks held
 * @stopped: the Realm cannot run any more (powered off, or stopped on an
 *	     exit it cannot go on from)
 * @nr_running: RECs between cca_rec_enter() and the end of the handling
 *		of their exit; teardown waits for none
 */
struct cca_realm {
	const struct rmi_mem_ops *mem;
	const struct cca_realm_ops *ops;
	void *priv;
	phys_addr_t rd;
	phys_addr_t rtt_base;
	unsigned int rtt_num_start;
	long rtt_level_start;
	u8 s2sz;
	unsigned int max_recs;
	long donate_max;
	unsigned int fault_order;

	struct mutex lock;		/* the outer lock: see above */
	phys_addr_t scratch;
	u64 *copy;
	phys_addr_t op_scratch;
	u64 *op_copy;
	struct rmi_ledger ledger;
	struct xarray data;
	struct xarray rtts[CCA_RTT_LEVELS];
	struct maple_tree ripas;
	struct xarray unprot;
	long held;
	unsigned int nr_recs;
	struct cca_rec **recs;

	spinlock_t entry_lock;		/* the REC gate, inside @lock */
	enum cca_realm_state state;
	bool stopped;
	unsigned int nr_running;
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
 * enum cca_rec_pending - what the next entry of a REC completes
 * @CCA_REC_PENDING_NONE: nothing
 * @CCA_REC_PENDING_MMIO: an emulated access
 * @CCA_REC_PENDING_HOST_CALL: a host call: its results
 * @CCA_REC_PENDING_RIPAS: a RIPAS change: accepted or rejected
 */
enum cca_rec_pending {
	CCA_REC_PENDING_NONE,
	CCA_REC_PENDING_MMIO,
	CCA_REC_PENDING_HOST_CALL,
	CCA_REC_PENDING_RIPAS,
};

/**
 * struct cca_rec_exit_copy - the fields of the last REC exit, copied
 * @reason: exit_reason
 * @esr: esr
 * @far: far
 * @hpfar: hpfar
 * @gprs: gprs[0..30]
 * @ripas_base: ripas_base
 * @ripas_top: ripas_top
 * @ripas_value: ripas_value
 * @imm: imm
 *
 * Read once from the RmiRecRun page, which stays Non-secure and writable
 * by anyone: the library checks and acts on this copy only.
 */
struct cca_rec_exit_copy {
	unsigned int reason;
	u64 esr;
	u64 far;
	u64 hpfar;
	u64 gprs[REC_RUN_GPRS];
	u64 ripas_base;
	u64 ripas_top;
	u8 ripas_value;
	u16 imm;
};

/**
 * struct cca_rec - a REC
 * @realm: the Realm
 * @index: its index, from its MPIDR
 * @mpidr: its MPIDR
 * @rec: PA of the REC granule
 * @run: the RmiRecRun page, Non-secure
 * @run_pa: PA of @run
 * @held: granules the RMM took for the REC (auxiliary granules)
 * @dead: REC_DESTROY failed: its granules and @run are leaked
 * @on: powered on, as the RMM's answers tell (under the Realm's entry_lock)
 * @busy: between cca_rec_enter() and the end of cca_rec_handle_exit()
 *	  (under the Realm's entry_lock)
 * @kick: PSCI CPU_ON completed for it while @busy (under entry_lock)
 * @enter_ret: X0 of the last RMI_REC_ENTER, status and index
 * @exit: the last exit, copied
 * @pending: what the next entry completes
 * @mmio_reg: the register of a pending emulated read, 31 for none
 * @mmio_len: its width in bytes
 * @mmio_value: the value read, for the next entry
 * @hc_gprs: the results of a pending host call
 * @ripas_reject: reject the pending RIPAS change
 *
 * The fields from @enter_ret on belong to the one loop that runs the REC.
 */
struct cca_rec {
	struct cca_realm *realm;
	unsigned int index;
	unsigned long mpidr;
	phys_addr_t rec;
	struct rec_run *run;
	phys_addr_t run_pa;
	long held;
	bool dead;

	bool on;
	bool busy;
	bool kick;

	unsigned long enter_ret;
	struct cca_rec_exit_copy exit;
	enum cca_rec_pending pending;
	unsigned int mmio_reg;
	unsigned int mmio_len;
	u64 mmio_value;
	u64 hc_gprs[REC_RUN_GPRS];
	bool ripas_reject;
};

/**
 * enum cca_exit_reason - what the VMM must do after a REC exit
 * @CCA_EXIT_MMIO: emulate an access to an unprotected IPA: cca_exit.mmio;
 *		   a read completes with cca_rec_mmio_complete()
 * @CCA_EXIT_HOST_CALL: a host call: cca_exit.host_call; its results go
 *			back with cca_rec_host_call_complete(), else the
 *			registers go back as they came
 * @CCA_EXIT_CPU_ON: PSCI CPU_ON turned cca_exit.target on: the VMM may now
 *		     run it; the calling REC goes on
 * @CCA_EXIT_CPU_OFF: this REC turned itself off: do not enter it until a
 *		      CCA_EXIT_CPU_ON names it
 * @CCA_EXIT_SYSTEM_OFF: the Realm powered itself off: no REC runs again
 * @CCA_EXIT_SYSTEM_RESET: the Realm asked to be reset: no REC runs again
 * @CCA_EXIT_STOP: the Realm cannot go on: cca_exit.stop says why; no REC
 *		   runs again
 */
enum cca_exit_reason {
	CCA_EXIT_MMIO = 1,
	CCA_EXIT_HOST_CALL,
	CCA_EXIT_CPU_ON,
	CCA_EXIT_CPU_OFF,
	CCA_EXIT_SYSTEM_OFF,
	CCA_EXIT_SYSTEM_RESET,
	CCA_EXIT_STOP,
};

/**
 * struct cca_exit - a REC exit the library hands to the VMM
 * @reason: what to do
 * @mmio: for CCA_EXIT_MMIO
 * @mmio.ipa: the IPA accessed
 * @mmio.len: bytes accessed: 1, 2, 4 or 8
 * @mmio.write: a write
 * @mmio.data: the value written, for a write
 * @host_call: for CCA_EXIT_HOST_CALL
 * @host_call.imm: the immediate of RSI_HOST_CALL
 * @host_call.gprs: its registers
 * @target: for CCA_EXIT_CPU_ON, the REC turned on
 * @stop: for CCA_EXIT_STOP
 * @stop.why: why, for a message
 * @stop.exit_reason: the RMM's exit reason
 * @stop.esr: the exit's ESR
 * @stop.ipa: the IPA concerned, if any
 */
struct cca_exit {
	enum cca_exit_reason reason;
	union {
		struct {
			unsigned long ipa;
			unsigned int len;
			bool write;
			u64 data;
		} mmio;
		struct {
			u16 imm;
			u64 gprs[REC_RUN_GPRS];
		} host_call;
		struct cca_rec *target;
		struct {
			const char *why;
			unsigned int exit_reason;
			u64 esr;
			unsigned long ipa;
		} stop;
	};
};

long cca_realm_create(struct cca_realm *realm,
		      const struct cca_realm_config *cfg,
		      const struct rmi_mem_ops *mem);
long cca_realm_create_rtts(struct cca_realm *realm, unsigned long ipa,
			   long level);
long cca_realm_create_rtts_range(struct cca_realm *realm, unsigned long base,
				 unsigned long top, long level);
long cca_realm_init_ripas(struct cca_realm *realm, unsigned long base,
			  unsigned long top);
long cca_realm_reserve(struct cca_realm *realm, unsigned long nr);
long cca_realm_populate(struct cca_realm *realm, unsigned long ipa,
			phys_addr_t src, bool measure);
long cca_realm_map_ram(struct cca_realm *realm, unsigned long base,
		       unsigned long top);
long cca_realm_activate(struct cca_realm *realm);
long cca_rec_create(struct cca_realm *realm, const struct cca_rec_config *cfg,
		    struct cca_rec *rec);
long cca_rec_enter(struct cca_rec *rec);
int cca_rec_handle_exit(struct cca_rec *rec, struct cca_exit *exit);
void cca_rec_mmio_complete(struct cca_rec *rec, u64 value);
void cca_rec_host_call_complete(struct cca_rec *rec, const u64 *gprs,
				unsigned int n);
bool cca_rec_is_on(struct cca_rec *rec);
long cca_realm_destroy(struct cca_realm *realm);

#endif /* __ASM_RMI_H */
