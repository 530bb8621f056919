// SPDX-License-Identifier: GPL-2.0-only
/*
 * Calls to the RMI wrappers of the 2.0-bet3 series, with their argument
 * lists, built against the wrappers generated from
 * arch/arm64/tools/rmi-2.0-bet3.
 *
 * The queued series' include/linux/arm-rmi-cmds.h (kernel-patches/bpf
 * commit 24657f2ce53695e7f750c776cb007812a4d6dea3) holds no wrapper of a
 * command: only rmi_smccc_invoke(struct arm_smccc_1_2_regs *), its retry
 * loop on RMI_BUSY and RMI_BLOCKED, and rmi_feat_reg(), a cache in
 * drivers/firmware/arm_rmm/rmi.c.  Neither is ours to provide, on purpose:
 *  - our wrappers issue one call each, through rmi_cmds_call() (the hook a
 *    test double replaces), and leave the name rmi_smccc_invoke to the
 *    driver; retrying on RMI_BUSY and RMI_BLOCKED is the caller's policy,
 *    not a wrapper's;
 *  - rmi_feat_reg() is a library function, not a register wrapper.
 *
 * The command wrappers of that series are realm-specific and live beside
 * it (gwshan/linux include/linux/arm-rmi-cmds.h at 04f22f5151ff and its
 * bet3-era successor with rmi_rmm_deactivate() and rmi_gpt_info()).  Their
 * calls follow, with one deliberate difference: a command that may return
 * RMI_INCOMPLETE takes our struct rmi_op *op where those take a struct
 * rmi_sro_state *sro (or nothing, driving the operation inside the
 * wrapper).  Our wrappers issue one SMC and hand the operation back; the
 * loop that donates and reclaims memory belongs to the caller.
 *
 * In the upstream layout (RMI_COMPAT_UPSTREAM_LAYOUT, tests/compat/run.sh)
 * the wrappers of the commands the arm_rmm driver issues itself, under
 * functions of the same names (RMM_CONFIG_SET, the RMI_OP_* commands), are
 * not generated: those calls are left out, and upstream_names.c checks
 * that the driver's own functions of those names compile beside ours.
 *
 * Built by "make check" for that revision only, in both layouts.
 */
#include <asm/rmi_cmds.h>

#ifndef RMI_SPEC_REVISION_2_0_BET3
#error "this file checks the 2.0-bet3 header"
#endif

int rmi_queued_calls(unsigned long a, long level, unsigned long *o);

int rmi_queued_calls(unsigned long a, long level, unsigned long *o)
{
	struct rmi_op op;
	int ret = 0;

	ret |= rmi_version(a, &o[0], &o[1]);
	ret |= rmi_features(a, &o[0]);
#ifndef RMI_COMPAT_UPSTREAM_LAYOUT
	ret |= rmi_rmm_config_set(a);
#endif
	ret |= rmi_rmm_activate(&op);
	ret |= rmi_rmm_deactivate(&op);
	ret |= rmi_gpt_info(a, a, &o[0], &o[1], &op);
	ret |= rmi_rtt_data_map_init(a, a, a, a, a, &op);
	ret |= rmi_rtt_data_map(a, a, a, a, a, &o[0], &op);
	ret |= rmi_rtt_data_unmap(a, a, a, a, a, &o[0], &o[1], &o[2], &op);
	ret |= rmi_psci_complete(a, a);
	ret |= rmi_realm_activate(a);
	ret |= rmi_realm_create(a, a, &op);
	ret |= rmi_realm_terminate(a, &op);
	ret |= rmi_realm_destroy(a, &op);
	ret |= rmi_rec_create(a, a, a, &op);
	ret |= rmi_rec_destroy(a, &op);
	ret |= rmi_rec_enter(a, a);
	ret |= rmi_rtt_create(a, a, a, level, &op);
	ret |= rmi_rtt_destroy(a, a, level, &o[0], &o[1], &op);
	ret |= rmi_rtt_fold(a, a, level, &o[0], &op);
	ret |= rmi_rtt_init_ripas(a, a, a, &o[0], &op);
	ret |= rmi_rtt_unprot_map(a, a, a, a, a, &o[0], &op);
	ret |= rmi_rtt_set_ripas(a, a, a, a, &o[0], &op);
	ret |= rmi_rtt_unprot_unmap(a, a, a, a, a, &o[0], &o[1], &o[2], &op);

#ifndef RMI_COMPAT_UPSTREAM_LAYOUT
	/* The operation commands, as drivers/firmware/arm_rmm/rmi.c calls them */
	ret |= rmi_op_continue(op.handle, RMI_CONTINUE_KEEP_GOING, &o[0], &o[1], &o[2], &op);
	ret |= rmi_op_mem_donate(op.handle, a, a, 0, &o[0], &o[1]);
	ret |= rmi_op_mem_reclaim(op.handle, a, a, &o[0]);
	ret |= rmi_op_cancel(op.handle, &op);
#endif

	return ret;
}
