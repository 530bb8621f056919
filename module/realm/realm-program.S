/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Realm program (realm.c, realm-start.S), linked at IPA 0 and made a
 * flat image by the root Kbuild: rmi.ko carries it as data and loads it
 * into the Realm's first granules, measured.  REALM_BIN is its path.
 */
#include <linux/linkage.h>

	.section .rodata, "a"
	.balign	8
SYM_DATA_START(rmi_realm_program)
	.incbin	REALM_BIN
SYM_DATA_END_LABEL(rmi_realm_program, SYM_L_GLOBAL, rmi_realm_program_end)
