#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the project's KUnit suites on arm64 under QEMU, once per RMM
# specification revision, in a Linux 6.12 tree with the project's patch
# series applied; then the same kernel again on the real Arm CCA stack (QEMU
# with FEAT_RME, TF-A, the TF-RMM of that revision:
# scripts/stack-sources.sh).
#
# Arguments: [REV...]  revisions to test (default: every described revision,
#                      arch/arm64/tools/rmi-*, the default revision first:
#                      2.0-bet1 1.0-rel0 2.0-bet3).
# "make kunit" runs this script; "make kunit RMI_REV=REV" tests one revision.
#
# The kernel tree is the series tree of scripts/series.sh: "make export"'s
# patches applied with git am to the pristine tree scripts/setup.sh
# unpacks, checked out in $RMI_CACHE/series/linux so that only the files a
# change touched are rewritten.  In it, for each revision, the stock
#
#   tools/testing/kunit/kunit.py run --arch=arm64 \
#	--cross_compile=aarch64-linux-gnu- \
#	--kunitconfig=arch/arm64/kvm/rmi/tests/.kunitconfig \
#	--kconfig_add CONFIG_ARM64_RMI_SPEC_<REV>=y
#
# (and, but for the default revision, without the RMI library and its
# suites, which implement the default revision only), with the stack's
# fragment tests/kunit/stack.kunitconfig.  All revisions share one build
# directory: switching revision regenerates the headers (the Kconfig
# choice names the description) and rebuilds what includes them.
#
# The stack run: build the revision's TF-RMM (scripts/build-rmm.sh) and a
# TF-A with the kernel kunit.py just built as BL33 (scripts/build-tfa.sh;
# only the FIP is redone when only the kernel changed), boot it
# (scripts/boot-stack.sh) and read the console's KTAP with "kunit.py
# parse".  The kernel takes its command line from CONFIG_CMDLINE
# (tests/kunit/stack.kunitconfig), as TF-A passes none.  The stack run is
# skipped, with the reason, when RMI_KUNIT_STACK=0, or when QEMU has no
# FEAT_RME or the firmware sources are neither in the vendor directory nor
# fetchable (scripts/stack-src.sh): "make kunit" passes without them.
#
# With the default revision, rmi_smp runs once more, under lockdep and
# KCSAN (tests/kunit/smp.kunitconfig: KCSAN excludes KASAN), in a build
# directory of its own, under plain QEMU with two CPUs.
#
# The last line printed is "kunit: N passed, N failed" (sum over the
# revisions and the runs, plain and stack).  The exit status is non-zero if
# any run failed; a run that produced no test results (build or boot
# failure) counts as one failed test.
#
# Environment:
#   RMI_CACHE          cache directory (default: $HOME/.cache/rmi-gen)
#   RMI_KUNIT_TIMEOUT  seconds allowed for one kunit.py run (default: 3600)
#   RMI_KUNIT_VERBOSE  1: print every line of kunit.py's output
#   RMI_KUNIT_FILTER   a suite glob (kunit.filter_glob), e.g. rmi_real: run
#                      only those suites, under plain QEMU and on the stack
#   RMI_KUNIT_STACK    0: skip the runs on the real stack
#   RMI_KUNIT_STACK_TIMEOUT  seconds allowed for one boot of the stack
#                      (default: 900)
#   RMI_KUNIT_BENCH    1: make bench's run instead (scripts/bench.sh): the
#                      rmi_bench suite, from tests/kunit/bench.kunitconfig,
#                      in its own build directory, with 3GiB of memory,
#                      default revision, plain QEMU only
#   RMI_VENDOR_DIR, RMI_RMM_IMG_<REV>, RMI_RMM_SRC_<REV>, RMI_TFA_SRC,
#   RMI_QEMU, RMI_STACK_JOBS: which firmware the stack runs, see
#                      scripts/build-rmm.sh, build-tfa.sh and boot-stack.sh
set -eu

REPO=$(cd "$(dirname "$0")/.." && pwd -P)
RMI_CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
export RMI_CACHE
WORK=$RMI_CACHE/kunit
BUILD=$WORK/build
BENCH=${RMI_KUNIT_BENCH:-0}
[ "$BENCH" != 1 ] || BUILD=$WORK/bench-build
TIMEOUT=${RMI_KUNIT_TIMEOUT:-3600}
STACK_TIMEOUT=${RMI_KUNIT_STACK_TIMEOUT:-900}
# At most two jobs: the machines are shared.
JOBS=$(nproc)
[ "$JOBS" -le 2 ] || JOBS=2
# Where the series puts tests/kunit.
TESTS=arch/arm64/kvm/rmi/tests

die()
{
	echo "kunit: $*" >&2
	exit 1
}

aborted()
{
	echo "kunit: aborted"
	echo "kunit: $total_pass passed, $((total_fail + 1)) failed"
	exit 1
}

# The reports of the kernel's checkers in a console log: KASAN, UBSAN,
# KCSAN, lockdep, sleeping in atomic context, and any BUG or WARNING.
REPORTS='BUG: |WARNING: |UBSAN:|KCSAN:|possible circular locking|possible recursive locking|inconsistent lock state|lock held when returning|suspicious RCU usage'

report_count()
{
	[ -f "$1" ] || { echo 0; return 0; }
	grep -cE "$REPORTS" "$1" || true
}

report_lines()
{
	grep -E "$REPORTS" "$1" | head -n 5 | sed 's/^/kunit:   /'
}

# Print the interesting part of a kunit.py output stream.
filter()
{
	if [ "${RMI_KUNIT_VERBOSE:-0}" = 1 ]; then
		cat
	else
		# Parametrised cases that passed are summed up by their parent.
		grep --line-buffered -v '^\[[0-9:]*\]  *\[PASSED\] ' || true
	fi
}

# Run the tests of revision $1; adds to $total_pass and $total_fail and
# sets $status to 1 on failure.
run_rev()
{
	rev=$1
	log=$WORK/kunit-$rev.log
	[ "$BENCH" != 1 ] || log=$WORK/bench-$rev.log
	echo "kunit: === $rev ==="
	: >"$log"
	[ -f "$BUILD/vmlinux" ] ||
		echo "kunit: no kernel built yet in $BUILD: the first build takes minutes"
	# The revision is a Kconfig choice; the library implements the
	# default revision only.
	extra="--kconfig_add CONFIG_ARM64_RMI_SPEC_$(echo "$rev" | tr 'a-z.-' 'A-Z__')=y"
	[ "$rev" = "$(cat "$REPO/arch/arm64/tools/default-revision")" ] ||
		extra="$extra --kconfig_add CONFIG_ARM64_RMI=n --kconfig_add CONFIG_RMI_LIB_KUNIT_TEST=n"
	# Two CPUs, so that rmi_smp's RECs run at once; 3 GiB, for the 1 GiB
	# Realm of rmi_hostile_big_teardown, whose granules are real pages;
	# a soft lockup reported after two seconds without a scheduling
	# point (watchdog_thresh=1).
	set -- --kunitconfig="$TESTS/.kunitconfig" \
		--kunitconfig="$WORK/stack.kunitconfig" \
		--qemu_args='-m 3072 -smp 2' --kernel_args=watchdog_thresh=1 \
		--timeout=1800
	if [ "$BENCH" = 1 ]; then
		# The 1GiB Realm's granules are real pages.
		set -- --kunitconfig="$REPO/tests/kunit/bench.kunitconfig" \
			--qemu_args='-m 3072' --timeout=1800
		kunit_filter=rmi_bench
	fi
	rm -f "$WORK/rc"
	{
		rc=0
		cd "$T" &&
		PYTHONUNBUFFERED=1 \
		timeout "$TIMEOUT" python3 tools/testing/kunit/kunit.py run \
			--arch=arm64 --cross_compile=aarch64-linux-gnu- "$@" \
			--build_dir="$BUILD" --jobs="$JOBS" $extra ${kunit_filter:+"$kunit_filter"} 2>&1 || rc=$?
		echo $rc >"$WORK/rc"
	} | tee "$log" | filter
	rc=$(cat "$WORK/rc" 2>/dev/null || echo 1)

	set -- $(sh "$REPO/scripts/kunit-counts.sh" "$log")
	pass=$1 fail=$2 found=$3
	# A report of a checker (KASAN, UBSAN, KCSAN, lockdep, sleeping in
	# atomic context, any BUG or WARNING) fails the run, whatever the
	# tests said.
	sanitizer=$(report_count "$BUILD/test.log")
	if [ "$sanitizer" -gt 0 ]; then
		echo "kunit: $rev: $sanitizer checker report(s), see $BUILD/test.log:"
		report_lines "$BUILD/test.log"
		fail=$((fail + sanitizer))
		rc=1
	fi
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		# A build or boot failure, or a crash the parser missed.
		[ "$found" -eq 0 ] &&
			echo "kunit: $rev: no test results, see $log"
		fail=1
	fi
	echo "kunit: $rev: $pass passed, $fail failed (log: $log)"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	[ "$rc" -eq 0 ] || status=1

	# The stack boots the kernel kunit.py built: only if it built.
	if [ "$BENCH" = 1 ]; then
		:
	elif grep -q 'Starting KUnit Kernel' "$log"; then
		run_stack "$rev"
	elif stack_wanted; then
		echo "kunit: $rev on the stack: not run, the kernel did not build"
	fi
}

# Is a stack run wanted at all?
stack_wanted()
{
	[ "${RMI_KUNIT_STACK:-1}" != 0 ]
}

# The stack's tools, checked once: sets $stack_skip to why the stack runs
# are skipped, or empty.
stack_check()
{
	stack_skip=
	if ! stack_wanted; then
		stack_skip="RMI_KUNIT_STACK=0"
	elif ! why=$(sh "$REPO/scripts/boot-stack.sh" --probe); then
		stack_skip="$why (scripts/setup-stack.sh installs QEMU 10 from bookworm-backports)"
	fi
}

# Build and boot the stack of revision $1 with the kernel just built, and
# count the results like run_rev.
run_stack()
{
	rev=$1
	log=$WORK/stack-$rev.log
	console=$WORK/stack-$rev.console
	echo "kunit: === $rev on the real stack ==="
	: >"$log"
	if ! (. "$REPO/scripts/stack-sources.sh" && stack_rev "$rev"); then
		# 2.0-bet3: no RMM of the pinned sources implements it.
		echo "kunit: $rev on the stack: not run: no pinned RMM implements $rev" \
		     "(scripts/stack-sources.sh)"
		return 0
	fi
	if [ -n "$stack_skip" ]; then
		echo "kunit: $rev on the stack: skipped: $stack_skip"
		return 0
	fi
	rc=0
	rmm=$(sh "$REPO/scripts/build-rmm.sh" "$rev") || rc=$?
	[ $rc -ne 0 ] || bios=$(sh "$REPO/scripts/build-tfa.sh" "$rev" "$rmm" \
		"$BUILD/arch/arm64/boot/Image") || rc=$?
	if [ $rc -eq 3 ]; then
		echo "kunit: $rev on the stack: skipped: the firmware sources are" \
		     "not in $(. "$REPO/scripts/stack-sources.sh" &&
			       stack_vendor_dir "$REPO") and could not be fetched"
		return 0
	elif [ $rc -ne 0 ]; then
		echo "kunit: $rev on the stack: the firmware did not build"
		total_fail=$((total_fail + 1))
		status=1
		return 0
	fi

	echo "kunit: booting $bios"
	rc=0
	sh "$REPO/scripts/boot-stack.sh" "$bios" "$console" "$STACK_TIMEOUT" || rc=$?
	[ $rc -ne 124 ] || echo "kunit: $rev on the stack: timed out after ${STACK_TIMEOUT}s"
	# Its exit status only repeats what the counts say.
	{
		cd "$T" &&
		python3 tools/testing/kunit/kunit.py parse "$console" 2>&1 || true
	} | tee "$log" | filter

	set -- $(sh "$REPO/scripts/kunit-counts.sh" "$log")
	pass=$1 fail=$2 found=$3
	sanitizer=$(report_count "$console")
	if [ "$sanitizer" -gt 0 ]; then
		echo "kunit: $rev on the stack: $sanitizer checker report(s), see $console:"
		report_lines "$console"
		fail=$((fail + sanitizer))
	fi
	if [ "$found" -eq 0 ] || { [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; }; then
		echo "kunit: $rev on the stack: no complete test results," \
		     "see $console"
		fail=$((fail + 1))
	fi
	echo "kunit: $rev on the stack: $pass passed, $fail failed" \
	     "(log: $log, console: $console)"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	[ "$fail" -eq 0 ] || status=1
}

# Is rmi_smp among the suites RMI_KUNIT_FILTER asks for?
smp_wanted()
{
	[ -z "$kunit_filter" ] && return 0
	# shellcheck disable=SC2194,SC2254
	case rmi_smp in
	$kunit_filter) return 0 ;;
	esac
	return 1
}

# rmi_smp under lockdep and KCSAN, which cannot be built with KASAN: the
# default revision, plain QEMU with two CPUs, a build directory of its own
# ($WORK/smp-build).  Counted like run_rev; any report is a failure.
run_smp()
{
	rev=$(cat "$REPO/arch/arm64/tools/default-revision")
	log=$WORK/smp-$rev.log
	build=$WORK/smp-build
	echo "kunit: === $rev: rmi_smp under lockdep and KCSAN ==="
	: >"$log"
	rm -f "$WORK/rc"
	{
		rc=0
		cd "$T" &&
		PYTHONUNBUFFERED=1 \
		timeout "$TIMEOUT" python3 tools/testing/kunit/kunit.py run \
			--arch=arm64 --cross_compile=aarch64-linux-gnu- \
			--kunitconfig="$TESTS/smp.kunitconfig" \
			--kconfig_add "CONFIG_ARM64_RMI_SPEC_$(echo "$rev" | tr 'a-z.-' 'A-Z__')=y" \
			--qemu_args='-m 2048 -smp 2' --timeout=1800 \
			--build_dir="$build" --jobs="$JOBS" 'rmi_smp*' 2>&1 || rc=$?
		echo $rc >"$WORK/rc"
	} | tee "$log" | filter
	rc=$(cat "$WORK/rc" 2>/dev/null || echo 1)
	set -- $(sh "$REPO/scripts/kunit-counts.sh" "$log")
	pass=$1 fail=$2 found=$3
	sanitizer=$(report_count "$build/test.log")
	if [ "$sanitizer" -gt 0 ]; then
		echo "kunit: rmi_smp: $sanitizer checker report(s), see $build/test.log:"
		report_lines "$build/test.log"
		fail=$((fail + sanitizer))
		rc=1
	fi
	if [ "$rc" -ne 0 ] && [ "$fail" -eq 0 ]; then
		[ "$found" -eq 0 ] && echo "kunit: rmi_smp: no test results, see $log"
		fail=1
	fi
	echo "kunit: $rev, lockdep and KCSAN: $pass passed, $fail failed (log: $log)"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
	[ "$fail" -eq 0 ] || status=1
}

# Every described revision, the default one first.
default_revisions()
{
	def=$(cat "$REPO/arch/arm64/tools/default-revision")
	echo "$def"
	for f in "$REPO"/arch/arm64/tools/rmi-*; do
		[ "${f##*/rmi-}" = "$def" ] || echo "${f##*/rmi-}"
	done
}

main()
{
	for rev in "$@"; do
		case $rev in
		''|-*|*[!A-Za-z0-9._-]*) die "usage: $0 [REV...]" ;;
		esac
		[ -f "$REPO/arch/arm64/tools/rmi-$rev" ] ||
			die "no description arch/arm64/tools/rmi-$rev"
	done
	[ $# -gt 0 ] || set -- $(default_revisions)
	[ "$BENCH" != 1 ] || set -- "$(cat "$REPO/arch/arm64/tools/default-revision")"

	total_pass=0
	total_fail=0
	status=0
	# Whatever stops the script, the closing line is printed.
	trap aborted EXIT

	# The stack's fragment, with the filter in the built-in command line
	# (plain QEMU gets it from kunit.py's -append).
	kunit_filter=
	if [ -n "${RMI_KUNIT_FILTER:-}" ]; then
		case $RMI_KUNIT_FILTER in
		*[!A-Za-z0-9_.*-]*) die "RMI_KUNIT_FILTER: a suite glob, e.g. rmi_real" ;;
		esac
		kunit_filter=$RMI_KUNIT_FILTER
	fi
	sed '/^CONFIG_CMDLINE=/s/"$/'"${RMI_KUNIT_FILTER:+ kunit.filter_glob=$RMI_KUNIT_FILTER}"'"/' \
		"$REPO/tests/kunit/stack.kunitconfig" >"$WORK/stack.kunitconfig.tmp"
	# Rewritten only on change: kunit.py compares the contents anyway.
	if cmp -s "$WORK/stack.kunitconfig.tmp" "$WORK/stack.kunitconfig"; then
		rm -f "$WORK/stack.kunitconfig.tmp"
	else
		mv "$WORK/stack.kunitconfig.tmp" "$WORK/stack.kunitconfig"
	fi

	sh "$REPO/scripts/setup.sh"
	# The kernel tree: the series applied (git am), at its last patch.
	if ! T=$(sh "$REPO/scripts/series.sh"); then
		echo "kunit: the patch series could not be exported or applied (above)"
		trap - EXIT
		echo "kunit: $total_pass passed, 1 failed"
		return 1
	fi
	stack_check
	for rev in "$@"; do
		run_rev "$rev"
	done
	# The concurrency run: with the default revision, when rmi_smp is
	# among the suites asked for.
	def=$(cat "$REPO/arch/arm64/tools/default-revision")
	case " $* " in
	*" $def "*)
		if [ "$BENCH" != 1 ] && smp_wanted; then
			run_smp
		fi ;;
	esac

	trap - EXIT
	echo "kunit: $total_pass passed, $total_fail failed"
	return $status
}

mkdir -p "$WORK"
# One run at a time per cache: the series tree and the build directory are
# shared.
if [ -z "${RMI_KUNIT_LOCKED:-}" ] && command -v flock >/dev/null; then
	flock -n "$WORK/lock" true ||
		echo "kunit: waiting for another run to release $WORK/lock"
	RMI_KUNIT_LOCKED=1
	export RMI_KUNIT_LOCKED
	exec flock "$WORK/lock" sh "$0" "$@"
fi
main "$@"
