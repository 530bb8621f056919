#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# make module-test: the KUnit suites as a module (rmi_test.ko, root Kbuild)
# loaded into a kernel booted on the real stack of the default revision,
# as "make run" loads rmi.ko: the same kernel, firmware and init.
#
# Passes when kunit.py parses the suites' KTAP from the console with no
# failure, the module loaded and unloaded cleanly, and the console has no
# WARNING, BUG, Oops or panic.  The last line is
# "module-test: N passed, N failed".
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
console=$RUN/module-test.console
log=$RUN/module-test.log

fail()
{
	echo "module-test: $*"
	echo "module-test: 0 passed, 1 failed"
	exit 1
}

sh "$top/scripts/setup.sh"
why=$(sh "$top/scripts/boot-stack.sh" --probe) || fail "cannot boot the stack: $why"
rc=0
rmm=$(sh "$top/scripts/build-rmm.sh" "$rev") || rc=$?
if [ $rc -eq 3 ]; then
	# As make kunit's stack runs: without the firmware sources there is
	# no real RMM to test against.
	echo "module-test: skipped: the firmware sources are not available" \
	     "(scripts/stack-sources.sh says where they are looked for)"
	exit 0
fi
[ $rc -eq 0 ] || fail "the RMM of $rev did not build"
image=$(sh "$top/scripts/build-run.sh" rmi_test.ko) || fail "the kernel or the modules did not build"
bios=$(sh "$top/scripts/build-tfa.sh" "$rev" "$rmm" "$image") || fail "TF-A did not build"

echo "module-test: booting the stack of $rev; rmi-init loads /rmi_test.ko"
rc=0
sh "$top/scripts/boot-stack.sh" "$bios" "$console" "${RMI_RUN_TIMEOUT:-300}" || rc=$?
[ $rc -ne 124 ] || echo "module-test: QEMU timed out; console: $console"
# The kernel prints an empty KTAP plan at boot (no built-in suites): parse
# from the module's load on.
sed -n '/rmi-init: loading/,$p' "$console" >"$console.module"
(cd "$RMI_CACHE/linux" && python3 tools/testing/kunit/kunit.py parse "$console.module") \
	>"$log" 2>&1 || true
grep -v '\[PASSED\]' "$log" | sed 's/\x1b\[[0-9;]*m//g' | tail -n 12

set -- $(sed -n 's/\x1b\[[0-9;]*m//g; s/.*Testing complete\. Ran [0-9]* tests*:* *//p' "$log" |
	tail -n 1 | awk -F', *' '
		{ for (i = 1; i <= NF; i++) { split($i, kv, ": *"); n[kv[1]] = kv[2] } }
		END { print n["passed"] + 0, n["failed"] + n["crashed"] + n["errors"] + 0, NR }')
pass=$1 failed=$2 found=$3
grep -a 'rmi-init:' "$console" | sed 's/^\[[ 0-9.]*\] //'
if [ "$found" -eq 0 ]; then
	echo "module-test: no test results on the console ($console)"
	failed=$((failed + 1))
fi
if ! grep -aq 'rmi-init: 1 loaded, 1 unloaded, 0 failed' "$console"; then
	echo "module-test: rmi_test.ko did not load and unload cleanly"
	failed=$((failed + 1))
fi
if grep -a 'WARNING:\|BUG:\|Oops\|Kernel panic' "$console"; then
	echo "module-test: the kernel reported a problem (above)"
	failed=$((failed + 1))
fi
echo "module-test: console $console, KTAP $log"
echo "module-test: $pass passed, $failed failed"
[ "$failed" -eq 0 ]
