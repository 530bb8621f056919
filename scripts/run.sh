#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# make run: a Realm created, run and destroyed on a real RMM.
# make module-test (run.sh --test): the KUnit suites as a module there.
#
# Sets up the machine, builds the real Arm CCA stack for the default
# revision (QEMU with FEAT_RME, TF-A, TF-RMM), a small kernel with the
# modules in its initramfs (scripts/build-run.sh), and boots it.  The
# kernel's init loads one module, unloads it and powers off.
#
# run.sh [ram_mb=N] [nr_recs=N] [hash=sha256|sha512]
#   rmi.ko, with these parameters: it finds and activates the RMM, builds a
#   Realm of the Realm program (module/realm), runs its RECs until it
#   powers off and tears it down.  What the Realm printed ("realm:") and
#   the module's report are shown; then scripts/rmi-attest.py checks the
#   Realm's attestation token against the load list rmi.ko printed.
#   Passes when the Realm passed every step, the token matches (challenge,
#   signature, RIM, REM, RPV) and rmi.ko says every granule is back.
# run.sh --test
#   rmi_test.ko: passes when kunit.py parses its KTAP with no failure; then,
#   in a second boot, what run.sh runs with its defaults, counted as one
#   more test.  The last line is "module-test: N passed, N failed".
#   Without the firmware sources it says so and passes, as make kunit's
#   stack runs do.
#
# Both fail when the module does not load and unload cleanly, or the kernel
# prints a WARNING, BUG, Oops or panic.
#
# Environment:
#   RMI_CACHE              cache directory (default: $HOME/.cache/rmi-gen)
#   RMI_RUN_TIMEOUT        seconds the boot may take (default: 300)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd -P)
RMI_CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
export RMI_CACHE
rev=$(cat "$top/arch/arm64/tools/default-revision")
RUN=$RMI_CACHE/run

if [ "${1:-}" = --test ]; then
	[ $# -eq 1 ] || { echo "usage: $0 --test" >&2; exit 2; }
	shift
	tag=module-test
	module=rmi_test.ko
else
	tag=run
	module=rmi.ko
	for arg in "$@"; do
		case $arg in
		ram_mb=[0-9]*|nr_recs=[0-9]*|hash=sha256|hash=sha512) ;;
		*) echo "usage: $0 [ram_mb=N] [nr_recs=N] [hash=sha256|sha512] | --test" >&2
		   exit 2 ;;
		esac
	done
fi
console=$RUN/$tag.console

step()
{
	echo "$tag: $*"
}

fail()
{
	step "FAILED: $*"
	[ $tag = run ] || step "0 passed, 1 failed"
	exit 1
}

step "set-up (Debian packages, kernel tree, QEMU with FEAT_RME)"
sh "$top/scripts/setup.sh"
why=$(sh "$top/scripts/boot-stack.sh" --probe) || fail "cannot boot the stack: $why"

step "the RMM of $rev (TF-RMM, built once, then cached)"
rc=0
rmm=$(sh "$top/scripts/build-rmm.sh" "$rev") || rc=$?
if [ $rc -eq 3 ] && [ $tag = module-test ]; then
	step "skipped: the firmware sources are not available" \
	     "(scripts/stack-sources.sh says where they are looked for)"
	exit 0
fi
[ $rc -ne 3 ] || fail "the firmware sources are not available" \
	"(scripts/stack-sources.sh says where they are looked for)"
[ $rc -eq 0 ] || fail "the RMM did not build"

step "the kernel, the modules and the initramfs"
image=$(sh "$top/scripts/build-run.sh" $module "$@") || fail "the kernel or the modules did not build"
step "TF-A with the RMM and the kernel"
bios=$(sh "$top/scripts/build-tfa.sh" "$rev" "$rmm" "$image") || fail "TF-A did not build"

step "booting: QEMU $(qemu-system-aarch64 --version | sed -n '1s/.*version //p'), TF-A, TF-RMM, Linux; rmi-init loads /$module $*"
rc=0
sh "$top/scripts/boot-stack.sh" "$bios" "$console" "${RMI_RUN_TIMEOUT:-300}" || rc=$?
[ $rc -ne 124 ] || step "QEMU timed out"

failed=0
if [ $tag = run ]; then
	# The report and the token as hex are for rmi-attest.py, not to read.
	grep -a '^\(\[[ 0-9.]*\] \)\?\(rmi\|rmi-init\|RMI\|realm\|realm\[[0-9]*\]\):' "$console" |
		sed 's/^\[[ 0-9.]*\] //' | grep -v '^rmi: \(report\|token\): ' || true
	grep -aq 'rmi: done: every granule is back' "$console" || failed=1
	step "attestation: scripts/rmi-attest.py checks the token against the load list"
	/usr/bin/python3 "$top/scripts/rmi-attest.py" "$console" \
		"$RUN/src/module/realm/realm.bin" || failed=$((failed + 1))
else
	# The kernel prints an empty KTAP plan at boot (no built-in suites):
	# parse from the module's load on.
	log=$RUN/$tag.log
	sed -n '/rmi-init: loading/,$p' "$console" >"$console.module"
	(cd "$RMI_CACHE/linux" &&
	 python3 tools/testing/kunit/kunit.py parse "$console.module") >"$log" 2>&1 || true
	sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -v '\[PASSED\]' | tail -n 14
	set -- $(sh "$top/scripts/kunit-counts.sh" "$log")
	pass=$1 failed=$2
	[ "$3" -gt 0 ] || { step "no test results on the console"; failed=$((failed + 1)); }
	grep -a 'rmi-init:' "$console" | sed 's/^\[[ 0-9.]*\] //'
fi
if ! grep -aq 'rmi-init: 1 loaded, 1 unloaded, 0 failed' "$console"; then
	step "$module did not load and unload cleanly"
	failed=$((failed + 1))
fi
if grep -a 'WARNING:\|BUG:\|Oops\|Kernel panic' "$console"; then
	step "the kernel reported a problem (above)"
	failed=$((failed + 1))
fi

step "console: $console"
if [ $tag = module-test ]; then
	# The Realm program too, as make run runs it, one more test: a boot
	# of its own, as rmi_test.ko's rmi_real activates the RMM and checks
	# what it answers before (activation is once a boot).
	step "the Realm program and its attestation (scripts/run.sh, defaults)"
	rc=0
	sh "$0" >"$RUN/module-test-run.log" 2>&1 || rc=$?
	sed 's/^/  /' "$RUN/module-test-run.log"
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1))
	else
		failed=$((failed + 1))
	fi
	step "$pass passed, $failed failed"
elif [ $failed -eq 0 ]; then
	step "passed: the Realm ran on the RMM and every granule came back"
else
	step "FAILED"
fi
[ $failed -eq 0 ]
