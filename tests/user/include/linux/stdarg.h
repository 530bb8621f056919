/* SPDX-License-Identifier: GPL-2.0-only */
/* See rmi_user.h. */
#include <rmi_user.h>
