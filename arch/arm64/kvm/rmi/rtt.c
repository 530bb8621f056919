// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: a Realm's RTTs and the RIPAS of its protected IPAs.
 *
 * The RTTs the library creates are recorded per level, by the IPA they
 * map, so that finding one is a lookup, not a walk of a list: a 1GiB
 * Realm has over five hundred.  The RIPAS the library set (at creation
 * with RMI_RTT_INIT_RIPAS, later on the Realm's requests) is recorded by
 * ranges: it tells a fault the Realm may take on demand from one the RMM
 * should never have reported.
 *
 * Everything here runs with the Realm's lock held.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/log2.h>
#include <linux/maple_tree.h>
#include <linux/mm.h>
#include <linux/sched/signal.h>
#include <linux/sort.h>

#include "rmi_lib.h"

/* Whether @ipa is in the protected half of the Realm's IPA space. */
bool cca_ipa_protected(const struct cca_realm *realm, unsigned long ipa)
{
	return ipa < BIT_ULL(realm->s2sz - 1);
}

/* @base..@top is a non-empty range of whole granules inside the IPA space. */
static bool cca_ipa_range_ok(const struct cca_realm *realm, unsigned long base,
			     unsigned long top)
{
	return PAGE_ALIGNED(base) && PAGE_ALIGNED(top) && base < top &&
	       top <= BIT_ULL(realm->s2sz);
}

/* The key of the RTT at @level that maps @ipa, in realm->rtts[@level]. */
static unsigned long cca_rtt_key(unsigned long ipa, long level)
{
	return ipa >> rmi_level_shift(level - 1);
}

static bool cca_rtt_exists(struct cca_realm *realm, unsigned long ipa,
			   long level)
{
	return xa_load(&realm->rtts[level], cca_rtt_key(ipa, level));
}

/*
 * The deepest level of RTT the library created on the walk to @ipa:
 * where the RMM's walk ends too, unless it lies.
 */
long cca_rtt_walk_level(struct cca_realm *realm, unsigned long ipa)
{
	long level = realm->rtt_level_start;

	while (level < RMI_RTT_MAX_LEVEL && cca_rtt_exists(realm, ipa, level + 1))
		level++;
	return level;
}

/* The next delegated spare granule, taken from the pool; 0 if none. */
static phys_addr_t cca_spare_take(struct cca_realm *realm,
				  enum rmi_ledger_kind kind)
{
	unsigned long pfn = 0;

	if (!xa_find(&realm->ledger.xa, &pfn, ULONG_MAX, XA_MARK_1))
		return 0;
	xa_clear_mark(&realm->ledger.xa, pfn, XA_MARK_1);
	rmi_ledger_set(&realm->ledger, PFN_PHYS(pfn), 1,
		       rmi_ledger_rec(kind, 0, false));
	return PFN_PHYS(pfn);
}

/* Put a granule taken with cca_spare_take() back in the pool. */
static void cca_spare_put(struct cca_realm *realm, phys_addr_t pa)
{
	rmi_ledger_set(&realm->ledger, pa, 1,
		       rmi_ledger_rec(RMI_LEDGER_SPARE, 0, false));
	xa_set_mark(&realm->ledger.xa, PHYS_PFN(pa), XA_MARK_1);
}

static int cca_cmp_pa(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* Delegate [pa, pa + nr granules) and pool it; what fails goes back. */
static long cca_spare_delegate(struct cca_realm *realm, phys_addr_t pa,
			       unsigned long nr)
{
	unsigned long spare = rmi_ledger_rec(RMI_LEDGER_SPARE, 0, false);
	phys_addr_t done, top = pa + nr * PAGE_SIZE;
	unsigned long i, n;
	long err;

	err = rmi_granules_delegate(pa, nr * PAGE_SIZE, &done);
	if (err == -EPROTO)
		rmi_granule_leak(done, (top - done) >> PAGE_SHIFT);
	else if (err)
		rmi_free_granules(realm->mem, done, (top - done) >> PAGE_SHIFT);
	n = (done - pa) >> PAGE_SHIFT;
	if (n && rmi_ledger_add(&realm->ledger, pa, n, spare,
				GFP_KERNEL_ACCOUNT)) {
		rmi_granules_undelegate_free(realm->mem, pa, n);
		return err ?: -ENOMEM;
	}
	for (i = 0; i < n; i++)
		xa_set_mark(&realm->ledger.xa, PHYS_PFN(pa) + i, XA_MARK_1);
	return err;
}

/*
 * Make sure the pool holds @nr spare granules, delegated: allocate blocks
 * as large as the allocator gives, and delegate them by runs of
 * contiguous PAs, one command per run where the RMM delegates ranges
 * whole.  The Realm's private list copy holds the blocks meanwhile: no
 * operation is under way.
 */
long cca_spare_fill(struct cca_realm *realm, unsigned long nr)
{
	unsigned long have = 0, pfn = 0, need, i, run;
	unsigned int order, n;
	u64 *blocks = realm->copy;
	phys_addr_t pa;
	long err = 0;
	void *e;

	lockdep_assert_held(&realm->lock);
	xa_for_each_marked(&realm->ledger.xa, pfn, e, XA_MARK_1)
		if (++have >= nr)
			return 0;

	while (!err && have < nr) {
		/* Being killed: what is delegated stays spare, for teardown. */
		if (fatal_signal_pending(current))
			return -EINTR;
		need = nr - have;
		order = min_t(unsigned int, ilog2(need), MAX_PAGE_ORDER);
		for (n = 0; n < RMI_LIST_ENTRIES && need; ) {
			order = min_t(unsigned int, order, ilog2(need));
			pa = rmi_alloc_granules(realm->mem, order);
			if (!pa && order) {
				order--;
				continue;
			}
			if (!pa)
				break;
			blocks[n++] = pa | order;
			need -= 1UL << order;
			/* Up to a list of 4 MiB blocks to zero: let others run. */
			cond_resched();
		}
		if (!n)
			return -ENOMEM;
		/* Runs of contiguous blocks, each delegated by one command. */
		sort(blocks, n, sizeof(*blocks), cca_cmp_pa, NULL);
		for (i = 0; i < n; i = run) {
			phys_addr_t base = blocks[i] & PAGE_MASK;
			unsigned long len = 1UL << (blocks[i] & ~PAGE_MASK);
			long e2;

			for (run = i + 1; run < n &&
			     (blocks[run] & PAGE_MASK) == base + len * PAGE_SIZE;
			     run++)
				len += 1UL << (blocks[run] & ~PAGE_MASK);
			e2 = cca_spare_delegate(realm, base, len);
			if (!e2)
				have += len;
			err = err ?: e2;
		}
		cond_resched();
	}
	return err;
}

/**
 * cca_realm_reserve() - delegate granules ahead of the mappings and RTTs
 *   that will need them
 * @realm: a new or active Realm
 * @nr: granules
 *
 * The library delegates what it maps and the RTTs it creates as it goes;
 * a caller that knows how much it will map saves commands by reserving it
 * first: the granules are allocated in blocks as large as the allocator
 * has and delegated by runs of contiguous PAs.  What is not used goes back
 * at teardown.
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: 0; -EINVAL for a NULL or dead @realm; -ENOMEM; -EINTR on a
 * fatal signal (what was delegated stays reserved); or as
 * rmi_granules_delegate().
 */
long cca_realm_reserve(struct cca_realm *realm, unsigned long nr)
{
	might_sleep();
	if (!realm || (READ_ONCE(realm->state) != CCA_REALM_NEW &&
		       READ_ONCE(realm->state) != CCA_REALM_ACTIVE))
		return -EINVAL;
	guard(mutex)(&realm->lock);
	if (realm->state != CCA_REALM_NEW && realm->state != CCA_REALM_ACTIVE)
		return -EINVAL;
	return cca_spare_fill(realm, nr);
}
EXPORT_SYMBOL_GPL(cca_realm_reserve);

/* A granule for an RTT or data: from the pool, filled if empty. */
static phys_addr_t cca_spare_get(struct cca_realm *realm,
				 enum rmi_ledger_kind kind, long *err)
{
	phys_addr_t pa = cca_spare_take(realm, kind);

	if (pa)
		return pa;
	*err = cca_spare_fill(realm, 1);
	if (*err)
		return 0;
	pa = cca_spare_take(realm, kind);
	*err = pa ? 0 : -ENOMEM;
	return pa;
}

static long cca_rtt_create(struct cca_realm *realm, unsigned long ipa,
			   long level)
{
	unsigned long key = cca_rtt_key(ipa, level), ret;
	unsigned int tries = 0;
	phys_addr_t pa;
	long err;

	pa = cca_spare_get(realm, RMI_LEDGER_RTT, &err);
	if (!pa)
		return err;
	/* The record first: nothing to allocate once the RMM has the RTT. */
	err = rmi_xa_insert(&realm->rtts[level], key, xa_mk_value(PHYS_PFN(pa)));
	if (err) {
		cca_spare_put(realm, pa);
		return err;
	}
	do {
		ret = rmi_rtt_create(realm->rd, pa, ipa, level);
	} while (rmi_retry(ret, &tries));
	err = rmi_result(ret);
	if (err) {
		xa_erase(&realm->rtts[level], key);
		cca_spare_put(realm, pa);
	}
	return err;
}

/*
 * Create, from the level below the starting one down to @level, each RTT
 * on the walk to @ipa that the library has not created yet.
 */
long cca_rtts_ensure(struct cca_realm *realm, unsigned long ipa, long level)
{
	unsigned long rtt_ipa;
	long l, err;

	lockdep_assert_held(&realm->lock);
	for (l = realm->rtt_level_start + 1; l <= level; l++) {
		rtt_ipa = ALIGN_DOWN(ipa, BIT_ULL(rmi_level_shift(l - 1)));
		if (cca_rtt_exists(realm, rtt_ipa, l))
			continue;
		err = cca_rtt_create(realm, rtt_ipa, l);
		if (err)
			return err;
	}
	return 0;
}

/* The RTTs down to @level that [@base, @top) needs and has not. */
unsigned long cca_rtts_missing(struct cca_realm *realm, unsigned long base,
			       unsigned long top, long level)
{
	unsigned long step, ipa, need = 0;
	long l;

	for (l = realm->rtt_level_start + 1; l <= level; l++) {
		step = BIT_ULL(rmi_level_shift(l - 1));
		for (ipa = ALIGN_DOWN(base, step); ipa < top; ipa += step)
			need += !cca_rtt_exists(realm, ipa, l);
	}
	return need;
}

/* Whether a new or active @realm can change; for the public entries. */
static bool cca_realm_live(const struct cca_realm *realm)
{
	return realm && (READ_ONCE(realm->state) == CCA_REALM_NEW ||
			 READ_ONCE(realm->state) == CCA_REALM_ACTIVE);
}

/**
 * cca_realm_create_rtts() - create the RTTs that map @ipa, down to @level
 * @realm: a new or active Realm
 * @ipa: an IPA in the Realm
 * @level: deepest RTT level to create, below the starting level
 *
 * Creates, from the level below the starting one down to @level, each RTT
 * on the walk to @ipa that the library has not created yet.
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: 0; -EINVAL for a NULL, dead or destroyed @realm, an unaligned
 * or out-of-range @ipa or a bad @level (no SMC issued); -ENOMEM; or the
 * positive RMI status of the RTT_CREATE the RMM refused (RMI_ERROR_RTT if
 * an RTT it covers exists already).
 */
long cca_realm_create_rtts(struct cca_realm *realm, unsigned long ipa,
			   long level)
{
	might_sleep();
	if (!cca_realm_live(realm) ||
	    !cca_ipa_range_ok(realm, ipa, ipa + PAGE_SIZE))
		return -EINVAL;
	if (level <= realm->rtt_level_start || level > RMI_RTT_MAX_LEVEL)
		return -EINVAL;
	guard(mutex)(&realm->lock);
	if (!cca_realm_live(realm))
		return -EINVAL;
	return cca_rtts_ensure(realm, ipa, level);
}
EXPORT_SYMBOL_GPL(cca_realm_create_rtts);

/**
 * cca_realm_create_rtts_range() - create the RTTs that map [@base, @top),
 *   down to @level
 * @realm: a new or active Realm
 * @base: base of the range
 * @top: top of the range
 * @level: deepest RTT level to create, below the starting level
 *
 * cca_realm_create_rtts() for every RTT at @level the range touches, the
 * granules of the missing ones delegated ahead by as few commands as
 * their contiguity allows.  What was created stays created on failure.
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: as cca_realm_create_rtts(), and -EINTR on a fatal signal.
 */
long cca_realm_create_rtts_range(struct cca_realm *realm, unsigned long base,
				 unsigned long top, long level)
{
	unsigned long step, ipa;
	long err;

	might_sleep();
	if (!cca_realm_live(realm) || !cca_ipa_range_ok(realm, base, top))
		return -EINVAL;
	if (level <= realm->rtt_level_start || level > RMI_RTT_MAX_LEVEL)
		return -EINVAL;
	guard(mutex)(&realm->lock);
	if (!cca_realm_live(realm))
		return -EINVAL;
	err = cca_spare_fill(realm, cca_rtts_missing(realm, base, top, level));
	if (err)
		return err;
	step = BIT_ULL(rmi_level_shift(level - 1));
	for (ipa = ALIGN_DOWN(base, step); ipa < top; ipa += step) {
		if (fatal_signal_pending(current))
			return -EINTR;
		err = cca_rtts_ensure(realm, ipa, level);
		if (err)
			return err;
		cond_resched();
	}
	return 0;
}
EXPORT_SYMBOL_GPL(cca_realm_create_rtts_range);

/*
 * Destroy every RTT the library created, deepest level first, and give
 * them back.  An RTT the RMM refuses to destroy, or answers for with
 * another granule than the one recorded, is leaked.
 */
long cca_realm_destroy_rtts(struct cca_realm *realm)
{
	unsigned long ret, out_rtt, out_top, key, ipa;
	unsigned int tries;
	long level, err, first = 0;
	phys_addr_t pa;
	void *e;

	lockdep_assert_held(&realm->lock);
	for (level = RMI_RTT_MAX_LEVEL; level > realm->rtt_level_start; level--) {
		xa_for_each(&realm->rtts[level], key, e) {
			pa = PFN_PHYS(xa_to_value(e));
			ipa = key << rmi_level_shift(level - 1);
			tries = 0;
			do {
				ret = rmi_rtt_destroy(realm->rd, ipa, level,
						      &out_rtt, &out_top);
			} while (rmi_retry(ret, &tries));
			err = rmi_result(ret);
			if (!err && out_rtt != pa) {
				rmi_report_rmm("RTT_DESTROY %#lx L%ld: RTT %#lx, not %pa",
					       ipa, level, out_rtt, &pa);
				err = -EPROTO;
			}
			if (err) {
				rmi_ledger_leak(&realm->ledger, pa, 1);
				first = first ?: err;
			} else {
				rmi_ledger_give_back(&realm->ledger, pa, 1, false);
			}
			xa_erase(&realm->rtts[level], key);
			cond_resched();
		}
	}
	rmi_ledger_sweep(&realm->ledger);
	return first;
}

/* Record that the RIPAS of [@base, @top) is @ripas. */
int cca_ripas_record(struct cca_realm *realm, unsigned long base,
		     unsigned long top, enum cca_ripas_rec ripas)
{
	lockdep_assert_held(&realm->lock);
	if (rmi_should_fail_alloc())
		return -ENOMEM;
	return mtree_store_range(&realm->ripas, PHYS_PFN(base),
				 PHYS_PFN(top) - 1, xa_mk_value(ripas),
				 GFP_KERNEL_ACCOUNT);
}

/* Whether the library set the RIPAS of @ipa to RAM. */
bool cca_ripas_is_ram(struct cca_realm *realm, unsigned long ipa)
{
	void *e = mtree_load(&realm->ripas, PHYS_PFN(ipa));

	return e && xa_to_value(e) == CCA_RIPAS_RAM;
}

/**
 * cca_realm_init_ripas() - set the RIPAS of an IPA range to RAM
 * @realm: a new Realm
 * @base: base of the range, in the protected half
 * @top: top of the range, in the protected half
 *
 * Issues RMI_RTT_INIT_RIPAS from @base, then from the top it returned,
 * until @top.  Where the RMM answers that an RTT is missing (RMI_ERROR_RTT
 * at a level above the last), the RTT is created and the command issued
 * again: RAM can be declared without delegating a granule of it, and
 * mapped on demand.
 *
 * Context: process; may sleep; takes the Realm's lock.
 * Return: 0; -EINVAL for a NULL or not new @realm, or an empty, unaligned
 * or out-of-range range (no SMC issued); -ENOMEM; a positive RMI status;
 * -EPROTO if the RMM made no progress or reported a top outside the
 * range; -EINTR on a fatal signal.
 */
long cca_realm_init_ripas(struct cca_realm *realm, unsigned long base,
			  unsigned long top)
{
	unsigned long ret, next, start = base;
	unsigned int tries;
	long err = 0;

	might_sleep();
	if (!realm || READ_ONCE(realm->state) != CCA_REALM_NEW ||
	    !cca_ipa_range_ok(realm, base, top) ||
	    !cca_ipa_protected(realm, top - 1))
		return -EINVAL;
	guard(mutex)(&realm->lock);
	if (realm->state != CCA_REALM_NEW)
		return -EINVAL;
	while (base < top) {
		if (fatal_signal_pending(current)) {
			err = -EINTR;
			break;
		}
		tries = 0;
		next = base;
		do {
			ret = rmi_rtt_init_ripas(realm->rd, base, top, &next);
		} while (rmi_retry(ret, &tries));
		err = rmi_result(ret);
		if (err == RMI_ERROR_RTT &&
		    RMI_RETURN_INDEX(ret) < RMI_RTT_MAX_LEVEL &&
		    RMI_RETURN_INDEX(ret) == cca_rtt_walk_level(realm, base)) {
			/* An RTT the range needs below where the walk ended. */
			err = cca_rtts_ensure(realm, base,
					      RMI_RETURN_INDEX(ret) + 1);
			if (err)
				break;
			continue;
		}
		if (err)
			break;
		if (next <= base || next > top || !PAGE_ALIGNED(next)) {
			rmi_report_rmm("RTT_INIT_RIPAS: top %#lx outside (%#lx, %#lx]",
				       next, base, top);
			err = -EPROTO;
			break;
		}
		base = next;
		cond_resched();
	}
	/* What the RMM set is RAM, whatever came after. */
	if (base > start && cca_ripas_record(realm, start, base, CCA_RIPAS_RAM))
		err = err ?: -ENOMEM;
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_init_ripas);

/*
 * Apply the RIPAS change the Realm asked for with RMI_RTT_SET_RIPAS from
 * @base to @top (both checked by the caller), creating RTTs where the RMM
 * needs a deeper walk; record what changed.  Returns 0 with *@done the top
 * reached, or an error with *@done how far it got.
 */
long cca_set_ripas(struct cca_realm *realm, struct cca_rec *rec,
		   unsigned long base, unsigned long top,
		   enum cca_ripas_rec ripas, unsigned long *done)
{
	unsigned long ret, next, start = base;
	unsigned int tries;
	long err = 0;

	lockdep_assert_held(&realm->lock);
	while (base < top) {
		tries = 0;
		next = base;
		do {
			ret = rmi_rtt_set_ripas(realm->rd, rec->rec, base, top,
						&next);
		} while (rmi_retry(ret, &tries));
		err = rmi_result(ret);
		if (err == RMI_ERROR_RTT &&
		    RMI_RETURN_INDEX(ret) < RMI_RTT_MAX_LEVEL &&
		    RMI_RETURN_INDEX(ret) == cca_rtt_walk_level(realm, base)) {
			err = cca_rtts_ensure(realm, base,
					      RMI_RETURN_INDEX(ret) + 1);
			if (err)
				break;
			continue;
		}
		if (err)
			break;
		if (next <= base || next > top || !PAGE_ALIGNED(next)) {
			rmi_report_rmm("RTT_SET_RIPAS: top %#lx outside (%#lx, %#lx]",
				       next, base, top);
			err = -EPROTO;
			break;
		}
		base = next;
		cond_resched();
	}
	*done = base;
	if (base > start && cca_ripas_record(realm, start, base, ripas))
		err = err ?: -ENOMEM;
	return err;
}
