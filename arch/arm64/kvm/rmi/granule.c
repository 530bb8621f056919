// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: delegating granules to the Realm PAS and back.
 *
 * A granule the host gives the RMM is delegated first, and must be
 * undelegated before the host frees it.  If undelegation fails the RMM
 * still owns the granule: freeing it would hand Realm memory to the page
 * allocator, so it is leaked on purpose, and counted.  So is every granule
 * whose state the RMM's answer leaves in doubt (progress reported outside
 * the range asked).
 */
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/gfp.h>
#include <linux/mm.h>
#include <linux/ratelimit.h>

#include "rmi_lib.h"

static atomic_long_t rmi_leaked = ATOMIC_LONG_INIT(0);

/* A range of whole granules that does not wrap, else -EINVAL. */
static long rmi_range_check(phys_addr_t base, size_t size)
{
	if (!size || !PAGE_ALIGNED(base) || !PAGE_ALIGNED(size))
		return -EINVAL;
	if (base + size < base || base + size == 0)
		return -EINVAL;
	return rmi_smccc_ready() ? 0 : -ENODEV;
}

typedef unsigned long (*rmi_range_cmd)(unsigned long base, unsigned long top,
				       unsigned long *out_top);

/*
 * Issue @cmd from @base until the RMM reports it reached base + size.
 * -EPROTO when it reports a top outside (cur, top]: what it did from cur
 * on is then unknown.
 */
static long rmi_granules_range(rmi_range_cmd cmd, const char *name,
			       phys_addr_t base, size_t size, phys_addr_t *done)
{
	phys_addr_t cur = base, top = base + size;
	unsigned long ret, next;
	unsigned int tries;
	long err = 0;

	while (cur < top) {
		tries = 0;
		next = cur;
		do {
			ret = cmd(cur, top, &next);
		} while (rmi_retry(ret, &tries));
		/* Not a stateful command: RMI_INCOMPLETE is no answer. */
		if (RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE) {
			rmi_report_rmm("%s: RMI_INCOMPLETE", name);
			err = -EPROTO;
			break;
		}
		err = rmi_result(ret);
		if (err)
			break;
		/* The RMM processes at least one granule per call. */
		if (next <= cur || next > top || !PAGE_ALIGNED(next)) {
			rmi_report_rmm("%s: top %#lx outside (%pa, %pa]",
				       name, next, &cur, &top);
			err = -EPROTO;
			break;
		}
		cur = next;
		/* A large range, one granule per call: let others run. */
		cond_resched();
	}
	if (done)
		*done = cur;
	return err;
}

/**
 * rmi_granules_delegate() - delegate a range of granules
 * @base: PA of the first granule
 * @size: bytes, a multiple of PAGE_SIZE
 * @done: if not NULL, receives the top of the part delegated, on failure
 *	  too
 *
 * Issues RMI_GRANULE_RANGE_DELEGATE from @base, then from the top it
 * returned, until the range is delegated.  On failure [@base, *@done) is
 * delegated and the caller owns it: it undelegates that part, and only
 * that part.  The rest is Non-secure, except after -EPROTO: then the RMM
 * reported a top outside the range, and [*@done, @base + @size) may be
 * delegated or not: the caller must leak it.
 *
 * Context: process; may sleep.
 * Return: 0; a positive RMI status if the RMM refused; -EINVAL for an
 * empty, unaligned or wrapping range (no SMC issued); -ENODEV before
 * rmi_init(); -EPROTO if the RMM made no progress or reported a top
 * outside the range.
 */
long rmi_granules_delegate(phys_addr_t base, size_t size, phys_addr_t *done)
{
	long err;

	might_sleep();
	if (done)
		*done = base;
	err = rmi_range_check(base, size);
	if (err)
		return err;
	return rmi_granules_range(rmi_granule_range_delegate,
				  "GRANULE_RANGE_DELEGATE", base, size, done);
}
EXPORT_SYMBOL_GPL(rmi_granules_delegate);

/**
 * rmi_granules_undelegate() - undelegate a range of granules
 * @base: PA of the first granule
 * @size: bytes, a multiple of PAGE_SIZE
 * @done: if not NULL, receives the top of the part undelegated, on
 *	  failure too
 *
 * Issues RMI_GRANULE_RANGE_UNDELEGATE until the range is undelegated.  On
 * failure [*@done, @base + @size) may still be delegated: the caller must
 * not free it.
 *
 * Context: process; may sleep.
 * Return: as rmi_granules_delegate().
 */
long rmi_granules_undelegate(phys_addr_t base, size_t size, phys_addr_t *done)
{
	long err;

	might_sleep();
	if (done)
		*done = base;
	err = rmi_range_check(base, size);
	if (err)
		return err;
	return rmi_granules_range(rmi_granule_range_undelegate,
				  "GRANULE_RANGE_UNDELEGATE", base, size, done);
}
EXPORT_SYMBOL_GPL(rmi_granules_undelegate);

/**
 * rmi_granule_leak() - give up @nr granules the RMM keeps
 * @pa: PA of the first, 0 if unknown
 * @nr: number of granules
 *
 * The granules are leaked on purpose: the RMM still owns them, or may, so
 * they must never go back to the host's allocator.  Counted in
 * rmi_leaked_granules(), and said, ratelimited.  Not a WARN, as review
 * rule 19 of the upstream series once asked: a leak follows what the RMM
 * did, and warnings are for what cannot happen (a host with panic_on_warn
 * must not die of an RMM's refusal).
 *
 * Context: any.
 */
void rmi_granule_leak(phys_addr_t pa, unsigned long nr)
{
	if (!nr)
		return;
	atomic_long_add(nr, &rmi_leaked);
	pr_warn_ratelimited("RMI: %lu granule(s) at %pa leaked: the RMM keeps them, or may\n",
			    nr, &pa);
}

/**
 * rmi_granules_undelegate_free() - undelegate granules and free them, or
 *	leak those the RMM keeps
 * @mem: the allocator the granules came from
 * @pa: PA of the first granule
 * @nr: number of granules, contiguous
 *
 * The one place delegated granules go back to the host: the range is
 * undelegated with as few RMI_GRANULE_RANGE_UNDELEGATE calls as the RMM
 * allows, and what was undelegated is freed.  A granule whose
 * undelegation fails is leaked on purpose, never freed, and the rest of
 * the range is tried after it; after a top outside the range (-EPROTO)
 * nothing more is known, and the rest is leaked too.
 *
 * Context: process; may sleep.
 * Return: the number of granules leaked.
 */
unsigned long rmi_granules_undelegate_free(const struct rmi_mem_ops *mem,
					   phys_addr_t pa, unsigned long nr)
{
	phys_addr_t top = pa + nr * PAGE_SIZE, done;
	unsigned long leaked = 0, n;
	long err;

	might_sleep();
	while (pa < top) {
		err = rmi_granules_undelegate(pa, top - pa, &done);
		if (!err)
			done = top;
		rmi_free_granules(mem, pa, (done - pa) >> PAGE_SHIFT);
		if (done == top)
			break;
		n = err == -EPROTO ? (top - done) >> PAGE_SHIFT : 1;
		rmi_granule_leak(done, n);
		leaked += n;
		pa = done + n * PAGE_SIZE;
	}
	return leaked;
}
EXPORT_SYMBOL_GPL(rmi_granules_undelegate_free);

/**
 * rmi_granule_undelegate_free() - undelegate a granule and free it, or leak it
 * @mem: the allocator the granule came from
 * @pa: PA of the granule
 *
 * rmi_granules_undelegate_free() for one granule.
 *
 * Context: process; may sleep.
 * Return: true if the granule was freed, false if it was leaked.
 */
bool rmi_granule_undelegate_free(const struct rmi_mem_ops *mem, phys_addr_t pa)
{
	return !rmi_granules_undelegate_free(mem, pa, 1);
}
EXPORT_SYMBOL_GPL(rmi_granule_undelegate_free);

/**
 * rmi_leaked_granules() - granules leaked because the RMM kept them
 *
 * Context: any.
 * Return: the number of granules leaked since boot.
 */
unsigned long rmi_leaked_granules(void)
{
	return atomic_long_read(&rmi_leaked);
}
EXPORT_SYMBOL_GPL(rmi_leaked_granules);

phys_addr_t rmi_alloc_granules(const struct rmi_mem_ops *mem,
			       unsigned int order)
{
	return mem->alloc(mem->priv, order);
}

/*
 * Give granules that are Non-secure back to their allocator: every granule
 * the library frees goes through here.  Once the RMM is not trusted, a
 * granule it was ever given (or asked to delegate) may still be the
 * RMM's: all are leaked instead.
 */
void rmi_free_granules(const struct rmi_mem_ops *mem, phys_addr_t pa,
		       unsigned long nr)
{
	if (!rmi_rmm_trusted()) {
		rmi_granule_leak(pa, nr);
		return;
	}
	for (; nr; nr--, pa += PAGE_SIZE)
		mem->free(mem->priv, pa);
}

/*
 * Allocate 2^@order contiguous granules and delegate them; 0 and *@err
 * (-ENOMEM, or as rmi_granules_delegate()) on failure, with every granule
 * given back: the part delegated undelegated, the rest freed, or leaked
 * if the RMM's answer left it in doubt.  May sleep.
 */
phys_addr_t rmi_alloc_delegated(const struct rmi_mem_ops *mem,
				unsigned int order, long *err)
{
	unsigned long nr = 1UL << order, rest;
	phys_addr_t pa = rmi_alloc_granules(mem, order), done;

	if (!pa) {
		*err = -ENOMEM;
		return 0;
	}
	*err = rmi_granules_delegate(pa, nr << PAGE_SHIFT, &done);
	if (*err) {
		rest = nr - ((done - pa) >> PAGE_SHIFT);
		if (*err == -EPROTO)
			rmi_granule_leak(done, rest);
		else
			rmi_free_granules(mem, done, rest);
		rmi_granules_undelegate_free(mem, pa, (done - pa) >> PAGE_SHIFT);
		return 0;
	}
	return pa;
}

static phys_addr_t rmi_page_alloc(void *priv, unsigned int order)
{
	/* Realm memory is the memory of whoever creates the Realm. */
	gfp_t gfp = GFP_KERNEL_ACCOUNT | __GFP_ZERO;
	struct page *page;

	/* A large block is a wish: the library takes smaller ones instead. */
	if (order > PAGE_ALLOC_COSTLY_ORDER)
		gfp |= __GFP_NORETRY | __GFP_NOWARN;
	page = alloc_pages(gfp, order);

	if (!page)
		return 0;
	if (order)
		split_page(page, order);
	return page_to_phys(page);
}

static void rmi_page_free(void *priv, phys_addr_t pa)
{
	__free_page(phys_to_page(pa));
}

/*
 * The page allocator, for granules whose lifetime the library manages
 * alone (those the RMM takes at activation).
 */
const struct rmi_mem_ops rmi_page_mem_ops = {
	.alloc = rmi_page_alloc,
	.free = rmi_page_free,
};
EXPORT_SYMBOL_GPL(rmi_page_mem_ops);
