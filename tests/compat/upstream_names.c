// SPDX-License-Identifier: GPL-2.0-only
/*
 * Every name that the arm_rmm driver queued for v7.4 and KVM's newest CCA
 * code define themselves, with its signature, in one translation unit with
 * the headers generated from arch/arm64/tools/rmi-2.0-bet3: none of ours
 * may be one of them.  The signatures were read from:
 *
 *  - the driver ("firmware: arm_rmm: Add RMM v2.0 base RMI support"),
 *    kernel-patches/bpf: include/linux/arm-rmi-cmds.h at c20b65a03eff and
 *    drivers/firmware/arm_rmm/rmi.c at fa193c502990;
 *  - KVM, gwshan/linux: arch/arm64/kvm/rmi.c and
 *    arch/arm64/include/asm/kvm_rmi.h at 0242b60a8f65,
 *    arch/arm64/kvm/rmi-exit.c at 0acbab231292.
 *
 * What their headers declare is declared in upstream_names.h; what only a
 * .c file has is defined here, with bodies of no interest (a static
 * function cannot be declared alone).  A struct, enumeration or macro is
 * given as its header or .c file gives it.
 *
 * tests/compat/run.sh builds this file against the upstream layout
 * (RMI_COMPAT_UPSTREAM_LAYOUT: <linux/arm-smccc-rmi.h> and the realm
 * wrappers of <asm/rmi_cmds.h>), where it must build with no warning, and
 * against the default layout (<asm/rmi_smc.h>, <asm/rmi_cmds.h>), where it
 * must fail on exactly the wrappers of the commands the driver issues
 * itself: the default layout keeps them for the RMI library.
 */
#ifdef RMI_COMPAT_UPSTREAM_LAYOUT
#include <linux/arm-smccc-rmi.h>
#endif
#include <asm/rmi_cmds.h>

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/init.h>
#include <linux/types.h>

#include <asm/kvm_pgtable.h>

#include "upstream_names.h"

/* drivers/firmware/arm_rmm/rmi.c */
static unsigned long rmi_feat_reg_cache[5] __ro_after_init __maybe_unused;

static long __maybe_unused
rmi_granule_range_delegate(unsigned long base, unsigned long top,
			   unsigned long *out_top)
{
	return 0;
}

static long __maybe_unused
rmi_granule_range_undelegate(unsigned long base, unsigned long top,
			     unsigned long *out_top)
{
	return 0;
}

static unsigned long __maybe_unused
rmi_addr_block_size_to_bytes(unsigned long block_size_fld)
{
	return 0;
}

static void __maybe_unused free_addr_range(unsigned long entry,
					   unsigned long consumed_size)
{
}

static void __maybe_unused
rmi_op_continue(unsigned long sro_handle, unsigned long flags,
		struct arm_smccc_1_2_regs *out_regs)
{
}

static void __maybe_unused
rmi_op_cancel(unsigned long sro_handle, struct arm_smccc_1_2_regs *out_regs)
{
}

static void __maybe_unused
rmi_op_mem_donate(unsigned long sro_handle, unsigned long list_addr,
		  unsigned long list_count, unsigned long flags,
		  struct arm_smccc_1_2_regs *out_regs)
{
}

static void __maybe_unused
rmi_op_mem_reclaim(unsigned long sro_handle, unsigned long list_addr,
		   unsigned long list_count,
		   struct arm_smccc_1_2_regs *out_regs)
{
}

static int __maybe_unused
rmi_sro_ensure_capacity(struct rmi_sro_state *sro, unsigned long count)
{
	return 0;
}

static int __maybe_unused
rmi_sro_donate_contig(struct rmi_sro_state *sro, unsigned long sro_handle,
		      unsigned long donatereq,
		      struct arm_smccc_1_2_regs *out_regs, gfp_t gfp)
{
	return 0;
}

static int __maybe_unused
rmi_sro_donate_noncontig(struct rmi_sro_state *sro, unsigned long sro_handle,
			 unsigned long donatereq,
			 struct arm_smccc_1_2_regs *out_regs, gfp_t gfp)
{
	return 0;
}

static int __maybe_unused
rmi_sro_donate(struct rmi_sro_state *sro, unsigned long sro_handle,
	       unsigned long donatereq, struct arm_smccc_1_2_regs *regs,
	       gfp_t gfp)
{
	return 0;
}

static int __maybe_unused
rmi_sro_reclaim(struct rmi_sro_state *sro, unsigned long sro_handle,
		struct arm_smccc_1_2_regs *out_regs)
{
	return 0;
}

static int __maybe_unused rmi_check_version(void)
{
	return 0;
}

static int __maybe_unused rmi_read_features(void)
{
	return 0;
}

static int __maybe_unused rmi_rmm_config_set(unsigned long cfg_ptr)
{
	return 0;
}

static int __maybe_unused rmi_configure(void)
{
	return 0;
}

static int __init __maybe_unused arm64_init_rmi(void)
{
	return 0;
}

/* arch/arm64/kvm/rmi.c */
static inline unsigned long rmi_rtt_level_mapsize(int level)
{
	return 0;
}

static bool __maybe_unused rmi_has_feature(int reg, unsigned long feature)
{
	return false;
}

static int __maybe_unused get_start_level(struct realm *realm)
{
	return 0;
}

static int __maybe_unused find_map_level(struct realm *realm,
					 unsigned long start, unsigned long end)
{
	return 0;
}

static unsigned long __maybe_unused rmi_range_entry_size(int rmi_size)
{
	return 0;
}

static int __maybe_unused undelegate_range_desc(unsigned long desc)
{
	return 0;
}

static phys_addr_t __maybe_unused
alloc_delegated_granule(struct kvm_mmu_memory_cache *mc)
{
	return 0;
}

static phys_addr_t __maybe_unused alloc_rtt(struct kvm_mmu_memory_cache *mc)
{
	return 0;
}

static void __maybe_unused free_rtt(phys_addr_t phys)
{
}

static long __maybe_unused realm_rtt_create(struct realm *realm,
					    unsigned long addr, int level,
					    phys_addr_t phys)
{
	return 0;
}

static long __maybe_unused realm_rtt_fold(struct realm *realm,
					  unsigned long addr, int level,
					  phys_addr_t *rtt_granule)
{
	return 0;
}

static long __maybe_unused
realm_rtt_destroy(struct realm *realm, unsigned long addr, int level,
		  phys_addr_t *rtt_granule, unsigned long *next_addr)
{
	return 0;
}

static int __maybe_unused
realm_create_rtt_levels(struct realm *realm, unsigned long ipa, int level,
			int max_level, struct kvm_mmu_memory_cache *mc)
{
	return 0;
}

static int __maybe_unused
realm_tear_down_rtt_level(struct realm *realm, int level, unsigned long start,
			  unsigned long end)
{
	return 0;
}

static int __maybe_unused
realm_tear_down_rtt_range(struct realm *realm, unsigned long start,
			  unsigned long end)
{
	return 0;
}

static int __maybe_unused
realm_fold_rtt_level(struct realm *realm, int level, unsigned long start,
		     unsigned long end)
{
	return 0;
}

static int __maybe_unused realm_destroy_rtts(struct kvm *kvm)
{
	return 0;
}

static void __maybe_unused realm_unmap_stage2(struct kvm *kvm)
{
}

static void __maybe_unused
realm_unmap_shared_range(struct kvm *kvm, unsigned long start,
			 unsigned long end, bool may_block)
{
}

static int __maybe_unused realm_create_rd(struct kvm *kvm)
{
	return 0;
}

static void __maybe_unused
realm_unmap_private_range(struct kvm *kvm, unsigned long start,
			  unsigned long end, bool may_block)
{
}

static int __maybe_unused
realm_data_map_init(struct kvm *kvm, unsigned long ipa, kvm_pfn_t dst_pfn,
		    kvm_pfn_t src_pfn, unsigned long flags)
{
	return 0;
}

static unsigned long __maybe_unused
addr_range_desc(unsigned long phys, unsigned long size, unsigned long state)
{
	return 0;
}

static int __maybe_unused
realm_map_protected(struct kvm *kvm, unsigned long ipa, kvm_pfn_t pfn,
		    unsigned long map_size,
		    struct kvm_mmu_memory_cache *memcache)
{
	return 0;
}

static int __maybe_unused
realm_map_non_secure(struct kvm *kvm, unsigned long ipa, kvm_pfn_t pfn,
		     unsigned long size, enum kvm_pgtable_prot prot,
		     struct kvm_mmu_memory_cache *memcache)
{
	return 0;
}

static int __maybe_unused
populate_region_cb(struct kvm *kvm, gfn_t gfn, kvm_pfn_t pfn,
		   struct page *src_page, void *opaque)
{
	return 0;
}

enum ripas_action {
	RIPAS_INIT,
	RIPAS_SET,
};

static int __maybe_unused
ripas_change(struct kvm *kvm, struct kvm_vcpu *vcpu, unsigned long ipa,
	     unsigned long end, enum ripas_action action,
	     unsigned long *top_ipa)
{
	return 0;
}

static int __maybe_unused
realm_set_ipa_state(struct kvm_vcpu *vcpu, unsigned long start,
		    unsigned long end, unsigned long ripas,
		    unsigned long *top_ipa)
{
	return 0;
}

static int __maybe_unused
realm_init_ipa_state(struct kvm *kvm, unsigned long gfn, unsigned long pages)
{
	return 0;
}

static int __maybe_unused realm_ensure_created(struct kvm *kvm)
{
	return 0;
}

static int __maybe_unused set_ripas_of_protected_regions(struct kvm *kvm)
{
	return 0;
}

static bool __maybe_unused
ripas_range_matches_gmem(struct kvm *kvm, unsigned long start,
			 unsigned long end, unsigned long ripas)
{
	return false;
}

static int __maybe_unused kvm_complete_ripas_change(struct kvm_vcpu *vcpu)
{
	return 0;
}

static int __maybe_unused kvm_rec_complete_psci(struct kvm_vcpu *vcpu)
{
	return 0;
}

static void noinstr __maybe_unused
load_realm_timer_state(struct kvm_vcpu *vcpu)
{
}

static void noinstr __maybe_unused rec_enter_sync(struct kvm_vcpu *vcpu)
{
}

static void noinstr __maybe_unused
rec_prepare_exit_state(struct kvm_vcpu *vcpu)
{
}

static int __maybe_unused kvm_create_rec(struct kvm_vcpu *vcpu)
{
	return 0;
}

static int __maybe_unused rmm_check_features(void)
{
	return 0;
}

/* arch/arm64/kvm/rmi-exit.c */
static int __maybe_unused rec_exit_fatal(struct kvm_vcpu *vcpu,
					 const char *reason,
					 unsigned long value)
{
	return 0;
}

static void __maybe_unused rec_exit_sync(struct kvm_vcpu *vcpu)
{
}

static void __maybe_unused rec_exit_hvc(struct kvm_vcpu *vcpu)
{
}

bool kvm_rec_handle_hvc(struct kvm_vcpu *vcpu, int *ret);
