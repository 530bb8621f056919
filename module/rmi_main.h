/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * rmi.ko: what its front end's files share.
 */
#ifndef __RMI_MAIN_H
#define __RMI_MAIN_H

#include <linux/mm_types.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#include <asm/rmi.h>

#include "realm/realm-abi.h"

struct rmi_vmm;

/**
 * struct rmi_vmm_vcpu - a REC's vCPU loop
 * @vmm: the VMM
 * @task: its kthread
 * @line: its console line, so far
 * @len: characters in @line
 * @entries: REC entries
 * @mmio: emulated accesses
 * @host_calls: host calls
 * @cpu_ons: RECs it turned on
 * @cpu_offs: times it turned itself off
 * @console_chars: console characters
 *
 * Each field is its loop's alone.
 */
struct rmi_vmm_vcpu {
	struct rmi_vmm *vmm;
	struct task_struct *task;
	char line[REALM_CONSOLE_LINE_MAX + 1];
	unsigned int len;
	unsigned long entries;
	unsigned long mmio;
	unsigned long host_calls;
	unsigned long cpu_ons;
	unsigned long cpu_offs;
	unsigned long console_chars;
};

/**
 * struct rmi_vmm - the Realm rmi.ko runs, and its VMM's state
 * @realm: the Realm
 * @recs: its RECs
 * @vcpus: their loops
 * @nr_recs: how many
 * @shared: the pages of the shared region, the report's
 * @report: a copy of the report, read from @shared
 * @shared_mapped: pages of @shared mapped in the Realm (the library's
 *		   callbacks, under the Realm's lock)
 * @challenge: the host's challenge
 * @reported: the Realm handed its report over (REC 0's loop)
 * @lock: @done and @err
 * @wait: the loops wait here for their REC to be on, the module for the
 *	  end of the run
 * @done: the run is over
 * @err: how it ended
 */
struct rmi_vmm {
	struct cca_realm realm;
	struct cca_rec *recs;
	struct rmi_vmm_vcpu *vcpus;
	unsigned int nr_recs;
	struct page *shared[REALM_SHARED_PAGES];
	void *report;
	unsigned int shared_mapped;
	u8 challenge[REALM_REPORT_MEASUREMENT_SIZE];
	bool reported;
	spinlock_t lock;	/* @done and @err */
	wait_queue_head_t wait;
	bool done;
	int err;
};

extern const struct cca_realm_ops rmi_vmm_ops;
int rmi_vmm_run(struct rmi_vmm *vmm, unsigned int timeout);

int rmi_bench_run(void);

#endif /* __RMI_MAIN_H */
