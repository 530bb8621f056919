// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: handling a REC exit (DEN0137 A4.3).
 *
 * After cca_rec_enter(), the VMM's loop calls cca_rec_handle_exit(): a
 * table of handlers by exit reason, as arch/arm64/kvm/handle_exit.c has
 * by exception class.  Each decides what the library completes itself
 * (data aborts on RAM, mapped on demand; RIPAS changes; PSCI requests
 * about other RECs; interrupts) and what goes back to the VMM (emulated
 * MMIO, host calls, power events), and checks every field the Realm or
 * the RMM controls before acting on it.  An exit the library cannot make
 * sense of stops the Realm, with a reason the VMM can print: it is never
 * a host failure, and nothing it names is acted on.
 *
 * Handlers run with the Realm's lock held, after the REC left
 * RMI_REC_ENTER: they may sleep.  They return 1 to enter the REC again,
 * 0 with the exit for the VMM filled in, or a negative errno when the host
 * failed (memory): the REC may then be entered again.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>

#include "rmi_lib.h"

/**
 * cca_exit_stop() - stop the Realm on an exit it cannot go on from
 * @rec: the REC that exited
 * @exit: filled in: CCA_EXIT_STOP, @why and what the exit said
 * @why: why, for the VMM to print
 * @ipa: the IPA concerned, or 0
 *
 * No REC of the Realm is entered again.
 *
 * Return: 0, for the handler to return.
 */
int cca_exit_stop(struct cca_rec *rec, struct cca_exit *exit,
		  const char *why, unsigned long ipa)
{
	struct cca_realm *realm = rec->realm;

	spin_lock_irq(&realm->entry_lock);
	realm->stopped = true;
	spin_unlock_irq(&realm->entry_lock);
	exit->reason = CCA_EXIT_STOP;
	exit->stop.why = why;
	exit->stop.exit_reason = rec->exit.reason;
	exit->stop.esr = rec->exit.esr;
	exit->stop.ipa = ipa;
	return 0;
}

/* An interrupt for the host: it was taken; the REC goes on. */
static int cca_handle_irq(struct cca_rec *rec, struct cca_exit *exit)
{
	return 1;
}

static int cca_handle_serror(struct cca_rec *rec, struct cca_exit *exit)
{
	return cca_exit_stop(rec, exit, "SError in the Realm", 0);
}

/*
 * RSI_HOST_CALL: the VMM's.  Its registers go back unchanged unless the
 * VMM completes the call with results.
 */
static int cca_handle_host_call(struct cca_rec *rec, struct cca_exit *exit)
{
	exit->reason = CCA_EXIT_HOST_CALL;
	exit->host_call.imm = rec->exit.imm;
	memcpy(exit->host_call.gprs, rec->exit.gprs, sizeof(rec->exit.gprs));
	memcpy(rec->hc_gprs, rec->exit.gprs, sizeof(rec->hc_gprs));
	rec->pending = CCA_REC_PENDING_HOST_CALL;
	return 0;
}

typedef int (*cca_exit_handler)(struct cca_rec *rec, struct cca_exit *exit);

static const cca_exit_handler cca_exit_handlers[] = {
	[RMI_EXIT_SYNC]		= cca_handle_sync,
	[RMI_EXIT_IRQ]		= cca_handle_irq,
	[RMI_EXIT_FIQ]		= cca_handle_irq,
	[RMI_EXIT_PSCI]		= cca_handle_psci,
	[RMI_EXIT_RIPAS_CHANGE]	= cca_handle_ripas,
	[RMI_EXIT_HOST_CALL]	= cca_handle_host_call,
	[RMI_EXIT_SERROR]	= cca_handle_serror,
};

/*
 * S2AP changes, device requests and the virtual SMMU are for Realms with
 * planes or devices, which the library does not create: the RMM has no
 * reason to report them, nor any other reason.
 */
static int cca_handle_unknown(struct cca_rec *rec, struct cca_exit *exit)
{
	rmi_report_rmm("REC exit reason %u, for a Realm with no planes or devices",
		       rec->exit.reason);
	return cca_exit_stop(rec, exit, "an exit reason the library does not handle", 0);
}

/**
 * cca_rec_handle_exit() - handle the exit of the last cca_rec_enter()
 * @rec: the REC
 * @exit: receives what the VMM must do, when the return value is 0
 *
 * Context: process; may sleep; takes the Realm's lock.  Call once after
 * each successful cca_rec_enter(), from the loop that runs @rec.
 * Return: 1 to enter the REC again; 0 with @exit filled in; -EINVAL for
 * NULL arguments; -ESHUTDOWN if the Realm is no longer active; -ENOMEM
 * (the REC may be entered again, to fault again).
 */
int cca_rec_handle_exit(struct cca_rec *rec, struct cca_exit *exit)
{
	struct cca_realm *realm;
	cca_exit_handler h = cca_handle_unknown;

	might_sleep();
	if (!rec || !rec->realm || !exit)
		return -EINVAL;
	realm = rec->realm;
	memset(exit, 0, sizeof(*exit));
	guard(mutex)(&realm->lock);
	if (realm->state != CCA_REALM_ACTIVE || realm->stopped)
		return -ESHUTDOWN;
	if (rec->exit.reason < ARRAY_SIZE(cca_exit_handlers) &&
	    cca_exit_handlers[rec->exit.reason])
		h = cca_exit_handlers[rec->exit.reason];
	return h(rec, exit);
}
EXPORT_SYMBOL_GPL(cca_rec_handle_exit);

/**
 * cca_rec_mmio_complete() - the value of an emulated read
 * @rec: the REC whose last exit was a CCA_EXIT_MMIO read
 * @value: the value read, truncated to the access's width
 *
 * The next cca_rec_enter() writes it to the register the access named.
 * Ignored unless a read is pending.
 *
 * Context: any; from the loop that runs @rec.
 */
void cca_rec_mmio_complete(struct cca_rec *rec, u64 value)
{
	if (!rec || rec->pending != CCA_REC_PENDING_MMIO || rec->mmio_len > 8)
		return;
	rec->mmio_value = value & GENMASK_ULL(rec->mmio_len * 8 - 1, 0);
}
EXPORT_SYMBOL_GPL(cca_rec_mmio_complete);

/**
 * cca_rec_host_call_complete() - the results of a host call
 * @rec: the REC whose last exit was a CCA_EXIT_HOST_CALL
 * @gprs: X0 up
 * @n: how many, at most REC_RUN_GPRS; the others go back unchanged
 *
 * Ignored unless a host call is pending.
 *
 * Context: any; from the loop that runs @rec.
 */
void cca_rec_host_call_complete(struct cca_rec *rec, const u64 *gprs,
				unsigned int n)
{
	if (!rec || !gprs || rec->pending != CCA_REC_PENDING_HOST_CALL)
		return;
	memcpy(rec->hc_gprs, gprs, min_t(unsigned int, n, REC_RUN_GPRS) * sizeof(u64));
}
EXPORT_SYMBOL_GPL(cca_rec_host_call_complete);
