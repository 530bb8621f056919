// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Realm program rmi.ko runs: freestanding, at IPA 0, MMU off.  REC 0
 * goes through the steps below, each reported on the console, and ends
 * with PSCI SYSTEM_OFF; any failure is printed, left in the report with
 * the step that failed, and ends the same way.
 *
 *  1. RSI_VERSION and RSI_REALM_CONFIG: the IPA width gives the console and
 *     the shared region, in the unprotected half.
 *  2. The arguments (X0 RECs, X1 RAM) against the layout of realm-abi.h.
 *  3. Every other REC turned on with PSCI CPU_ON; each reports its
 *     MPIDR_EL1 and turns itself off; AFFINITY_INFO sees it off.
 *  4. A RIPAS round trip: RAM -> EMPTY (a read then aborts) -> RAM (the
 *     contents then read zero, as our host's policy promises).
 *  5. Every granule of a range the host never mapped, written and read back.
 *  6. The RIM read, REM 0 extended with REALM_REM_EXTEND_VALUE and read.
 *  7. A challenge from the host, an attestation token for it.
 *  8. The report (header, token) in the shared region, a host call.
 *
 * With the MMU off every data access is Device-nGnRnE: no unaligned access
 * (-mstrict-align, and no byte buffer read as words at odd offsets) and no
 * exclusive or atomic instruction.  Documentation/arch/arm64/rmi-realm.rst
 * has the contract with the host for each step.
 */
#include <stdarg.h>
#include <stddef.h>

#include "realm-abi.h"
#include "realm-hw.h"

/*
 * The kernel's names for what a freestanding program cannot include from
 * it (<linux/compiler_attributes.h>, <linux/build_bug.h>, <linux/bits.h>).
 */
#define REALM_ATTR(a)		__attribute__((a))
#define __aligned(x)		REALM_ATTR(__aligned__(x))
#define __noreturn		REALM_ATTR(__noreturn__)
#define __printf(a, b)		REALM_ATTR(__format__(printf, a, b))
#define static_assert(expr, ...) extern int realm_static_assert[(expr) ? 1 : -1]
#define BIT(nr)			(1UL << (nr))

/* Patience with a host that makes no progress, in RMM round trips. */
#define REALM_AFFINITY_POLLS	10000
#define REALM_RIPAS_STALLS	1000
#define REALM_TOKEN_CALLS	100000
/* Room for the token: TF-RMM's bound is one granule (RMM_CCA_TOKEN_BUFFER). */
#define REALM_TOKEN_GRANULES	3

#define ESR_EC(esr)		(((esr) >> 26) & 0x3f)
#define ESR_EC_DABT_CUR		0x25
#define ESR_DFSC(esr)		((esr) & 0x3f)
#define ESR_DFSC_SEA		0x10
#define ESR_EA			BIT(9)
/* Aff3 (39:32), Aff2 (23:16), Aff1 (15:8), Aff0 (7:0) of MPIDR_EL1 */
#define MPIDR_AFF_MASK		0xff00ffffffUL

#define ASSERT_OFFSET(type, member, off) \
	static_assert(offsetof(type, member) == (off), #type "." #member)

ASSERT_OFFSET(struct realm_report, magic, REALM_REPORT_MAGIC_OFFSET);
ASSERT_OFFSET(struct realm_report, version, REALM_REPORT_VERSION_OFFSET);
ASSERT_OFFSET(struct realm_report, status, REALM_REPORT_STATUS_OFFSET);
ASSERT_OFFSET(struct realm_report, hash_algo, REALM_REPORT_HASH_ALGO_OFFSET);
ASSERT_OFFSET(struct realm_report, detail, REALM_REPORT_DETAIL_OFFSET);
ASSERT_OFFSET(struct realm_report, token_len, REALM_REPORT_TOKEN_LEN_OFFSET);
ASSERT_OFFSET(struct realm_report, ipa_width, REALM_REPORT_IPA_WIDTH_OFFSET);
ASSERT_OFFSET(struct realm_report, nr_recs, REALM_REPORT_NR_RECS_OFFSET);
ASSERT_OFFSET(struct realm_report, ram, REALM_REPORT_RAM_OFFSET);
ASSERT_OFFSET(struct realm_report, recs_up, REALM_REPORT_RECS_UP_OFFSET);
ASSERT_OFFSET(struct realm_report, touched, REALM_REPORT_TOUCHED_OFFSET);
ASSERT_OFFSET(struct realm_report, rsi_lower, REALM_REPORT_RSI_LOWER_OFFSET);
ASSERT_OFFSET(struct realm_report, rsi_higher, REALM_REPORT_RSI_HIGHER_OFFSET);
ASSERT_OFFSET(struct realm_report, challenge, REALM_REPORT_CHALLENGE_OFFSET);
ASSERT_OFFSET(struct realm_report, rim, REALM_REPORT_RIM_OFFSET);
ASSERT_OFFSET(struct realm_report, rem, REALM_REPORT_REM_OFFSET);
static_assert(sizeof(struct realm_report) == REALM_REPORT_TOKEN_OFFSET,
	      "the token follows the header");
ASSERT_OFFSET(struct realm_rsi_config, ipa_width, REALM_RSI_CONFIG_IPA_WIDTH_OFFSET);
ASSERT_OFFSET(struct realm_rsi_config, hash_algo, REALM_RSI_CONFIG_HASH_ALGO_OFFSET);
ASSERT_OFFSET(struct realm_rsi_config, rpv, REALM_RSI_CONFIG_RPV_OFFSET);
static_assert(sizeof(struct realm_rsi_config) == REALM_GRANULE_SIZE,
	      "RsiRealmConfig is one granule");
ASSERT_OFFSET(struct realm_rsi_host_call, imm, REALM_RSI_HOST_CALL_IMM_OFFSET);
ASSERT_OFFSET(struct realm_rsi_host_call, gprs, REALM_RSI_HOST_CALL_GPRS_OFFSET);
static_assert(sizeof(struct realm_rsi_host_call) == 0x100,
	      "RsiHostCall is 0x100 bytes");
static_assert(sizeof(REALM_REM_EXTEND_VALUE) - 1 == REALM_REM_EXTEND_SIZE,
	      "the REM extend value is 32 bytes");
static_assert(REALM_REPORT_TOKEN_OFFSET +
	      REALM_TOKEN_GRANULES * REALM_GRANULE_SIZE <=
	      REALM_SHARED_PAGES * REALM_GRANULE_SIZE,
	      "the report fits the shared region");

/* Buffers the RMM writes: granule-aligned, in the Realm's own RAM. */
static struct realm_rsi_config config __aligned(REALM_GRANULE_SIZE);
static unsigned char token[REALM_TOKEN_GRANULES * REALM_GRANULE_SIZE]
	__aligned(REALM_GRANULE_SIZE);
static struct realm_rsi_host_call host_call __aligned(0x100);

/* Read by the secondaries' entry code (realm-start.S) for their stacks. */
unsigned long realm_ram;

/* What the steps found, for the report. */
static struct {
	unsigned long nr_recs;
	unsigned long ipa_width;
	unsigned long unprotected;
	unsigned long console;
	unsigned int hash_algo;
	unsigned int rsi_lower;
	unsigned int rsi_higher;
	unsigned long recs_up;
	unsigned long touched;
	unsigned long token_len;
	unsigned char challenge[REALM_REPORT_MEASUREMENT_SIZE];
	unsigned char rim[REALM_REPORT_MEASUREMENT_SIZE];
	unsigned char rem[REALM_REPORT_MEASUREMENT_SIZE];
	/* Set by each secondary before it turns itself off. */
	unsigned long rec_seen[REALM_MAX_RECS];
	unsigned long rec_mpidr[REALM_MAX_RECS];
	int failing;
} st;

void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);

#ifndef REALM_HOST_TEST
/*
 * The compiler may call these for structure copies and initialisers even
 * in a freestanding program.  Word accesses when everything is aligned,
 * bytes otherwise: never an unaligned access.
 */
void *memset(void *dst, int c, size_t n)
{
	unsigned long *dw = dst;
	unsigned char *d = dst;
	size_t i;

	if (!c && !((unsigned long)dst % 8) && !(n % 8)) {
		for (i = 0; i < n / 8; i++)
			dw[i] = 0;
		return dst;
	}
	for (i = 0; i < n; i++)
		d[i] = c;
	return dst;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	const unsigned long *sw = src;
	const unsigned char *s = src;
	unsigned long *dw = dst;
	unsigned char *d = dst;
	size_t i;

	if (!(((unsigned long)dst | (unsigned long)src | n) % 8)) {
		for (i = 0; i < n / 8; i++)
			dw[i] = sw[i];
		return dst;
	}
	for (i = 0; i < n; i++)
		d[i] = s[i];
	return dst;
}
#endif /* REALM_HOST_TEST */

/* A line of output: the fixed-size buffer on the caller's stack. */
struct line {
	char buf[REALM_CONSOLE_LINE_MAX + 1];
	unsigned int len;
};

static void line_putc(struct line *l, char c)
{
	if (l->len < REALM_CONSOLE_LINE_MAX)
		l->buf[l->len++] = c;
}

static void line_num(struct line *l, unsigned long v, unsigned int base,
		     unsigned int width, char pad)
{
	char digits[24];
	unsigned int n = 0;

	do {
		digits[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v);
	while (width > n) {
		line_putc(l, pad);
		width--;
	}
	while (n)
		line_putc(l, digits[--n]);
}

/*
 * The little of printf the program uses: %s %c %u %x, with 'l', '#' and
 * a zero-padded width.
 */
static void line_vfmt(struct line *l, const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		unsigned int width = 0;
		int is_long = 0, alt = 0;
		unsigned long v;
		const char *s;

		if (*fmt != '%') {
			line_putc(l, *fmt);
			continue;
		}
		fmt++;
		if (*fmt == '#') {
			alt = 1;
			fmt++;
		}
		while (*fmt >= '0' && *fmt <= '9')
			width = width * 10 + *fmt++ - '0';
		if (*fmt == 'l') {
			is_long = 1;
			fmt++;
		}
		switch (*fmt) {
		case 's':
			for (s = va_arg(ap, const char *); *s; s++)
				line_putc(l, *s);
			break;
		case 'c':
			line_putc(l, (char)va_arg(ap, int));
			break;
		case 'u':
		case 'x':
			v = is_long ? va_arg(ap, unsigned long) :
				      va_arg(ap, unsigned int);
			if (alt && *fmt == 'x') {
				line_putc(l, '0');
				line_putc(l, 'x');
			}
			line_num(l, v, *fmt == 'x' ? 16 : 10, width, '0');
			break;
		case '%':
			line_putc(l, '%');
			break;
		default:
			return;
		}
	}
}

/* One console line: one byte store per character, then '\n'. */
static __printf(1, 2) void pr(const char *fmt, ...)
{
	struct line l = { .len = 0 };
	unsigned int i;
	va_list ap;

	if (!st.console)
		return;
	va_start(ap, fmt);
	line_vfmt(&l, fmt, ap);
	va_end(ap);
	for (i = 0; i < l.len; i++)
		realm_mmio_write8(st.console, l.buf[i]);
	realm_mmio_write8(st.console, '\n');
}

/* @n bytes as hex into @dst, which holds 2 * @n + 1. */
static const char *hex(char *dst, const unsigned char *p, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		dst[2 * i] = "0123456789abcdef"[p[i] >> 4];
		dst[2 * i + 1] = "0123456789abcdef"[p[i] & 0xf];
	}
	dst[2 * n] = '\0';
	return dst;
}

static const char * const step_names[] = {
	[REALM_STEP_VERSION] = "RSI version",
	[REALM_STEP_CONFIG] = "Realm config",
	[REALM_STEP_ARGS] = "arguments and layout",
	[REALM_STEP_SMP] = "secondary RECs",
	[REALM_STEP_RIPAS] = "RIPAS change",
	[REALM_STEP_TOUCH] = "RAM on demand",
	[REALM_STEP_MEASURE] = "measurements",
	[REALM_STEP_CHALLENGE] = "challenge",
	[REALM_STEP_TOKEN] = "attestation token",
	[REALM_STEP_REPORT] = "report",
	[REALM_STEP_EXCEPTION] = "exception",
};

static unsigned long smc4(unsigned long fid, unsigned long a1, unsigned long a2,
			  unsigned long a3, unsigned long a4,
			  struct realm_smc_regs *r)
{
	memset(r, 0, sizeof(*r));
	r->x[0] = fid;
	r->x[1] = a1;
	r->x[2] = a2;
	r->x[3] = a3;
	r->x[4] = a4;
	realm_smc(r);
	return r->x[0];
}

static __noreturn void halt(void)
{
	for (;;)
		realm_wait();
}

static __noreturn void system_off(void)
{
	struct realm_smc_regs r;

	smc4(REALM_PSCI_SYSTEM_OFF, 0, 0, 0, 0, &r);
	halt();
}

static unsigned long host_call_report(unsigned long ipa, unsigned long size,
				      unsigned long status, unsigned long detail)
{
	struct realm_smc_regs r;

	memset(&host_call, 0, sizeof(host_call));
	host_call.imm = REALM_HC_REPORT;
	host_call.gprs[0] = ipa;
	host_call.gprs[1] = size;
	host_call.gprs[2] = status;
	host_call.gprs[3] = detail;
	realm_barrier();
	return smc4(REALM_RSI_HOST_CALL, realm_ipa(&host_call), 0, 0, 0, &r);
}

/*
 * The report: the header (and on success the token) in the shared region
 * when the IPA width is known, then the host call.  Returns the host
 * call's status.
 */
static unsigned long report(unsigned int status, unsigned long detail)
{
	unsigned long ipa = 0, size = 0;
	struct realm_report *h;

	if (st.unprotected) {
		ipa = st.unprotected + REALM_SHARED_OFFSET;
		h = realm_ptr(ipa);
		memset(h, 0, sizeof(*h));
		h->magic = REALM_REPORT_MAGIC;
		h->version = REALM_REPORT_VERSION;
		h->status = status;
		h->hash_algo = st.hash_algo;
		h->detail = detail;
		h->ipa_width = st.ipa_width;
		h->nr_recs = st.nr_recs;
		h->ram = realm_ram;
		h->recs_up = st.recs_up;
		h->touched = st.touched;
		h->rsi_lower = st.rsi_lower;
		h->rsi_higher = st.rsi_higher;
		memcpy(h->challenge, st.challenge, sizeof(h->challenge));
		memcpy(h->rim, st.rim, sizeof(h->rim));
		memcpy(h->rem, st.rem, sizeof(h->rem));
		size = sizeof(*h);
		if (!status) {
			h->token_len = st.token_len;
			/* Whole words: the buffer is zero past the token. */
			memcpy((unsigned char *)h + REALM_REPORT_TOKEN_OFFSET,
			       token, (st.token_len + 7) & ~7UL);
			size += st.token_len;
		}
	}
	return host_call_report(ipa, size, status, detail);
}

/* Print why, report it and power off; a failure while failing powers off. */
static __noreturn __printf(3, 4) void fail(unsigned int step,
					  unsigned long detail,
					  const char *fmt, ...)
{
	struct line l = { .len = 0 };
	va_list ap;

	if (st.failing++)
		system_off();
	va_start(ap, fmt);
	line_vfmt(&l, fmt, ap);
	va_end(ap);
	l.buf[l.len] = '\0';
	pr("FAILED: %s: %s", step_names[step], l.buf);
	pr("reporting status %u (detail %#lx) and powering off", step, detail);
	report(step, detail);
	system_off();
}

static unsigned int hash_size(unsigned int algo)
{
	switch (algo) {
	case REALM_RSI_HASH_SHA_256:
		return 32;
	case REALM_RSI_HASH_SHA_384:
		return 48;
	case REALM_RSI_HASH_SHA_512:
		return 64;
	default:
		return 0;
	}
}

static const char *hash_name(unsigned int algo)
{
	switch (algo) {
	case REALM_RSI_HASH_SHA_256:
		return "sha-256";
	case REALM_RSI_HASH_SHA_384:
		return "sha-384";
	case REALM_RSI_HASH_SHA_512:
		return "sha-512";
	default:
		return "unknown";
	}
}

/* Doublewords from the RMM, least significant byte first, into bytes. */
static void words_to_bytes(unsigned char *dst, const unsigned long *w,
			   unsigned int nwords)
{
	unsigned int i;

	for (i = 0; i < 8 * nwords; i++)
		dst[i] = w[i / 8] >> (8 * (i % 8));
}

static unsigned long bytes_to_word(const unsigned char *p)
{
	unsigned long w = 0;
	unsigned int i;

	for (i = 0; i < 8; i++)
		w |= (unsigned long)p[i] << (8 * i);
	return w;
}

/* A measurement, hash-size bytes, 32 to a line. */
static void pr_measurement(const char *what, const unsigned char *m)
{
	unsigned int n = hash_size(st.hash_algo), i, chunk;
	char buf[2 * 32 + 1];

	for (i = 0; i < n; i += chunk) {
		chunk = n - i < 32 ? n - i : 32;
		pr("%s[%u:%u]: %s", what, i, i + chunk, hex(buf, m + i, chunk));
	}
}

/* Step 1: RSI_VERSION, then RSI_REALM_CONFIG, which gives the console. */
static void step_version_config(void)
{
	struct realm_smc_regs r;
	unsigned long version;

	version = smc4(REALM_RSI_VERSION, REALM_RSI_ABI_1_0, 0, 0, 0, &r);
	st.rsi_lower = r.x[1];
	st.rsi_higher = r.x[2];

	memset(&config, 0, sizeof(config));
	if (smc4(REALM_RSI_REALM_CONFIG, realm_ipa(&config), 0, 0, 0, &r))
		fail(REALM_STEP_CONFIG, r.x[0], "RSI_REALM_CONFIG returned %lu",
		     r.x[0]);
	st.ipa_width = config.ipa_width;
	st.hash_algo = config.hash_algo;
	if (st.ipa_width < 16 || st.ipa_width > 52)
		fail(REALM_STEP_CONFIG, st.ipa_width, "IPA width %lu",
		     st.ipa_width);
	st.unprotected = 1UL << (st.ipa_width - 1);
	st.console = st.unprotected + REALM_CONSOLE_OFFSET;

	pr("rmi realm program: REC 0 of %lu, RAM %#lx bytes", st.nr_recs,
	   realm_ram);
	pr("RSI_VERSION: asked for 1.0: status %lu, the RMM implements %u.%u to %u.%u",
	   version, st.rsi_lower >> 16, st.rsi_lower & 0xffff,
	   st.rsi_higher >> 16, st.rsi_higher & 0xffff);
	pr("RSI_REALM_CONFIG: IPA width %lu, hash algorithm %s (%u)",
	   st.ipa_width, hash_name(st.hash_algo), st.hash_algo);
	if (version != REALM_RSI_SUCCESS)
		fail(REALM_STEP_VERSION, version, "RSI 1.0 not implemented");
	if (!hash_size(st.hash_algo))
		fail(REALM_STEP_CONFIG, st.hash_algo,
		     "unknown hash algorithm %u", st.hash_algo);
}

/* Step 2: the RECs and RAM we were given hold the layout of realm-abi.h. */
static void step_args(void)
{
	unsigned long ram = realm_ram, ripas = REALM_RIPAS_BASE(ram);
	unsigned long stacks;

	if (!st.nr_recs || st.nr_recs > REALM_MAX_RECS)
		fail(REALM_STEP_ARGS, st.nr_recs, "%lu RECs: 1 to %u",
		     st.nr_recs, REALM_MAX_RECS);
	stacks = ram - st.nr_recs * REALM_STACK_SIZE;
	if (ram % REALM_GRANULE_SIZE || ram < REALM_MIN_RAM ||
	    ram > st.unprotected)
		fail(REALM_STEP_ARGS, ram,
		     "RAM %#lx: granules, at least %#x, in the protected half",
		     ram, REALM_MIN_RAM);
	if (realm_end() > REALM_TOUCH_BASE ||
	    REALM_TOUCH_BASE + REALM_TOUCH_SIZE > ripas ||
	    ripas + REALM_RIPAS_SIZE > stacks)
		fail(REALM_STEP_ARGS, ram,
		     "%lu RECs' stacks and RAM %#lx do not hold the layout",
		     st.nr_recs, ram);
	pr("layout: program [0, %#lx), touched [%#x, %#x), RIPAS [%#lx, %#lx), stacks [%#lx, %#lx)",
	   realm_end(), REALM_TOUCH_BASE, REALM_TOUCH_BASE + REALM_TOUCH_SIZE,
	   ripas, ripas + REALM_RIPAS_SIZE, stacks, ram);
}

/* Step 3: CPU_ON each other REC, which reports in and turns itself off. */
static void step_smp(void)
{
	unsigned long mpidr = realm_read_mpidr(), i, ret;
	struct realm_smc_regs r;
	unsigned int polls;

	pr("REC 0: MPIDR_EL1 %#lx", mpidr);
	if ((mpidr & MPIDR_AFF_MASK) != realm_mpidr(0))
		fail(REALM_STEP_SMP, mpidr, "REC 0 has MPIDR_EL1 %#lx", mpidr);
	/* The secondaries' entry code reads realm_ram, their code st.console. */
	realm_barrier();
	for (i = 1; i < st.nr_recs; i++) {
		ret = smc4(REALM_PSCI_CPU_ON, realm_mpidr(i),
			   realm_ipa(realm_secondary_entry), i, 0, &r);
		if (ret != REALM_PSCI_SUCCESS)
			fail(REALM_STEP_SMP, ret, "CPU_ON of REC %lu returned %#lx",
			     i, ret);
		for (polls = 1; polls <= REALM_AFFINITY_POLLS; polls++) {
			ret = smc4(REALM_PSCI_AFFINITY_INFO, realm_mpidr(i), 0,
				   0, 0, &r);
			if (ret != REALM_PSCI_AFFINITY_ON)
				break;
		}
		if (ret != REALM_PSCI_AFFINITY_OFF)
			fail(REALM_STEP_SMP, ret,
			     "REC %lu: AFFINITY_INFO %#lx after %u calls", i,
			     ret, polls - 1);
		if (!st.rec_seen[i])
			fail(REALM_STEP_SMP, i, "REC %lu is off but never ran", i);
		if ((st.rec_mpidr[i] & MPIDR_AFF_MASK) != realm_mpidr(i))
			fail(REALM_STEP_SMP, st.rec_mpidr[i],
			     "REC %lu has MPIDR_EL1 %#lx, not affinity %#lx", i,
			     st.rec_mpidr[i], realm_mpidr(i));
		st.recs_up++;
		pr("REC %lu: CPU_ON, reported MPIDR_EL1 %#lx, off after %u AFFINITY_INFO",
		   i, st.rec_mpidr[i], polls);
	}
	pr("%lu secondary REC(s) ran and turned themselves off", st.recs_up);
}

/* REC i, from PSCI CPU_ON with context i: report in, turn off. */
void realm_secondary_main(unsigned long index)
{
	unsigned long mpidr = realm_read_mpidr();
	struct realm_smc_regs r;

	if (index && index < REALM_MAX_RECS) {
		st.rec_mpidr[index] = mpidr;
		st.rec_seen[index] = 1;
		realm_barrier();
	}
	pr("REC %lu up: MPIDR_EL1 %#lx, turning itself off", index, mpidr);
	smc4(REALM_PSCI_CPU_OFF, 0, 0, 0, 0, &r);
	pr("REC %lu: CPU_OFF returned %#lx", index, r.x[0]);
	halt();
}

static const char *ripas_name(unsigned long ripas)
{
	return ripas == REALM_RSI_RAM ? "RAM" : "EMPTY";
}

/*
 * RSI_IPA_STATE_SET over [base, top): the RMM returns how far the host
 * went; ask again from there until the top, while the host makes progress.
 */
static void ripas_set(unsigned long base, unsigned long top, unsigned long ripas)
{
	unsigned int calls = 0, stalls = 0;
	struct realm_smc_regs r;
	unsigned long cur = base;

	while (cur < top) {
		if (smc4(REALM_RSI_IPA_STATE_SET, cur, top, ripas,
			 REALM_RSI_NO_CHANGE_DESTROYED, &r))
			fail(REALM_STEP_RIPAS, r.x[0],
			     "IPA_STATE_SET(%#lx, %#lx, %s) returned %lu", cur,
			     top, ripas_name(ripas), r.x[0]);
		calls++;
		if (r.x[2] == REALM_RSI_REJECT)
			fail(REALM_STEP_RIPAS, r.x[1],
			     "the host rejected %s for [%#lx, %#lx)",
			     ripas_name(ripas), r.x[1], top);
		if (r.x[2] != REALM_RSI_ACCEPT || r.x[1] < cur || r.x[1] > top)
			fail(REALM_STEP_RIPAS, r.x[1],
			     "IPA_STATE_SET: new base %#lx, response %lu", r.x[1],
			     r.x[2]);
		if (r.x[1] == cur && ++stalls > REALM_RIPAS_STALLS)
			fail(REALM_STEP_RIPAS, cur,
			     "no progress at %#lx in %u calls", cur, stalls);
		if (r.x[1] != cur)
			stalls = 0;
		cur = r.x[1];
	}
	pr("RSI_IPA_STATE_SET [%#lx, %#lx) to %s: done in %u call(s)", base,
	   top, ripas_name(ripas), calls);
}

/* RSI_IPA_STATE_GET: the whole of [base, top) has RIPAS @ripas. */
static void ripas_expect(unsigned long base, unsigned long top,
			 unsigned long ripas)
{
	struct realm_smc_regs r;
	unsigned long cur = base;

	while (cur < top) {
		if (smc4(REALM_RSI_IPA_STATE_GET, cur, top, 0, 0, &r))
			fail(REALM_STEP_RIPAS, r.x[0],
			     "IPA_STATE_GET(%#lx, %#lx) returned %lu", cur, top,
			     r.x[0]);
		if (r.x[1] <= cur || r.x[1] > top || r.x[2] != ripas)
			fail(REALM_STEP_RIPAS, r.x[2],
			     "RIPAS of [%#lx, %#lx) is %lu, not %s", cur, r.x[1],
			     r.x[2], ripas_name(ripas));
		cur = r.x[1];
	}
}

static unsigned long pattern(unsigned long ipa)
{
	return ipa ^ 0x5a5aa5a55a5aa5a5UL;
}

/* A read of an IPA whose RIPAS is EMPTY takes a synchronous external abort. */
static void expect_sea(unsigned long ipa)
{
	unsigned long esr;

	realm_probe_read(ipa, &esr);
	if (!esr)
		fail(REALM_STEP_RIPAS, ipa,
		     "a read of %#lx (RIPAS EMPTY) did not abort", ipa);
	if (ESR_EC(esr) != ESR_EC_DABT_CUR || ESR_DFSC(esr) != ESR_DFSC_SEA)
		fail(REALM_STEP_RIPAS, esr,
		     "a read of %#lx took ESR_EL1 %#lx, not an SEA", ipa, esr);
	pr("read of %#lx with RIPAS EMPTY: SEA, ESR_EL1 %#lx (EA %u) (DEN0137 A5.2.3)",
	   ipa, esr, !!(esr & ESR_EA));
}

/*
 * Step 4: write a pattern, RAM -> EMPTY -> RAM, check what is read then.
 *
 * What DEN0137 guarantees: after an accepted change to EMPTY every access
 * takes an SEA (A5.2.3), and only the Realm can make the range RAM again
 * (A5.2.5).  It promises nothing about the contents after EMPTY -> RAM:
 * TF-RMM keeps the granule and its data when the host leaves it mapped,
 * and zeroes any granule RMI_RTT_DATA_MAP gives us.  Our host's policy
 * (Documentation/arch/arm64/rmi-realm.rst) is to give the granules back on
 * EMPTY and map fresh ones on demand: zeroes.  That is what is checked.
 */
static void step_ripas(void)
{
	unsigned long base = REALM_RIPAS_BASE(realm_ram);
	unsigned long top = base + REALM_RIPAS_SIZE, ipa, v;
	unsigned long zero = 0, old = 0, words = REALM_RIPAS_SIZE / 8;

	for (ipa = base; ipa < top; ipa += 8)
		*(unsigned long *)realm_ptr(ipa) = pattern(ipa);
	for (ipa = base; ipa < top; ipa += 8)
		if (*(unsigned long *)realm_ptr(ipa) != pattern(ipa))
			fail(REALM_STEP_RIPAS, ipa, "pattern lost at %#lx", ipa);
	pr("RIPAS: wrote a pattern over [%#lx, %#lx)", base, top);
	ripas_expect(base, top, REALM_RSI_RAM);

	ripas_set(base, top, REALM_RSI_EMPTY);
	ripas_expect(base, top, REALM_RSI_EMPTY);
	expect_sea(base);
	expect_sea(top - 8);

	ripas_set(base, top, REALM_RSI_RAM);
	ripas_expect(base, top, REALM_RSI_RAM);
	for (ipa = base; ipa < top; ipa += 8) {
		v = *(unsigned long *)realm_ptr(ipa);
		zero += !v;
		old += v == pattern(ipa);
	}
	pr("back to RAM: %lu of %lu doublewords zero, %lu still the pattern",
	   zero, words, old);
	if (old)
		fail(REALM_STEP_RIPAS, old,
		     "the host kept the data over EMPTY (DEN0137 allows it; our host contract does not)");
	if (zero != words)
		fail(REALM_STEP_RIPAS, words - zero,
		     "%lu doublewords neither zero nor ours", words - zero);
	pr("checked: zero, our host's promise (fresh granules, zeroed by the RMM)");
	pr("DEN0137 promises no contents after EMPTY -> RAM");
}

/* Step 5: RAM the host never mapped: it maps it as we touch it. */
static void step_touch(void)
{
	unsigned long base = REALM_TOUCH_BASE, top = base + REALM_TOUCH_SIZE;
	unsigned long ipa, last, zero = 0;
	unsigned long *p;

	for (ipa = base; ipa < top; ipa += REALM_GRANULE_SIZE) {
		p = realm_ptr(ipa);
		last = REALM_GRANULE_SIZE / 8 - 1;
		zero += !p[0];
		p[0] = pattern(ipa);
		p[last] = ~pattern(ipa);
	}
	for (ipa = base; ipa < top; ipa += REALM_GRANULE_SIZE) {
		p = realm_ptr(ipa);
		last = REALM_GRANULE_SIZE / 8 - 1;
		if (p[0] != pattern(ipa) || p[last] != ~pattern(ipa))
			fail(REALM_STEP_TOUCH, ipa,
			     "granule %#lx did not keep what was written", ipa);
		st.touched++;
	}
	pr("touched %lu granules of [%#lx, %#lx), not mapped by the host at build",
	   st.touched, base, top);
	pr("each written and read back");
	pr("%lu of them read zero before the first write", zero);
}

static void measurement_read(unsigned long index, unsigned char *dst)
{
	struct realm_smc_regs r;

	if (smc4(REALM_RSI_MEASUREMENT_READ, index, 0, 0, 0, &r))
		fail(REALM_STEP_MEASURE, r.x[0],
		     "MEASUREMENT_READ(%lu) returned %lu", index, r.x[0]);
	words_to_bytes(dst, &r.x[1], REALM_REPORT_MEASUREMENT_SIZE / 8);
}

/* Step 6: the RIM, and REM 0 extended with REALM_REM_EXTEND_VALUE. */
static void step_measure(void)
{
	static const unsigned char value[] = REALM_REM_EXTEND_VALUE;
	struct realm_smc_regs r;
	unsigned int i;

	measurement_read(0, st.rim);
	pr_measurement("RIM", st.rim);

	memset(&r, 0, sizeof(r));
	r.x[0] = REALM_RSI_MEASUREMENT_EXTEND;
	r.x[1] = 1;
	r.x[2] = REALM_REM_EXTEND_SIZE;
	for (i = 0; i < REALM_REM_EXTEND_SIZE / 8; i++)
		r.x[3 + i] = bytes_to_word(value + 8 * i);
	realm_smc(&r);
	if (r.x[0])
		fail(REALM_STEP_MEASURE, r.x[0],
		     "MEASUREMENT_EXTEND(1) returned %lu", r.x[0]);
	measurement_read(1, st.rem);
	pr("REM 0 extended with \"%s\"", REALM_REM_EXTEND_VALUE);
	pr_measurement("REM 0", st.rem);
}

/* Step 7: the host's challenge, then a token for it. */
static void step_attest(void)
{
	unsigned long ret = REALM_RSI_INCOMPLETE, max, off, g;
	unsigned int calls = 0, i;
	struct realm_smc_regs r;
	char buf[2 * 16 + 1];

	memset(&host_call, 0, sizeof(host_call));
	host_call.imm = REALM_HC_CHALLENGE;
	if (smc4(REALM_RSI_HOST_CALL, realm_ipa(&host_call), 0, 0, 0, &r))
		fail(REALM_STEP_CHALLENGE, r.x[0], "RSI_HOST_CALL returned %lu",
		     r.x[0]);
	words_to_bytes(st.challenge, (const unsigned long *)host_call.gprs,
		       REALM_REPORT_MEASUREMENT_SIZE / 8);
	pr("challenge from the host (host call %#x): %s...", REALM_HC_CHALLENGE,
	   hex(buf, st.challenge, 16));

	memset(&r, 0, sizeof(r));
	r.x[0] = REALM_RSI_ATTEST_TOKEN_INIT;
	for (i = 0; i < 8; i++)
		r.x[1 + i] = host_call.gprs[i];
	realm_smc(&r);
	if (r.x[0])
		fail(REALM_STEP_TOKEN, r.x[0],
		     "ATTESTATION_TOKEN_INIT returned %lu", r.x[0]);
	max = r.x[1];
	if (max > sizeof(token))
		fail(REALM_STEP_TOKEN, max, "a token of up to %lu bytes: room for %lu",
		     max, (unsigned long)sizeof(token));
	memset(token, 0, sizeof(token));

	/* A granule at a time, each maybe in several pieces (DEN0137 A7.2.2). */
	for (g = 0; ret == REALM_RSI_INCOMPLETE; g += REALM_GRANULE_SIZE) {
		if (g >= sizeof(token))
			fail(REALM_STEP_TOKEN, g, "the token exceeds %lu bytes",
			     (unsigned long)sizeof(token));
		off = 0;
		do {
			ret = smc4(REALM_RSI_ATTEST_TOKEN_CONTINUE,
				   realm_ipa(token + g), off,
				   REALM_GRANULE_SIZE - off, 0, &r);
			if (++calls > REALM_TOKEN_CALLS)
				fail(REALM_STEP_TOKEN, calls,
				     "no token after %u calls", calls);
			if (ret != REALM_RSI_SUCCESS && ret != REALM_RSI_INCOMPLETE)
				fail(REALM_STEP_TOKEN, ret,
				     "ATTESTATION_TOKEN_CONTINUE returned %lu", ret);
			if (r.x[1] > REALM_GRANULE_SIZE - off)
				fail(REALM_STEP_TOKEN, r.x[1],
				     "%lu bytes written in %lu", r.x[1],
				     REALM_GRANULE_SIZE - off);
			off += r.x[1];
		} while (ret == REALM_RSI_INCOMPLETE && off < REALM_GRANULE_SIZE);
		st.token_len += off;
	}
	pr("attestation token: %lu bytes (the RMM's bound %lu) in %u CONTINUE call(s)",
	   st.token_len, max, calls);
}

void realm_main(unsigned long nr_recs, unsigned long ram)
{
	unsigned long ret;

	memset(&st, 0, sizeof(st));
	st.nr_recs = nr_recs;
	st.hash_algo = REALM_HASH_ALGO_UNKNOWN;
	realm_ram = ram;

	step_version_config();
	step_args();
	step_smp();
	step_ripas();
	step_touch();
	step_measure();
	step_attest();

	ret = report(0, 0);
	if (ret)
		fail(REALM_STEP_REPORT, ret, "RSI_HOST_CALL returned %lu", ret);
	pr("report: %lu bytes at IPA %#lx, host call %#x",
	   (unsigned long)REALM_REPORT_TOKEN_OFFSET + st.token_len,
	   st.unprotected + REALM_SHARED_OFFSET, REALM_HC_REPORT);
	pr("all steps passed: PSCI SYSTEM_OFF");
	system_off();
}

/* From realm-start.S, on any exception but the probe's. */
void realm_exception(unsigned long esr, unsigned long elr, unsigned long far,
		     unsigned long vector)
{
	unsigned long mpidr = realm_read_mpidr();
	unsigned long index = (mpidr & 0xf) | ((mpidr >> 8 & 0xff) << 4);
	struct realm_smc_regs r;

	pr("REC %lu: exception at vector %lu: ESR_EL1 %#lx ELR_EL1 %#lx FAR_EL1 %#lx",
	   index, vector, esr, elr, far);
	if (!index)
		fail(REALM_STEP_EXCEPTION, esr, "unexpected exception");
	/* REC 0 notices a secondary that never reported in. */
	smc4(REALM_PSCI_CPU_OFF, 0, 0, 0, 0, &r);
	halt();
}
