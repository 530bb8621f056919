/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Realm rmi.ko and the KUnit suites on the real RMM run
 * (rmi_real_payload.S), as the C code sees it.
 */
#ifndef __RMI_REALM_PAYLOAD_H
#define __RMI_REALM_PAYLOAD_H

/* The immediate of the Realm's host call, to tell it from any other. */
#define RMI_PAYLOAD_HOST_CALL_IMM	0x1cca

#ifndef __ASSEMBLY__
extern const char rmi_realm_payload[];
extern const char rmi_realm_payload_end[];
extern const char rmi_realm_loop[];
extern const char rmi_realm_loop_end[];
#endif

#endif /* __RMI_REALM_PAYLOAD_H */
