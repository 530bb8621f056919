// SPDX-License-Identifier: GPL-2.0-only
/*
 * The model of the RMM, at run time: REC entry and exits, and the
 * commands that answer them (RMI_RTT_SET_RIPAS, RMI_PSCI_COMPLETE) or
 * serve them (RMI_RTT_UNPROT_MAP, RMI_RTT_UNPROT_UNMAP).
 *
 * A test gives the model a program: what the Realm does on each entry,
 * as the exit it causes.  The model keeps what an RMM keeps between that
 * exit and the next entry (DEN0137 A4.2, A4.3; TF-RMM runtime/rmi/run.c
 * and runtime/rsi/psci.c for 2.0): a pending host call, PSCI request,
 * RIPAS change or emulatable abort; on the next entry it checks the
 * host's completion (RMI_ERROR_REC for a PSCI request left pending or an
 * emulated access the REC did not make) and tells the program what the
 * Realm sees: the value read, the host call's results, how far the RIPAS
 * change went and whether it was rejected, the PSCI result.  Test code
 * only.
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/string.h>
#include <uapi/linux/psci.h>

#include <asm/esr.h>

#include "rmi_model_int.h"

/* The REC a PSCI target names: MPIDR_EL1 affinity fields, Aff3 at 39:32. */
static unsigned int mpidr_el1_index(u64 mpidr)
{
	unsigned long rec = FIELD_PREP(REC_MPIDR_AFF0_MASK, mpidr & 0xf) |
			    FIELD_PREP(REC_MPIDR_AFF1_MASK, (mpidr >> 8) & 0xff) |
			    FIELD_PREP(REC_MPIDR_AFF2_MASK, (mpidr >> 16) & 0xff) |
			    FIELD_PREP(REC_MPIDR_AFF3_MASK, (mpidr >> 32) & 0xff);

	/* Aff0 of a REC is 4 bits: anything above names no REC. */
	if (mpidr & 0xf0)
		return UINT_MAX;
	return rmi_mdl_rec_index(rec);
}

static bool psci_names_rec(u64 fid)
{
	return fid == PSCI_0_2_FN_CPU_ON || fid == PSCI_0_2_FN64_CPU_ON ||
	       fid == PSCI_0_2_FN_AFFINITY_INFO ||
	       fid == PSCI_0_2_FN64_AFFINITY_INFO;
}

/* What the RMM keeps after making the exit @e of @rec. */
static void apply_exit(struct mrec *rec, const struct rec_exit *e)
{
	switch (e->exit_reason) {
	case RMI_EXIT_HOST_CALL:
		rec->host_call = true;
		break;
	case RMI_EXIT_PSCI:
		if (psci_names_rec(e->gprs[0])) {
			rec->psci_pending = true;
			rec->psci_fid = e->gprs[0];
			rec->psci_mpidr = e->gprs[1];
		} else if (e->gprs[0] == PSCI_0_2_FN_CPU_OFF) {
			rec->runnable = false;
		} else if (e->gprs[0] == PSCI_0_2_FN_SYSTEM_OFF ||
			   e->gprs[0] == PSCI_0_2_FN_SYSTEM_RESET) {
			rec->realm->state = REALM_SYSTEM_OFF;
		}
		break;
	case RMI_EXIT_RIPAS_CHANGE:
		rec->ripas_addr = e->ripas_base;
		rec->ripas_top = e->ripas_top;
		rec->ripas_value = e->ripas_value;
		break;
	case RMI_EXIT_SYNC:
		rec->emulatable = ESR_ELx_EC(e->esr) == ESR_ELx_EC_DABT_LOW &&
				  (e->esr & ESR_ELx_ISV);
		break;
	}
}

/* Without a program, each entry is a host call: imm the REC index, X0 + 1. */
static void default_program(const struct rmi_model_entry *in,
			    struct rec_exit *out)
{
	out->exit_reason = RMI_EXIT_HOST_CALL;
	out->imm = in->index;
	out->gprs[0] = in->gprs[0] + 1;
}

/**
 * rmi_mdl_rec_enter() - RMI_REC_ENTER
 * @m: the model
 * @x: X0..X17
 * @res: the answer
 * @commit: run it, else check its failure conditions only
 *
 * Return: the status.
 */
unsigned long rmi_mdl_rec_enter(struct rmi_model *m, const unsigned long *x,
				unsigned long *res, bool commit)
{
	struct mrec *rec = rmi_mdl_rec_at(m, x[1]);
	struct rmi_model_entry *in = &m->entry_buf;
	struct rec_exit *out = &m->exit_buf;
	struct rec_run *run;
	u64 flags;

	if (!rec || !ns_granule(m, x[2]))
		return RMI_ERROR_INPUT;
	/* 1.0 B4.3.14 realm_new, system_off, rec_runnable, psci_pending. */
	if (rec->realm->state == REALM_NEW)
		return ERR_IDX(RMI_ERROR_REALM, 0);
	if (rec->realm->state != REALM_ACTIVE)
		return ERR_IDX(RMI_ERROR_REALM, 1);
	if (!rec->runnable || rec->psci_pending)
		return RMI_ERROR_REC;
	run = phys_to_virt(x[2]);
	flags = READ_ONCE(run->enter.flags);
	if (flags & REC_ENTER_FLAG_RES0)
		return RMI_ERROR_INPUT;
	/* An emulated access the REC did not make (TF-RMM run.c). */
	if ((flags & REC_ENTER_FLAG_EMULATED_MMIO_MASK) && !rec->emulatable)
		return RMI_ERROR_REC;
	if (!commit)
		return RMI_SUCCESS;

	memset(in, 0, sizeof(*in));
	in->index = rec->index;
	in->first = !rec->entered;
	in->flags = flags;
	memcpy(in->gprs, run->enter.gprs, sizeof(in->gprs));
	in->mmio = rec->emulatable && (flags & REC_ENTER_FLAG_EMULATED_MMIO_MASK);
	rec->emulatable = false;
	in->host_call = rec->host_call;
	rec->host_call = false;
	if (rec->ripas_top) {
		in->ripas = true;
		in->ripas_top = rec->ripas_addr;
		in->ripas_reject = rec->ripas_value == RMI_RAM &&
				   rec->ripas_addr != rec->ripas_top &&
				   FIELD_GET(REC_ENTER_FLAG_RIPAS_RESPONSE_MASK,
					     flags) == RMI_REJECT;
		rec->ripas_top = 0;
		rec->ripas_addr = 0;
	}
	in->psci = rec->psci_done;
	in->psci_ret = rec->psci_ret;
	rec->psci_done = false;
	rec->entered = true;

	memset(out, 0, sizeof(*out));
	if (m->program)
		m->program(m->program_priv, in, out);
	else
		default_program(in, out);
	apply_exit(rec, out);
	memcpy(&run->exit, out, sizeof(*out));
	return RMI_SUCCESS;
}

/**
 * rmi_mdl_psci_complete() - RMI_PSCI_COMPLETE, as TF-RMM 2.0 runs it
 * @m: the model
 * @x: X0..X17
 * @res: the answer
 * @commit: run it, else check its failure conditions only
 *
 * Return: the status.
 */
unsigned long rmi_mdl_psci_complete(struct rmi_model *m, const unsigned long *x,
				    unsigned long *res, bool commit)
{
	struct mrec *c = rmi_mdl_rec_at(m, x[1]), *t = rmi_mdl_rec_at(m, x[2]);
	long status = x[3], ret;
	bool cpu_on;

	if (!c || !t || !c->psci_pending || c->realm != t->realm)
		return RMI_ERROR_INPUT;
	if (mpidr_el1_index(c->psci_mpidr) != t->index)
		return RMI_ERROR_INPUT;
	cpu_on = c->psci_fid == PSCI_0_2_FN_CPU_ON ||
		 c->psci_fid == PSCI_0_2_FN64_CPU_ON;
	if (cpu_on ? status != PSCI_RET_SUCCESS && status != PSCI_RET_DENIED :
		     status != PSCI_RET_SUCCESS)
		return RMI_ERROR_INPUT;
	if (!commit)
		return RMI_SUCCESS;

	if (!cpu_on) {
		ret = t->runnable ? PSCI_0_2_AFFINITY_LEVEL_ON :
				    PSCI_0_2_AFFINITY_LEVEL_OFF;
	} else if (t->runnable) {
		ret = PSCI_RET_ALREADY_ON;
	} else if (status == PSCI_RET_DENIED) {
		ret = PSCI_RET_DENIED;
	} else {
		t->runnable = true;
		ret = PSCI_RET_SUCCESS;
	}
	c->psci_ret = ret;
	c->psci_done = true;
	c->psci_pending = false;
	/* Denying a CPU that is on: the request completes, the call fails. */
	if (cpu_on && status == PSCI_RET_DENIED && ret == PSCI_RET_ALREADY_ON)
		return RMI_ERROR_INPUT;
	return RMI_SUCCESS;
}

/**
 * rmi_mdl_set_ripas() - RMI_RTT_SET_RIPAS, as TF-RMM 2.0 runs it
 * @m: the model
 * @x: X0..X17
 * @res: the answer
 * @commit: run it, else check its failure conditions only
 *
 * From the entry the walk ends at, at any level, while whole entries fit
 * the request; RMI_ERROR_RTT at that level if the first does not.
 *
 * Return: the status.
 */
unsigned long rmi_mdl_set_ripas(struct rmi_model *m, const unsigned long *x,
				unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	struct mrec *rec = rmi_mdl_rec_at(m, x[2]);
	unsigned long base = x[3], top = x[4], ipa, size, end, n;
	struct mrtt *t;
	long l;

	if (top <= base || !aligned(top) || !r || !rec)
		return RMI_ERROR_INPUT;
	if (rec->realm != r)
		return RMI_ERROR_REC;
	if (!rec->ripas_top || base != rec->ripas_addr || top > rec->ripas_top)
		return RMI_ERROR_INPUT;
	t = walk(m, r, base, RMI_RTT_MAX_LEVEL, &l);
	size = BIT_ULL(shift(l));
	if (!IS_ALIGNED(base, size) || base + size > top)
		return ERR_IDX(RMI_ERROR_RTT, l);
	if (!commit)
		return RMI_SUCCESS;
	end = min(top, ALIGN(base + 1, size * ENTRIES));
	n = per_call(m, (end - base) / size);
	for (ipa = base; ipa + size <= end && n; ipa += size, n--)
		entry(t, ipa, l)->ripas = rec->ripas_value;
	rec->ripas_addr = ipa;
	res[1] = ipa;
	return RMI_SUCCESS;
}

/* The checks of the unprotected map and unmap commands. */
static bool unprot_range_ok(const struct mrealm *r, unsigned long base,
			    unsigned long top)
{
	return aligned(base) && aligned(top) && base < top &&
	       base >= BIT_ULL(r->s2sz - 1) && top <= BIT_ULL(r->s2sz);
}

/**
 * rmi_mdl_unprot_map() - RMI_RTT_UNPROT_MAP, as TF-RMM 2.0 runs it
 * @m: the model
 * @x: X0..X17
 * @res: the answer
 * @commit: run it, else check its failure conditions only
 *
 * Non-secure granules only, level 3 only, from a SINGLE descriptor or a
 * list of size 0 descriptors; MEMATTR not the reserved 0b100; S2AP read
 * and write bits only.
 *
 * Return: the status.
 */
unsigned long rmi_mdl_unprot_map(struct rmi_model *m, const unsigned long *x,
				 unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long base = x[2], top = x[3], flags = x[4], oaddr = x[5];
	unsigned long type = FIELD_GET(RMI_RTT_UNPROT_MAP_FLAGS_OADDR_TYPE_MASK, flags);
	unsigned long count = FIELD_GET(RMI_RTT_UNPROT_MAP_FLAGS_LIST_COUNT_MASK, flags);
	unsigned long ipa, i, k, n = 0, end;
	phys_addr_t *pa = m->tmp;
	const u64 *list;
	struct mrtt *t;
	long l;

	if (!r || !unprot_range_ok(r, base, top) ||
	    (flags & RMI_RTT_UNPROT_MAP_FLAGS_RES0) ||
	    FIELD_GET(RMI_RTT_UNPROT_MAP_FLAGS_MEMATTR_MASK, flags) == 0b100 ||
	    FIELD_GET(RMI_RTT_UNPROT_MAP_FLAGS_S2AP_MASK, flags) &
	    ~(unsigned long)(RMI_S2AP_DIRECT_READ | RMI_S2AP_DIRECT_WRITE))
		return RMI_ERROR_INPUT;
	if (type == RMI_ADDR_TYPE_SINGLE) {
		list = (const u64 *)&x[5];
		count = 1;
	} else if (type == RMI_ADDR_TYPE_LIST && count && IS_ALIGNED(oaddr, 8) &&
		   gget(m, oaddr) == RMI_MODEL_NS &&
		   (oaddr % PAGE_SIZE) / 8 + count <= ENTRIES) {
		list = phys_to_virt(oaddr);
	} else {
		return RMI_ERROR_INPUT;
	}
	for (i = 0; i < count; i++) {
		u64 e = list[i];

		if (RMI_ADDR_RANGE_SIZE(e) || !RMI_ADDR_RANGE_COUNT(e))
			return RMI_ERROR_INPUT;
		for (k = 0; k < RMI_ADDR_RANGE_COUNT(e) && n < ENTRIES; k++) {
			pa[n] = RMI_ADDR_RANGE_ADDR(e) + k * PAGE_SIZE;
			if (gget(m, pa[n++]) != RMI_MODEL_NS)
				return RMI_ERROR_INPUT;
		}
	}
	t = walk(m, r, base, RMI_RTT_MAX_LEVEL, &l);
	if (l < RMI_RTT_MAX_LEVEL)
		return ERR_IDX(RMI_ERROR_RTT, l);
	if (!commit)
		return RMI_SUCCESS;
	end = min(top, ALIGN(base + 1, BIT_ULL(shift(RMI_RTT_MAX_LEVEL - 1))));
	n = per_call(m, min_t(unsigned long, n, (end - base) >> PAGE_SHIFT));
	for (i = 0, ipa = base; i < n; i++, ipa += PAGE_SIZE) {
		struct mrtte *e = entry(t, ipa, l);

		if (e->state == MRTTE_NS && e->pa == pa[i])
			continue;
		if (e->state != RMI_VOID)
			break;
		e->state = MRTTE_NS;
		e->pa = pa[i];
	}
	if (ipa == base)
		return ERR_IDX(RMI_ERROR_RTT, l);
	res[1] = ipa;
	return RMI_SUCCESS;
}

/**
 * rmi_mdl_unprot_unmap() - RMI_RTT_UNPROT_UNMAP, with no address list
 * @m: the model
 * @x: X0..X17
 * @res: the answer
 * @commit: run it, else check its failure conditions only
 *
 * Return: the status.
 */
unsigned long rmi_mdl_unprot_unmap(struct rmi_model *m, const unsigned long *x,
				   unsigned long *res, bool commit)
{
	struct mrealm *r = realm_at(m, x[1]);
	unsigned long base = x[2], top = x[3], flags = x[4], ipa = base, n;
	struct mrtt *t;
	long l;

	if (!r || !unprot_range_ok(r, base, top) ||
	    (flags & RMI_RTT_UNMAP_FLAGS_RES0))
		return RMI_ERROR_INPUT;
	/* The model takes NONE only: oaddr and the count SBZ (TF-RMM). */
	if (FIELD_GET(RMI_RTT_UNMAP_FLAGS_OADDR_TYPE_MASK, flags) != RMI_ADDR_TYPE_NONE ||
	    FIELD_GET(RMI_RTT_UNMAP_FLAGS_LIST_COUNT_MASK, flags) || x[5])
		return RMI_ERROR_INPUT;
	if (!commit)
		return RMI_SUCCESS;
	n = per_call(m, (top - base) >> PAGE_SHIFT);
	while (ipa < top && n--) {
		t = walk(m, r, ipa, RMI_RTT_MAX_LEVEL, &l);
		if (l < RMI_RTT_MAX_LEVEL) {
			ipa = min(top, ALIGN(ipa + 1, BIT_ULL(shift(l))));
			continue;
		}
		if (entry(t, ipa, l)->state == MRTTE_NS) {
			entry(t, ipa, l)->state = RMI_VOID;
			entry(t, ipa, l)->pa = 0;
		}
		ipa += PAGE_SIZE;
	}
	res[1] = ipa;
	res[2] = 0;
	res[3] = 0;
	return RMI_SUCCESS;
}

/**
 * rmi_model_set_program() - what the Realm does on each entry
 * @m: the model
 * @fn: the program, or NULL for the default (a host call per entry)
 * @priv: for @fn
 */
void rmi_model_set_program(struct rmi_model *m, rmi_model_program fn,
			   void *priv)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	m->program = fn;
	m->program_priv = priv;
	spin_unlock_irqrestore(&m->lock, flags);
}
EXPORT_SYMBOL_GPL(rmi_model_set_program);

/**
 * rmi_model_runnable() - whether the model runs a REC
 * @m: the model
 * @rec: PA of its REC granule
 *
 * Return: its runnable flag, false for no REC.
 */
bool rmi_model_runnable(struct rmi_model *m, phys_addr_t rec)
{
	unsigned long flags;
	struct mrec *r;
	bool ret;

	spin_lock_irqsave(&m->lock, flags);
	r = rmi_mdl_rec_at(m, rec);
	ret = r && r->runnable;
	spin_unlock_irqrestore(&m->lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(rmi_model_runnable);

/**
 * rmi_model_hold() - keep a REC's entries in the Realm, or let them go
 * @m: the model
 * @rec: PA of its REC granule, or 0 to let every REC go
 *
 * An RMI_REC_ENTER of @rec made from now on returns only once another
 * call lets it go, or after half a second: the REC runs meanwhile, and
 * RMI_REC_DESTROY of it fails.  At most one REC is held.
 */
void rmi_model_hold(struct rmi_model *m, phys_addr_t rec)
{
	unsigned long flags;

	spin_lock_irqsave(&m->lock, flags);
	WRITE_ONCE(m->held_rec, rec);
	spin_unlock_irqrestore(&m->lock, flags);
}
EXPORT_SYMBOL_GPL(rmi_model_hold);

/**
 * rmi_model_running() - how many CPUs are inside RMI_REC_ENTER of a REC
 * @m: the model
 * @rec: PA of its REC granule
 *
 * Only entries that run a while are counted: those of a held REC, or all
 * with rmi_model_config.run_us.
 *
 * Return: the count, 0 for no REC.
 */
unsigned int rmi_model_running(struct rmi_model *m, phys_addr_t rec)
{
	unsigned long flags;
	unsigned int n = 0;
	struct mrec *r;

	spin_lock_irqsave(&m->lock, flags);
	r = rmi_mdl_rec_at(m, rec);
	if (r)
		n = r->running;
	spin_unlock_irqrestore(&m->lock, flags);
	return n;
}
EXPORT_SYMBOL_GPL(rmi_model_running);

/**
 * rmi_model_ripas() - the RIPAS of a protected IPA, and whether it is mapped
 * @m: the model
 * @rd: PA of the Realm's RD
 * @ipa: the IPA
 * @mapped: receives whether data is mapped there
 *
 * Return: the RIPAS (RMI_EMPTY, RMI_RAM, ...), or -1 for no Realm.
 */
int rmi_model_ripas(struct rmi_model *m, phys_addr_t rd, unsigned long ipa,
		    bool *mapped)
{
	unsigned long flags;
	struct mrealm *r;
	struct mrtte *e;
	int ripas = -1;
	long l;

	spin_lock_irqsave(&m->lock, flags);
	r = realm_at(m, rd);
	if (r && ipa_ok(r, ALIGN_DOWN(ipa, PAGE_SIZE))) {
		e = entry(walk(m, r, ipa, RMI_RTT_MAX_LEVEL, &l), ipa, l);
		ripas = e->ripas;
		*mapped = e->state == RMI_DATA;
	}
	spin_unlock_irqrestore(&m->lock, flags);
	return ripas;
}
EXPORT_SYMBOL_GPL(rmi_model_ripas);

/**
 * rmi_model_unprot() - what an unprotected IPA maps
 * @m: the model
 * @rd: PA of the Realm's RD
 * @ipa: the IPA
 * @pa: receives the Non-secure PA mapped there
 *
 * Return: whether a granule is mapped there.
 */
bool rmi_model_unprot(struct rmi_model *m, phys_addr_t rd, unsigned long ipa,
		      phys_addr_t *pa)
{
	unsigned long flags;
	struct mrealm *r;
	struct mrtte *e;
	bool ret = false;
	long l;

	spin_lock_irqsave(&m->lock, flags);
	r = realm_at(m, rd);
	if (r && ipa_ok(r, ALIGN_DOWN(ipa, PAGE_SIZE))) {
		e = entry(walk(m, r, ipa, RMI_RTT_MAX_LEVEL, &l), ipa, l);
		ret = l == RMI_RTT_MAX_LEVEL && e->state == MRTTE_NS;
		*pa = e->pa;
	}
	spin_unlock_irqrestore(&m->lock, flags);
	return ret;
}
EXPORT_SYMBOL_GPL(rmi_model_unprot);
