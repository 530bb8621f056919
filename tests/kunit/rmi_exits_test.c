// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit suite rmi_exits: the library's handling of every REC exit reason,
 * against the model of the RMM running a scripted Realm.
 *
 * Each case makes the Realm exit in one way and checks what the library
 * did (what it mapped, completed, returned to the VMM) and what the Realm
 * sees on the next entry, as the model hands it to the Realm's program:
 * the value an emulated read got, a host call's results, how far a RIPAS
 * change went and whether it was rejected, the PSCI result.  The hostile
 * cases make exits no RMM should: every Realm-controlled field out of
 * range, reversed or unaligned RIPAS ranges, a range crossing into the
 * unprotected half, MPIDRs of no REC, an abort with no syndrome or
 * outside the Realm, unknown reasons.  Each must stop the Realm with a
 * reason, act on nothing, and leave the books balanced after teardown.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/sizes.h>
#include <uapi/linux/psci.h>

#include <asm/esr.h>

#include "rmi_lib.h"
#include "rmi_model.h"

#define EXITS_STEPS	16
/* The host call a script ends with. */
#define EXITS_END	0xe0d
#define EXITS_RAM	SZ_4M

/**
 * struct exits_ctx - a Realm and the exits its RECs are scripted to make
 * @t: the Realm
 * @steps: per REC, the exits to make, in order
 * @nr: per REC, how many
 * @pos: per REC, the next
 * @seen: per REC, what each entry gave the Realm, by step
 * @leaked: rmi_leaked_granules() at the start
 * @errors: rmi_rmm_errors() at the start
 */
struct exits_ctx {
	struct rmi_test_realm t;
	struct rec_exit steps[RMI_TEST_MAX_RECS][EXITS_STEPS];
	unsigned int nr[RMI_TEST_MAX_RECS];
	unsigned int pos[RMI_TEST_MAX_RECS];
	struct rmi_model_entry seen[RMI_TEST_MAX_RECS][EXITS_STEPS + 1];
	unsigned long leaked;
	unsigned long errors;
};

/* The Realm: the next scripted exit, then host calls that end it. */
static void exits_program(void *priv, const struct rmi_model_entry *in,
			  struct rec_exit *out)
{
	struct exits_ctx *c = priv;
	unsigned int i = in->index, k = c->pos[i];

	c->seen[i][min_t(unsigned int, k, EXITS_STEPS)] = *in;
	if (k < c->nr[i]) {
		*out = c->steps[i][k];
		c->pos[i]++;
		return;
	}
	out->exit_reason = RMI_EXIT_HOST_CALL;
	out->imm = EXITS_END;
}

static struct exits_ctx *exits_start(struct kunit *test, unsigned int nr_recs,
				     unsigned int fault_order)
{
	struct exits_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct rmi_model_config cfg;

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->leaked = rmi_leaked_granules();
	c->errors = rmi_rmm_errors();
	rmi_model_default_config(&cfg);
	KUNIT_ASSERT_EQ(test, rmi_test_realm_start(test, &c->t, &cfg, EXITS_RAM,
						   nr_recs, false, fault_order), 0);
	rmi_model_set_program(c->t.m, exits_program, c);
	return c;
}

/* The next exit of REC @rec's script, zeroed, for a builder to fill. */
static struct rec_exit *exits_next(struct exits_ctx *c, unsigned int rec)
{
	struct rec_exit *e = &c->steps[rec][c->nr[rec]++];

	memset(e, 0, sizeof(*e));
	return e;
}

/* Tear down; every granule back or leaked on purpose, nothing else. */
static void exits_end(struct kunit *test, struct exits_ctx *c)
{
	KUNIT_EXPECT_EQ(test, rmi_test_realm_end(&c->t), 0);
	KUNIT_EXPECT_EQ(test, rmi_leaked_granules(), c->leaked);
	rmi_test_books(test, c->t.m, c->t.mem, c->leaked);
	KUNIT_EXPECT_EQ(test, rmi_model_realms(c->t.m), 0);
}

/* The script ran out: the Realm made its closing host call. */
static void exits_expect_end(struct kunit *test, struct exits_ctx *c,
			     unsigned int rec)
{
	struct cca_exit exit;

	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, rec, &exit), 0);
	KUNIT_EXPECT_EQ(test, exit.reason, CCA_EXIT_HOST_CALL);
	KUNIT_EXPECT_EQ(test, exit.host_call.imm, EXITS_END);
}

/* A data abort at @ipa: translation fault, with a syndrome if @isv. */
static void dabt(struct rec_exit *e, unsigned long ipa, bool isv, bool write,
		 unsigned int sas, unsigned int srt)
{
	e->exit_reason = RMI_EXIT_SYNC;
	e->esr = FIELD_PREP(ESR_ELx_EC_MASK, ESR_ELx_EC_DABT_LOW) | ESR_ELx_IL |
		 ESR_ELx_FSC_FAULT | 3;
	if (isv)
		e->esr |= ESR_ELx_ISV | FIELD_PREP(ESR_ELx_SAS, sas) |
			  FIELD_PREP(ESR_ELx_SRT_MASK, srt) |
			  (write ? ESR_ELx_WNR : 0);
	e->hpfar = (ipa >> 12) << 4;
	e->far = ipa & (PAGE_SIZE - 1);
}

static void iabt(struct rec_exit *e, unsigned long ipa)
{
	dabt(e, ipa, false, false, 0, 0);
	e->esr = FIELD_PREP(ESR_ELx_EC_MASK, ESR_ELx_EC_IABT_LOW) | ESR_ELx_IL |
		 ESR_ELx_FSC_FAULT | 3;
}

static void psci(struct rec_exit *e, u64 fid, u64 a1, u64 a2, u64 a3)
{
	e->exit_reason = RMI_EXIT_PSCI;
	e->gprs[0] = fid;
	e->gprs[1] = a1;
	e->gprs[2] = a2;
	e->gprs[3] = a3;
}

static void ripas(struct rec_exit *e, unsigned long base, unsigned long top,
		  u8 value)
{
	e->exit_reason = RMI_EXIT_RIPAS_CHANGE;
	e->ripas_base = base;
	e->ripas_top = top;
	e->ripas_value = value;
}

/* Granules of [base, top) the model has mapped. */
static unsigned int exits_mapped(struct exits_ctx *c, unsigned long base,
				 unsigned long top)
{
	unsigned int n = 0;
	bool mapped;

	for (; base < top; base += PAGE_SIZE)
		if (rmi_model_ripas(c->t.m, c->t.realm.rd, base, &mapped) >= 0 &&
		    mapped)
			n++;
	return n;
}

/*
 * A first touch of RAM: the naturally aligned block of 2^fault_order
 * granules around the fault is mapped (RTTs created), the REC goes on.
 * A fault where the block is mapped already maps nothing more.
 */
static void rmi_exits_demand_map(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 4);
	unsigned long ipa = SZ_1M + 5 * PAGE_SIZE + 0x10;
	struct cca_exit exit;
	unsigned long maps;

	dabt(exits_next(c, 0), ipa, true, true, 3, 1);
	dabt(exits_next(c, 0), ipa, true, true, 3, 1);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	KUNIT_EXPECT_EQ(test, exits_mapped(c, SZ_1M, SZ_1M + 16 * PAGE_SIZE), 16);
	KUNIT_EXPECT_EQ(test, exits_mapped(c, SZ_1M - PAGE_SIZE, SZ_1M), 0);
	KUNIT_EXPECT_EQ(test, exits_mapped(c, SZ_1M + 16 * PAGE_SIZE,
					   SZ_1M + 17 * PAGE_SIZE), 0);
	/* Touched again (another REC's fault raced): nothing more mapped. */
	maps = rmi_model_calls_of(c->t.m, SMC_RMI_RTT_DATA_MAP);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(c->t.m, SMC_RMI_RTT_DATA_MAP), maps);
	/* Entries after an abort the library resolved carry no emulation. */
	KUNIT_EXPECT_FALSE(test, c->seen[0][1].mmio);
	exits_expect_end(test, c, 0);
	exits_end(test, c);
}

/* A write to an unprotected IPA: handed to the VMM, decoded, masked. */
static void rmi_exits_mmio_write(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 0);
	unsigned long ipa = c->t.shared_base + SZ_1M + 0x24;
	struct rec_exit *e = exits_next(c, 0);
	struct cca_exit exit;

	dabt(e, ipa, true, true, 2, 5);
	e->gprs[0] = 0x1122334455667788ULL;
	KUNIT_ASSERT_EQ(test, rmi_test_step(&c->t, 0, &exit), 0);
	KUNIT_EXPECT_EQ(test, exit.reason, CCA_EXIT_MMIO);
	KUNIT_EXPECT_EQ(test, exit.mmio.ipa, ipa);
	KUNIT_EXPECT_EQ(test, exit.mmio.len, 4);
	KUNIT_EXPECT_TRUE(test, exit.mmio.write);
	KUNIT_EXPECT_EQ(test, exit.mmio.data, 0x55667788ULL);
	exits_expect_end(test, c, 0);
	/* The RMM is told the access was emulated. */
	KUNIT_EXPECT_TRUE(test, c->seen[0][1].mmio);
	KUNIT_EXPECT_EQ(test, c->t.shares, 0);
	exits_end(test, c);
}

/* A read: the VMM's value reaches the Realm's register, truncated. */
static void rmi_exits_mmio_read(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 0);
	unsigned long ipa = c->t.shared_base + SZ_2M + 6;
	struct cca_exit exit;

	dabt(exits_next(c, 0), ipa, true, false, 1, 3);
	KUNIT_ASSERT_EQ(test, rmi_test_step(&c->t, 0, &exit), 0);
	KUNIT_EXPECT_EQ(test, exit.reason, CCA_EXIT_MMIO);
	KUNIT_EXPECT_EQ(test, exit.mmio.len, 2);
	KUNIT_EXPECT_FALSE(test, exit.mmio.write);
	cca_rec_mmio_complete(&c->t.recs[0], 0xabcd1234);
	exits_expect_end(test, c, 0);
	KUNIT_EXPECT_TRUE(test, c->seen[0][1].mmio);
	KUNIT_EXPECT_EQ(test, c->seen[0][1].gprs[0], 0x1234);
	exits_end(test, c);
}

/*
 * A touch of the window the VMM shares pages in: its page is mapped with
 * RTT_UNPROT_MAP, whatever the syndrome, and handed back at teardown.
 */
static void rmi_exits_share(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 0);
	unsigned long ipa = c->t.shared_base + PAGE_SIZE + 8;
	struct cca_exit exit;
	phys_addr_t pa = 0;

	dabt(exits_next(c, 0), ipa, false, true, 0, 0);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	KUNIT_EXPECT_EQ(test, c->t.shares, 1);
	KUNIT_EXPECT_TRUE(test, rmi_model_unprot(c->t.m, c->t.realm.rd, ipa, &pa));
	KUNIT_EXPECT_EQ(test, pa, c->t.shared[1]);
	exits_expect_end(test, c, 0);
	KUNIT_EXPECT_FALSE(test, c->seen[0][1].mmio);
	exits_end(test, c);
	KUNIT_EXPECT_EQ(test, c->t.unshares, 1);
}

/* A host call: to the VMM, its results back on the next entry. */
static void rmi_exits_host_call(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 0);
	struct rec_exit *e = exits_next(c, 0);
	static const u64 results[] = { 7, 8, 9 };
	struct cca_exit exit;

	e->exit_reason = RMI_EXIT_HOST_CALL;
	e->imm = 0x42;
	e->gprs[0] = 11;
	e->gprs[30] = 12;
	KUNIT_ASSERT_EQ(test, rmi_test_step(&c->t, 0, &exit), 0);
	KUNIT_EXPECT_EQ(test, exit.reason, CCA_EXIT_HOST_CALL);
	KUNIT_EXPECT_EQ(test, exit.host_call.imm, 0x42);
	KUNIT_EXPECT_EQ(test, exit.host_call.gprs[0], 11);
	KUNIT_EXPECT_EQ(test, exit.host_call.gprs[30], 12);
	cca_rec_host_call_complete(&c->t.recs[0], results, ARRAY_SIZE(results));
	exits_expect_end(test, c, 0);
	KUNIT_EXPECT_TRUE(test, c->seen[0][1].host_call);
	KUNIT_EXPECT_EQ(test, c->seen[0][1].gprs[0], 7);
	KUNIT_EXPECT_EQ(test, c->seen[0][1].gprs[2], 9);
	/* Not completed: its registers go back as they came. */
	KUNIT_EXPECT_EQ(test, c->seen[0][1].gprs[30], 12);
	exits_end(test, c);
}

/*
 * EMPTY over mapped RAM: RTT_SET_RIPAS to the top, the granules given
 * back; RAM again: the next touch maps a new granule on demand.
 */
static void rmi_exits_ripas_empty(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 0);
	unsigned long base = 8 * PAGE_SIZE, top = 24 * PAGE_SIZE;
	struct cca_exit exit;
	bool mapped;

	KUNIT_ASSERT_EQ(test, cca_realm_map_ram(&c->t.realm, 0, SZ_128K), 0);
	KUNIT_ASSERT_EQ(test, exits_mapped(c, base, top), 16);
	ripas(exits_next(c, 0), base, top, RMI_EMPTY);
	ripas(exits_next(c, 0), base, top, RMI_RAM);
	dabt(exits_next(c, 0), base, false, false, 0, 0);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	KUNIT_EXPECT_EQ(test, exits_mapped(c, base, top), 0);
	KUNIT_EXPECT_EQ(test, rmi_model_ripas(c->t.m, c->t.realm.rd, base, &mapped),
			RMI_EMPTY);
	KUNIT_EXPECT_EQ(test, exits_mapped(c, 0, base), 8);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	KUNIT_EXPECT_TRUE(test, c->seen[0][1].ripas);
	KUNIT_EXPECT_EQ(test, c->seen[0][1].ripas_top, top);
	KUNIT_EXPECT_FALSE(test, c->seen[0][1].ripas_reject);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	KUNIT_EXPECT_EQ(test, c->seen[0][2].ripas_top, top);
	KUNIT_EXPECT_EQ(test, exits_mapped(c, base, base + PAGE_SIZE), 1);
	/* The change to RAM was asked of the VMM; the one to EMPTY was not. */
	KUNIT_EXPECT_EQ(test, c->t.ripas_asks, 1);
	exits_expect_end(test, c, 0);
	exits_end(test, c);
}

/* The VMM rejects a change to RAM: the Realm sees RSI_REJECT, no change. */
static void rmi_exits_ripas_reject(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 0);
	unsigned long base = EXITS_RAM, top = EXITS_RAM + SZ_64K;
	struct cca_exit exit;
	bool mapped;

	c->t.reject_ram = true;
	ripas(exits_next(c, 0), base, top, RMI_RAM);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	exits_expect_end(test, c, 0);
	KUNIT_EXPECT_TRUE(test, c->seen[0][1].ripas);
	KUNIT_EXPECT_TRUE(test, c->seen[0][1].ripas_reject);
	KUNIT_EXPECT_EQ(test, c->seen[0][1].ripas_top, base);
	KUNIT_EXPECT_EQ(test, rmi_model_ripas(c->t.m, c->t.realm.rd, base, &mapped),
			RMI_EMPTY);
	KUNIT_EXPECT_EQ(test, rmi_model_calls_of(c->t.m, SMC_RMI_RTT_SET_RIPAS), 0);
	exits_end(test, c);
}

/*
 * A change inside a block entry: the RMM answers RMI_ERROR_RTT at level
 * 2, the library creates the level 3 RTT and applies it.
 */
static void rmi_exits_ripas_rtt(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 0);
	unsigned long base = SZ_2M + 3 * PAGE_SIZE, top = base + 2 * PAGE_SIZE;
	struct cca_exit exit;
	bool mapped;

	ripas(exits_next(c, 0), base, top, RMI_EMPTY);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	exits_expect_end(test, c, 0);
	KUNIT_EXPECT_EQ(test, c->seen[0][1].ripas_top, top);
	KUNIT_EXPECT_EQ(test, rmi_model_ripas(c->t.m, c->t.realm.rd, base, &mapped),
			RMI_EMPTY);
	KUNIT_EXPECT_EQ(test, rmi_model_ripas(c->t.m, c->t.realm.rd, top, &mapped),
			RMI_RAM);
	KUNIT_EXPECT_EQ(test, rmi_model_ripas(c->t.m, c->t.realm.rd,
					      base - PAGE_SIZE, &mapped), RMI_RAM);
	exits_end(test, c);
}

/* MPIDR_EL1 of REC @i, as a Realm names it to PSCI. */
static u64 mpidr_of(unsigned int i)
{
	return (i % 16) | (u64)(i / 16) << 8;
}

/*
 * CPU_ON of an off REC: completed, and the VMM told to run it; of a REC
 * that is on: completed, the RMM answers ALREADY_ON, the VMM told nothing.
 * AFFINITY_INFO follows.
 */
static void rmi_exits_psci_cpu_on(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 3, 0);
	struct cca_exit exit;

	psci(exits_next(c, 0), PSCI_0_2_FN64_AFFINITY_INFO, mpidr_of(2), 0, 0);
	psci(exits_next(c, 0), PSCI_0_2_FN64_CPU_ON, mpidr_of(2), 0x1000, 77);
	psci(exits_next(c, 0), PSCI_0_2_FN64_CPU_ON, mpidr_of(2), 0x1000, 78);
	psci(exits_next(c, 0), PSCI_0_2_FN64_AFFINITY_INFO, mpidr_of(2), 0, 0);
	KUNIT_EXPECT_EQ(test, cca_rec_enter(&c->t.recs[2]), -EPERM);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	KUNIT_ASSERT_EQ(test, rmi_test_step(&c->t, 0, &exit), 0);
	KUNIT_EXPECT_EQ(test, exit.reason, CCA_EXIT_CPU_ON);
	KUNIT_EXPECT_PTR_EQ(test, exit.target, &c->t.recs[2]);
	KUNIT_EXPECT_TRUE(test, cca_rec_is_on(&c->t.recs[2]));
	KUNIT_EXPECT_TRUE(test, rmi_model_runnable(c->t.m, c->t.recs[2].rec));
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	exits_expect_end(test, c, 0);
	KUNIT_EXPECT_TRUE(test, c->seen[0][1].psci);
	KUNIT_EXPECT_EQ(test, c->seen[0][1].psci_ret, PSCI_0_2_AFFINITY_LEVEL_OFF);
	KUNIT_EXPECT_EQ(test, c->seen[0][2].psci_ret, PSCI_RET_SUCCESS);
	KUNIT_EXPECT_EQ(test, c->seen[0][3].psci_ret, PSCI_RET_ALREADY_ON);
	KUNIT_EXPECT_EQ(test, c->seen[0][4].psci_ret, PSCI_0_2_AFFINITY_LEVEL_ON);
	/* The REC it turned on runs. */
	exits_expect_end(test, c, 2);
	KUNIT_EXPECT_EQ(test, cca_rec_enter(&c->t.recs[1]), -EPERM);
	exits_end(test, c);
}

/* CPU_OFF: the VMM stops running the REC; entering it is refused. */
static void rmi_exits_psci_cpu_off(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 2, 0);
	struct cca_exit exit;

	psci(exits_next(c, 0), PSCI_0_2_FN_CPU_OFF, 0, 0, 0);
	KUNIT_ASSERT_EQ(test, rmi_test_step(&c->t, 0, &exit), 0);
	KUNIT_EXPECT_EQ(test, exit.reason, CCA_EXIT_CPU_OFF);
	KUNIT_EXPECT_FALSE(test, cca_rec_is_on(&c->t.recs[0]));
	KUNIT_EXPECT_EQ(test, cca_rec_enter(&c->t.recs[0]), -EPERM);
	exits_end(test, c);
}

/* SYSTEM_OFF and SYSTEM_RESET: no REC runs again. */
static void rmi_exits_psci_system(struct kunit *test)
{
	static const u64 fns[] = { PSCI_0_2_FN_SYSTEM_OFF, PSCI_0_2_FN_SYSTEM_RESET };
	static const enum cca_exit_reason want[] = {
		CCA_EXIT_SYSTEM_OFF, CCA_EXIT_SYSTEM_RESET,
	};
	struct cca_exit exit;
	struct exits_ctx *c;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fns); i++) {
		c = exits_start(test, 2, 0);
		psci(exits_next(c, 0), fns[i], 0, 0, 0);
		KUNIT_ASSERT_EQ(test, rmi_test_step(&c->t, 0, &exit), 0);
		KUNIT_EXPECT_EQ(test, exit.reason, want[i]);
		KUNIT_EXPECT_EQ(test, cca_rec_enter(&c->t.recs[0]), -ESHUTDOWN);
		exits_end(test, c);
	}
}

/* IRQ, FIQ, WFI: the REC is entered again; CPU_SUSPEND too. */
static void rmi_exits_resume(struct kunit *test)
{
	struct exits_ctx *c = exits_start(test, 1, 0);
	struct cca_exit exit;
	struct rec_exit *e;
	unsigned int i;

	exits_next(c, 0)->exit_reason = RMI_EXIT_IRQ;
	exits_next(c, 0)->exit_reason = RMI_EXIT_FIQ;
	e = exits_next(c, 0);
	e->exit_reason = RMI_EXIT_SYNC;
	e->esr = FIELD_PREP(ESR_ELx_EC_MASK, ESR_ELx_EC_WFx);
	psci(exits_next(c, 0), PSCI_0_2_FN64_CPU_SUSPEND, 0, 0, 0);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, rmi_test_step(&c->t, 0, &exit), 1);
	exits_expect_end(test, c, 0);
	exits_end(test, c);
}

/**
 * struct stop_case - an exit that must stop the Realm
 * @name: what is wrong with it
 * @make: makes it, for a Realm of IPA width 40 with 2 RECs
 * @rmm: it is the RMM's fault (counted in rmi_rmm_errors())
 */
struct stop_case {
	const char *name;
	void (*make)(struct rec_exit *e);
	bool rmm;
};

#define UNPROT		BIT_ULL(39)

static void s_ripas_reversed(struct rec_exit *e) { ripas(e, SZ_64K, SZ_4K, RMI_EMPTY); }
static void s_ripas_empty_range(struct rec_exit *e) { ripas(e, SZ_64K, SZ_64K, RMI_EMPTY); }
static void s_ripas_unaligned(struct rec_exit *e) { ripas(e, SZ_64K + 8, SZ_128K, RMI_EMPTY); }
static void s_ripas_crossing(struct rec_exit *e)
{
	ripas(e, UNPROT - SZ_64K, UNPROT + SZ_64K, RMI_RAM);
}

static void s_ripas_unprot(struct rec_exit *e) { ripas(e, UNPROT, UNPROT + SZ_4K, RMI_RAM); }
static void s_ripas_value(struct rec_exit *e) { ripas(e, 0, SZ_64K, RMI_DESTROYED); }
static void s_ripas_value_big(struct rec_exit *e) { ripas(e, 0, SZ_64K, 0x7f); }
static void s_cpu_on_unknown(struct rec_exit *e)
{
	psci(e, PSCI_0_2_FN64_CPU_ON, mpidr_of(5), 0, 0);
}

static void s_cpu_on_junk(struct rec_exit *e)
{
	psci(e, PSCI_0_2_FN64_CPU_ON, mpidr_of(1) | BIT_ULL(50), 0, 0);
}

static void s_affinity_unknown(struct rec_exit *e)
{
	psci(e, PSCI_0_2_FN_AFFINITY_INFO, 0xff00, 0, 0);
}

static void s_psci_unknown(struct rec_exit *e) { psci(e, 0x84000050, 0, 0, 0); }
static void s_mmio_no_syndrome(struct rec_exit *e)
{
	dabt(e, UNPROT + SZ_1M, false, true, 0, 0);
}

static void s_abort_outside(struct rec_exit *e)
{
	dabt(e, BIT_ULL(40) + SZ_4K, true, true, 3, 0);
}

static void s_abort_far(struct rec_exit *e)
{
	dabt(e, SZ_64K, true, true, 3, 0);
	e->far |= BIT_ULL(20);
}

static void s_abort_hpfar_res0(struct rec_exit *e)
{
	dabt(e, SZ_64K, true, true, 3, 0);
	e->hpfar |= 0x3;
}

static void s_abort_not_ram(struct rec_exit *e)
{
	dabt(e, EXITS_RAM + SZ_64K, false, false, 0, 0);
}

static void s_fetch_unprot(struct rec_exit *e) { iabt(e, UNPROT + SZ_1M); }
static void s_sync_hvc(struct rec_exit *e)
{
	e->exit_reason = RMI_EXIT_SYNC;
	e->esr = FIELD_PREP(ESR_ELx_EC_MASK, ESR_ELx_EC_HVC64);
}

static void s_serror(struct rec_exit *e) { e->exit_reason = RMI_EXIT_SERROR; }
static void s_s2ap(struct rec_exit *e) { e->exit_reason = RMI_EXIT_S2AP_CHANGE; }
static void s_unknown(struct rec_exit *e) { e->exit_reason = 200; }

static const struct stop_case stop_cases[] = {
	{ "ripas_reversed", s_ripas_reversed, true },
	{ "ripas_empty_range", s_ripas_empty_range, true },
	{ "ripas_unaligned", s_ripas_unaligned, true },
	{ "ripas_crossing_unprotected", s_ripas_crossing, true },
	{ "ripas_unprotected", s_ripas_unprot, true },
	{ "ripas_destroyed", s_ripas_value, true },
	{ "ripas_value_big", s_ripas_value_big, true },
	{ "cpu_on_unknown_mpidr", s_cpu_on_unknown, true },
	{ "cpu_on_junk_mpidr", s_cpu_on_junk, true },
	{ "affinity_unknown_mpidr", s_affinity_unknown, true },
	{ "psci_unknown_function", s_psci_unknown, true },
	{ "mmio_no_syndrome", s_mmio_no_syndrome, false },
	{ "abort_outside_realm", s_abort_outside, true },
	{ "abort_far_above_granule", s_abort_far, true },
	{ "abort_hpfar_res0", s_abort_hpfar_res0, true },
	{ "abort_not_ram", s_abort_not_ram, false },
	{ "fetch_unprotected", s_fetch_unprot, true },
	{ "sync_hvc", s_sync_hvc, true },
	{ "serror", s_serror, false },
	{ "s2ap_change", s_s2ap, true },
	{ "unknown_reason", s_unknown, true },
};

static void stop_desc(const struct stop_case *c, char *desc)
{
	strscpy(desc, c->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(stop, stop_cases, stop_desc);

/*
 * An exit the library cannot go on from: the Realm is stopped, with a
 * reason; nothing is mapped, completed or shared; no REC runs again.
 */
static void rmi_exits_hostile(struct kunit *test)
{
	const struct stop_case *sc = test->param_value;
	struct exits_ctx *c = exits_start(test, 2, 0);
	struct rec_exit *e = exits_next(c, 0);
	unsigned long calls;
	struct cca_exit exit;

	sc->make(e);
	KUNIT_ASSERT_EQ(test, rmi_test_enter(&c->t.recs[0]), 0);
	calls = rmi_model_calls(c->t.m);
	KUNIT_ASSERT_EQ(test, cca_rec_handle_exit(&c->t.recs[0], &exit), 0);
	KUNIT_EXPECT_EQ(test, exit.reason, CCA_EXIT_STOP);
	KUNIT_EXPECT_NOT_NULL(test, exit.stop.why);
	KUNIT_EXPECT_EQ(test, exit.stop.exit_reason, e->exit_reason);
	/* Nothing acted on: no command, no page shared. */
	KUNIT_EXPECT_EQ(test, rmi_model_calls(c->t.m), calls);
	KUNIT_EXPECT_EQ(test, c->t.shares, 0);
	KUNIT_EXPECT_EQ(test, rmi_rmm_errors() - c->errors, sc->rmm ? 1 : 0);
	KUNIT_EXPECT_EQ(test, cca_rec_enter(&c->t.recs[0]), -ESHUTDOWN);
	KUNIT_EXPECT_EQ(test, cca_rec_handle_exit(&c->t.recs[0], &exit), -ESHUTDOWN);
	exits_end(test, c);
}

static struct kunit_case rmi_exits_cases[] = {
	KUNIT_CASE(rmi_exits_demand_map),
	KUNIT_CASE(rmi_exits_mmio_write),
	KUNIT_CASE(rmi_exits_mmio_read),
	KUNIT_CASE(rmi_exits_share),
	KUNIT_CASE(rmi_exits_host_call),
	KUNIT_CASE(rmi_exits_ripas_empty),
	KUNIT_CASE(rmi_exits_ripas_reject),
	KUNIT_CASE(rmi_exits_ripas_rtt),
	KUNIT_CASE(rmi_exits_psci_cpu_on),
	KUNIT_CASE(rmi_exits_psci_cpu_off),
	KUNIT_CASE(rmi_exits_psci_system),
	KUNIT_CASE(rmi_exits_resume),
	KUNIT_CASE_PARAM(rmi_exits_hostile, stop_gen_params),
	{}
};

static struct kunit_suite rmi_exits_suite = {
	.name = "rmi_exits",
	.test_cases = rmi_exits_cases,
};

kunit_test_suite(rmi_exits_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI library: REC exits");
MODULE_LICENSE("GPL");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
