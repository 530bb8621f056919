/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Userspace stand-ins for the few kernel headers the RMI headers and their
 * tests include, so that tests/user/run.sh can build and run the tests on
 * the build machine in a second (scripts/mutate.sh runs them once per
 * mutation).  Only what the tests use, with the kernel's semantics; the
 * kernel build (make check, make kunit) stays the reference.
 */
#ifndef __RMI_USER_H
#define __RMI_USER_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <linux/args.h>

#define u8	uint8_t
#define u16	uint16_t
#define u32	uint32_t
#define u64	uint64_t
#define s64	int64_t

/* <asm/bitsperlong.h> */
#define BITS_PER_LONG	(__SIZEOF_LONG__ * 8)

/* <linux/build_bug.h> */
#define static_assert(expr...)						\
	extern int rmi_user_static_assert[(expr) ? 1 : -1]
/* Calls to it that the compiler cannot remove fail the build. */
void rmi_user_build_bug(int failed) __attribute__((__error__("BUILD_BUG_ON failed")));
#define BUILD_BUG_ON(cond...)						\
	do {								\
		if (cond)						\
			rmi_user_build_bug(1);				\
	} while (0)

/* <linux/bits.h>, <linux/bitfield.h> */
#define BIT(n)			(1UL << (n))
#define BIT_ULL(n)		(1ULL << (n))
#define GENMASK(h, l)		((~0UL << (l)) & (~0UL >> (63 - (h))))
#define GENMASK_ULL(h, l)	((~0ULL << (l)) & (~0ULL >> (63 - (h))))
#define FIELD_GET(mask, reg)						\
	({								\
		__typeof__(mask) __m = (mask);				\
		(__typeof__(mask))(((reg) & __m) >> (__builtin_ffsll(__m) - 1)); \
	})
#define FIELD_PREP(mask, val)						\
	({								\
		__typeof__(mask) __m = (mask);				\
		((__typeof__(mask))(val) << (__builtin_ffsll(__m) - 1)) & __m; \
	})
#define FIELD_MAX(mask)							\
	((__typeof__(mask))((mask) >> (__builtin_ffsll(mask) - 1)))

/* <linux/sizes.h>, <linux/stddef.h>, <asm/page-def.h> */
#define SZ_1K			0x00000400
#define SZ_2K			0x00000800
#define SZ_4K			0x00001000
#define sizeof_field(TYPE, MEMBER...)	sizeof(((TYPE *)0)->MEMBER)
/* run.sh builds rmi_desc for each granule size: 12, 14 and 16. */
#ifndef RMI_USER_PAGE_SHIFT
#define RMI_USER_PAGE_SHIFT	12
#endif
#define PAGE_SHIFT		RMI_USER_PAGE_SHIFT
#define PAGE_SIZE		BIT(PAGE_SHIFT)
#define PAGE_MASK		(~(PAGE_SIZE - 1))

/*
 * <linux/kernel.h>, <linux/minmax.h>, <linux/string.h>; run.sh takes
 * <linux/args.h> from the kernel tree.
 */
#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))
#define min_t(type, x, y)						\
	({								\
		type __x = (x);						\
		type __y = (y);						\
		__x < __y ? __x : __y;					\
	})
#define WARN_ON_ONCE(cond)	(cond)
char *strchrnul(const char *s, int c);

static inline char *skip_spaces(const char *str)
{
	while (*str == ' ' || *str == '\t' || *str == '\n')
		++str;
	return (char *)str;
}

/* <linux/module.h> */
#define MODULE_DESCRIPTION(desc...)	extern int rmi_user_module
#define MODULE_LICENSE(license...)	extern int rmi_user_module

/* <linux/arm-smccc.h>: the values of SMCCC 1.1, section 2.5 */
#define ARM_SMCCC_FAST_CALL		1UL
#define ARM_SMCCC_SMC_64		1UL
#define ARM_SMCCC_OWNER_STANDARD	4
#define ARM_SMCCC_CALL_VAL(call_type, calling_convention, owner, func_num) \
	(((call_type) << 31) | ((calling_convention) << 30) |		\
	 (((owner) & 0x3fUL) << 24) | ((func_num) & 0xffffUL))
#define SMCCC_RET_NOT_SUPPORTED		-1

struct arm_smccc_res {
	unsigned long a0, a1, a2, a3;
};

struct arm_smccc_1_2_regs {
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7, a8;
	unsigned long a9, a10, a11, a12, a13, a14, a15, a16, a17;
};

/*
 * The SMCCC layer, with no SMC or HVC: every call goes to rmi_user_smccc(),
 * which hands it to the handler the rmi_conduit suite installs, and stops
 * the run if none is (a wrapper built without the test double must not be
 * called otherwise).  arm_smccc_1_1_get_conduit() answers rmi_user_conduit,
 * and arm_smccc_1_1_invoke() switches on it as the kernel's does: HVC, SMC,
 * or no call and SMCCC_RET_NOT_SUPPORTED in X0 of the result, if any.
 */
enum arm_smccc_conduit {
	SMCCC_CONDUIT_NONE,
	SMCCC_CONDUIT_SMC,
	SMCCC_CONDUIT_HVC,
};

extern enum arm_smccc_conduit rmi_user_conduit;

static inline enum arm_smccc_conduit arm_smccc_1_1_get_conduit(void)
{
	return rmi_user_conduit;
}

/**
 * struct rmi_user_call - one SMCCC call, as the stand-ins received it
 * @conduit: SMCCC_CONDUIT_SMC or SMCCC_CONDUIT_HVC
 * @smccc_1_2: made through arm_smccc_1_2_smc() or arm_smccc_1_2_hvc()
 * @nr_regs: registers passed, X0 included (18 for SMCCC 1.2)
 * @regs: X0 to X17; those not passed are 0
 */
struct rmi_user_call {
	enum arm_smccc_conduit conduit;
	bool smccc_1_2;
	unsigned int nr_regs;
	unsigned long regs[18];
};

/* Answers @call in @res (X0 to X17); installed by the rmi_conduit suite. */
extern void (*rmi_user_smccc_handler)(const struct rmi_user_call *call,
				      unsigned long *res);

void rmi_user_smccc_1_1(enum arm_smccc_conduit conduit, unsigned int nr_args,
			unsigned long fid, ...);
void rmi_user_smccc_1_2(enum arm_smccc_conduit conduit,
			const struct arm_smccc_1_2_regs *args,
			struct arm_smccc_1_2_regs *res);

/* COUNT_ARGS() of <linux/args.h>: X0, the inputs and the result pointer. */
#define arm_smccc_1_1_smc(...)						\
	rmi_user_smccc_1_1(SMCCC_CONDUIT_SMC, COUNT_ARGS(__VA_ARGS__), __VA_ARGS__)
#define arm_smccc_1_1_hvc(...)						\
	rmi_user_smccc_1_1(SMCCC_CONDUIT_HVC, COUNT_ARGS(__VA_ARGS__), __VA_ARGS__)
#define arm_smccc_1_1_invoke(...)					\
	({								\
		int __conduit = arm_smccc_1_1_get_conduit();		\
		switch (__conduit) {					\
		case SMCCC_CONDUIT_HVC:					\
			arm_smccc_1_1_hvc(__VA_ARGS__);			\
			break;						\
		case SMCCC_CONDUIT_SMC:					\
			arm_smccc_1_1_smc(__VA_ARGS__);			\
			break;						\
		default:						\
			rmi_user_smccc_1_1(SMCCC_CONDUIT_NONE,		\
					   COUNT_ARGS(__VA_ARGS__),	\
					   __VA_ARGS__);		\
			__conduit = SMCCC_CONDUIT_NONE;			\
			break;						\
		}							\
		__conduit;						\
	})
#define arm_smccc_1_2_smc(args, res)					\
	rmi_user_smccc_1_2(SMCCC_CONDUIT_SMC, args, res)
#define arm_smccc_1_2_hvc(args, res)					\
	rmi_user_smccc_1_2(SMCCC_CONDUIT_HVC, args, res)

#endif /* __RMI_USER_H */
