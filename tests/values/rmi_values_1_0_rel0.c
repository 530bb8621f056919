// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every definition of the 1.0-rel0 <asm/rmi_smc.h> and <asm/rmi_cmds.h>
 * against its value, typed from DEN0137 1.0-rel0 (the project's RMI ABI
 * reference, rmi-abi.md, section 1 and 2, which cites the specification's
 * sections): B4.3 function IDs, B4.4.1 the return code, B4.4.9 the
 * interface version, B4.4.25 status codes, B4.4.6 feature register 0, B4.4
 * flags and enumerations.  Never from the description the header is
 * generated from.  Structure layouts are the rmi_layout KUnit suite's;
 * wrappers the rmi_cmds suite's.
 *
 * Built by "make check" for that revision (W=1, sparse); "make check" also
 * fails if a name the generated headers define is in no file of tests/.
 */
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/build_bug.h>

#include <asm/rmi_cmds.h>

#ifndef RMI_SPEC_REVISION_1_0_REL0
#error "this file checks the 1.0-rel0 header"
#endif
#if !defined(__ASM_RMI_SMC_H) || !defined(__ASM_RMI_CMDS_H)
#error "the include guards of the RMI headers"
#endif
#if !defined(rmi_cmds_call) || !defined(rmi_cmds_call_1_2)
#error "the SMCCC calls of <asm/rmi_cmds.h>"
#endif

static_assert(RMI_SPEC_REVISION_1_0_REL0 == 1);

/* B4.3: SMC64 fast calls of the Standard Secure Service, 0xc4000000 | FNUM */
static_assert(SMC_RMI_CALL(0x150) == 0xc4000150UL);

/* B1.1: RMI FNUMs are 0x150 to 0x18F. */
static_assert(RMI_FNUM_FIRST == 0x150);
static_assert(RMI_FNUM_LAST == 0x18f);

static_assert(SMC_RMI_VERSION == 0xc4000150UL);
static_assert(SMC_RMI_GRANULE_DELEGATE == 0xc4000151UL);
static_assert(SMC_RMI_GRANULE_UNDELEGATE == 0xc4000152UL);
static_assert(SMC_RMI_DATA_CREATE == 0xc4000153UL);
static_assert(SMC_RMI_DATA_CREATE_UNKNOWN == 0xc4000154UL);
static_assert(SMC_RMI_DATA_DESTROY == 0xc4000155UL);
static_assert(SMC_RMI_REALM_ACTIVATE == 0xc4000157UL);
static_assert(SMC_RMI_REALM_CREATE == 0xc4000158UL);
static_assert(SMC_RMI_REALM_DESTROY == 0xc4000159UL);
static_assert(SMC_RMI_REC_CREATE == 0xc400015aUL);
static_assert(SMC_RMI_REC_DESTROY == 0xc400015bUL);
static_assert(SMC_RMI_REC_ENTER == 0xc400015cUL);
static_assert(SMC_RMI_RTT_CREATE == 0xc400015dUL);
static_assert(SMC_RMI_RTT_DESTROY == 0xc400015eUL);
static_assert(SMC_RMI_RTT_MAP_UNPROTECTED == 0xc400015fUL);
static_assert(SMC_RMI_RTT_READ_ENTRY == 0xc4000161UL);
static_assert(SMC_RMI_RTT_UNMAP_UNPROTECTED == 0xc4000162UL);
static_assert(SMC_RMI_PSCI_COMPLETE == 0xc4000164UL);
static_assert(SMC_RMI_FEATURES == 0xc4000165UL);
static_assert(SMC_RMI_RTT_FOLD == 0xc4000166UL);
static_assert(SMC_RMI_REC_AUX_COUNT == 0xc4000167UL);
static_assert(SMC_RMI_RTT_INIT_RIPAS == 0xc4000168UL);
static_assert(SMC_RMI_RTT_SET_RIPAS == 0xc4000169UL);

/* B4.4.9: RmiInterfaceVersion; 1.0 */
static_assert(RMI_ABI_VERSION_MINOR_MASK == 0xffffUL);
static_assert(RMI_ABI_VERSION_MAJOR_MASK == 0x7fff0000UL);
static_assert(RMI_ABI_MAJOR_VERSION == 1);
static_assert(RMI_ABI_MINOR_VERSION == 0);

/* B4.4.25: RmiStatusCode */
static_assert(RMI_SUCCESS == 0);
static_assert(RMI_ERROR_INPUT == 1);
static_assert(RMI_ERROR_REALM == 2);
static_assert(RMI_ERROR_REC == 3);
static_assert(RMI_ERROR_RTT == 4);

/* B4.4.1: RmiCommandReturnCode, status 7:0, index 15:8 */
static_assert(RMI_RETURN_STATUS_MASK == 0xffUL);
static_assert(RMI_RETURN_INDEX_MASK == 0xff00UL);

/* RmiDataFlags, RmiDataMeasureContent */
static_assert(RMI_NO_MEASURE_CONTENT == 0);
static_assert(RMI_MEASURE_CONTENT == 1);
static_assert(RMI_DATA_FLAG_MEASURE_MASK == 0x1UL);
static_assert(RMI_DATA_FLAG_RES0 == 0xfffffffffffffffeULL);

/* Single-bit enumerations */
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

/* B4.4.6: RmiFeatureRegister0 */
static_assert(RMI_FEATURE_REGISTER_0_S2SZ_MASK == 0xffUL);
static_assert(RMI_FEATURE_REGISTER_0_LPA2_MASK == 0x100UL);
static_assert(RMI_FEATURE_REGISTER_0_SVE_EN_MASK == 0x200UL);
static_assert(RMI_FEATURE_REGISTER_0_SVE_VL_MASK == 0x3c00UL);
static_assert(RMI_FEATURE_REGISTER_0_NUM_BPS_MASK == 0xfc000UL);
static_assert(RMI_FEATURE_REGISTER_0_NUM_WPS_MASK == 0x3f00000UL);
static_assert(RMI_FEATURE_REGISTER_0_PMU_EN_MASK == 0x4000000UL);
static_assert(RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS_MASK == 0xf8000000UL);
static_assert(RMI_FEATURE_REGISTER_0_HASH_SHA_256_MASK == 0x100000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_HASH_SHA_512_MASK == 0x200000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_GICV3_NUM_LRS_MASK == 0x3c00000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_MAX_RECS_ORDER_MASK == 0x3c000000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_RES0 == 0xfffffc0000000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_S2SZ == 0xffUL);
static_assert(RMI_FEATURE_REGISTER_0_LPA2 == 0x100UL);
static_assert(RMI_FEATURE_REGISTER_0_SVE_EN == 0x200UL);
static_assert(RMI_FEATURE_REGISTER_0_SVE_VL == 0x3c00UL);
static_assert(RMI_FEATURE_REGISTER_0_NUM_BPS == 0xfc000UL);
static_assert(RMI_FEATURE_REGISTER_0_NUM_WPS == 0x3f00000UL);
static_assert(RMI_FEATURE_REGISTER_0_PMU_EN == 0x4000000UL);
static_assert(RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS == 0xf8000000UL);
static_assert(RMI_FEATURE_REGISTER_0_HASH_SHA_256 == 0x100000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_HASH_SHA_512 == 0x200000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_GICV3_NUM_LRS == 0x3c00000000ULL);
static_assert(RMI_FEATURE_REGISTER_0_MAX_RECS_ORDER == 0x3c000000000ULL);

/* RmiHashAlgorithm */
static_assert(RMI_HASH_SHA_256 == 0);
static_assert(RMI_HASH_SHA_512 == 1);

/* B4.4.11: RmiRealmFlags */
static_assert(RMI_REALM_PARAM_FLAG_LPA2_MASK == 0x1UL);
static_assert(RMI_REALM_PARAM_FLAG_SVE_MASK == 0x2UL);
static_assert(RMI_REALM_PARAM_FLAG_PMU_MASK == 0x4UL);
static_assert(RMI_REALM_PARAM_FLAG_RES0 == 0xfffffffffffffff8ULL);
static_assert(RMI_REALM_PARAM_FLAG_LPA2 == 0x1UL);
static_assert(RMI_REALM_PARAM_FLAG_SVE == 0x2UL);
static_assert(RMI_REALM_PARAM_FLAG_PMU == 0x4UL);

/* B4.4.19: RmiRecCreateFlags, RmiRecMpidr */
static_assert(REC_PARAMS_FLAG_RUNNABLE_MASK == 0x1UL);
static_assert(REC_PARAMS_FLAG_RES0 == 0xfffffffffffffffeULL);
static_assert(REC_PARAMS_FLAG_RUNNABLE == 0x1UL);
static_assert(REC_MPIDR_AFF0_MASK == 0xfUL);
static_assert(REC_MPIDR_AFF1_MASK == 0xff00UL);
static_assert(REC_MPIDR_AFF2_MASK == 0xff0000UL);
static_assert(REC_MPIDR_AFF3_MASK == 0xff000000UL);
static_assert(REC_MPIDR_RES0 == 0xffffffff000000f0ULL);

/* B4.4.15: RmiRecEnterFlags */
static_assert(REC_ENTER_FLAG_EMULATED_MMIO_MASK == 0x1UL);
static_assert(REC_ENTER_FLAG_INJECT_SEA_MASK == 0x2UL);
static_assert(REC_ENTER_FLAG_TRAP_WFI_MASK == 0x4UL);
static_assert(REC_ENTER_FLAG_TRAP_WFE_MASK == 0x8UL);
static_assert(REC_ENTER_FLAG_RIPAS_RESPONSE_MASK == 0x10UL);
static_assert(REC_ENTER_FLAG_RES0 == 0xffffffffffffffe0ULL);
static_assert(REC_ENTER_FLAG_EMULATED_MMIO == 0x1UL);
static_assert(REC_ENTER_FLAG_INJECT_SEA == 0x2UL);
static_assert(REC_ENTER_FLAG_TRAP_WFI == 0x4UL);
static_assert(REC_ENTER_FLAG_TRAP_WFE == 0x8UL);
static_assert(REC_ENTER_FLAG_RIPAS_RESPONSE == 0x10UL);

/* RmiRecExitReason */
static_assert(RMI_EXIT_SYNC == 0);
static_assert(RMI_EXIT_IRQ == 1);
static_assert(RMI_EXIT_FIQ == 2);
static_assert(RMI_EXIT_PSCI == 3);
static_assert(RMI_EXIT_RIPAS_CHANGE == 4);
static_assert(RMI_EXIT_HOST_CALL == 5);
static_assert(RMI_EXIT_SERROR == 6);

/* RmiRipas, RmiRttEntryState */
static_assert(RMI_EMPTY == 0);
static_assert(RMI_RAM == 1);
static_assert(RMI_DESTROYED == 2);
static_assert(RMI_UNASSIGNED == 0);
static_assert(RMI_ASSIGNED == 1);
static_assert(RMI_TABLE == 2);

/*
 * B4.4.19, B4.4.14: array lengths, RmiRecParams.gprs[8] and aux[16],
 * RmiRecEnter.gprs[31] and gicv3_lrs[16]
 */
static_assert(REC_CREATE_NR_GPRS == 8);
static_assert(REC_PARAMS_AUX_GRANULES == 16);
static_assert(REC_RUN_GPRS == 31);
static_assert(REC_MAX_GIC_NUM_LRS == 16);

/* The function-like macros, on crafted values; __used: compiled, unused. */
static void __used rmi_values_1_0_rel0(void)
{
	BUILD_BUG_ON(__builtin_strcmp(RMI_SPEC_REVISION, "1.0-rel0"));

	/* B4.4.9: version = (major << 16) | minor; bits 63:31 MBZ */
	BUILD_BUG_ON(RMI_ABI_VERSION(1, 0) != 0x10000UL);
	BUILD_BUG_ON(RMI_ABI_VERSION(0x7fff, 0xffff) != 0x7fffffffUL);
	BUILD_BUG_ON(RMI_ABI_VERSION_GET_MAJOR(0x80030002UL) != 3);
	BUILD_BUG_ON(RMI_ABI_VERSION_GET_MINOR(0x80030002UL) != 2);

	/* B4.4.1: status 7:0, index 15:8 */
	BUILD_BUG_ON(RMI_RETURN_STATUS(0x1a0304UL) != 0x04);
	BUILD_BUG_ON(RMI_RETURN_INDEX(0x1a0304UL) != 0x03);
}
