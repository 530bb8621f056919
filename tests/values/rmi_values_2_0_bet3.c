// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every definition of the 2.0-bet3 <asm/rmi_smc.h> and <asm/rmi_cmds.h>
 * against its value, typed from the bet3 sources: the bet3 header of the
 * series queued for v7.4, include/linux/arm-smccc-rmi.h ([Q], the bet3
 * column of rmi-abi.md, which calls it S8), and the project's RMI ABI
 * reference (rmi-abi.md; no public 2.0 specification text exists) with its
 * open questions (section 5) where [Q] says nothing: 1.1 function IDs,
 * 1.2 the return code, 1.3 the interface version, 3.1 status codes, 3.2
 * commands, 3.3 the operation fields (RmiOpMemDonateReq, RmiAddrRangeDesc,
 * map and unmap flags), 3.4 flags of the structures, 3.5 feature registers,
 * 3.6 enumerations.  Never from the description the header is generated
 * from.  Structure layouts are the rmi_layout KUnit suite's; wrappers the
 * rmi_cmds suite's.
 *
 * Built by "make check" for that revision (W=1, sparse); "make check" also
 * fails if a name the generated headers define is in no file of tests/.
 */
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/build_bug.h>

#include <asm/page.h>
#include <asm/rmi_cmds.h>

#ifndef RMI_SPEC_REVISION_2_0_BET3
#error "this file checks the 2.0-bet3 header"
#endif
#if !defined(__ASM_RMI_SMC_H) || !defined(__ASM_RMI_CMDS_H)
#error "the include guards of the RMI headers"
#endif
#if !defined(rmi_cmds_call) || !defined(rmi_cmds_call_1_2)
#error "the SMCCC calls of <asm/rmi_cmds.h>"
#endif

static_assert(RMI_SPEC_REVISION_2_0_BET3 == 1);

/* 1.1: SMC64 fast calls of the Standard Secure Service, 0xc4000000 | FNUM */
static_assert(SMC_RMI_CALL(0x150) == 0xc4000150UL);
static_assert(SMC_RMI_CALL(0x211) == 0xc4000211UL);

/* TF-RMM smc.h: the RMI reserves FNUMs 0x150 to 0x2CF (two ranges). */
static_assert(RMI_FNUM_FIRST == 0x150);
static_assert(RMI_FNUM_LAST == 0x2cf);

/* 3.2: core and memory management */
static_assert(SMC_RMI_VERSION == 0xc4000150UL);
static_assert(SMC_RMI_RTT_DATA_MAP_INIT == 0xc4000153UL);
static_assert(SMC_RMI_REALM_ACTIVATE == 0xc4000157UL);
static_assert(SMC_RMI_REALM_CREATE == 0xc4000158UL);
static_assert(SMC_RMI_REALM_DESTROY == 0xc4000159UL);
static_assert(SMC_RMI_REC_CREATE == 0xc400015aUL);
static_assert(SMC_RMI_REC_DESTROY == 0xc400015bUL);
static_assert(SMC_RMI_REC_ENTER == 0xc400015cUL);
static_assert(SMC_RMI_RTT_CREATE == 0xc400015dUL);
static_assert(SMC_RMI_RTT_DESTROY == 0xc400015eUL);
static_assert(SMC_RMI_RTT_READ_ENTRY == 0xc4000161UL);
static_assert(SMC_RMI_RTT_DEV_VALIDATE == 0xc4000163UL);
static_assert(SMC_RMI_PSCI_COMPLETE == 0xc4000164UL);
static_assert(SMC_RMI_FEATURES == 0xc4000165UL);
static_assert(SMC_RMI_RTT_FOLD == 0xc4000166UL);
static_assert(SMC_RMI_RTT_INIT_RIPAS == 0xc4000168UL);
static_assert(SMC_RMI_RTT_SET_RIPAS == 0xc4000169UL);
static_assert(SMC_RMI_RMM_CONFIG_SET == 0xc400016eUL);
static_assert(SMC_RMI_RTT_SET_S2AP == 0xc400018bUL);
static_assert(SMC_RMI_GRANULE_TRACKING_GET == 0xc40001e1UL);
static_assert(SMC_RMI_GRANULE_TRACKING_SET == 0xc40001e3UL);
static_assert(SMC_RMI_RMM_CONFIG_GET == 0xc40001ecUL);
static_assert(SMC_RMI_RMM_STATE_GET == 0xc40001eeUL);
static_assert(SMC_RMI_GRANULE_RANGE_DELEGATE == 0xc40001f1UL);
static_assert(SMC_RMI_GRANULE_RANGE_UNDELEGATE == 0xc40001f2UL);
static_assert(SMC_RMI_GPT_L1_CREATE == 0xc40001f3UL);
static_assert(SMC_RMI_GPT_L1_DESTROY == 0xc40001f4UL);
static_assert(SMC_RMI_RTT_DATA_MAP == 0xc40001f5UL);
static_assert(SMC_RMI_RTT_DATA_UNMAP == 0xc40001f6UL);
static_assert(SMC_RMI_RTT_DEV_MAP == 0xc40001f7UL);
static_assert(SMC_RMI_RTT_DEV_UNMAP == 0xc40001f8UL);
static_assert(SMC_RMI_RTT_ARCH_DEV_MAP == 0xc40001f9UL);
static_assert(SMC_RMI_RTT_ARCH_DEV_UNMAP == 0xc40001faUL);
static_assert(SMC_RMI_RTT_UNPROT_MAP == 0xc40001fbUL);
static_assert(SMC_RMI_RTT_UNPROT_UNMAP == 0xc40001fcUL);
static_assert(SMC_RMI_REALM_TERMINATE == 0xc4000201UL);
static_assert(SMC_RMI_RMM_ACTIVATE == 0xc4000202UL);
static_assert(SMC_RMI_OP_CONTINUE == 0xc4000203UL);
static_assert(SMC_RMI_OP_MEM_DONATE == 0xc4000208UL);
static_assert(SMC_RMI_OP_MEM_RECLAIM == 0xc4000209UL);
static_assert(SMC_RMI_OP_CANCEL == 0xc400020aUL);
static_assert(SMC_RMI_RMM_DEACTIVATE == 0xc400020fUL);
static_assert(SMC_RMI_GPT_INFO == 0xc4000211UL);

/* 3.2: planes and auxiliary RTTs, the Linux 2.0 numbering */
static_assert(SMC_RMI_RTT_AUX_CREATE == 0xc400017dUL);
static_assert(SMC_RMI_RTT_AUX_DESTROY == 0xc400017eUL);
static_assert(SMC_RMI_RTT_AUX_FOLD == 0xc400017fUL);
static_assert(SMC_RMI_RTT_AUX_PROT_MAP == 0xc40001fdUL);
static_assert(SMC_RMI_RTT_AUX_PROT_UNMAP == 0xc40001feUL);
static_assert(SMC_RMI_RTT_AUX_UNPROT_MAP == 0xc40001ffUL);
static_assert(SMC_RMI_RTT_AUX_UNPROT_UNMAP == 0xc4000200UL);

/* 3.2: device assignment, SMMU, the bet3 names of [Q] */
static_assert(SMC_RMI_VSMMU_CREATE == 0xc400016aUL);
static_assert(SMC_RMI_VSMMU_DESTROY == 0xc400016bUL);
static_assert(SMC_RMI_PSMMU_IRQ_NOTIFY == 0xc400016fUL);
static_assert(SMC_RMI_ATTEST_PLAT_TOKEN_REFRESH == 0xc4000170UL);
static_assert(SMC_RMI_PDEV_ABORT == 0xc4000174UL);
static_assert(SMC_RMI_PDEV_COMMUNICATE == 0xc4000175UL);
static_assert(SMC_RMI_PDEV_CREATE == 0xc4000176UL);
static_assert(SMC_RMI_PDEV_DESTROY == 0xc4000177UL);
static_assert(SMC_RMI_PDEV_GET_STATE == 0xc4000178UL);
static_assert(SMC_RMI_PDEV_STREAM_KEY_REFRESH == 0xc400017aUL);
static_assert(SMC_RMI_PDEV_SET_PUBKEY == 0xc400017bUL);
static_assert(SMC_RMI_PDEV_STOP == 0xc400017cUL);
static_assert(SMC_RMI_VDEV_ABORT == 0xc4000185UL);
static_assert(SMC_RMI_VDEV_COMMUNICATE == 0xc4000186UL);
static_assert(SMC_RMI_VDEV_CREATE == 0xc4000187UL);
static_assert(SMC_RMI_VDEV_DESTROY == 0xc4000188UL);
static_assert(SMC_RMI_VDEV_GET_STATE == 0xc4000189UL);
static_assert(SMC_RMI_VDEV_UNLOCK == 0xc400018aUL);
static_assert(SMC_RMI_VDEV_GET_INTERFACE_REPORT == 0xc40001d0UL);
static_assert(SMC_RMI_VDEV_GET_MEASUREMENTS == 0xc40001d1UL);
static_assert(SMC_RMI_VDEV_LOCK == 0xc40001d2UL);
static_assert(SMC_RMI_VDEV_START == 0xc40001d3UL);
static_assert(SMC_RMI_VSMMU_EVENT_HANDLE == 0xc40001d6UL);
static_assert(SMC_RMI_PSMMU_ACTIVATE == 0xc40001d7UL);
static_assert(SMC_RMI_PSMMU_DEACTIVATE == 0xc40001d8UL);
static_assert(SMC_RMI_PSMMU_ST_L2_CREATE == 0xc40001dbUL);
static_assert(SMC_RMI_PSMMU_ST_L2_DESTROY == 0xc40001dcUL);
static_assert(SMC_RMI_DPT_L0_CREATE == 0xc40001ddUL);
static_assert(SMC_RMI_DPT_L0_DESTROY == 0xc40001deUL);
static_assert(SMC_RMI_DPT_L1_CREATE == 0xc40001dfUL);
static_assert(SMC_RMI_DPT_L1_DESTROY == 0xc40001e0UL);
static_assert(SMC_RMI_PSMMU_EVENT_CONSUME == 0xc40001f0UL);
static_assert(SMC_RMI_PDEV_STREAM_CONNECT == 0xc4000204UL);
static_assert(SMC_RMI_PDEV_STREAM_DISCONNECT == 0xc4000205UL);
static_assert(SMC_RMI_PDEV_STREAM_COMPLETE == 0xc4000206UL);
static_assert(SMC_RMI_PDEV_STREAM_KEY_PURGE == 0xc4000207UL);
static_assert(SMC_RMI_VSMMU_FEATURES == 0xc400020bUL);
static_assert(SMC_RMI_VSMMU_CMD_GET == 0xc400020cUL);
static_assert(SMC_RMI_VSMMU_CMD_COMPLETE == 0xc400020dUL);
static_assert(SMC_RMI_PSMMU_INFO == 0xc400020eUL);
static_assert(SMC_RMI_PDEV_STREAM_INFO == 0xc4000210UL);

/* 1.3: RmiInterfaceVersion; 2.0 */
static_assert(RMI_ABI_VERSION_MINOR_MASK == 0xffffUL);
static_assert(RMI_ABI_VERSION_MAJOR_MASK == 0x7fff0000UL);
static_assert(RMI_ABI_MAJOR_VERSION == 2);
static_assert(RMI_ABI_MINOR_VERSION == 0);

/* 3.1: RmiStatusCode */
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

/* 1.2: RmiResult, [Q]'s RMI_RESULT_* names; RMI_INCOMPLETE's bits 10:8 */
static_assert(RMI_RESULT_STATUS_MASK == 0xffUL);
static_assert(RMI_RESULT_DATA_LEVEL_MASK == 0xff00UL);
static_assert(RMI_RESULT_MEMREQ_MASK == 0x300UL);
static_assert(RMI_RESULT_CAN_CANCEL_MASK == 0x400UL);
static_assert(RMI_OP_CANNOT_CANCEL == 0);
static_assert(RMI_OP_CAN_CANCEL == 1);
/* [S8]'s and the earlier series' names of the same fields */
static_assert(RMI_RETURN_STATUS_MASK == 0xffUL);
static_assert(RMI_RETURN_INDEX_MASK == 0xff00UL);
static_assert(RMI_RETURN_MEMREQ_MASK == 0x300UL);
static_assert(RMI_RETURN_CAN_CANCEL_MASK == 0x400UL);
static_assert(RMI_OP_MEM_REQ_NONE == 0);
static_assert(RMI_OP_MEM_REQ_DONATE == 1);
static_assert(RMI_OP_MEM_REQ_RECLAIM == 2);

/* 3.3, 5 item 6: RmiOpMemDonateReq, bet3: state bits 18:17, CONDITIONAL */
static_assert(RMI_OP_MEM_DELEGATED == 0);
static_assert(RMI_OP_MEM_UNDELEGATED == 1);
static_assert(RMI_OP_MEM_CONDITIONAL == 2);
static_assert(RMI_OP_MEM_NON_CONTIG == 0);
static_assert(RMI_OP_MEM_CONTIG == 1);
static_assert(RMI_DONATE_BLOCK_SIZE_MASK == 0x3UL);
static_assert(RMI_DONATE_COUNT_MASK == 0xfffcUL);
static_assert(RMI_DONATE_CONTIG_MASK == 0x10000UL);
static_assert(RMI_DONATE_STATE_MASK == 0x60000UL);
static_assert(RMI_DONATE_RES0 == 0xfffffffffff80000ULL);
static_assert(RMI_DONATE_SIZE_MASK == 0x3UL);

/* 3.3: RmiAddrSetDesc's type and RmiAddrRangeDesc, 4KB granule form */
static_assert(RMI_ADDR_TYPE_NONE == 0);
static_assert(RMI_ADDR_TYPE_SINGLE == 1);
static_assert(RMI_ADDR_TYPE_LIST == 2);
static_assert(RMI_ADDR_RANGE_BLOCK_SIZE_MASK == 0x3UL);
static_assert(RMI_ADDR_RANGE_SIZE_MASK == 0x3UL);
static_assert(GENMASK(PAGE_SHIFT - 1, 2) == RMI_ADDR_RANGE_COUNT_MASK);
static_assert(RMI_ADDR_RANGE_ADDR_MASK == (GENMASK_ULL(51, 0) & ~(PAGE_SIZE - 1)));
/* 5 item 6: bet3 widens the state to bits 63:62 */
static_assert(RMI_ADDR_RANGE_STATE_MASK == 0xc000000000000000ULL);
static_assert(RMI_ADDR_RANGE_RES0 == 0x3ff0000000000000ULL);
#if PAGE_SHIFT == 12
static_assert(RMI_ADDR_RANGE_COUNT_MASK == 0xffcUL);
static_assert(RMI_ADDR_RANGE_ADDR_MASK == 0x000ffffffffff000ULL);
#endif

/* 2.5 (unchanged in 2.0): RmiDataFlags, RmiDataMeasureContent */
static_assert(RMI_NO_MEASURE_CONTENT == 0);
static_assert(RMI_MEASURE_CONTENT == 1);
static_assert(RMI_DATA_FLAG_MEASURE_MASK == 0x1UL);
static_assert(RMI_DATA_FLAG_RES0 == 0xfffffffffffffffeULL);

/* 2.5: single-bit enumerations */
static_assert(RMI_NOT_EMULATED_MMIO == 0);
static_assert(RMI_EMULATED_MMIO == 1);
static_assert(RMI_FEATURE_FALSE == 0);
static_assert(RMI_FEATURE_TRUE == 1);
static_assert(RMI_NO_INJECT_SEA == 0);
static_assert(RMI_INJECT_SEA == 1);
static_assert(RMI_PMU_OVERFLOW_NOT_ACTIVE == 0);
static_assert(RMI_PMU_OVERFLOW_ACTIVE == 1);
static_assert(RMI_NOT_RUNNABLE == 0);
static_assert(RMI_RUNNABLE == 1);
static_assert(RMI_ACCEPT == 0);
static_assert(RMI_REJECT == 1);
static_assert(RMI_NO_TRAP == 0);
static_assert(RMI_TRAP == 1);

/* 3.5: RmiFeatureRegister0 */
static_assert(RMI_FEATURE_REGISTER_0_S2SZ_MASK == 0xffUL);
static_assert(RMI_FEATURE_REGISTER_0_LPA2_MASK == 0x100UL);
static_assert(RMI_FEATURE_REGISTER_0_SVE_MASK == 0x200UL);
static_assert(RMI_FEATURE_REGISTER_0_SVE_VL_MASK == 0x3c00UL);
static_assert(RMI_FEATURE_REGISTER_0_NUM_BPS_MASK == 0xfc000UL);
static_assert(RMI_FEATURE_REGISTER_0_NUM_WPS_MASK == 0x3f00000UL);
static_assert(RMI_FEATURE_REGISTER_0_PMU_MASK == 0x4000000UL);
static_assert(RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS_MASK == 0xf8000000UL);
static_assert(RMI_FEATURE_REGISTER_0_L0GPT_BLOCK_DELEGATE_MASK == 0x100000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_S2OASZ_MASK == 0x1fe00000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_RES0 == 0xfffffe0000000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_S2SZ == 0xffUL);
static_assert(RMI_FEATURE_REGISTER_0_LPA2 == 0x100UL);
static_assert(RMI_FEATURE_REGISTER_0_SVE == 0x200UL);
static_assert(RMI_FEATURE_REGISTER_0_SVE_VL == 0x3c00UL);
static_assert(RMI_FEATURE_REGISTER_0_NUM_BPS == 0xfc000UL);
static_assert(RMI_FEATURE_REGISTER_0_NUM_WPS == 0x3f00000UL);
static_assert(RMI_FEATURE_REGISTER_0_PMU == 0x4000000UL);
static_assert(RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS == 0xf8000000UL);
static_assert(RMI_FEATURE_REGISTER_0_L0GPT_BLOCK_DELEGATE == 0x100000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_S2OASZ == 0x1fe00000000ULL);

/* 3.5: RmiFeatureRegister1 */
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB_MASK == 0x1UL);
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_16KB_MASK == 0x2UL);
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_64KB_MASK == 0x4UL);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_256_MASK == 0x8UL);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_384_MASK == 0x10UL);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_512_MASK == 0x20UL);
static_assert(RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER_MASK == 0x3c0UL);
static_assert(RMI_FEATURE_REGISTER_1_L0GPTSZ_MASK == 0x3c00UL);
static_assert(RMI_FEATURE_REGISTER_1_PPS_MASK == 0x1c000UL);
static_assert(RMI_FEATURE_REGISTER_1_RES0 == 0xfffffffffffe0000ULL);
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB == 0x1UL);
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_16KB == 0x2UL);
static_assert(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_64KB == 0x4UL);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_256 == 0x8UL);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_384 == 0x10UL);
static_assert(RMI_FEATURE_REGISTER_1_HASH_SHA_512 == 0x20UL);
static_assert(RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER == 0x3c0UL);
static_assert(RMI_FEATURE_REGISTER_1_L0GPTSZ == 0x3c00UL);
static_assert(RMI_FEATURE_REGISTER_1_PPS == 0x1c000UL);

/* 3.5: RmiFeatureRegister2, the bet3 column */
static_assert(RMI_FEATURE_REGISTER_2_DA_MASK == 0x1UL);
static_assert(RMI_FEATURE_REGISTER_2_DA_COH_MASK == 0x2UL);
static_assert(RMI_FEATURE_REGISTER_2_VSMMU_MASK == 0x4UL);
static_assert(RMI_FEATURE_REGISTER_2_ATS_MASK == 0x8UL);
static_assert(RMI_FEATURE_REGISTER_2_PDEV_MAX_VDEVS_ORDER_MASK == 0xf0UL);
static_assert(RMI_FEATURE_REGISTER_2_VDEV_KROU_MASK == 0x100UL);
static_assert(RMI_FEATURE_REGISTER_2_NON_TEE_STREAM_MASK == 0x200UL);
static_assert(RMI_FEATURE_REGISTER_2_REALM_MAX_VDEVS_ORDER_MASK == 0x7c00UL);
static_assert(RMI_FEATURE_REGISTER_2_RES0 == 0xffffffffffff8000ULL);
static_assert(RMI_FEATURE_REGISTER_2_DA == 0x1UL);
static_assert(RMI_FEATURE_REGISTER_2_DA_COH == 0x2UL);
static_assert(RMI_FEATURE_REGISTER_2_VSMMU == 0x4UL);
static_assert(RMI_FEATURE_REGISTER_2_ATS == 0x8UL);
static_assert(RMI_FEATURE_REGISTER_2_PDEV_MAX_VDEVS_ORDER == 0xf0UL);
static_assert(RMI_FEATURE_REGISTER_2_VDEV_KROU == 0x100UL);
static_assert(RMI_FEATURE_REGISTER_2_NON_TEE_STREAM == 0x200UL);
static_assert(RMI_FEATURE_REGISTER_2_REALM_MAX_VDEVS_ORDER == 0x7c00UL);

/* 3.5: RmiFeatureRegister3, RmiRttPlaneFeature */
static_assert(RMI_RTT_PLANE_AUX == 0);
static_assert(RMI_RTT_PLANE_AUX_SINGLE == 1);
static_assert(RMI_RTT_PLANE_SINGLE == 2);
static_assert(RMI_FEATURE_REGISTER_3_MAX_NUM_AUX_PLANES_MASK == 0xfUL);
static_assert(RMI_FEATURE_REGISTER_3_RTT_PLANE_MASK == 0x30UL);
static_assert(RMI_FEATURE_REGISTER_3_RTT_S2AP_INDIRECT_MASK == 0x40UL);
static_assert(RMI_FEATURE_REGISTER_3_RES0 == 0xffffffffffffff80ULL);
static_assert(RMI_FEATURE_REGISTER_3_MAX_NUM_AUX_PLANES == 0xfUL);
static_assert(RMI_FEATURE_REGISTER_3_RTT_PLANE == 0x30UL);
static_assert(RMI_FEATURE_REGISTER_3_RTT_S2AP_INDIRECT == 0x40UL);

/* 3.5: RmiFeatureRegister4 */
static_assert(RMI_FEATURE_REGISTER_4_MEC_COUNT_MASK == 0xffffffffffffffffULL);
static_assert(RMI_FEATURE_REGISTER_4_MEC_COUNT == 0xffffffffffffffffULL);

/* 3.6: enumerations */
static_assert(RMI_HASH_SHA_256 == 0);
static_assert(RMI_HASH_SHA_512 == 1);
static_assert(RMI_HASH_SHA_384 == 2);
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
static_assert(RMI_GPT_PAR_RESERVED == 0);
static_assert(RMI_GPT_PAR_PLAT == 1);
static_assert(RMI_GPT_PAR_HOST_NOT_CREATED == 2);
static_assert(RMI_GPT_PAR_HOST_CREATED == 3);
static_assert(RMI_MEC_POLICY_SHARED == 0);
static_assert(RMI_MEC_POLICY_PRIVATE == 1);
static_assert(RMI_S2AP_DIRECT == 0);
static_assert(RMI_S2AP_INDIRECT == 1);

/*
 * 3.4, 4: RmiRealmFlags0, LFA_POLICY 6:5 (bet2 on), bit 4 reserved; LPA2
 * (bit 0) is not in [Q] (5 item 9) but in TF-RMM and tf-a-tests.
 */
static_assert(RMI_REALM_PARAM_FLAG_LPA2_MASK == 0x1UL);
static_assert(RMI_REALM_PARAM_FLAG_SVE_MASK == 0x2UL);
static_assert(RMI_REALM_PARAM_FLAG_PMU_MASK == 0x4UL);
static_assert(RMI_REALM_PARAM_FLAG_DA_MASK == 0x8UL);
static_assert(RMI_REALM_PARAM_FLAG_MEC_POLICY_MASK == 0x180UL);
static_assert(RMI_REALM_PARAM_FLAG_LFA_POLICY_MASK == 0x60UL);
static_assert(RMI_REALM_PARAM_FLAG_RES0 == 0xfffffffffffffe10ULL);
static_assert(RMI_REALM_PARAM_FLAG_LPA2 == 0x1UL);
static_assert(RMI_REALM_PARAM_FLAG_SVE == 0x2UL);
static_assert(RMI_REALM_PARAM_FLAG_PMU == 0x4UL);
static_assert(RMI_REALM_PARAM_FLAG_DA == 0x8UL);
static_assert(RMI_REALM_PARAM_FLAG_MEC_POLICY == 0x180UL);
static_assert(RMI_REALM_PARAM_FLAG_LFA_POLICY == 0x60UL);

/* 3.4: RmiRealmFlags1 */
static_assert(RMI_REALM_PARAM_FLAG1_RTT_TREE_PP_MASK == 0x1UL);
static_assert(RMI_REALM_PARAM_FLAG1_S2AP_ENCODING_MASK == 0x2UL);
static_assert(RMI_REALM_PARAM_FLAG1_RES0 == 0xfffffffffffffffcULL);

/* 2.3 (unchanged): RmiRecCreateFlags, RmiRecMpidr */
static_assert(REC_PARAMS_FLAG_RUNNABLE_MASK == 0x1UL);
static_assert(REC_PARAMS_FLAG_RES0 == 0xfffffffffffffffeULL);
static_assert(REC_PARAMS_FLAG_RUNNABLE == 0x1UL);
static_assert(REC_MPIDR_AFF0_MASK == 0xfUL);
static_assert(REC_MPIDR_AFF1_MASK == 0xff00UL);
static_assert(REC_MPIDR_AFF2_MASK == 0xff0000UL);
static_assert(REC_MPIDR_AFF3_MASK == 0xff000000UL);
static_assert(REC_MPIDR_RES0 == 0xffffffff000000f0ULL);

/* 3.4: RmiRecEnterFlags */
static_assert(REC_ENTER_FLAG_EMULATED_MMIO_MASK == 0x1UL);
static_assert(REC_ENTER_FLAG_INJECT_SEA_MASK == 0x2UL);
static_assert(REC_ENTER_FLAG_TRAP_WFI_MASK == 0x4UL);
static_assert(REC_ENTER_FLAG_TRAP_WFE_MASK == 0x8UL);
static_assert(REC_ENTER_FLAG_RIPAS_RESPONSE_MASK == 0x10UL);
static_assert(REC_ENTER_FLAG_S2AP_RESPONSE_MASK == 0x20UL);
static_assert(REC_ENTER_FLAG_DEV_MEM_RESPONSE_MASK == 0x40UL);
static_assert(REC_ENTER_FLAG_FORCE_P0_MASK == 0x80UL);
static_assert(REC_ENTER_FLAG_RES0 == 0xffffffffffffff00ULL);
static_assert(REC_ENTER_FLAG_EMULATED_MMIO == 0x1UL);
static_assert(REC_ENTER_FLAG_INJECT_SEA == 0x2UL);
static_assert(REC_ENTER_FLAG_TRAP_WFI == 0x4UL);
static_assert(REC_ENTER_FLAG_TRAP_WFE == 0x8UL);
static_assert(REC_ENTER_FLAG_RIPAS_RESPONSE == 0x10UL);
static_assert(REC_ENTER_FLAG_S2AP_RESPONSE == 0x20UL);
static_assert(REC_ENTER_FLAG_DEV_MEM_RESPONSE == 0x40UL);
static_assert(REC_ENTER_FLAG_FORCE_P0 == 0x80UL);

/* 3.6: RmiRecExitReason, the bet3 column; 9 and 11 unused */
static_assert(RMI_EXIT_SYNC == 0);
static_assert(RMI_EXIT_IRQ == 1);
static_assert(RMI_EXIT_FIQ == 2);
static_assert(RMI_EXIT_PSCI == 3);
static_assert(RMI_EXIT_RIPAS_CHANGE == 4);
static_assert(RMI_EXIT_HOST_CALL == 5);
static_assert(RMI_EXIT_SERROR == 6);
static_assert(RMI_EXIT_S2AP_CHANGE == 7);
static_assert(RMI_EXIT_VDEV_VALIDATE_MAPPING == 8);
static_assert(RMI_EXIT_VSMMU_COMMAND == 10);

/* 3.6: RmiRipas */
static_assert(RMI_EMPTY == 0);
static_assert(RMI_RAM == 1);
static_assert(RMI_DESTROYED == 2);
static_assert(RMI_DEV == 3);

/* 3.6: RmiRttEntryState, the 2.0 names (5 item 10: UNSURE for bet3) */
static_assert(RMI_VOID == 0);
static_assert(RMI_DATA == 1);
static_assert(RMI_TABLE == 2);
static_assert(RMI_NARCH_DEV == 3);
static_assert(RMI_AUX_DESTROYED == 4);
static_assert(RMI_ARCH_DEV == 5);

/* 3.3: RmiRttProtMapFlags, RmiRttUnmapFlags, RmiRttUnprotMapFlags */
static_assert(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE_MASK == 0x3UL);
static_assert(RMI_RTT_PROT_MAP_FLAGS_LIST_COUNT_MASK == 0xfffcUL);
static_assert(RMI_RTT_PROT_MAP_FLAGS_RES0 == 0xffffffffffff0000ULL);
static_assert(RMI_RTT_PROT_MAP_FLAGS_OADDR_TYPE == 0x3UL);
static_assert(RMI_RTT_PROT_MAP_FLAGS_LIST_COUNT == 0xfffcUL);
static_assert(RMI_RTT_UNMAP_FLAGS_OADDR_TYPE_MASK == 0x3UL);
static_assert(RMI_RTT_UNMAP_FLAGS_LIST_COUNT_MASK == 0xfffcUL);
static_assert(RMI_RTT_UNMAP_FLAGS_RES0 == 0xffffffffffff0000ULL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_OADDR_TYPE_MASK == 0x3UL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_LIST_COUNT_MASK == 0xfffcUL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_MEMATTR_MASK == 0x70000UL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_S2AP_MASK == 0x780000UL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_RES0 == 0xffffffffff800000ULL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_OADDR_TYPE == 0x3UL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_LIST_COUNT == 0xfffcUL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_MEMATTR == 0x70000UL);
static_assert(RMI_RTT_UNPROT_MAP_FLAGS_S2AP == 0x780000UL);
/* 3.3: the direct S2AP encoding, bit 0 write, bit 1 read */
static_assert(RMI_S2AP_DIRECT_WRITE_MASK == 0x1UL);
static_assert(RMI_S2AP_DIRECT_READ_MASK == 0x2UL);
static_assert(RMI_S2AP_DIRECT_WRITE == 0x1UL);
static_assert(RMI_S2AP_DIRECT_READ == 0x2UL);

/* 3.6: RmiContinueFlags, bit 0: 0 KEEP_GOING, 1 STOP */
static_assert(RMI_CONTINUE_KEEP_GOING == 0);
static_assert(RMI_CONTINUE_STOP == 1);
static_assert(RMI_CONTINUE_FLAG_STOP_MASK == 0x1UL);
static_assert(RMI_CONTINUE_FLAG_RES0 == 0xfffffffffffffffeULL);

/* 3.4: array lengths, RmiRecParams.gprs[8] and RmiRecEnter.gprs[31] */
static_assert(REC_CREATE_NR_GPRS == 8);
static_assert(REC_RUN_GPRS == 31);

/* The function-like macros, on crafted values; __used: compiled, unused. */
static void __used rmi_values_2_0_bet3(void)
{
	BUILD_BUG_ON(__builtin_strcmp(RMI_SPEC_REVISION, "2.0-bet3"));

	/* 1.3: version = (major << 16) | minor; bits 63:31 MBZ */
	BUILD_BUG_ON(RMI_ABI_VERSION(2, 0) != 0x20000UL);
	BUILD_BUG_ON(RMI_ABI_VERSION(0x7fff, 0xffff) != 0x7fffffffUL);
	BUILD_BUG_ON(RMI_ABI_VERSION_GET_MAJOR(0x80030002UL) != 3);
	BUILD_BUG_ON(RMI_ABI_VERSION_GET_MINOR(0x80030002UL) != 2);

	/* 1.2: status 7:0, level 15:8; RMI_INCOMPLETE: memreq 9:8, cancel 10 */
	BUILD_BUG_ON(RMI_RESULT_STATUS(0x1a0d04UL) != 0x04);
	BUILD_BUG_ON(RMI_RESULT_DATA_LEVEL(0x1a0d04UL) != 0x0d);
	BUILD_BUG_ON(RMI_RESULT_MEMREQ(0x1a060dUL) != 2);
	BUILD_BUG_ON(RMI_RESULT_CAN_CANCEL(0x1a060dUL) != 1);
	BUILD_BUG_ON(RMI_RESULT_CAN_CANCEL(0x1a0b0dUL) != 0);
	/* The older names read the same fields. */
	BUILD_BUG_ON(RMI_RETURN_STATUS(0x1a0d04UL) != 0x04);
	BUILD_BUG_ON(RMI_RETURN_INDEX(0x1a0d04UL) != 0x0d);
	BUILD_BUG_ON(RMI_RETURN_MEMREQ(0x1a060dUL) != 2);
	BUILD_BUG_ON(RMI_RETURN_CAN_CANCEL(0x1a060dUL) != 1);

	/* 3.3: RmiOpMemDonateReq, bet3: state 18:17 */
	BUILD_BUG_ON(RMI_DONATE_BLOCK_SIZE(0x4fff6UL) != 2);
	BUILD_BUG_ON(RMI_DONATE_SIZE(0x4fff6UL) != 2);
	BUILD_BUG_ON(RMI_DONATE_COUNT(0x4fff6UL) != 0x3ffd);
	BUILD_BUG_ON(RMI_DONATE_CONTIG(0x4fff6UL) != 0);
	BUILD_BUG_ON(RMI_DONATE_STATE(0x4fff6UL) != 2);
	BUILD_BUG_ON(RMI_DONATE_STATE(0x2fff6UL) != 1);
	BUILD_BUG_ON(RMI_DONATE_STATE(0x8fff6UL) != 0);
	BUILD_BUG_ON(RMI_DONATE_CONTIG(0x10000UL) != 1);

	/* 3.3: RmiAddrRangeDesc, address in place, bet3: state 63:62 */
	BUILD_BUG_ON(RMI_ADDR_RANGE_BLOCK_SIZE(0x8000000080000ffdULL) != 1);
	BUILD_BUG_ON(RMI_ADDR_RANGE_SIZE(0x8000000080000ffdULL) != 1);
	BUILD_BUG_ON(RMI_ADDR_RANGE_COUNT(0x8000000080000ffdULL) !=
		     (0xffcUL & GENMASK(PAGE_SHIFT - 1, 0)) >> 2);
	BUILD_BUG_ON(RMI_ADDR_RANGE_ADDR(0xfff0000080000ffdULL) != 0x80000000ULL);
	BUILD_BUG_ON(RMI_ADDR_RANGE_STATE(0x8000000080000ffdULL) != 2);
	BUILD_BUG_ON(RMI_ADDR_RANGE_STATE(0x4000000080000ffdULL) != 1);
	BUILD_BUG_ON(RMI_ADDR_RANGE_STATE(0x2000000080000ffdULL) != 0);
}

/*
 * Compatibility names name their target, not only its value: give the
 * target another value, then the alias must follow it.
 */
#undef RMI_RESULT_STATUS_MASK
#define RMI_RESULT_STATUS_MASK		0x5a01
static_assert(RMI_RETURN_STATUS_MASK == 0x5a01);
#undef RMI_RESULT_DATA_LEVEL_MASK
#define RMI_RESULT_DATA_LEVEL_MASK	0x5a02
static_assert(RMI_RETURN_INDEX_MASK == 0x5a02);
#undef RMI_RESULT_MEMREQ_MASK
#define RMI_RESULT_MEMREQ_MASK		0x5a03
static_assert(RMI_RETURN_MEMREQ_MASK == 0x5a03);
#undef RMI_RESULT_CAN_CANCEL_MASK
#define RMI_RESULT_CAN_CANCEL_MASK	0x5a04
static_assert(RMI_RETURN_CAN_CANCEL_MASK == 0x5a04);
#undef RMI_DONATE_BLOCK_SIZE_MASK
#define RMI_DONATE_BLOCK_SIZE_MASK	0x5a05
static_assert(RMI_DONATE_SIZE_MASK == 0x5a05);
#undef RMI_ADDR_RANGE_BLOCK_SIZE_MASK
#define RMI_ADDR_RANGE_BLOCK_SIZE_MASK	0x5a06
static_assert(RMI_ADDR_RANGE_SIZE_MASK == 0x5a06);
