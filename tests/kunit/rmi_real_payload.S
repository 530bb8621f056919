/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Realm that rmi.ko and the KUnit suites on the real RMM run: a few
 * instructions that talk to the RMM through the RSI and power the Realm
 * off.  They never run in the host: they are copied, as data, into the
 * Realm's first granule, measured, and REC 0 starts at its first
 * instruction with the MMU off, so that addresses here are IPAs.
 *
 * 1. RSI_VERSION, requesting RSI 1.0: X0 status, X1 lower, X2 higher.
 * 2. RSI_HOST_CALL with immediate RMI_PAYLOAD_HOST_CALL_IMM and the three
 *    results of RSI_VERSION in gprs[0..2]: the host sees a REC exit of
 *    reason RMI_EXIT_HOST_CALL carrying them.
 * 3. PSCI SYSTEM_OFF: a REC exit of reason RMI_EXIT_PSCI; the Realm is off.
 *
 * rmi_realm_loop, for the REC_ENTER round trip of rmi.ko bench=1: host
 * calls with immediate 0, for ever; each is a REC exit of reason
 * RMI_EXIT_HOST_CALL, and entering the REC again makes the next one.
 */
#include <linux/arm-smccc.h>
#include <linux/linkage.h>
#include <uapi/linux/psci.h>

#include "realm-payload.h"

/* RSI function IDs: SMC64 fast calls of the Standard Secure Service range,
 * FNUMs from DEN0137 1.0-rel0 B5.3. */
#define RSI_FID(fnum)	ARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64, \
					   ARM_SMCCC_OWNER_STANDARD, (fnum))
#define RSI_VERSION	RSI_FID(0x190)
#define RSI_HOST_CALL	RSI_FID(0x199)
/* RsiInterfaceVersion (B5.4.4): major in bits 30:16 */
#define RSI_VERSION_1_0	(1 << 16)
/* RsiHostCall (B5.4.3): imm at 0x0, gprs[] from 0x8, 0x100 bytes */
#define HOST_CALL_IMM	0x0
#define HOST_CALL_GPRS	0x8
#define HOST_CALL_SIZE	0x100

	.section .rodata, "a"
	.balign	HOST_CALL_SIZE
SYM_DATA_START(rmi_realm_payload)
	ldr	x0, =RSI_VERSION
	ldr	x1, =RSI_VERSION_1_0
	smc	#0

	adr	x9, host_call
	mov	w10, #RMI_PAYLOAD_HOST_CALL_IMM
	strh	w10, [x9, #HOST_CALL_IMM]
	stp	x0, x1, [x9, #HOST_CALL_GPRS]
	str	x2, [x9, #HOST_CALL_GPRS + 16]
	ldr	x0, =RSI_HOST_CALL
	mov	x1, x9
	smc	#0

	ldr	x0, =PSCI_0_2_FN_SYSTEM_OFF
	smc	#0
	/* SYSTEM_OFF does not return; should it, wait here. */
1:	wfi
	b	1b
	.ltorg

	.balign	HOST_CALL_SIZE
host_call:
	.fill	HOST_CALL_SIZE, 1, 0
SYM_DATA_END_LABEL(rmi_realm_payload, SYM_L_GLOBAL, rmi_realm_payload_end)

	.balign	HOST_CALL_SIZE
SYM_DATA_START(rmi_realm_loop)
	adr	x9, loop_host_call
1:	ldr	x0, =RSI_HOST_CALL
	mov	x1, x9
	smc	#0
	b	1b
	.ltorg

	.balign	HOST_CALL_SIZE
loop_host_call:
	.fill	HOST_CALL_SIZE, 1, 0
SYM_DATA_END_LABEL(rmi_realm_loop, SYM_L_GLOBAL, rmi_realm_loop_end)
