#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench: what the RMI wrappers and the RMI library cost, printed as
# Markdown tables and written to bench/results.md with the command and the
# commit that made them.  Not part of make test.  The method:
# Documentation/arch/arm64/rmi-bench.rst.
#
#  1. Wrapper cost: every rmi_*() wrapper of every described revision,
#     out of line, in instructions (scripts/bench-wrappers.py), against the
#     kernel build make check prepares ($RMI_CACHE/check-build).
#  2. Calls per Realm, under the model of the RMM: the KUnit suite
#     rmi_bench (scripts/kunit.sh with RMI_KUNIT_BENCH=1).
#  3. Calls per Realm and timings on the real RMM: rmi.ko bench=1 booted
#     on the stack of make run (QEMU with FEAT_RME, TF-A, TF-RMM).
#  4. The tables, with the bounds: scripts/bench-report.py.
#
# Without the stack (no QEMU with FEAT_RME, no firmware sources, or
# RMI_BENCH_STACK=0) step 3 is skipped and the report says so.
#
# Environment:
#   RMI_CACHE              cache directory (default: $HOME/.cache/rmi-gen)
#   RMI_BENCH_STACK        0: skip the real stack
#   RMI_BENCH_TIMEOUT      seconds the stack's boot may take (default: 900)
set -eu

top=$(cd "$(dirname "$0")/.." && pwd -P)
RMI_CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
export RMI_CACHE
OUT=$RMI_CACHE/bench
rev=$(cat "$top/arch/arm64/tools/default-revision")
start=$(date +%s)

step()
{
	echo "bench: $* ($(($(date +%s) - start))s)"
}

mkdir -p "$OUT"
step "set-up"
sh "$top/scripts/setup.sh" >/dev/null
step "the kernel build make check prepares"
sh "$top/scripts/check-build.sh" >/dev/null

step "1. wrapper cost, every revision"
python3 "$top/scripts/bench-wrappers.py" "$OUT" >"$OUT/wrappers.md"

step "2. calls per Realm under the model (KUnit suite rmi_bench)"
model_log=$RMI_CACHE/kunit/bench-build/test.log
rm -f "$model_log"
rc=0
RMI_KUNIT_BENCH=1 RMI_KUNIT_STACK=0 RMI_KUNIT_FILTER= \
	sh "$top/scripts/kunit.sh" >"$OUT/kunit.out" 2>&1 || rc=$?
tail -n 1 "$OUT/kunit.out"
[ $rc -eq 0 ] || { echo "bench: the rmi_bench suite failed: $OUT/kunit.out" >&2; exit 1; }

console=$OUT/stack-console.log
rm -f "$console"
if [ "${RMI_BENCH_STACK:-1}" = 0 ]; then
	step "3. real stack: skipped (RMI_BENCH_STACK=0)"
elif ! why=$(sh "$top/scripts/boot-stack.sh" --probe); then
	step "3. real stack: skipped: $why"
elif ! rmm=$(sh "$top/scripts/build-rmm.sh" "$rev"); then
	step "3. real stack: skipped: the RMM of $rev did not build or has no sources"
else
	step "3. real stack: rmi.ko bench=1 (kernel, then TF-A with it)"
	image=$(sh "$top/scripts/build-run.sh" rmi.ko bench=1)
	bios=$(sh "$top/scripts/build-tfa.sh" "$rev" "$rmm" "$image")
	step "3. real stack: booting QEMU $(qemu-system-aarch64 --version |
		sed -n '1s/.*version //p'), TF-A, TF-RMM, Linux"
	rc=0
	sh "$top/scripts/boot-stack.sh" "$bios" "$console" \
		"${RMI_BENCH_TIMEOUT:-900}" || rc=$?
	[ $rc -ne 124 ] || echo "bench: QEMU timed out; console: $console"
	grep -a 'rmi-bench: \(done\|FAILED\)\|rmi-bench: .*failed\|skipped' "$console" |
		sed 's/^\[[ 0-9.]*\] //' || true
fi

step "4. report"
dirty=
[ -z "$(git -C "$top" status --porcelain --untracked-files=no 2>/dev/null)" ] ||
	dirty=" (dirty: uncommitted changes to tracked files)"
mkdir -p "$top/bench"
python3 "$top/scripts/bench-report.py" \
	--command "make bench" \
	--commit "$(git -C "$top" rev-parse HEAD 2>/dev/null || echo unknown)$dirty" \
	--wrappers "$OUT/wrappers.md" --model "$model_log" --stack "$console" \
	--stack-info "$(. "$top/scripts/stack-sources.sh" && stack_rev "$rev" &&
		echo "TF-RMM $(stack_short "$STACK_RMM_COMMIT"), TF-A $(stack_short "$STACK_TFA_COMMIT")")" \
	>"$top/bench/results.md"
cat "$top/bench/results.md"
step "written to bench/results.md"
