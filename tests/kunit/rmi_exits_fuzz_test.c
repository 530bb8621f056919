// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_exits_fuzz: seeded random REC exits through the
 * library's handlers.
 *
 * The model's Realm makes random exits, most of them near what a Realm
 * could cause (aborts in and around its RAM and its shared window, PSCI
 * calls naming its RECs, RIPAS changes inside its RAM, host calls) and
 * the rest anywhere: any reason, syndrome, address, MPIDR, range or
 * value.  The model keeps the state an RMM would for each, so the
 * library's answers (RTT_SET_RIPAS, PSCI_COMPLETE, maps) are checked as
 * the RMM checks them.  The VMM side completes what is handed back with
 * random values.  Realms are torn down and made again until the number of
 * exits is reached.  After each: teardown succeeds, no granule was freed
 * while delegated, nothing leaked, the books balance.  KASAN and UBSAN
 * watch the whole run.  The seed is printed; rmi_exits_fuzz_test.seed=
 * on the command line replays a run.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/moduleparam.h>
#include <linux/prandom.h>
#include <linux/sizes.h>
#include <uapi/linux/psci.h>

#include <asm/esr.h>

#include "rmi_lib.h"
#include "rmi_model.h"

#define FUZZ_EXITS		10000
#define FUZZ_RAM		SZ_2M
/* Exits a Realm makes before the next one is made. */
#define FUZZ_PER_REALM		256

static unsigned int seed = 0x5eed;
module_param(seed, uint, 0444);
MODULE_PARM_DESC(seed, "seed of the random exits (default 0x5eed)");

struct fuzz_ctx {
	struct rmi_test_realm t;
	struct rnd_state rnd;
	unsigned long by_reason[4];
};

static u32 rnd(struct fuzz_ctx *c, u32 n)
{
	return n ? prandom_u32_state(&c->rnd) % n : 0;
}

static u64 rnd64(struct fuzz_ctx *c)
{
	return (u64)prandom_u32_state(&c->rnd) << 32 | prandom_u32_state(&c->rnd);
}

/* An IPA: in RAM, beyond it, in the shared window, unprotected, or not. */
static unsigned long fuzz_ipa(struct fuzz_ctx *c)
{
	unsigned long half = BIT_ULL(c->t.realm.s2sz - 1);

	/* Where the Realm goes on, mostly: each Realm lives long. */
	switch (rnd(c, 16)) {
	case 0:
		return FUZZ_RAM + rnd(c, SZ_16M);
	case 1:
		return half + rnd64(c) % half;
	case 2:
		return rnd64(c);
	case 3 ... 7:
		return c->t.shared_base + rnd(c, 2 * RMI_TEST_SHARED * PAGE_SIZE);
	default:
		return rnd(c, FUZZ_RAM);
	}
}

static void fuzz_abort(struct fuzz_ctx *c, struct rec_exit *e)
{
	static const unsigned int ecs[] = {
		ESR_ELx_EC_DABT_LOW, ESR_ELx_EC_DABT_LOW, ESR_ELx_EC_DABT_LOW,
		ESR_ELx_EC_IABT_LOW, ESR_ELx_EC_WFx,
	};
	unsigned long ipa = fuzz_ipa(c);
	unsigned int ec = rnd(c, 32) ? ecs[rnd(c, ARRAY_SIZE(ecs))] : rnd(c, 64);

	e->exit_reason = RMI_EXIT_SYNC;
	e->esr = FIELD_PREP(ESR_ELx_EC_MASK, ec) | (rnd64(c) & GENMASK(24, 0));
	/* A valid syndrome where emulation is possible, mostly. */
	if (rnd(c, 4))
		e->esr |= ESR_ELx_ISV;
	e->hpfar = rnd(c, 32) ? (ipa >> 12) << 4 : rnd64(c);
	e->far = rnd(c, 32) ? ipa & (PAGE_SIZE - 1) : rnd64(c);
	e->gprs[0] = rnd64(c);
}

/* A PSCI call naming one of the Realm's RECs, mostly. */
static void fuzz_psci(struct fuzz_ctx *c, struct rec_exit *e)
{
	static const u64 fns[] = {
		PSCI_0_2_FN_CPU_ON, PSCI_0_2_FN64_CPU_ON,
		PSCI_0_2_FN_AFFINITY_INFO, PSCI_0_2_FN64_AFFINITY_INFO,
		PSCI_0_2_FN_CPU_OFF, PSCI_0_2_FN_CPU_SUSPEND,
		PSCI_0_2_FN64_CPU_SUSPEND, PSCI_0_2_FN_SYSTEM_OFF,
		PSCI_0_2_FN_SYSTEM_RESET,
	};
	unsigned int i = rnd(c, c->t.nr_recs);

	e->exit_reason = RMI_EXIT_PSCI;
	e->gprs[0] = rnd(c, 32) ? fns[rnd(c, ARRAY_SIZE(fns))] : rnd64(c);
	/* Power-offs end the Realm: keep them rare. */
	if (e->gprs[0] == PSCI_0_2_FN_SYSTEM_OFF ||
	    e->gprs[0] == PSCI_0_2_FN_SYSTEM_RESET)
		e->gprs[0] = rnd(c, 8) ? PSCI_0_2_FN64_CPU_SUSPEND : e->gprs[0];
	e->gprs[1] = rnd(c, 16) ? ((i % 16) | (u64)(i / 16) << 8) : rnd64(c);
	e->gprs[2] = rnd(c, FUZZ_RAM);
	e->gprs[3] = rnd64(c);
}

/* A RIPAS change inside the RAM, mostly, of a valid value, mostly. */
static void fuzz_ripas(struct fuzz_ctx *c, struct rec_exit *e)
{
	unsigned long base = ALIGN_DOWN(rnd(c, FUZZ_RAM), PAGE_SIZE);
	unsigned long top = base + PAGE_SIZE * (1 + rnd(c, 64));

	e->exit_reason = RMI_EXIT_RIPAS_CHANGE;
	e->ripas_base = rnd(c, 32) ? base : rnd64(c);
	e->ripas_top = rnd(c, 32) ? min_t(unsigned long, top, FUZZ_RAM) : rnd64(c);
	e->ripas_value = rnd(c, 32) ? rnd(c, 2) : rnd(c, 256);
}

static void fuzz_program(void *priv, const struct rmi_model_entry *in,
			 struct rec_exit *out)
{
	struct fuzz_ctx *c = priv;
	unsigned int i, r = rnd(c, 100);

	if (r < 35) {
		fuzz_abort(c, out);
	} else if (r < 45) {
		out->exit_reason = rnd(c, 2) ? RMI_EXIT_IRQ : RMI_EXIT_FIQ;
	} else if (r < 60) {
		out->exit_reason = RMI_EXIT_HOST_CALL;
		out->imm = rnd(c, 0x10000);
		for (i = 0; i < REC_RUN_GPRS; i++)
			out->gprs[i] = rnd64(c);
	} else if (r < 75) {
		fuzz_psci(c, out);
	} else if (r < 97) {
		fuzz_ripas(c, out);
	} else if (r < 98) {
		out->exit_reason = RMI_EXIT_SERROR;
	} else {
		out->exit_reason = rnd(c, 256);
		out->esr = rnd64(c);
		out->gprs[0] = rnd64(c);
	}
}

/* The VMM's side of one exit; false when the Realm cannot go on. */
static bool fuzz_vmm(struct fuzz_ctx *c, unsigned int i,
		     const struct cca_exit *exit)
{
	u64 gprs[4] = { rnd64(c), rnd64(c), rnd64(c), rnd64(c) };

	switch (exit->reason) {
	case CCA_EXIT_MMIO:
		c->by_reason[0]++;
		cca_rec_mmio_complete(&c->t.recs[i], rnd64(c));
		return true;
	case CCA_EXIT_HOST_CALL:
		c->by_reason[1]++;
		cca_rec_host_call_complete(&c->t.recs[i], gprs, rnd(c, 5));
		return true;
	case CCA_EXIT_CPU_ON:
	case CCA_EXIT_CPU_OFF:
		c->by_reason[2]++;
		return true;
	default:
		c->by_reason[3]++;
		return false;
	}
}

/*
 * FUZZ_EXITS random exits, each followed through the handlers: no crash,
 * no granule freed while delegated, nothing leaked, the books balanced.
 */
static void rmi_exits_fuzz_random(struct kunit *test)
{
	unsigned long leaked = rmi_leaked_granules(), exits = 0;
	unsigned int realms = 0, k, i, n;
	struct rmi_model_config cfg;
	struct cca_exit exit;
	struct fuzz_ctx *c;
	bool on, go;
	int r;

	kunit_info(test, "seed %#x (rmi_exits_fuzz_test.seed= replays it)\n", seed);
	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	prandom_seed_state(&c->rnd, seed);
	rmi_model_default_config(&cfg);

	while (exits < FUZZ_EXITS) {
		memset(&c->t, 0, sizeof(c->t));
		KUNIT_ASSERT_EQ(test, rmi_test_realm_start(test, &c->t, &cfg, FUZZ_RAM,
							   2 + rnd(c, 3), false,
							   rnd(c, 5)), 0);
		rmi_model_set_program(c->t.m, fuzz_program, c);
		realms++;
		go = true;
		for (k = 0; go && k < FUZZ_PER_REALM && exits < FUZZ_EXITS; k++) {
			/* The next REC that is on, round robin. */
			for (n = 0, on = false; n < c->t.nr_recs && !on; n++) {
				i = (k + n) % c->t.nr_recs;
				on = cca_rec_is_on(&c->t.recs[i]);
			}
			if (!on)
				break;
			r = rmi_test_step(&c->t, i, &exit);
			exits++;
			if (r < 0)
				/* Off behind our back, or the Realm stopped. */
				go = r == -EPERM || r == -EIO;
			else if (!r)
				go = fuzz_vmm(c, i, &exit);
		}
		KUNIT_EXPECT_EQ(test, rmi_test_realm_end(&c->t), 0);
		KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
		rmi_test_books(test, c->t.m, c->t.mem, leaked);
		rmi_test_release(test, c->t.m, c->t.mem);
		if (test->status == KUNIT_FAILURE) {
			kunit_info(test, "failed in Realm %u, after %lu exits\n",
				   realms, exits);
			return;
		}
	}
	kunit_info(test, "%lu exits in %u Realms: %lu MMIO, %lu host calls, %lu power, %lu ends\n",
		   exits, realms, c->by_reason[0], c->by_reason[1],
		   c->by_reason[2], c->by_reason[3]);
	KUNIT_EXPECT_GE(test, exits, FUZZ_EXITS);
}

static struct kunit_case rmi_exits_fuzz_cases[] = {
	KUNIT_CASE_SLOW(rmi_exits_fuzz_random),
	{}
};

static struct kunit_suite rmi_exits_fuzz_suite = {
	.name = "rmi_exits_fuzz",
	.test_cases = rmi_exits_fuzz_cases,
};

kunit_test_suite(rmi_exits_fuzz_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI library: random REC exits");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
