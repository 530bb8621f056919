// SPDX-License-Identifier: GPL-2.0-only
/*
 * Calls of the KVM CCA series v14 (2.0-bet1) to its <asm/rmi_cmds.h>
 * wrappers, with the argument lists of that header ("[PATCH v14 05/44]
 * arm64: RMI: Add wrappers for RMI calls"): they must build unchanged
 * against the wrappers generated from arch/arm64/tools/rmi-2.0-bet1.
 *
 * Except in one way, on purpose: the commands that may return RMI_INCOMPLETE
 * (Incomplete in the description) take one more argument, the struct rmi_op
 * that receives the operation's handle and memory request.  v14's wrappers
 * return X0 alone, so an operation they start can never be carried on (v14
 * leaves RMI_INCOMPLETE as a FIXME); a v14 caller that wants that behaviour
 * passes NULL.  The calls below pass &op for those commands.
 *
 * Not here: v14's rmi_rec_create(rd, rec, params, sro) and
 * rmi_rec_destroy(rec, sro), which drive a stateful operation with an
 * allocation context; that belongs to the RMI library, not to the wrappers,
 * which take the spec's registers only.
 *
 * Built by "make check" for that revision only.
 */
#include <asm/rmi_cmds.h>

#ifndef RMI_SPEC_REVISION_2_0_BET1
#error "this file checks the 2.0-bet1 header"
#endif

int rmi_v14_calls(unsigned long a, long level, unsigned long *o);

int rmi_v14_calls(unsigned long a, long level, unsigned long *o)
{
	struct rmi_op op;
	int ret = 0;

	ret |= rmi_rmm_config_set(a);
	ret |= rmi_rmm_activate(&op);
	ret |= rmi_granule_tracking_get(a, a, &o[0], &o[1], &o[2]);
	ret |= rmi_gpt_l1_create(a, &op);
	ret |= rmi_rtt_data_map_init(a, a, a, a, a, &op);
	ret |= rmi_rtt_data_map(a, a, a, a, a, &o[0], &op);
	ret |= rmi_rtt_data_unmap(a, a, a, a, a, &o[0], &o[1], &o[2], &op);
	ret |= rmi_features(a, &o[0]);
	ret |= rmi_granule_range_delegate(a, a, &o[0]);
	ret |= rmi_granule_range_undelegate(a, a, &o[0]);
	ret |= rmi_psci_complete(a, a, a);
	ret |= rmi_realm_activate(a);
	ret |= rmi_realm_create(a, a, &op);
	ret |= rmi_realm_terminate(a, &op);
	ret |= rmi_realm_destroy(a, &op);
	ret |= rmi_rec_enter(a, a);
	ret |= rmi_rtt_create(a, a, a, level);
	ret |= rmi_rtt_destroy(a, a, level, &o[0], &o[1]);
	ret |= rmi_rtt_fold(a, a, level, &o[0]);
	ret |= rmi_rtt_init_ripas(a, a, a, &o[0]);
	ret |= rmi_rtt_unprot_map(a, a, a, a, a, &o[0], &op);
	ret |= rmi_rtt_set_ripas(a, a, a, a, &o[0]);
	ret |= rmi_rtt_unprot_unmap(a, a, a, a, a, &o[0], &o[1], &o[2], &op);

	return ret;
}
