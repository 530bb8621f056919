// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suites rmi_real_realm and rmi_real_faults: the RMI library on the
 * real RMM (the Arm CCA stack of scripts/kunit.sh; skipped, with the
 * reason, where there is none).
 *
 * rmi_real_realm builds a Realm through the library (rmi_real_lifecycle():
 * RTTs, RIPAS, the measured payload of rmi.ko, RAM by ranges, RECs with
 * the memory TF-RMM asks for, activation), reads back the RTT entries of
 * what it mapped, runs REC 0 until the Realm powers off and tears it down.
 * The real RMM then shows that every granule came back Non-secure: each
 * page the library freed is delegated and undelegated again.  Then two
 * RECs of one Realm run from two threads bound to two CPUs, and must be
 * inside RMI_REC_ENTER at the same time (rmi_real_realm_smp).
 *
 * rmi_real_faults runs the same lifecycle once per call it makes, three
 * times K times, with call n refused (not issued: RMI_ERROR_INPUT, then
 * RMI_BUSY, then RMI_BLOCKED, returned in its place) by a stub of the
 * library's transport that forwards every other call to the RMM.  A busy
 * or blocked RMM is asked again and the lifecycle completes.  Otherwise the library must return the
 * error and tear down; the
 * real RMM shows, with the same proof, that nothing is left delegated: the
 * RD among the granules, so the Realm is gone.  A refused donation to an
 * operation the RMM does not let the host cancel is made again instead,
 * and the lifecycle completes; a refused reclaim of such an operation is
 * given up and counted (rmi_abandoned_ops()).
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/kthread.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/slab.h>

#include <asm/rmi.h>

#include "realm-payload.h"
#include "rmi_real_lib.h"

#define RMI_REAL_LOG_CAP	1024

static const char *rmi_real_realm_why;

static int rmi_real_realm_suite_init(struct kunit_suite *suite)
{
	rmi_real_realm_why = rmi_real_lib_why();
	return 0;
}

static int rmi_real_realm_init(struct kunit *test)
{
	if (rmi_real_realm_why)
		kunit_skip(test, "%s", rmi_real_realm_why);
	KUNIT_ASSERT_EQ(test, rmi_real_lib_init(test), 0);
	return 0;
}

/* A Realm built, run and torn down; every granule back to Non-secure. */
static void rmi_real_realm_lifecycle(struct kunit *test)
{
	unsigned long leaked = rmi_leaked_granules();
	unsigned long recs = rmi_call_count(SMC_RMI_REC_CREATE);
	unsigned long donates = rmi_call_count(SMC_RMI_OP_MEM_DONATE);
	struct rmi_real_proof p;
	struct rmi_real_mem *mem;
	struct rmi_real_lc *lc;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	mem = rmi_real_mem_init(test);
	lc->nr_recs = RMI_REAL_MAX_RECS;
	lc->read_entries = true;
	lc->enter = true;

	KUNIT_EXPECT_EQ(test, rmi_real_lifecycle(mem, lc), 0);
	KUNIT_EXPECT_EQ(test, lc->err, 0);
	KUNIT_EXPECT_EQ(test, lc->destroy_err, 0);
	KUNIT_EXPECT_EQ(test, lc->realm.state, CCA_REALM_NONE);
	/* Every mapped granule: level 3, DATA, RIPAS RAM; the next VOID. */
	KUNIT_EXPECT_EQ(test, lc->entries_ok, RMI_REAL_RAM_PAGES);
	KUNIT_EXPECT_TRUE(test, lc->beyond_ok);
	KUNIT_EXPECT_TRUE(test, lc->host_call);
	KUNIT_EXPECT_TRUE(test, lc->powered_off);
	KUNIT_EXPECT_EQ(test, rmi_call_count(SMC_RMI_REC_CREATE) - recs,
			RMI_REAL_MAX_RECS);
	kunit_info(test, "%u REC entries; %lu granules handed out; REC_CREATE donations %lu\n",
		   lc->entries, mem->allocs,
		   rmi_call_count(SMC_RMI_OP_MEM_DONATE) - donates);

	KUNIT_EXPECT_EQ(test, mem->bad_frees, 0);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_real_mem_prove(mem, false, &p);
	KUNIT_EXPECT_EQ(test, p.leaked, 0);
	KUNIT_EXPECT_EQ(test, p.not_ns, 0);
	KUNIT_EXPECT_EQ(test, p.ns, mem->allocs);
	kunit_info(test, "real RMM: %lu granules shown Non-secure, %lu not, %lu leaked\n",
		   p.ns, p.not_ns, p.leaked);
}

/*
 * The statuses call n is refused with: a refusal, and a busy or blocked
 * RMM (retried by the library: the lifecycle completes as if nothing
 * happened).
 */
static const unsigned long rmi_real_refusals[] = {
	RMI_ERROR_INPUT, RMI_BUSY, RMI_BLOCKED,
};

/* Each call of the lifecycle refused in turn; nothing stays delegated. */
static void rmi_real_faults_every_call(struct kunit *test)
{
	unsigned long k, n, fid, leaked, abandoned, runs = 0, held = 0;
	unsigned long redone = 0, given_up = 0;
	bool busy, fixed, redo, unseen;
	unsigned long unreached = 0, *log;
	struct rmi_real_fault *f;
	struct rmi_real_proof p;
	struct rmi_real_mem *mem;
	struct rmi_real_lc *lc;
	unsigned int i;
	ktime_t t0;
	long err;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	log = kunit_kcalloc(test, RMI_REAL_LOG_CAP, sizeof(*log), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_ASSERT_NOT_NULL(test, log);

	/* The clean run: K calls. */
	mem = rmi_real_mem_init(test);
	f->log = log;
	f->cap = RMI_REAL_LOG_CAP;
	rmi_real_fault_install(test, f);
	lc->nr_recs = 1;
	lc->enter = true;
	KUNIT_ASSERT_EQ(test, rmi_real_lifecycle(mem, lc), 0);
	rmi_real_fault_remove(test);
	k = f->calls;
	KUNIT_ASSERT_LE(test, k, RMI_REAL_LOG_CAP);
	rmi_real_mem_prove(mem, false, &p);
	KUNIT_ASSERT_EQ(test, p.ns, mem->allocs);

	t0 = ktime_get();
	for (n = 1; n <= k; n++) {
		for (i = 0; i < ARRAY_SIZE(rmi_real_refusals); i++) {
			memset(lc, 0, sizeof(*lc));
			lc->nr_recs = 1;
			lc->enter = true;
			leaked = rmi_leaked_granules();
			abandoned = rmi_abandoned_ops();
			mem = rmi_real_mem_init(test);
			f->log = NULL;
			f->fail_at = n;
			f->status = rmi_real_refusals[i];
			rmi_real_fault_install(test, f);
			err = rmi_real_lifecycle(mem, lc);
			rmi_real_fault_remove(test);
			runs++;
			/* Fewer REC entries (interrupt exits) than recorded. */
			if (!f->refused_fid)
				unreached++;

			fid = f->refused_fid;
			busy = f->status == RMI_BUSY || f->status == RMI_BLOCKED;
			fixed = !busy && f->refused_in_fixed_op;
			redo = fixed && (fid == SMC_RMI_OP_MEM_DONATE ||
					 fid == SMC_RMI_GRANULE_RANGE_DELEGATE);
			/*
			 * A refused OP_CONTINUE is taken as the operation's
			 * end, as the RMM's own refusal would be; this RMM
			 * never saw the call and still holds the operation.
			 */
			unseen = !busy && fid == SMC_RMI_OP_CONTINUE;
			if (busy) {
				KUNIT_EXPECT_EQ_MSG(test, err, 0, "call %lu (FID %#lx) busy",
						    n, fid);
				KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
			} else if (redo) {
				/*
				 * A donation to an operation the RMM does not
				 * let the host cancel (TF-RMM's REC_CREATE),
				 * or a delegation for it: made again, the
				 * operation and the lifecycle complete.
				 */
				KUNIT_EXPECT_EQ_MSG(test, err, 0, "call %lu (FID %#lx)",
						    n, fid);
				redone++;
			} else {
				KUNIT_EXPECT_TRUE_MSG(test, !fid || err ||
						      rmi_leaked_granules() != leaked,
						      "call %lu (FID %#lx) refused: no error",
						      n, fid);
			}
			/*
			 * Given up, and counted, only when a refused reclaim
			 * left an operation that cannot be cancelled pending.
			 */
			KUNIT_EXPECT_EQ_MSG(test, rmi_abandoned_ops() - abandoned,
					    fixed && fid == SMC_RMI_OP_MEM_RECLAIM,
					    "call %lu (FID %#lx)", n, fid);
			given_up += rmi_abandoned_ops() - abandoned;
			KUNIT_EXPECT_EQ_MSG(test, mem->bad_frees, 0, "call %lu", n);
			rmi_real_mem_prove(mem, true, &p);
			/* Freed by the library: Non-secure. */
			KUNIT_EXPECT_EQ_MSG(test, p.not_ns, 0, "call %lu (FID %#lx)", n,
					    fid);
			/* Kept: exactly what the library says it leaked. */
			KUNIT_EXPECT_EQ_MSG(test, p.leaked, rmi_leaked_granules() - leaked,
					    "call %lu (FID %#lx)", n, fid);
			/*
			 * Still the Realm world's only when the refused call
			 * was part of the teardown, which the RMM never saw,
			 * or left an operation pending.
			 */
			if (p.held)
				held++;
			KUNIT_EXPECT_TRUE_MSG(test, !p.held || lc->destroy_err ||
					      unseen || rmi_abandoned_ops() != abandoned,
					      "call %lu (FID %#lx): %lu granules held",
					      n, fid, p.held);
		}
	}
	kunit_info(test, "K = %lu calls; %lu refused runs in %lld ms (%lu ended before call n); %lu refused donations to operations that cannot be cancelled, made again; %lu operations given up; %lu runs left granules in the RMM\n",
		   k, runs, ktime_ms_delta(ktime_get(), t0), unreached, redone,
		   given_up, held);
}

/* REC entries each vCPU thread of rmi_real_realm_smp makes. */
#define RMI_REAL_SMP_ENTRIES	400

/**
 * struct rmi_real_vcpu - one vCPU thread of rmi_real_realm_smp
 * @rec: the REC it runs
 * @inside: RECs of the Realm inside RMI_REC_ENTER, shared
 * @start: the threads start together
 * @done: this one ended
 * @cpu: the CPU it is bound to
 * @cpu_seen: the CPU it ran on, every entry (must be @cpu)
 * @entries: REC entries that returned
 * @together: entries during which the other REC was inside too
 * @host_calls: exits of the loop's host call
 * @err: first failure
 */
struct rmi_real_vcpu {
	struct cca_rec *rec;
	atomic_t *inside;
	struct completion *start;
	struct completion done;
	unsigned int cpu;
	unsigned int cpu_seen;
	unsigned long entries;
	unsigned long together;
	unsigned long host_calls;
	long err;
};

/* A vCPU loop, as KVM's: entry with interrupts masked, then the exit. */
static int rmi_real_vcpu_fn(void *data)
{
	struct rmi_real_vcpu *v = data;
	struct cca_exit exit;
	long err = 0;
	int r;

	wait_for_completion(v->start);
	while (v->entries < RMI_REAL_SMP_ENTRIES) {
		local_irq_disable();
		v->cpu_seen = smp_processor_id();
		/* Counted on both sides of the entry: the REC is running. */
		atomic_inc(v->inside);
		err = cca_rec_enter(v->rec);
		if (atomic_dec_return(v->inside))
			v->together++;
		local_irq_enable();
		if (err == -EAGAIN) {
			err = 0;
			cond_resched();
			continue;
		}
		if (err || v->cpu_seen != v->cpu)
			break;
		v->entries++;
		r = cca_rec_handle_exit(v->rec, &exit);
		if (r < 0) {
			err = r;
			break;
		}
		if (!r && exit.reason != CCA_EXIT_HOST_CALL) {
			err = -EPROTO;
			break;
		}
		v->host_calls += !r;
		cond_resched();
	}
	v->err = err ?: (v->cpu_seen != v->cpu ? -EXDEV : 0);
	complete(&v->done);
	return 0;
}

/*
 * Two RECs of one Realm, each run by a thread bound to a CPU of its own:
 * both must be inside RMI_REC_ENTER at the same time, again and again,
 * through the library.  The Realm is the loop of host calls of rmi.ko's
 * bench; teardown afterwards gives every granule back.
 */
static void rmi_real_realm_smp(struct kunit *test)
{
	size_t size = rmi_realm_loop_end - rmi_realm_loop;
	struct cca_realm_config cfg = {
		.s2sz = RMI_REAL_S2SZ, .rtt_level_start = RMI_REAL_LEVEL_START,
		.hash_algo = RMI_HASH_SHA_256, .num_bps = 1, .num_wps = 1,
		.max_recs = 2,
	};
	const unsigned long ram = RMI_REAL_RAM_PAGES * PAGE_SIZE;
	unsigned long leaked = rmi_leaked_granules(), together = 0;
	struct cca_rec_config rc = { .runnable = true };
	struct task_struct *task[2] = { };
	DECLARE_COMPLETION_ONSTACK(start);
	struct rmi_real_vcpu *v;
	struct rmi_real_proof p;
	struct rmi_real_mem *mem;
	struct cca_realm *realm;
	struct cca_rec *recs;
	atomic_t inside = ATOMIC_INIT(0);
	unsigned int i, cpu;
	struct page *src;
	long err;

	if (num_online_cpus() < 2)
		kunit_skip(test, "one CPU online: RECs cannot run at once");
	realm = kunit_kzalloc(test, sizeof(*realm), GFP_KERNEL);
	recs = kunit_kcalloc(test, 2, sizeof(*recs), GFP_KERNEL);
	v = kunit_kcalloc(test, 2, sizeof(*v), GFP_KERNEL);
	src = alloc_page(GFP_KERNEL | __GFP_ZERO);
	KUNIT_ASSERT_NOT_NULL(test, realm);
	KUNIT_ASSERT_NOT_NULL(test, recs);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_ASSERT_NOT_NULL(test, src);
	memcpy(page_address(src), rmi_realm_loop, min(size, PAGE_SIZE));
	mem = rmi_real_mem_init(test);

	KUNIT_ASSERT_EQ(test, cca_realm_create(realm, &cfg, &mem->ops), 0);
	err = cca_realm_init_ripas(realm, 0, ram) ?:
	      cca_realm_populate(realm, 0, page_to_phys(src), true) ?:
	      cca_realm_map_ram(realm, PAGE_SIZE, ram);
	for (i = 0; i < 2 && !err; i++) {
		rc.mpidr = FIELD_PREP(REC_MPIDR_AFF0_MASK, i);
		err = cca_rec_create(realm, &rc, &recs[i]);
	}
	err = err ?: cca_realm_activate(realm);
	__free_page(src);
	KUNIT_EXPECT_EQ(test, err, 0);

	cpu = cpumask_first(cpu_online_mask);
	for (i = 0; i < 2 && !err; i++, cpu = cpumask_next(cpu, cpu_online_mask)) {
		v[i].rec = &recs[i];
		v[i].inside = &inside;
		v[i].start = &start;
		v[i].cpu = cpu;
		init_completion(&v[i].done);
		task[i] = kthread_create_on_cpu(rmi_real_vcpu_fn, &v[i], cpu,
						"rmi-rec/%u");
		if (IS_ERR(task[i])) {
			err = PTR_ERR(task[i]);
			task[i] = NULL;
			break;
		}
		wake_up_process(task[i]);
	}
	complete_all(&start);
	for (i = 0; i < 2; i++) {
		if (!task[i])
			continue;
		wait_for_completion(&v[i].done);
		KUNIT_EXPECT_EQ_MSG(test, v[i].err, 0, "REC %u on CPU %u", i, v[i].cpu);
		KUNIT_EXPECT_EQ(test, v[i].entries, RMI_REAL_SMP_ENTRIES);
		KUNIT_EXPECT_GT(test, v[i].host_calls, 0);
		together += v[i].together;
		kunit_info(test, "REC %u on CPU %u: %lu entries, %lu host calls, %lu with the other REC inside too\n",
			   i, v[i].cpu, v[i].entries, v[i].host_calls,
			   v[i].together);
	}
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_NE(test, v[0].cpu, v[1].cpu);
	/* The RECs of one Realm ran at once on two CPUs. */
	KUNIT_EXPECT_GT(test, together, 0);

	KUNIT_EXPECT_EQ(test, cca_realm_destroy(realm), 0);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	KUNIT_EXPECT_EQ(test, mem->bad_frees, 0);
	rmi_real_mem_prove(mem, false, &p);
	KUNIT_EXPECT_EQ(test, p.leaked, 0);
	KUNIT_EXPECT_EQ(test, p.not_ns, 0);
	KUNIT_EXPECT_EQ(test, p.ns, mem->allocs);
}

static struct kunit_case rmi_real_realm_cases[] = {
	KUNIT_CASE(rmi_real_realm_lifecycle),
	KUNIT_CASE(rmi_real_realm_smp),
	{}
};

static struct kunit_suite rmi_real_realm_suite = {
	.name = "rmi_real_realm",
	.suite_init = rmi_real_realm_suite_init,
	.init = rmi_real_realm_init,
	.test_cases = rmi_real_realm_cases,
};

static struct kunit_case rmi_real_faults_cases[] = {
	KUNIT_CASE_SLOW(rmi_real_faults_every_call),
	{}
};

static struct kunit_suite rmi_real_faults_suite = {
	.name = "rmi_real_faults",
	.suite_init = rmi_real_realm_suite_init,
	.init = rmi_real_realm_init,
	.test_cases = rmi_real_faults_cases,
};

kunit_test_suites(&rmi_real_realm_suite, &rmi_real_faults_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI library on the real RMM");
MODULE_LICENSE("GPL");
