// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: the engine of stateful operations (DEN0137 2.0).
 *
 * A command marked Incomplete may return RMI_INCOMPLETE with an operation
 * handle: the RMM then wants more calls before the command is done, as X0
 * says: RMI_OP_CONTINUE, RMI_OP_MEM_DONATE (memory it needs, described by a
 * donate request) or RMI_OP_MEM_RECLAIM (memory it gives back).
 * rmi_op_run_ctx() drives one operation to its end; on a failure it
 * cancels the operation when the RMM allows it.
 *
 * An operation the RMM does not let the host cancel, and one being
 * cancelled, must be carried to its end whatever happens: until then the
 * RMM holds one of its few operation contexts (TF-RMM: ten per CPU; once
 * they are all held, every stateful command returns RMI_BLOCKED) and the
 * object the command works on (TF-RMM keeps a REC granule PARTIAL, which
 * can be neither used nor undelegated).  So a donation to such an
 * operation that fails is tried again: after a pause when memory was
 * short, with other granules when the RMM refused the ones offered.  The
 * other steps carry nothing but the handle and the list granule: the RMM
 * would refuse them again.
 *
 * Nothing the RMM writes is trusted.  A donate request is decoded exactly
 * and capped (per request, per operation, and what the object may hold);
 * the list the RMM reads is built in a private copy first and acted on
 * from that copy; a reclaim list is copied out of the shared granule
 * before it is read, and each entry must name granules donated to the
 * same object, in the state they were donated in, each once.  Anything
 * else ends the step with -EPROTO, and what it leaves in doubt is leaked.
 */
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "rmi_lib.h"

/* Failed donations in a row to an operation that must end, at most. */
#define RMI_OP_STEP_RETRIES	8
/* First pause after a donation short of memory; doubled at each retry. */
#define RMI_OP_NOMEM_WAIT_MS	1

static atomic_long_t rmi_abandoned = ATOMIC_LONG_INIT(0);

/**
 * struct rmi_op_state - one operation being carried on
 * @ctx: what it is carried on for
 * @handle: its handle
 * @donate_req: the last donate request
 * @ret: X0 of the last command
 * @pending: X0 of the last command that returned RMI_INCOMPLETE
 * @list: the address list granule, Non-secure, shared with the RMM; NULL
 *	  until a donation or reclaim needs it
 * @list_pa: its PA
 * @list_owned: allocated here
 * @copy: the private copy of the list
 * @copy_owned: allocated here
 * @steps: commands issued so far
 * @donated: granules donated by this operation so far
 * @net: granules donated minus granules reclaimed
 * @ended: the step that failed ended the operation
 * @gave_up: the RMM's answer broke the protocol: the library neither
 *	     carries the operation on nor cancels it, and counts it given up
 */
struct rmi_op_state {
	struct rmi_op_ctx *ctx;
	unsigned long handle;
	unsigned long donate_req;
	unsigned long ret;
	unsigned long pending;
	u64 *list;
	phys_addr_t list_pa;
	bool list_owned;
	u64 *copy;
	bool copy_owned;
	unsigned int steps;
	unsigned long donated;
	long net;
	bool ended;
	bool gave_up;
};

static const struct rmi_mem_ops *rmi_op_mem(const struct rmi_op_state *s)
{
	return s->ctx->ledger->mem;
}

/* What a donation of @state is recorded as. */
static unsigned long rmi_op_rec(const struct rmi_op_state *s,
				unsigned int state)
{
	return rmi_ledger_rec(RMI_LEDGER_AUX, s->ctx->owner,
			      state == RMI_OP_MEM_UNDELEGATED);
}

/*
 * Give back @nr granules from @pa the RMM did not take: forget their
 * records, undelegate them first if they were delegated.
 */
static void rmi_op_release(struct rmi_op_state *s, phys_addr_t pa,
			   unsigned long nr, unsigned int state)
{
	unsigned long i;

	for (i = 0; i < nr; i++)
		xa_erase(&s->ctx->ledger->xa, PHYS_PFN(pa) + i);
	s->ctx->ledger->nr -= nr;
	if (state == RMI_OP_MEM_DELEGATED)
		rmi_granules_undelegate_free(rmi_op_mem(s), pa, nr);
	else
		rmi_free_granules(rmi_op_mem(s), pa, nr);
}

/* Granules the object may still be given by this operation. */
static unsigned long rmi_op_room(const struct rmi_op_state *s)
{
	long room = min_t(long, s->ctx->cap - *s->ctx->held,
			  RMI_DONATE_MAX_OP - (long)s->donated);

	return room > 0 ? min_t(long, room, RMI_DONATE_MAX_STEP) : 0;
}

/* Allocate, record, and delegate if asked, one block; 0 on failure. */
static phys_addr_t rmi_op_block(struct rmi_op_state *s, unsigned int order,
				unsigned int state, long *err)
{
	const struct rmi_mem_ops *mem = rmi_op_mem(s);
	unsigned long nr = 1UL << order;
	phys_addr_t pa;

	if (state == RMI_OP_MEM_DELEGATED) {
		pa = rmi_alloc_delegated(mem, order, err);
	} else {
		pa = rmi_alloc_granules(mem, order);
		*err = pa ? 0 : -ENOMEM;
	}
	if (!pa)
		return 0;
	/* Recorded before the RMM may take it: nothing to allocate after. */
	*err = rmi_ledger_add(s->ctx->ledger, pa, nr, rmi_op_rec(s, state),
			      GFP_KERNEL_ACCOUNT);
	if (*err) {
		if (state == RMI_OP_MEM_DELEGATED)
			rmi_granules_undelegate_free(mem, pa, nr);
		else
			rmi_free_granules(mem, pa, nr);
		return 0;
	}
	return pa;
}

/*
 * Describe 2^@order granules from @pa, blocks of size code @size, in as
 * few entries as COUNT allows, into s->copy from *@n on.
 */
static long rmi_op_describe(struct rmi_op_state *s, phys_addr_t pa,
			    unsigned int order, unsigned long size,
			    unsigned int state, unsigned long *n)
{
	unsigned long blocks = 1UL << (order - rmi_block_order(size));
	unsigned long per, shift = rmi_block_order(size) + PAGE_SHIFT;
	int err;

	while (blocks) {
		per = min_t(unsigned long, blocks, RMI_DESC_MAX_COUNT);
		if (*n >= RMI_LIST_ENTRIES)
			return -EPROTO;
		err = rmi_desc_encode(pa, size, per, state, &s->copy[(*n)++]);
		if (err)
			return err;
		pa += (phys_addr_t)per << shift;
		blocks -= per;
	}
	return 0;
}

/*
 * Allocate, and delegate if asked, what the donate request asks, and
 * describe it in s->copy[0..*nr_entries).  -EPROTO for a request no RMM
 * may make or the caps refuse; -ENOMEM when nothing could be found.
 */
static long rmi_op_fill(struct rmi_op_state *s, unsigned long *nr_entries)
{
	struct rmi_donate_req d;
	unsigned long i, n = 0, nr_blocks;
	unsigned int order;
	phys_addr_t pa;
	long err = 0;

	*nr_entries = 0;
	if (rmi_donate_decode(s->donate_req, rmi_op_room(s), &d)) {
		rmi_report_rmm("donate request %#lx invalid, or over %lu granules",
			       s->donate_req, rmi_op_room(s));
		return -EPROTO;
	}
	order = d.order;
	nr_blocks = d.count;
	if (d.contig) {
		order += ilog2(d.count);
		nr_blocks = 1;
	}
	/* No allocator gives more: the request cannot be met, ever. */
	if (order > MAX_PAGE_ORDER) {
		rmi_report_rmm("donate request %#lx: a block of order %u",
			       s->donate_req, order);
		return -EPROTO;
	}

	for (i = 0; i < nr_blocks && n < RMI_LIST_ENTRIES; i++) {
		pa = rmi_op_block(s, order, d.state, &err);
		if (!pa)
			break;
		err = rmi_op_describe(s, pa, order,
				      RMI_DONATE_SIZE(s->donate_req), d.state,
				      &n);
		if (err) {
			rmi_op_release(s, pa, 1UL << order, d.state);
			break;
		}
	}
	*nr_entries = n;
	/* Short of memory: donate what was found, the RMM asks again. */
	if (n && err == -ENOMEM)
		return 0;
	if (err) {
		/* Give back every block described so far. */
		for (i = 0; i < n; i++) {
			u64 bpa, nr;
			unsigned int st;

			if (!rmi_desc_decode(s->copy[i], &bpa, &nr, &st))
				rmi_op_release(s, bpa, nr, st);
		}
		*nr_entries = 0;
	}
	return err;
}

static long rmi_op_donate(struct rmi_op_state *s)
{
	unsigned long i, n, offered = 0, donated = 0, next = 0, ret, taken;
	unsigned int tries = 0, state;
	u64 pa, nr;
	long err;

	err = rmi_op_fill(s, &n);
	if (err)
		return err;

	for (i = 0; i < n; i++) {
		rmi_desc_decode(s->copy[i], &pa, &nr, &state);
		offered += nr;
	}
	memcpy(s->list, s->copy, n * sizeof(u64));
	do {
		ret = rmi_op_mem_donate(s->handle, s->list_pa, n, &donated,
					&next);
	} while (rmi_retry(ret, &tries));
	s->ret = ret;
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS &&
	    RMI_RETURN_STATUS(ret) != RMI_INCOMPLETE)
		donated = 0;
	if (donated > offered) {
		/* Which granules it took is unknown: leak them all. */
		rmi_report_rmm("OP_MEM_DONATE took %lu of %lu granules",
			       donated, offered);
		for (i = 0; i < n; i++) {
			rmi_desc_decode(s->copy[i], &pa, &nr, &state);
			rmi_ledger_leak(s->ctx->ledger, pa, nr);
		}
		s->gave_up = true;
		return -EPROTO;
	}

	/* The RMM took the first @donated granules of the list. */
	for (i = 0; i < n; i++) {
		rmi_desc_decode(s->copy[i], &pa, &nr, &state);
		taken = min_t(unsigned long, nr, donated);
		donated -= taken;
		s->net += taken;
		s->donated += taken;
		*s->ctx->held += taken;
		rmi_op_release(s, pa + taken * PAGE_SIZE, nr - taken, state);
	}
	if (RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE)
		s->donate_req = next;
	return rmi_result(ret) == RMI_INCOMPLETE ? 0 : rmi_result(ret);
}

/*
 * Check one reclaimed entry against the ledger and mark its granules
 * given back; false if it names anything not donated to this object in
 * that state, or named already.
 */
static bool rmi_op_take_back(struct rmi_op_state *s, u64 e, u64 *nr)
{
	unsigned long mask = RMI_LEDGER_KIND_MASK | RMI_LEDGER_OWNER_MASK;
	unsigned int state;
	u64 pa;

	if (rmi_desc_decode(e, &pa, nr, &state) || *nr > *s->ctx->held)
		return false;
	/* Donated Non-secure comes back Non-secure; delegated may not. */
	if (state == RMI_OP_MEM_UNDELEGATED)
		mask |= RMI_LEDGER_NS_MASK;
	if (!rmi_ledger_match(s->ctx->ledger, pa, *nr,
			      rmi_op_rec(s, state), mask))
		return false;
	rmi_ledger_give_back(s->ctx->ledger, pa, *nr,
			     state == RMI_OP_MEM_UNDELEGATED);
	*s->ctx->held -= *nr;
	s->net -= *nr;
	return true;
}

static long rmi_op_reclaim(struct rmi_op_state *s)
{
	unsigned long i, j, count = 0, ret;
	unsigned int tries = 0, state;
	u64 nr, pa;

	do {
		ret = rmi_op_mem_reclaim(s->handle, s->list_pa,
					 RMI_LIST_ENTRIES, &count);
	} while (rmi_retry(ret, &tries));
	s->ret = ret;
	/* Refused: nothing handed back, the operation still pending. */
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS &&
	    RMI_RETURN_STATUS(ret) != RMI_INCOMPLETE)
		return rmi_result(ret);
	if (count > RMI_LIST_ENTRIES) {
		rmi_report_rmm("OP_MEM_RECLAIM wrote %lu entries in a list of %lu",
			       count, RMI_LIST_ENTRIES);
		s->gave_up = true;
		return -EPROTO;
	}
	/* Read once, from a copy the RMM cannot change. */
	for (i = 0; i < count; i++)
		s->copy[i] = READ_ONCE(s->list[i]);

	for (i = 0; i < count; i++) {
		if (rmi_op_take_back(s, s->copy[i], &nr))
			continue;
		rmi_report_rmm("OP_MEM_RECLAIM entry %lu (%#llx) not donated here",
			       i, s->copy[i]);
		/* The whole list is in doubt: what it gave back too. */
		for (j = 0; j < i; j++) {
			rmi_desc_decode(s->copy[j], &pa, &nr, &state);
			rmi_ledger_leak(s->ctx->ledger, pa, nr);
		}
		s->gave_up = true;
		return -EPROTO;
	}
	rmi_ledger_sweep(s->ctx->ledger);
	return 0;
}

static long rmi_op_continue_step(struct rmi_op_state *s, struct rmi_op_out *out)
{
	unsigned int tries = 0;
	struct rmi_op next = { .handle = s->handle };
	unsigned long ret;

	do {
		ret = rmi_op_continue(s->handle, 0, &out->top, &out->range,
				      &out->count, &next);
	} while (rmi_retry(ret, &tries));
	s->ret = ret;
	if (RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE) {
		/*
		 * The handle names the operation until it ends: TF-RMM
		 * answers 0 in X1 when an operation turns to reclaiming,
		 * which is another operation's handle once two are pending.
		 */
		s->donate_req = next.donate_req;
		return 0;
	}
	/*
	 * Anything else but a busy RMM is the operation's end: its
	 * command's status.  A refusal (an unknown handle, or not the step
	 * the RMM waits for) would come again for the same call.
	 */
	s->ended = RMI_RETURN_STATUS(ret) != RMI_BUSY &&
		   RMI_RETURN_STATUS(ret) != RMI_BLOCKED;
	return rmi_result(ret);
}

/* The list granule and its private copy, allocated the first time. */
static long rmi_op_list(struct rmi_op_state *s)
{
	if (!s->copy) {
		s->copy = rmi_kmalloc(PAGE_SIZE);
		if (!s->copy)
			return -ENOMEM;
		s->copy_owned = true;
	}
	if (s->list)
		return 0;
	s->list_pa = rmi_alloc_granules(rmi_op_mem(s), 0);
	if (!s->list_pa)
		return -ENOMEM;
	s->list = phys_to_virt(s->list_pa);
	s->list_owned = true;
	return 0;
}

/*
 * One step of the operation, as the last X0 asks.  Returns 0 to go on
 * (s->ret says whether the operation is still incomplete), a positive RMI
 * status or a negative errno.
 */
static long rmi_op_step(struct rmi_op_state *s, struct rmi_op_out *out,
			bool cancelling)
{
	if (++s->steps > RMI_OP_MAX_STEPS)
		return -ETIMEDOUT;
	switch (RMI_RETURN_MEMREQ(s->ret)) {
	case RMI_OP_MEM_REQ_NONE:
		return rmi_op_continue_step(s, out);
	case RMI_OP_MEM_REQ_DONATE:
		/* A cancelled operation gives memory back, never takes more. */
		if (cancelling) {
			rmi_report_rmm("operation %#lx asks for memory while cancelled",
				       s->handle);
			return -EPROTO;
		}
		return rmi_op_list(s) ?: rmi_op_donate(s);
	case RMI_OP_MEM_REQ_RECLAIM:
		return rmi_op_list(s) ?: rmi_op_reclaim(s);
	default:
		rmi_report_rmm("operation %#lx: X0 %#lx asks for nothing known",
			       s->handle, s->ret);
		return -EPROTO;
	}
}

/*
 * Whether a failed step is tried again: a donation to an operation that
 * must end (@must), RMI_OP_STEP_RETRIES times in a row at most.  Memory
 * may be found later; granules the RMM refused were given back, others
 * are offered.  A protocol error is never retried: it would come again.
 */
static bool rmi_op_again(const struct rmi_op_state *s, long err, bool must,
			 unsigned int failures)
{
	if (!must || failures > RMI_OP_STEP_RETRIES || s->ended || s->gave_up)
		return false;
	if (err == -ENOMEM) {
		/* Give reclaim, and other users of the memory, a chance. */
		msleep(RMI_OP_NOMEM_WAIT_MS << (failures - 1));
		return true;
	}
	return err > 0 &&
	       RMI_RETURN_MEMREQ(s->pending) == RMI_OP_MEM_REQ_DONATE;
}

/*
 * Issue the steps the RMM asks for until it answers anything but
 * RMI_INCOMPLETE; s->ret is then its answer.  Returns 0, or the error of
 * the step that failed.
 */
static long rmi_op_run(struct rmi_op_state *s, struct rmi_op_out *out,
		       bool cancelling)
{
	unsigned int failures = 0;
	bool must;
	long err;

	while (RMI_RETURN_STATUS(s->ret) == RMI_INCOMPLETE) {
		s->pending = s->ret;
		must = cancelling || !RMI_RETURN_CAN_CANCEL(s->pending);
		err = rmi_op_step(s, out, cancelling);
		if (!err) {
			failures = 0;
			continue;
		}
		if (!rmi_op_again(s, err, must, ++failures))
			return err;
		/* The same step again: the RMM still wants it. */
		s->ret = s->pending;
	}
	return 0;
}

/*
 * Cancel the operation if the RMM allows it, and take back its memory.
 * Returns whether the operation ended.
 */
static bool rmi_op_cancel_all(struct rmi_op_state *s, struct rmi_op_out *out)
{
	struct rmi_op next = { .handle = s->handle };
	unsigned int tries = 0;
	unsigned long ret;

	/*
	 * A step refused by the RMM may leave the operation pending: cancel
	 * it if the last RMI_INCOMPLETE allowed it.
	 */
	if (!RMI_RETURN_CAN_CANCEL(s->pending))
		return false;
	do {
		ret = rmi_op_cancel(s->handle, &next);
	} while (rmi_retry(ret, &tries));
	s->ret = ret;
	if (RMI_RETURN_STATUS(ret) != RMI_INCOMPLETE)
		return RMI_RETURN_STATUS(ret) == RMI_SUCCESS;
	/* Ended, in success or not, unless a step was refused. */
	return !rmi_op_run(s, out, true) || (s->ended && !s->gave_up);
}

/* An operation the RMM may still hold: say so, ratelimited, and count it. */
static void rmi_op_abandon(const struct rmi_op_state *s, long err)
{
	atomic_long_inc(&rmi_abandoned);
	pr_warn_ratelimited("RMI: gave up operation %#lx after %u steps (error %ld): the RMM may keep it\n",
			    s->handle, s->steps, err);
}

/**
 * rmi_abandoned_ops() - operations the library stopped carrying on
 *
 * Each may still hold an operation context of the RMM, and the object its
 * command was about: a step the RMM refused (a donation
 * RMI_OP_STEP_RETRIES times in a row) or that asked for something invalid
 * or never ended, when the operation could not be cancelled.
 *
 * Context: any.
 * Return: the number of such operations since boot.
 */
unsigned long rmi_abandoned_ops(void)
{
	return atomic_long_read(&rmi_abandoned);
}
EXPORT_SYMBOL_GPL(rmi_abandoned_ops);

/**
 * rmi_op_run_ctx() - carry a stateful operation on to its end
 * @ret: X0 returned by the command that may have started an operation
 * @op: the operation the command filled in when @ret is RMI_INCOMPLETE
 * @ctx: the ledger and the owner the donations are for, and the lists
 * @out: if not NULL, receives the outputs of the RMI_OP_CONTINUE that
 *	 completed the operation, and the granules the RMM kept
 *
 * rmi_op_complete() with the donations recorded in @ctx->ledger for
 * @ctx->owner, at most @ctx->cap granules held by the owner, and reclaims
 * checked against those records.  Granules reclaimed go back to the host
 * before it returns.
 *
 * Context: process; may sleep.
 * Return: as rmi_op_complete().
 */
long rmi_op_run_ctx(unsigned long ret, const struct rmi_op *op,
		    struct rmi_op_ctx *ctx, struct rmi_op_out *out)
{
	struct rmi_op_out dummy;
	struct rmi_op_state s = {
		.ctx = ctx,
		.handle = op->handle,
		.donate_req = op->donate_req,
		.ret = ret,
		.pending = ret,
		.list_pa = ctx->list,
		.list = ctx->list ? phys_to_virt(ctx->list) : NULL,
		.copy = ctx->copy,
	};
	long err = 0;

	might_sleep();
	if (!out)
		out = &dummy;
	memset(out, 0, sizeof(*out));
	if (RMI_RETURN_STATUS(ret) != RMI_INCOMPLETE)
		return rmi_result(ret);

	err = rmi_op_run(&s, out, false);
	if (err)
		goto err_cancel;
	err = rmi_result(s.ret);
	if (err)
		goto err_leak;
	out->net = s.net;
	goto out;

err_cancel:
	if (s.gave_up || (!s.ended && !rmi_op_cancel_all(&s, out)))
		rmi_op_abandon(&s, err);
err_leak:
	/*
	 * What the RMM kept of an operation that did not complete stays
	 * recorded for the owner: given back when the object is destroyed,
	 * or leaked then.
	 */
	out->net = s.net;
out:
	if (s.list_owned)
		rmi_free_granules(ctx->ledger->mem, s.list_pa, 1);
	if (s.copy_owned)
		kfree(s.copy);
	return err;
}

/**
 * rmi_op_complete() - carry a stateful operation on to its end
 * @ret: X0 returned by the command that may have started an operation
 * @op: the operation the command filled in when @ret is RMI_INCOMPLETE
 * @mem: where granules to donate come from, and reclaimed ones go back to
 * @list: a Non-secure granule for address lists, or 0 to allocate one from
 *	  @mem when the operation donates or reclaims
 * @out: if not NULL, receives the outputs of the RMI_OP_CONTINUE that
 *	 completed the operation, and the granules the RMM kept
 *
 * If @ret is not RMI_INCOMPLETE, returns its status.  Otherwise issues
 * RMI_OP_CONTINUE, RMI_OP_MEM_DONATE and RMI_OP_MEM_RECLAIM as the RMM asks
 * until it reports anything but RMI_INCOMPLETE: donated granules come from
 * @mem and are delegated when the request says so; granules the RMM does
 * not take, or gives back, are undelegated (leaked if that fails) and
 * freed.  The donations are recorded for this call only: a reclaim must
 * name granules this same operation donated, so memory an object keeps
 * after the call can never be reclaimed through it (the library's own
 * callers keep the records with the object).  RMI_BUSY and RMI_BLOCKED
 * are retried a bounded number of times; the whole operation is bounded
 * to RMI_OP_MAX_STEPS commands and RMI_DONATE_MAX_OP donated granules.  On
 * a failure the operation is cancelled with RMI_OP_CANCEL if the RMM
 * allows it, and memory it gives back is taken back.  A donation to an
 * operation that cannot be cancelled is tried again when it fails, after
 * a pause if memory was short, and given up only after RMI_OP_STEP_RETRIES
 * failures in a row; an operation left pending is counted
 * (rmi_abandoned_ops()).  A failed RMI_OP_CONTINUE is the operation's end
 * and its status is returned.  Granules the RMM keeps for an operation
 * that did not complete are leaked (rmi_leaked_granules()).
 *
 * Context: process; may sleep.
 * Return: 0 when the command completed; a positive RMI status when the
 * command, or a step of the operation, failed in the RMM; -ENOMEM if
 * memory to donate could not be found; -EPROTO if the RMM asked for or
 * reported something invalid (the caps exceeded, a list naming granules
 * it was not given); -ETIMEDOUT if the operation did not end within
 * RMI_OP_MAX_STEPS commands.
 */
long rmi_op_complete(unsigned long ret, const struct rmi_op *op,
		     const struct rmi_mem_ops *mem, phys_addr_t list,
		     struct rmi_op_out *out)
{
	struct rmi_ledger ledger;
	long held = 0, err;
	struct rmi_op_ctx ctx = {
		.ledger = &ledger,
		.held = &held,
		.cap = RMI_DONATE_MAX_OP,
		.list = list,
	};

	rmi_ledger_init(&ledger, mem);
	err = rmi_op_run_ctx(ret, op, &ctx, out);
	/*
	 * What the RMM keeps is its own now: the records go, not the
	 * granules; after a failure they are leaked.
	 */
	if (err && held > 0)
		rmi_granule_leak(0, held);
	rmi_ledger_destroy(&ledger);
	return err;
}
EXPORT_SYMBOL_GPL(rmi_op_complete);
