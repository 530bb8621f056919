#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build and run the tests on the build machine, without a kernel: the KUnit
# suites of tests/kunit (rmi_layout, rmi_cmds) against the stand-ins of
# tests/user/include, the suite rmi_conduit (tests/user/rmi_conduit_test.c:
# the wrappers through each SMCCC conduit, which only the stand-ins can
# choose), and the compile-time tests (tests/values, and
# tests/compat for the revision's series) with the host compiler.  For the
# default revision, the one the RMI library implements, also the suite
# rmi_desc (tests/kunit/rmi_desc_test.c, the library's descriptors) once per
# granule size, 4KB, 16KB and 64KB: the kernel runs it at its own only.  A
# few seconds; scripts/mutate.sh runs it once per mutation.  make check and
# make kunit, in the kernel, stay the reference.
#
# Usage: tests/user/run.sh <revision> <dir with asm/rmi_smc.h, asm/rmi_cmds.h>
#        [<build dir>]
# Environment: RMI_CACHE, for the kernel tree's <linux/args.h>.
# Prints the failures (those of rmi_desc after its PAGE_SHIFT) and, last,
# "user: N passed, N failed" for all the runs together; exits non-zero if a
# file does not build or a test fails.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
[ $# -ge 2 ] || { echo "usage: $0 <revision> <gen dir> [<build dir>]" >&2; exit 2; }
rev=$1
gen=$2
out=${3:-$(mktemp -d)}
[ $# -ge 3 ] || trap 'rm -rf "$out"' EXIT
mkdir -p "$out"
CC=${HOSTCC:-cc}
# <linux/args.h> (COUNT_ARGS()) is plain macros: the kernel tree's own.
args=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}/linux/include/linux/args.h
[ -f "$args" ] || { echo "user: no $args: run scripts/setup.sh" >&2; exit 2; }
mkdir -p "$out/include/linux"
cp "$args" "$out/include/linux/args.h"
CFLAGS="-std=gnu11 -O2 -Wall -Werror=implicit-function-declaration
	-Werror=incompatible-pointer-types -Werror=int-conversion
	-Wno-unused-function -D_GNU_SOURCE -D__used=__attribute__((__used__))
	-I$gen -I$out/include
	-I$top/tests/user/include -I$top/tests/kunit"

series=$(awk -v rev="$rev" '$1 == rev { print $2 }' "$top/tests/compat/series")
static=$top/tests/values/rmi_values_$(echo "$rev" | tr .- __).c
[ -f "$static" ] || static=
for f in $static $(ls "$top"/tests/compat/"${series:-none}"_*.c 2>/dev/null); do
	if ! $CC $CFLAGS -c -o "$out/$(basename "$f" .c).o" "$f" >"$out/cc.log" 2>&1; then
		grep -E 'error' "$out/cc.log" | head -n 5
		echo "user: ${f#"$top"/} does not build"
		exit 1
	fi
done
# shellcheck disable=SC2086
if ! $CC $CFLAGS -o "$out/rmi_user_tests" "$top/tests/user/main.c" \
	"$top/tests/kunit/rmi_layout_test.c" "$top/tests/kunit/rmi_fields_test.c" \
	"$top/tests/kunit/rmi_cmds_test.c" \
	"$top/tests/kunit/rmi_smccc_double.c" \
	"$top/tests/user/rmi_conduit_test.c" >"$out/cc.log" 2>&1; then
	grep -E 'error' "$out/cc.log" | head -n 5
	echo "user: the KUnit suites do not build"
	exit 1
fi
bins=rmi_user_tests
if [ "$rev" = "$(cat "$top/arch/arm64/tools/default-revision")" ]; then
	for shift in 12 14 16; do
		# shellcheck disable=SC2086
		if ! $CC $CFLAGS -DRMI_USER_PAGE_SHIFT=$shift \
			-I"$top/arch/arm64/kvm/rmi" -o "$out/rmi_desc_$shift" \
			"$top/tests/user/main.c" "$top/tests/kunit/rmi_desc_test.c" \
			>"$out/cc.log" 2>&1; then
			grep -E 'error' "$out/cc.log" | head -n 5
			echo "user: rmi_desc does not build for PAGE_SHIFT $shift"
			exit 1
		fi
		bins="$bins rmi_desc_$shift"
	done
fi

# Each binary's failures, and one count of them all for the callers
# (scripts/check.sh prints the last line, scripts/mutate.py the first
# other); a binary that stops before its count is one failure.
counts='^user: [0-9][0-9]* passed, [0-9][0-9]* failed$'
pass=0
fail=0
rc=0
for bin in $bins; do
	label=
	case $bin in
	rmi_desc_*)	label="PAGE_SHIFT ${bin#rmi_desc_}: " ;;
	esac
	"$out/$bin" >"$out/$bin.log" 2>&1 || rc=1
	grep -v "$counts" "$out/$bin.log" | sed "s/^user: /user: $label/"
	# shellcheck disable=SC2046
	set -- $(grep "$counts" "$out/$bin.log" | tail -n 1)
	if [ $# -ne 5 ]; then
		echo "user: $label$bin stopped before its count"
		fail=$((fail + 1))
		rc=1
		continue
	fi
	pass=$((pass + $2))
	fail=$((fail + $4))
done
echo "user: $pass passed, $fail failed"
[ $rc -eq 0 ] && [ $fail -eq 0 ]
