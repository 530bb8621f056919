#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# make check: fast static checks, a few minutes at most after set-up.
#
#  1. No generated header is committed: builds generate their own.
#  2. Generator tests: malformed descriptions and mutations (tests/gen/run.sh),
#     and the 1.0-rel0 description against the text of the specification;
#     the description diff tool and the reports committed from it.
#     The generator is POSIX awk: mawk, gawk, gawk --posix, original-awk and
#     busybox awk must each generate the same headers and pass those tests.
#  3. The headers of every described revision, a mutated one and those of the
#     descriptions in tests/gen/good/, compile for
#     arm64 against linux-source-6.12 with W=1 and sparse, with no warning;
#     the compatibility checks against the series headers of the revision
#     (tests/compat/series: v12, v14, queued), the value of every definition
#     (tests/values) and the KUnit suites with them.  For every described
#     revision: the wrappers' parameters against the register names of the
#     packing cases (tests/protos); every name the headers define in the
#     revision's value test (tests/values/check-coverage.py); the KUnit
#     suites and value tests built and run on the build machine (tests/user),
#     as make mutate runs them.  For the default revision, the RMI library
#     (arch/arm64/kvm/rmi) too.
#  4. checkpatch.pl --strict and kernel-doc on the hand-written files and on
#     the generated headers; the reST documentation builds without warnings.
#
# Environment: RMI_CACHE (see scripts/setup.sh).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
K=$CACHE/linux
CROSS="ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-"
failed=0
pass=0

step() {
	echo "check: $*"
}

result() {
	if [ "$1" -eq 0 ]; then
		pass=$((pass + 1))
	else
		failed=$((failed + 1))
		echo "check: FAILED: $2"
	fi
}

sh scripts/setup.sh

# 1. Builds generate the headers (Kbuild, arch/arm64/tools/Makefile): a
# committed copy would only go stale.
step "no generated header is committed"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rc=0
committed=$(git ls-files 'arch/arm64/include/asm/rmi_smc.h' 'arch/arm64/include/asm/rmi_cmds.h' \
	'**/generated/**')
if [ -n "$committed" ]; then
	echo "check: generated, and committed: $committed"
	rc=1
fi
result $rc "no generated header committed"

# 2. Generator tests.
step "generator tests"
rc=0
sh tests/gen/run.sh "$tmp/mutated" >"$tmp/gen.log" || rc=1
grep -v '^ok ' "$tmp/gen.log" || true
result $rc "generator tests"

# 2a. Every awk: same headers for every revision, generator tests pass.
step "generator under every awk"
rc=0
revs=$(cd arch/arm64/tools && ls rmi-* | sed 's/^rmi-//')
for rev in $revs; do
	sh scripts/gen-headers.sh "$rev" "$tmp/awk/default/$rev"
done
for a in mawk gawk gawk-posix original-awk busybox-awk; do
	case $a in
	gawk-posix) cmd="gawk --posix" ;;
	busybox-awk) cmd="busybox awk" ;;
	*) cmd=$a ;;
	esac
	for rev in $revs; do
		if ! AWK=$cmd sh scripts/gen-headers.sh "$rev" "$tmp/awk/$a/$rev" ||
		   ! diff -ru "$tmp/awk/default/$rev" "$tmp/awk/$a/$rev" >"$tmp/awk/$a.diff"; then
			echo "check: $cmd: the headers of $rev differ from awk's:"
			head -n 20 "$tmp/awk/$a.diff"
			rc=1
		fi
	done
	if AWK=$cmd sh tests/gen/run.sh >"$tmp/gen-$a.log"; then
		echo "check: $cmd: $(tail -n 1 "$tmp/gen-$a.log")"
	else
		grep -v '^ok ' "$tmp/gen-$a.log"
		rc=1
	fi
done
result $rc "generator under every awk"

# 2b. The 1.0-rel0 description against the specification's own text.
step "1.0-rel0 description against the DEN0137 1.0-rel0 text"
rc=0
python3 tests/spec/den0137-1.0-rel0.py || rc=1
result $rc "description against the spec"

# 2c. The description diff tool, and the reports committed from it.
step "rmi-diff tests and committed reports"
rc=0
sh tests/diff/run.sh >"$tmp/diff.log" || rc=1
grep -v '^ok ' "$tmp/diff.log" || true
result $rc "rmi-diff"

# 2d. The Realm program, rmi-rim.py and rmi-attest.py (tests/{realm,rim,attest}).
for t in realm/run.sh rim/test-rim.py attest/test-attest.py; do
	step "tests/$t"
	rc=0
	"tests/$t" >"$tmp/t.log" 2>&1 || { cat "$tmp/t.log"; rc=1; }
	result $rc "tests/$t"
done

# 3. Compile every revision for arm64, W=1, sparse.
O=$(sh scripts/check-build.sh)
goods=$(cd tests/gen/good && ls *.rmi | sed 's/\.rmi$//; s/^/good-/')
for rev in $revs mutated $goods; do
	step "compile headers: $rev (W=1, sparse)"
	d=$CACHE/check/$rev
	rm -rf "$d"
	mkdir -p "$d"
	if [ "$rev" = mutated ]; then
		cp -r "$tmp/mutated" "$d/gen"
	elif [ "$rev" != "${rev#good-}" ]; then
		mkdir -p "$d/gen/asm"
		for mode in smc cmds; do
			awk -v mode=$mode -f arch/arm64/tools/gen-rmi.awk \
				"tests/gen/good/${rev#good-}.rmi" >"$d/gen/asm/rmi_$mode.h"
		done
	else
		# Generated in step 2a already.
		cp -r "$tmp/awk/default/$rev" "$d/gen"
	fi
	objs="rmi_headers.o rmi_smc_only.o"
	extra=
	cp tests/build/rmi_headers.c tests/build/rmi_smc_only.c "$d/"
	# The series headers the revision is checked against, if any.
	series=$(awk -v rev="$rev" '$1 == rev { print $2 }' tests/compat/series)
	values=tests/values/rmi_values_$(echo "$rev" | tr .- __).c
	if [ -f "$values" ]; then
		cp "$values" "$d/"
		objs="$objs $(basename "$values" .c).o"
	fi
	if [ -n "$series" ]; then
		for f in tests/compat/${series}_*.c; do
			cp "$f" "$d/"
			objs="$objs $(basename "$f" .c).o"
		done
	fi
	if [ "$rev" != mutated ] && [ "$rev" = "${rev#good-}" ]; then
		# The KUnit suites too, with sparse, which the KUnit build
		# does not run.  The RMI library (arch/arm64/kvm/rmi) and its
		# suites implement the default revision only: a suite that
		# includes one of their headers (alone on its line; rmi_real's
		# conditional include has a comment after it) is left out of
		# the other revisions.
		suites=$(cd tests/kunit && ls *.c)
		if [ "$rev" = "$(cat arch/arm64/tools/default-revision)" ]; then
			cp arch/arm64/kvm/rmi/*.[ch] "$d/"
			cp arch/arm64/include/asm/rmi.h "$d/gen/asm/"
			# The library's objects (rmi-y, what rmi.ko links), and
			# the files built in only (the boot initcall), compiled
			# as built-in objects.
			rmiy=" $(sed -n 's/^rmi-y *[:+]*= *//p' arch/arm64/kvm/rmi/Makefile | tr '\n' ' ') "
			for o in $(cd arch/arm64/kvm/rmi && ls *.c | sed 's/\.c$/.o/'); do
				case $rmiy in
				*" $o "*) objs="$objs $o" ;;
				*) extra="$extra $o" ;;
				esac
			done
			# The front end of rmi.ko, the bench's Realm payload
			# and the Realm program's headers (not the program:
			# it is built with its own flags, by realm.mk).
			cp module/rmi_main.[ch] module/rmi_vmm.c module/rmi_bench.c \
				tests/kunit/rmi_real_payload.S "$d/"
			mkdir -p "$d/realm"
			cp module/realm/*.h "$d/realm/"
			objs="$objs rmi_main.o rmi_vmm.o rmi_bench.o rmi_real_payload.o"
		else
			suites=$(cd tests/kunit && grep -L '^#include "rmi_\(model\|model_int\|lib\|real_lib\)\.h"$' *.c)
		fi
		cp tests/kunit/*.[ch] "$d/"
		objs="$objs $(echo "$suites" | sed 's/\.c$/.o/' | tr '\n' ' ')"

		# Every wrapper of the revision has a packing case in the
		# KUnit suite, its parameters named and ordered as the case
		# names the registers.
		rc=0
		python3 tests/protos/check-prototypes.py "$d/gen/asm/rmi_smc.h" \
			"$d/gen/asm/rmi_cmds.h" tests/kunit/rmi_cmds_cases.h || rc=1
		result $rc "wrapper parameters $rev"

		# Every name the headers define is checked by a test.
		rc=0
		python3 tests/values/check-coverage.py "$d/gen/asm/rmi_smc.h" \
			"$d/gen/asm/rmi_cmds.h" || rc=1
		result $rc "names covered $rev"

		# The tests built and run on the build machine, as make
		# mutate runs them.
		rc=0
		sh tests/user/run.sh "$rev" "$d/gen" "$d/user" >"$d/user.log" 2>&1 || rc=1
		grep -v '^user: [0-9]* passed, 0 failed$' "$d/user.log" || true
		[ $rc -ne 0 ] || echo "check: $rev: $(tail -n 1 "$d/user.log")"
		result $rc "userspace run $rev"
	fi
	# fault.c is built only with fault injection (ARM64_RMI_FAIL_ALLOC),
	# which the check kernel does not have: compiled as if it were.
	cat >"$d/Kbuild" <<KBUILD
LINUXINCLUDE := -I\$(src)/gen \$(LINUXINCLUDE)
CFLAGS_fault.o := -DCONFIG_ARM64_RMI_FAIL_ALLOC
obj-m := rmi_check.o
obj-y := $extra
rmi_check-y := $objs
KBUILD
	rc=0
	# Compile only: no vmlinux to resolve symbols against.  An external
	# module build builds obj-y objects when named.
	for goal in modules $extra; do
		make -C "$K" O="$O" M="$d" $CROSS W=1 C=1 KBUILD_MODPOST_WARN=1 -j"$(nproc)" \
			$goal >>"$d/build.log" 2>&1 || rc=1
	done
	if grep -E ': (warning|error):' "$d/build.log"; then
		rc=1
	fi
	[ $rc -eq 0 ] || tail -n 20 "$d/build.log"
	result $rc "compile $rev"
done

# 3a. The upstream layout of 2.0-bet3 against the queued arm_rmm series and
# KVM's names (tests/compat/run.sh says what it checks).
step "upstream layout (tests/compat/run.sh)"
rc=0
sh tests/compat/run.sh "$K" "$O" "$CACHE/check/upstream-layout" || rc=1
result $rc "upstream layout"

# 4. Kernel style on the hand-written files, and on the generated headers of
# every revision: they are what reviewers read.
step "checkpatch --strict and kernel-doc"
rc=0
files=$(git ls-files '*.c' '*.h')
for rev in $revs; do
	files="$files $CACHE/check/$rev/gen/asm/rmi_smc.h $CACHE/check/$rev/gen/asm/rmi_cmds.h"
done
for f in $files; do
	"$K/scripts/checkpatch.pl" --strict --no-tree --quiet --show-types -f "$f" || rc=1
	out=$("$K/scripts/kernel-doc" -none -Wall "$f" 2>&1) || rc=1
	if [ -n "$out" ]; then
		echo "$out"
		rc=1
	fi
done
result $rc "checkpatch/kernel-doc"

step "reST documentation"
rc=0
for f in $(git ls-files 'Documentation/*.rst'); do
	/usr/bin/rst2html --halt=warning "$f" >/dev/null || rc=1
done
result $rc "documentation"

echo "check: $pass passed, $failed failed"
[ $failed -eq 0 ]
