/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Realm program as rmi.ko sees it: its flat image, to load at IPA 0,
 * and the contract (realm-abi.h, Documentation/arch/arm64/rmi-realm.rst).
 */
#ifndef __RMI_REALM_PROGRAM_H
#define __RMI_REALM_PROGRAM_H

#include "realm-abi.h"

extern const char rmi_realm_program[];
extern const char rmi_realm_program_end[];

#endif /* __RMI_REALM_PROGRAM_H */
