#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build TF-A for QEMU's virt machine with RME, the RMM of one RMI revision
# and a Linux kernel as BL33: the firmware image QEMU boots with -bios.
#
# Usage: scripts/build-tfa.sh REV RMM_IMG KERNEL_IMAGE
#   REV: 2.0-bet1 or 1.0-rel0 (TF-A options: scripts/stack-sources.sh).
#   Prints the path of qemu_fw.bios (BL1, then the FIP at 256 KiB).
#
# TF-A does not notice changed options, so each option set has a build
# directory of its own (BUILD_BASE=$RMI_CACHE/stack/tfa-REV), emptied when
# the stamp of its inputs (sources, options, RMM image, this script)
# changes.  The kernel is BL33 inside the FIP: when only the kernel changed
# (its own stamp), only the fip and qemu_fw.bios steps run, in seconds.
#
# DEBUG=0: a debug BL31 stops during RMM init on "Unexpected bits ... set
# in register" unless ENABLE_ASSERTIONS=0 (../shared/reference/rme-stack.md).
#
# Environment:
#   RMI_CACHE        cache directory
#   RMI_TFA_SRC      a TF-A source tree to build instead of the pinned one,
#                    in $RMI_CACHE/stack/tfa-REV-custom; make runs every time
#   RMI_STACK_JOBS   parallel jobs (default: 2)
#
# Exit status: 0, 3 when the sources are unavailable, 1 on a build error.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd -P)
. "$top/scripts/stack-sources.sh"
[ $# -eq 3 ] || { echo "usage: $0 REV RMM_IMG KERNEL_IMAGE" >&2; exit 2; }
rev=$1
rmm=$2
image=$3
stack_rev "$rev" || { echo "build-tfa: no stack for revision $rev" >&2; exit 2; }
RMI_CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
JOBS=${RMI_STACK_JOBS:-2}
[ -f "$rmm" ] || { echo "build-tfa: no RMM image $rmm" >&2; exit 1; }
[ -f "$image" ] || { echo "build-tfa: no kernel image $image" >&2; exit 1; }

if [ -n "${RMI_TFA_SRC:-}" ]; then
	src=$RMI_TFA_SRC
	srcid="$src $(git -C "$src" describe --always --dirty 2>/dev/null || echo unknown)"
else
	rc=0
	src=$(sh "$top/scripts/stack-src.sh" tf-a "$STACK_TFA_COMMIT") || rc=$?
	[ $rc -eq 0 ] || exit $rc
	srcid=$(cat "$src.stamp")
fi

# A tree of the user's has a build directory of its own: switching to it
# and back does not throw the pinned build away.
bb=$RMI_CACHE/stack/tfa-$rev${RMI_TFA_SRC:+-custom}
out=$bb/qemu/release
MAKEARGS="CROSS_COMPILE=aarch64-linux-gnu- PLAT=qemu DEBUG=0 ENABLE_RME=1
QEMU_USE_GIC_DRIVER=QEMU_GICV3 ARM_LINUX_KERNEL_AS_BL33=1 $STACK_TFA_FLAGS"
want=$({ echo "$srcid"; echo "$MAKEARGS"; sha256sum <"$rmm"; cat "$0"; } |
	sha256sum | cut -d' ' -f1)
want_fip=$(sha256sum <"$image" | cut -d' ' -f1)

tfa_make()
{
	# shellcheck disable=SC2086
	make -C "$src" BUILD_BASE="$bb" $MAKEARGS RMM="$rmm" BL33="$image" \
		-j"$JOBS" "$@" >>"$bb.log" 2>&1 ||
		{ tail -n 30 "$bb.log" >&2; echo "build-tfa: failed, see $bb.log" >&2; exit 1; }
}

targets=
if [ ! -f "$bb.stamp" ] || [ "$(cat "$bb.stamp")" != "$want" ] ||
   [ ! -f "$out/qemu_fw.bios" ]; then
	echo "build-tfa: building TF-A for $rev in $bb" >&2
	rm -rf "$bb" "$bb.stamp" "$bb.fip-stamp"
	mkdir -p "$bb"
	targets="all fip"
elif [ -n "${RMI_TFA_SRC:-}" ]; then
	# The stamp cannot see edits in the user's tree: let make decide.
	targets="all fip"
elif [ "$(cat "$bb.fip-stamp" 2>/dev/null)" != "$want_fip" ]; then
	echo "build-tfa: new kernel: repacking the FIP of $rev" >&2
	targets="fip qemu_fw.bios"
fi
if [ -n "$targets" ]; then
	: >"$bb.log"
	# Make compares timestamps, and the kernel may be older than the FIP:
	# the images that hold it go first.
	rm -f "$out/qemu_fw.bios"
	[ "$(cat "$bb.fip-stamp" 2>/dev/null)" = "$want_fip" ] || rm -f "$out/fip.bin"
	# shellcheck disable=SC2086
	tfa_make $targets
	echo "$want" >"$bb.stamp"
	echo "$want_fip" >"$bb.fip-stamp"
fi
echo "$out/qemu_fw.bios"
