#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# make check: fast static checks, a few minutes at most after set-up.
#
#  1. The committed generated headers are what the generator makes now.
#  2. Generator tests: malformed descriptions and mutations (tests/gen/run.sh),
#     and the 1.0-rel0 description against the text of the specification.
#  3. The headers of every described revision, and a mutated one, compile for
#     arm64 against linux-source-6.12 with W=1 and sparse, with no warning;
#     the compatibility checks against the v14/v12 series headers and the
#     KUnit suites with them; for the default revision, the RMI library
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
O=$CACHE/check-build
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

# 1. Generated files are up to date.
step "generated headers are up to date"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sh scripts/gen-headers.sh "$(cat arch/arm64/tools/default-revision)" "$tmp"
rc=0
for h in rmi_smc.h rmi_cmds.h; do
	if ! diff -u "arch/arm64/include/asm/$h" "$tmp/asm/$h" >"$tmp/$h.diff"; then
		echo "check: arch/arm64/include/asm/$h differs from the generator's output:"
		head -n 40 "$tmp/$h.diff"
		echo "check: run 'make gen' and commit the result"
		rc=1
	fi
done
result $rc "generated headers"

# 2. Generator tests.
step "generator tests"
rc=0
sh tests/gen/run.sh "$tmp/mutated" >"$tmp/gen.log" || rc=1
grep -v '^ok ' "$tmp/gen.log" || true
result $rc "generator tests"

# 2b. The 1.0-rel0 description against the specification's own text.
step "1.0-rel0 description against the DEN0137 1.0-rel0 text"
rc=0
python3 tests/spec/den0137-1.0-rel0.py || rc=1
result $rc "description against the spec"

# 3. Compile every revision for arm64, W=1, sparse.
if [ ! -f "$O/scripts/mod/modpost" ] || [ ! -f "$O/.config" ]; then
	step "preparing an arm64 build of linux-source-6.12 in $O"
	# The KUnit overlay hooks the tree's Kconfig; configure without it.
	sh scripts/kunit.sh --revert
	mkdir -p "$O"
	make -s -C "$K" O="$O" $CROSS defconfig
	make -s -C "$K" O="$O" $CROSS -j"$(nproc)" modules_prepare
fi
revs=$(cd arch/arm64/tools && ls rmi-* | sed 's/^rmi-//')
for rev in $revs mutated; do
	step "compile headers: $rev (W=1, sparse)"
	d=$CACHE/check/$rev
	rm -rf "$d"
	mkdir -p "$d"
	if [ "$rev" = mutated ]; then
		cp -r "$tmp/mutated" "$d/gen"
	else
		sh scripts/gen-headers.sh "$rev" "$d/gen"
	fi
	objs="rmi_headers.o rmi_smc_only.o"
	cp tests/build/rmi_headers.c tests/build/rmi_smc_only.c "$d/"
	case $rev in
	2.0-bet1) series=v14 ;;
	1.0-rel0) series=v12 ;;
	*) series= ;;
	esac
	if [ -n "$series" ]; then
		for f in tests/compat/${series}_*.c; do
			cp "$f" "$d/"
			objs="$objs $(basename "$f" .c).o"
		done
	fi
	if [ "$rev" != mutated ]; then
		# The KUnit suites too, with sparse, which the KUnit build
		# does not run.  The RMI library (arch/arm64/kvm/rmi) and its
		# suites implement the default revision only.
		suites=$(cd tests/kunit && ls *.c)
		if [ "$rev" = "$(cat arch/arm64/tools/default-revision)" ]; then
			cp arch/arm64/kvm/rmi/*.[ch] "$d/"
			cp arch/arm64/include/asm/rmi.h "$d/gen/asm/"
			objs="$objs $(cd arch/arm64/kvm/rmi && ls *.c | sed 's/\.c$/.o/' | tr '\n' ' ')"
		else
			suites=$(cd tests/kunit && grep -L 'rmi_model\.h\|rmi_lib\.h' *.c)
		fi
		cp tests/kunit/*.[ch] "$d/"
		objs="$objs $(echo "$suites" | sed 's/\.c$/.o/' | tr '\n' ' ')"

		# Every wrapper of the revision has a packing case in the
		# KUnit suite, under the revision macro the generator chose.
		macro=$(sed -n 's/^#define[[:space:]]*\(RMI_SPEC_REVISION_[A-Z0-9_]*\)[[:space:]].*/\1/p' \
			"$d/gen/asm/rmi_smc.h")
		sed -n 's/^static inline .* rmi_\([a-z0-9_]*\)(.*/\1/p' "$d/gen/asm/rmi_cmds.h" |
			sort >"$d/wrappers"
		sed -n "/^#ifdef $macro\$/,/^#endif/s/^RMI_CMD(\([a-z0-9_]*\),.*/\1/p" \
			tests/kunit/rmi_cmds_cases.h | sort >"$d/cases"
		if diff -u "$d/wrappers" "$d/cases" >"$d/cases.diff"; then
			echo "check: $rev: $(wc -l <"$d/wrappers") wrappers, each with a packing case"
			result 0 "packing cases $rev"
		else
			echo "check: wrappers (-) without a packing case, cases (+) without a wrapper, $rev:"
			grep '^[-+][a-z]' "$d/cases.diff"
			result 1 "packing cases $rev"
		fi
	fi
	cat >"$d/Kbuild" <<KBUILD
LINUXINCLUDE := -I\$(src)/gen \$(LINUXINCLUDE)
obj-m := rmi_check.o
rmi_check-y := $objs
KBUILD
	rc=0
	# Compile only: no vmlinux to resolve symbols against.
	make -C "$K" O="$O" M="$d" $CROSS W=1 C=1 KBUILD_MODPOST_WARN=1 -j"$(nproc)" modules \
		>"$d/build.log" 2>&1 || rc=1
	if grep -E ': (warning|error):' "$d/build.log"; then
		rc=1
	fi
	[ $rc -eq 0 ] || tail -n 20 "$d/build.log"
	result $rc "compile $rev"
done

# 4. Kernel style on the hand-written files, and on the generated headers of
# every revision: they are what reviewers read.
step "checkpatch --strict and kernel-doc"
rc=0
files=$(git ls-files '*.c' '*.h' | grep -v '^arch/arm64/include/asm/rmi_\(smc\|cmds\)\.h$' || true)
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
