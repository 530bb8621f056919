// SPDX-License-Identifier: GPL-2.0-only
/*
 * rmi.ko's VMM: the Realm program's RECs run, one kthread each, as a KVM
 * vCPU loop runs a vCPU: cca_rec_enter() with interrupts masked, then
 * cca_rec_handle_exit().  The library completes what it can itself (RAM
 * on demand, RIPAS changes, PSCI, the shared pages this file provides);
 * the rest is the VMM's, as Documentation/arch/arm64/rmi-realm.rst says:
 * the console (emulated byte stores on the unprotected half, printed as
 * "realm: <line>"), the challenge the Realm asks for, and the report it
 * hands back, printed for scripts/rmi-attest.py.  Everything the Realm
 * wrote is checked against the contract before it is read.
 */
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/mm.h>
#include <linux/printk.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>

#include <asm/rmi.h>

#include "realm/realm-program.h"
#include "rmi_main.h"

static_assert(sizeof(struct realm_report) == REALM_REPORT_TOKEN_OFFSET);
static_assert(offsetof(struct realm_report, token_len) ==
	      REALM_REPORT_TOKEN_LEN_OFFSET);
static_assert(offsetof(struct realm_report, challenge) ==
	      REALM_REPORT_CHALLENGE_OFFSET);
static_assert(offsetof(struct realm_report, rim) == REALM_REPORT_RIM_OFFSET);
static_assert(offsetof(struct realm_report, rem) == REALM_REPORT_REM_OFFSET);

/* The unprotected half's base: the console and the shared pages. */
static unsigned long rmi_vmm_unprot(const struct rmi_vmm *vmm)
{
	return BIT_ULL(vmm->realm.s2sz - 1);
}

/*
 * The share callback: the report's pages, at the shared region only.
 * Called with the Realm's lock held.
 */
static phys_addr_t rmi_vmm_share(struct cca_realm *realm, unsigned long ipa)
{
	struct rmi_vmm *vmm = container_of(realm, struct rmi_vmm, realm);
	unsigned long base = rmi_vmm_unprot(vmm) + REALM_SHARED_OFFSET;

	if (ipa < base || ipa >= base + REALM_SHARED_PAGES * PAGE_SIZE)
		return 0;
	vmm->shared_mapped++;
	return page_to_phys(vmm->shared[(ipa - base) >> PAGE_SHIFT]);
}

static void rmi_vmm_unshare(struct cca_realm *realm, unsigned long ipa,
			    phys_addr_t pa)
{
	struct rmi_vmm *vmm = container_of(realm, struct rmi_vmm, realm);

	vmm->shared_mapped--;
}

const struct cca_realm_ops rmi_vmm_ops = {
	.share = rmi_vmm_share,
	.unshare = rmi_vmm_unshare,
};

/* The run is over, well or not: every loop stops. */
static void rmi_vmm_finish(struct rmi_vmm *vmm, int err)
{
	spin_lock(&vmm->lock);
	if (!vmm->done) {
		vmm->done = true;
		vmm->err = err;
	}
	spin_unlock(&vmm->lock);
	wake_up_all(&vmm->wait);
}

/* A character of REC @i's console; a line is printed at '\n'. */
static int rmi_vmm_console(struct rmi_vmm *vmm, unsigned int i,
			   const struct cca_exit *exit)
{
	struct rmi_vmm_vcpu *v = &vmm->vcpus[i];
	char c = exit->mmio.data & 0xff;

	if (!exit->mmio.write || exit->mmio.len != 1) {
		pr_err("rmi: REC %u: %s of %u bytes at the console\n", i,
		       exit->mmio.write ? "write" : "read", exit->mmio.len);
		return -EPROTO;
	}
	v->console_chars++;
	if (c != '\n' && v->len < REALM_CONSOLE_LINE_MAX) {
		/* What the Realm prints is not to be trusted: printable only. */
		v->line[v->len++] = (c >= ' ' && c <= '~') ? c : '?';
		return 0;
	}
	v->line[v->len] = '\0';
	if (i)
		pr_info("realm[%u]: %s\n", i, v->line);
	else
		pr_info("realm: %s\n", v->line);
	v->len = 0;
	return 0;
}

/* REALM_HC_CHALLENGE: the host's 64 bytes, in gprs[0..7]. */
static void rmi_vmm_challenge(struct rmi_vmm *vmm, struct cca_rec *rec)
{
	u64 gprs[REALM_REPORT_MEASUREMENT_SIZE / sizeof(u64)];

	memcpy(gprs, vmm->challenge, sizeof(gprs));
	pr_info("rmi: challenge: %*phN\n", (int)sizeof(vmm->challenge),
		vmm->challenge);
	cca_rec_host_call_complete(rec, gprs, ARRAY_SIZE(gprs));
}

/* Print @len bytes as "rmi: <what>: <hex>" lines, 64 bytes a line. */
static void rmi_vmm_hex(const char *what, const u8 *p, size_t len)
{
	size_t n;

	for (; len; p += n, len -= n) {
		n = min_t(size_t, len, 64);
		pr_info("rmi: %s: %*phN\n", what, (int)n, p);
	}
}

/*
 * REALM_HC_REPORT: gprs[0..3] are the report's IPA, its size, the status
 * and the detail.  All Realm-controlled: the IPA must be the shared
 * region, the size and token_len within it, the header the contract's.
 */
static int rmi_vmm_report(struct rmi_vmm *vmm, const struct cca_exit *exit)
{
	unsigned long base = rmi_vmm_unprot(vmm) + REALM_SHARED_OFFSET;
	const u64 *g = exit->host_call.gprs;
	const size_t room = REALM_SHARED_PAGES * PAGE_SIZE;
	struct realm_report *r = vmm->report;
	unsigned int i;

	vmm->reported = true;
	if (!g[0]) {
		pr_err("rmi: the Realm reported failure %llu (%#llx) without a report\n",
		       g[2], g[3]);
		return -EPROTO;
	}
	if (g[0] != base || g[1] < sizeof(*r) || g[1] > room) {
		pr_err("rmi: report at %#llx, %llu bytes: not the shared region\n",
		       g[0], g[1]);
		return -EPROTO;
	}
	/* A copy: the Realm could change the pages while they are read. */
	for (i = 0; i < REALM_SHARED_PAGES; i++)
		memcpy((u8 *)r + i * PAGE_SIZE, page_address(vmm->shared[i]),
		       PAGE_SIZE);
	if (r->magic != REALM_REPORT_MAGIC ||
	    r->version != REALM_REPORT_VERSION ||
	    r->token_len > room - sizeof(*r)) {
		pr_err("rmi: report: magic %#x, version %u, token of %llu bytes: not the contract's\n",
		       r->magic, r->version, r->token_len);
		return -EPROTO;
	}
	pr_info("rmi: the Realm reported: status %u, %llu of %llu RECs up, %llu granules touched, %llu bytes of token\n",
		r->status, r->recs_up, r->nr_recs - 1, r->touched,
		r->token_len);
	rmi_vmm_hex("report", (const u8 *)r, sizeof(*r));
	rmi_vmm_hex("token", (const u8 *)r + sizeof(*r), r->token_len);
	return r->status ? -EIO : 0;
}

/* What the VMM does for an exit the library handed it. */
static int rmi_vmm_exit(struct rmi_vmm *vmm, unsigned int i,
			const struct cca_exit *exit)
{
	unsigned long console = rmi_vmm_unprot(vmm) + REALM_CONSOLE_OFFSET;
	struct cca_rec *rec = &vmm->recs[i];

	switch (exit->reason) {
	case CCA_EXIT_MMIO:
		vmm->vcpus[i].mmio++;
		if (exit->mmio.ipa != console) {
			pr_err("rmi: REC %u: access to %#lx, which is no device\n",
			       i, exit->mmio.ipa);
			return -EPROTO;
		}
		return rmi_vmm_console(vmm, i, exit);
	case CCA_EXIT_HOST_CALL:
		vmm->vcpus[i].host_calls++;
		if (exit->host_call.imm == REALM_HC_CHALLENGE) {
			rmi_vmm_challenge(vmm, rec);
			return 0;
		}
		if (exit->host_call.imm == REALM_HC_REPORT)
			return rmi_vmm_report(vmm, exit);
		pr_err("rmi: REC %u: host call %#x, which the contract has not\n",
		       i, exit->host_call.imm);
		return -EPROTO;
	case CCA_EXIT_CPU_ON:
		vmm->vcpus[i].cpu_ons++;
		wake_up_all(&vmm->wait);
		return 0;
	case CCA_EXIT_CPU_OFF:
		vmm->vcpus[i].cpu_offs++;
		return 0;
	case CCA_EXIT_SYSTEM_OFF:
		pr_info("rmi: the Realm powered off\n");
		rmi_vmm_finish(vmm, vmm->reported ? 0 : -EPROTO);
		return 0;
	case CCA_EXIT_STOP:
		pr_err("rmi: the Realm stopped: %s (exit %u, esr %#llx, IPA %#lx)\n",
		       exit->stop.why, exit->stop.exit_reason, exit->stop.esr,
		       exit->stop.ipa);
		return -EPROTO;
	default:
		pr_err("rmi: REC %u: exit %u for the VMM\n", i, exit->reason);
		return -EPROTO;
	}
}

/* Whether REC @i may run, or the run is over. */
static bool rmi_vmm_runnable(struct rmi_vmm *vmm, unsigned int i)
{
	return READ_ONCE(vmm->done) || kthread_should_stop() ||
	       cca_rec_is_on(&vmm->recs[i]);
}

/* REC @i's vCPU loop. */
static int rmi_vmm_vcpu(void *data)
{
	struct rmi_vmm_vcpu *v = data;
	struct rmi_vmm *vmm = v->vmm;
	unsigned int i = v - vmm->vcpus;
	struct cca_rec *rec = &vmm->recs[i];
	struct cca_exit exit;
	long err;
	int r;

	while (!READ_ONCE(vmm->done) && !kthread_should_stop()) {
		/*
		 * As KVM's run loop: a REC that exits to the host again and
		 * again (a secondary's state polled) must not keep the REC it
		 * waits for off a CPU.
		 */
		cond_resched();
		wait_event(vmm->wait, rmi_vmm_runnable(vmm, i));
		local_irq_disable();
		err = cca_rec_enter(rec);
		local_irq_enable();
		if (err == -EAGAIN || err == -EPERM) {
			cond_resched();
			continue;
		}
		/* Powered off, or stopped, by another REC's exit. */
		if (err == -ESHUTDOWN && READ_ONCE(vmm->done))
			break;
		if (err) {
			pr_err("rmi: REC %u: REC_ENTER failed: %ld (X0 %#lx)\n",
			       i, err, rec->enter_ret);
			rmi_vmm_finish(vmm, err < 0 ? err : -EIO);
			break;
		}
		v->entries++;
		r = cca_rec_handle_exit(rec, &exit);
		if (r > 0)
			continue;
		if (!r)
			r = rmi_vmm_exit(vmm, i, &exit);
		if (r == -ENOMEM) {
			/* The Realm faults again: try then. */
			usleep_range(1000, 2000);
			continue;
		}
		if (r) {
			rmi_vmm_finish(vmm, r);
			break;
		}
	}
	/* Wait to be stopped: the loops end together. */
	while (!kthread_should_stop())
		schedule_timeout_interruptible(HZ / 10);
	return 0;
}

/**
 * rmi_vmm_run() - run the Realm until it powers off
 * @vmm: the Realm, built and activated, REC 0 on
 * @timeout: seconds it may take
 *
 * A kthread per REC; each waits until its REC is on.
 *
 * Return: 0 once the Realm powered off after handing its report over;
 * -ETIMEDOUT; or the first failure of a loop.
 */
int rmi_vmm_run(struct rmi_vmm *vmm, unsigned int timeout)
{
	unsigned int i;
	int err = 0;

	spin_lock_init(&vmm->lock);
	init_waitqueue_head(&vmm->wait);
	get_random_bytes(vmm->challenge, sizeof(vmm->challenge));
	for (i = 0; i < vmm->nr_recs; i++) {
		vmm->vcpus[i].vmm = vmm;
		vmm->vcpus[i].task = kthread_run(rmi_vmm_vcpu, &vmm->vcpus[i],
						 "rmi-rec/%u", i);
		if (IS_ERR(vmm->vcpus[i].task)) {
			err = PTR_ERR(vmm->vcpus[i].task);
			vmm->vcpus[i].task = NULL;
			rmi_vmm_finish(vmm, err);
			break;
		}
	}
	if (!wait_event_timeout(vmm->wait, READ_ONCE(vmm->done), timeout * HZ)) {
		pr_err("rmi: the Realm did not power off in %u s\n", timeout);
		rmi_vmm_finish(vmm, -ETIMEDOUT);
	}
	for (i = 0; i < vmm->nr_recs; i++)
		if (vmm->vcpus[i].task)
			kthread_stop(vmm->vcpus[i].task);
	return vmm->err;
}
