// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_hostile: the RMI library against an RMM whose answers
 * are wrong.
 *
 * rmi_faults fails calls with the statuses the specification allows; here
 * the RMM answers, but one field of one answer is corrupted, as a buggy
 * RMM, or one of another 2.0 beta, would write it.  Two lifecycles are
 * recorded clean first: rmi_test_lifecycle() (RTTs, RIPAS, measured data,
 * RAM mapped by lists, RECs with auxiliary granules donated, activation,
 * host calls, teardown) and a Realm run (RAM mapped on demand, a RIPAS
 * change to EMPTY that unmaps RAM and back, a page shared with the VMM,
 * PSCI CPU_ON, teardown).  Then, for every call n of the lifecycle, a
 * fresh model corrupts one output of call n and the lifecycle runs again:
 *
 *   - every output register the specification gives the command
 *     (rmi_cmds_cases.h: X0, the RMI_OUT() registers, and X1 and X2 of a
 *     command that may return RMI_INCOMPLETE), set to 0, to all ones, or
 *     its granule bit flipped; X0 becomes an undefined status, or
 *     RMI_INCOMPLETE;
 *   - the register after the last output, which the library must ignore;
 *   - every field of the first and last entry of each list the RMM wrote
 *     (reclaim, unmap): the address moved by one granule or by 1 GiB, the
 *     block size, the count (0, 2, the field's maximum), the state, a
 *     reserved bit, the entry repeated, or the entry replaced by a granule
 *     given back before.
 *
 * Each run must end with the books balanced (nothing freed twice, no
 * delegated granule freed, what the model holds is what the library
 * leaked) within a bounded number of SMCs; the register after the outputs
 * must change nothing; a corrupted list entry must fail the lifecycle,
 * counted in rmi_rmm_errors(); any other corruption either changes
 * nothing or fails the lifecycle.
 */
#include <kunit/test.h>
#include <linux/args.h>
#include <linux/bitops.h>
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/sched/signal.h>
#include <linux/sizes.h>
#include <linux/string.h>
#include <uapi/linux/psci.h>

#include <asm/esr.h>
#include <asm/rmi.h>

#include "rmi_model.h"

#define LOG_CAP		4096
/* The calls a run may make: twice the clean lifecycle's, and some. */
#define CALLS_BOUND(k)	(2 * (k) + 64)
/* A status DEN0137 2.0 does not define. */
#define BAD_STATUS	0x3f

/* The outputs of each command, from the specification's register lists. */
struct hostile_regs {
	unsigned int n;
	const char *names;
};

struct hostile_cmd {
	const char *name;
	unsigned long fnum;
	struct hostile_regs in;
	struct hostile_regs out;
	unsigned int narrow;
	bool sro;
};

#define HOSTILE_KIND_sync	false
#define HOSTILE_KIND_sro	true
#define RMI_IN(...)		{ COUNT_ARGS(__VA_ARGS__), #__VA_ARGS__ }
#define RMI_OUT(...)		{ COUNT_ARGS(__VA_ARGS__), #__VA_ARGS__ }
#define RMI_CMD(cmd, fnum, in, out, narrow, kind)	\
	{ #cmd, fnum, in, out, narrow, HOSTILE_KIND_##kind },

static const struct hostile_cmd hostile_cmds[] = {
#include "rmi_cmds_cases.h"
};

#undef RMI_CMD
#undef RMI_OUT
#undef RMI_IN

static const struct hostile_cmd *hostile_cmd(unsigned long fid)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(hostile_cmds); i++)
		if (SMC_RMI_CALL(hostile_cmds[i].fnum) == fid)
			return &hostile_cmds[i];
	return NULL;
}

/*
 * Registers past X0 that carry outputs: the RMI_OUT() ones, and X1 (the
 * handle) and X2 (the donate request) of an RMI_INCOMPLETE answer.
 */
static unsigned int hostile_outputs(const struct hostile_cmd *cmd)
{
	return max_t(unsigned int, cmd->out.n, cmd->sro ? 2 : 0);
}

/*
 * Whether X1 is the top a range command reached ("out_top", of commands
 * given a base and a top).  Moved by a granule inside the range, it is a
 * lie no host can tell from the truth: only the RMM knows how far it got.
 */
static bool hostile_progress(const struct hostile_cmd *cmd)
{
	return !strncmp(cmd->out.names, "out_top", 7);
}

/* A lifecycle to corrupt: a fresh model, then the whole life of a Realm. */
struct hostile_run {
	struct kunit *test;
	struct rmi_model *m;
	struct rmi_test_mem *mem;
	struct rmi_test_lc lc;
	struct rmi_test_realm t;
	unsigned int pos[2];
	long err;
};

struct hostile_life {
	const char *name;
	void (*run)(struct hostile_run *r,
		    const struct rmi_model_corruption *c,
		    unsigned long *log, unsigned long *lists);
};

static void hostile_prepare(struct hostile_run *r,
			    const struct rmi_model_corruption *c,
			    unsigned long *log, unsigned long *lists)
{
	if (log) {
		rmi_model_record(r->m, log, LOG_CAP);
		rmi_model_record_lists(r->m, lists);
		rmi_model_record_inputs(r->m, lists + LOG_CAP);
	}
	if (c)
		rmi_model_corrupt(r->m, c);
}

/* Lifecycle 1: rmi_test_lifecycle(). */
static void hostile_build(struct hostile_run *r,
			  const struct rmi_model_corruption *c,
			  unsigned long *log, unsigned long *lists)
{
	struct rmi_model_config cfg;

	rmi_model_default_config(&cfg);
	r->m = rmi_model_install(r->test, &cfg);
	r->mem = rmi_test_mem_init(r->test, r->m);
	hostile_prepare(r, c, log, lists);
	r->err = rmi_test_lifecycle(r->test, r->mem, &r->lc);
}

#define HOSTILE_RAM	SZ_4M
#define HOSTILE_TOUCH	(SZ_1M + 3 * PAGE_SIZE)
#define HOSTILE_RIPAS	SZ_2M
#define HOSTILE_END	0xe0d

static void hostile_dabt(struct rec_exit *e, unsigned long ipa)
{
	e->exit_reason = RMI_EXIT_SYNC;
	e->esr = FIELD_PREP(ESR_ELx_EC_MASK, ESR_ELx_EC_DABT_LOW) | ESR_ELx_IL |
		 ESR_ELx_FSC_FAULT | 3;
	e->hpfar = (ipa >> 12) << 4;
}

/*
 * The Realm of lifecycle 2.  REC 0: touches RAM, gives 64 KiB of it up
 * (EMPTY) and takes it back, touches its shared page, turns REC 1 on,
 * ends.  REC 1: ends.
 */
static void hostile_program(void *priv, const struct rmi_model_entry *in,
			    struct rec_exit *out)
{
	struct hostile_run *r = priv;
	unsigned int step = r->pos[in->index]++;

	if (in->index == 0) {
		switch (step) {
		case 0:
			hostile_dabt(out, HOSTILE_TOUCH);
			return;
		case 1:
			hostile_dabt(out, HOSTILE_RIPAS);
			return;
		case 2:
		case 3:
			out->exit_reason = RMI_EXIT_RIPAS_CHANGE;
			out->ripas_base = HOSTILE_RIPAS;
			out->ripas_top = HOSTILE_RIPAS + SZ_64K;
			out->ripas_value = step == 2 ? RMI_EMPTY : RMI_RAM;
			return;
		case 4:
			hostile_dabt(out, r->t.shared_base);
			return;
		case 5:
			out->exit_reason = RMI_EXIT_PSCI;
			out->gprs[0] = PSCI_0_2_FN64_CPU_ON;
			out->gprs[1] = 1;
			return;
		}
	}
	out->exit_reason = RMI_EXIT_HOST_CALL;
	out->imm = HOSTILE_END;
}

/* Lifecycle 2: a Realm run, RAM on demand. */
static void hostile_realm_run(struct hostile_run *r,
			      const struct rmi_model_corruption *c,
			      unsigned long *log, unsigned long *lists)
{
	struct rmi_model_config cfg;
	struct cca_exit exit;
	unsigned int i, steps;
	long err;
	int ret;

	rmi_model_default_config(&cfg);
	memset(&r->t, 0, sizeof(r->t));
	memset(r->pos, 0, sizeof(r->pos));
	/* The model is installed by rmi_test_realm_start(): corrupt after. */
	err = rmi_test_realm_start(r->test, &r->t, &cfg, HOSTILE_RAM, 2, false, 2);
	r->m = r->t.m;
	r->mem = r->t.mem;
	if (!err) {
		rmi_model_set_program(r->m, hostile_program, r);
		hostile_prepare(r, c, log, lists);
	}
	for (i = 0; i < 2 && !err; i++) {
		for (steps = 0; steps < 16; steps++) {
			ret = rmi_test_step(&r->t, i, &exit);
			/* Handled, or REC 1 turned on: the VMM's loop goes on. */
			if (ret > 0 || (!ret && exit.reason == CCA_EXIT_CPU_ON))
				continue;
			if (ret < 0)
				err = ret;
			else if (exit.reason != CCA_EXIT_HOST_CALL ||
				 exit.host_call.imm != HOSTILE_END)
				err = -EPROTO;
			break;
		}
	}
	ret = rmi_test_realm_end(&r->t);
	r->err = err ?: ret;
}

static const struct hostile_life hostile_lives[] = {
	{ "lifecycle", hostile_build },
	{ "realm_run", hostile_realm_run },
};

static void hostile_life_desc(const struct hostile_life *l, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", l->name);
}

KUNIT_ARRAY_PARAM(hostile_life, hostile_lives, hostile_life_desc);

/* What one corrupted run must show. */
enum hostile_expect {
	/* Ignored: the run goes as the clean one. */
	HOSTILE_HARMLESS,
	/* Caught: the lifecycle fails, the RMM is counted at fault. */
	HOSTILE_CAUGHT,
	/* Harmless, or a failure. */
	HOSTILE_EITHER,
	/*
	 * Harmless, or a failure; the handle of an operation changed, the
	 * RMM may keep one the library never heard of (it cannot be
	 * counted as given up).
	 */
	HOSTILE_HANDLE,
};

struct hostile_tally {
	unsigned int runs;
	unsigned int harmless;
	unsigned int failed;
	unsigned long max_calls;
};

static void hostile_one(struct kunit *test, const struct hostile_life *life,
			const struct rmi_model_corruption *c,
			enum hostile_expect expect, unsigned long k,
			unsigned long fid, struct hostile_tally *tally)
{
	unsigned long leaked = rmi_leaked_granules();
	unsigned long errors = rmi_rmm_errors();
	struct hostile_run *r;
	unsigned long calls;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	r->test = test;
	life->run(r, c, NULL, NULL);
	calls = rmi_model_calls(r->m);
	tally->runs++;
	tally->max_calls = max(tally->max_calls, calls);
	if (!r->err && rmi_leaked_granules() == leaked)
		tally->harmless++;
	else
		tally->failed++;

#define HOSTILE_MSG "%s: call %lu (fid %#lx) kind %d X%u entry %u value %#llx: err %ld", \
	life->name, c->call, fid, c->kind, c->reg, c->entry, c->value, r->err
	KUNIT_EXPECT_TRUE_MSG(test, rmi_model_corrupted(r->m), HOSTILE_MSG);
	KUNIT_EXPECT_LE_MSG(test, calls, CALLS_BOUND(k), HOSTILE_MSG);
	switch (expect) {
	case HOSTILE_HARMLESS:
		KUNIT_EXPECT_EQ_MSG(test, r->err, 0, HOSTILE_MSG);
		KUNIT_EXPECT_EQ_MSG(test, rmi_leaked_granules(), leaked, HOSTILE_MSG);
		KUNIT_EXPECT_EQ_MSG(test, rmi_rmm_errors(), errors, HOSTILE_MSG);
		break;
	case HOSTILE_CAUGHT:
		/* Failed, or what was in doubt leaked; and said why. */
		KUNIT_EXPECT_TRUE_MSG(test, r->err || rmi_leaked_granules() != leaked,
				      HOSTILE_MSG);
		KUNIT_EXPECT_GT_MSG(test, rmi_rmm_errors(), errors, HOSTILE_MSG);
		break;
	case HOSTILE_EITHER:
	case HOSTILE_HANDLE:
		/* A success that leaked must have said why. */
		if (!r->err && rmi_leaked_granules() != leaked)
			KUNIT_EXPECT_GT_MSG(test, rmi_rmm_errors(), errors,
					    HOSTILE_MSG);
		break;
	}
	if (!rmi_test_books_ops(test, r->m, r->mem, leaked,
				expect != HOSTILE_HANDLE))
		kunit_info(test, HOSTILE_MSG);
#undef HOSTILE_MSG
	rmi_test_release(test, r->m, r->mem);
	kfree(r);
}

/* The clean run: its calls and the lists each wrote. */
static unsigned long hostile_record(struct kunit *test,
				    const struct hostile_life *life,
				    unsigned long *log, unsigned long *lists)
{
	struct hostile_run *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	unsigned long leaked = rmi_leaked_granules(), k;

	KUNIT_ASSERT_NOT_NULL(test, r);
	r->test = test;
	life->run(r, NULL, log, lists);
	KUNIT_ASSERT_EQ(test, r->err, 0);
	k = rmi_model_calls(r->m);
	KUNIT_ASSERT_LE(test, k, LOG_CAP);
	rmi_test_books(test, r->m, r->mem, leaked);
	KUNIT_ASSERT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_release(test, r->m, r->mem);
	return k;
}

static const u64 hostile_reg_values[] = { 0, ~0ULL };

/* Every output register of every call. */
static void rmi_hostile_registers(struct kunit *test)
{
	const struct hostile_life *life = test->param_value;
	struct rmi_model_corruption c = { };
	struct hostile_tally tally = { };
	const struct hostile_cmd *cmd;
	unsigned long *log, *lists, k, n;
	enum hostile_expect expect;
	unsigned int reg, v, nr_out;

	log = kunit_kcalloc(test, LOG_CAP, sizeof(*log), GFP_KERNEL);
	lists = kunit_kcalloc(test, 2 * LOG_CAP, sizeof(*lists), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log);
	KUNIT_ASSERT_NOT_NULL(test, lists);
	k = hostile_record(test, life, log, lists);

	for (n = 1; n <= k; n++) {
		/* Building a Realm run's Realm: recorded by the lifecycle. */
		if (!log[n - 1])
			continue;
		cmd = hostile_cmd(log[n - 1]);
		KUNIT_ASSERT_NOT_NULL_MSG(test, cmd, "fid %#lx", log[n - 1]);
		nr_out = hostile_outputs(cmd);
		c.call = n;

		/*
		 * X0: a status no RMM may return; RMI_INCOMPLETE, which
		 * starts an operation of a made-up handle when the command
		 * is one that may.
		 */
		c.kind = RMI_MODEL_CORRUPT_REG;
		c.reg = 0;
		c.value = BAD_STATUS;
		hostile_one(test, life, &c, HOSTILE_CAUGHT, k, log[n - 1], &tally);
		c.value = RMI_INCOMPLETE;
		hostile_one(test, life, &c,
			    cmd->sro ? HOSTILE_HANDLE : HOSTILE_EITHER, k,
			    log[n - 1], &tally);

		for (reg = 1; reg <= nr_out; reg++) {
			expect = cmd->sro && reg == 1 ? HOSTILE_HANDLE :
							HOSTILE_EITHER;
			c.reg = reg;
			c.kind = RMI_MODEL_CORRUPT_REG;
			for (v = 0; v < ARRAY_SIZE(hostile_reg_values); v++) {
				c.value = hostile_reg_values[v];
				hostile_one(test, life, &c, expect, k,
					    log[n - 1], &tally);
			}
			/*
			 * A top off by a granule may be the truth (see
			 * hostile_progress()); not on a granule boundary,
			 * it cannot.
			 */
			if (reg == 1 && hostile_progress(cmd)) {
				c.kind = RMI_MODEL_CORRUPT_REG_XOR;
				c.value = 8;
				hostile_one(test, life, &c,
					    cmd->sro ? HOSTILE_HANDLE : HOSTILE_CAUGHT,
					    k, log[n - 1], &tally);
				continue;
			}
			c.kind = RMI_MODEL_CORRUPT_REG_XOR;
			c.value = PAGE_SIZE;
			hostile_one(test, life, &c, expect, k, log[n - 1], &tally);
		}
		/* Not an output: must not be read. */
		c.reg = nr_out + 1;
		c.kind = RMI_MODEL_CORRUPT_REG;
		c.value = ~0ULL;
		hostile_one(test, life, &c, HOSTILE_HARMLESS, k, log[n - 1], &tally);
	}
	kunit_info(test, "%s: %lu calls; %u corrupted runs: %u harmless, %u failed cleanly; at most %lu calls\n",
		   life->name, k, tally.runs, tally.harmless, tally.failed,
		   tally.max_calls);
}

/* What each list entry is turned into. */
static const struct {
	enum rmi_model_corrupt_kind kind;
	u64 value;
} hostile_entry_kinds[] = {
	{ RMI_MODEL_CORRUPT_ADDR, 1 },
	{ RMI_MODEL_CORRUPT_ADDR, SZ_1G / PAGE_SIZE },
	{ RMI_MODEL_CORRUPT_SIZE, 1 },
	{ RMI_MODEL_CORRUPT_SIZE, 3 },
	{ RMI_MODEL_CORRUPT_COUNT, 0 },
	{ RMI_MODEL_CORRUPT_COUNT, 2 },
	/* All ones: the field's maximum, 1023 blocks with 4KB granules. */
	{ RMI_MODEL_CORRUPT_COUNT, ~0ULL },
	{ RMI_MODEL_CORRUPT_STATE, 0 },
	/* RmiAddrRangeDesc bits 62:52 are RES0. */
	{ RMI_MODEL_CORRUPT_RES0, 52 },
	{ RMI_MODEL_CORRUPT_RES0, 62 },
	{ RMI_MODEL_CORRUPT_DUP, 0 },
	{ RMI_MODEL_CORRUPT_STALE, 0 },
};

/* Whether a list before call @n gave a granule back, for STALE. */
static bool hostile_stale(const unsigned long *lists, unsigned long n)
{
	unsigned long j;

	for (j = 0; j + 1 < n; j++)
		if (lists[j])
			return true;
	return false;
}

/* Every field of the first and the last entry of every list. */
static void rmi_hostile_lists(struct kunit *test)
{
	const struct hostile_life *life = test->param_value;
	struct rmi_model_corruption c = { };
	struct hostile_tally tally = { };
	unsigned long *log, *lists, k, n;
	unsigned int e, i, j, listed = 0;

	log = kunit_kcalloc(test, LOG_CAP, sizeof(*log), GFP_KERNEL);
	lists = kunit_kcalloc(test, 2 * LOG_CAP, sizeof(*lists), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log);
	KUNIT_ASSERT_NOT_NULL(test, lists);
	k = hostile_record(test, life, log, lists);

	for (n = 1; n <= k; n++) {
		if (!lists[n - 1])
			continue;
		listed++;
		c.call = n;
		for (j = 0; j < 2; j++) {
			/* The first entry, then the last if it is another. */
			e = j ? lists[n - 1] - 1 : 0;
			if (j && !e)
				break;
			c.entry = e;
			for (i = 0; i < ARRAY_SIZE(hostile_entry_kinds); i++) {
				c.kind = hostile_entry_kinds[i].kind;
				c.value = hostile_entry_kinds[i].value;
				/* A repeat is of entry 0, once. */
				if (c.kind == RMI_MODEL_CORRUPT_DUP && e)
					continue;
				/* The first list has no granule given back before. */
				if (c.kind == RMI_MODEL_CORRUPT_STALE &&
				    !hostile_stale(lists, n))
					continue;
				hostile_one(test, life, &c, HOSTILE_CAUGHT, k,
					    log[n - 1], &tally);
			}
		}
	}
	KUNIT_EXPECT_GT(test, listed, 0);
	kunit_info(test, "%s: %lu calls, %u wrote lists; %u corrupted runs, all caught\n",
		   life->name, k, listed, tally.runs);
}

/*
 * The lists the library hands the RMM (granules to donate, granules to
 * map) overwritten by the RMM once read: the library must go by its own
 * copy, so the books balance.  A donation is then harmless (the model
 * takes the first granule and the host takes back the others from its
 * copy); an operation whose later steps the RMM carries on from its own
 * scribbles may fail; nothing is lost.
 */
static void rmi_hostile_scribble(struct kunit *test)
{
	/* The Realm run's donations and maps take none: the build's do. */
	const struct hostile_life *life = &hostile_lives[0];
	struct rmi_model_corruption c = {
		.kind = RMI_MODEL_CORRUPT_SCRIBBLE,
		.value = 1,
	};
	struct hostile_tally tally = { };
	unsigned long *log, *lists, k, n;

	log = kunit_kcalloc(test, LOG_CAP, sizeof(*log), GFP_KERNEL);
	lists = kunit_kcalloc(test, 2 * LOG_CAP, sizeof(*lists), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, log);
	KUNIT_ASSERT_NOT_NULL(test, lists);
	k = hostile_record(test, life, log, lists);
	for (n = 1; n <= k; n++) {
		/* The calls given a list: lists + LOG_CAP, by call. */
		if (!lists[LOG_CAP + n - 1])
			continue;
		c.call = n;
		/*
		 * The model read the donated granules before it overwrote
		 * them, and took the first: the host gets the others back
		 * from its own copy, and nothing goes wrong.
		 */
		hostile_one(test, life, &c,
			    log[n - 1] == SMC_RMI_OP_MEM_DONATE ?
			    HOSTILE_HARMLESS : HOSTILE_EITHER,
			    k, log[n - 1], &tally);
	}
	KUNIT_EXPECT_GT(test, tally.runs, 0);
	kunit_info(test, "%s: %u lists overwritten after the RMM read them: %u harmless, %u failed cleanly\n",
		   life->name, tally.runs, tally.harmless, tally.failed);
}

/*
 * An RMM of another revision sets bits this one reserves in its feature
 * registers: rmi_init() refuses it, before configuring or activating it.
 */
static const u64 hostile_feat_res0[] = {
	RMI_FEATURE_REGISTER_0_RES0,
	RMI_FEATURE_REGISTER_1_RES0,
	RMI_FEATURE_REGISTER_2_RES0,
	RMI_FEATURE_REGISTER_3_RES0,
};

static void rmi_hostile_features(struct kunit *test)
{
	struct rmi_model_config cfg;
	struct rmi_model *m;
	unsigned int i, bit;

	for (i = 0; i < ARRAY_SIZE(hostile_feat_res0); i++) {
		/* Each register's lowest and highest reserved bit. */
		for (bit = 0; bit < 2; bit++) {
			rmi_model_default_config(&cfg);
			KUNIT_ASSERT_NE(test, hostile_feat_res0[i], 0);
			cfg.feat[i] |= bit ? BIT_ULL(__fls(hostile_feat_res0[i])) :
					     BIT_ULL(__ffs(hostile_feat_res0[i]));
			m = rmi_model_install(test, &cfg);
			KUNIT_EXPECT_EQ_MSG(test, rmi_init(), -EPROTONOSUPPORT,
					    "register %u: %#llx", i, cfg.feat[i]);
			KUNIT_EXPECT_FALSE(test, rmi_is_available());
			KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_RMM_CONFIG_SET), 0);
			KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_RMM_ACTIVATE), 0);
		}
	}
}

/*
 * Donations past the library's caps are refused as protocol errors, not
 * served from the host's memory: a request of more granules than one
 * step may give, and RECs asking more than the Realm's donate_max.
 */
static void rmi_hostile_donate_caps(struct kunit *test)
{
	struct cca_realm_config rcfg = {
		.s2sz = 40, .rtt_level_start = 1, .hash_algo = RMI_HASH_SHA_256,
		.num_bps = 1, .num_wps = 1, .max_recs = 3, .donate_max = 5,
	};
	unsigned long leaked = rmi_leaked_granules();
	unsigned long errors = rmi_rmm_errors();
	struct cca_rec_config rc = { };
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct rmi_test_lc *lc;
	struct cca_realm *realm;
	struct cca_rec *recs;
	struct rmi_model *m;
	unsigned int i;

	lc = kunit_kzalloc(test, sizeof(*lc), GFP_KERNEL);
	realm = kunit_kzalloc(test, sizeof(*realm), GFP_KERNEL);
	recs = kunit_kcalloc(test, 3, sizeof(*recs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, lc);
	KUNIT_ASSERT_NOT_NULL(test, realm);
	KUNIT_ASSERT_NOT_NULL(test, recs);

	/* One step: a list granule of entries, at most. */
	rmi_model_default_config(&cfg);
	cfg.realm_donate = 0;
	cfg.rec_donate = PAGE_SIZE / sizeof(u64) + 1;
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	KUNIT_EXPECT_EQ(test, rmi_test_lifecycle(test, mem, lc), -EPROTO);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_OP_MEM_DONATE), 0);
	KUNIT_EXPECT_GT(test, rmi_rmm_errors(), errors);
	rmi_test_books(test, m, mem, leaked);
	rmi_test_release(test, m, mem);

	/* The Realm: two RECs of two granules each fit in 5, a third not. */
	rmi_model_default_config(&cfg);
	cfg.realm_donate = 0;
	cfg.rec_donate = 2;
	m = rmi_model_install(test, &cfg);
	mem = rmi_test_mem_init(test, m);
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);
	KUNIT_ASSERT_EQ(test, cca_realm_create(realm, &rcfg, &mem->ops), 0);
	for (i = 0; i < 3; i++) {
		rc.mpidr = i;
		KUNIT_EXPECT_EQ_MSG(test, cca_rec_create(realm, &rc, &recs[i]),
				    i < 2 ? 0 : -EPROTO, "REC %u", i);
	}
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_OP_MEM_DONATE), 2);
	KUNIT_EXPECT_EQ(test, cca_realm_destroy(realm), 0);
	rmi_test_books(test, m, mem, leaked);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_release(test, m, mem);
}

/* A Realm of the model, created: for the cases below. */
static struct cca_realm *hostile_realm(struct kunit *test,
				       struct rmi_model_config *cfg,
				       struct rmi_model **m,
				       struct rmi_test_mem **mem)
{
	struct cca_realm_config rcfg = {
		.s2sz = 40, .rtt_level_start = 1, .hash_algo = RMI_HASH_SHA_256,
		.num_bps = 1, .num_wps = 1, .max_recs = 1,
	};
	struct cca_realm *realm = kunit_kzalloc(test, sizeof(*realm), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, realm);
	*m = rmi_model_install(test, cfg);
	*mem = rmi_test_mem_init(test, *m);
	KUNIT_ASSERT_EQ(test, rmi_init(), 0);
	KUNIT_ASSERT_EQ(test, cca_realm_create(realm, &rcfg, &(*mem)->ops), 0);
	return realm;
}

/*
 * A task being killed stops building: 64 MiB to map returns -EINTR
 * before delegating any of it.  Teardown, which must give everything
 * back, does not stop.
 */
static void rmi_hostile_fatal_signal(struct kunit *test)
{
	unsigned long leaked = rmi_leaked_granules(), delegates;
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct cca_realm *realm;
	struct rmi_model *m;
	long err;

	rmi_model_default_config(&cfg);
	realm = hostile_realm(test, &cfg, &m, &mem);
	KUNIT_ASSERT_EQ(test, cca_realm_init_ripas(realm, 0, SZ_64M), 0);
	KUNIT_ASSERT_EQ(test, cca_realm_map_ram(realm, 0, SZ_64K), 0);
	delegates = rmi_model_calls_of(m, SMC_RMI_GRANULE_RANGE_DELEGATE);

	/* A kthread takes the signal only if it allows it. */
	allow_signal(SIGKILL);
	send_sig(SIGKILL, current, 1);
	KUNIT_EXPECT_TRUE(test, fatal_signal_pending(current));
	err = cca_realm_map_ram(realm, SZ_64K, SZ_64M);
	KUNIT_EXPECT_EQ(test, cca_realm_reserve(realm, SZ_64M / PAGE_SIZE), -EINTR);
	KUNIT_EXPECT_EQ(test, cca_realm_create_rtts_range(realm, 0, SZ_1G, 3),
			-EINTR);
	flush_signals(current);
	disallow_signal(SIGKILL);
	KUNIT_EXPECT_EQ(test, err, -EINTR);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(m, SMC_RMI_GRANULE_RANGE_DELEGATE),
			delegates);

	KUNIT_EXPECT_EQ(test, cca_realm_destroy(realm), 0);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_books(test, m, mem, leaked);
}

/*
 * 1 GiB mapped, torn down by an RMM that unmaps and undelegates one
 * granule per command: 2^18 of each, which must not keep the CPU (a soft
 * lockup is reported by make kunit's kernel, watchdog_thresh=1) and must
 * give every granule back.
 */
static void rmi_hostile_big_teardown(struct kunit *test)
{
	unsigned long leaked = rmi_leaked_granules(), calls;
	struct rmi_model_config cfg;
	struct rmi_test_mem *mem;
	struct cca_realm *realm;
	struct rmi_model *m;

	rmi_model_default_config(&cfg);
	cfg.per_call = 0;
	realm = hostile_realm(test, &cfg, &m, &mem);
	KUNIT_ASSERT_EQ(test, cca_realm_init_ripas(realm, 0, SZ_1G), 0);
	KUNIT_ASSERT_EQ(test, cca_realm_map_ram(realm, 0, SZ_1G), 0);
	/* From now on, one granule a command. */
	rmi_model_set_per_call(m, 1);
	calls = rmi_model_calls(m);
	KUNIT_EXPECT_EQ(test, cca_realm_destroy(realm), 0);
	calls = rmi_model_calls(m) - calls;
	KUNIT_EXPECT_GE(test, calls, 2 * (SZ_1G / PAGE_SIZE));
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), leaked);
	rmi_test_books(test, m, mem, leaked);
	kunit_info(test, "1 GiB torn down in %lu commands\n", calls);
}

static struct kunit_case rmi_hostile_cases[] = {
	KUNIT_CASE_PARAM_ATTR(rmi_hostile_registers, hostile_life_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE_PARAM_ATTR(rmi_hostile_lists, hostile_life_gen_params,
			      { .speed = KUNIT_SPEED_SLOW }),
	KUNIT_CASE(rmi_hostile_scribble),
	KUNIT_CASE(rmi_hostile_features),
	KUNIT_CASE(rmi_hostile_donate_caps),
	KUNIT_CASE(rmi_hostile_fatal_signal),
	KUNIT_CASE_ATTR(rmi_hostile_big_teardown, { .speed = KUNIT_SPEED_SLOW }),
	{}
};

static struct kunit_suite rmi_hostile_suite = {
	.name = "rmi_hostile",
	.test_cases = rmi_hostile_cases,
};

kunit_test_suite(rmi_hostile_suite);

MODULE_DESCRIPTION("KUnit tests of the RMI library against an RMM whose answers are wrong");
MODULE_LICENSE("GPL");
