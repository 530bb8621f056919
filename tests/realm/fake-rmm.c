// SPDX-License-Identifier: GPL-2.0-only
/*
 * The Realm program (module/realm/realm.c) run on the build machine: this
 * file is the machine it expects (realm-hw.h), with an RMM and a host
 * behind its SMCs that follow the contract of
 * Documentation/arch/arm64/rmi-realm.rst, or break it in one way per
 * scenario.  Each scenario runs realm_main() to its SYSTEM_OFF and checks
 * the report the program handed over, its console, and what it asked of
 * the RMM.
 *
 * Memory: RAM is an array indexed by IPA; the program's own buffers
 * (config, host call, token) stay where the compiler put them, and their
 * host addresses stand for IPAs above the IPA space.  The secondaries run
 * on this stack from inside the primary's AFFINITY_INFO, and leave by
 * longjmp() when they call CPU_OFF, as the primary does at SYSTEM_OFF.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "realm-abi.h"
#include "realm-hw.h"

#define GRANULE			REALM_GRANULE_SIZE
#define MAX_RAM			0x1000000UL
#define MAX_LINES		4096
#define PSCI_DENIED		((unsigned long)-3)
#define ESR_SEA			0x96000010UL
#define FAKE_REALM_END		0xa000UL
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))

struct scenario {
	const char *name;
	unsigned long nr_recs;
	unsigned long ram;
	unsigned long ipa_width;
	unsigned int hash_algo;
	unsigned long version_status;
	/* Granules per RMI_RTT_SET_RIPAS round (0: all), stalls first. */
	unsigned int ripas_step;
	unsigned int ripas_stalls;
	int ripas_reject;
	int keep_data;
	int no_sea;
	/* An abort that is not an SEA; a touched granule that forgets. */
	int wrong_abort;
	int forget_touch;
	int cpu_on_deny;
	int stays_on;
	unsigned long token_max;
	unsigned long token_size;
	unsigned long token_piece;
	unsigned int token_irqs;
	/* Take an exception at RSI_MEASUREMENT_READ. */
	int exception;
	unsigned int expect_status;
	const char *expect_line;
};

static const struct scenario *sc;
static unsigned char ram[MAX_RAM];
static unsigned char ripas[MAX_RAM / GRANULE];
static unsigned char mapped[MAX_RAM / GRANULE];
static unsigned char shared[REALM_SHARED_PAGES * GRANULE];
static unsigned char challenge[64];
static unsigned char fake_token[4 * GRANULE];
static unsigned char rim[64], rem[64];
static unsigned long token_left, token_done;
static unsigned int irqs_left, stalls_left;
static unsigned long cur_rec, on[REALM_MAX_RECS + 1], ctx[REALM_MAX_RECS + 1];
static unsigned long demand_maps, shared_maps, extends;
static jmp_buf off_jmp, secondary_jmp;
static int reported, errors;
static unsigned long report_regs[4];
static struct realm_report report_hdr;
static unsigned char report_token[3 * GRANULE];
static char line_buf[REALM_MAX_RECS][256];
static unsigned int line_len[REALM_MAX_RECS];
static char *lines[MAX_LINES];
static unsigned int nr_lines;

/* The secondaries' entry point: only its address matters here. */
const char realm_secondary_entry[4];

static void error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "realm-host-test: %s: ", sc->name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	errors++;
}

static unsigned long unprotected(void)
{
	return 1UL << (sc->ipa_width - 1);
}

/* A granule of RAM the host maps on first touch: fresh, so zeroed. */
static void *ram_ptr(unsigned long ipa)
{
	unsigned long g = ipa / GRANULE;

	if (ripas[g] != REALM_RSI_RAM)
		error("access to %#lx, whose RIPAS is EMPTY", ipa);
	if (!mapped[g]) {
		memset(ram + g * GRANULE, 0, GRANULE);
		mapped[g] = 1;
		demand_maps++;
	} else if (sc->forget_touch && ipa == REALM_TOUCH_BASE + 5 * GRANULE &&
		   ram[ipa] != 0xee) {
		/* A host that swapped in another granule behind the Realm. */
		memset(ram + g * GRANULE, 0xee, GRANULE);
	}
	return ram + ipa;
}

void *realm_ptr(unsigned long ipa)
{
	unsigned long shared_ipa = unprotected() + REALM_SHARED_OFFSET;

	if (ipa < sc->ram)
		return ram_ptr(ipa);
	if (ipa >= shared_ipa && ipa < shared_ipa + sizeof(shared)) {
		shared_maps++;
		return shared + ipa - shared_ipa;
	}
	if (ipa < (1UL << sc->ipa_width))
		error("access to %#lx, outside RAM and the shared region", ipa);
	/* A host address: one of the program's own buffers. */
	return (void *)ipa;
}

unsigned long realm_ipa(const void *p)
{
	const unsigned char *c = p;

	if (c >= ram && c < ram + sizeof(ram))
		return c - ram;
	return (unsigned long)p;
}

unsigned long realm_end(void)
{
	return FAKE_REALM_END;
}

/* The host's console: a line per REC, printed as the host would. */
void realm_mmio_write8(unsigned long ipa, unsigned char c)
{
	char l[300];

	if (ipa != unprotected() + REALM_CONSOLE_OFFSET) {
		error("byte store to %#lx, not the console", ipa);
		return;
	}
	if (c != '\n') {
		if (line_len[cur_rec] < sizeof(line_buf[0]) - 1)
			line_buf[cur_rec][line_len[cur_rec]++] = c;
		return;
	}
	line_buf[cur_rec][line_len[cur_rec]] = '\0';
	if (line_len[cur_rec] > REALM_CONSOLE_LINE_MAX)
		error("a line of %u characters", line_len[cur_rec]);
	snprintf(l, sizeof(l), "realm[%lu]: %s", cur_rec, line_buf[cur_rec]);
	if (nr_lines < MAX_LINES)
		lines[nr_lines++] = strdup(l);
	if (getenv("REALM_TEST_VERBOSE"))
		printf("  realm[%lu]: %s\n", cur_rec, line_buf[cur_rec]);
	line_len[cur_rec] = 0;
}

unsigned long realm_read_mpidr(void)
{
	/* Bit 31 is RES1; the RMM gives REC i Aff0 = i % 16, Aff1 = i / 16. */
	return 0x80000000UL | realm_mpidr(cur_rec);
}

void realm_barrier(void)
{
}

/* The program waits for ever: this run is over. */
void realm_wait(void)
{
	longjmp(cur_rec ? secondary_jmp : off_jmp, 2);
}

unsigned long realm_probe_read(unsigned long ipa, unsigned long *esr)
{
	if (ipa >= sc->ram || ipa % 8) {
		error("probe of %#lx", ipa);
		*esr = 0;
		return 0;
	}
	*esr = 0;
	if (ripas[ipa / GRANULE] == REALM_RSI_EMPTY) {
		/* A broken RMM that lets the read through. */
		if (sc->no_sea)
			return *(unsigned long *)(ram + ipa);
		/* A translation fault (DFSC 0x7) rather than an SEA. */
		*esr = sc->wrong_abort ? ESR_SEA - 0x10 + 0x7 : ESR_SEA;
		return 0;
	}
	return *(unsigned long *)ram_ptr(ipa);
}

static void rsi_ipa_state_set(struct realm_smc_regs *r)
{
	unsigned long base = r->x[1], top = r->x[2], value = r->x[3], g;
	unsigned int n = 0;

	if (base % GRANULE || top % GRANULE || top <= base || top > sc->ram ||
	    value > REALM_RSI_RAM || r->x[4] != REALM_RSI_NO_CHANGE_DESTROYED) {
		error("IPA_STATE_SET(%#lx, %#lx, %lu, %#lx)", base, top, value,
		      r->x[4]);
		r->x[0] = REALM_RSI_ERROR_INPUT;
		return;
	}
	r->x[0] = REALM_RSI_SUCCESS;
	r->x[2] = REALM_RSI_ACCEPT;
	if (value == REALM_RSI_RAM && sc->ripas_reject) {
		r->x[1] = base;
		r->x[2] = REALM_RSI_REJECT;
		return;
	}
	if (stalls_left) {
		stalls_left--;
		r->x[1] = base;
		return;
	}
	/* The host: RMI_RTT_SET_RIPAS, then on EMPTY give the granules back. */
	for (g = base; g < top && (!sc->ripas_step || n < sc->ripas_step);
	     g += GRANULE, n++) {
		ripas[g / GRANULE] = value;
		if (value == REALM_RSI_EMPTY && !sc->keep_data)
			mapped[g / GRANULE] = 0;
	}
	r->x[1] = g;
}

static void rsi_ipa_state_get(struct realm_smc_regs *r)
{
	unsigned long base = r->x[1], top = r->x[2], g = base;

	if (base % GRANULE || top % GRANULE || top <= base || top > sc->ram) {
		r->x[0] = REALM_RSI_ERROR_INPUT;
		return;
	}
	while (g < top && ripas[g / GRANULE] == ripas[base / GRANULE])
		g += GRANULE;
	r->x[0] = REALM_RSI_SUCCESS;
	r->x[1] = g;
	r->x[2] = ripas[base / GRANULE];
}

static void *rsi_buffer(unsigned long ipa, unsigned long align)
{
	if (ipa % align)
		error("an RSI buffer at %#lx, not aligned to %#lx", ipa, align);
	if (ipa < sc->ram)
		return ram_ptr(ipa);
	return (void *)ipa;
}

/* Toy measurements: what matters is what the program does with them. */
static void rsi_measurement(struct realm_smc_regs *r)
{
	static const char value[] = REALM_REM_EXTEND_VALUE;
	unsigned char *m;
	unsigned int i;

	if (sc->exception && r->x[0] == REALM_RSI_MEASUREMENT_READ) {
		realm_exception(0x96000000, 0x1234, 0x5678, 4);
		error("realm_exception() returned");
	}
	if (r->x[1] > 1) {
		error("measurement index %lu", r->x[1]);
		r->x[0] = REALM_RSI_ERROR_INPUT;
		return;
	}
	m = r->x[1] ? rem : rim;
	if (r->x[0] == REALM_RSI_MEASUREMENT_EXTEND) {
		if (r->x[1] != 1 || r->x[2] != REALM_REM_EXTEND_SIZE ||
		    memcmp(&r->x[3], value, REALM_REM_EXTEND_SIZE) ||
		    r->x[7] || r->x[8] || r->x[9] || r->x[10])
			error("MEASUREMENT_EXTEND(%lu, %lu, ...) with another value",
			      r->x[1], r->x[2]);
		for (i = 0; i < 64; i++)
			rem[i] = rem[i] * 3 + value[i % 32];
		extends++;
	} else {
		memcpy(&r->x[1], m, 64);
	}
	r->x[0] = REALM_RSI_SUCCESS;
}

static void rsi_token_init(struct realm_smc_regs *r)
{
	if (memcmp(&r->x[1], challenge, 64))
		error("ATTESTATION_TOKEN_INIT with another challenge");
	token_left = sc->token_size;
	token_done = 0;
	irqs_left = sc->token_irqs;
	r->x[0] = REALM_RSI_SUCCESS;
	r->x[1] = sc->token_max;
}

static void rsi_token_continue(struct realm_smc_regs *r)
{
	unsigned long off = r->x[2], size = r->x[3], n;
	unsigned char *g = rsi_buffer(r->x[1], GRANULE);

	if (off >= GRANULE || off + size > GRANULE) {
		error("ATTESTATION_TOKEN_CONTINUE(%#lx, %lu)", off, size);
		r->x[0] = REALM_RSI_ERROR_INPUT;
		return;
	}
	/* An interrupt during signing: nothing written, call again. */
	if (irqs_left) {
		irqs_left--;
		r->x[0] = REALM_RSI_INCOMPLETE;
		r->x[1] = 0;
		return;
	}
	n = token_left < size ? token_left : size;
	if (sc->token_piece && n > sc->token_piece)
		n = sc->token_piece;
	memcpy(g + off, fake_token + token_done, n);
	token_done += n;
	token_left -= n;
	r->x[0] = token_left ? REALM_RSI_INCOMPLETE : REALM_RSI_SUCCESS;
	r->x[1] = n;
}

static void rsi_host_call(struct realm_smc_regs *r)
{
	struct realm_rsi_host_call *hc = rsi_buffer(r->x[1], 0x100);
	unsigned long ipa, size;

	r->x[0] = REALM_RSI_SUCCESS;
	if (hc->imm == REALM_HC_CHALLENGE) {
		memcpy(hc->gprs, challenge, 64);
		return;
	}
	if (hc->imm != REALM_HC_REPORT) {
		error("host call %#x", hc->imm);
		return;
	}
	memcpy(report_regs, hc->gprs, sizeof(report_regs));
	reported++;
	ipa = hc->gprs[0];
	size = hc->gprs[1];
	if (!ipa)
		return;
	if (ipa != unprotected() + REALM_SHARED_OFFSET || size > sizeof(shared) ||
	    size < sizeof(report_hdr)) {
		error("report of %lu bytes at %#lx", size, ipa);
		return;
	}
	memcpy(&report_hdr, shared, sizeof(report_hdr));
	memcpy(report_token, shared + REALM_REPORT_TOKEN_OFFSET,
	       size - sizeof(report_hdr));
}

static unsigned long rec_index(unsigned long mpidr)
{
	return (mpidr & 0xf) | ((mpidr >> 8 & 0xff) << 4);
}

static void psci(struct realm_smc_regs *r)
{
	unsigned long target = rec_index(r->x[1]);

	switch (r->x[0]) {
	case REALM_PSCI_CPU_ON:
		if (cur_rec || !target || target >= sc->nr_recs ||
		    r->x[2] != realm_ipa(realm_secondary_entry) || r->x[3] != target) {
			error("CPU_ON(%#lx, %#lx, %lu) from REC %lu", r->x[1],
			      r->x[2], r->x[3], cur_rec);
			r->x[0] = PSCI_DENIED;
			return;
		}
		r->x[0] = sc->cpu_on_deny ? PSCI_DENIED : REALM_PSCI_SUCCESS;
		on[target] = !sc->cpu_on_deny;
		ctx[target] = r->x[3];
		return;
	case REALM_PSCI_AFFINITY_INFO:
		if (cur_rec || target >= sc->nr_recs || r->x[2])
			error("AFFINITY_INFO(%#lx, %lu)", r->x[1], r->x[2]);
		/* The host runs the REC it turned on, until it turns off. */
		if (on[target] && !sc->stays_on) {
			cur_rec = target;
			if (!setjmp(secondary_jmp)) {
				realm_secondary_main(ctx[target]);
				error("realm_secondary_main() returned");
			}
			cur_rec = 0;
		}
		r->x[0] = on[target] ? REALM_PSCI_AFFINITY_ON : REALM_PSCI_AFFINITY_OFF;
		return;
	case REALM_PSCI_CPU_OFF:
		if (!cur_rec) {
			error("CPU_OFF from REC 0");
			longjmp(off_jmp, 3);
		}
		on[cur_rec] = 0;
		longjmp(secondary_jmp, 1);
	case REALM_PSCI_SYSTEM_OFF:
		if (cur_rec)
			error("SYSTEM_OFF from REC %lu", cur_rec);
		longjmp(off_jmp, 1);
	}
}

void realm_smc(struct realm_smc_regs *r)
{
	unsigned int i;

	/* Registers the call does not use are zero, as SMCCC wants. */
	for (i = 11; i < 18; i++)
		if (r->x[i])
			error("SMC %#lx with X%u = %#lx", r->x[0], i, r->x[i]);
	switch (r->x[0]) {
	case REALM_RSI_VERSION:
		if (r->x[1] != REALM_RSI_ABI_1_0)
			error("RSI_VERSION(%#lx)", r->x[1]);
		r->x[0] = sc->version_status;
		r->x[1] = 0x10000;
		r->x[2] = 0x10001;
		return;
	case REALM_RSI_REALM_CONFIG: {
		struct realm_rsi_config *c = rsi_buffer(r->x[1], GRANULE);

		c->ipa_width = sc->ipa_width;
		c->hash_algo = sc->hash_algo;
		r->x[0] = REALM_RSI_SUCCESS;
		return;
	}
	case REALM_RSI_IPA_STATE_SET:
		rsi_ipa_state_set(r);
		return;
	case REALM_RSI_IPA_STATE_GET:
		rsi_ipa_state_get(r);
		return;
	case REALM_RSI_MEASUREMENT_READ:
	case REALM_RSI_MEASUREMENT_EXTEND:
		rsi_measurement(r);
		return;
	case REALM_RSI_ATTEST_TOKEN_INIT:
		rsi_token_init(r);
		return;
	case REALM_RSI_ATTEST_TOKEN_CONTINUE:
		rsi_token_continue(r);
		return;
	case REALM_RSI_HOST_CALL:
		rsi_host_call(r);
		return;
	case REALM_PSCI_CPU_ON:
	case REALM_PSCI_AFFINITY_INFO:
	case REALM_PSCI_CPU_OFF:
	case REALM_PSCI_SYSTEM_OFF:
		psci(r);
		return;
	}
	error("unknown SMC %#lx", r->x[0]);
	r->x[0] = REALM_RSI_ERROR_INPUT;
}

static void reset(void)
{
	unsigned int i;

	memset(ram, 0xee, sizeof(ram));
	memset(ripas, REALM_RSI_RAM, sizeof(ripas));
	memset(mapped, 0, sizeof(mapped));
	/* The image: what the host mapped at build. */
	for (i = 0; i < FAKE_REALM_END / GRANULE; i++)
		mapped[i] = 1;
	memset(shared, 0xee, sizeof(shared));
	memset(on, 0, sizeof(on));
	memset(line_len, 0, sizeof(line_len));
	memset(&report_hdr, 0, sizeof(report_hdr));
	memset(report_token, 0, sizeof(report_token));
	memset(report_regs, 0, sizeof(report_regs));
	for (i = 0; i < nr_lines; i++)
		free(lines[i]);
	nr_lines = 0;
	for (i = 0; i < sizeof(challenge); i++)
		challenge[i] = 0xc0 + i;
	for (i = 0; i < sizeof(fake_token); i++)
		fake_token[i] = i * 7 + 1;
	for (i = 0; i < 64; i++) {
		rim[i] = i < 32 ? 0x10 + i : 0;
		rem[i] = 0;
	}
	cur_rec = 0;
	demand_maps = 0;
	shared_maps = 0;
	extends = 0;
	reported = 0;
	errors = 0;
	stalls_left = sc->ripas_stalls;
}

static int has_line(const char *text)
{
	unsigned int i;

	for (i = 0; i < nr_lines; i++)
		if (strstr(lines[i], text))
			return 1;
	return 0;
}

/* What a successful run left in the report. */
static void check_success(void)
{
	if (report_regs[2] || report_hdr.status)
		error("status %lu (%u), detail %#lx", report_regs[2],
		      report_hdr.status, report_regs[3]);
	if (report_hdr.magic != REALM_REPORT_MAGIC ||
	    report_hdr.version != REALM_REPORT_VERSION)
		error("report magic %#x version %u", report_hdr.magic,
		      report_hdr.version);
	if (report_hdr.token_len != sc->token_size ||
	    report_regs[1] != REALM_REPORT_TOKEN_OFFSET + sc->token_size ||
	    memcmp(report_token, fake_token, sc->token_size))
		error("token of %llu bytes, %lu reported, not the RMM's %lu",
		      report_hdr.token_len, report_regs[1], sc->token_size);
	if (memcmp(report_hdr.challenge, challenge, 64))
		error("the report's challenge is not the host's");
	if (memcmp(report_hdr.rim, rim, 64) || memcmp(report_hdr.rem, rem, 64) ||
	    extends != 1)
		error("RIM or REM not as read (%lu extends)", extends);
	if (report_hdr.nr_recs != sc->nr_recs ||
	    report_hdr.recs_up != sc->nr_recs - 1 ||
	    report_hdr.ram != sc->ram || report_hdr.ipa_width != sc->ipa_width ||
	    report_hdr.hash_algo != sc->hash_algo ||
	    report_hdr.rsi_lower != 0x10000 || report_hdr.rsi_higher != 0x10001)
		error("report header: %llu RECs, %llu up, RAM %#llx, IPA %llu, hash %u",
		      report_hdr.nr_recs, report_hdr.recs_up, report_hdr.ram,
		      report_hdr.ipa_width, report_hdr.hash_algo);
	if (report_hdr.touched != REALM_TOUCH_SIZE / GRANULE)
		error("%llu granules touched", report_hdr.touched);
	/* Every granule of the touched range and of the stacks' on demand. */
	if (demand_maps < REALM_TOUCH_SIZE / GRANULE + REALM_RIPAS_SIZE / GRANULE)
		error("only %lu granules mapped on demand", demand_maps);
	if (!has_line("all steps passed") || !has_line("checked: zero") ||
	    !has_line("SEA, ESR_EL1 0x96000010"))
		error("missing console lines");
}

static const struct scenario scenarios[] = {
	{ .name = "one REC", .nr_recs = 1, .ram = 0x400000 },
	{ .name = "four RECs, SHA-512, a slow host and RMM", .nr_recs = 4,
	  .ram = 0x800000, .hash_algo = REALM_RSI_HASH_SHA_512,
	  .ripas_step = 1, .ripas_stalls = 3, .token_piece = 100,
	  .token_irqs = 5, .token_size = 2500 },
	{ .name = "twenty RECs (Aff1)", .nr_recs = 20, .ram = 0x400000 },
	{ .name = "a token over two granules", .nr_recs = 2, .ram = 0x400000,
	  .token_size = 5000, .token_max = 3 * GRANULE, .token_piece = 3000 },
	{ .name = "a token of exactly one granule", .nr_recs = 1, .ram = 0x400000,
	  .token_size = GRANULE },
	{ .name = "IPA width 48", .nr_recs = 1, .ram = 0x400000, .ipa_width = 48 },
	{ .name = "RSI 1.0 refused", .nr_recs = 1, .ram = 0x400000,
	  .version_status = REALM_RSI_ERROR_INPUT,
	  .expect_status = REALM_STEP_VERSION, .expect_line = "RSI 1.0 not implemented" },
	{ .name = "unknown hash algorithm", .nr_recs = 1, .ram = 0x400000,
	  .hash_algo = 7, .expect_status = REALM_STEP_CONFIG },
	{ .name = "no RECs", .nr_recs = 0, .ram = 0x400000,
	  .expect_status = REALM_STEP_ARGS },
	{ .name = "too little RAM", .nr_recs = 1, .ram = 0x200000,
	  .expect_status = REALM_STEP_ARGS },
	{ .name = "stacks over the RIPAS range", .nr_recs = 128, .ram = 0x400000,
	  .expect_status = REALM_STEP_ARGS },
	{ .name = "CPU_ON denied", .nr_recs = 2, .ram = 0x400000, .cpu_on_deny = 1,
	  .expect_status = REALM_STEP_SMP, .expect_line = "CPU_ON of REC 1" },
	{ .name = "a secondary never turns off", .nr_recs = 2, .ram = 0x400000,
	  .stays_on = 1, .expect_status = REALM_STEP_SMP,
	  .expect_line = "AFFINITY_INFO 0x0 after 10000 calls" },
	{ .name = "RIPAS RAM rejected", .nr_recs = 1, .ram = 0x400000,
	  .ripas_reject = 1, .expect_status = REALM_STEP_RIPAS,
	  .expect_line = "the host rejected RAM" },
	{ .name = "the host keeps the data over EMPTY", .nr_recs = 1,
	  .ram = 0x400000, .keep_data = 1, .expect_status = REALM_STEP_RIPAS,
	  .expect_line = "the host kept the data" },
	{ .name = "no SEA on EMPTY", .nr_recs = 1, .ram = 0x400000, .no_sea = 1,
	  .expect_status = REALM_STEP_RIPAS, .expect_line = "did not abort" },
	{ .name = "an abort on EMPTY that is not an SEA", .nr_recs = 1,
	  .ram = 0x400000, .wrong_abort = 1, .expect_status = REALM_STEP_RIPAS,
	  .expect_line = "not an SEA" },
	{ .name = "a touched granule that loses what was written", .nr_recs = 1,
	  .ram = 0x400000, .forget_touch = 1, .expect_status = REALM_STEP_TOUCH,
	  .expect_line = "did not keep what was written" },
	{ .name = "a host that never changes RIPAS", .nr_recs = 1, .ram = 0x400000,
	  .ripas_stalls = 5000, .expect_status = REALM_STEP_RIPAS,
	  .expect_line = "no progress" },
	{ .name = "a token bound over the buffer", .nr_recs = 1, .ram = 0x400000,
	  .token_max = 5 * GRANULE, .expect_status = REALM_STEP_TOKEN },
	{ .name = "a token longer than the buffer", .nr_recs = 1, .ram = 0x400000,
	  .token_size = 3 * GRANULE + 1, .token_max = 3 * GRANULE,
	  .expect_status = REALM_STEP_TOKEN, .expect_line = "exceeds" },
	{ .name = "an exception", .nr_recs = 1, .ram = 0x400000, .exception = 1,
	  .expect_status = REALM_STEP_EXCEPTION, .expect_line = "vector 4" },
};

static int run(const struct scenario *s)
{
	struct scenario copy = *s;
	int how;

	if (!copy.ipa_width)
		copy.ipa_width = 33;
	if (!copy.token_size && !copy.expect_status)
		copy.token_size = 1234;
	if (!copy.token_max)
		copy.token_max = GRANULE;
	sc = &copy;
	reset();
	how = setjmp(off_jmp);
	if (!how) {
		realm_main(copy.nr_recs, copy.ram);
		error("realm_main() returned");
	} else if (how != 1) {
		error("the program stopped without SYSTEM_OFF");
	}
	if (reported != 1)
		error("%d reports", reported);
	if (!copy.expect_status) {
		check_success();
	} else {
		if (report_regs[2] != copy.expect_status)
			error("status %lu, expected %u", report_regs[2],
			      copy.expect_status);
		/* Once the IPA width is known the header carries it too. */
		if (report_regs[0] && report_hdr.status != copy.expect_status)
			error("header status %u", report_hdr.status);
		if (copy.expect_line && !has_line(copy.expect_line))
			error("no console line with \"%s\"", copy.expect_line);
		if (copy.expect_status > REALM_STEP_CONFIG && !has_line("FAILED"))
			error("no FAILED line");
	}
	printf("%s %s\n", errors ? "not ok" : "ok", s->name);
	return errors;
}

int main(void)
{
	unsigned int i, failed = 0;

	for (i = 0; i < ARRAY_SIZE(scenarios); i++)
		failed += !!run(&scenarios[i]);
	printf("realm-host-test: %zu scenarios, %u failed\n",
	       ARRAY_SIZE(scenarios), failed);
	return !!failed;
}
