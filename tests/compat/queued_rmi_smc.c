// SPDX-License-Identifier: GPL-2.0-only
/*
 * The identifiers of the 2.0-bet3 definitions header of the series queued
 * for v7.4, "firmware: arm_rmm: Add RMM v2.0 base RMI support" (v17..v20):
 * include/linux/arm-smccc-rmi.h as at https://github.com/kernel-patches/bpf
 * commit e4e0f90fbf1bd7fc380f18a76a07295317ab3628, each with its value,
 * typed from that header.  Code written against it must build unchanged
 * against the header generated from arch/arm64/tools/rmi-2.0-bet3: as
 * <asm/rmi_smc.h> in the default layout, and as <linux/arm-smccc-rmi.h>
 * itself in the upstream layout (RMI_COMPAT_UPSTREAM_LAYOUT, defined by
 * tests/compat/run.sh), where this file includes nothing else, so that
 * what the queued header's users get through it (rmi_queued_relied_on())
 * is checked too, and its include guard.
 *
 * Values only, on purpose, in three places:
 *  - member sizes: the queued header puts every structure member in a u64
 *    container (s2sz, sve_vl, num_bps, num_wps, pmu_num_ctrs, hash_algo in
 *    realm_params); ours follow the specification's widths (UInt8, an 8-bit
 *    enumeration), at the same offsets, which is all that is checked here;
 *  - the padding members (sizer, sizer0..sizer10): fillers that code does
 *    not name; our header has its own, and static_asserts every offset;
 *  - in the default layout, the include guard __LINUX_ARM_SMCCC_RMI_H_.
 *
 * The function-like macros are checked on values in rmi_queued_accessors().
 * The names of the same header one revision earlier (RMI_RETURN_*, masks
 * without the _MASK suffix; gwshan/linux 25a94a98c754) follow at the end.
 *
 * Built by "make check" for that revision only.
 */
#ifdef RMI_COMPAT_UPSTREAM_LAYOUT
#include <linux/arm-smccc-rmi.h>

#ifndef __LINUX_ARM_SMCCC_RMI_H_
#error "the include guard of <linux/arm-smccc-rmi.h>"
#endif
#else
#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/sizes.h>
#include <linux/stddef.h>

#include <asm/page.h>
#include <asm/rmi_smc.h>
#endif

#ifndef RMI_SPEC_REVISION_2_0_BET3
#error "this file checks the 2.0-bet3 header"
#endif

/* Function IDs: SMC64 fast calls of the standard secure service */
#ifndef SMC_RMI_CALL
#error "SMC_RMI_CALL is missing"
#endif
static_assert(SMC_RMI_CALL(0x150) == 0xc4000150U);
static_assert(SMC_RMI_VERSION == 0xc4000150U);
static_assert(SMC_RMI_RTT_DATA_MAP_INIT == 0xc4000153U);
static_assert(SMC_RMI_REALM_ACTIVATE == 0xc4000157U);
static_assert(SMC_RMI_REALM_CREATE == 0xc4000158U);
static_assert(SMC_RMI_REALM_DESTROY == 0xc4000159U);
static_assert(SMC_RMI_REC_CREATE == 0xc400015aU);
static_assert(SMC_RMI_REC_DESTROY == 0xc400015bU);
static_assert(SMC_RMI_REC_ENTER == 0xc400015cU);
static_assert(SMC_RMI_RTT_CREATE == 0xc400015dU);
static_assert(SMC_RMI_RTT_DESTROY == 0xc400015eU);
static_assert(SMC_RMI_RTT_READ_ENTRY == 0xc4000161U);
static_assert(SMC_RMI_RTT_DEV_VALIDATE == 0xc4000163U);
static_assert(SMC_RMI_PSCI_COMPLETE == 0xc4000164U);
static_assert(SMC_RMI_FEATURES == 0xc4000165U);
static_assert(SMC_RMI_RTT_FOLD == 0xc4000166U);
static_assert(SMC_RMI_RTT_INIT_RIPAS == 0xc4000168U);
static_assert(SMC_RMI_RTT_SET_RIPAS == 0xc4000169U);
static_assert(SMC_RMI_VSMMU_CREATE == 0xc400016aU);
static_assert(SMC_RMI_VSMMU_DESTROY == 0xc400016bU);
static_assert(SMC_RMI_RMM_CONFIG_SET == 0xc400016eU);
static_assert(SMC_RMI_PSMMU_IRQ_NOTIFY == 0xc400016fU);
static_assert(SMC_RMI_ATTEST_PLAT_TOKEN_REFRESH == 0xc4000170U);
static_assert(SMC_RMI_PDEV_ABORT == 0xc4000174U);
static_assert(SMC_RMI_PDEV_COMMUNICATE == 0xc4000175U);
static_assert(SMC_RMI_PDEV_CREATE == 0xc4000176U);
static_assert(SMC_RMI_PDEV_DESTROY == 0xc4000177U);
static_assert(SMC_RMI_PDEV_GET_STATE == 0xc4000178U);
static_assert(SMC_RMI_PDEV_STREAM_KEY_REFRESH == 0xc400017aU);
static_assert(SMC_RMI_PDEV_SET_PUBKEY == 0xc400017bU);
static_assert(SMC_RMI_PDEV_STOP == 0xc400017cU);
static_assert(SMC_RMI_RTT_AUX_CREATE == 0xc400017dU);
static_assert(SMC_RMI_RTT_AUX_DESTROY == 0xc400017eU);
static_assert(SMC_RMI_RTT_AUX_FOLD == 0xc400017fU);
static_assert(SMC_RMI_VDEV_ABORT == 0xc4000185U);
static_assert(SMC_RMI_VDEV_COMMUNICATE == 0xc4000186U);
static_assert(SMC_RMI_VDEV_CREATE == 0xc4000187U);
static_assert(SMC_RMI_VDEV_DESTROY == 0xc4000188U);
static_assert(SMC_RMI_VDEV_GET_STATE == 0xc4000189U);
static_assert(SMC_RMI_VDEV_UNLOCK == 0xc400018aU);
static_assert(SMC_RMI_RTT_SET_S2AP == 0xc400018bU);
static_assert(SMC_RMI_VDEV_GET_INTERFACE_REPORT == 0xc40001d0U);
static_assert(SMC_RMI_VDEV_GET_MEASUREMENTS == 0xc40001d1U);
static_assert(SMC_RMI_VDEV_LOCK == 0xc40001d2U);
static_assert(SMC_RMI_VDEV_START == 0xc40001d3U);
static_assert(SMC_RMI_VSMMU_EVENT_HANDLE == 0xc40001d6U);
static_assert(SMC_RMI_PSMMU_ACTIVATE == 0xc40001d7U);
static_assert(SMC_RMI_PSMMU_DEACTIVATE == 0xc40001d8U);
static_assert(SMC_RMI_PSMMU_ST_L2_CREATE == 0xc40001dbU);
static_assert(SMC_RMI_PSMMU_ST_L2_DESTROY == 0xc40001dcU);
static_assert(SMC_RMI_DPT_L0_CREATE == 0xc40001ddU);
static_assert(SMC_RMI_DPT_L0_DESTROY == 0xc40001deU);
static_assert(SMC_RMI_DPT_L1_CREATE == 0xc40001dfU);
static_assert(SMC_RMI_DPT_L1_DESTROY == 0xc40001e0U);
static_assert(SMC_RMI_GRANULE_TRACKING_GET == 0xc40001e1U);
static_assert(SMC_RMI_GRANULE_TRACKING_SET == 0xc40001e3U);
static_assert(SMC_RMI_RMM_CONFIG_GET == 0xc40001ecU);
static_assert(SMC_RMI_RMM_STATE_GET == 0xc40001eeU);
static_assert(SMC_RMI_PSMMU_EVENT_CONSUME == 0xc40001f0U);
static_assert(SMC_RMI_GRANULE_RANGE_DELEGATE == 0xc40001f1U);
static_assert(SMC_RMI_GRANULE_RANGE_UNDELEGATE == 0xc40001f2U);
static_assert(SMC_RMI_GPT_L1_CREATE == 0xc40001f3U);
static_assert(SMC_RMI_GPT_L1_DESTROY == 0xc40001f4U);
static_assert(SMC_RMI_RTT_DATA_MAP == 0xc40001f5U);
static_assert(SMC_RMI_RTT_DATA_UNMAP == 0xc40001f6U);
static_assert(SMC_RMI_RTT_DEV_MAP == 0xc40001f7U);
static_assert(SMC_RMI_RTT_DEV_UNMAP == 0xc40001f8U);
static_assert(SMC_RMI_RTT_ARCH_DEV_MAP == 0xc40001f9U);
static_assert(SMC_RMI_RTT_ARCH_DEV_UNMAP == 0xc40001faU);
static_assert(SMC_RMI_RTT_UNPROT_MAP == 0xc40001fbU);
static_assert(SMC_RMI_RTT_UNPROT_UNMAP == 0xc40001fcU);
static_assert(SMC_RMI_RTT_AUX_PROT_MAP == 0xc40001fdU);
static_assert(SMC_RMI_RTT_AUX_PROT_UNMAP == 0xc40001feU);
static_assert(SMC_RMI_RTT_AUX_UNPROT_MAP == 0xc40001ffU);
static_assert(SMC_RMI_RTT_AUX_UNPROT_UNMAP == 0xc4000200U);
static_assert(SMC_RMI_REALM_TERMINATE == 0xc4000201U);
static_assert(SMC_RMI_RMM_ACTIVATE == 0xc4000202U);
static_assert(SMC_RMI_OP_CONTINUE == 0xc4000203U);
static_assert(SMC_RMI_PDEV_STREAM_CONNECT == 0xc4000204U);
static_assert(SMC_RMI_PDEV_STREAM_DISCONNECT == 0xc4000205U);
static_assert(SMC_RMI_PDEV_STREAM_COMPLETE == 0xc4000206U);
static_assert(SMC_RMI_PDEV_STREAM_KEY_PURGE == 0xc4000207U);
static_assert(SMC_RMI_OP_MEM_DONATE == 0xc4000208U);
static_assert(SMC_RMI_OP_MEM_RECLAIM == 0xc4000209U);
static_assert(SMC_RMI_OP_CANCEL == 0xc400020aU);
static_assert(SMC_RMI_VSMMU_FEATURES == 0xc400020bU);
static_assert(SMC_RMI_VSMMU_CMD_GET == 0xc400020cU);
static_assert(SMC_RMI_VSMMU_CMD_COMPLETE == 0xc400020dU);
static_assert(SMC_RMI_PSMMU_INFO == 0xc400020eU);
static_assert(SMC_RMI_RMM_DEACTIVATE == 0xc400020fU);
static_assert(SMC_RMI_PDEV_STREAM_INFO == 0xc4000210U);
static_assert(SMC_RMI_GPT_INFO == 0xc4000211U);

/* Interface version */
static_assert(RMI_ABI_MAJOR_VERSION == 2);
static_assert(RMI_ABI_MINOR_VERSION == 0);
static_assert(RMI_ABI_VERSION_MAJOR_MASK == 0x7fff0000);
static_assert(RMI_ABI_VERSION_MINOR_MASK == 0xffff);

/* RmiResult, RmiResultDataLevel, RmiResultDataIncomplete */
static_assert(RMI_RESULT_STATUS_MASK == 0xff);
static_assert(RMI_RESULT_DATA_LEVEL_MASK == 0xff00);
static_assert(RMI_RESULT_MEMREQ_MASK == 0x300);
static_assert(RMI_RESULT_CAN_CANCEL_MASK == 0x400);

/* RmiStatusCode */
static_assert(RMI_SUCCESS == 0);
static_assert(RMI_ERROR_INPUT == 1);
static_assert(RMI_ERROR_REALM == 2);
static_assert(RMI_ERROR_REC == 3);
static_assert(RMI_ERROR_RTT == 4);
static_assert(RMI_ERROR_NOT_SUPPORTED == 5);
static_assert(RMI_ERROR_DEVICE == 6);
static_assert(RMI_ERROR_RTT_AUX == 7);
static_assert(RMI_ERROR_PSMMU_ST == 8);
static_assert(RMI_ERROR_DPT == 9);
static_assert(RMI_BUSY == 10);
static_assert(RMI_ERROR_GLOBAL == 11);
static_assert(RMI_ERROR_TRACKING == 12);
static_assert(RMI_INCOMPLETE == 13);
static_assert(RMI_BLOCKED == 14);
static_assert(RMI_ERROR_GPT == 15);
static_assert(RMI_ERROR_GRANULE == 16);

/* Operations */
static_assert(RMI_CONTINUE_KEEP_GOING == 0);
static_assert(RMI_CONTINUE_STOP == 1);
static_assert(RMI_OP_MEM_REQ_NONE == 0);
static_assert(RMI_OP_MEM_REQ_DONATE == 1);
static_assert(RMI_OP_MEM_REQ_RECLAIM == 2);
static_assert(RMI_OP_CANNOT_CANCEL == 0);
static_assert(RMI_OP_CAN_CANCEL == 1);
static_assert(RMI_DONATE_STATE_MASK == 0x60000);
static_assert(RMI_DONATE_CONTIG_MASK == 0x10000);
static_assert(RMI_DONATE_COUNT_MASK == 0xfffc);
static_assert(RMI_DONATE_BLOCK_SIZE_MASK == 0x3);
static_assert(RMI_OP_MEM_DELEGATED == 0);
static_assert(RMI_OP_MEM_UNDELEGATED == 1);
static_assert(RMI_OP_MEM_CONDITIONAL == 2);
static_assert(RMI_OP_MEM_NON_CONTIG == 0);
static_assert(RMI_OP_MEM_CONTIG == 1);
static_assert(RMI_ADDR_TYPE_NONE == 0);
static_assert(RMI_ADDR_TYPE_SINGLE == 1);
static_assert(RMI_ADDR_TYPE_LIST == 2);
static_assert(RMI_ADDR_RANGE_STATE_MASK == 0xc000000000000000ULL);
static_assert(RMI_ADDR_RANGE_ADDR_MASK == (GENMASK_ULL(51, PAGE_SHIFT)));
static_assert(RMI_ADDR_RANGE_COUNT_MASK == (GENMASK(PAGE_SHIFT - 1, 2)));
static_assert(RMI_ADDR_RANGE_BLOCK_SIZE_MASK == 0x3);

/* enum rmi_ripas, RmiDataMeasureContent */
static_assert(RMI_EMPTY == 0);
static_assert(RMI_RAM == 1);
static_assert(RMI_DESTROYED == 2);
static_assert(RMI_DEV == 3);
static_assert(RMI_NO_MEASURE_CONTENT == 0);
static_assert(RMI_MEASURE_CONTENT == 1);

/* Feature registers */
static_assert(RMI_FEATURE_REGISTER_0_S2OASZ == 0x1fe00000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_L0GPT_BLOCK_DELEGATE == 0x100000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS == 0xf8000000U);
static_assert(RMI_FEATURE_REGISTER_0_PMU == 0x4000000);
static_assert(RMI_FEATURE_REGISTER_0_NUM_WPS == 0x3f00000);
static_assert(RMI_FEATURE_REGISTER_0_NUM_BPS == 0xfc000);
static_assert(RMI_FEATURE_REGISTER_0_SVE_VL == 0x3c00);
static_assert(RMI_FEATURE_REGISTER_0_SVE == 0x200);
static_assert(RMI_FEATURE_REGISTER_0_LPA2 == 0x100);
static_assert(RMI_FEATURE_REGISTER_0_S2SZ == 0xff);
static_assert(RMI_FEATURE_REGISTER_1_PPS == 0x1c000);
static_assert(RMI_FEATURE_REGISTER_1_L0GPTSZ == 0x3c00);
static_assert(RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER == 0x3c0);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_512 == 0x20);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_384 == 0x10);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_256 == 0x8);
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_64KB == 0x4);
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_16KB == 0x2);
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB == 0x1);
static_assert(RMI_FEATURE_REGISTER_2_REALM_MAX_VDEVS_ORDER == 0x7c00);
static_assert(RMI_FEATURE_REGISTER_2_NON_TEE_STREAM == 0x200);
static_assert(RMI_FEATURE_REGISTER_2_VDEV_KROU == 0x100);
static_assert(RMI_FEATURE_REGISTER_2_PDEV_MAX_VDEVS_ORDER == 0xf0);
static_assert(RMI_FEATURE_REGISTER_2_ATS == 0x8);
static_assert(RMI_FEATURE_REGISTER_2_VSMMU == 0x4);
static_assert(RMI_FEATURE_REGISTER_2_DA_COH == 0x2);
static_assert(RMI_FEATURE_REGISTER_2_DA == 0x1);
static_assert(RMI_FEATURE_REGISTER_3_RTT_S2AP_INDIRECT == 0x40);
static_assert(RMI_FEATURE_REGISTER_3_RTT_PLANE == 0x30);
static_assert(RMI_FEATURE_REGISTER_3_MAX_NUM_AUX_PLANES == 0xf);
static_assert(RMI_FEATURE_REGISTER_4_MEC_COUNT == 0xffffffffffffffffULL);

/* Memory tracking, granule size, GPT */
static_assert(RMI_MEM_CATEGORY_CONVENTIONAL == 0);
static_assert(RMI_MEM_CATEGORY_DEV_NCOH == 1);
static_assert(RMI_MEM_CATEGORY_DEV_COH == 2);
static_assert(RMI_MEM_CATEGORY_NONE == 3);
static_assert(RMI_TRACKING_RESERVED == 0);
static_assert(RMI_TRACKING_NONE == 1);
static_assert(RMI_TRACKING_FINE == 2);
static_assert(RMI_TRACKING_COARSE == 3);
static_assert(RMI_TRACKING_INTERMEDIATE == 4);
static_assert(RMI_GRANULE_SIZE_4KB == 0);
static_assert(RMI_GRANULE_SIZE_16KB == 1);
static_assert(RMI_GRANULE_SIZE_64KB == 2);
static_assert(RMI_GPT_PAR_RESERVED == 0U);
static_assert(RMI_GPT_PAR_PLAT == 1U);
static_assert(RMI_GPT_PAR_HOST_NOT_CREATED == 2U);
static_assert(RMI_GPT_PAR_HOST_CREATED == 3U);

/* struct rmm_config */
static_assert(offsetof(struct rmm_config, tracking_region_size) == 0x0);
static_assert(offsetof(struct rmm_config, rmi_granule_size) == 0x8);
static_assert(sizeof(struct rmm_config) == SZ_4K);

/* Realm flags, hash algorithms */
static_assert(RMI_REALM_PARAM_FLAG_MEC_POLICY_MASK == 0x180);
static_assert(RMI_REALM_PARAM_FLAG_LFA_POLICY_MASK == 0x60);
static_assert(RMI_REALM_PARAM_FLAG_DA == 0x8);
static_assert(RMI_REALM_PARAM_FLAG_PMU == 0x4);
static_assert(RMI_REALM_PARAM_FLAG_SVE == 0x2);
static_assert(RMI_HASH_SHA_256 == 0);
static_assert(RMI_HASH_SHA_512 == 1);
static_assert(RMI_HASH_SHA_384 == 2);

/* struct realm_params: offsets (sizes differ on purpose, see above) */
static_assert(offsetof(struct realm_params, flags0) == 0x0);
static_assert(offsetof(struct realm_params, s2sz) == 0x8);
static_assert(offsetof(struct realm_params, sve_vl) == 0x10);
static_assert(offsetof(struct realm_params, num_bps) == 0x18);
static_assert(offsetof(struct realm_params, num_wps) == 0x20);
static_assert(offsetof(struct realm_params, pmu_num_ctrs) == 0x28);
static_assert(offsetof(struct realm_params, hash_algo) == 0x30);
static_assert(offsetof(struct realm_params, num_aux_planes) == 0x38);
static_assert(offsetof(struct realm_params, rpv) == 0x400);
static_assert(offsetof(struct realm_params, ats_plane) == 0x440);
static_assert(offsetof(struct realm_params, rtt_base) == 0x808);
static_assert(offsetof(struct realm_params, rtt_level_start) == 0x810);
static_assert(offsetof(struct realm_params, rtt_num_start) == 0x818);
static_assert(offsetof(struct realm_params, flags1) == 0x820);
static_assert(offsetof(struct realm_params, max_num_vdevs) == 0x828);
static_assert(offsetof(struct realm_params, aux_rtt_base) == 0xf80);
static_assert(sizeof_field(struct realm_params, rpv) == 64);
static_assert(sizeof_field(struct realm_params, aux_rtt_base) == 3 * 8);
static_assert(sizeof(struct realm_params) == SZ_4K);

/* REC parameters and struct rec_params */
static_assert(REC_CREATE_NR_GPRS == 8);
static_assert(REC_PARAMS_FLAG_RUNNABLE == 0x1);
static_assert(offsetof(struct rec_params, flags) == 0x0);
static_assert(offsetof(struct rec_params, mpidr) == 0x100);
static_assert(offsetof(struct rec_params, pc) == 0x200);
static_assert(offsetof(struct rec_params, gprs) == 0x300);
static_assert(sizeof_field(struct rec_params, gprs) == REC_CREATE_NR_GPRS * 8);
static_assert(sizeof(struct rec_params) == SZ_4K);

/* REC entry flags and struct rec_enter */
static_assert(REC_ENTER_FLAG_EMULATED_MMIO == 0x1);
static_assert(REC_ENTER_FLAG_INJECT_SEA == 0x2);
static_assert(REC_ENTER_FLAG_TRAP_WFI == 0x4);
static_assert(REC_ENTER_FLAG_TRAP_WFE == 0x8);
static_assert(REC_ENTER_FLAG_RIPAS_RESPONSE == 0x10);
static_assert(REC_ENTER_FLAG_S2AP_RESPONSE == 0x20);
static_assert(REC_ENTER_FLAG_DEV_MEM_RESPONSE == 0x40);
static_assert(REC_ENTER_FLAG_FORCE_P0 == 0x80);
static_assert(REC_RUN_GPRS == 31);
static_assert(offsetof(struct rec_enter, flags) == 0x0);
static_assert(offsetof(struct rec_enter, gprs) == 0x200);
static_assert(sizeof_field(struct rec_enter, gprs) == REC_RUN_GPRS * 8);
static_assert(sizeof(struct rec_enter) == SZ_2K);

/* Exit reasons and struct rec_exit */
static_assert(RMI_EXIT_SYNC == 0x00);
static_assert(RMI_EXIT_IRQ == 0x01);
static_assert(RMI_EXIT_FIQ == 0x02);
static_assert(RMI_EXIT_PSCI == 0x03);
static_assert(RMI_EXIT_RIPAS_CHANGE == 0x04);
static_assert(RMI_EXIT_HOST_CALL == 0x05);
static_assert(RMI_EXIT_SERROR == 0x06);
static_assert(RMI_EXIT_S2AP_CHANGE == 0x07);
static_assert(RMI_EXIT_VDEV_VALIDATE_MAPPING == 0x08);
static_assert(RMI_EXIT_VSMMU_COMMAND == 0x0a);
static_assert(offsetof(struct rec_exit, exit_reason) == 0x0);
static_assert(offsetof(struct rec_exit, esr) == 0x100);
static_assert(offsetof(struct rec_exit, far) == 0x108);
static_assert(offsetof(struct rec_exit, hpfar) == 0x110);
static_assert(offsetof(struct rec_exit, rtt_tree) == 0x118);
static_assert(offsetof(struct rec_exit, gprs) == 0x200);
static_assert(offsetof(struct rec_exit, cntp_ctl) == 0x400);
static_assert(offsetof(struct rec_exit, cntp_cval) == 0x408);
static_assert(offsetof(struct rec_exit, cntv_ctl) == 0x410);
static_assert(offsetof(struct rec_exit, cntv_cval) == 0x418);
static_assert(offsetof(struct rec_exit, ripas_base) == 0x500);
static_assert(offsetof(struct rec_exit, ripas_top) == 0x508);
static_assert(offsetof(struct rec_exit, ripas_value) == 0x510);
static_assert(offsetof(struct rec_exit, s2ap_base) == 0x520);
static_assert(offsetof(struct rec_exit, s2ap_top) == 0x528);
static_assert(offsetof(struct rec_exit, vdev_id_1) == 0x530);
static_assert(offsetof(struct rec_exit, vdev_id_2) == 0x538);
static_assert(offsetof(struct rec_exit, dev_mem_base) == 0x540);
static_assert(offsetof(struct rec_exit, dev_mem_top) == 0x548);
static_assert(offsetof(struct rec_exit, dev_mem_pa) == 0x550);
static_assert(offsetof(struct rec_exit, imm) == 0x600);
static_assert(offsetof(struct rec_exit, plane) == 0x608);
static_assert(offsetof(struct rec_exit, pmu_ovf_status) == 0x700);
static_assert(offsetof(struct rec_exit, vsmmu) == 0x710);
static_assert(sizeof_field(struct rec_exit, exit_reason) == 1);
static_assert(sizeof_field(struct rec_exit, ripas_value) == 1);
static_assert(sizeof_field(struct rec_exit, imm) == 2);
static_assert(sizeof_field(struct rec_exit, pmu_ovf_status) == 1);
static_assert(sizeof(struct rec_exit) == SZ_2K);
static_assert(offsetof(struct rec_run, enter) == 0x0);
static_assert(offsetof(struct rec_run, exit) == 0x800);
static_assert(sizeof(struct rec_run) == SZ_4K);

/* Map flags, S2AP direct encoding */
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_S2AP_MASK == 0x780000);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_MEMATTR_MASK == 0x70000);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_LIST_COUNT_MASK == 0xfffc);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_OADDR_TYPE_MASK == 0x3);
static_assert(RMI_RTT_PROT_MAP_FLAGS_LIST_COUNT_MASK == 0xfffc);
static_assert(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK == 0x3);
static_assert(RMI_S2AP_DIRECT_READ == 0x2);
static_assert(RMI_S2AP_DIRECT_WRITE == 0x1);

/* The names of the header one revision earlier (gwshan/linux 25a94a98c754) */
static_assert(RMI_RETURN_STATUS_MASK == 0xff);
static_assert(RMI_RETURN_INDEX_MASK == 0xff00);
static_assert(RMI_RETURN_MEMREQ_MASK == 0x300);
static_assert(RMI_RETURN_CAN_CANCEL_MASK == 0x400);
static_assert(RMI_REALM_PARAM_FLAG_LFA_POLICY == 0x60);
static_assert(RMI_REALM_PARAM_FLAG_MEC_POLICY == 0x180);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_OADDR_TYPE == 0x3);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_LIST_COUNT == 0xfffc);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_MEMATTR == 0x70000);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_S2AP == 0x780000);
static_assert(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE == 0x3);
static_assert(RMI_RTT_PROT_MAP_FLAGS_LIST_COUNT == 0xfffc);

/* The function-like macros: defined, and their values below */
#ifndef RMI_ABI_VERSION_GET_MAJOR
#error "RMI_ABI_VERSION_GET_MAJOR is missing"
#endif
#ifndef RMI_ABI_VERSION_GET_MINOR
#error "RMI_ABI_VERSION_GET_MINOR is missing"
#endif
#ifndef RMI_ABI_VERSION
#error "RMI_ABI_VERSION is missing"
#endif
#ifndef RMI_RESULT_STATUS
#error "RMI_RESULT_STATUS is missing"
#endif
#ifndef RMI_RESULT_DATA_LEVEL
#error "RMI_RESULT_DATA_LEVEL is missing"
#endif
#ifndef RMI_RESULT_MEMREQ
#error "RMI_RESULT_MEMREQ is missing"
#endif
#ifndef RMI_RESULT_CAN_CANCEL
#error "RMI_RESULT_CAN_CANCEL is missing"
#endif
#ifndef RMI_DONATE_STATE
#error "RMI_DONATE_STATE is missing"
#endif
#ifndef RMI_DONATE_CONTIG
#error "RMI_DONATE_CONTIG is missing"
#endif
#ifndef RMI_DONATE_COUNT
#error "RMI_DONATE_COUNT is missing"
#endif
#ifndef RMI_DONATE_BLOCK_SIZE
#error "RMI_DONATE_BLOCK_SIZE is missing"
#endif
#ifndef RMI_ADDR_RANGE_STATE
#error "RMI_ADDR_RANGE_STATE is missing"
#endif
#ifndef RMI_ADDR_RANGE_ADDR
#error "RMI_ADDR_RANGE_ADDR is missing"
#endif
#ifndef RMI_ADDR_RANGE_COUNT
#error "RMI_ADDR_RANGE_COUNT is missing"
#endif
#ifndef RMI_ADDR_RANGE_BLOCK_SIZE
#error "RMI_ADDR_RANGE_BLOCK_SIZE is missing"
#endif
#ifndef RMI_RETURN_STATUS
#error "RMI_RETURN_STATUS is missing"
#endif
#ifndef RMI_RETURN_INDEX
#error "RMI_RETURN_INDEX is missing"
#endif
#ifndef RMI_RETURN_MEMREQ
#error "RMI_RETURN_MEMREQ is missing"
#endif
#ifndef RMI_RETURN_CAN_CANCEL
#error "RMI_RETURN_CAN_CANCEL is missing"
#endif

void rmi_queued_accessors(void);

/*
 * FIELD_GET() is a statement expression, so these values are checked in a
 * function, where BUILD_BUG_ON() folds them at compile time.
 */
void rmi_queued_accessors(void)
{
	BUILD_BUG_ON(RMI_ABI_VERSION(2, 0) != 0x20000);
	BUILD_BUG_ON(RMI_ABI_VERSION_GET_MAJOR(0x20003UL) != 2);
	BUILD_BUG_ON(RMI_ABI_VERSION_GET_MINOR(0x20003UL) != 3);

	/* RMI_ERROR_RTT at level 3; RMI_INCOMPLETE, DONATE, can cancel */
	BUILD_BUG_ON(RMI_RESULT_STATUS(0x0304UL) != RMI_ERROR_RTT);
	BUILD_BUG_ON(RMI_RESULT_DATA_LEVEL(0x0304UL) != 3);
	BUILD_BUG_ON(RMI_RESULT_MEMREQ(0x050dUL) != RMI_OP_MEM_REQ_DONATE);
	BUILD_BUG_ON(RMI_RESULT_CAN_CANCEL(0x050dUL) != RMI_OP_CAN_CANCEL);
	BUILD_BUG_ON(RMI_RETURN_STATUS(0x050dUL) != RMI_INCOMPLETE);
	BUILD_BUG_ON(RMI_RETURN_INDEX(0x0304UL) != 3);
	BUILD_BUG_ON(RMI_RETURN_MEMREQ(0x020dUL) != RMI_OP_MEM_REQ_RECLAIM);
	BUILD_BUG_ON(RMI_RETURN_CAN_CANCEL(0x020dUL) != RMI_OP_CANNOT_CANCEL);

	/* 5 level 1 blocks, contiguous, conditional */
	BUILD_BUG_ON(RMI_DONATE_BLOCK_SIZE(0x50016UL) != 2);
	BUILD_BUG_ON(RMI_DONATE_COUNT(0x50016UL) != 5);
	BUILD_BUG_ON(RMI_DONATE_CONTIG(0x50016UL) != RMI_OP_MEM_CONTIG);
	BUILD_BUG_ON(RMI_DONATE_STATE(0x50016UL) != RMI_OP_MEM_CONDITIONAL);

	/* 3 granules at 2GB, undelegated */
	BUILD_BUG_ON(RMI_ADDR_RANGE_STATE(0x400000008000000cUL) != RMI_OP_MEM_UNDELEGATED);
	BUILD_BUG_ON(RMI_ADDR_RANGE_ADDR(0x400000008000000cUL) != 0x80000000UL);
	BUILD_BUG_ON(RMI_ADDR_RANGE_COUNT(0x400000008000000cUL) != 3);
	BUILD_BUG_ON(RMI_ADDR_RANGE_BLOCK_SIZE(0x400000008000000cUL) != 0);
}

#ifdef RMI_COMPAT_UPSTREAM_LAYOUT
unsigned long rmi_queued_relied_on(struct arm_smccc_1_2_regs *regs, u64 v);

/*
 * What the users of the queued header take from it without including it
 * themselves: include/linux/arm-rmi-cmds.h (its PAGE_SIZE, the SMCCC 1.2
 * call) and drivers/firmware/arm_rmm/rmi.c (the conduit, the granule sizes,
 * FIELD_MAX(), BUILD_BUG()), which include other headers only for other
 * things.  The queued header has them from <linux/arm-smccc.h>,
 * <linux/bitfield.h>, <linux/build_bug.h>, <linux/sizes.h> and
 * <asm/page.h>; so must ours.
 */
unsigned long rmi_queued_relied_on(struct arm_smccc_1_2_regs *regs, u64 v)
{
	unsigned long granule;

	switch (PAGE_SIZE) {
	case SZ_4K:
		granule = RMI_GRANULE_SIZE_4KB;
		break;
	case SZ_16K:
		granule = RMI_GRANULE_SIZE_16KB;
		break;
	case SZ_64K:
		granule = RMI_GRANULE_SIZE_64KB;
		break;
	default:
		BUILD_BUG();
	}
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC)
		return SMCCC_RET_NOT_SUPPORTED;
	arm_smccc_1_2_smc(regs, regs);
	return granule + FIELD_MAX(RMI_ADDR_RANGE_COUNT_MASK) + GENMASK(3, 0) +
	       FIELD_PREP(RMI_ADDR_RANGE_COUNT_MASK, v) + PAGE_SHIFT +
	       offsetof(struct rec_run, exit);
}
#endif
