/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Realm program's entry points, and what it cannot say in C.
 *
 * The RMM enters a REC at EL1h with the MMU off and DAIF masked, no stack
 * and VBAR_EL1 = 0: each entry point first points VBAR_EL1 at the vectors
 * below (an early exception would otherwise run whatever lies at 0x200),
 * then takes its stack, a REALM_STACK_SIZE slice from the top of RAM per
 * REC, and calls C.  With the MMU off every data access is Device-nGnRnE,
 * so nothing here or in C may be unaligned or exclusive.
 */
#include "realm-abi.h"

	/* All of it first in the image: _start at IPA 0, then the vectors. */
	.section .text.start, "ax"
	.global	_start
_start:
	/* REC 0: X0 = number of RECs, X1 = RAM size, both measured. */
	adr	x9, realm_vectors
	msr	vbar_el1, x9
	isb
	mov	sp, x1
	/*
	 * Zero the bss ourselves rather than trust that the host maps zeroed
	 * granules there; realm.lds aligns it to 16 bytes.
	 */
	ldr	x9, =__bss_start
	ldr	x10, =__bss_end
1:	cmp	x9, x10
	b.hs	2f
	stp	xzr, xzr, [x9]
	add	x9, x9, #16
	b	1b
2:	bl	realm_main
realm_halt:
	/* realm_main ends with PSCI SYSTEM_OFF; should that return, wait. */
	wfi
	b	realm_halt

	/* PSCI CPU_ON entry of REC i: X0 = context = i. */
	.global	realm_secondary_entry
realm_secondary_entry:
	adr	x9, realm_vectors
	msr	vbar_el1, x9
	isb
	/* realm_main stored the RAM size before the first CPU_ON. */
	ldr	x9, =realm_ram
	ldr	x9, [x9]
	mov	x10, #REALM_STACK_SIZE
	msub	x9, x0, x10, x9
	mov	sp, x9
	bl	realm_secondary_main
	b	realm_halt
	.ltorg

/* X0..X17 from (ldp) or to (stp) the 18 doublewords at X19. */
	.macro	x0_to_x17 op
	\op	x0, x1, [x19, #0]
	\op	x2, x3, [x19, #16]
	\op	x4, x5, [x19, #32]
	\op	x6, x7, [x19, #48]
	\op	x8, x9, [x19, #64]
	\op	x10, x11, [x19, #80]
	\op	x12, x13, [x19, #96]
	\op	x14, x15, [x19, #112]
	\op	x16, x17, [x19, #128]
	.endm

/*
 * void realm_smc(struct realm_smc_regs *regs): X0..X17 from *regs, SMC,
 * X0..X17 back into *regs.  The RMM preserves X18..X30.
 */
	.global	realm_smc
	.balign	4
realm_smc:
	stp	x19, x30, [sp, #-16]!
	mov	x19, x0
	x0_to_x17 ldp
	smc	#0
	x0_to_x17 stp
	ldp	x19, x30, [sp], #16
	ret

/*
 * unsigned long realm_probe_read(unsigned long ipa, unsigned long *esr):
 * the one load that may fault on purpose.  The synchronous vector
 * recognises its address, puts ESR_EL1 in X2 and 0 in X0, and returns past
 * it; X16 and X17 are free to clobber across a call.
 */
	.global	realm_probe_read
	.balign	4
realm_probe_read:
	mov	x2, xzr
realm_probe_insn:
	ldr	x0, [x0]
	str	x2, [x1]
	ret

/* Vectors: 16 entries of 0x80 bytes, 2KB-aligned. */
	.macro	unexpected_vector index
	.balign	0x80
	mov	x3, #\index
	b	realm_unexpected
	.endm

	.balign	0x800
	.global	realm_vectors
realm_vectors:
	/* Current EL with SP_EL0: the program never selects SP_EL0. */
	.irp	index, 0, 1, 2, 3
	unexpected_vector \index
	.endr
	/* Current EL with SP_ELx, synchronous: the probe, or a fault. */
	.balign	0x80
	mrs	x17, elr_el1
	adr	x16, realm_probe_insn
	cmp	x16, x17
	b.ne	1f
	mrs	x2, esr_el1
	mov	x0, xzr
	add	x17, x17, #4
	msr	elr_el1, x17
	eret
1:	mov	x3, #4
	b	realm_unexpected
	.irp	index, 5, 6, 7
	unexpected_vector \index
	.endr
	/* Lower ELs: there are none. */
	.irp	index, 8, 9, 10, 11, 12, 13, 14, 15
	unexpected_vector \index
	.endr

/* Report the exception (it does not return) on the stack we were on. */
realm_unexpected:
	mrs	x0, esr_el1
	mrs	x1, elr_el1
	mrs	x2, far_el1
	bl	realm_exception
	b	realm_halt

	.section .note.GNU-stack, "", %progbits
