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

void rmi_user_no_smc(unsigned long fid, ...)
{
	fprintf(stderr, "user: SMC 0x%lx issued without the test double\n", fid);
	exit(2);
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
