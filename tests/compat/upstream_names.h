/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * The names the headers of the queued arm_rmm driver and of KVM's newest
 * CCA code define, with their signatures: see upstream_names.c.
 */
#ifndef __RMI_UPSTREAM_NAMES_H
#define __RMI_UPSTREAM_NAMES_H

/* include/linux/arm-rmi-cmds.h */
#define RMI_MAX_ADDR_LIST	256

struct rmi_sro_state {
	struct arm_smccc_1_2_regs regs;
	int addr_count;
	unsigned long addr_list[RMI_MAX_ADDR_LIST];
};

#define RMM_BLOCKED_RETRY_COUNT	2

static inline void rmi_smccc_invoke(struct arm_smccc_1_2_regs *regs)
{
}

unsigned long rmi_feat_reg(unsigned int index);
int rmi_delegate_range(phys_addr_t phys, unsigned long size,
		       phys_addr_t *out_phys);
int rmi_undelegate_range(phys_addr_t phys, unsigned long size);
int rmi_free_delegated_page(phys_addr_t phys);

static inline int rmi_delegate_page(phys_addr_t phys)
{
	return 0;
}

static inline int rmi_undelegate_page(phys_addr_t phys)
{
	return 0;
}

long rmi_sro_memxfer_execute(struct rmi_sro_state *sro, gfp_t gfp);
void rmi_sro_free(struct rmi_sro_state *sro);
long rmi_sro_execute(struct arm_smccc_1_2_regs *regs);

#define rmi_sro_memxfer_cmd(sro, gfp, ...)	rmi_sro_memxfer_execute(sro, gfp)

bool is_rmm_active(void);
bool is_rmi_available(void);

/* arch/arm64/include/asm/kvm_rmi.h */
enum realm_state {
	REALM_STATE_NONE,
	REALM_STATE_NEW,
	REALM_STATE_ACTIVE,
	REALM_STATE_DYING,
	REALM_STATE_DEAD
};

struct realm {
	void *rd;
	struct rmi_sro_state *sro;
	enum realm_state state;
	unsigned int ia_bits;
	bool stage2_unmapped;
};

struct realm_rec {
	unsigned long mpidr;
	void *rec_page;
	phys_addr_t rec_phys;
	struct rec_run *run;
	phys_addr_t run_phys;
	struct rmi_sro_state *sro;
};

void kvm_init_rmi(void);
u32 kvm_rmm_ipa_limit(void);
int kvm_init_realm(struct kvm *kvm);
int kvm_activate_realm(struct kvm *kvm);
void kvm_destroy_realm(struct kvm *kvm);
int kvm_realm_teardown_stage2(struct kvm *kvm);
void kvm_destroy_rec(struct kvm_vcpu *vcpu);
int kvm_rec_enter(struct kvm_vcpu *vcpu);
int kvm_rec_exit(struct kvm_vcpu *vcpu, int rec_run_status);
int kvm_rec_handle_request(struct kvm_vcpu *vcpu);

struct kvm_arm_rmi_populate;

int kvm_arm_rmi_populate(struct kvm *kvm, struct kvm_arm_rmi_populate *arg);
void kvm_realm_unmap_range_filter(struct kvm *kvm, unsigned long ipa,
				  unsigned long size, bool may_block,
				  enum kvm_gfn_range_filter attr_filter);
void kvm_realm_unmap_range(struct kvm *kvm, unsigned long ipa,
			   unsigned long size, bool may_block);
int realm_map_ipa(struct kvm *kvm, phys_addr_t ipa, kvm_pfn_t pfn,
		  unsigned long map_size, enum kvm_pgtable_prot prot,
		  struct kvm_mmu_memory_cache *memcache);
int realm_psci_complete(struct kvm_vcpu *source, unsigned long status);

static inline bool kvm_realm_is_private_address(struct realm *realm,
						unsigned long addr)
{
	return false;
}

static inline bool kvm_realm_ext_allowed(long ext)
{
	return false;
}

#endif /* __RMI_UPSTREAM_NAMES_H */
