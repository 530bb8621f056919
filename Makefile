# SPDX-License-Identifier: GPL-2.0-only
#
# Arm CCA Realm Management Interface, host side: description, generator,
# headers and tests.  "make help" lists the targets.

RMI_REV ?= $(shell cat arch/arm64/tools/default-revision)
GEN_OUT ?= out/$(RMI_REV)

.PHONY: help setup gen check kunit test run clean

help:
	@echo 'Targets:'
	@echo '  run     - the main job: build the KUnit suites and run them under'
	@echo '            QEMU arm64 (for RMI_REV, default $(RMI_REV))'
	@echo '  test    - every test: check, then kunit for every revision'
	@echo '  check   - fast checks: generated headers up to date, generator tests,'
	@echo '            headers of every revision built for arm64 with W=1 and'
	@echo '            sparse, checkpatch --strict and kernel-doc'
	@echo '  kunit   - KUnit suites under QEMU arm64, both revisions, then on the'
	@echo '            real Arm CCA stack (QEMU with FEAT_RME, TF-A, TF-RMM of the'
	@echo '            revision); one revision: make kunit RMI_REV=1.0-rel0;'
	@echo '            one suite: RMI_KUNIT_FILTER=rmi_real; no stack runs:'
	@echo '            RMI_KUNIT_STACK=0 (skipped anyway without the sources)'
	@echo '  gen     - regenerate arch/arm64/include/asm/rmi_{smc,cmds}.h from the'
	@echo '            default description; with RMI_REV=<rev>, write the headers'
	@echo '            of that revision to GEN_OUT (default out/<rev>)/asm/'
	@echo '  setup   - install the Debian packages (the stack'"'"'s QEMU from'
	@echo '            bookworm-backports) and unpack linux-source-6.12'
	@echo '  clean   - remove out/'
	@echo ''
	@echo 'Described revisions: $(patsubst arch/arm64/tools/rmi-%,%,$(wildcard arch/arm64/tools/rmi-*))'
	@echo 'Cache (kernel tree, build directories, firmware): $${RMI_CACHE:-~/.cache/rmi-gen}'
	@echo 'Stack firmware versions and sources: scripts/stack-sources.sh'

setup:
	sh scripts/setup.sh

gen:
ifeq ($(origin RMI_REV),command line)
	sh scripts/gen-headers.sh $(RMI_REV) $(GEN_OUT)
	@echo 'gen: $(GEN_OUT)/asm/rmi_smc.h $(GEN_OUT)/asm/rmi_cmds.h'
else
	sh scripts/gen-headers.sh $(RMI_REV) arch/arm64/include
endif

check:
	sh scripts/check.sh

ifeq ($(origin RMI_REV),command line)
kunit:
	sh scripts/kunit.sh $(RMI_REV)
else
kunit:
	sh scripts/kunit.sh
endif

test: check kunit

run:
	sh scripts/kunit.sh $(RMI_REV)

clean:
	rm -rf out
