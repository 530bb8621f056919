// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: a Realm's stage 2 translation: RTTs, RIPAS and mappings.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include "rmi_lib.h"

/* @base..@top is a non-empty range of whole granules inside the IPA space. */
static bool cca_ipa_range_ok(const struct cca_realm *realm, unsigned long base,
			     unsigned long top)
{
	return PAGE_ALIGNED(base) && PAGE_ALIGNED(top) && base < top &&
	       top <= BIT_ULL(realm->s2sz);
}

static bool cca_realm_live(const struct cca_realm *realm)
{
	return realm && (realm->state == CCA_REALM_NEW ||
			 realm->state == CCA_REALM_ACTIVE);
}

static struct cca_rtt *cca_rtt_find(struct cca_realm *realm, unsigned long ipa,
				    long level)
{
	struct cca_rtt *rtt;

	list_for_each_entry(rtt, &realm->rtts, node)
		if (rtt->ipa == ipa && rtt->level == level)
			return rtt;
	return NULL;
}

static long cca_rtt_create(struct cca_realm *realm, unsigned long ipa,
			   long level)
{
	struct cca_rtt *rtt __free(kfree) = kzalloc(sizeof(*rtt), GFP_KERNEL);
	unsigned int tries = 0;
	unsigned long ret;
	long err;

	if (!rtt)
		return -ENOMEM;
	rtt->pa = rmi_alloc_delegated(realm->mem, 0, &err);
	if (!rtt->pa)
		return err;
	do {
		ret = rmi_rtt_create(realm->rd, rtt->pa, ipa, level);
	} while (rmi_retry(ret, &tries));
	err = rmi_result(ret);
	if (err) {
		rmi_granule_undelegate_free(realm->mem, rtt->pa);
		return err;
	}
	rtt->ipa = ipa;
	rtt->level = level;
	list_add(&no_free_ptr(rtt)->node, &realm->rtts);
	return 0;
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
 * Return: 0; -EINVAL for a NULL, dead or destroyed @realm, an unaligned
 * or out-of-range @ipa or a bad @level (no SMC issued); -ENOMEM; or the
 * positive RMI status of the RTT_CREATE the RMM refused (RMI_ERROR_RTT if
 * an RTT it covers exists already).
 */
long cca_realm_create_rtts(struct cca_realm *realm, unsigned long ipa,
			   long level)
{
	unsigned long rtt_ipa;
	long l, err;

	if (!cca_realm_live(realm) || !cca_ipa_range_ok(realm, ipa, ipa + PAGE_SIZE))
		return -EINVAL;
	if (level <= realm->rtt_level_start || level > RMI_RTT_MAX_LEVEL)
		return -EINVAL;

	for (l = realm->rtt_level_start + 1; l <= level; l++) {
		rtt_ipa = ALIGN_DOWN(ipa, BIT_ULL(rmi_level_shift(l - 1)));
		if (cca_rtt_find(realm, rtt_ipa, l))
			continue;
		err = cca_rtt_create(realm, rtt_ipa, l);
		if (err)
			return err;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(cca_realm_create_rtts);

/*
 * Destroy every RTT the library created, deepest level first.  An RTT the
 * RMM refuses to destroy is leaked.
 */
long cca_realm_destroy_rtts(struct cca_realm *realm)
{
	unsigned long ret, out_rtt, out_top;
	struct cca_rtt *rtt, *tmp;
	unsigned int tries;
	long level, err, first = 0;

	for (level = RMI_RTT_MAX_LEVEL; level > realm->rtt_level_start; level--) {
		list_for_each_entry_safe(rtt, tmp, &realm->rtts, node) {
			if (rtt->level != level)
				continue;
			tries = 0;
			do {
				ret = rmi_rtt_destroy(realm->rd, rtt->ipa, level,
						      &out_rtt, &out_top);
			} while (rmi_retry(ret, &tries));
			err = rmi_result(ret);
			if (!err && out_rtt != rtt->pa)
				err = -EPROTO;
			if (err) {
				rmi_granule_leak(rtt->pa, 1);
				first = first ?: err;
			} else {
				rmi_granule_undelegate_free(realm->mem, rtt->pa);
			}
			list_del(&rtt->node);
			kfree(rtt);
		}
	}
	return first;
}

/**
 * cca_realm_init_ripas() - set the RIPAS of an IPA range to RAM
 * @realm: a new Realm
 * @base: base of the range
 * @top: top of the range
 *
 * Issues RMI_RTT_INIT_RIPAS from @base, then from the top it returned,
 * until @top.  The RTTs of the range must exist.
 *
 * Return: 0; -EINVAL for a NULL or not new @realm, or an empty, unaligned
 * or out-of-range range (no SMC issued); a positive RMI status
 * (RMI_ERROR_RTT if an RTT is missing); -EPROTO if the RMM made no
 * progress.
 */
long cca_realm_init_ripas(struct cca_realm *realm, unsigned long base,
			  unsigned long top)
{
	unsigned long ret, next;
	unsigned int tries;
	long err;

	if (!realm || realm->state != CCA_REALM_NEW ||
	    !cca_ipa_range_ok(realm, base, top))
		return -EINVAL;
	while (base < top) {
		tries = 0;
		next = base;
		do {
			ret = rmi_rtt_init_ripas(realm->rd, base, top, &next);
		} while (rmi_retry(ret, &tries));
		err = rmi_result(ret);
		if (err)
			return err;
		if (next <= base || next > top)
			return -EPROTO;
		base = next;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(cca_realm_init_ripas);

/* Record that [base, top) is mapped to granules of the Realm. */
static long cca_map_add(struct cca_realm *realm, unsigned long base,
			unsigned long top)
{
	struct cca_map *map;

	map = list_first_entry_or_null(&realm->maps, struct cca_map, node);
	if (map && map->top == base) {
		map->top = top;
		return 0;
	}
	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return -ENOMEM;
	map->base = base;
	map->top = top;
	list_add(&map->node, &realm->maps);
	return 0;
}

/**
 * cca_realm_populate() - map one granule of measured initial contents
 * @realm: a new Realm
 * @ipa: where, in the Realm; its RIPAS must be RAM and its RTTs exist
 * @src: PA of the Non-secure granule holding the contents
 * @measure: whether the contents are measured
 *
 * Delegates a granule and issues RMI_RTT_DATA_MAP_INIT, which copies @src
 * into it.
 *
 * Return: 0; -EINVAL for a NULL or not new @realm, or an unaligned or
 * out-of-range @ipa or @src (no SMC issued); -ENOMEM; or as
 * rmi_op_complete().
 */
long cca_realm_populate(struct cca_realm *realm, unsigned long ipa,
			phys_addr_t src, bool measure)
{
	unsigned long flags = FIELD_PREP(RMI_DATA_FLAG_MEASURE_MASK, measure);
	unsigned int tries = 0;
	struct rmi_op_out out;
	struct rmi_op op;
	unsigned long ret;
	phys_addr_t data;
	long err;

	if (!realm || realm->state != CCA_REALM_NEW ||
	    !cca_ipa_range_ok(realm, ipa, ipa + PAGE_SIZE) ||
	    !src || !PAGE_ALIGNED(src))
		return -EINVAL;

	data = rmi_alloc_delegated(realm->mem, 0, &err);
	if (!data)
		return err;
	do {
		ret = rmi_rtt_data_map_init(realm->rd, data, ipa, src, flags, &op);
	} while (rmi_retry(ret, &tries));
	err = rmi_op_complete(ret, &op, realm->mem, 0, &out);
	realm->held += out.net;
	if (err)
		goto err_data;
	err = cca_map_add(realm, ipa, ipa + PAGE_SIZE);
	if (err) {
		/* Mapped, but not recorded: the RMM keeps it until the end. */
		rmi_granule_leak(data, 1);
	}
	return err;

err_data:
	rmi_granule_undelegate_free(realm->mem, data);
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_populate);

static unsigned long cca_desc_granules(u64 e)
{
	return RMI_ADDR_RANGE_COUNT(e) << rmi_block_order(RMI_ADDR_RANGE_SIZE(e));
}

/*
 * Undelegate and free the granules of list[0..count), those of the IPAs
 * from @ipa up: what RMI_RTT_DATA_UNMAP handed back, or what was never
 * mapped.  A block recorded at its IPA, whose granules are all in this
 * list in order, goes back by one range; anything else a range per entry.
 * Each entry's record is dropped.  Entries are never merged only because
 * they happen to follow each other in memory: the commands issued would
 * then depend on where the page allocator put the granules.
 */
static void cca_give_back(struct cca_realm *realm, unsigned long ipa,
			  const u64 *list, unsigned long count)
{
	unsigned long i = 0, j, nr, block;
	phys_addr_t pa;
	void *entry;

	while (i < count) {
		pa = RMI_ADDR_RANGE_ADDR(list[i]);
		nr = cca_desc_granules(list[i]);
		entry = xa_erase(&realm->blocks, ipa >> PAGE_SHIFT);
		block = entry ? 1UL << xa_to_value(entry) : 0;
		for (j = i + 1; j < count && nr < block &&
		     RMI_ADDR_RANGE_ADDR(list[j]) == pa + nr * PAGE_SIZE; j++)
			nr += cca_desc_granules(list[j]);
		if (nr != block) {
			/* Not the whole block: entry by entry. */
			nr = cca_desc_granules(list[i]);
			j = i + 1;
		}
		rmi_granules_undelegate_free(realm->mem, pa, nr);
		ipa += nr * PAGE_SIZE;
		i = j;
	}
}

/*
 * Map [base, base + n granules) to the delegated granules described by
 * list[0..n): one RMI_RTT_DATA_MAP, SINGLE for one granule, LIST else,
 * from the top it returned until done.  Granules not mapped on failure are
 * given back.
 */
static long cca_map_chunk(struct cca_realm *realm, unsigned long base,
			  u64 *list, phys_addr_t list_pa, unsigned long n)
{
	unsigned long top = base + n * PAGE_SIZE, cur = base, next, ret;
	unsigned long flags, oaddr, done;
	unsigned int tries;
	struct rmi_op_out out;
	struct rmi_op op;
	long err = 0;

	while (cur < top) {
		done = (cur - base) >> PAGE_SHIFT;
		if (n - done == 1) {
			flags = FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK,
					   RMI_ADDR_TYPE_SINGLE);
			oaddr = list[done];
		} else {
			flags = FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK,
					   RMI_ADDR_TYPE_LIST) |
				FIELD_PREP(RMI_RTT_PROT_MAP_FLAGS_LIST_COUNT_MASK,
					   n - done);
			oaddr = list_pa + done * sizeof(u64);
		}
		tries = 0;
		next = cur;
		do {
			ret = rmi_rtt_data_map(realm->rd, cur, top, flags, oaddr,
					       &next, &op);
		} while (rmi_retry(ret, &tries));
		err = rmi_op_complete(ret, &op, realm->mem, 0, &out);
		realm->held += out.net;
		if (err)
			break;
		if (RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE)
			next = out.top;
		if (next <= cur || next > top || !PAGE_ALIGNED(next)) {
			err = -EPROTO;
			break;
		}
		cur = next;
	}
	if (cur > base && cca_map_add(realm, base, cur)) {
		rmi_granule_leak(0, (cur - base) >> PAGE_SHIFT);
		err = err ?: -ENOMEM;
	}
	done = (cur - base) >> PAGE_SHIFT;
	cca_give_back(realm, cur, list + done, n - done);
	return err;
}

/*
 * Allocate and delegate the granules of [base, base + n granules) into
 * list[0..n), in blocks as large as the allocator gives (down to single
 * granules): one RMI_GRANULE_RANGE_DELEGATE a block where the RMM
 * delegates whole ranges.  Each block is recorded by the IPA it will be
 * mapped at, so that teardown can undelegate it by one command too.  On
 * failure nothing is held.
 */
static long cca_alloc_chunk(struct cca_realm *realm, unsigned long base,
			    u64 *list, unsigned long n)
{
	unsigned int order = ilog2(n);
	unsigned long i = 0, nr;
	phys_addr_t pa;
	long err = 0;

	while (i < n) {
		order = min_t(unsigned int, order, ilog2(n - i));
		pa = rmi_alloc_delegated(realm->mem, order, &err);
		if (!pa && err == -ENOMEM && order) {
			order--;
			continue;
		}
		if (!pa)
			break;
		nr = 1UL << order;
		/* Without the record, the block goes back granule by granule. */
		if (order)
			xa_store(&realm->blocks, (base >> PAGE_SHIFT) + i,
				 xa_mk_value(order), GFP_KERNEL);
		for (; nr; nr--, pa += PAGE_SIZE)
			list[i++] = rmi_range_desc(pa, 0, 1, RMI_OP_MEM_DELEGATED);
	}
	if (err)
		cca_give_back(realm, base, list, i);
	return err;
}

/**
 * cca_realm_map_ram() - map unmeasured RAM over an IPA range
 * @realm: a new or active Realm
 * @base: base of the range
 * @top: top of the range; the RTTs of the range must exist
 *
 * Allocates and delegates a granule for each page of the range, in blocks
 * of up to a list's worth where the allocator has them (each delegated by
 * one range command), and maps them with RMI_RTT_DATA_MAP, by address
 * lists of up to a granule of entries (a SINGLE descriptor for a lone
 * granule).  What was mapped stays mapped on failure, and is unmapped by
 * cca_realm_destroy().
 *
 * Return: 0; -EINVAL for a NULL or dead @realm or an empty, unaligned or
 * out-of-range range (no SMC issued); -ENOMEM; -EPROTO if the RMM made no
 * progress; or as rmi_op_complete().
 */
long cca_realm_map_ram(struct cca_realm *realm, unsigned long base,
		       unsigned long top)
{
	unsigned long n;
	phys_addr_t list_pa;
	u64 *list;
	long err = 0;

	if (!cca_realm_live(realm) || !cca_ipa_range_ok(realm, base, top))
		return -EINVAL;
	list_pa = rmi_alloc_granules(realm->mem, 0);
	if (!list_pa)
		return -ENOMEM;
	list = phys_to_virt(list_pa);

	while (!err && base < top) {
		n = min((top - base) >> PAGE_SHIFT, RMI_LIST_ENTRIES);
		err = cca_alloc_chunk(realm, base, list, n);
		if (err)
			break;
		err = cca_map_chunk(realm, base, list, list_pa, n);
		base += n * PAGE_SIZE;
	}
	realm->mem->free(realm->mem->priv, list_pa);
	return err;
}
EXPORT_SYMBOL_GPL(cca_realm_map_ram);

/*
 * Unmap [map->base, map->top) with RMI_RTT_DATA_UNMAP, listing the
 * granules in the Realm's scratch granule; they come back undelegated.
 * What the RMM refuses to unmap is leaked.
 */
long cca_realm_unmap(struct cca_realm *realm, struct cca_map *map)
{
	unsigned long cur = map->base, next, range, count, ret, flags;
	const struct rmi_mem_ops *mem = realm->mem;
	struct rmi_op_out out;
	phys_addr_t list_pa = realm->scratch;
	u64 *list = phys_to_virt(list_pa);
	unsigned int tries;
	struct rmi_op op;
	long err = 0;

	flags = FIELD_PREP(RMI_RTT_UNMAP_FLAGS_OADDR_TYPE_MASK, RMI_ADDR_TYPE_LIST) |
		FIELD_PREP(RMI_RTT_UNMAP_FLAGS_LIST_COUNT_MASK, RMI_LIST_ENTRIES);

	while (cur < map->top) {
		tries = 0;
		next = cur;
		count = 0;
		do {
			ret = rmi_rtt_data_unmap(realm->rd, cur, map->top, flags,
						 list_pa, &next, &range, &count,
						 &op);
		} while (rmi_retry(ret, &tries));
		err = rmi_op_complete(ret, &op, mem, 0, &out);
		realm->held += out.net;
		if (err)
			break;
		if (RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE) {
			next = out.top;
			count = out.count;
		}
		if (next <= cur || next > map->top || count > RMI_LIST_ENTRIES) {
			err = -EPROTO;
			break;
		}
		cca_give_back(realm, cur, list, count);
		cur = next;
	}
	if (cur < map->top)
		rmi_granule_leak(0, (map->top - cur) >> PAGE_SHIFT);
	list_del(&map->node);
	kfree(map);
	return err;
}
