# SPDX-License-Identifier: GPL-2.0-only
#
# How the Realm program is compiled and linked, in one place: the root
# Kbuild builds it for rmi.ko with the kernel build's $(CC), $(LD) and
# $(OBJCOPY); tests/realm/Makefile builds it alone for the tests.
#
# Freestanding arm64 code that runs at EL1 with the MMU off, where every
# data access is Device-nGnRnE: no libc, no FP/SIMD registers (the RMM may
# trap them), no unaligned accesses (-mstrict-align), no out-of-line
# atomics, no stack protector or branch protection the program does not
# set up, absolute addresses (-fno-pic) that are IPAs, and IPA 0 a valid
# address.

REALM_CFLAGS := -std=gnu11 -O2 -Wall -Wextra \
	-nostdinc -isystem $(shell $(CC) -print-file-name=include) \
	-ffreestanding -fno-builtin -fno-common -fno-pic -fno-pie \
	-mgeneral-regs-only -mstrict-align -mno-outline-atomics \
	-mbranch-protection=none -fno-stack-protector \
	-fno-asynchronous-unwind-tables -fno-unwind-tables \
	-fno-delete-null-pointer-checks -fno-tree-loop-distribute-patterns

REALM_LDFLAGS := -nostdlib -static --build-id=none --orphan-handling=error \
	--no-warn-rwx-segments -z noexecstack -z max-page-size=4096
