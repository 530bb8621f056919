# SPDX-License-Identifier: GPL-2.0-only
#
# Arm CCA Realm Management Interface, host side: description, generator,
# headers and tests.  "make help" lists the targets.

# make gen RMI_LAYOUT=upstream: the headers as the series queued for v7.4
# lays them out, for its revision unless RMI_REV says otherwise.
RMI_LAYOUT ?= asm
ifeq ($(RMI_LAYOUT),upstream)
RMI_REV ?= 2.0-bet3
GEN_OUT ?= out/$(RMI_REV)-upstream
endif
RMI_REV ?= $(shell cat arch/arm64/tools/default-revision)
GEN_OUT ?= out/$(RMI_REV)
EXPORT_DIR ?= export

.PHONY: help setup gen check series kunit module-test test run bench mutate diff export clean

help:
	@echo 'Targets:'
	@echo '  run     - the main job: a Realm created, run and destroyed on a real'
	@echo '            RMM: boots QEMU with FEAT_RME, TF-A, TF-RMM and a kernel'
	@echo '            whose init loads rmi.ko, and shows its report; Realm size:'
	@echo '            make run RAM_MB=16 NR_RECS=2 HASH=sha512; the Realm'
	@echo '            program prints what it did and attests to it, and'
	@echo '            scripts/rmi-attest.py checks the token'
	@echo '  test    - every test: check, series, kunit for every revision,'
	@echo '            module-test'
	@echo '  check   - fast checks: no generated header committed, generator'
	@echo '            tests, headers of every revision built for arm64 with'
	@echo '            W=1 and sparse with the value, compat and KUnit tests,'
	@echo '            wrapper parameters against the cases'"'"' register names,'
	@echo '            every defined name in the revision'"'"'s value test, the'
	@echo '            tests run on the build machine, make diff'"'"'s tests and'
	@echo '            reports, the upstream layout against the queued arm_rmm'
	@echo '            series and KVM'"'"'s names, checkpatch --strict and'
	@echo '            kernel-doc'
	@echo '  export  - the project as a patch series for Linux 6.12 (git'
	@echo '            format-patch, cover letter; scripts/export.series) in'
	@echo '            EXPORT_DIR (default export/); fails if a kernel file is'
	@echo '            in no patch or in two'
	@echo '  series  - the exported series applied with git am to the pristine'
	@echo '            linux-source-6.12, and every patch checked: checkpatch'
	@echo '            --strict and W=1 builds with and without CONFIG_ARM64_RMI'
	@echo '  kunit   - KUnit suites (kunit.py run) in the tree the series'
	@echo '            built, every described revision (the Kconfig choice),'
	@echo '            then the same kernel on the real Arm CCA stack (QEMU'
	@echo '            with FEAT_RME, TF-A, TF-RMM of the revision: 2.0-bet1'
	@echo '            and 1.0-rel0), and rmi_smp under lockdep and KCSAN;'
	@echo '            one revision: make kunit RMI_REV=1.0-rel0;'
	@echo '            one suite: RMI_KUNIT_FILTER=rmi_real; no stack runs:'
	@echo '            RMI_KUNIT_STACK=0 (skipped anyway without the sources)'
	@echo '  module-test - rmi_test.ko (the KUnit suites as a module, rmi_real'
	@echo '            among them) loaded on the real stack, as make run loads'
	@echo '            rmi.ko: KTAP parsed, load and unload clean, no WARN/BUG'
	@echo '  bench   - what the wrappers and the library cost (not part of'
	@echo '            test): instructions of every wrapper of every revision'
	@echo '            against a floor, the plain SMCCC call and a direct SMC'
	@echo '            instead of arm_smccc_1_1_invoke(); RMI calls of'
	@echo '            Realm lifecycles (16MiB-1GiB, 1-16 RECs) under the model'
	@echo '            and on the real RMM against their lower bounds; REC_ENTER'
	@echo '            and delegate round trips as ratios to a null SMC.'
	@echo '            Prints the tables and writes bench/results.md;'
	@echo '            RMI_BENCH_STACK=0: model only'
	@echo '  mutate  - mutation test of the tests (not part of test): seeded'
	@echo '            mutations of each description, each run through the'
	@echo '            generator and the fast tests; prints killed/total per'
	@echo '            revision and kind and every survivor'
	@echo '            (every described revision; MUTATE_SEED=N,'
	@echo '            MUTATE_PER_KIND=N, RMI_REV=<rev> for one)'
	@echo '  gen     - write the headers of a revision (default: the default'
	@echo '            revision, or RMI_REV=<rev>) to GEN_OUT (default'
	@echo '            out/<rev>)/asm/rmi_{smc,cmds}.h, to read them: builds'
	@echo '            generate their own (Kbuild, arch/arm64/tools/Makefile)'
	@echo '            with RMI_LAYOUT=upstream, those of 2.0-bet3 (or RMI_REV)'
	@echo '            as the queued arm_rmm series lays them out, to'
	@echo '            out/<rev>-upstream/{linux/arm-smccc-rmi.h,asm/rmi_cmds.h}'
	@echo '  diff    - what changed between two descriptions, as reST:'
	@echo '            make diff FROM=2.0-bet1 TO=2.0-bet3 (a revision or a file)'
	@echo '  setup   - install the Debian packages (the stack'"'"'s QEMU from'
	@echo '            bookworm-backports) and unpack linux-source-6.12'
	@echo '  clean   - remove out/ and export/'
	@echo ''
	@echo 'Described revisions: $(patsubst arch/arm64/tools/rmi-%,%,$(wildcard arch/arm64/tools/rmi-*))'
	@echo 'Cache (kernel tree and its worktrees, build directories, firmware):'
	@echo '  $${RMI_CACHE:-~/.cache/rmi-gen}'
	@echo 'Stack firmware versions and sources: scripts/stack-sources.sh'

setup:
	sh scripts/setup.sh

gen:
ifeq ($(RMI_LAYOUT),upstream)
	sh scripts/gen-headers.sh --layout upstream $(RMI_REV) $(GEN_OUT)
	@echo 'gen: $(GEN_OUT)/linux/arm-smccc-rmi.h $(GEN_OUT)/asm/rmi_cmds.h'
else
	sh scripts/gen-headers.sh $(RMI_REV) $(GEN_OUT)
	@echo 'gen: $(GEN_OUT)/asm/rmi_smc.h $(GEN_OUT)/asm/rmi_cmds.h'
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

series:
	sh scripts/series.sh --check >/dev/null

module-test:
	sh scripts/run.sh --test

test: check series kunit module-test

export:
	sh scripts/setup.sh
	python3 scripts/export.py $(EXPORT_DIR)

RUN_ARGS := $(if $(RAM_MB),ram_mb=$(RAM_MB)) $(if $(NR_RECS),nr_recs=$(NR_RECS)) \
	    $(if $(HASH),hash=$(HASH))
run:
	sh scripts/run.sh $(RUN_ARGS)

bench:
	sh scripts/bench.sh

MUTATE_SEED ?= 1
MUTATE_PER_KIND ?= 4
MUTATE_REVS := $(if $(filter command line,$(origin RMI_REV)),$(RMI_REV))
mutate:
	sh scripts/mutate.sh --seed $(MUTATE_SEED) --per-kind $(MUTATE_PER_KIND) $(MUTATE_REVS)

diff:
	@if [ -z "$(FROM)" ] || [ -z "$(TO)" ]; then \
		echo 'usage: make diff FROM=<revision|file> TO=<revision|file>' >&2; exit 2; fi
	@python3 scripts/rmi-diff.py $(FROM) $(TO)

clean:
	rm -rf out export
