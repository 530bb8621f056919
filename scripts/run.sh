#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# make run: a Realm created, run and destroyed on a real RMM.
#
# Sets up the machine, builds the real Arm CCA stack for the default
# revision (QEMU with FEAT_RME, TF-A, TF-RMM), a small kernel with rmi.ko
# in its initramfs (scripts/build-run.sh), and boots it.  The kernel's init
# loads rmi.ko, which finds and activates the RMM, creates a Realm, runs it
# until it powers off and tears it down; then unloads it and powers off.
# The module's report is printed as it comes; the exit status says whether
# every step worked and every granule came back.
#
# Usage: scripts/run.sh [ram_mb=N] [nr_recs=N]
#   the module parameters (default: those of module/rmi_main.c)
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

step()
{
	echo "run: $*"
}

for arg in "$@"; do
	case $arg in
	ram_mb=[0-9]*|nr_recs=[0-9]*) ;;
	*) echo "usage: $0 [ram_mb=N] [nr_recs=N]" >&2; exit 2 ;;
	esac
done

step "set-up (Debian packages, kernel tree, QEMU with FEAT_RME)"
sh "$top/scripts/setup.sh"
why=$(sh "$top/scripts/boot-stack.sh" --probe) ||
	{ echo "run: cannot boot the stack: $why" >&2; exit 1; }

step "the RMM of $rev (TF-RMM, built once, then cached)"
rmm=$(sh "$top/scripts/build-rmm.sh" "$rev") || {
	rc=$?
	[ $rc -ne 3 ] || echo "run: the firmware sources are not available" \
		"(scripts/stack-sources.sh says where they are looked for)" >&2
	exit 1
}

step "the kernel, rmi.ko and the initramfs"
image=$(sh "$top/scripts/build-run.sh" rmi.ko "$@")

step "TF-A with the RMM and the kernel"
bios=$(sh "$top/scripts/build-tfa.sh" "$rev" "$rmm" "$image")

console=$RUN/console.log
step "booting: QEMU $(qemu-system-aarch64 --version | sed -n '1s/.*version //p'), TF-A, TF-RMM, Linux; rmi-init loads /rmi.ko $*"
rc=0
sh "$top/scripts/boot-stack.sh" "$bios" "$console" \
	"${RMI_RUN_TIMEOUT:-300}" || rc=$?
grep -a '^\(\[[ 0-9.]*\] \)\?\(rmi\|rmi-init\|RMI\):\|WARNING:\|BUG:\|Oops\|Kernel panic' \
	"$console" | sed 's/^\[[ 0-9.]*\] //' || true
[ $rc -ne 124 ] || echo "run: QEMU timed out; console: $console"

if grep -aq 'rmi: done: every granule is back' "$console" &&
   grep -aq 'rmi-init: 1 loaded, 1 unloaded, 0 failed' "$console" &&
   ! grep -aq 'WARNING:\|BUG:\|Oops' "$console"; then
	step "passed: the Realm ran on the RMM and every granule came back (console: $console)"
	exit 0
fi
step "FAILED (console: $console)"
exit 1
