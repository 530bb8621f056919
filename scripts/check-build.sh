#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Prepare the kernel build that make check and make bench compile against:
# an arm64 defconfig build of the linux-source-6.12 tree that
# scripts/setup.sh unpacks, taken as far as modules_prepare, so that the
# headers, the tests and the wrappers build there as external modules
# without a kernel being built.  Done once, then kept.
#
# Usage: scripts/check-build.sh
#   prints the build directory, $RMI_CACHE/check-build.
# Environment: RMI_CACHE (see scripts/setup.sh).
set -eu

CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
K=$CACHE/linux
O=$CACHE/check-build
CROSS="ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-"

if [ ! -f "$O/scripts/mod/modpost" ] || [ ! -f "$O/.config" ]; then
	echo "check-build: preparing an arm64 build of linux-source-6.12 in $O" >&2
	mkdir -p "$O"
	make -s -C "$K" O="$O" $CROSS defconfig >&2
	make -s -C "$K" O="$O" $CROSS -j"$(nproc)" modules_prepare >&2
fi
echo "$O"
