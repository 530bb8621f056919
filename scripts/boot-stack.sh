#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Boot a firmware image of the real Arm CCA stack under QEMU and capture the
# console.
#
# Usage: scripts/boot-stack.sh BIOS LOG [TIMEOUT]
#        scripts/boot-stack.sh --probe
#   BIOS: qemu_fw.bios from scripts/build-tfa.sh (TF-A, the RMM, the kernel)
#   LOG: the console output is written there
#   TIMEOUT: seconds before QEMU is stopped (default: 300)
#   --probe: exit 0 if QEMU emulates FEAT_RME (-cpu max,x-rme=on), else
#            print why not and exit 1
#
# Exit status: QEMU's (0 after the kernel powered off or, with panic=-1,
# reset), 124 on timeout.
#
# The machine (../shared/reference/rme-stack.md): EL3 and EL2 on, GICv3,
# no ACPI (TF-A hands the kernel QEMU's DTB).  Two CPUs, so that RECs run
# at the same time on two (the RMM warm-boots each).  3 GiB, the most: TF-A tells
# the RMM that DRAM ends at 4 GiB, and pages above it cannot be delegated.
# -nic none: the backported QEMU otherwise aborts looking for
# efi-virtio.rom.  -no-reboot: a reset ends QEMU.  No -kernel or -append:
# the kernel is BL33 inside the FIP, with its command line built in.
#
# Environment:
#   RMI_QEMU   the QEMU binary (default: qemu-system-aarch64)
set -eu

QEMU=${RMI_QEMU:-qemu-system-aarch64}
MACHINE="-M virt,virtualization=on,secure=on,gic-version=3,acpi=off
-cpu max,x-rme=on -m 3G -smp 2"

if [ "${1:-}" = --probe ]; then
	command -v "$QEMU" >/dev/null || { echo "no $QEMU"; exit 1; }
	# Start the machine stopped (-S) and quit at once from the monitor.
	# shellcheck disable=SC2086
	if out=$(echo quit | timeout 20 "$QEMU" $MACHINE -display none -nodefaults \
		 -nic none -monitor stdio -S 2>&1); then
		exit 0
	fi
	echo "$("$QEMU" --version | head -n 1) has no FEAT_RME emulation:" \
	     "$(echo "$out" | grep -v '^QEMU\|^(qemu)' | head -n 1)"
	exit 1
fi

[ $# -ge 2 ] && [ $# -le 3 ] || { echo "usage: $0 BIOS LOG [TIMEOUT] | --probe" >&2; exit 2; }
bios=$1
log=$2
[ -f "$bios" ] || { echo "boot-stack: no $bios" >&2; exit 1; }
rc=0
# shellcheck disable=SC2086
timeout "${3:-300}" "$QEMU" $MACHINE -nographic -no-reboot -nic none \
	-bios "$bios" </dev/null >"$log" 2>&1 || rc=$?
exit $rc
