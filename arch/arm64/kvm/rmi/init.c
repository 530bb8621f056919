// SPDX-License-Identifier: GPL-2.0-only
/*
 * RMI library: finding the RMM and setting it up.
 *
 * rmi_init() runs once at boot, before KVM initialises (KVM's init calls
 * it): it checks that the RMM can be reached, negotiates the interface
 * revision (DEN0137 B2), reads the feature registers, configures the RMM
 * for this kernel's granule size and activates it.  Everything it learns
 * is read-only afterwards.
 */
#include <linux/bitfield.h>
#include <linux/cleanup.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/printk.h>
#include <linux/slab.h>

#include <kunit/visibility.h>

#include "rmi_lib.h"

static unsigned long rmi_version_higher __ro_after_init;
static struct rmi_features rmi_feat __ro_after_init;
/* What RMI_RMM_ACTIVATE asked to be donated: the RMM's for good. */
static struct rmi_ledger rmi_rmm_ledger = {
	.xa = XARRAY_INIT(rmi_rmm_ledger.xa, 0),
};

static long rmi_rmm_held;

#define RMI_OUR_VERSION \
	RMI_ABI_VERSION(RMI_ABI_MAJOR_VERSION, RMI_ABI_MINOR_VERSION)

static int rmi_check_version(void)
{
	unsigned long ret, lower = 0, higher = 0;

	ret = rmi_version(RMI_OUR_VERSION, &lower, &higher);
	if ((long)ret == SMCCC_RET_NOT_SUPPORTED) {
		pr_info("RMI: no RMM\n");
		return -ENXIO;
	}
	if (RMI_RETURN_STATUS(ret) == RMI_SUCCESS && lower == RMI_OUR_VERSION) {
		rmi_version_higher = higher;
		return 0;
	}
	pr_err("RMI: RMM implements %lu.%lu to %lu.%lu, this kernel %u.%u (status %lu)\n",
	       RMI_ABI_VERSION_GET_MAJOR(lower), RMI_ABI_VERSION_GET_MINOR(lower),
	       RMI_ABI_VERSION_GET_MAJOR(higher),
	       RMI_ABI_VERSION_GET_MINOR(higher), RMI_ABI_MAJOR_VERSION,
	       RMI_ABI_MINOR_VERSION, RMI_RETURN_STATUS(ret));
	return -EPROTONOSUPPORT;
}

static void rmi_decode_features(struct rmi_features *f)
{
	u64 r0 = f->reg[0], r1 = f->reg[1], r2 = f->reg[2], r3 = f->reg[3];

	f->s2sz = FIELD_GET(RMI_FEATURE_REGISTER_0_S2SZ_MASK, r0);
	f->lpa2 = FIELD_GET(RMI_FEATURE_REGISTER_0_LPA2_MASK, r0);
	f->sve = FIELD_GET(RMI_FEATURE_REGISTER_0_SVE_MASK, r0);
	f->sve_vl = FIELD_GET(RMI_FEATURE_REGISTER_0_SVE_VL_MASK, r0);
	f->num_bps = FIELD_GET(RMI_FEATURE_REGISTER_0_NUM_BPS_MASK, r0);
	f->num_wps = FIELD_GET(RMI_FEATURE_REGISTER_0_NUM_WPS_MASK, r0);
	f->pmu = FIELD_GET(RMI_FEATURE_REGISTER_0_PMU_MASK, r0);
	f->pmu_num_ctrs = FIELD_GET(RMI_FEATURE_REGISTER_0_PMU_NUM_CTRS_MASK, r0);
	f->gran_4k = FIELD_GET(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_4KB_MASK, r1);
	f->gran_16k = FIELD_GET(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_16KB_MASK, r1);
	f->gran_64k = FIELD_GET(RMI_FEATURE_REGISTER_1_RMI_GRAN_SZ_64KB_MASK, r1);
	f->sha256 = FIELD_GET(RMI_FEATURE_REGISTER_1_HASH_SHA_256_MASK, r1);
	f->sha384 = FIELD_GET(RMI_FEATURE_REGISTER_1_HASH_SHA_384_MASK, r1);
	f->sha512 = FIELD_GET(RMI_FEATURE_REGISTER_1_HASH_SHA_512_MASK, r1);
	f->max_recs = 1U << FIELD_GET(RMI_FEATURE_REGISTER_1_MAX_RECS_ORDER_MASK, r1);
	f->l0gptsz = FIELD_GET(RMI_FEATURE_REGISTER_1_L0GPTSZ_MASK, r1);
	f->pps = FIELD_GET(RMI_FEATURE_REGISTER_1_PPS_MASK, r1);
	f->da = FIELD_GET(RMI_FEATURE_REGISTER_2_DA_MASK, r2);
	f->da_coh = FIELD_GET(RMI_FEATURE_REGISTER_2_DA_COH_MASK, r2);
	f->vsmmu = FIELD_GET(RMI_FEATURE_REGISTER_2_VSMMU_MASK, r2);
	f->ats = FIELD_GET(RMI_FEATURE_REGISTER_2_ATS_MASK, r2);
	f->max_vdevs_order = FIELD_GET(RMI_FEATURE_REGISTER_2_MAX_VDEVS_ORDER_MASK, r2);
	f->max_aux_planes = FIELD_GET(RMI_FEATURE_REGISTER_3_MAX_NUM_AUX_PLANES_MASK, r3);
	f->rtt_plane = FIELD_GET(RMI_FEATURE_REGISTER_3_RTT_PLANE_MASK, r3);
	f->s2ap_indirect = FIELD_GET(RMI_FEATURE_REGISTER_3_RTT_S2AP_INDIRECT_MASK, r3);
	f->mec_count = f->reg[4];
}

/*
 * Bits the revision this kernel implements reserves in each feature
 * register.  Every 2.0 beta reports "2.0" in RMI_VERSION; an RMM of
 * another beta shows itself by setting bits this one reserves.
 */
static const u64 rmi_features_res0[] = {
	RMI_FEATURE_REGISTER_0_RES0,
	RMI_FEATURE_REGISTER_1_RES0,
	RMI_FEATURE_REGISTER_2_RES0,
	RMI_FEATURE_REGISTER_3_RES0,
	0,	/* register 4 is MEC_COUNT, all 64 bits */
};

static int rmi_read_features(struct rmi_features *f)
{
	unsigned long ret;
	unsigned int i;

	static_assert(ARRAY_SIZE(rmi_features_res0) == ARRAY_SIZE(f->reg));
	for (i = 0; i < ARRAY_SIZE(f->reg); i++) {
		ret = rmi_features(i, (unsigned long *)&f->reg[i]);
		if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS) {
			pr_err("RMI: RMI_FEATURES(%u) failed: status %lu\n", i,
			       RMI_RETURN_STATUS(ret));
			return -EIO;
		}
		if (f->reg[i] & rmi_features_res0[i]) {
			pr_err("RMI: RMI_FEATURES(%u) is %#llx: bits %#llx are reserved in %s, the RMM implements another revision\n",
			       i, f->reg[i], f->reg[i] & rmi_features_res0[i],
			       RMI_SPEC_REVISION);
			return -EPROTONOSUPPORT;
		}
	}
	rmi_decode_features(f);
	return 0;
}

/* The RmiGranuleSize code for PAGE_SIZE, and whether the RMM supports it. */
static int rmi_granule_size(const struct rmi_features *f, u64 *code)
{
	bool ok;

	switch (PAGE_SIZE) {
	case SZ_4K:
		*code = RMI_GRANULE_SIZE_4KB;
		ok = f->gran_4k;
		break;
	case SZ_16K:
		*code = RMI_GRANULE_SIZE_16KB;
		ok = f->gran_16k;
		break;
	case SZ_64K:
		*code = RMI_GRANULE_SIZE_64KB;
		ok = f->gran_64k;
		break;
	default:
		BUILD_BUG();
	}
	if (!ok) {
		pr_err("RMI: the RMM does not support %lu KB granules\n",
		       PAGE_SIZE / SZ_1K);
		return -EOPNOTSUPP;
	}
	return 0;
}

static int rmi_configure(const struct rmi_features *f)
{
	struct rmm_config *cfg __free(kfree) = kzalloc(PAGE_SIZE, GFP_KERNEL);
	unsigned long ret;
	u64 code;
	int err;

	BUILD_BUG_ON(sizeof(*cfg) > PAGE_SIZE);
	err = rmi_granule_size(f, &code);
	if (err)
		return err;
	if (!cfg)
		return -ENOMEM;

	ret = rmi_rmm_config_get(virt_to_phys(cfg));
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS) {
		pr_err("RMI: RMI_RMM_CONFIG_GET failed: status %lu\n",
		       RMI_RETURN_STATUS(ret));
		return -EIO;
	}
	cfg->rmi_granule_size = code;
	cfg->tracking_region_size = 0;
	ret = rmi_rmm_config_set(virt_to_phys(cfg));
	if (RMI_RETURN_STATUS(ret) != RMI_SUCCESS) {
		pr_err("RMI: RMI_RMM_CONFIG_SET failed: status %lu\n",
		       RMI_RETURN_STATUS(ret));
		return -EIO;
	}
	return 0;
}

static int rmi_activate(void)
{
	struct rmi_op_ctx ctx = {
		.ledger = &rmi_rmm_ledger,
		.held = &rmi_rmm_held,
		.cap = RMI_DONATE_MAX_OP,
	};
	unsigned int tries = 0;
	struct rmi_op op;
	unsigned long ret;
	long err;

	/* Records of an earlier activation (KUnit re-runs it) are stale. */
	rmi_ledger_destroy(&rmi_rmm_ledger);
	rmi_ledger_init(&rmi_rmm_ledger, &rmi_page_mem_ops);
	do {
		ret = rmi_rmm_activate(&op);
	} while (rmi_retry(ret, &tries));
	/* Memory donated to the RMM for its own use stays with it. */
	err = rmi_op_run_ctx(ret, &op, &ctx, NULL);
	if (err) {
		pr_err("RMI: RMI_RMM_ACTIVATE failed: %ld\n", err);
		return err < 0 ? err : -EIO;
	}
	return 0;
}

/**
 * rmi_init() - find the RMM, negotiate with it, configure and activate it
 *
 * Called once, at boot before KVM initialises (or from the init of the
 * module that holds the library), while read-only-after-init data can
 * still be written.  On success RMI commands can be issued and
 * rmi_get_features() describes the RMM.  A failed call changes nothing
 * and may be repeated; once one succeeded, the RMM is activated for good
 * and later calls fail.
 *
 * Context: process; may sleep.
 * Return: 0; -EBUSY if an earlier call succeeded; -ENXIO if there is no
 * RMM (no FEAT_RME, or RMI_VERSION not implemented); -EOPNOTSUPP if the
 * platform cannot reach it (SMCCC earlier than 1.2, conduit not SMC) or
 * it does not support PAGE_SIZE granules; -EPROTONOSUPPORT if it does not
 * implement this revision of RMI 2.0 (or sets feature bits it reserves);
 * -ENOMEM; -EIO if it refused a set-up command.  Each failure is printed.
 */
int rmi_init(void)
{
	struct rmi_features f = { };
	int err;

	might_sleep();
	if (rmi_smccc_ready()) {
		pr_err("RMI: set up again refused: the RMM is activated already\n");
		return -EBUSY;
	}
	err = rmi_smccc_probe();
	if (err)
		return err;
	err = rmi_check_version();
	if (err)
		return err;
	err = rmi_read_features(&f);
	if (err)
		return err;
	err = rmi_configure(&f);
	if (err)
		return err;
	err = rmi_activate();
	if (err)
		return err;

	rmi_feat = f;
	rmi_smccc_set_ready();
	pr_info("RMI: RMM interface %u.%u (up to %lu.%lu), IPA %u bits, %u RECs\n",
		RMI_ABI_MAJOR_VERSION, RMI_ABI_MINOR_VERSION,
		RMI_ABI_VERSION_GET_MAJOR(rmi_version_higher),
		RMI_ABI_VERSION_GET_MINOR(rmi_version_higher), f.s2sz,
		f.max_recs);
	return 0;
}
EXPORT_SYMBOL_GPL(rmi_init);

#if IS_ENABLED(CONFIG_KUNIT)
/**
 * rmi_test_reset() - forget rmi_init() for the next suite
 *
 * The KUnit suites run rmi_init() on a model of the RMM again and again,
 * all before read-only-after-init data is sealed (they are built in).
 * What the RMM holds from an earlier activation stays held.
 */
void rmi_test_reset(void)
{
	rmi_smccc_reset();
}
EXPORT_SYMBOL_IF_KUNIT(rmi_test_reset);
#endif

/**
 * rmi_is_available() - whether rmi_init() succeeded
 *
 * Context: any.
 * Return: true if RMI commands can be issued.
 */
bool rmi_is_available(void)
{
	return rmi_smccc_ready();
}
EXPORT_SYMBOL_GPL(rmi_is_available);

/**
 * rmi_rmm_version() - highest interface revision the RMM implements
 *
 * Context: any.
 * Return: the RmiInterfaceVersion RMI_VERSION returned as "higher", or 0
 * before rmi_init() succeeded.
 */
unsigned long rmi_rmm_version(void)
{
	return rmi_smccc_ready() ? rmi_version_higher : 0;
}
EXPORT_SYMBOL_GPL(rmi_rmm_version);

/**
 * rmi_get_features() - the RMM's features, read once by rmi_init()
 *
 * Context: any.
 * Return: the decoded feature registers, or NULL before rmi_init()
 * succeeded.
 */
const struct rmi_features *rmi_get_features(void)
{
	return rmi_smccc_ready() ? &rmi_feat : NULL;
}
EXPORT_SYMBOL_GPL(rmi_get_features);
