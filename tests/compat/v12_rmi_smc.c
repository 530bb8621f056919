// SPDX-License-Identifier: GPL-2.0-only
/*
 * The identifiers of the KVM CCA series v12 (2025-12-17, RMM spec 1.0-rel0) <asm/rmi_smc.h>,
 * typed from the posted patch ("arm64: RMI: Add SMC definitions for calling the RMM"),
 * with their values: code written against that header must build unchanged
 * against the header generated from arch/arm64/tools/rmi-1.0-rel0.
 *
 * Built by "make check" for that revision only.
 */
#include <linux/build_bug.h>
#include <linux/sizes.h>
#include <linux/stddef.h>

#include <asm/page.h>
#include <asm/rmi_smc.h>

#ifndef RMI_SPEC_REVISION_1_0_REL0
#error "this file checks the 1.0-rel0 header"
#endif

static_assert(SMC_RMI_VERSION == 0xc4000150U);
static_assert(SMC_RMI_GRANULE_DELEGATE == 0xc4000151U);
static_assert(SMC_RMI_GRANULE_UNDELEGATE == 0xc4000152U);
static_assert(SMC_RMI_DATA_CREATE == 0xc4000153U);
static_assert(SMC_RMI_DATA_CREATE_UNKNOWN == 0xc4000154U);
static_assert(SMC_RMI_DATA_DESTROY == 0xc4000155U);
static_assert(SMC_RMI_REALM_ACTIVATE == 0xc4000157U);
static_assert(SMC_RMI_REALM_CREATE == 0xc4000158U);
static_assert(SMC_RMI_REALM_DESTROY == 0xc4000159U);
static_assert(SMC_RMI_REC_CREATE == 0xc400015aU);
static_assert(SMC_RMI_REC_DESTROY == 0xc400015bU);
static_assert(SMC_RMI_REC_ENTER == 0xc400015cU);
static_assert(SMC_RMI_RTT_CREATE == 0xc400015dU);
static_assert(SMC_RMI_RTT_DESTROY == 0xc400015eU);
static_assert(SMC_RMI_RTT_MAP_UNPROTECTED == 0xc400015fU);
static_assert(SMC_RMI_RTT_READ_ENTRY == 0xc4000161U);
static_assert(SMC_RMI_RTT_UNMAP_UNPROTECTED == 0xc4000162U);
static_assert(SMC_RMI_PSCI_COMPLETE == 0xc4000164U);
static_assert(SMC_RMI_FEATURES == 0xc4000165U);
static_assert(SMC_RMI_RTT_FOLD == 0xc4000166U);
static_assert(SMC_RMI_REC_AUX_COUNT == 0xc4000167U);
static_assert(SMC_RMI_RTT_INIT_RIPAS == 0xc4000168U);
static_assert(SMC_RMI_RTT_SET_RIPAS == 0xc4000169U);
static_assert(RMI_ABI_MAJOR_VERSION == 1);
static_assert(RMI_ABI_MINOR_VERSION == 0);
#ifndef RMI_ABI_VERSION_GET_MAJOR
#error "RMI_ABI_VERSION_GET_MAJOR is missing"
#endif
#ifndef RMI_ABI_VERSION_GET_MINOR
#error "RMI_ABI_VERSION_GET_MINOR is missing"
#endif
#ifndef RMI_ABI_VERSION
#error "RMI_ABI_VERSION is missing"
#endif
static_assert(RMI_UNASSIGNED == 0);
static_assert(RMI_ASSIGNED == 1);
static_assert(RMI_TABLE == 2);
#ifndef RMI_RETURN_STATUS
#error "RMI_RETURN_STATUS is missing"
#endif
#ifndef RMI_RETURN_INDEX
#error "RMI_RETURN_INDEX is missing"
#endif
static_assert(RMI_SUCCESS == 0);
static_assert(RMI_ERROR_INPUT == 1);
static_assert(RMI_ERROR_REALM == 2);
static_assert(RMI_ERROR_REC == 3);
static_assert(RMI_ERROR_RTT == 4);
static_assert(RMI_NO_MEASURE_CONTENT == 0);
static_assert(RMI_MEASURE_CONTENT == 1);
static_assert(RMI_FEATURE_REGISTER_0_S2SZ == 0xff);
static_assert(RMI_FEATURE_REGISTER_0_LPA2 == 0x100);
static_assert(RMI_FEATURE_REGISTER_0_SVE_EN == 0x200);
static_assert(RMI_FEATURE_REGISTER_0_SVE_VL == 0x3c00);
static_assert(RMI_FEATURE_REGISTER_0_NUM_BPS == 0xfc000);
static_assert(RMI_FEATURE_REGISTER_0_NUM_WPS == 0x3f00000);
static_assert(RMI_FEATURE_REGISTER_0_PMU_EN == 0x4000000);
static_assert(RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS == 0xf8000000U);
static_assert(RMI_FEATURE_REGISTER_0_HASH_SHA_256 == 0x100000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_HASH_SHA_512 == 0x200000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_GICV3_NUM_LRS == 0x3c00000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_MAX_RECS_ORDER == 0x3c000000000ULL);
/* v12 RMI_FEATURE_REGISTER_0_Reserved is RMI_FEATURE_REGISTER_0_RES0 here. */
static_assert(RMI_FEATURE_REGISTER_0_RES0 == 0xfffffc0000000000ULL);
static_assert(RMI_REALM_PARAM_FLAG_LPA2 == 0x1);
static_assert(RMI_REALM_PARAM_FLAG_SVE == 0x2);
static_assert(RMI_REALM_PARAM_FLAG_PMU == 0x4);
static_assert(REC_CREATE_NR_GPRS == 8);
static_assert(REC_PARAMS_FLAG_RUNNABLE == 0x1);
static_assert(REC_PARAMS_AUX_GRANULES == 0x10);
static_assert(REC_ENTER_FLAG_EMULATED_MMIO == 0x1);
static_assert(REC_ENTER_FLAG_INJECT_SEA == 0x2);
static_assert(REC_ENTER_FLAG_TRAP_WFI == 0x4);
static_assert(REC_ENTER_FLAG_TRAP_WFE == 0x8);
static_assert(REC_ENTER_FLAG_RIPAS_RESPONSE == 0x10);
static_assert(REC_RUN_GPRS == 0x1f);
static_assert(REC_MAX_GIC_NUM_LRS == 16);
/* Not here: RMI_PERMITTED_GICV3_HCR_BITS, Linux policy (see the description). */
static_assert(RMI_EXIT_SYNC == 0);
static_assert(RMI_EXIT_IRQ == 1);
static_assert(RMI_EXIT_FIQ == 2);
static_assert(RMI_EXIT_PSCI == 3);
static_assert(RMI_EXIT_RIPAS_CHANGE == 4);
static_assert(RMI_EXIT_HOST_CALL == 5);
static_assert(RMI_EXIT_SERROR == 6);

static_assert(offsetof(struct realm_params, flags) == 0x0);
static_assert(offsetof(struct realm_params, s2sz) == 0x8);
static_assert(offsetof(struct realm_params, sve_vl) == 0x10);
static_assert(offsetof(struct realm_params, num_bps) == 0x18);
static_assert(offsetof(struct realm_params, num_wps) == 0x20);
static_assert(offsetof(struct realm_params, pmu_num_ctrs) == 0x28);
static_assert(offsetof(struct realm_params, hash_algo) == 0x30);
static_assert(offsetof(struct realm_params, rpv) == 0x400);
static_assert(offsetof(struct realm_params, vmid) == 0x800);
static_assert(offsetof(struct realm_params, rtt_base) == 0x808);
static_assert(offsetof(struct realm_params, rtt_level_start) == 0x810);
static_assert(offsetof(struct realm_params, rtt_num_start) == 0x818);
static_assert(offsetof(struct rec_params, flags) == 0x0);
static_assert(offsetof(struct rec_params, mpidr) == 0x100);
static_assert(offsetof(struct rec_params, pc) == 0x200);
static_assert(offsetof(struct rec_params, gprs) == 0x300);
static_assert(offsetof(struct rec_params, num_rec_aux) == 0x800);
static_assert(offsetof(struct rec_params, aux) == 0x808);
static_assert(offsetof(struct rec_enter, flags) == 0x0);
static_assert(offsetof(struct rec_enter, gprs) == 0x200);
static_assert(offsetof(struct rec_enter, gicv3_hcr) == 0x300);
static_assert(offsetof(struct rec_enter, gicv3_lrs) == 0x308);
static_assert(offsetof(struct rec_exit, exit_reason) == 0x0);
static_assert(offsetof(struct rec_exit, esr) == 0x100);
static_assert(offsetof(struct rec_exit, far) == 0x108);
static_assert(offsetof(struct rec_exit, hpfar) == 0x110);
static_assert(offsetof(struct rec_exit, gprs) == 0x200);
static_assert(offsetof(struct rec_exit, gicv3_hcr) == 0x300);
static_assert(offsetof(struct rec_exit, gicv3_lrs) == 0x308);
static_assert(offsetof(struct rec_exit, gicv3_misr) == 0x388);
static_assert(offsetof(struct rec_exit, gicv3_vmcr) == 0x390);
static_assert(offsetof(struct rec_exit, cntp_ctl) == 0x400);
static_assert(offsetof(struct rec_exit, cntp_cval) == 0x408);
static_assert(offsetof(struct rec_exit, cntv_ctl) == 0x410);
static_assert(offsetof(struct rec_exit, cntv_cval) == 0x418);
static_assert(offsetof(struct rec_exit, ripas_base) == 0x500);
static_assert(offsetof(struct rec_exit, ripas_top) == 0x508);
static_assert(offsetof(struct rec_exit, ripas_value) == 0x510);
static_assert(offsetof(struct rec_exit, imm) == 0x600);
static_assert(offsetof(struct rec_exit, pmu_ovf_status) == 0x700);
static_assert(offsetof(struct rec_run, enter) == 0x0);
static_assert(offsetof(struct rec_run, exit) == 0x800);
static_assert(sizeof(struct realm_params) == SZ_4K);
static_assert(sizeof(struct rec_params) == SZ_4K);
static_assert(sizeof(struct rec_enter) == SZ_2K);
static_assert(sizeof(struct rec_exit) == SZ_2K);
static_assert(sizeof(struct rec_run) == SZ_4K);

/* enum rmi_ripas */
static_assert(RMI_EMPTY == 0);
static_assert(RMI_RAM == 1);
static_assert(RMI_DESTROYED == 2);
