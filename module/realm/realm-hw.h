/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * What the Realm program needs of the machine: SMCs, the console store, a
 * load that may take a synchronous external abort, MPIDR_EL1, barriers.
 * realm-start.S implements the out-of-line parts.  Built with
 * REALM_HOST_TEST, the same program runs on the build machine against a
 * fake RMM (tests/realm/fake-rmm.c), which implements all of these.
 */
#ifndef __RMI_REALM_HW_H
#define __RMI_REALM_HW_H

/* X0..X17 in and out of an SMC (SMCCC 1.2). */
struct realm_smc_regs {
	unsigned long x[18];
};

void realm_smc(struct realm_smc_regs *regs);
/*
 * Read the doubleword at @ipa; if that takes a synchronous exception,
 * return 0 and store ESR_EL1 in *@esr, else store 0 there.
 */
unsigned long realm_probe_read(unsigned long ipa, unsigned long *esr);
/* Where the secondary RECs start (realm-start.S). */
extern const char realm_secondary_entry[];

#ifndef REALM_HOST_TEST

/* The end of the program's own memory: image and bss (realm.lds). */
extern char __realm_end[];

/* MMU off: an IPA is the address. */
static inline void *realm_ptr(unsigned long ipa)
{
	return (void *)ipa;
}

static inline unsigned long realm_ipa(const void *p)
{
	return (unsigned long)p;
}

static inline unsigned long realm_end(void)
{
	return (unsigned long)__realm_end;
}

/*
 * One byte store, with no writeback, so that the abort it takes at the
 * console IPA reports a valid syndrome (ESR_EL2.ISV) and the host can
 * emulate it.
 */
static inline void realm_mmio_write8(unsigned long ipa, unsigned char c)
{
	asm volatile("strb %w0, [%1]" : : "r" (c), "r" (ipa) : "memory");
}

static inline unsigned long realm_read_mpidr(void)
{
	unsigned long v;

	asm volatile("mrs %0, mpidr_el1" : "=r" (v));
	return v;
}

/* Stores done before the next SMC, for another REC to see them. */
static inline void realm_barrier(void)
{
	asm volatile("dsb sy" : : : "memory");
}

static inline void realm_wait(void)
{
	asm volatile("wfi" : : : "memory");
}

#else

void *realm_ptr(unsigned long ipa);
unsigned long realm_ipa(const void *p);
unsigned long realm_end(void);
void realm_mmio_write8(unsigned long ipa, unsigned char c);
unsigned long realm_read_mpidr(void);
void realm_barrier(void);
void realm_wait(void);

#endif /* REALM_HOST_TEST */

/* The C entry points realm-start.S calls. */
void realm_main(unsigned long nr_recs, unsigned long ram);
void realm_secondary_main(unsigned long index);
void realm_exception(unsigned long esr, unsigned long elr, unsigned long far,
		     unsigned long vector);

#endif /* __RMI_REALM_HW_H */
