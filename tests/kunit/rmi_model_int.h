/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The model of the RMM, its private part: the state it keeps and the
 * helpers rmi_model.c (the RMM's set-up, granules, Realms, RTTs and
 * operations) and rmi_model_run.c (REC entry and exits, RIPAS changes,
 * PSCI, unprotected mappings) share.  Test code only.
 */
#ifndef __RMI_MODEL_INT_H
#define __RMI_MODEL_INT_H

#include <linux/mm.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/xarray.h>

#include "rmi_lib.h"
#include "rmi_model.h"

#define NR_FNUM		0x100
#define FNUM(fid)	(((fid) - SMC_RMI_VERSION) & (NR_FNUM - 1))
#define ENTRIES		(PAGE_SIZE / sizeof(u64))
#define MAX_AUX		512
/* Status and index; a constant expression, for the tables below. */
#define ERR_IDX(s, i)	((s) | ((unsigned long)(i) * \
				(RMI_RETURN_INDEX_MASK & -RMI_RETURN_INDEX_MASK)))

enum { REALM_NEW, REALM_ACTIVE, REALM_TERMINATED, REALM_SYSTEM_OFF };

/* An unprotected RTT entry mapping a Non-secure granule (model only). */
#define MRTTE_NS	0x80

struct mrtte {
	u8 state;
	u8 ripas;
	phys_addr_t pa;
};

struct mrtt {
	phys_addr_t pa;
	long level;
	struct mrtte e[ENTRIES];
};

struct mrealm {
	phys_addr_t rd;
	int state;
	u8 s2sz;
	long start;
	unsigned int num_start;
	phys_addr_t rtt_base;
	unsigned int next_rec;
	unsigned int nr_recs;
	unsigned int nr_aux;
	phys_addr_t aux[MAX_AUX];
};

struct mrec {
	phys_addr_t pa;
	struct mrealm *realm;
	bool runnable;
	/* RMI_REC_ENTER calls in progress (rmi_model_config.run_us). */
	unsigned int running;
	unsigned int index;
	unsigned int nr_aux;
	phys_addr_t aux[MAX_AUX];
	/* The RMM's state between an exit and the next entry. */
	bool entered;
	bool emulatable;
	bool host_call;
	bool psci_pending;
	u64 psci_fid;
	u64 psci_mpidr;
	long psci_ret;
	bool psci_done;
	unsigned long ripas_addr;
	unsigned long ripas_top;
	u8 ripas_value;
};

enum { EXP_DONATE, EXP_RECLAIM, EXP_CONTINUE };

struct mop {
	bool active;
	unsigned long handle;
	unsigned long fid;
	unsigned long x[8];
	unsigned int donate_left;
	bool contig;
	bool undelegated;
	bool can_cancel;
	bool cancelling;
	unsigned int continues;
	unsigned int nr_got;
	phys_addr_t got[MAX_AUX];
	unsigned int nr_give;
	unsigned int give_pos;
	phys_addr_t give[MAX_AUX];
};

struct rmi_model {
	spinlock_t lock;	/* every command, and what the model keeps */
	struct rmi_model_config cfg;
	struct kunit *test;
	struct xarray granules;
	struct xarray realms;
	struct xarray recs;
	struct xarray rtts;
	bool configured;
	bool active;
	u64 granule_size;
	unsigned long pool;
	unsigned int nr_realms;
	struct mop op;
	unsigned long next_handle;
	unsigned long calls[NR_FNUM];
	unsigned long nr_calls;
	unsigned long last_fid;
	unsigned long fail_at;
	unsigned long fail_status;
	unsigned long *log;
	unsigned long log_cap;
	unsigned long *redo;
	unsigned long abandoned;
	unsigned long abandoned_base;
	struct rnd_state rnd;
	phys_addr_t tmp[MAX_AUX];
	rmi_model_program program;
	void *program_priv;
	struct rmi_model_corruption corrupt;
	unsigned long corrupted;
	/* A REC whose entries stay in the Realm until let go: rmi_model_hold(). */
	phys_addr_t held_rec;
	u64 *list_out;
	unsigned long list_n;
	unsigned int list_reg;
	u64 *list_in;
	unsigned long list_in_n;
	unsigned long *list_log;
	unsigned long *list_in_log;
	phys_addr_t stale;
	phys_addr_t stale_before;
	struct rmi_model_entry entry_buf;
	struct rec_exit exit_buf;
};

/* Granule states. */
static inline enum rmi_model_gstate gget(struct rmi_model *m, phys_addr_t pa)
{
	void *e = xa_load(&m->granules, PHYS_PFN(pa));

	return e ? xa_to_value(e) : RMI_MODEL_NS;
}

static inline void gset(struct rmi_model *m, phys_addr_t pa, enum rmi_model_gstate s)
{
	if (s == RMI_MODEL_NS)
		xa_erase(&m->granules, PHYS_PFN(pa));
	else
		xa_store(&m->granules, PHYS_PFN(pa), xa_mk_value(s), GFP_ATOMIC);
}

static inline bool aligned(unsigned long pa)
{
	return PAGE_ALIGNED(pa);
}

static inline bool ns_granule(struct rmi_model *m, unsigned long pa)
{
	return pa && aligned(pa) && gget(m, pa) == RMI_MODEL_NS;
}

static inline u32 rnd(struct rmi_model *m, u32 n)
{
	return n ? prandom_u32_state(&m->rnd) % n : 0;
}

/* Granules a range command processes in this call. */
static inline unsigned long per_call(struct rmi_model *m, unsigned long n)
{
	unsigned long k = m->cfg.per_call;

	if (m->cfg.random)
		k = 1 + rnd(m, 4);
	return k && k < n ? k : n;
}

/* RTTs. */
static inline unsigned int shift(long level)
{
	return rmi_level_shift(level);
}

static inline struct mrtt *rtt_at(struct rmi_model *m, phys_addr_t pa)
{
	return xa_load(&m->rtts, PHYS_PFN(pa));
}

static inline struct mrtte *entry(struct mrtt *t, unsigned long ipa, long level)
{
	return &t->e[(ipa >> shift(level)) % ENTRIES];
}

/* Walk from the starting level towards @target; returns the last RTT. */
static inline struct mrtt *walk(struct rmi_model *m, struct mrealm *r,
				unsigned long ipa, long target, long *lvl)
{
	unsigned long idx = ipa >> shift(r->start);
	struct mrtt *t = rtt_at(m, r->rtt_base + (idx / ENTRIES) * PAGE_SIZE);
	long l = r->start;

	while (l < target) {
		struct mrtte *e = entry(t, ipa, l);

		if (e->state != RMI_TABLE)
			break;
		t = rtt_at(m, e->pa);
		l++;
	}
	*lvl = l;
	return t;
}

static inline struct mrtt *rtt_new(struct rmi_model *m, phys_addr_t pa, long level,
				   u8 ripas)
{
	struct mrtt *t = kzalloc(sizeof(*t), GFP_ATOMIC);
	unsigned int i;

	if (!t)
		return NULL;
	t->pa = pa;
	t->level = level;
	for (i = 0; i < ENTRIES; i++)
		t->e[i].ripas = ripas;
	xa_store(&m->rtts, PHYS_PFN(pa), t, GFP_ATOMIC);
	gset(m, pa, RMI_MODEL_RTT);
	return t;
}

static inline void rtt_free(struct rmi_model *m, struct mrtt *t)
{
	xa_erase(&m->rtts, PHYS_PFN(t->pa));
	gset(m, t->pa, RMI_MODEL_DELEGATED);
	kfree(t);
}

static inline bool rtt_live(const struct mrtt *t)
{
	unsigned int i;

	for (i = 0; i < ENTRIES; i++)
		if (t->e[i].state != RMI_VOID)
			return true;
	return false;
}

static inline struct mrealm *realm_at(struct rmi_model *m, unsigned long rd)
{
	if (!aligned(rd) || gget(m, rd) != RMI_MODEL_RD)
		return NULL;
	return xa_load(&m->realms, PHYS_PFN(rd));
}

static inline bool ipa_ok(const struct mrealm *r, unsigned long ipa)
{
	return aligned(ipa) && ipa < BIT_ULL(r->s2sz);
}

/*
 * An RmiAddrRangeDesc of @count granules from @pa, as an RMM writes one:
 * the model's own encoding, from the specification's fields, not the
 * library's.
 */
static inline u64 model_desc(phys_addr_t pa, unsigned long count,
			     unsigned long state)
{
	return FIELD_PREP(RMI_ADDR_RANGE_SIZE_MASK, 0) |
	       FIELD_PREP(RMI_ADDR_RANGE_COUNT_MASK, count) |
	       (pa & RMI_ADDR_RANGE_ADDR_MASK) |
	       FIELD_PREP(RMI_ADDR_RANGE_STATE_MASK, (u64)state);
}

/* The list a command was given, for RMI_MODEL_CORRUPT_SCRIBBLE. */
static inline void model_list_read(struct rmi_model *m, const u64 *list,
				   unsigned long n)
{
	m->list_in = (u64 *)list;
	m->list_in_n = n;
}

/* The list an answer wrote, for the corruption of its entries. */
static inline void model_list_written(struct rmi_model *m, u64 *list,
				      unsigned long n, unsigned int count_reg)
{
	m->list_out = list;
	m->list_n = n;
	m->list_reg = count_reg;
}

/* Handlers of rmi_model_run.c, in the table of rmi_model.c. */
unsigned long rmi_mdl_rec_enter(struct rmi_model *m, const unsigned long *x,
				unsigned long *res, bool commit);
unsigned long rmi_mdl_set_ripas(struct rmi_model *m, const unsigned long *x,
				unsigned long *res, bool commit);
unsigned long rmi_mdl_psci_complete(struct rmi_model *m, const unsigned long *x,
				    unsigned long *res, bool commit);
unsigned long rmi_mdl_unprot_map(struct rmi_model *m, const unsigned long *x,
				 unsigned long *res, bool commit);
unsigned long rmi_mdl_unprot_unmap(struct rmi_model *m, const unsigned long *x,
				   unsigned long *res, bool commit);
struct mrec *rmi_mdl_rec_at(struct rmi_model *m, unsigned long pa);
unsigned int rmi_mdl_rec_index(unsigned long mpidr);

#endif /* __RMI_MODEL_INT_H */
