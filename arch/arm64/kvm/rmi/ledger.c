// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: the ledger of granules given to the RMM.
 *
 * Every granule the library delegates or donates is recorded here, by
 * PFN, with what it was given as (an RD, an RTT, a REC, data, a donation
 * to an object) and to whom.  What the RMM hands back (a reclaim list, an
 * unmap list, an RTT it destroyed) is checked against these records
 * before anything is freed: a granule the RMM names that the library did
 * not give it, gave as something else or to another object, or names
 * twice, is a protocol error, and nothing of it is freed.
 *
 * Granules come back in two steps.  rmi_ledger_give_back() marks them
 * given back, delegated or not; rmi_ledger_sweep() then undelegates the
 * delegated ones by runs of consecutive PFNs, as few commands as the
 * allocator's contiguity allows whatever order the RMM gave them back in,
 * and frees them.  Neither step allocates: teardown needs no memory.
 *
 * The ledger of a Realm is protected by the Realm's lock; the library's
 * other ledgers are used by one caller at a time.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/xarray.h>

#include "rmi_lib.h"

/**
 * rmi_ledger_init() - an empty ledger
 * @l: the ledger
 * @mem: the allocator its granules come from and go back to
 */
void rmi_ledger_init(struct rmi_ledger *l, const struct rmi_mem_ops *mem)
{
	xa_init(&l->xa);
	l->mem = mem;
	l->nr = 0;
}

/**
 * rmi_ledger_add() - record @nr granules from @pa
 * @l: the ledger
 * @pa: PA of the first
 * @nr: number of granules
 * @rec: the record, rmi_ledger_rec()
 * @gfp: for the ledger's nodes
 *
 * Context: may sleep if @gfp allows.
 * Return: 0; -ENOMEM with nothing recorded; -EEXIST if one is recorded
 * already (the allocator handed out a granule twice), nothing recorded.
 */
int rmi_ledger_add(struct rmi_ledger *l, phys_addr_t pa, unsigned long nr,
		   unsigned long rec, gfp_t gfp)
{
	unsigned long i;
	int err;

	if (rmi_should_fail_alloc())
		return -ENOMEM;
	for (i = 0; i < nr; i++) {
		err = xa_insert(&l->xa, PHYS_PFN(pa) + i, xa_mk_value(rec), gfp);
		if (err) {
			while (i--)
				xa_erase(&l->xa, PHYS_PFN(pa) + i);
			return err == -EBUSY ? -EEXIST : err;
		}
	}
	l->nr += nr;
	return 0;
}

/**
 * rmi_ledger_get() - the record of a granule
 * @l: the ledger
 * @pa: its PA
 *
 * Return: the record, or 0 if the granule is not recorded.
 */
unsigned long rmi_ledger_get(struct rmi_ledger *l, phys_addr_t pa)
{
	void *e = xa_load(&l->xa, PHYS_PFN(pa));

	return e ? xa_to_value(e) : 0;
}

/**
 * rmi_ledger_match() - whether @nr granules from @pa are all recorded so
 * @l: the ledger
 * @pa: PA of the first
 * @nr: number of granules
 * @rec: the record they must have, under @mask
 * @mask: the bits of the record compared
 *
 * Return: true if each is recorded and (record & @mask) == @rec.
 */
bool rmi_ledger_match(struct rmi_ledger *l, phys_addr_t pa, unsigned long nr,
		      unsigned long rec, unsigned long mask)
{
	unsigned long i, r;

	for (i = 0; i < nr; i++) {
		r = rmi_ledger_get(l, pa + i * PAGE_SIZE);
		if (!r || (r & mask) != rec)
			return false;
	}
	return true;
}

/**
 * rmi_ledger_set() - change the record of granules that are recorded
 * @l: the ledger
 * @pa: PA of the first
 * @nr: number of granules, each recorded already
 * @rec: their new record
 *
 * Replacing a value entry allocates nothing.
 */
void rmi_ledger_set(struct rmi_ledger *l, phys_addr_t pa, unsigned long nr,
		    unsigned long rec)
{
	unsigned long i;

	for (i = 0; i < nr; i++)
		xa_store(&l->xa, PHYS_PFN(pa) + i, xa_mk_value(rec), GFP_NOWAIT);
}

/**
 * rmi_ledger_give_back() - the RMM gave granules back
 * @l: the ledger
 * @pa: PA of the first
 * @nr: number of granules, each recorded already
 * @ns: the RMM gave them back undelegated
 *
 * They go back to the host at the next rmi_ledger_sweep().
 */
void rmi_ledger_give_back(struct rmi_ledger *l, phys_addr_t pa,
			  unsigned long nr, bool ns)
{
	rmi_ledger_set(l, pa, nr,
		       rmi_ledger_rec(ns ? RMI_LEDGER_BACK_NS : RMI_LEDGER_BACK,
				      0, false));
}

/**
 * rmi_ledger_leak() - give up granules the RMM may still hold
 * @l: the ledger
 * @pa: PA of the first
 * @nr: number of granules
 *
 * Those recorded are forgotten and counted as leaked: never freed.
 *
 * Return: how many were recorded.
 */
unsigned long rmi_ledger_leak(struct rmi_ledger *l, phys_addr_t pa,
			      unsigned long nr)
{
	unsigned long i, n = 0;

	for (i = 0; i < nr; i++)
		if (xa_erase(&l->xa, PHYS_PFN(pa) + i))
			n++;
	l->nr -= n;
	if (n)
		rmi_granule_leak(pa, n);
	return n;
}

/**
 * rmi_ledger_leak_owner() - give up what an object holds
 * @l: the ledger
 * @kind: the kind of the records
 * @owner: their owner
 *
 * Every granule of that kind recorded for @owner is forgotten and counted
 * as leaked: the RMM keeps the object and what it was given.
 *
 * Return: how many.
 */
unsigned long rmi_ledger_leak_owner(struct rmi_ledger *l,
				    enum rmi_ledger_kind kind,
				    unsigned long owner)
{
	unsigned long want = rmi_ledger_rec(kind, owner, false), pfn, n = 0;
	unsigned long mask = RMI_LEDGER_KIND_MASK | RMI_LEDGER_OWNER_MASK;
	void *e;

	xa_for_each(&l->xa, pfn, e) {
		if ((xa_to_value(e) & mask) != want)
			continue;
		xa_erase(&l->xa, pfn);
		n++;
	}
	l->nr -= n;
	if (n)
		rmi_granule_leak(0, n);
	return n;
}

/* Whether the granule after @pfn is also to undelegate. */
static bool rmi_ledger_next_back(struct rmi_ledger *l, unsigned long pfn)
{
	void *e = xa_load(&l->xa, pfn + 1);

	return e && FIELD_GET(RMI_LEDGER_KIND_MASK, xa_to_value(e)) ==
		    RMI_LEDGER_BACK;
}

/**
 * rmi_ledger_sweep() - give back to the host what the RMM gave back
 * @l: the ledger
 *
 * Granules given back delegated are undelegated by runs of consecutive
 * PFNs and freed (one the RMM refuses to undelegate is leaked, the rest
 * of its run tried after it); those given back Non-secure are freed.
 * Their records go.
 *
 * Context: process; may sleep.
 */
void rmi_ledger_sweep(struct rmi_ledger *l)
{
	unsigned long pfn, first, n;
	void *e;

	might_sleep();
	xa_for_each(&l->xa, pfn, e) {
		switch (FIELD_GET(RMI_LEDGER_KIND_MASK, xa_to_value(e))) {
		case RMI_LEDGER_BACK_NS:
			xa_erase(&l->xa, pfn);
			l->nr--;
			rmi_free_granules(l->mem, PFN_PHYS(pfn), 1);
			break;
		case RMI_LEDGER_BACK:
			first = pfn;
			while (rmi_ledger_next_back(l, pfn))
				pfn++;
			n = pfn - first + 1;
			for (pfn = first; pfn < first + n; pfn++)
				xa_erase(&l->xa, pfn);
			l->nr -= n;
			pfn = first + n - 1;
			rmi_granules_undelegate_free(l->mem, PFN_PHYS(first), n);
			break;
		default:
			continue;
		}
		cond_resched();
	}
}

/**
 * rmi_ledger_destroy() - forget a ledger
 * @l: the ledger
 *
 * Granules still recorded are neither freed nor undelegated: the caller
 * leaked them, or they are the RMM's for good.
 */
void rmi_ledger_destroy(struct rmi_ledger *l)
{
	xa_destroy(&l->xa);
	l->nr = 0;
}
