// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: the engine of stateful operations (DEN0137 2.0).
 *
 * A command marked Incomplete may return RMI_INCOMPLETE with an operation
 * handle: the RMM then wants more calls before the command is done, as X0
 * says: RMI_OP_CONTINUE, RMI_OP_MEM_DONATE (memory it needs, described by a
 * donate request) or RMI_OP_MEM_RECLAIM (memory it gives back).
 * rmi_op_complete() drives one operation to its end; on a failure it
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
 */
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/log2.h>
#include <linux/mm.h>

#include "rmi_lib.h"

/* Failed donations in a row to an operation that must end, at most. */
#define RMI_OP_STEP_RETRIES	8
/* First pause after a donation short of memory; doubled at each retry. */
#define RMI_OP_NOMEM_WAIT_MS	1

static atomic_long_t rmi_abandoned = ATOMIC_LONG_INIT(0);

/**
 * struct rmi_op_state - one operation being carried on
 * @handle: its handle
 * @donate_req: the last donate request
 * @ret: X0 of the last command
 * @pending: X0 of the last command that returned RMI_INCOMPLETE
 * @mem: where donated granules come from
 * @list: an address list granule, Non-secure, shared with the RMM; NULL
 *	  until a donation or reclaim needs it
 * @list_pa: its PA
 * @list_owned: allocated here, from @mem
 * @steps: commands issued so far
 * @net: granules donated minus granules reclaimed
 * @ended: the step that failed ended the operation
 */
struct rmi_op_state {
	unsigned long handle;
	unsigned long donate_req;
	unsigned long ret;
	unsigned long pending;
	const struct rmi_mem_ops *mem;
	u64 *list;
	phys_addr_t list_pa;
	bool list_owned;
	unsigned int steps;
	long net;
	bool ended;
};

/*
 * Give back @nr granules from @pa the RMM did not take, or gave back:
 * undelegated first if @state says they are delegated.
 */
static void rmi_op_release(struct rmi_op_state *s, phys_addr_t pa,
			   unsigned long nr, unsigned long state)
{
	if (state == RMI_OP_MEM_DELEGATED)
		rmi_granules_undelegate_free(s->mem, pa, nr);
	else
		rmi_free_granules(s->mem, pa, nr);
}

/* Allocate, and delegate if asked, the blocks of a donate request. */
static long rmi_op_fill(struct rmi_op_state *s, unsigned long *nr_entries)
{
	unsigned long req = s->donate_req, size = RMI_DONATE_SIZE(req);
	unsigned long count = RMI_DONATE_COUNT(req);
	unsigned long state = RMI_DONATE_STATE(req);
	unsigned int order = rmi_block_order(size);
	unsigned long n = 1, per = count, i;
	phys_addr_t pa;
	long err = 0;

	if (!count)
		return -EPROTO;
	if (!RMI_DONATE_CONTIG(req)) {
		n = min(count, RMI_LIST_ENTRIES);
		per = 1;
	} else {
		/* The RMM asks for power-of-two contiguous blocks only. */
		if (!is_power_of_2(count))
			return -EPROTO;
		order += ilog2(count);
	}
	if (order > MAX_PAGE_ORDER)
		return -ENOMEM;

	for (i = 0; i < n; i++) {
		if (state == RMI_OP_MEM_DELEGATED) {
			pa = rmi_alloc_delegated(s->mem, order, &err);
		} else {
			pa = rmi_alloc_granules(s->mem, order);
			err = pa ? 0 : -ENOMEM;
		}
		if (!pa)
			break;
		s->list[i] = rmi_range_desc(pa, size, per, state);
	}
	*nr_entries = i;
	/* Short of memory: donate what was found, the RMM asks again. */
	if (i && err == -ENOMEM)
		return 0;
	if (err) {
		/* The RMM refused a delegation: give everything back. */
		while (i--)
			rmi_op_release(s, RMI_ADDR_RANGE_ADDR(s->list[i]),
				       per << rmi_block_order(size), state);
		*nr_entries = 0;
	}
	return err;
}

static long rmi_op_donate(struct rmi_op_state *s)
{
	unsigned long i, n, left, donated = 0, next = 0, ret;
	unsigned int tries = 0;
	long err;

	err = rmi_op_fill(s, &n);
	if (err)
		return err;

	do {
		ret = rmi_op_mem_donate(s->handle, virt_to_phys(s->list), n,
					&donated, &next);
	} while (rmi_retry(ret, &tries));
	s->ret = ret;
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS &&
	    RMI_RETURN_STATUS(ret) != RMI_INCOMPLETE)
		donated = 0;

	/* The RMM took the first @donated granules of the list. */
	for (i = 0; i < n; i++) {
		u64 e = s->list[i];
		unsigned long nr = RMI_ADDR_RANGE_COUNT(e) <<
				   rmi_block_order(RMI_ADDR_RANGE_SIZE(e));
		unsigned long taken = min(nr, donated);

		donated -= taken;
		s->net += taken;
		left = nr - taken;
		rmi_op_release(s, RMI_ADDR_RANGE_ADDR(e) + taken * PAGE_SIZE,
			       left, RMI_ADDR_RANGE_STATE(e));
	}
	if (WARN_ON_ONCE(donated))
		return -EPROTO;
	if (RMI_RETURN_STATUS(ret) == RMI_INCOMPLETE)
		s->donate_req = next;
	return rmi_result(ret) == RMI_INCOMPLETE ? 0 : rmi_result(ret);
}

static long rmi_op_reclaim(struct rmi_op_state *s)
{
	unsigned long i, count = 0, ret;
	unsigned int tries = 0;

	do {
		ret = rmi_op_mem_reclaim(s->handle, virt_to_phys(s->list),
					 RMI_LIST_ENTRIES, &count);
	} while (rmi_retry(ret, &tries));
	s->ret = ret;
	/* Refused: nothing handed back, the operation still pending. */
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS &&
	    RMI_RETURN_STATUS(ret) != RMI_INCOMPLETE)
		return rmi_result(ret);
	if (WARN_ON_ONCE(count > RMI_LIST_ENTRIES))
		count = RMI_LIST_ENTRIES;

	for (i = 0; i < count; i++) {
		u64 e = s->list[i];
		unsigned long nr = RMI_ADDR_RANGE_COUNT(e) <<
				   rmi_block_order(RMI_ADDR_RANGE_SIZE(e));

		s->net -= nr;
		rmi_op_release(s, RMI_ADDR_RANGE_ADDR(e), nr,
			       RMI_ADDR_RANGE_STATE(e));
	}
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

/* The address list granule, allocated the first time it is needed. */
static long rmi_op_list(struct rmi_op_state *s)
{
	if (s->list)
		return 0;
	s->list_pa = rmi_alloc_granules(s->mem, 0);
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
		if (cancelling)
			return -EPROTO;
		return rmi_op_list(s) ?: rmi_op_donate(s);
	case RMI_OP_MEM_REQ_RECLAIM:
		return rmi_op_list(s) ?: rmi_op_reclaim(s);
	default:
		return -EPROTO;
	}
}

/*
 * Whether a failed step is tried again: a donation to an operation that
 * must end (@must), RMI_OP_STEP_RETRIES times in a row at most.  Memory
 * may be found later; granules the RMM refused were given back, others
 * are offered.
 */
static bool rmi_op_again(const struct rmi_op_state *s, long err, bool must,
			 unsigned int failures)
{
	if (!must || failures > RMI_OP_STEP_RETRIES || s->ended)
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
	return !rmi_op_run(s, out, true) || s->ended;
}

/* An operation the RMM may still hold: say so once, and count it. */
static void rmi_op_abandon(const struct rmi_op_state *s, long err)
{
	atomic_long_inc(&rmi_abandoned);
	pr_warn_once("RMI: gave up operation %#lx after %u steps (error %ld): the RMM may keep it\n",
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
 * Return: the number of such operations since boot.
 */
unsigned long rmi_abandoned_ops(void)
{
	return atomic_long_read(&rmi_abandoned);
}
EXPORT_SYMBOL_GPL(rmi_abandoned_ops);

/**
 * rmi_op_complete() - carry a stateful operation on to its end
 * @ret: X0 returned by the command that may have started an operation
 * @op: the operation the command filled in when @ret is RMI_INCOMPLETE
 * @mem: where granules to donate come from, and reclaimed ones go back to
 * @list: a Non-secure granule for address lists, or 0 to allocate one from
 *	  @mem when the operation donates or reclaims (teardown passes one,
 *	  so that it never fails for want of memory)
 * @out: if not NULL, receives the outputs of the RMI_OP_CONTINUE that
 *	 completed the operation, and the granules the RMM kept
 *
 * If @ret is not RMI_INCOMPLETE, returns its status.  Otherwise issues
 * RMI_OP_CONTINUE, RMI_OP_MEM_DONATE and RMI_OP_MEM_RECLAIM as the RMM asks
 * until it reports anything but RMI_INCOMPLETE: donated granules come from
 * @mem and are delegated when the request says so; granules the RMM does
 * not take, or gives back, are undelegated (leaked if that fails) and
 * freed.  RMI_BUSY and RMI_BLOCKED are retried a bounded number of times;
 * the whole operation is bounded to RMI_OP_MAX_STEPS commands.  On a
 * failure the operation is cancelled with RMI_OP_CANCEL if the RMM allows
 * it, and memory it gives back is taken back.  A donation to an operation
 * that cannot be cancelled is tried again when it fails, after a pause if
 * memory was short, and given up only after RMI_OP_STEP_RETRIES failures
 * in a row; an operation left pending is counted (rmi_abandoned_ops()).
 * A failed RMI_OP_CONTINUE is the operation's end and its status is
 * returned.  Granules the RMM keeps for an operation that did not
 * complete are leaked (rmi_leaked_granules()).  May sleep.
 *
 * Return: 0 when the command completed; a positive RMI status when the
 * command, or a step of the operation, failed in the RMM; -ENOMEM if
 * memory to donate could not be found; -EPROTO if the RMM asked for
 * something invalid; -ETIMEDOUT if the operation did not end within
 * RMI_OP_MAX_STEPS commands.
 */
long rmi_op_complete(unsigned long ret, const struct rmi_op *op,
		     const struct rmi_mem_ops *mem, phys_addr_t list,
		     struct rmi_op_out *out)
{
	struct rmi_op_out dummy;
	struct rmi_op_state s = {
		.handle = op->handle,
		.donate_req = op->donate_req,
		.ret = ret,
		.pending = ret,
		.mem = mem,
		.list_pa = list,
		.list = list ? phys_to_virt(list) : NULL,
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
	if (!s.ended && !rmi_op_cancel_all(&s, out))
		rmi_op_abandon(&s, err);
err_leak:
	/* What the RMM holds for an operation that did not complete. */
	if (s.net > 0)
		rmi_granule_leak(0, s.net);
	out->net = min(s.net, 0L);
out:
	if (s.list_owned)
		mem->free(mem->priv, s.list_pa);
	return err;
}
EXPORT_SYMBOL_GPL(rmi_op_complete);
