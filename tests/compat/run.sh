#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The upstream layout of the 2.0-bet3 headers (scripts/gen-headers.sh
# --layout upstream: <linux/arm-smccc-rmi.h> and <asm/rmi_cmds.h>), checked
# against the series queued for v7.4 ("firmware: arm_rmm: Add RMM v2.0 base
# RMI support") and KVM's newest CCA code.  make check runs it.
#
#  1. The generated headers, built for arm64 with W=1 and sparse, no
#     warning, with tests/build/rmi_headers.c and:
#     - queued_rmi_smc.c and queued_rmi_cmds.c: the identifiers and calls
#       of the queued series' users, the definitions header included as
#       <linux/arm-smccc-rmi.h> and alone, with its include guard;
#     - upstream_names.c: every name the arm_rmm driver and KVM define
#       themselves, with its signature, beside our headers.
#  2. upstream_names.c against the default layout (<asm/rmi_smc.h>,
#     <asm/rmi_cmds.h>) fails on exactly the wrappers of the commands the
#     driver issues itself (DRIVER_CMDS below), each reported once.
#  3. <linux/arm-smccc-rmi.h> includes every header the queued one does
#     (QUEUED_INCLUDES), which its users may rely on without including it
#     (PAGE_SIZE from <asm/page.h>): in a kernel build other headers often
#     bring them in anyway, so step 1 alone would not notice one missing.
#     The upstream layout defines the macros, enumeration constants and
#     structures of the default one, and the wrappers of the default one
#     but those: nothing lost but the driver's commands.
#  4. checkpatch.pl --strict and kernel-doc on the two generated headers.
#  5. mawk, gawk, gawk --posix, original-awk and busybox awk generate the
#     same upstream layout (make check's step 2a does the default one).
#
# Usage: tests/compat/run.sh <kernel tree> <kernel build> <work dir>
# Prints "compat: ..." lines and the failures; exits non-zero on a failure.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -eq 3 ] || { echo "usage: $0 <kernel tree> <kernel build> <work dir>" >&2; exit 2; }
K=$1
O=$2
work=$3
rev=2.0-bet3
# The wrappers of the commands drivers/firmware/arm_rmm/rmi.c issues from
# functions of the same names (and gen-rmi.awk's driver_cmd[]).
DRIVER_CMDS="rmi_granule_range_delegate rmi_granule_range_undelegate
rmi_op_cancel rmi_op_continue rmi_op_mem_donate rmi_op_mem_reclaim
rmi_rmm_config_set"
# What include/linux/arm-smccc-rmi.h includes in the queued series
# (kernel-patches/bpf e4e0f90fbf1b).
QUEUED_INCLUDES="linux/arm-smccc.h linux/bitfield.h linux/bits.h linux/build_bug.h
linux/sizes.h linux/stddef.h asm/page.h"
failed=0

fail() {
	echo "compat: FAILED: $*"
	failed=1
}

# kbuild <dir> <objects> [<ccflags>]: build the objects as one module.
kbuild() {
	cat >"$1/Kbuild" <<KBUILD
LINUXINCLUDE := -I\$(src)/gen \$(LINUXINCLUDE)
ccflags-y := ${3:-}
obj-m := rmi_compat.o
rmi_compat-y := $2
KBUILD
	make -C "$K" O="$O" M="$1" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
		W=1 C=1 KBUILD_MODPOST_WARN=1 -j"$(nproc)" modules >"$1/build.log" 2>&1
}

rm -rf "$work"
mkdir -p "$work/upstream" "$work/default"
sh "$top/scripts/gen-headers.sh" --layout upstream $rev "$work/upstream/gen" || exit 1
sh "$top/scripts/gen-headers.sh" $rev "$work/default/gen" || exit 1
up=$work/upstream/gen
def=$work/default/gen

# 1. The upstream layout, with the queued series' uses and names.
d=$work/upstream
cp "$top/tests/build/rmi_headers.c" "$top/tests/compat/queued_rmi_smc.c" \
	"$top/tests/compat/queued_rmi_cmds.c" "$top/tests/compat/upstream_names.c" \
	"$top/tests/compat/upstream_names.h" "$d/"
rc=0
kbuild "$d" "rmi_headers.o queued_rmi_smc.o queued_rmi_cmds.o upstream_names.o" \
	-DRMI_COMPAT_UPSTREAM_LAYOUT || rc=1
if grep -E ': (warning|error):' "$d/build.log"; then
	rc=1
fi
if [ $rc -eq 0 ]; then
	echo "compat: upstream layout: the queued series' uses and the driver's and KVM's names build (W=1, sparse)"
else
	tail -n 20 "$d/build.log"
	fail "upstream layout build ($d/build.log)"
fi

# 2. The default layout: the same names conflict with the driver's wrappers.
d=$work/default
cp "$top/tests/compat/upstream_names.c" "$top/tests/compat/upstream_names.h" "$d/"
if kbuild "$d" upstream_names.o; then
	fail "default layout: upstream_names.c built, it must conflict"
else
	# The quotes around the name are the locale's (kbuild unexports
	# LC_ALL): match any bytes but a name's.
	conflict='error: \(conflicting types for\|redefinition of\|static declaration of\) '
	got=$(LC_ALL=C sed -n "s/.*$conflict[^a-z0-9_]*\([a-z0-9_]*\).*/\2/p" "$d/build.log" |
		sort -u)
	want=$(echo $DRIVER_CMDS | tr ' ' '\n' | sort)
	others=$(grep ': error:' "$d/build.log" | grep -v "$conflict" || true)
	if [ "$got" = "$want" ] && [ -z "$others" ]; then
		echo "compat: default layout: conflicts on the driver's $(echo "$got" | wc -l) wrappers only, as expected"
	else
		echo "compat: expected conflicts: $(echo $want)"
		echo "compat: got:                $(echo $got)"
		[ -z "$others" ] || echo "$others" | head -n 10
		fail "default layout: not the expected conflicts ($d/build.log)"
	fi
fi

# 3. The includes of the definitions header, the names of both layouts.
missing=
for h in $QUEUED_INCLUDES; do
	grep -qx "#include <$h>" "$up/linux/arm-smccc-rmi.h" || missing="$missing $h"
done
if [ -z "$missing" ]; then
	echo "compat: upstream layout: <linux/arm-smccc-rmi.h> includes what the queued one does"
else
	fail "<linux/arm-smccc-rmi.h> does not include$missing, as the queued header does"
fi
names() {
	sed -n 's/^#define \([A-Za-z0-9_]*\).*/\1/p; s/^\t\([A-Z][A-Z0-9_]*\) = .*/\1/p;
		s/^struct \([a-z0-9_]*\) {$/struct \1/p' "$@" | sort
}
wrappers() {
	sed -n 's/^\(static inline unsigned long \)\{0,1\}\(rmi_[a-z0-9_]*\)(.*/\2/p' "$1" | sort
}
guards='^(__ASM_RMI_SMC_H|__ASM_RMI_CMDS_H|__LINUX_ARM_SMCCC_RMI_H_)$'
# same <what> <expected list> <list>: the two lists of names are equal.
same() {
	if [ "$2" = "$3" ] && [ -n "$3" ]; then
		echo "compat: upstream layout: the $(echo "$3" | wc -l) $1"
	else
		echo "$2" >"$work/expected"
		echo "$3" >"$work/got"
		diff "$work/expected" "$work/got" | head -n 20
		fail "the upstream layout does not define the $1"
	fi
}
same "macros, constants and structures of the default one" \
	"$(names "$def/asm/rmi_smc.h" "$def/asm/rmi_cmds.h" | grep -Ev "$guards")" \
	"$(names "$up/linux/arm-smccc-rmi.h" "$up/asm/rmi_cmds.h" | grep -Ev "$guards")"
same "wrappers of the default one but the driver's" \
	"$( (wrappers "$def/asm/rmi_cmds.h"; echo $DRIVER_CMDS | tr ' ' '\n') | sort | uniq -u)" \
	"$(wrappers "$up/asm/rmi_cmds.h")"

# 4. Kernel style on the generated headers.
rc=0
for f in "$up/linux/arm-smccc-rmi.h" "$up/asm/rmi_cmds.h"; do
	"$K/scripts/checkpatch.pl" --strict --no-tree --quiet --show-types -f "$f" || rc=1
	out=$("$K/scripts/kernel-doc" -none -Wall "$f" 2>&1) || rc=1
	if [ -n "$out" ]; then
		echo "$out"
		rc=1
	fi
done
if [ $rc -eq 0 ]; then
	echo "compat: upstream layout: checkpatch --strict and kernel-doc clean"
else
	fail "checkpatch/kernel-doc on the upstream layout"
fi

# 5. Every awk.
rc=0
for a in mawk gawk "gawk --posix" original-awk "busybox awk"; do
	dir=$work/awk/$(echo "$a" | tr ' ' -)
	if ! AWK=$a sh "$top/scripts/gen-headers.sh" --layout upstream $rev "$dir" ||
	   ! diff -ru "$up" "$dir" >"$dir.diff"; then
		head -n 20 "$dir.diff"
		fail "$a: the upstream layout differs from awk's"
		rc=1
	fi
done
[ $rc -ne 0 ] || echo "compat: upstream layout: the same from every awk"

[ $failed -eq 0 ]
