/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the KUnit suites that run the RMI library on the real RMM share:
 * whether there is an RMM, the library's one activation per boot, an
 * allocator that keeps every page it handed out until the real RMM has
 * shown it is Non-secure, a forwarding stub of the library's transport
 * that can refuse one call, and a small Realm lifecycle.  Test code only.
 */
#ifndef __RMI_REAL_LIB_H
#define __RMI_REAL_LIB_H

#include <kunit/test.h>
#include <linux/types.h>
#include <linux/xarray.h>

#include <asm/rmi.h>

/* The Realm of the real suites: IPA width and starting level of rmi.ko. */
#define RMI_REAL_S2SZ		33
#define RMI_REAL_LEVEL_START	1
/* RAM of the Realm, in granules, from IPA 0: the payload, then RAM. */
#define RMI_REAL_RAM_PAGES	8
#define RMI_REAL_MAX_RECS	2

const char *rmi_real_lib_why(void);
int rmi_real_lib_activate(void);
int rmi_real_lib_init(struct kunit *test);
unsigned long rmi_real_smc(unsigned long fid, unsigned long a1,
			   unsigned long a2, unsigned long *out1);

/**
 * struct rmi_real_mem - an allocator that keeps what comes back
 * @ops: what the library is given
 * @pages: PFN -> RMI_REAL_OUT (handed out) or RMI_REAL_BACK (freed by the
 *	   library, not yet shown Non-secure)
 * @allocs: granules handed out
 * @frees: granules the library gave back
 * @bad_frees: frees of a granule not handed out, or freed twice
 */
struct rmi_real_mem {
	struct rmi_mem_ops ops;
	struct xarray pages;
	unsigned long allocs;
	unsigned long frees;
	unsigned long bad_frees;
};

/**
 * struct rmi_real_proof - what the real RMM said about the pages
 * @ns: pages given back that it delegated and undelegated: Non-secure
 * @not_ns: pages given back that it refused to delegate or undelegate
 * @leaked: pages the library kept (leaked), left alone
 * @reclaimed: of @leaked, pages the RMM let the test undelegate
 * @held: of @leaked, pages the RMM still uses (the test could not
 *	  undelegate them): kept for ever
 */
struct rmi_real_proof {
	unsigned long ns;
	unsigned long not_ns;
	unsigned long leaked;
	unsigned long reclaimed;
	unsigned long held;
};

struct rmi_real_mem *rmi_real_mem_init(struct kunit *test);
void rmi_real_mem_prove(struct rmi_real_mem *mem, bool reclaim,
			struct rmi_real_proof *p);

/**
 * struct rmi_real_fault - refuse one call of the library, forward the others
 * @calls: calls seen since installed
 * @fail_at: the 1-based call refused (not issued), 0 none
 * @status: X0 returned for it
 * @log: function IDs of the calls, or NULL
 * @cap: entries of @log
 * @rets: X0 each call returned (the refused one included), or NULL
 * @in_op: an operation was pending (the last stateful answer was
 *	   RMI_INCOMPLETE)
 * @can_cancel: that RMI_INCOMPLETE allowed RMI_OP_CANCEL
 * @refused_in_fixed_op: the refused call came while an operation that
 *	   cannot be cancelled was pending
 * @refused_fid: function ID of the refused call, 0 if none was
 */
struct rmi_real_fault {
	unsigned long calls;
	unsigned long fail_at;
	unsigned long status;
	unsigned long *log;
	unsigned long cap;
	unsigned long *rets;
	bool in_op;
	bool can_cancel;
	bool refused_in_fixed_op;
	unsigned long refused_fid;
};

void rmi_real_fault_install(struct kunit *test, struct rmi_real_fault *f);
void rmi_real_fault_remove(struct kunit *test);

/**
 * struct rmi_real_lc - the Realm lifecycle of rmi_real_lifecycle()
 * @realm: the Realm
 * @recs: its RECs
 * @nr_recs: in: RECs to create (1 to RMI_REAL_MAX_RECS); REC 0 runs
 * @read_entries: in: read the RTT entries of the mapped IPAs
 * @enter: in: run REC 0 until the Realm powers off
 * @entries_ok: mapped granules whose entry was level 3, DATA, RIPAS RAM
 * @beyond_ok: the granule after them read UNASSIGNED, RIPAS EMPTY
 * @host_call: REC 0 exited with the payload's host call
 * @powered_off: REC 0 exited with PSCI SYSTEM_OFF
 * @entries: REC entries
 * @err: first failure before teardown
 * @destroy_err: what cca_realm_destroy() returned
 */
struct rmi_real_lc {
	struct cca_realm realm;
	struct cca_rec recs[RMI_REAL_MAX_RECS];
	unsigned int nr_recs;
	bool read_entries;
	bool enter;
	unsigned int entries_ok;
	bool beyond_ok;
	bool host_call;
	bool powered_off;
	unsigned int entries;
	long err;
	long destroy_err;
};

long rmi_real_lifecycle(struct rmi_real_mem *mem, struct rmi_real_lc *lc);

#endif /* __RMI_REAL_LIB_H */
