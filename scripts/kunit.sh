#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Run the project's KUnit tests (tests/kunit) on arm64 under QEMU, once per
# RMM specification revision, in the kernel tree unpacked by scripts/setup.sh;
# then the same kernel again on the real Arm CCA stack (QEMU with FEAT_RME,
# TF-A, the TF-RMM of that revision: scripts/stack-sources.sh).
#
# Arguments: [REV...]  revisions to test (default: every described revision,
#                      arch/arm64/tools/rmi-*, the default revision first:
#                      2.0-bet1 1.0-rel0 2.0-bet3), or
#            --revert  remove the overlay from the kernel tree.
# "make kunit" runs this script; "make kunit RMI_REV=REV" tests one revision.
#
# For each revision: generate the headers into $RMI_CACHE/kunit/gen-REV,
# overlay the project onto the kernel tree (symlinks to those headers and to
# tests/kunit, one-line hooks at the end of drivers/firmware/Kconfig and
# drivers/firmware/Makefile), then run kunit.py.  All revisions share one
# build directory, so switching revision only rebuilds the test objects.
# The overlay stays in place between runs; --revert restores the tree byte
# for byte (originals are saved in $RMI_CACHE/kunit/overlay).
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
#                      (default: 300)
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
K=$RMI_CACHE/linux
WORK=$RMI_CACHE/kunit
STATE=$WORK/overlay
BUILD=$WORK/build
BENCH=${RMI_KUNIT_BENCH:-0}
[ "$BENCH" != 1 ] || BUILD=$WORK/bench-build
TIMEOUT=${RMI_KUNIT_TIMEOUT:-3600}
STACK_TIMEOUT=${RMI_KUNIT_STACK_TIMEOUT:-300}
# At most two jobs: the machines are shared.
JOBS=$(nproc)
[ "$JOBS" -le 2 ] || JOBS=2

TESTDIR=drivers/firmware/arm_rmi_test
HEADERS="rmi_smc.h rmi_cmds.h"
HOOKS="drivers/firmware/Kconfig drivers/firmware/Makefile"
# The RMI library (default revision only): linked in, built from
# arch/arm64/Kbuild, configured from arch/arm64/kvm/Kconfig.
LIBDIR=arch/arm64/kvm/rmi
LIBLINKS="$LIBDIR arch/arm64/include/asm/rmi.h"
HOOKS="$HOOKS arch/arm64/kvm/Kconfig arch/arm64/Kbuild"

die()
{
	echo "kunit: $*" >&2
	exit 1
}

# The line appended to a hooked file of the kernel tree.
hook_line()
{
	case $1 in
	arch/arm64/kvm/Kconfig)	echo "source \"$LIBDIR/Kconfig\"" ;;
	arch/arm64/Kbuild)	echo "obj-\$(CONFIG_ARM64_RMI) += kvm/rmi/" ;;
	*/Kconfig)	echo "source \"$TESTDIR/Kconfig\"" ;;
	*/Makefile)	echo "obj-\$(CONFIG_RMI_KUNIT_TEST) += ${TESTDIR##*/}/" ;;
	esac
}

# Append the hook to $K/$1 unless it is there; save the original first.
hook_add()
{
	line=$(hook_line "$1")
	grep -qxF "$line" "$K/$1" && return 0
	mkdir -p "$STATE/orig/${1%/*}"
	cp -p "$K/$1" "$STATE/orig/$1"
	printf '%s\n' "$line" >>"$K/$1"
}

# Remove the hook from $K/$1.  If the file is the saved original followed
# only by lines naming the test directory (our hook, or the hook of another
# version of this script), restore the original; else delete the hook line.
hook_del()
{
	line=$(hook_line "$1")
	orig=$STATE/orig/$1
	if [ -f "$orig" ] && [ -f "$K/$1" ]; then
		n=$(wc -c <"$orig")
		if head -c "$n" "$K/$1" | cmp -s - "$orig" &&
		   ! tail -c +"$((n + 1))" "$K/$1" |
		     grep -qvF -e "${TESTDIR##*/}" -e "kvm/rmi"; then
			cp -p "$orig" "$K/$1"
			rm -f "$orig"
			return 0
		fi
	fi
	if [ -f "$K/$1" ] && grep -qxF "$line" "$K/$1"; then
		echo "kunit: $1 changed since the hook was added;" \
		     "removing the hook line only" >&2
		grep -vxF "$line" "$K/$1" >"$STATE/tmp" || true
		cat "$STATE/tmp" >"$K/$1"
		rm -f "$STATE/tmp"
	fi
	rm -f "$orig"
}

# Make $K/$1 a symlink to $2.  A file that is not a symlink is moved aside
# and put back by link_del.  Returns 0 if the link was created or changed.
link_set()
{
	if [ -L "$K/$1" ]; then
		[ "$(readlink "$K/$1")" = "$2" ] && return 1
		rm -f "$K/$1"
	elif [ -e "$K/$1" ]; then
		mkdir -p "$STATE/orig/${1%/*}"
		mv "$K/$1" "$STATE/orig/$1"
	fi
	ln -s "$2" "$K/$1"
}

# Remove the symlink $K/$1 and put back what link_set moved aside.
link_del()
{
	[ -L "$K/$1" ] && rm -f "$K/$1"
	if [ -e "$STATE/orig/$1" ] || [ -L "$STATE/orig/$1" ]; then
		[ -e "$K/$1" ] || mv "$STATE/orig/$1" "$K/$1"
	fi
	return 0
}

aborted()
{
	echo "kunit: aborted"
	echo "kunit: $total_pass passed, $((total_fail + 1)) failed"
	exit 1
}

revert()
{
	[ -d "$K" ] || return 0
	mkdir -p "$STATE"
	for h in $HEADERS; do
		link_del "arch/arm64/include/asm/$h"
	done
	link_del "$TESTDIR"
	for l in $LIBLINKS; do
		link_del "$l"
	done
	for f in $HOOKS; do
		hook_del "$f"
	done
	rm -rf "$STATE"
}

# Generate the headers of revision $1 into $WORK/gen-$1.  A header whose
# content did not change keeps its timestamp, so nothing is rebuilt.
generate()
{
	gen=$WORK/gen-$1
	rm -rf "$gen.tmp"
	mkdir -p "$gen.tmp" "$gen/asm" || return 1
	sh "$REPO/scripts/gen-headers.sh" "$1" "$gen.tmp" || return 1
	[ -f "$gen.tmp/asm/rmi_smc.h" ] ||
		{ echo "kunit: gen-headers.sh wrote no asm/rmi_smc.h" >&2; return 1; }
	for h in $HEADERS; do
		if [ ! -f "$gen.tmp/asm/$h" ]; then
			rm -f "$gen/asm/$h"
		elif ! cmp -s "$gen.tmp/asm/$h" "$gen/asm/$h"; then
			mv -f "$gen.tmp/asm/$h" "$gen/asm/$h" || return 1
		fi
	done
	rm -rf "$gen.tmp"
}

# Overlay the project onto the kernel tree for revision $1.
apply()
{
	mkdir -p "$STATE"
	for h in $HEADERS; do
		path=arch/arm64/include/asm/$h
		target=$WORK/gen-$1/asm/$h
		if [ ! -f "$target" ]; then
			link_del "$path"
		elif link_set "$path" "$target"; then
			# The build saw another file through this link: make the
			# objects that include it older than the header.
			touch "$target"
		fi
	done
	if link_set "$TESTDIR" "$REPO/tests/kunit"; then
		# Another checkout: its files may be older than the objects.
		rm -rf "$BUILD/$TESTDIR"
	fi
	for l in $LIBLINKS; do
		link_set "$l" "$REPO/$l" && rm -rf "$BUILD/$LIBDIR"
	done
	for f in $HOOKS; do
		hook_add "$f"
	done
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
	if ! generate "$rev"; then
		echo "kunit: $rev: header generation failed"
		total_fail=$((total_fail + 1))
		status=1
		return 0
	fi
	apply "$rev"

	[ -f "$BUILD/vmlinux" ] ||
		echo "kunit: no kernel built yet in $BUILD: the first build takes minutes"
	# The library implements the default revision only.
	extra=
	[ "$rev" = "$(cat "$REPO/arch/arm64/tools/default-revision")" ] ||
		extra="--kconfig_add CONFIG_ARM64_RMI=n --kconfig_add CONFIG_RMI_LIB_KUNIT_TEST=n"
	# Two CPUs, so that rmi_smp's RECs run at once; 3 GiB, for the 1 GiB
	# Realm of rmi_hostile_big_teardown, whose granules are real pages;
	# a soft lockup reported after two seconds without a scheduling
	# point (watchdog_thresh=1).
	set -- --kunitconfig="$REPO/tests/kunit/.kunitconfig" \
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
		cd "$K" &&
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
		cd "$K" &&
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
	if [ "${1:-}" = --revert ]; then
		[ $# -eq 1 ] || die "usage: $0 --revert"
		revert
		echo "kunit: overlay removed from $K"
		return 0
	fi
	for rev in "$@"; do
		case $rev in
		''|-*|*[!A-Za-z0-9._-]*) die "usage: $0 [--revert | REV...]" ;;
		esac
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
	stack_check
	for rev in "$@"; do
		run_rev "$rev"
	done

	trap - EXIT
	echo "kunit: $total_pass passed, $total_fail failed"
	return $status
}

mkdir -p "$WORK"
# One run at a time per cache: the overlay and the build directory are shared.
if [ -z "${RMI_KUNIT_LOCKED:-}" ] && command -v flock >/dev/null; then
	flock -n "$WORK/lock" true ||
		echo "kunit: waiting for another run to release $WORK/lock"
	RMI_KUNIT_LOCKED=1
	export RMI_KUNIT_LOCKED
	exec flock "$WORK/lock" sh "$0" "$@"
fi
main "$@"
