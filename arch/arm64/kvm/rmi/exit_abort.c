// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: REC exits due to a synchronous exception (DEN0137 A4.3.4):
 * data and instruction aborts, and WFI/WFE.
 *
 * An abort at a protected IPA the library set to RAM, where nothing is
 * mapped, is the Realm's first touch: a granule is mapped there on demand
 * (map.c).  An abort at an unprotected IPA is either memory the VMM shares
 * there, mapped with RMI_RTT_UNPROT_MAP, or an access the VMM emulates
 * (arch/arm64/kvm/mmio.c does the same for normal guests), decoded from
 * the syndrome.  The faulting IPA comes from HPFAR and FAR, which the RMM
 * fills and the library checks against the Realm's IPA space; anything
 * else stops the Realm.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>

#include <asm/esr.h>
#include <asm/kvm_arm.h>

#include "rmi_lib.h"

/* The IPA of the abort, from HPFAR and FAR; false if malformed. */
static bool cca_abort_ipa(struct cca_rec *rec, unsigned long *ipa)
{
	const struct cca_rec_exit_copy *e = &rec->exit;
	unsigned int s2sz = rec->realm->s2sz;

	/* FIPA holds IPA[n:12]; the RMM clears FAR above the granule. */
	if ((e->hpfar & ~HPFAR_MASK) || (e->far & PAGE_MASK))
		return false;
	if (e->hpfar >> (s2sz - 12 + 4))
		return false;
	*ipa = ((e->hpfar & HPFAR_MASK) << 8) | (e->far & ~PAGE_MASK);
	return true;
}

/* A Realm access the VMM emulates: decode it from the syndrome. */
static int cca_abort_mmio(struct cca_rec *rec, struct cca_exit *exit,
			  unsigned long ipa)
{
	u64 esr = rec->exit.esr;
	unsigned int len = 1U << FIELD_GET(ESR_ELx_SAS, esr);

	exit->reason = CCA_EXIT_MMIO;
	exit->mmio.ipa = ipa;
	exit->mmio.len = len;
	exit->mmio.write = esr & ESR_ELx_WNR;
	/* The RMM passes the value a write stores in gprs[0]. */
	if (exit->mmio.write)
		exit->mmio.data = rec->exit.gprs[0] &
				  GENMASK_ULL(len * 8 - 1, 0);
	rec->mmio_len = len;
	rec->mmio_value = 0;
	rec->pending = CCA_REC_PENDING_MMIO;
	return 0;
}

/* An abort at the unprotected @ipa. */
static int cca_abort_unprot(struct cca_rec *rec, struct cca_exit *exit,
			    unsigned long ipa, bool fetch)
{
	struct cca_realm *realm = rec->realm;
	unsigned long page = ALIGN_DOWN(ipa, PAGE_SIZE);
	phys_addr_t pa = 0;
	long err;

	/* A fetch there is an SEA the RMM takes to the Realm itself. */
	if (fetch) {
		rmi_report_rmm("REC exit for an instruction fetch at the unprotected IPA %#lx",
			       ipa);
		return cca_exit_stop(rec, exit, "instruction abort at an unprotected IPA",
				     ipa);
	}
	/* Mapped meanwhile, on another REC's exit: try again. */
	if (xa_load(&realm->unprot, PHYS_PFN(page)))
		return 1;
	if (realm->ops && realm->ops->share)
		pa = realm->ops->share(realm, page);
	if (pa) {
		err = cca_unprot_map(realm, page, pa);
		if (err < 0 && err != -EPROTO)
			return err;
		if (err)
			return cca_exit_stop(rec, exit, "the RMM did not map a shared page",
					     ipa);
		return 1;
	}
	if (!(rec->exit.esr & ESR_ELx_ISV))
		return cca_exit_stop(rec, exit,
				     "no syndrome for an access to an unprotected IPA",
				     ipa);
	return cca_abort_mmio(rec, exit, ipa);
}

/* A data or instruction abort. */
static int cca_handle_abort(struct cca_rec *rec, struct cca_exit *exit,
			    bool fetch)
{
	struct cca_realm *realm = rec->realm;
	unsigned long ipa;
	long err;

	if (!cca_abort_ipa(rec, &ipa)) {
		rmi_report_rmm("REC exit with HPFAR %#llx, FAR %#llx: not an IPA",
			       rec->exit.hpfar, rec->exit.far);
		return cca_exit_stop(rec, exit, "an abort at an IPA outside the Realm", 0);
	}
	if (!cca_ipa_protected(realm, ipa))
		return cca_abort_unprot(rec, exit, ipa, fetch);
	/*
	 * The RMM exits on a protected IPA whose RIPAS is RAM and where
	 * nothing is mapped, or whose RIPAS is DESTROYED (A4.3.4.3).  Only
	 * the first is the Realm's to get memory for.
	 */
	if (!cca_ripas_is_ram(realm, ipa))
		return cca_exit_stop(rec, exit,
				     "an abort at a protected IPA whose RIPAS is not RAM",
				     ipa);
	err = cca_map_on_demand(realm, ipa);
	if (err < 0 && err != -EPROTO)
		return err;
	if (err)
		return cca_exit_stop(rec, exit, "the RMM did not map RAM the Realm touched",
				     ipa);
	return 1;
}

/**
 * cca_handle_sync() - a REC exit due to a synchronous exception
 * @rec: the REC
 * @exit: for the VMM
 *
 * Return: as a handler of exit.c.
 */
int cca_handle_sync(struct cca_rec *rec, struct cca_exit *exit)
{
	switch (ESR_ELx_EC(rec->exit.esr)) {
	case ESR_ELx_EC_DABT_LOW:
		return cca_handle_abort(rec, exit, false);
	case ESR_ELx_EC_IABT_LOW:
		return cca_handle_abort(rec, exit, true);
	case ESR_ELx_EC_WFx:
		/* The library never asks WFI or WFE to be trapped: go on. */
		return 1;
	default:
		rmi_report_rmm("REC exit for exception class %#llx, which the RMM handles",
			       ESR_ELx_EC(rec->exit.esr));
		return cca_exit_stop(rec, exit, "a synchronous exception the RMM does not forward",
				     0);
	}
}
