/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A model of the RMM (DEN0137 2.0-bet1, and the 1.0-rel0 failure
 * conditions of the commands 2.0 carries over), for the KUnit suites of
 * the RMI library: it answers the library's SMCs through the library's
 * transport seam, tracks the state of every granule, Realm, REC and RTT the
 * library creates, and checks each command's failure conditions.  Test
 * code only.
 */
#ifndef __RMI_MODEL_H
#define __RMI_MODEL_H

#include <kunit/test.h>
#include <linux/mutex.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include <asm/rmi.h>

#define RMI_MODEL_MAX_VERSIONS	4

/**
 * struct rmi_model_config - how the model behaves
 * @versions: interface revisions it implements (RmiInterfaceVersion), 0 ends
 * @no_rmm: RMI_VERSION is not implemented (SMCCC_RET_NOT_SUPPORTED)
 * @probe_err: what rmi_smccc_probe() returns (no FEAT_RME, SMCCC version,
 *	       conduit)
 * @feat: RMI_FEATURES registers 0 to 4
 * @realm_donate: granules RMI_REALM_CREATE asks to be donated
 * @rec_donate: granules RMI_REC_CREATE asks to be donated
 * @activate_donate: granules RMI_RMM_ACTIVATE asks to be donated
 * @contig: donate requests ask for contiguous memory
 * @undelegated: donate requests ask for undelegated memory
 * @can_cancel: operations may be cancelled
 * @incomplete: the map, unmap, populate and terminate commands answer
 *		RMI_INCOMPLETE, to be carried on with RMI_OP_CONTINUE
 * @per_call: granules a range command processes per call, 0 for all
 * @random: seeded random answers: operations, partial progress, and with
 *	    @busy_pct and @error_pct percent chances, RMI_BUSY / RMI_BLOCKED
 *	    and failures the specification allows
 * @seed: seed of @random
 * @busy_pct: see @random
 * @error_pct: see @random
 * @run_us: microseconds the Realm runs on each RMI_REC_ENTER, the model
 *	    unlocked: its REC is in use meanwhile, RMI_REC_DESTROY of it
 *	    fails (as the RMM's REC granule lock makes it)
 */
struct rmi_model_config {
	unsigned long versions[RMI_MODEL_MAX_VERSIONS];
	bool no_rmm;
	int probe_err;
	u64 feat[5];
	unsigned int realm_donate;
	unsigned int rec_donate;
	unsigned int activate_donate;
	bool contig;
	bool undelegated;
	bool can_cancel;
	bool incomplete;
	unsigned int per_call;
	bool random;
	u32 seed;
	unsigned int busy_pct;
	unsigned int error_pct;
	unsigned int run_us;
};

/* Granule states the model tracks; a PA it does not track is NS. */
enum rmi_model_gstate {
	RMI_MODEL_NS,
	RMI_MODEL_DELEGATED,
	RMI_MODEL_RD,
	RMI_MODEL_REC,
	RMI_MODEL_AUX,
	RMI_MODEL_RTT,
	RMI_MODEL_DATA,
	RMI_MODEL_POOL,
};

struct rmi_model;

/**
 * struct rmi_model_entry - what an RMI_REC_ENTER gives the Realm
 * @index: the REC entered
 * @first: its first entry
 * @flags: enter.flags
 * @gprs: enter.gprs
 * @mmio: an emulated access completed (RMI_EMULATED_MMIO after an
 *	  emulatable abort); for a read, its value is @gprs[0]
 * @host_call: a host call completed: its results are @gprs
 * @ripas: a RIPAS change request completed
 * @ripas_top: how far it went (what RSI_IPA_STATE_SET returns)
 * @ripas_reject: the host rejected it (RSI_REJECT)
 * @psci: a PSCI request about another REC completed
 * @psci_ret: what the Realm gets back for it
 */
struct rmi_model_entry {
	unsigned int index;
	bool first;
	u64 flags;
	u64 gprs[REC_RUN_GPRS];
	bool mmio;
	bool host_call;
	bool ripas;
	unsigned long ripas_top;
	bool ripas_reject;
	bool psci;
	long psci_ret;
};

/*
 * A Realm's program: given what an entry gave REC @in->index, fills the
 * next exit (*@out is zeroed), as the Realm's code would cause it.  The
 * model then keeps the state the RMM keeps for that exit (a pending host
 * call, PSCI request, RIPAS change, emulatable abort).  Called with the
 * model's lock held: must not sleep.
 */
typedef void (*rmi_model_program)(void *priv,
				  const struct rmi_model_entry *in,
				  struct rec_exit *out);

/**
 * enum rmi_model_corrupt_kind - how the model corrupts one answer
 * @RMI_MODEL_CORRUPT_NONE: it does not
 * @RMI_MODEL_CORRUPT_REG: X<reg> of the answer becomes @value
 * @RMI_MODEL_CORRUPT_REG_XOR: X<reg> of the answer is XORed with @value
 * @RMI_MODEL_CORRUPT_ADDR: entry @entry of the list it wrote names
 *	another granule (@value granules on)
 * @RMI_MODEL_CORRUPT_SIZE: ... has block size code @value
 * @RMI_MODEL_CORRUPT_COUNT: ... has count @value
 * @RMI_MODEL_CORRUPT_STATE: ... has its state flipped
 * @RMI_MODEL_CORRUPT_RES0: ... has reserved bit @value set
 * @RMI_MODEL_CORRUPT_DUP: ... repeats entry 0 (a list of one gets a
 *	second entry, the count grown)
 * @RMI_MODEL_CORRUPT_STALE: ... names a granule the model gave back
 *	before
 * @RMI_MODEL_CORRUPT_SCRIBBLE: every entry of the list the command was
 *	given (donated granules, granules to map) is overwritten after the
 *	model read it, with one naming a granule @value granules on; a
 *	non-contiguous donation so answered takes its first granule only
 */
enum rmi_model_corrupt_kind {
	RMI_MODEL_CORRUPT_NONE,
	RMI_MODEL_CORRUPT_REG,
	RMI_MODEL_CORRUPT_REG_XOR,
	RMI_MODEL_CORRUPT_ADDR,
	RMI_MODEL_CORRUPT_SIZE,
	RMI_MODEL_CORRUPT_COUNT,
	RMI_MODEL_CORRUPT_STATE,
	RMI_MODEL_CORRUPT_RES0,
	RMI_MODEL_CORRUPT_DUP,
	RMI_MODEL_CORRUPT_STALE,
	RMI_MODEL_CORRUPT_SCRIBBLE,
};

/**
 * struct rmi_model_corruption - one output the model corrupts
 * @call: 1-based number of the call whose answer is corrupted
 * @kind: how
 * @reg: the register, for the REG kinds
 * @entry: the list entry, for the list kinds
 * @value: see @kind
 */
struct rmi_model_corruption {
	unsigned long call;
	enum rmi_model_corrupt_kind kind;
	unsigned int reg;
	unsigned int entry;
	u64 value;
};

void rmi_model_default_config(struct rmi_model_config *cfg);
struct rmi_model *rmi_model_install(struct kunit *test,
				    const struct rmi_model_config *cfg);
void rmi_model_fail_call(struct rmi_model *m, unsigned long n,
			 unsigned long status);
unsigned long rmi_model_calls(const struct rmi_model *m);
unsigned long rmi_model_calls_of(const struct rmi_model *m, unsigned long fid);
unsigned long rmi_model_owned(struct rmi_model *m);
unsigned long rmi_model_pool(const struct rmi_model *m);
unsigned long rmi_model_runs(struct rmi_model *m, enum rmi_model_gstate state);
unsigned int rmi_model_realms(const struct rmi_model *m);
enum rmi_model_gstate rmi_model_granule(struct rmi_model *m, phys_addr_t pa);
unsigned int rmi_model_faults(unsigned long fid, const unsigned long **status);
unsigned long rmi_model_last_fid(const struct rmi_model *m);
void rmi_model_record(struct rmi_model *m, unsigned long *log,
		      unsigned long cap);
void rmi_model_record_redo(struct rmi_model *m, unsigned long *bitmap);
unsigned long rmi_model_pending_ops(const struct rmi_model *m);
void rmi_model_set_program(struct rmi_model *m, rmi_model_program fn,
			   void *priv);
void rmi_model_corrupt(struct rmi_model *m,
		       const struct rmi_model_corruption *c);
bool rmi_model_corrupted(const struct rmi_model *m);
void rmi_model_record_lists(struct rmi_model *m, unsigned long *entries);
void rmi_model_record_inputs(struct rmi_model *m, unsigned long *entries);
void rmi_model_set_per_call(struct rmi_model *m, unsigned int n);
bool rmi_model_runnable(struct rmi_model *m, phys_addr_t rec);
void rmi_model_hold(struct rmi_model *m, phys_addr_t rec);
unsigned int rmi_model_running(struct rmi_model *m, phys_addr_t rec);
int rmi_model_ripas(struct rmi_model *m, phys_addr_t rd, unsigned long ipa,
		    bool *mapped);
bool rmi_model_unprot(struct rmi_model *m, phys_addr_t rd,
		      unsigned long ipa, phys_addr_t *pa);

/**
 * struct rmi_test_mem - a counting allocator for the library's granules
 * @ops: what the library is given
 * @test: the test
 * @model: asked whether a granule freed is still delegated
 * @lock: serialises the pool
 * @chunks: the pool: blocks of 2^MAX_PAGE_ORDER pages, by number
 * @nr_chunks: their number
 * @pages: PFNs allocated and not freed (value: chunk number + 1)
 * @allocs: granules allocated
 * @frees: granules freed
 * @bad_frees: frees of a granule not allocated (double frees)
 * @delegated_frees: frees of a granule the model does not see as NS
 * @fail_at: fail the @fail_at'th allocation (1-based), 0 never
 * @nr_fail: allocations that fail from the @fail_at'th on; 0 means one
 * @no_blocks: allocations of more than one granule fail (fragmented memory)
 * @nr_alloc_calls: allocations asked
 */
struct rmi_test_mem {
	struct rmi_mem_ops ops;
	struct kunit *test;
	struct rmi_model *model;
	struct mutex lock;	/* the pool, and the counters */
	struct xarray chunks;
	unsigned long nr_chunks;
	struct xarray pages;
	unsigned long allocs;
	unsigned long frees;
	unsigned long bad_frees;
	unsigned long delegated_frees;
	unsigned long fail_at;
	unsigned long nr_fail;
	bool no_blocks;
	unsigned long nr_alloc_calls;
};

struct rmi_test_mem *rmi_test_mem_init(struct kunit *test,
				       struct rmi_model *model);
unsigned long rmi_test_mem_outstanding(const struct rmi_test_mem *mem);
unsigned long rmi_test_mem_ns(struct rmi_test_mem *mem);
void rmi_test_release(struct kunit *test, struct rmi_model *m,
		      struct rmi_test_mem *mem);

#define RMI_TEST_RECS	3

/**
 * struct rmi_test_lc - what rmi_test_lifecycle() did
 * @realm: the Realm
 * @recs: its RECs
 * @init_done: rmi_init() succeeded
 * @created: the Realm was created
 * @ran: every step up to the REC entries succeeded
 * @exits_ok: REC entries whose exit was the model's host call
 * @destroy_err: what cca_realm_destroy() returned
 */
struct rmi_test_lc {
	struct cca_realm realm;
	struct cca_rec recs[RMI_TEST_RECS];
	bool init_done;
	bool created;
	bool ran;
	unsigned int exits_ok;
	long destroy_err;
};

long rmi_test_lifecycle(struct kunit *test, struct rmi_test_mem *mem,
			struct rmi_test_lc *lc);
long rmi_test_enter(struct cca_rec *rec);
long rmi_test_host_calls(struct cca_rec *rec, u64 value, unsigned int *ok);
bool rmi_test_books(struct kunit *test, struct rmi_model *m,
		    struct rmi_test_mem *mem, unsigned long leaked_before);
bool rmi_test_books_ops(struct kunit *test, struct rmi_model *m,
			struct rmi_test_mem *mem, unsigned long leaked_before,
			bool ops);

#define RMI_TEST_MAX_RECS	8
#define RMI_TEST_SHARED		4

/**
 * struct rmi_test_realm - an active Realm against the model, for the
 *	suites of REC exits
 * @realm: the Realm: IPA width 40, starting level 1
 * @recs: its RECs
 * @nr_recs: their number
 * @m: the model
 * @mem: the allocator
 * @ram: its RAM is [0, @ram), declared RAM, nothing mapped
 * @shared_base: unprotected IPA of the window the VMM shares pages in
 * @shared: the Non-secure pages it shares there
 * @shares: pages shared, by the share callback
 * @unshares: pages handed back, by the unshare callback
 * @reject_ram: the RIPAS callback rejects changes to RAM
 * @ripas_asks: calls of the RIPAS callback
 */
struct rmi_test_realm {
	struct cca_realm realm;
	struct cca_rec recs[RMI_TEST_MAX_RECS];
	unsigned int nr_recs;
	struct rmi_model *m;
	struct rmi_test_mem *mem;
	unsigned long ram;
	unsigned long shared_base;
	phys_addr_t shared[RMI_TEST_SHARED];
	unsigned int shares;
	unsigned int unshares;
	bool reject_ram;
	unsigned int ripas_asks;
};

long rmi_test_realm_start(struct kunit *test, struct rmi_test_realm *t,
			  const struct rmi_model_config *cfg,
			  unsigned long ram, unsigned int nr_recs, bool all_on,
			  unsigned int fault_order);
int rmi_test_step(struct rmi_test_realm *t, unsigned int i,
		  struct cca_exit *exit);
long rmi_test_realm_end(struct rmi_test_realm *t);

#endif /* __RMI_MODEL_H */
