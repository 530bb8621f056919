// SPDX-License-Identifier: GPL-2.0-only
/*
 * Runs the KUnit suites of tests/kunit on the build machine, against the
 * stand-ins of tests/user/include: see tests/user/run.sh.  Prints every
 * failed expectation and "user: N passed, N failed" (cases and parameters);
 * exits 1 if any failed.
 */
#include <stdlib.h>

#include <kunit/test.h>

#define RMI_USER_MAX_SUITES	8

static struct kunit_suite *rmi_user_suites[RMI_USER_MAX_SUITES];
static unsigned int rmi_user_nr_suites;

void rmi_user_register(struct kunit_suite *suite)
{
	if (rmi_user_nr_suites == RMI_USER_MAX_SUITES) {
		fprintf(stderr, "user: too many suites\n");
		exit(2);
	}
	rmi_user_suites[rmi_user_nr_suites++] = suite;
}

void rmi_user_fail(struct kunit *test, bool abort, const char *file, int line,
		   const char *what, unsigned long long left,
		   unsigned long long right, const char *fmt, ...)
{
	va_list ap;

	test->failed++;
	printf("user: %s: %s:%d: %s: 0x%llx, 0x%llx: ", test->name, file, line,
	       what, left, right);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (abort)
		longjmp(test->abort, 1);
}

enum arm_smccc_conduit rmi_user_conduit = SMCCC_CONDUIT_SMC;
void (*rmi_user_smccc_handler)(const struct rmi_user_call *call,
			       unsigned long *res);

static void rmi_user_smccc(const struct rmi_user_call *call, unsigned long *res)
{
	memset(res, 0, 18 * sizeof(*res));
	if (!rmi_user_smccc_handler) {
		fprintf(stderr, "user: %s 0x%lx issued without the test double\n",
			call->conduit == SMCCC_CONDUIT_HVC ? "HVC" : "SMC",
			call->regs[0]);
		exit(2);
	}
	rmi_user_smccc_handler(call, res);
}

void rmi_user_smccc_1_1(enum arm_smccc_conduit conduit, unsigned int nr_args,
			unsigned long fid, ...)
{
	struct rmi_user_call call = { .conduit = conduit, .nr_regs = nr_args - 1 };
	struct arm_smccc_res *out;
	unsigned long res[18];
	unsigned int i;
	va_list ap;

	/* nr_args: X0, the inputs and the result pointer. */
	call.regs[0] = fid;
	va_start(ap, fid);
	for (i = 1; i < nr_args - 1; i++)
		call.regs[i] = va_arg(ap, unsigned long);
	out = va_arg(ap, struct arm_smccc_res *);
	va_end(ap);
	if (conduit == SMCCC_CONDUIT_NONE) {
		if (out)
			out->a0 = SMCCC_RET_NOT_SUPPORTED;
		return;
	}
	rmi_user_smccc(&call, res);
	if (out) {
		out->a0 = res[0];
		out->a1 = res[1];
		out->a2 = res[2];
		out->a3 = res[3];
	}
}

void rmi_user_smccc_1_2(enum arm_smccc_conduit conduit,
			const struct arm_smccc_1_2_regs *args,
			struct arm_smccc_1_2_regs *res)
{
	struct rmi_user_call call = {
		.conduit = conduit, .smccc_1_2 = true, .nr_regs = 18,
	};
	unsigned long out[18];

	memcpy(call.regs, args, sizeof(call.regs));
	rmi_user_smccc(&call, out);
	memcpy(res, out, sizeof(out));
}

static unsigned int rmi_user_pass, rmi_user_fail_count;

static void rmi_user_run(struct kunit_suite *s, struct kunit_case *c,
			 const void *param, const char *desc)
{
	struct kunit test = { .param_value = param };

	snprintf(test.name, sizeof(test.name), "%s.%s%s%s", s->name, c->name,
		 desc ? ":" : "", desc ? desc : "");
	if (s->init && s->init(&test)) {
		test.failed++;
	} else {
		if (!setjmp(test.abort))
			c->run_case(&test);
		if (s->exit)
			s->exit(&test);
	}
	if (test.failed)
		rmi_user_fail_count++;
	else
		rmi_user_pass++;
}

int main(void)
{
	unsigned int i;

	for (i = 0; i < rmi_user_nr_suites; i++) {
		struct kunit_suite *s = rmi_user_suites[i];
		struct kunit_case *c;

		for (c = s->test_cases; c->run_case; c++) {
			char desc[KUNIT_PARAM_DESC_SIZE];
			const void *p = NULL;

			if (!c->generate_params) {
				rmi_user_run(s, c, NULL, NULL);
				continue;
			}
			while ((p = c->generate_params(p, desc)))
				rmi_user_run(s, c, p, desc);
		}
	}
	printf("user: %u passed, %u failed\n", rmi_user_pass, rmi_user_fail_count);
	return rmi_user_fail_count ? 1 : 0;
}
