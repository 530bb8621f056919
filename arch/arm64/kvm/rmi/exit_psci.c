// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: REC exits due to PSCI (DEN0137 A4.3.7, B6).
 *
 * The RMM handles PSCI_VERSION and PSCI_FEATURES itself and forwards the
 * rest.  CPU_ON and AFFINITY_INFO name another REC by MPIDR: the library
 * finds it among the Realm's RECs and completes the request with
 * RMI_PSCI_COMPLETE (the RMM, not the host, decides what the Realm gets
 * back: ALREADY_ON, ON or OFF), and tells the VMM which REC CPU_ON turned
 * on, as arch/arm64/kvm/psci.c wakes a vCPU.  CPU_OFF, SYSTEM_OFF and
 * SYSTEM_RESET need no completion.
 *
 * The power state the library keeps for each REC follows the RMM's
 * answers, under the Realm's entry_lock.  A CPU_ON may complete for a REC
 * whose own CPU_OFF exit is not handled yet: the REC is then kept on
 * (cca_rec.kick), and its next entry tells whether the RMM runs it.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <uapi/linux/psci.h>

#include "rmi_lib.h"

/* The affinity fields of MPIDR_EL1, as PSCI passes a target. */
#define CCA_PSCI_AFF0		GENMASK_ULL(3, 0)
#define CCA_PSCI_AFF1		GENMASK_ULL(15, 8)
#define CCA_PSCI_AFF2		GENMASK_ULL(23, 16)
#define CCA_PSCI_AFF3		GENMASK_ULL(39, 32)

/*
 * The REC a PSCI target names: MPIDR_EL1 affinity fields (Aff3 in bits
 * 39:32), turned into RmiRecMpidr (Aff3 in bits 31:24); NULL if it has
 * other bits set or names no REC of the Realm.
 */
static struct cca_rec *cca_psci_target(struct cca_realm *realm, u64 mpidr)
{
	u64 all = CCA_PSCI_AFF0 | CCA_PSCI_AFF1 | CCA_PSCI_AFF2 | CCA_PSCI_AFF3;
	unsigned long rec_mpidr;
	unsigned int i;

	if (mpidr & ~all)
		return NULL;
	rec_mpidr = FIELD_PREP(REC_MPIDR_AFF0_MASK, FIELD_GET(CCA_PSCI_AFF0, mpidr)) |
		    FIELD_PREP(REC_MPIDR_AFF1_MASK, FIELD_GET(CCA_PSCI_AFF1, mpidr)) |
		    FIELD_PREP(REC_MPIDR_AFF2_MASK, FIELD_GET(CCA_PSCI_AFF2, mpidr)) |
		    FIELD_PREP(REC_MPIDR_AFF3_MASK, FIELD_GET(CCA_PSCI_AFF3, mpidr));
	for (i = 0; i < realm->nr_recs; i++)
		if (realm->recs[i]->mpidr == rec_mpidr)
			return realm->recs[i];
	return NULL;
}

/* RMI_PSCI_COMPLETE of the calling @rec's request about @target. */
static long cca_psci_complete(struct cca_rec *rec, struct cca_rec *target,
			      unsigned long status)
{
	unsigned int tries = 0;
	unsigned long ret;

	do {
		ret = rmi_psci_complete(rec->rec, target->rec, status);
	} while (rmi_retry(ret, &tries));
	return rmi_result(ret);
}

/* CPU_ON and AFFINITY_INFO: a request about another REC. */
static int cca_psci_other(struct cca_rec *rec, struct cca_exit *exit,
			  bool cpu_on)
{
	struct cca_realm *realm = rec->realm;
	struct cca_rec *target;
	bool woken = false;
	long err;

	/*
	 * The RMM answers an MPIDR naming no REC itself (INVALID_PARAMS):
	 * one forwarded here is the RMM's error, and there is no REC to
	 * complete the request with.
	 */
	target = cca_psci_target(realm, rec->exit.gprs[1]);
	if (!target || target->dead) {
		rmi_report_rmm("PSCI %#llx forwarded for MPIDR %#llx: no such REC",
			       rec->exit.gprs[0], rec->exit.gprs[1]);
		return cca_exit_stop(rec, exit, "a PSCI request for an unknown MPIDR", 0);
	}
	err = cca_psci_complete(rec, target, PSCI_RET_SUCCESS);
	if (err)
		return cca_exit_stop(rec, exit, "the RMM refused RMI_PSCI_COMPLETE", 0);
	if (!cpu_on)
		return 1;

	spin_lock_irq(&realm->entry_lock);
	if (!target->on) {
		target->on = true;
		woken = true;
	} else if (!target->busy) {
		/* Maybe off already, its exit not handled: keep it on. */
		target->kick = true;
	}
	spin_unlock_irq(&realm->entry_lock);
	if (!woken)
		return 1;
	exit->reason = CCA_EXIT_CPU_ON;
	exit->target = target;
	return 0;
}

/* CPU_OFF: the REC is off, unless a CPU_ON raced with this exit. */
static int cca_psci_cpu_off(struct cca_rec *rec, struct cca_exit *exit)
{
	struct cca_realm *realm = rec->realm;
	bool off;

	spin_lock_irq(&realm->entry_lock);
	off = !rec->kick;
	rec->kick = false;
	if (off)
		rec->on = false;
	spin_unlock_irq(&realm->entry_lock);
	if (!off)
		return 1;
	exit->reason = CCA_EXIT_CPU_OFF;
	return 0;
}

/* SYSTEM_OFF and SYSTEM_RESET: the RMM runs no REC of the Realm again. */
static int cca_psci_system(struct cca_rec *rec, struct cca_exit *exit,
			   enum cca_exit_reason reason)
{
	struct cca_realm *realm = rec->realm;

	spin_lock_irq(&realm->entry_lock);
	realm->stopped = true;
	spin_unlock_irq(&realm->entry_lock);
	exit->reason = reason;
	return 0;
}

/**
 * cca_handle_psci() - a REC exit due to PSCI
 * @rec: the REC
 * @exit: for the VMM
 *
 * Return: as a handler of exit.c.
 */
int cca_handle_psci(struct cca_rec *rec, struct cca_exit *exit)
{
	switch (rec->exit.gprs[0]) {
	case PSCI_0_2_FN_CPU_ON:
	case PSCI_0_2_FN64_CPU_ON:
		return cca_psci_other(rec, exit, true);
	case PSCI_0_2_FN_AFFINITY_INFO:
	case PSCI_0_2_FN64_AFFINITY_INFO:
		return cca_psci_other(rec, exit, false);
	case PSCI_0_2_FN_CPU_OFF:
		return cca_psci_cpu_off(rec, exit);
	case PSCI_0_2_FN_CPU_SUSPEND:
	case PSCI_0_2_FN64_CPU_SUSPEND:
		/* A suspend is a wait for an interrupt: the REC goes on. */
		return 1;
	case PSCI_0_2_FN_SYSTEM_OFF:
		return cca_psci_system(rec, exit, CCA_EXIT_SYSTEM_OFF);
	case PSCI_0_2_FN_SYSTEM_RESET:
		return cca_psci_system(rec, exit, CCA_EXIT_SYSTEM_RESET);
	default:
		rmi_report_rmm("PSCI function %#llx forwarded, which the RMM answers itself",
			       rec->exit.gprs[0]);
		return cca_exit_stop(rec, exit, "a PSCI function the RMM does not forward", 0);
	}
}
