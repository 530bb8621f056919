// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the layout of the Arm CCA RMI structures and for a few
 * function IDs defined in <asm/rmi_smc.h>.
 *
 * The header is generated from a description file per RMM specification
 * revision.  The expectations below are NOT derived from that description:
 * they are typed by hand from the specification tables, so that a mistake in
 * the description or in the generator shows up as a failing case here.
 *
 *   1.0-rel0: Arm DEN0137 1.0-rel0, section B4.4 (RMI types).
 *   2.0-bet1: rmi-abi.md section 3.4 (structures, RMM 2.0 beta 1), since no
 *             public 2.0 specification text is available.
 *   2.0-bet3: the offsets of the 2.0-bet3 header of the series queued for
 *             v7.4 (include/linux/arm-smccc-rmi.h), with the widths of the
 *             specification's types where that header uses u64 containers.
 *
 * Every member is checked for its offset and its size; array members for the
 * offset of element 0, the size of one element and the size of the whole
 * array.  Sizes follow the widths of the specification's types: UInt8 and
 * 8-bit enumerations are 1 byte, Bits16 is 2, UInt32 is 4, the 64-bit types
 * are 8 and Bits512 is 64.
 */

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/stddef.h>
#include <linux/string.h>
#include <linux/types.h>

#include <asm/rmi_smc.h>

#if defined(RMI_SPEC_REVISION_2_0_BET1) + defined(RMI_SPEC_REVISION_1_0_REL0) + \
	defined(RMI_SPEC_REVISION_2_0_BET3) != 1
#error "<asm/rmi_smc.h> must define exactly one RMI_SPEC_REVISION_* macro"
#endif

/**
 * struct rmi_layout - expected and actual placement of one member
 * @type:	structure tag, without "struct"
 * @member:	member name, or NULL for an entry about the whole structure
 * @offset:	offsetof() the member in the header
 * @size:	size of the member (of the structure if @member is NULL)
 * @esize:	size of one element if the member is an array, else 0
 * @exp_offset:	offset given by the specification
 * @exp_size:	size given by the specification
 * @exp_esize:	element size given by the specification, 0 if not an array
 */
struct rmi_layout {
	const char *type;
	const char *member;
	size_t offset;
	size_t size;
	size_t esize;
	size_t exp_offset;
	size_t exp_size;
	size_t exp_esize;
};

/*
 * The member designator is the variable argument of these two helpers so
 * that the macros below name it once.
 */
#define __LAYOUT_FIELD(type, exp_offset, exp_size, ...) {		\
	#type, #__VA_ARGS__,						\
	offsetof(struct type, __VA_ARGS__),				\
	sizeof_field(struct type, __VA_ARGS__), 0,			\
	(exp_offset), (exp_size), 0					\
}

#define __LAYOUT_ARRAY(type, exp_offset, exp_size, exp_esize, ...) {	\
	#type, #__VA_ARGS__,						\
	offsetof(struct type, __VA_ARGS__),				\
	sizeof_field(struct type, __VA_ARGS__),				\
	sizeof_field(struct type, __VA_ARGS__[0]),			\
	(exp_offset), (exp_size), (exp_esize)				\
}

/* A scalar (or opaque blob) member: offset and size in bytes. */
#define LAYOUT(type, member, exp_offset, exp_size)			\
	__LAYOUT_FIELD(type, exp_offset, exp_size, member)

/*
 * An array member: offset of element 0, size of the whole array (written as
 * count * element size) and size of one element.
 */
#define LAYOUT_ARRAY(type, member, exp_offset, exp_size, exp_esize)	\
	__LAYOUT_ARRAY(type, exp_offset, exp_size, exp_esize, member)

/* The size of a whole structure. */
#define LAYOUT_SIZEOF(type, exp_size) {					\
	#type, NULL, 0, sizeof(struct type), 0, 0, (exp_size), 0	\
}

static const struct rmi_layout rmi_layouts[] = {
#ifdef RMI_SPEC_REVISION_1_0_REL0
	/* B4.4.12 RmiRealmParams */
	LAYOUT_SIZEOF(realm_params, 0x1000),
	LAYOUT(realm_params, flags, 0x0, 8),
	LAYOUT(realm_params, s2sz, 0x8, 1),
	LAYOUT(realm_params, sve_vl, 0x10, 1),
	LAYOUT(realm_params, num_bps, 0x18, 1),
	LAYOUT(realm_params, num_wps, 0x20, 1),
	LAYOUT(realm_params, pmu_num_ctrs, 0x28, 1),
	LAYOUT(realm_params, hash_algo, 0x30, 1),
	LAYOUT(realm_params, rpv, 0x400, 64),
	LAYOUT(realm_params, vmid, 0x800, 2),
	LAYOUT(realm_params, rtt_base, 0x808, 8),
	LAYOUT(realm_params, rtt_level_start, 0x810, 8),
	LAYOUT(realm_params, rtt_num_start, 0x818, 4),

	/* B4.4.19 RmiRecParams; the spec's num_aux is num_rec_aux in Linux */
	LAYOUT_SIZEOF(rec_params, 0x1000),
	LAYOUT(rec_params, flags, 0x0, 8),
	LAYOUT(rec_params, mpidr, 0x100, 8),
	LAYOUT(rec_params, pc, 0x200, 8),
	LAYOUT_ARRAY(rec_params, gprs, 0x300, 8 * 8, 8),
	LAYOUT(rec_params, num_rec_aux, 0x800, 8),
	LAYOUT_ARRAY(rec_params, aux, 0x808, 16 * 8, 8),

	/* B4.4.14 RmiRecEnter */
	LAYOUT_SIZEOF(rec_enter, 0x800),
	LAYOUT(rec_enter, flags, 0x0, 8),
	LAYOUT_ARRAY(rec_enter, gprs, 0x200, 31 * 8, 8),
	LAYOUT(rec_enter, gicv3_hcr, 0x300, 8),
	LAYOUT_ARRAY(rec_enter, gicv3_lrs, 0x308, 16 * 8, 8),

	/* B4.4.16 RmiRecExit */
	LAYOUT_SIZEOF(rec_exit, 0x800),
	LAYOUT(rec_exit, exit_reason, 0x0, 1),
	LAYOUT(rec_exit, esr, 0x100, 8),
	LAYOUT(rec_exit, far, 0x108, 8),
	LAYOUT(rec_exit, hpfar, 0x110, 8),
	LAYOUT_ARRAY(rec_exit, gprs, 0x200, 31 * 8, 8),
	LAYOUT(rec_exit, gicv3_hcr, 0x300, 8),
	LAYOUT_ARRAY(rec_exit, gicv3_lrs, 0x308, 16 * 8, 8),
	LAYOUT(rec_exit, gicv3_misr, 0x388, 8),
	LAYOUT(rec_exit, gicv3_vmcr, 0x390, 8),
	LAYOUT(rec_exit, cntp_ctl, 0x400, 8),
	LAYOUT(rec_exit, cntp_cval, 0x408, 8),
	LAYOUT(rec_exit, cntv_ctl, 0x410, 8),
	LAYOUT(rec_exit, cntv_cval, 0x418, 8),
	LAYOUT(rec_exit, ripas_base, 0x500, 8),
	LAYOUT(rec_exit, ripas_top, 0x508, 8),
	LAYOUT(rec_exit, ripas_value, 0x510, 1),
	LAYOUT(rec_exit, imm, 0x600, 2),
	LAYOUT(rec_exit, pmu_ovf_status, 0x700, 1),

	/* B4.4.20 RmiRecRun */
	LAYOUT_SIZEOF(rec_run, 0x1000),
	LAYOUT(rec_run, enter, 0x0, 0x800),
	LAYOUT(rec_run, exit, 0x800, 0x800),
#endif /* RMI_SPEC_REVISION_1_0_REL0 */

#ifdef RMI_SPEC_REVISION_2_0_BET1
	/*
	 * RmiRealmParams.  The spec's flags0 keeps the v14 name "flags".
	 * aux_rtt_base is at 0xf80 as in TF-RMM and the bet3 header, not at
	 * 0x828 as in the bet1/bet2 Linux headers (rmi-abi.md section 5.4).
	 */
	LAYOUT_SIZEOF(realm_params, 0x1000),
	LAYOUT(realm_params, flags, 0x0, 8),
	LAYOUT(realm_params, s2sz, 0x8, 1),
	LAYOUT(realm_params, sve_vl, 0x10, 1),
	LAYOUT(realm_params, num_bps, 0x18, 1),
	LAYOUT(realm_params, num_wps, 0x20, 1),
	LAYOUT(realm_params, pmu_num_ctrs, 0x28, 1),
	LAYOUT(realm_params, hash_algo, 0x30, 1),
	LAYOUT(realm_params, num_aux_planes, 0x38, 8),
	LAYOUT(realm_params, rpv, 0x400, 64),
	LAYOUT(realm_params, ats_plane, 0x440, 8),
	LAYOUT(realm_params, rtt_base, 0x808, 8),
	LAYOUT(realm_params, rtt_level_start, 0x810, 8),
	LAYOUT(realm_params, rtt_num_start, 0x818, 4),
	LAYOUT(realm_params, flags1, 0x820, 8),
	LAYOUT_ARRAY(realm_params, aux_rtt_base, 0xf80, 3 * 8, 8),

	/* RmiRecParams: no num_aux/aux in 2.0 */
	LAYOUT_SIZEOF(rec_params, 0x1000),
	LAYOUT(rec_params, flags, 0x0, 8),
	LAYOUT(rec_params, mpidr, 0x100, 8),
	LAYOUT(rec_params, pc, 0x200, 8),
	LAYOUT_ARRAY(rec_params, gprs, 0x300, 8 * 8, 8),

	/* RmiRecEnter: no GICv3 state in 2.0 */
	LAYOUT_SIZEOF(rec_enter, 0x800),
	LAYOUT(rec_enter, flags, 0x0, 8),
	LAYOUT_ARRAY(rec_enter, gprs, 0x200, 31 * 8, 8),

	/* RmiRecExit */
	LAYOUT_SIZEOF(rec_exit, 0x800),
	LAYOUT(rec_exit, exit_reason, 0x0, 1),
	LAYOUT(rec_exit, esr, 0x100, 8),
	LAYOUT(rec_exit, far, 0x108, 8),
	LAYOUT(rec_exit, hpfar, 0x110, 8),
	LAYOUT(rec_exit, rtt_tree, 0x118, 8),
	LAYOUT_ARRAY(rec_exit, gprs, 0x200, 31 * 8, 8),
	LAYOUT(rec_exit, cntp_ctl, 0x400, 8),
	LAYOUT(rec_exit, cntp_cval, 0x408, 8),
	LAYOUT(rec_exit, cntv_ctl, 0x410, 8),
	LAYOUT(rec_exit, cntv_cval, 0x418, 8),
	LAYOUT(rec_exit, ripas_base, 0x500, 8),
	LAYOUT(rec_exit, ripas_top, 0x508, 8),
	LAYOUT(rec_exit, ripas_value, 0x510, 1),
	LAYOUT(rec_exit, s2ap_base, 0x520, 8),
	LAYOUT(rec_exit, s2ap_top, 0x528, 8),
	LAYOUT(rec_exit, vdev_id_1, 0x530, 8),
	LAYOUT(rec_exit, vdev_id_2, 0x538, 8),
	LAYOUT(rec_exit, dev_mem_base, 0x540, 8),
	LAYOUT(rec_exit, dev_mem_top, 0x548, 8),
	LAYOUT(rec_exit, dev_mem_pa, 0x550, 8),
	LAYOUT(rec_exit, imm, 0x600, 2),
	LAYOUT(rec_exit, plane, 0x608, 8),
	LAYOUT(rec_exit, pmu_ovf_status, 0x700, 1),
	LAYOUT(rec_exit, vsmmu, 0x710, 8),

	/* RmiRecRun */
	LAYOUT_SIZEOF(rec_run, 0x1000),
	LAYOUT(rec_run, enter, 0x0, 0x800),
	LAYOUT(rec_run, exit, 0x800, 0x800),

	/* RmiRmmConfig */
	LAYOUT_SIZEOF(rmm_config, 0x1000),
	LAYOUT(rmm_config, tracking_region_size, 0x0, 8),
	LAYOUT(rmm_config, rmi_granule_size, 0x8, 8),
#endif /* RMI_SPEC_REVISION_2_0_BET1 */

#ifdef RMI_SPEC_REVISION_2_0_BET3
	/*
	 * RmiRealmParams: flags0 keeps the spec's name; max_num_vdevs is new
	 * at 0x828, aux_rtt_base stays at 0xf80.
	 */
	LAYOUT_SIZEOF(realm_params, 0x1000),
	LAYOUT(realm_params, flags0, 0x0, 8),
	LAYOUT(realm_params, s2sz, 0x8, 1),
	LAYOUT(realm_params, sve_vl, 0x10, 1),
	LAYOUT(realm_params, num_bps, 0x18, 1),
	LAYOUT(realm_params, num_wps, 0x20, 1),
	LAYOUT(realm_params, pmu_num_ctrs, 0x28, 1),
	LAYOUT(realm_params, hash_algo, 0x30, 1),
	LAYOUT(realm_params, num_aux_planes, 0x38, 8),
	LAYOUT(realm_params, rpv, 0x400, 64),
	LAYOUT(realm_params, ats_plane, 0x440, 8),
	LAYOUT(realm_params, rtt_base, 0x808, 8),
	LAYOUT(realm_params, rtt_level_start, 0x810, 8),
	LAYOUT(realm_params, rtt_num_start, 0x818, 4),
	LAYOUT(realm_params, flags1, 0x820, 8),
	LAYOUT(realm_params, max_num_vdevs, 0x828, 8),
	LAYOUT_ARRAY(realm_params, aux_rtt_base, 0xf80, 3 * 8, 8),

	/* RmiRecParams */
	LAYOUT_SIZEOF(rec_params, 0x1000),
	LAYOUT(rec_params, flags, 0x0, 8),
	LAYOUT(rec_params, mpidr, 0x100, 8),
	LAYOUT(rec_params, pc, 0x200, 8),
	LAYOUT_ARRAY(rec_params, gprs, 0x300, 8 * 8, 8),

	/* RmiRecEnter */
	LAYOUT_SIZEOF(rec_enter, 0x800),
	LAYOUT(rec_enter, flags, 0x0, 8),
	LAYOUT_ARRAY(rec_enter, gprs, 0x200, 31 * 8, 8),

	/* RmiRecExit: unchanged from 2.0-bet1 */
	LAYOUT_SIZEOF(rec_exit, 0x800),
	LAYOUT(rec_exit, exit_reason, 0x0, 1),
	LAYOUT(rec_exit, esr, 0x100, 8),
	LAYOUT(rec_exit, far, 0x108, 8),
	LAYOUT(rec_exit, hpfar, 0x110, 8),
	LAYOUT(rec_exit, rtt_tree, 0x118, 8),
	LAYOUT_ARRAY(rec_exit, gprs, 0x200, 31 * 8, 8),
	LAYOUT(rec_exit, cntp_ctl, 0x400, 8),
	LAYOUT(rec_exit, cntp_cval, 0x408, 8),
	LAYOUT(rec_exit, cntv_ctl, 0x410, 8),
	LAYOUT(rec_exit, cntv_cval, 0x418, 8),
	LAYOUT(rec_exit, ripas_base, 0x500, 8),
	LAYOUT(rec_exit, ripas_top, 0x508, 8),
	LAYOUT(rec_exit, ripas_value, 0x510, 1),
	LAYOUT(rec_exit, s2ap_base, 0x520, 8),
	LAYOUT(rec_exit, s2ap_top, 0x528, 8),
	LAYOUT(rec_exit, vdev_id_1, 0x530, 8),
	LAYOUT(rec_exit, vdev_id_2, 0x538, 8),
	LAYOUT(rec_exit, dev_mem_base, 0x540, 8),
	LAYOUT(rec_exit, dev_mem_top, 0x548, 8),
	LAYOUT(rec_exit, dev_mem_pa, 0x550, 8),
	LAYOUT(rec_exit, imm, 0x600, 2),
	LAYOUT(rec_exit, plane, 0x608, 8),
	LAYOUT(rec_exit, pmu_ovf_status, 0x700, 1),
	LAYOUT(rec_exit, vsmmu, 0x710, 8),

	/* RmiRecRun */
	LAYOUT_SIZEOF(rec_run, 0x1000),
	LAYOUT(rec_run, enter, 0x0, 0x800),
	LAYOUT(rec_run, exit, 0x800, 0x800),

	/* RmiRmmConfig */
	LAYOUT_SIZEOF(rmm_config, 0x1000),
	LAYOUT(rmm_config, tracking_region_size, 0x0, 8),
	LAYOUT(rmm_config, rmi_granule_size, 0x8, 8),
#endif /* RMI_SPEC_REVISION_2_0_BET3 */
};

static void rmi_layout_desc(const struct rmi_layout *l, char *desc)
{
	if (!l->member)
		snprintf(desc, KUNIT_PARAM_DESC_SIZE, "sizeof(struct %s) 0x%zx",
			 l->type, l->exp_size);
	else if (l->exp_esize)
		snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s.%s[%zu] @0x%zx size %zu",
			 l->type, l->member, l->exp_size / l->exp_esize,
			 l->exp_offset, l->exp_size);
	else
		snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s.%s @0x%zx size %zu",
			 l->type, l->member, l->exp_offset, l->exp_size);
}

KUNIT_ARRAY_PARAM(rmi_layout, rmi_layouts, rmi_layout_desc);

static void rmi_layout_test(struct kunit *test)
{
	const struct rmi_layout *l = test->param_value;

	if (!l->member) {
		KUNIT_EXPECT_EQ_MSG(test, l->size, l->exp_size,
				    "sizeof(struct %s): is 0x%zx, spec 0x%zx",
				    l->type, l->size, l->exp_size);
		return;
	}

	KUNIT_EXPECT_EQ_MSG(test, l->offset, l->exp_offset,
			    "offset of %s.%s: is 0x%zx, spec 0x%zx",
			    l->type, l->member, l->offset, l->exp_offset);
	KUNIT_EXPECT_EQ_MSG(test, l->size, l->exp_size,
			    "size of %s.%s: is 0x%zx, spec 0x%zx",
			    l->type, l->member, l->size, l->exp_size);
	if (l->exp_esize)
		KUNIT_EXPECT_EQ_MSG(test, l->esize, l->exp_esize,
				    "element size of %s.%s[]: is %zu, spec %zu",
				    l->type, l->member, l->esize, l->exp_esize);
}

/**
 * struct rmi_const - a constant of the header and its specification value
 * @name:	name of the macro
 * @value:	value of the macro in the header
 * @expected:	value typed from the specification
 */
struct rmi_const {
	const char *name;
	u64 value;
	u64 expected;
};

#define RMI_CONST(name, expected) { #name, (name), (expected) }

static const struct rmi_const rmi_consts[] = {
	/* SMC64 fast calls, standard secure service: 0xc4000000 | FNUM */
	RMI_CONST(SMC_RMI_VERSION, 0xc4000150),
	RMI_CONST(SMC_RMI_REALM_CREATE, 0xc4000158),
	RMI_CONST(SMC_RMI_RTT_READ_ENTRY, 0xc4000161),
#ifdef RMI_SPEC_REVISION_1_0_REL0
	RMI_CONST(SMC_RMI_GRANULE_DELEGATE, 0xc4000151),
#endif
#ifdef RMI_SPEC_REVISION_2_0_BET1
	RMI_CONST(SMC_RMI_GRANULE_RANGE_DELEGATE, 0xc40001f1),
	RMI_CONST(SMC_RMI_RMM_ACTIVATE, 0xc4000202),
#endif
#ifdef RMI_SPEC_REVISION_2_0_BET3
	RMI_CONST(SMC_RMI_GRANULE_RANGE_DELEGATE, 0xc40001f1),
	RMI_CONST(SMC_RMI_RMM_ACTIVATE, 0xc4000202),
	RMI_CONST(SMC_RMI_RMM_DEACTIVATE, 0xc400020f),
	RMI_CONST(SMC_RMI_GPT_INFO, 0xc4000211),
	RMI_CONST(RMI_DONATE_STATE_MASK, 0x60000),
	RMI_CONST(RMI_ADDR_RANGE_STATE_MASK, 0xc000000000000000),
	RMI_CONST(RMI_FEATURE_REGISTER_0_S2OASZ_MASK, 0x1fe00000000),
	RMI_CONST(RMI_FEATURE_REGISTER_2_REALM_MAX_VDEVS_ORDER_MASK, 0x7c00),
#endif
};

static void rmi_const_desc(const struct rmi_const *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s 0x%llx",
		 c->name, (unsigned long long)c->expected);
}

KUNIT_ARRAY_PARAM(rmi_const, rmi_consts, rmi_const_desc);

static void rmi_const_test(struct kunit *test)
{
	const struct rmi_const *c = test->param_value;

	KUNIT_EXPECT_EQ_MSG(test, c->value, c->expected,
			    "%s: is 0x%llx, spec 0x%llx", c->name,
			    (unsigned long long)c->value,
			    (unsigned long long)c->expected);
}

#if defined(RMI_SPEC_REVISION_1_0_REL0)
#define RMI_LAYOUT_REVISION	"1.0-rel0"
#elif defined(RMI_SPEC_REVISION_2_0_BET3)
#define RMI_LAYOUT_REVISION	"2.0-bet3"
#else
#define RMI_LAYOUT_REVISION	"2.0-bet1"
#endif

/* The revision string agrees with the revision macro the tables rely on. */
static void rmi_revision_test(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, RMI_SPEC_REVISION, RMI_LAYOUT_REVISION);
}

static struct kunit_case rmi_layout_cases[] = {
	KUNIT_CASE(rmi_revision_test),
	KUNIT_CASE_PARAM(rmi_layout_test, rmi_layout_gen_params),
	KUNIT_CASE_PARAM(rmi_const_test, rmi_const_gen_params),
	{}
};

static struct kunit_suite rmi_layout_suite = {
	.name = "rmi_layout",
	.test_cases = rmi_layout_cases,
};

kunit_test_suite(rmi_layout_suite);

MODULE_DESCRIPTION("KUnit tests of the Arm CCA RMI structure layouts (" RMI_SPEC_REVISION ")");
MODULE_LICENSE("GPL");
