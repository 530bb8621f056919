// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: a Realm's data mappings, and its unprotected mappings.
 *
 * Data comes from the Realm's pool of delegated granules (rtt.c): measured
 * contents one granule at a time (RMI_RTT_DATA_MAP_INIT), RAM by address
 * lists (RMI_RTT_DATA_MAP), eagerly over a range or on the Realm's first
 * touch.  Each mapped granule is recorded by IPA, before the command that
 * maps it, so that nothing needs allocating once the RMM holds it.
 *
 * RMI_RTT_DATA_UNMAP lists what it unmapped in a Non-secure granule.  The
 * list is copied out before it is read, and must name, in IPA order, the
 * very granules the library mapped over the range the RMM says it
 * unmapped, delegated; anything else is a protocol error: nothing of the
 * list is freed, and every granule of that range is leaked.
 *
 * Everything here runs with the Realm's lock held.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/mm.h>
#include <linux/sched/signal.h>

#include "rmi_lib.h"

/* The granules per RTT at the last level. */
#define CCA_RTT_ENTRIES		(1UL << (PAGE_SHIFT - 3))

static bool cca_mapped(struct cca_realm *realm, unsigned long ipa)
{
	return xa_load(&realm->data, PHYS_PFN(ipa));
}

/*
 * The granules of a failed mapping: back to the pool if the RMM refused
 * the command (they are as they were), leaked if an operation it started
 * failed (what it did with them is unknown).
 */
static void cca_map_undo(struct cca_realm *realm, unsigned long ipa,
			 const u64 *pfn, unsigned long n, long err)
{
	unsigned long i;

	for (i = 0; i < n; i++, ipa += PAGE_SIZE) {
		xa_erase(&realm->data, PHYS_PFN(ipa));
		if (err > 0) {
			rmi_ledger_set(&realm->ledger, PFN_PHYS(pfn[i]), 1,
				       rmi_ledger_rec(RMI_LEDGER_SPARE, 0, false));
			xa_set_mark(&realm->ledger.xa, pfn[i], XA_MARK_1);
		} else {
			rmi_ledger_leak(&realm->ledger, PFN_PHYS(pfn[i]), 1);
		}
	}
}

/*
 * Take @n granules from the pool for [@ipa, @ipa + @n granules), into
 * pfn[], and record the mapping; nothing taken on failure.
 */
static long cca_map_take(struct cca_realm *realm, unsigned long ipa,
			 u64 *pfn, unsigned long n)
{
	unsigned long data = rmi_ledger_rec(RMI_LEDGER_DATA, 0, false), i;
	unsigned long p = 0;
	int err = 0;

	for (i = 0; i < n; i++, p++) {
		if (!xa_find(&realm->ledger.xa, &p, ULONG_MAX, XA_MARK_1)) {
			err = -ENOMEM;
			break;
		}
		err = rmi_xa_insert(&realm->data, PHYS_PFN(ipa) + i,
				    xa_mk_value(p));
		if (err)
			break;
		xa_clear_mark(&realm->ledger.xa, p, XA_MARK_1);
		rmi_ledger_set(&realm->ledger, PFN_PHYS(p), 1, data);
		pfn[i] = p;
	}
	if (err)
		cca_map_undo(realm, ipa, pfn, i, 1);
	return err;
}

/* An address list of pfn[0..n), contiguous PAs in one entry, into @list. */
static unsigned long cca_map_list(const u64 *pfn, unsigned long n, u64 *list)
{
	unsigned long i = 0, k = 0, run;

	while (i < n) {
		for (run = 1; i + run < n && run < RMI_DESC_MAX_COUNT &&
		     pfn[i + run] == pfn[i] + run; run++)
			;
		/* A granule and a count that fit: cannot fail. */
		rmi_desc_encode(PFN_PHYS(pfn[i]), 0, run, RMI_OP_MEM_DELEGATED,
				&list[k++]);
		i += run;
	}
	return k;
}

/*
 * Map [@base, @base + @n granules), inside one last-level RTT, to @n
 * granules of the pool with RMI_RTT_DATA_MAP, from the top it returned
 * until done.  What is not mapped on failure is given back.
 */
static long cca_map_chunk(struct cca_realm *realm, unsigned long base,
			  unsigned long n)
{
	unsigned long top = base + n * PAGE_SIZE, cur = base, next, ret;
	u64 *pfn = realm->copy, *list = phys_to_virt(realm->scratch);
	unsigned long flags, done, k;
	struct rmi_op_ctx ctx;
	struct rmi_op_out out;
	unsigned int tries;
	struct rmi_op op;
	long err;

	err = cca_spare_fill(realm, n) ?: cca_map_take(realm, base, pfn, n);
	if (err)
		return err;
	cca_realm_op_ctx(realm, &ctx);
	while (cur < top) {
		done = (cur - base) >> PAGE_SHIFT;
		k = cca_map_list(pfn + done, n - done, list);
		if (k == 1) {
			/* One run: its descriptor in the register. */
			flags = FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK,
					   RMI_ADDR_TYPE_SINGLE);
		} else {
			flags = FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK,
					   RMI_ADDR_TYPE_LIST) |
				FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_LIST_COUNT_MASK, k);
		}
		tries = 0;
		next = cur;
		do {
			ret = rmi_rtt_data_map(realm->rd, cur, top, flags,
					       k == 1 ? list[0] : realm->scratch,
					       &next, &op);
		} while (rmi_retry(ret, &tries));
		err = rmi_op_run_ctx(ret, &op, &ctx, &out);
		if (err)
			break;
		if (RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE)
			next = out.top;
		if (next <= cur || next > top || !PAGE_ALIGNED(next)) {
			rmi_report_rmm("RTT_DATA_MAP: top %#lx outside (%#lx, %#lx]",
				       next, cur, top);
			err = -EPROTO;
			break;
		}
		cur = next;
	}
	done = (cur - base) >> PAGE_SHIFT;
	if (done < n)
		cca_map_undo(realm, cur, pfn + done, n - done, err);
	return err;
}

/*
 * Map the unmapped granules of [@base, @top), an IPA range inside one
 * last-level RTT, in runs.
 */
static long cca_map_window(struct cca_realm *realm, unsigned long base,
			   unsigned long top)
{
	unsigned long run;
	long err;

	err = cca_rtts_ensure(realm, base, RMI_RTT_MAX_LEVEL);
	while (!err && base < top) {
		if (cca_mapped(realm, base)) {
			base += PAGE_SIZE;
			continue;
		}
		for (run = base + PAGE_SIZE; run < top && !cca_mapped(realm, run);
		     run += PAGE_SIZE)
			;
		err = cca_map_chunk(realm, base, (run - base) >> PAGE_SHIFT);
		base = run;
	}
	return err;
}

/* Whether a new or active @realm can change; for the public entries. */
static bool cca_realm_live(const struct cca_realm *realm)
{
	return realm && (READ_ONCE(realm->state) == CCA_REALM_NEW ||
			 READ_ONCE(realm->state) == CCA_REALM_ACTIVE);
}

static bool cca_prot_range_ok(const struct cca_realm *realm,
			      unsigned long base, unsigned long top)
{
	return PAGE_ALIGNED(base) && PAGE_ALIGNED(top) && base < top &&
	       cca_ipa_protected(realm, top - 1);
}

/**
 * cca_realm_map_ram() - map unmeasured RAM over an IPA range, now
 * @realm: a new or active Realm
 * @base: base of the range, in the protected half
 * @top: top of the range, in the protected half
 *
 * Maps every granule of the range not mapped yet: the granules delegated
 * ahead (cca_realm_reserve()) or now, in blocks as large as the allocator
 * has and by runs of contiguous PAs, the RTTs created as needed, and
 * RMI_RTT_DATA_MAP by address lists of up to one RTT's worth (a SINGLE
 * descriptor for one run).  What was mapped stays mapped on failure, and
 * is unmapped by cca_realm_destroy().  The RAM of a Realm can instead be
 * declared with cca_realm_init_ripas() alone and mapped on demand.
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: 0; -EINVAL for a NULL or dead @realm or an empty, unaligned or
 * out-of-range range (no SMC issued); -ENOMEM; -EPROTO if the RMM made no
 * progress; -EINTR on a fatal signal; or as rmi_op_complete().
 */
long cca_realm_map_ram(struct cca_realm *realm, unsigned long base,
		       unsigned long top)
{
	unsigned long win = CCA_RTT_ENTRIES * PAGE_SIZE, ipa, end, need = 0;
	long err;

	might_sleep();
	if (!cca_realm_live(realm) || !cca_prot_range_ok(realm, base, top))
		return -EINVAL;
	guard(mutex)(&realm->lock);
	/* Torn down while this waited for the lock. */
	if (!cca_realm_live(realm))
		return -EINVAL;
	/* The data and the RTTs it needs, delegated ahead together. */
	for (ipa = base; ipa < top; ipa += PAGE_SIZE)
		need += !cca_mapped(realm, ipa);
	need += cca_rtts_missing(realm, base, top, RMI_RTT_MAX_LEVEL);
	err = cca_spare_fill(realm, need);
	for (ipa = base; !err && ipa < top; ipa = end) {
		if (fatal_signal_pending(current))
			return -EINTR;
		end = min(top, ALIGN(ipa + 1, win));
		err = cca_map_window(realm, ipa, end);
		cond_resched();
	}
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_map_ram);

/**
 * cca_realm_populate() - map one granule of measured initial contents
 * @realm: a new Realm
 * @ipa: where, in the protected half; its RIPAS must be RAM
 * @src: PA of the Non-secure granule holding the contents
 * @measure: whether the contents are measured
 *
 * Takes a granule of the pool (delegated now if the pool is empty) and
 * issues RMI_RTT_DATA_MAP_INIT, which copies @src into it; the RTTs are
 * created as needed.
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: 0; -EINVAL for a NULL or not new @realm, or an unaligned or
 * out-of-range @ipa or @src (no SMC issued); -EEXIST if @ipa is mapped;
 * -ENOMEM; or as rmi_op_complete().
 */
long cca_realm_populate(struct cca_realm *realm, unsigned long ipa,
			phys_addr_t src, bool measure)
{
	unsigned long flags = FIELD_PREP(RMI_DATA_FLAG_MEASURE_MASK, measure);
	struct rmi_op_ctx ctx;
	unsigned int tries = 0;
	struct rmi_op op;
	unsigned long ret;
	u64 pfn;
	long err;

	might_sleep();
	if (!realm || READ_ONCE(realm->state) != CCA_REALM_NEW ||
	    !cca_prot_range_ok(realm, ipa, ipa + PAGE_SIZE) ||
	    !src || !PAGE_ALIGNED(src))
		return -EINVAL;
	guard(mutex)(&realm->lock);
	if (realm->state != CCA_REALM_NEW)
		return -EINVAL;
	if (cca_mapped(realm, ipa))
		return -EEXIST;
	err = cca_rtts_ensure(realm, ipa, RMI_RTT_MAX_LEVEL) ?:
	      cca_spare_fill(realm, 1) ?:
	      cca_map_take(realm, ipa, &pfn, 1);
	if (err)
		return err;
	cca_realm_op_ctx(realm, &ctx);
	do {
		ret = rmi_rtt_data_map_init(realm->rd, PFN_PHYS(pfn), ipa, src,
					    flags, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_run_ctx(ret, &op, &ctx, NULL);
	if (err)
		cca_map_undo(realm, ipa, &pfn, 1, err);
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_populate);

/*
 * Map the Realm's first touch of the protected @ipa, whose RIPAS the
 * library set to RAM: the granules of the naturally aligned block of
 * 2^fault_order granules around it that are RAM and not mapped, in one
 * run through @ipa.  0 also when @ipa is mapped already (another REC's
 * fault mapped it).
 */
long cca_map_on_demand(struct cca_realm *realm, unsigned long ipa)
{
	unsigned long block = PAGE_SIZE << realm->fault_order;
	unsigned long lo = ALIGN_DOWN(ipa, block), hi = lo + block;
	unsigned long base, top;
	long err;

	lockdep_assert_held(&realm->lock);
	ipa = ALIGN_DOWN(ipa, PAGE_SIZE);
	if (cca_mapped(realm, ipa))
		return 0;
	base = ipa;
	top = ipa + PAGE_SIZE;
	while (base > lo && !cca_mapped(realm, base - PAGE_SIZE) &&
	       cca_ripas_is_ram(realm, base - PAGE_SIZE))
		base -= PAGE_SIZE;
	while (top < hi && !cca_mapped(realm, top) &&
	       cca_ripas_is_ram(realm, top))
		top += PAGE_SIZE;
	err = cca_spare_fill(realm, ((top - base) >> PAGE_SHIFT) +
			     cca_rtts_missing(realm, ipa, ipa + PAGE_SIZE,
					      RMI_RTT_MAX_LEVEL)) ?:
	      cca_rtts_ensure(realm, ipa, RMI_RTT_MAX_LEVEL);
	if (err)
		return err;
	return cca_map_chunk(realm, base, (top - base) >> PAGE_SHIFT);
}

/*
 * Check the list RMI_RTT_DATA_UNMAP wrote for [@cur, @next), copied into
 * realm->copy[0..@count): it must name exactly the granules the library
 * mapped there, delegated, each once.  The RMM may describe them in any
 * order, and merges granules whose PAs follow each other into one entry
 * (TF-RMM does, whatever their IPAs), so the check is on sets: every
 * granule named is marked in the ledger, which also finds one named
 * twice, then every granule mapped in the range must be marked.  Marking
 * allocates nothing.  Returns the index of the first entry that is wrong,
 * @count if a mapped granule is missing, or -1 when the list is right.
 */
static long cca_unmap_list_check(struct cca_realm *realm, unsigned long cur,
				 unsigned long next, unsigned long count)
{
	unsigned long data = rmi_ledger_rec(RMI_LEDGER_DATA, 0, false);
	struct xarray *l = &realm->ledger.xa;
	unsigned long i, k, idx, pfn;
	long bad = -1;
	unsigned int state;
	u64 pa, nr;
	void *e;

	for (i = 0; i < count && bad < 0; i++) {
		if (rmi_desc_decode(realm->copy[i], &pa, &nr, &state) ||
		    state != RMI_OP_MEM_DELEGATED || nr > PHYS_PFN(next - cur)) {
			bad = i;
			break;
		}
		for (k = 0; k < nr; k++) {
			pfn = PHYS_PFN(pa) + k;
			if (rmi_ledger_get(&realm->ledger, PFN_PHYS(pfn)) != data ||
			    xa_get_mark(l, pfn, XA_MARK_2)) {
				bad = i;
				break;
			}
			xa_set_mark(l, pfn, XA_MARK_2);
		}
	}
	xa_for_each_range(&realm->data, idx, e, PHYS_PFN(cur), PHYS_PFN(next) - 1) {
		if (bad < 0 && !xa_get_mark(l, xa_to_value(e), XA_MARK_2))
			bad = count;
		xa_clear_mark(l, xa_to_value(e), XA_MARK_2);
	}
	/* Marks on granules named but not mapped in the range. */
	for (idx = 0; xa_find(l, &idx, ULONG_MAX, XA_MARK_2); idx++) {
		if (bad < 0)
			bad = count;
		xa_clear_mark(l, idx, XA_MARK_2);
	}
	return bad;
}

/* The RMM's list for [@cur, @next) is in doubt: leak what was mapped there. */
static void cca_unmap_doubt(struct cca_realm *realm, unsigned long cur,
			    unsigned long next)
{
	unsigned long idx;
	void *e;

	xa_for_each_range(&realm->data, idx, e, PHYS_PFN(cur), PHYS_PFN(next) - 1) {
		rmi_ledger_leak(&realm->ledger, PFN_PHYS(xa_to_value(e)), 1);
		xa_erase(&realm->data, idx);
	}
}

/* Give back what the list for [@cur, @next) named, checked already. */
static void cca_unmap_give_back(struct cca_realm *realm, unsigned long cur,
				unsigned long next)
{
	unsigned long idx;
	void *e;

	xa_for_each_range(&realm->data, idx, e, PHYS_PFN(cur), PHYS_PFN(next) - 1) {
		rmi_ledger_give_back(&realm->ledger, PFN_PHYS(xa_to_value(e)),
				     1, false);
		xa_erase(&realm->data, idx);
	}
}

/*
 * Unmap the data of [@base, @top) with RMI_RTT_DATA_UNMAP, from each
 * mapped IPA on, and give it back.  What the RMM refuses to unmap stays
 * mapped (and recorded); what its answers leave in doubt is leaked.
 */
long cca_unmap_range(struct cca_realm *realm, unsigned long base,
		     unsigned long top)
{
	const u64 *list = phys_to_virt(realm->scratch);
	unsigned long cur, next, range, count, ret, flags, idx, i;
	struct rmi_op_ctx ctx;
	struct rmi_op_out out;
	unsigned int tries;
	struct rmi_op op;
	long err = 0, bad;

	lockdep_assert_held(&realm->lock);
	cca_realm_op_ctx(realm, &ctx);
	flags = FIELD_PREP(RMI_RTT_UNMAP_FLAGS_OADDR_TYPE_MASK, RMI_ADDR_TYPE_LIST) |
		FIELD_PREP(RMI_RTT_UNMAP_FLAGS_LIST_COUNT_MASK, RMI_LIST_ENTRIES);

	for (idx = PHYS_PFN(base); !err; idx = PHYS_PFN(next)) {
		if (!xa_find(&realm->data, &idx, PHYS_PFN(top) - 1, XA_PRESENT))
			break;
		cur = PFN_PHYS(idx);
		tries = 0;
		next = cur;
		count = 0;
		do {
			ret = rmi_rtt_data_unmap(realm->rd, cur, top, flags,
						 realm->scratch, &next, &range,
						 &count, &op);
		} while (rmi_retry(ret, &tries));
		err = rmi_op_run_ctx(ret, &op, &ctx, &out);
		if (err)
			break;
		if (RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE) {
			next = out.top;
			count = out.count;
		}
		if (next <= cur || next > top || !PAGE_ALIGNED(next) ||
		    count > RMI_LIST_ENTRIES) {
			rmi_report_rmm("RTT_DATA_UNMAP: top %#lx out of (%#lx, %#lx], %lu entries",
				       next, cur, top, count);
			/* What it unmapped, if anything, is unknown. */
			cca_unmap_doubt(realm, cur,
					next > cur && next <= top ? next : top);
			err = -EPROTO;
			break;
		}
		/* Read once, from a copy the RMM cannot change. */
		for (i = 0; i < count; i++)
			realm->copy[i] = READ_ONCE(list[i]);
		bad = cca_unmap_list_check(realm, cur, next, count);
		if (bad >= 0) {
			rmi_report_rmm("DATA_UNMAP [%#lx, %#lx): entry %ld/%lu %#llx",
				       cur, next, bad, count,
				       bad < count ? realm->copy[bad] : 0);
			cca_unmap_doubt(realm, cur, next);
			err = -EPROTO;
			break;
		}
		cca_unmap_give_back(realm, cur, next);
		cond_resched();
	}
	rmi_ledger_sweep(&realm->ledger);
	return err;
}

/* Unmap all the Realm's data, and leak what the RMM refuses to unmap. */
long cca_unmap_all(struct cca_realm *realm)
{
	long err = cca_unmap_range(realm, 0, BIT_ULL(realm->s2sz - 1));

	if (err)
		cca_unmap_doubt(realm, 0, BIT_ULL(realm->s2sz - 1));
	return err;
}

/*
 * Map the Non-secure page @pa the VMM shares at the unprotected @ipa with
 * RMI_RTT_UNPROT_MAP, the RTTs created as needed.
 */
long cca_unprot_map(struct cca_realm *realm, unsigned long ipa,
		    phys_addr_t pa)
{
	unsigned long flags, next = ipa, ret;
	unsigned int tries = 0;
	struct rmi_op_ctx ctx;
	struct rmi_op_out out;
	struct rmi_op op;
	u64 desc;
	long err;

	lockdep_assert_held(&realm->lock);
	if (!PAGE_ALIGNED(pa) ||
	    rmi_desc_encode(pa, 0, 1, RMI_OP_MEM_UNDELEGATED, &desc))
		return -EINVAL;
	err = cca_rtts_ensure(realm, ipa, RMI_RTT_MAX_LEVEL);
	if (err)
		return err;
	err = rmi_xa_insert(&realm->unprot, PHYS_PFN(ipa),
			    xa_mk_value(PHYS_PFN(pa)));
	if (err)
		return err;
	flags = FIELD_PREP(RMI_RTT_UNPROT_MAP_FLAGS_OADDR_TYPE_MASK,
			   RMI_ADDR_TYPE_SINGLE) |
		FIELD_PREP(RMI_RTT_UNPROT_MAP_FLAGS_MEMATTR_MASK,
			   RMI_MEMATTR_NORMAL_WB) |
		FIELD_PREP(RMI_RTT_UNPROT_MAP_FLAGS_S2AP_MASK,
			   RMI_S2AP_DIRECT_READ | RMI_S2AP_DIRECT_WRITE);
	cca_realm_op_ctx(realm, &ctx);
	do {
		ret = rmi_rtt_unprot_map(realm->rd, ipa, ipa + PAGE_SIZE, flags,
					 desc, &next, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_run_ctx(ret, &op, &ctx, &out);
	if (!err && RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE)
		next = out.top;
	if (!err && next != ipa + PAGE_SIZE) {
		rmi_report_rmm("RTT_UNPROT_MAP of %#lx: top %#lx", ipa, next);
		err = -EPROTO;
	}
	/* Not mapped, or not known to be: the VMM keeps its page shared. */
	if (err > 0)
		xa_erase(&realm->unprot, PHYS_PFN(ipa));
	return err;
}

/*
 * Unmap every page the VMM shared, and hand each back to it.  A page the
 * RMM does not say it unmapped stays shared: the VMM never gets it back.
 */
long cca_unprot_unmap_all(struct cca_realm *realm)
{
	unsigned long flags, idx, ipa, next, range, count, ret;
	long err, first = 0;
	unsigned int tries;
	struct rmi_op_ctx ctx;
	struct rmi_op_out out;
	struct rmi_op op;
	phys_addr_t pa;
	void *e;

	lockdep_assert_held(&realm->lock);
	cca_realm_op_ctx(realm, &ctx);
	flags = FIELD_PREP(RMI_RTT_UNMAP_FLAGS_OADDR_TYPE_MASK, RMI_ADDR_TYPE_NONE);
	xa_for_each(&realm->unprot, idx, e) {
		ipa = PFN_PHYS(idx);
		pa = PFN_PHYS(xa_to_value(e));
		tries = 0;
		next = ipa;
		do {
			ret = rmi_rtt_unprot_unmap(realm->rd, ipa, ipa + PAGE_SIZE,
						   flags, 0, &next, &range,
						   &count, &op);
		} while (rmi_retry(ret, &tries));
		err = rmi_op_run_ctx(ret, &op, &ctx, &out);
		if (!err && RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE)
			next = out.top;
		if (!err && next != ipa + PAGE_SIZE) {
			rmi_report_rmm("RTT_UNPROT_UNMAP of %#lx: top %#lx",
				       ipa, next);
			err = -EPROTO;
		}
		xa_erase(&realm->unprot, idx);
		if (err) {
			first = first ?: err;
			continue;
		}
		if (realm->ops && realm->ops->unshare)
			realm->ops->unshare(realm, ipa, pa);
	}
	return first;
}
