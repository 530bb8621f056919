/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the Realm program (module/realm/realm.c), its host (rmi.ko) and its
 * verifier (scripts/rmi-attest.py) agree on: the IPA layout, the host calls,
 * the report the program leaves in shared memory, and the RSI and PSCI
 * function IDs the program calls.  The contract around these values, step
 * by step, is Documentation/arch/arm64/rmi-realm.rst.
 *
 * Plain C, no includes: the kernel module and the freestanding program
 * both include it (its structures hidden from assembly), and
 * scripts/rmi-attest.py reads the object-like
 * "#define REALM_* <number>" lines below, so keep each such value a
 * number (or a string) on one line.
 */
#ifndef __RMI_REALM_ABI_H
#define __RMI_REALM_ABI_H

/*
 * IPA layout.  RAM is [0, ram) in the protected half, ram given to REC 0
 * in X1.  The image is measured at IPA 0; everything else is mapped on
 * demand.  REC i's stack is [ram - (i + 1) * STACK, ram - i * STACK).
 */
#define REALM_GRANULE_SIZE		0x1000
#define REALM_STACK_SIZE		0x4000
#define REALM_MIN_RAM			0x400000
#define REALM_MAX_RECS			256
/* The range the program touches, which the host must not map at build. */
#define REALM_TOUCH_BASE		0x100000
#define REALM_TOUCH_SIZE		0x100000
/* The RIPAS test range: REALM_RIPAS_SIZE at (ram / 2), rounded down to it. */
#define REALM_RIPAS_SIZE		0x10000
#define REALM_RIPAS_BASE(ram)		(((ram) / 2) & ~(REALM_RIPAS_SIZE - 1ULL))

/*
 * The unprotected half starts at 1 << (ipa_width - 1).  Console: a byte
 * store there is one character (emulated MMIO; never mapped).  Shared: the
 * report, REALM_SHARED_PAGES Non-secure granules the host maps on the first
 * touch.
 */
#define REALM_CONSOLE_OFFSET		0x0
#define REALM_SHARED_OFFSET		0x200000
#define REALM_SHARED_PAGES		4
#define REALM_CONSOLE_LINE_MAX		120

/* RSI_HOST_CALL immediates (RsiHostCall.imm). */
#define REALM_HC_CHALLENGE		0x1c01
#define REALM_HC_REPORT			0x1c02

/*
 * The report: a header at the start of the shared region, the attestation
 * token at REALM_REPORT_TOKEN_OFFSET.  Little-endian, as the Realm wrote it.
 * status is 0 or the REALM_STEP_* that failed, detail what failed there.
 */
#define REALM_REPORT_MAGIC		0x6d6c6172
#define REALM_REPORT_VERSION		1
#define REALM_REPORT_MAGIC_OFFSET	0x0
#define REALM_REPORT_VERSION_OFFSET	0x4
#define REALM_REPORT_STATUS_OFFSET	0x8
#define REALM_REPORT_HASH_ALGO_OFFSET	0xc
#define REALM_REPORT_DETAIL_OFFSET	0x10
#define REALM_REPORT_TOKEN_LEN_OFFSET	0x18
#define REALM_REPORT_IPA_WIDTH_OFFSET	0x20
#define REALM_REPORT_NR_RECS_OFFSET	0x28
#define REALM_REPORT_RAM_OFFSET		0x30
#define REALM_REPORT_RECS_UP_OFFSET	0x38
#define REALM_REPORT_TOUCHED_OFFSET	0x40
#define REALM_REPORT_RSI_LOWER_OFFSET	0x48
#define REALM_REPORT_RSI_HIGHER_OFFSET	0x4c
#define REALM_REPORT_CHALLENGE_OFFSET	0x80
#define REALM_REPORT_RIM_OFFSET		0xc0
#define REALM_REPORT_REM_OFFSET		0x100
#define REALM_REPORT_TOKEN_OFFSET	0x200
#define REALM_REPORT_MEASUREMENT_SIZE	64
#define REALM_HASH_ALGO_UNKNOWN		0xff

#ifndef __ASSEMBLER__
struct realm_report {
	unsigned int magic;
	unsigned int version;
	unsigned int status;
	unsigned int hash_algo;
	unsigned long long detail;
	unsigned long long token_len;
	unsigned long long ipa_width;
	unsigned long long nr_recs;
	unsigned long long ram;
	unsigned long long recs_up;
	unsigned long long touched;
	unsigned int rsi_lower;
	unsigned int rsi_higher;
	unsigned char reserved0[0x30];
	unsigned char challenge[REALM_REPORT_MEASUREMENT_SIZE];
	unsigned char rim[REALM_REPORT_MEASUREMENT_SIZE];
	unsigned char rem[REALM_REPORT_MEASUREMENT_SIZE];
	unsigned char reserved1[0xc0];
};
#endif

/* The steps, in order: report status when one fails. */
#define REALM_STEP_VERSION		1
#define REALM_STEP_CONFIG		2
#define REALM_STEP_ARGS			3
#define REALM_STEP_SMP			4
#define REALM_STEP_RIPAS		5
#define REALM_STEP_TOUCH		6
#define REALM_STEP_MEASURE		7
#define REALM_STEP_CHALLENGE		8
#define REALM_STEP_TOKEN		9
#define REALM_STEP_REPORT		10
#define REALM_STEP_EXCEPTION		11

/*
 * The value the program extends REM 0 (measurement index 1) with: these 32
 * bytes of ASCII, no terminator.  The verifier's expected REM 0 is
 * H(32 or 64 zero bytes, as the hash is long || this value).
 */
#define REALM_REM_EXTEND_VALUE		"arm64 RMI realm program REM0 v1."
#define REALM_REM_EXTEND_SIZE		32

/*
 * RSI (DEN0137 1.0-rel0 B5.3, B5.4; values also in TF-RMM 6c7b2a9bb7ad
 * lib/smc/include/smc-rsi.h): SMC64 fast calls of the standard service range.
 */
#define REALM_RSI_VERSION		0xc4000190
#define REALM_RSI_MEASUREMENT_READ	0xc4000192
#define REALM_RSI_MEASUREMENT_EXTEND	0xc4000193
#define REALM_RSI_ATTEST_TOKEN_INIT	0xc4000194
#define REALM_RSI_ATTEST_TOKEN_CONTINUE	0xc4000195
#define REALM_RSI_REALM_CONFIG		0xc4000196
#define REALM_RSI_IPA_STATE_SET		0xc4000197
#define REALM_RSI_IPA_STATE_GET		0xc4000198
#define REALM_RSI_HOST_CALL		0xc4000199

/* RsiCommandReturnCode */
#define REALM_RSI_SUCCESS		0
#define REALM_RSI_ERROR_INPUT		1
#define REALM_RSI_ERROR_STATE		2
#define REALM_RSI_INCOMPLETE		3
/* RsiInterfaceVersion 1.0: major in bits 30:16 */
#define REALM_RSI_ABI_1_0		0x10000
/* RsiRipas, RsiRipasChangeFlags.destroyed, RsiResponse */
#define REALM_RSI_EMPTY			0
#define REALM_RSI_RAM			1
#define REALM_RSI_NO_CHANGE_DESTROYED	0
#define REALM_RSI_ACCEPT		0
#define REALM_RSI_REJECT		1
/* RsiHashAlgorithm; SHA-384 is TF-RMM's addition for RMI 2.0 */
#define REALM_RSI_HASH_SHA_256		0
#define REALM_RSI_HASH_SHA_512		1
#define REALM_RSI_HASH_SHA_384		2

/* RsiRealmConfig (B5.4.5): the RMM writes it to a granule of the Realm. */
#define REALM_RSI_CONFIG_IPA_WIDTH_OFFSET	0x0
#define REALM_RSI_CONFIG_HASH_ALGO_OFFSET	0x8
#define REALM_RSI_CONFIG_RPV_OFFSET		0x200
#ifndef __ASSEMBLER__
struct realm_rsi_config {
	unsigned long long ipa_width;
	unsigned char hash_algo;
	unsigned char reserved0[0x1f7];
	unsigned char rpv[64];
	unsigned char reserved1[0xdc0];
};
#endif

/* RsiHostCall (B5.4.3): 0x100 bytes, 0x100-aligned, in protected RAM. */
#define REALM_RSI_HOST_CALL_IMM_OFFSET	0x0
#define REALM_RSI_HOST_CALL_GPRS_OFFSET	0x8
#define REALM_RSI_HOST_CALL_NR_GPRS	31
#ifndef __ASSEMBLER__
struct realm_rsi_host_call {
	unsigned short imm;
	unsigned char reserved0[6];
	unsigned long long gprs[REALM_RSI_HOST_CALL_NR_GPRS];
};
#endif

/*
 * PSCI (DEN0022, as the RMM handles them for a Realm, DEN0137 B6): CPU_ON
 * and AFFINITY_INFO are completed by the host with RMI_PSCI_COMPLETE.
 */
#define REALM_PSCI_CPU_OFF		0x84000002
#define REALM_PSCI_CPU_ON		0xc4000003
#define REALM_PSCI_AFFINITY_INFO	0xc4000004
#define REALM_PSCI_SYSTEM_OFF		0x84000008
#define REALM_PSCI_SUCCESS		0
#define REALM_PSCI_AFFINITY_ON		0
#define REALM_PSCI_AFFINITY_OFF		1

#ifndef __ASSEMBLER__
/* MPIDR of REC i: Aff0 = i % 16, Aff1 = i / 16 (as the RMM numbers RECs). */
static inline unsigned long realm_mpidr(unsigned long i)
{
	return ((i / 16) << 8) | (i % 16);
}
#endif

#endif /* __RMI_REALM_ABI_H */
