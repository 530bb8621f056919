// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_smp: the RECs of one Realm entered at the same time from
 * several threads, while another maps RAM and the test tears the Realm
 * down under them.
 *
 * Each vCPU thread runs one REC as a KVM vCPU loop would: cca_rec_enter()
 * with interrupts masked, then cca_rec_handle_exit().  The model's Realm
 * touches RAM the host never mapped (mapped on demand, racing the other
 * RECs' faults and the mapper), asks for RIPAS changes of its own slice
 * of RAM, touches the window the VMM shares pages in, makes host calls
 * and emulated accesses.  A mapper thread maps RAM eagerly meanwhile.
 * Then the test destroys the Realm while the RECs still run, one of them
 * held inside RMI_REC_ENTER by the model: teardown must wait for it,
 * refuse the rest, and finish once the held one comes out.
 *
 * Run under lockdep (CONFIG_PROVE_LOCKING, CONFIG_DEBUG_ATOMIC_SLEEP:
 * sleeping with interrupts masked is reported) and, in its own
 * configuration, KCSAN: any report fails the run.  The books must balance
 * afterwards.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/bitfield.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/kthread.h>
#include <linux/prandom.h>
#include <linux/random.h>
#include <linux/sched.h>
#include <linux/sizes.h>

#include <asm/esr.h>

#include "rmi_lib.h"
#include "rmi_model.h"

#define SMP_RECS	4
#define SMP_RAM		SZ_8M
/* Each REC's slice of RAM, whose RIPAS it changes. */
#define SMP_SLICE	(SMP_RAM / SMP_RECS)
/* Entries each thread makes before teardown starts. */
#define SMP_ENTRIES	300

struct smp_ctx {
	struct rmi_test_realm t;
	struct kunit *test;
	struct rnd_state rnd;
	bool empty[SMP_RECS];
	struct task_struct *threads[SMP_RECS + 1];
	struct completion ready[SMP_RECS];
	struct completion torn_down;
	long teardown_err;
	atomic_long_t entries;
	atomic_long_t handled;
	atomic_long_t refused;
	atomic_long_t maps;
	atomic_t errors;
	bool stop;
};

static u32 smp_rnd(struct smp_ctx *c, u32 n)
{
	return prandom_u32_state(&c->rnd) % n;
}

/* The Realm: runs under the model's lock, so @c->rnd needs no other. */
static void smp_program(void *priv, const struct rmi_model_entry *in,
			struct rec_exit *out)
{
	struct smp_ctx *c = priv;
	unsigned int i = in->index, r = smp_rnd(c, 100);
	unsigned long ipa, slice = i * SMP_SLICE + SMP_SLICE / 2;

	if (r < 40) {
		/* The first half of a slice: never where RIPAS changes. */
		ipa = smp_rnd(c, SMP_RECS) * SMP_SLICE + smp_rnd(c, SMP_SLICE / 2);
		out->exit_reason = RMI_EXIT_SYNC;
		out->esr = FIELD_PREP(ESR_ELx_EC_MASK, ESR_ELx_EC_DABT_LOW) |
			   ESR_ELx_FSC_FAULT | 3;
		out->hpfar = (ipa >> 12) << 4;
	} else if (r < 55) {
		ipa = c->t.shared_base + smp_rnd(c, RMI_TEST_SHARED) * PAGE_SIZE;
		if (r & 1)
			ipa += RMI_TEST_SHARED * PAGE_SIZE;
		out->exit_reason = RMI_EXIT_SYNC;
		out->esr = FIELD_PREP(ESR_ELx_EC_MASK, ESR_ELx_EC_DABT_LOW) |
			   ESR_ELx_ISV | FIELD_PREP(ESR_ELx_SAS, 2) | ESR_ELx_WNR |
			   ESR_ELx_FSC_FAULT | 3;
		out->hpfar = (ipa >> 12) << 4;
	} else if (r < 70) {
		out->exit_reason = RMI_EXIT_HOST_CALL;
		out->imm = i;
	} else if (r < 80) {
		c->empty[i] = !c->empty[i];
		out->exit_reason = RMI_EXIT_RIPAS_CHANGE;
		out->ripas_base = slice;
		out->ripas_top = slice + SZ_64K;
		out->ripas_value = c->empty[i] ? RMI_EMPTY : RMI_RAM;
	} else {
		out->exit_reason = RMI_EXIT_IRQ;
	}
}

/*
 * Make the thread's calls part of @test: the library's transport then
 * reaches the model, as it does from the test's own thread.
 */
static void smp_adopt(struct kunit *test)
{
#if IS_ENABLED(CONFIG_KUNIT)
	current->kunit_test = test;
#endif
}

/* A vCPU loop: enter with interrupts masked, handle the exit. */
static int smp_vcpu(void *data)
{
	struct smp_ctx *c = data;
	unsigned int i = 0, n = 0;
	struct cca_exit exit;
	struct cca_rec *rec;
	long err;
	int r;

	while (i < SMP_RECS && c->threads[i] != current)
		i++;
	rec = &c->t.recs[i];
	smp_adopt(c->test);
	while (!READ_ONCE(c->stop)) {
		if (n++ == SMP_ENTRIES)
			complete(&c->ready[i]);
		local_irq_disable();
		err = cca_rec_enter(rec);
		local_irq_enable();
		if (err == -EAGAIN || err == -EPERM) {
			cond_resched();
			continue;
		}
		if (err == -ESHUTDOWN) {
			atomic_long_inc(&c->refused);
			break;
		}
		if (err) {
			atomic_inc(&c->errors);
			break;
		}
		atomic_long_inc(&c->entries);
		r = cca_rec_handle_exit(rec, &exit);
		if (r == 1)
			atomic_long_inc(&c->handled);
		if (r == -ESHUTDOWN) {
			atomic_long_inc(&c->refused);
			break;
		}
		if (r < 0 || (!r && exit.reason != CCA_EXIT_MMIO &&
			      exit.reason != CCA_EXIT_HOST_CALL)) {
			atomic_inc(&c->errors);
			break;
		}
		if (!r && exit.reason == CCA_EXIT_MMIO)
			cca_rec_mmio_complete(rec, n);
		cond_resched();
	}
	if (n <= SMP_ENTRIES)
		complete(&c->ready[i]);
	smp_adopt(NULL);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

/* Tears the Realm down, from a thread of its own. */
static int smp_teardown(void *data)
{
	struct smp_ctx *c = data;

	smp_adopt(c->test);
	c->teardown_err = rmi_test_realm_end(&c->t);
	smp_adopt(NULL);
	complete(&c->torn_down);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

/* Maps RAM eagerly, 64 KiB at a time, racing the RECs' faults. */
static int smp_mapper(void *data)
{
	struct smp_ctx *c = data;
	unsigned long base;
	long err;

	smp_adopt(c->test);
	while (!READ_ONCE(c->stop)) {
		base = ALIGN_DOWN(get_random_u32_below(SMP_RAM), SZ_64K);
		err = cca_realm_map_ram(&c->t.realm, base, base + SZ_64K);
		if (err && err != -EINVAL) {
			atomic_inc(&c->errors);
			break;
		}
		if (err)
			break;
		atomic_long_inc(&c->maps);
		cond_resched();
	}
	smp_adopt(NULL);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static void rmi_smp_concurrent(struct kunit *test)
{
	unsigned long leaked = rmi_leaked_granules();
	struct rmi_model_config cfg;
	struct task_struct *teardown;
	struct smp_ctx *c;
	unsigned int i;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	c->test = test;
	prandom_seed_state(&c->rnd, 42);
	rmi_model_default_config(&cfg);
	/* Commands complete at once: RECs make progress between them. */
	cfg.per_call = 0;
	/* Each entry runs the Realm a while: the RECs overlap in it. */
	cfg.run_us = 100;
	KUNIT_ASSERT_EQ(test, rmi_test_realm_start(test, &c->t, &cfg, SMP_RAM,
						   SMP_RECS, true, 2), 0);
	rmi_model_set_program(c->t.m, smp_program, c);

	for (i = 0; i < SMP_RECS; i++)
		init_completion(&c->ready[i]);
	for (i = 0; i < SMP_RECS; i++) {
		c->threads[i] = kthread_create(smp_vcpu, c, "rmi_smp/%u", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(c->threads[i]));
	}
	c->threads[SMP_RECS] = kthread_create(smp_mapper, c, "rmi_smp/map");
	KUNIT_ASSERT_FALSE(test, IS_ERR(c->threads[SMP_RECS]));
	for (i = 0; i <= SMP_RECS; i++)
		wake_up_process(c->threads[i]);

	/*
	 * Once every REC made its entries, tear down under them, with REC 0
	 * held inside RMI_REC_ENTER: teardown must wait for it (no command
	 * can take a running REC), and finish once it is let go.
	 */
	for (i = 0; i < SMP_RECS; i++)
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&c->ready[i], 60 * HZ), 0);
	rmi_model_hold(c->t.m, c->t.recs[0].rec);
	for (i = 0; i < 1000 && !rmi_model_running(c->t.m, c->t.recs[0].rec); i++)
		usleep_range(1000, 2000);
	KUNIT_EXPECT_GT(test, rmi_model_running(c->t.m, c->t.recs[0].rec), 0);
	init_completion(&c->torn_down);
	teardown = kthread_run(smp_teardown, c, "rmi_smp/teardown");
	KUNIT_ASSERT_FALSE(test, IS_ERR(teardown));
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&c->torn_down,
							  msecs_to_jiffies(100)), 0);
	rmi_model_hold(c->t.m, 0);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&c->torn_down, 60 * HZ), 0);
	kthread_stop(teardown);
	KUNIT_EXPECT_EQ(test, c->teardown_err, 0);
	WRITE_ONCE(c->stop, true);
	for (i = 0; i <= SMP_RECS; i++)
		kthread_stop(c->threads[i]);

	kunit_info(test, "%ld entries, %ld exits the library handled, %ld eager maps, %ld entries refused after teardown\n",
		   atomic_long_read(&c->entries), atomic_long_read(&c->handled),
		   atomic_long_read(&c->maps), atomic_long_read(&c->refused));
	KUNIT_EXPECT_EQ(test, atomic_read(&c->errors), 0);
	KUNIT_EXPECT_GE(test, atomic_long_read(&c->entries), SMP_RECS * SMP_ENTRIES);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_books(test, c->t.m, c->t.mem, leaked);
}

static struct kunit_case rmi_smp_cases[] = {
	KUNIT_CASE_SLOW(rmi_smp_concurrent),
	{}
};

static struct kunit_suite rmi_smp_suite = {
	.name = "rmi_smp",
	.test_cases = rmi_smp_cases,
};

kunit_test_suite(rmi_smp_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI library: several CPUs");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
