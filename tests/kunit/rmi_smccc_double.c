// SPDX-License-Identifier: GPL-2.0-only
/*
 * A test double of the SMCCC calls the RMI wrappers make: see
 * rmi_smccc_double.h.
 */
#include <linux/bug.h>
#include <linux/stdarg.h>
#include <linux/string.h>

#include "rmi_smccc_double.h"

static struct rmi_double *rmi_double_current;

/**
 * rmi_double_install() - route the wrappers' SMCCC calls to a double
 * @d: the double; its @handler answers every call until rmi_double_remove()
 */
void rmi_double_install(struct rmi_double *d)
{
	memset(&d->last, 0, sizeof(d->last));
	d->nr_calls = 0;
	rmi_double_current = d;
}

/**
 * rmi_double_remove() - stop routing calls to the installed double
 */
void rmi_double_remove(void)
{
	rmi_double_current = NULL;
}

static void rmi_double_call(struct rmi_double_call *call, unsigned long *res)
{
	struct rmi_double *d = rmi_double_current;

	memset(res, 0, RMI_DOUBLE_NR_REGS * sizeof(*res));
	/* No double installed: answer as an absent SMCCC conduit does. */
	if (WARN_ON_ONCE(!d)) {
		res[0] = SMCCC_RET_NOT_SUPPORTED;
		return;
	}
	d->last = *call;
	d->nr_calls++;
	if (d->handler)
		d->handler(d, call, res);
}

/**
 * rmi_double_invoke() - the double of arm_smccc_1_1_invoke()
 * @nr_args: number of arguments after @fid: the input registers, then the
 *	     struct arm_smccc_res pointer
 * @fid: function ID, for X0
 *
 * Records X0 and the inputs and fills the result from X0..X3 of the answer.
 */
void rmi_double_invoke(unsigned int nr_args, unsigned long fid, ...)
{
	unsigned long res[RMI_DOUBLE_NR_REGS];
	struct rmi_double_call call = { };
	struct arm_smccc_res *out;
	unsigned int i;
	va_list ap;

	call.regs[0] = fid;
	call.nr_regs = nr_args;
	va_start(ap, fid);
	for (i = 1; i < nr_args; i++) {
		unsigned long v = va_arg(ap, unsigned long);

		if (i < RMI_DOUBLE_NR_REGS)
			call.regs[i] = v;
	}
	out = va_arg(ap, struct arm_smccc_res *);
	va_end(ap);

	rmi_double_call(&call, res);
	out->a0 = res[0];
	out->a1 = res[1];
	out->a2 = res[2];
	out->a3 = res[3];
}

/**
 * rmi_double_invoke_1_2() - the double of rmi_cmds_invoke_1_2()
 * @args: X0..X17 in
 * @res: X0..X17 out; may be @args
 */
void rmi_double_invoke_1_2(const struct arm_smccc_1_2_regs *args,
			   struct arm_smccc_1_2_regs *res)
{
	unsigned long out[RMI_DOUBLE_NR_REGS];
	struct rmi_double_call call = { };

	static_assert(sizeof(*args) == sizeof(call.regs));
	memcpy(call.regs, args, sizeof(call.regs));
	call.nr_regs = RMI_DOUBLE_NR_REGS;
	call.smccc_1_2 = true;

	rmi_double_call(&call, out);
	memcpy(res, out, sizeof(out));
}
