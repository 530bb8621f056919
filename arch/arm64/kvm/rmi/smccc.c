// SPDX-License-Identifier: GPL-2.0-only
/*
 * Transport of the RMI library: how a command reaches the RMM.
 *
 * The RMM is reached by SMC only (DEN0137 B1.1), with SMCCC 1.2 or later
 * (up to 17 arguments and results).  rmi_smccc_probe() checks that once,
 * before the first command; every command then goes through
 * rmi_smccc_call().  Both are the library's one seam: KUnit redirects them
 * to a model of the RMM, nothing else in the library knows about tests.
 *
 * The transport also says whether the RMM is ready for the library's
 * commands (rmi_init() succeeded), so that the files issuing commands
 * depend on it alone, and counts what only the RMM can cause.
 */
#include <linux/arm-smccc.h>
#include <linux/atomic.h>
#include <linux/cpufeature.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/printk.h>
#include <linux/ratelimit.h>
#include <linux/stdarg.h>
#include <linux/string.h>
#include <kunit/static_stub.h>
#include <kunit/visibility.h>

#include <asm/sysreg.h>

#include "rmi_lib.h"

/**
 * rmi_smccc_probe() - check that RMI commands can be issued at all
 *
 * Context: process.
 * Return: 0 if the CPU implements FEAT_RME, the SMCCC version is 1.2 or
 * later and the conduit is SMC; -ENXIO without FEAT_RME; -EOPNOTSUPP
 * otherwise, with the reason printed.
 */
int rmi_smccc_probe(void)
{
	u32 version;
	u64 pfr0;

	KUNIT_STATIC_STUB_REDIRECT(rmi_smccc_probe);

	/*
	 * The kernel's sanitised copy of ID_AA64PFR0_EL1 does not track the
	 * RME field (it reads as 0 there), so read this CPU's own: FEAT_RME
	 * is a property of the whole system, not of one CPU.
	 */
	pfr0 = read_sysreg_s(SYS_ID_AA64PFR0_EL1);
	if (!cpuid_feature_extract_unsigned_field(pfr0, ID_AA64PFR0_EL1_RME_SHIFT)) {
		pr_info("RMI: no FEAT_RME\n");
		return -ENXIO;
	}
	version = arm_smccc_get_version();
	if (version < ARM_SMCCC_VERSION_1_2) {
		pr_err("RMI: SMCCC version %#x, RMI needs 1.2 or later\n",
		       version);
		return -EOPNOTSUPP;
	}
	if (arm_smccc_1_1_get_conduit() != SMCCC_CONDUIT_SMC) {
		pr_err("RMI: SMCCC conduit is not SMC\n");
		return -EOPNOTSUPP;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(rmi_smccc_probe);

/*
 * Set once rmi_init() has found, configured and activated the RMM.  Read
 * without a lock: it changes only during rmi_init(), before any user of
 * the library can run.
 */
static bool rmi_ready;

/**
 * rmi_smccc_ready() - whether the RMM takes the library's commands
 *
 * Context: any.
 * Return: true once rmi_init() succeeded.
 */
bool rmi_smccc_ready(void)
{
	return READ_ONCE(rmi_ready);
}

/* rmi_init() succeeded. */
void rmi_smccc_set_ready(void)
{
	WRITE_ONCE(rmi_ready, true);
}

/*
 * Cleared for good when the RMM answers with a status no RMM may return:
 * the host can no longer tell what that command did, so it issues no
 * more commands and frees nothing it ever gave the RMM (rmi_free_granules()
 * leaks instead).  Read without a lock: it only ever goes from true to
 * false, and a command racing with that is answered by the RMM.
 */
static bool rmi_trusted = true;

/* For the KUnit suites, which run rmi_init() again on a model. */
void rmi_smccc_reset(void)
{
	WRITE_ONCE(rmi_ready, false);
	WRITE_ONCE(rmi_trusted, true);
}

static atomic_long_t rmi_rmm_faults = ATOMIC_LONG_INIT(0);

/**
 * rmi_report_rmm() - report what only a faulty RMM can cause
 * @fmt: printf format of what it did
 *
 * An output that breaks the specification or the library's records (a
 * list naming granules the library did not give, a count out of range,
 * reserved bits set, progress outside the request).  The library refuses
 * to act on it and leaks what is in doubt; this counts it and says so,
 * ratelimited, with no WARN: a host that panics on warnings must not die
 * of its firmware's bug.
 *
 * Context: any.
 */
void rmi_report_rmm(const char *fmt, ...)
{
	static DEFINE_RATELIMIT_STATE(rs, DEFAULT_RATELIMIT_INTERVAL,
				      DEFAULT_RATELIMIT_BURST);
	struct va_format vaf;
	va_list args;

	atomic_long_inc(&rmi_rmm_faults);
	if (!__ratelimit(&rs))
		return;
	va_start(args, fmt);
	vaf.fmt = fmt;
	vaf.va = &args;
	pr_err("RMI: RMM protocol error: %pV\n", &vaf);
	va_end(args);
}

/**
 * rmi_rmm_errors() - outputs of the RMM the library refused to act on
 *
 * Context: any.
 * Return: how many rmi_report_rmm() counted since boot.
 */
unsigned long rmi_rmm_errors(void)
{
	return atomic_long_read(&rmi_rmm_faults);
}
EXPORT_SYMBOL_GPL(rmi_rmm_errors);

/*
 * The commands the library issued, by FNUM, for reports such as rmi.ko's.
 * Counted before the seam, so that a test sees what the library asked for.
 */
static atomic_long_t rmi_calls[RMI_FNUM_LAST - RMI_FNUM_FIRST + 1];

/**
 * rmi_call_count() - how many times the library issued a command
 * @fid: the command's function ID, SMC_RMI_*
 *
 * Context: any.
 * Return: the number of times since the library was loaded; 0 for a
 * function ID outside the RMI's FNUMs.
 */
unsigned long rmi_call_count(unsigned long fid)
{
	unsigned long fnum = ARM_SMCCC_FUNC_NUM(fid);

	if (fnum < RMI_FNUM_FIRST || fnum > RMI_FNUM_LAST)
		return 0;
	return atomic_long_read(&rmi_calls[fnum - RMI_FNUM_FIRST]);
}
EXPORT_SYMBOL_GPL(rmi_call_count);

/**
 * rmi_rmm_trusted() - whether the RMM's answers are still believed
 *
 * Context: any.
 * Return: false once the RMM answered a command with a status the
 * specification does not define; the library then issues no command and
 * frees no granule it gave the RMM: they are leaked and counted.
 */
bool rmi_rmm_trusted(void)
{
	return READ_ONCE(rmi_trusted);
}
EXPORT_SYMBOL_GPL(rmi_rmm_trusted);

/* The statuses of RmiStatusCode, DEN0137 2.0. */
static bool rmi_status_defined(unsigned long status)
{
	switch (status) {
	case RMI_SUCCESS:
	case RMI_ERROR_INPUT:
	case RMI_ERROR_REALM:
	case RMI_ERROR_REC:
	case RMI_ERROR_RTT:
	case RMI_ERROR_NOT_SUPPORTED:
	case RMI_ERROR_DEVICE:
	case RMI_ERROR_RTT_AUX:
	case RMI_ERROR_PSMMU_ST:
	case RMI_ERROR_DPT:
	case RMI_BUSY:
	case RMI_ERROR_GLOBAL:
	case RMI_ERROR_TRACKING:
	case RMI_INCOMPLETE:
	case RMI_BLOCKED:
	case RMI_ERROR_GPT:
	case RMI_ERROR_GRANULE:
		return true;
	}
	return false;
}

/**
 * rmi_smccc_issue() - the SMC of one RMI command: the seam KUnit redirects
 * @args: X0 to X17
 * @res: X0 to X17 as the RMM returned them; may be @args
 *
 * Context: any; never sleeps.
 */
void rmi_smccc_issue(const struct arm_smccc_1_2_regs *args,
		     struct arm_smccc_1_2_regs *res)
{
	KUNIT_STATIC_STUB_REDIRECT(rmi_smccc_issue, args, res);

	arm_smccc_1_2_smc(args, res);
}
EXPORT_SYMBOL_IF_KUNIT(rmi_smccc_issue);

/**
 * rmi_smccc_call() - issue one RMI command
 * @args: X0 (function ID) to X17; registers the command does not take are 0
 * @res: X0 to X17 as the RMM returned them; may be @args
 *
 * Once the RMM is not trusted (rmi_rmm_trusted()) the command is not
 * issued: X0 is SMCCC_RET_NOT_SUPPORTED, as if the RMM were gone.  An
 * answer whose status RmiStatusCode does not name (beside
 * SMCCC_RET_NOT_SUPPORTED, a function the firmware does not implement) is
 * reported and makes the RMM untrusted; the caller sees it as a failure.
 *
 * Context: any; never sleeps (REC entry calls it with interrupts masked).
 */
void rmi_smccc_call(const struct arm_smccc_1_2_regs *args,
		    struct arm_smccc_1_2_regs *res)
{
	unsigned long fid = args->a0, fnum = ARM_SMCCC_FUNC_NUM(fid);

	if (fnum >= RMI_FNUM_FIRST && fnum <= RMI_FNUM_LAST)
		atomic_long_inc(&rmi_calls[fnum - RMI_FNUM_FIRST]);
	if (!rmi_rmm_trusted()) {
		memset(res, 0, sizeof(*res));
		res->a0 = SMCCC_RET_NOT_SUPPORTED;
		return;
	}
	rmi_smccc_issue(args, res);
	if (res->a0 != SMCCC_RET_NOT_SUPPORTED &&
	    !rmi_status_defined(RMI_RETURN_STATUS(res->a0))) {
		WRITE_ONCE(rmi_trusted, false);
		rmi_report_rmm("command %#lx: X0 %#lx, no RMM status: RMM not trusted",
			       fid, res->a0);
	}
}
EXPORT_SYMBOL_IF_KUNIT(rmi_smccc_call);

/**
 * rmi_smccc_call_n() - issue a command with the arguments of
 *   arm_smccc_1_1_smc()
 * @nr_args: arguments after @fid: the input registers, then the
 *	     struct arm_smccc_res pointer for X0..X3
 * @fid: function ID
 *
 * What rmi_cmds_call() expands to in the library: the inputs go to
 * X1 up, the others are zero, as the RMM requires (DEN0137 B1.2).
 *
 * Context: any; never sleeps.
 */
void rmi_smccc_call_n(unsigned int nr_args, unsigned long fid, ...)
{
	unsigned long x[18] = { fid };
	struct arm_smccc_1_2_regs regs;
	struct arm_smccc_res *res;
	unsigned int i;
	va_list ap;

	static_assert(sizeof(regs) == sizeof(x));
	va_start(ap, fid);
	for (i = 1; i < nr_args && i < ARRAY_SIZE(x); i++)
		x[i] = va_arg(ap, unsigned long);
	res = va_arg(ap, struct arm_smccc_res *);
	va_end(ap);

	memcpy(&regs, x, sizeof(regs));
	rmi_smccc_call(&regs, &regs);
	res->a0 = regs.a0;
	res->a1 = regs.a1;
	res->a2 = regs.a2;
	res->a3 = regs.a3;
}
