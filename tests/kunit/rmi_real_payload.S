/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The Realm payload of rmi.ko (module/realm-payload.S), linked into the
 * KUnit kernel for the suites that run a Realm on the real RMM.
 */
#include "../../module/realm-payload.S"
