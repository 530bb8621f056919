// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: REC exits due to a RIPAS change request (DEN0137 A4.3.8,
 * A5.4).
 *
 * The Realm asks for [ripas_base, ripas_top) to become EMPTY or RAM.  The
 * library checks the range against the Realm's protected IPA space, asks
 * the VMM (a change to RAM may be rejected), applies it with
 * RMI_RTT_SET_RIPAS from the base on, creating the RTTs the RMM needs,
 * and records the result.  Memory the Realm gives up (EMPTY) is unmapped
 * and given back to the host: if the Realm asks for RAM there again, its
 * next touch maps a zeroed granule on demand.  The next entry tells the
 * Realm how far the change went, and whether it was rejected.
 */
#include <linux/errno.h>
#include <linux/mm.h>

#include "rmi_lib.h"

/**
 * cca_handle_ripas() - a REC exit due to a RIPAS change request
 * @rec: the REC
 * @exit: for the VMM
 *
 * Return: as a handler of exit.c.
 */
int cca_handle_ripas(struct cca_rec *rec, struct cca_exit *exit)
{
	const struct cca_rec_exit_copy *e = &rec->exit;
	struct cca_realm *realm = rec->realm;
	unsigned long base = e->ripas_base, top = e->ripas_top, done;
	enum cca_ripas_rec ripas;
	long err;

	/* The RMM checked the request; one it forwards broken is its own error. */
	if (!PAGE_ALIGNED(base) || !PAGE_ALIGNED(top) || base >= top ||
	    !cca_ipa_protected(realm, top - 1) ||
	    (e->ripas_value != RMI_EMPTY && e->ripas_value != RMI_RAM)) {
		rmi_report_rmm("RIPAS change of [%#lx, %#lx) to %u forwarded: not a valid request",
			       base, top, e->ripas_value);
		return cca_exit_stop(rec, exit, "an invalid RIPAS change request", base);
	}
	ripas = e->ripas_value == RMI_RAM ? CCA_RIPAS_RAM : CCA_RIPAS_EMPTY;

	rec->pending = CCA_REC_PENDING_RIPAS;
	rec->ripas_reject = false;
	if (ripas == CCA_RIPAS_RAM && realm->ops && realm->ops->ripas_change &&
	    !realm->ops->ripas_change(realm, base, top)) {
		/* Nothing changed: the Realm sees RSI_REJECT at its base. */
		rec->ripas_reject = true;
		return 1;
	}

	err = cca_set_ripas(realm, rec, base, top, ripas, &done);
	/* What the Realm gave up goes back to the host, whatever came after. */
	if (ripas == CCA_RIPAS_EMPTY && done > base) {
		long e2 = cca_unmap_range(realm, base, done);

		err = err ?: e2;
	}
	if (err < 0 && err != -EPROTO)
		return err;
	if (err)
		return cca_exit_stop(rec, exit, "the RMM did not apply a RIPAS change", base);
	return 1;
}
