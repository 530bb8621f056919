/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rmi.ko: what its front end's files share.
 */
#ifndef __RMI_MAIN_H
#define __RMI_MAIN_H

int rmi_bench_run(void);

#endif /* __RMI_MAIN_H */
