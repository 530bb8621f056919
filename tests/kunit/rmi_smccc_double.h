/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A test double of the SMCCC calls the RMI wrappers make.
 *
 * <asm/rmi_cmds.h> issues every call through rmi_cmds_call() and
 * rmi_cmds_call_1_2(), which default to the SMCCC 1.1 and 1.2 calls.  A
 * test defines RMI_SMCCC_DOUBLE before including it, and they come here: the
 * call is recorded (X0..X17 and how many registers were passed) and answered
 * by the handler of the double in use, a fixed pattern for the packing tests
 * or a model of the RMM for the library tests.  Production builds never see
 * this file.
 */
#ifndef __RMI_SMCCC_DOUBLE_H
#define __RMI_SMCCC_DOUBLE_H

#include <linux/arm-smccc.h>
#include <linux/args.h>
#include <linux/types.h>

#define RMI_DOUBLE_NR_REGS	18

/**
 * struct rmi_double_call - one SMCCC call, as the caller made it
 * @regs: X0 (function ID) to X17; registers not passed are 0
 * @nr_regs: number of registers passed, X0 included; all 18 for SMCCC 1.2
 * @smccc_1_2: made through the SMCCC 1.2 interface (arm_smccc_1_2_regs)
 */
struct rmi_double_call {
	unsigned long regs[RMI_DOUBLE_NR_REGS];
	unsigned int nr_regs;
	bool smccc_1_2;
};

/**
 * struct rmi_double - an SMCCC test double
 * @handler: answers a call: fills @res (X0..X17) from @call
 * @priv: for @handler
 * @last: the last call made
 * @nr_calls: number of calls made since rmi_double_install()
 */
struct rmi_double {
	void (*handler)(struct rmi_double *d, const struct rmi_double_call *call,
			unsigned long *res);
	void *priv;
	struct rmi_double_call last;
	unsigned long nr_calls;
};

void rmi_double_install(struct rmi_double *d);
void rmi_double_remove(void);
void rmi_double_invoke(unsigned int nr_args, unsigned long fid, ...);
void rmi_double_invoke_1_2(const struct arm_smccc_1_2_regs *args,
			   struct arm_smccc_1_2_regs *res);

#ifdef RMI_SMCCC_DOUBLE
/*
 * COUNT_ARGS() counts the input registers and the result pointer that
 * arm_smccc_1_1_invoke() takes last.
 */
#define rmi_cmds_call(fid, ...)						\
	rmi_double_invoke(COUNT_ARGS(__VA_ARGS__), (unsigned long)(fid),	\
			  __VA_ARGS__)
#define rmi_cmds_call_1_2(args, res)	rmi_double_invoke_1_2(args, res)
#endif

#endif /* __RMI_SMCCC_DOUBLE_H */
