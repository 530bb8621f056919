// SPDX-License-Identifier: GPL-2.0-only
/*
 * Calls of the KVM CCA series v12 (1.0-rel0) to its <asm/rmi_cmds.h>
 * wrappers, with the argument lists of that header ("[PATCH v12 04/46]
 * arm64: RMI: Add wrappers for RMI calls"): they must build unchanged
 * against the wrappers generated from arch/arm64/tools/rmi-1.0-rel0.
 *
 * Not here: v12's rmi_rtt_read_entry(rd, ipa, level, struct rtt_entry *),
 * which gathers the four results in a Linux structure; the generated
 * wrapper returns them through four pointers, one per result register.
 *
 * Built by "make check" for that revision only.
 */
#include <asm/rmi_cmds.h>

#ifndef RMI_SPEC_REVISION_1_0_REL0
#error "this file checks the 1.0-rel0 header"
#endif

int rmi_v12_calls(unsigned long a, long level, unsigned long *o);

int rmi_v12_calls(unsigned long a, long level, unsigned long *o)
{
	int ret = 0;

	ret |= rmi_data_create(a, a, a, a, a);
	ret |= rmi_data_create_unknown(a, a, a);
	ret |= rmi_data_destroy(a, a, &o[0], &o[1]);
	ret |= rmi_features(a, &o[0]);
	ret |= rmi_granule_delegate(a);
	ret |= rmi_granule_undelegate(a);
	ret |= rmi_psci_complete(a, a, a);
	ret |= rmi_realm_activate(a);
	ret |= rmi_realm_create(a, a);
	ret |= rmi_realm_destroy(a);
	ret |= rmi_rec_aux_count(a, &o[0]);
	ret |= rmi_rec_create(a, a, a);
	ret |= rmi_rec_destroy(a);
	ret |= rmi_rec_enter(a, a);
	ret |= rmi_rtt_create(a, a, a, level);
	ret |= rmi_rtt_destroy(a, a, level, &o[0], &o[1]);
	ret |= rmi_rtt_fold(a, a, level, &o[0]);
	ret |= rmi_rtt_init_ripas(a, a, a, &o[0]);
	ret |= rmi_rtt_map_unprotected(a, a, level, a);
	ret |= rmi_rtt_set_ripas(a, a, a, a, &o[0]);
	ret |= rmi_rtt_unmap_unprotected(a, a, level, &o[0]);

	return ret;
}
