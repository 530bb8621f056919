/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * A userspace stand-in for <kunit/test.h>: the parts the RMI suites use,
 * run by tests/user/main.c.
 */
#ifndef __RMI_USER_KUNIT_H
#define __RMI_USER_KUNIT_H

#include <rmi_user.h>

#define KUNIT_PARAM_DESC_SIZE	128

/**
 * struct kunit - one run of a test case
 * @param_value: the parameter of a parametrised case
 * @failed: expectations that failed
 * @name: case name, and parameter description
 * @abort: where a failed assertion returns to
 */
struct kunit {
	const void *param_value;
	unsigned int failed;
	char name[2 * KUNIT_PARAM_DESC_SIZE];
	jmp_buf abort;
};

/**
 * struct kunit_case - a test case
 * @run_case: the test
 * @name: its name
 * @generate_params: the parameters of a parametrised case
 */
struct kunit_case {
	void (*run_case)(struct kunit *test);
	const char *name;
	const void *(*generate_params)(const void *prev, char *desc);
};

/**
 * struct kunit_suite - a suite of test cases
 * @name: its name
 * @init: run before each case
 * @exit: run after each case
 * @test_cases: the cases, up to an empty one
 */
struct kunit_suite {
	const char *name;
	int (*init)(struct kunit *test);
	void (*exit)(struct kunit *test);
	struct kunit_case *test_cases;
};

void rmi_user_register(struct kunit_suite *suite);
void rmi_user_fail(struct kunit *test, bool abort, const char *file, int line,
		   const char *what, unsigned long long left,
		   unsigned long long right, const char *fmt, ...);

#define kunit_test_suite(suite)						\
	static void __attribute__((constructor)) suite##_register(void)	\
	{								\
		rmi_user_register(&(suite));				\
	}

#define KUNIT_CASE(test_name)	{ .run_case = test_name, .name = #test_name }
#define KUNIT_CASE_PARAM(test_name, gen)				\
	{ .run_case = test_name, .name = #test_name, .generate_params = gen }

#define KUNIT_ARRAY_PARAM(name, array, get_desc)			\
	static const void *name##_gen_params(const void *prev, char *desc) \
	{								\
		__typeof__((array) + 0) __first = (array);		\
		const long __n = sizeof(array) / sizeof(__first[0]);	\
		__typeof__(__first) __next = prev ?			\
			((__typeof__(__first))prev) + 1 : __first;	\
		if (__next - __first < __n) {				\
			get_desc(__next, desc);				\
			return __next;					\
		}							\
		return NULL;						\
	}

#define __RMI_USER_CMP(test, abort, left, op, right, fmt, ...)		\
	do {								\
		unsigned long long __l = (unsigned long long)(left);	\
		unsigned long long __r = (unsigned long long)(right);	\
		if (!(__l op __r))					\
			rmi_user_fail(test, abort, __FILE__, __LINE__,	\
				      #left " " #op " " #right, __l, __r,	\
				      fmt, ##__VA_ARGS__);		\
	} while (0)

#define KUNIT_EXPECT_EQ(test, left, right)				\
	__RMI_USER_CMP(test, false, left, ==, right, " ")
#define KUNIT_EXPECT_EQ_MSG(test, left, right, fmt, ...)		\
	__RMI_USER_CMP(test, false, left, ==, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NE(test, left, right)				\
	__RMI_USER_CMP(test, false, left, !=, right, " ")
#define KUNIT_EXPECT_NE_MSG(test, left, right, fmt, ...)		\
	__RMI_USER_CMP(test, false, left, !=, right, fmt, ##__VA_ARGS__)
#define KUNIT_EXPECT_NOT_NULL(test, ptr)				\
	__RMI_USER_CMP(test, false, (ptr) != NULL, ==, 1, " ")
#define KUNIT_ASSERT_EQ(test, left, right)				\
	__RMI_USER_CMP(test, true, left, ==, right, " ")
#define KUNIT_ASSERT_NOT_NULL(test, ptr)				\
	__RMI_USER_CMP(test, true, (ptr) != NULL, ==, 1, " ")
#define KUNIT_EXPECT_STREQ(test, left, right)				\
	do {								\
		const char *__a = (left), *__b = (right);		\
		__RMI_USER_CMP(test, false, strcmp(__a, __b), ==, 0,	\
			       "%s, %s", __a, __b);			\
	} while (0)

#endif /* __RMI_USER_KUNIT_H */
