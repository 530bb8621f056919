#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build the TF-RMM of one RMI revision for QEMU's virt machine.
#
# Usage: scripts/build-rmm.sh REV
#   REV: 2.0-bet1 or 1.0-rel0 (which TF-RMM: scripts/stack-sources.sh).
#   Prints the path of rmm.img, $RMI_CACHE/stack/rmm-<commit:12>/rmm.img.
#
# Rebuilt only when an input changes: the stamp holds the hash of the
# source tree's inputs, of the options and of this script.
#
# Options, and why (../shared/reference/rme-stack.md): Release, because a
# Debug RMM stops at the first RMI_FEATURES on an assertion that the PMU is
# at least PMUv3p7 (QEMU's -cpu max has PMUv3p5); /usr/bin/python3 because
# the image scripts need Debian's python3-pyelftools, and another python3
# first in PATH (pyenv, a virtualenv) would miss it: CMake is told, and
# /usr/bin goes first in PATH for the scripts run as "env python3".
#
# Environment:
#   RMI_CACHE                cache directory
#   RMI_RMM_IMG_<REV>        e.g. RMI_RMM_IMG_2_0_BET1=/path/rmm.img: use
#                            that image, build nothing
#   RMI_RMM_SRC_<REV>        a TF-RMM source tree (a git repository with its
#                            ext/ submodules) to build instead of the pinned
#                            one; built in place, every time (CMake and
#                            ninja skip what is up to date)
#   RMI_STACK_JOBS           parallel jobs (default: 2)
#
# Exit status: 0, 3 when the sources are unavailable, 1 on a build error.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd -P)
. "$top/scripts/stack-sources.sh"
[ $# -eq 1 ] || { echo "usage: $0 REV" >&2; exit 2; }
rev=$1
stack_rev "$rev" || { echo "build-rmm: no stack for revision $rev" >&2; exit 2; }
RMI_CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
JOBS=${RMI_STACK_JOBS:-2}
var=$(stack_var "$rev")

img=$(eval echo "\${RMI_RMM_IMG_$var:-}")
if [ -n "$img" ]; then
	[ -f "$img" ] || { echo "build-rmm: RMI_RMM_IMG_$var=$img does not exist" >&2; exit 1; }
	echo "$img"
	exit 0
fi

OPTS="-G Ninja -DRMM_CONFIG=qemu_virt_defcfg -DCMAKE_BUILD_TYPE=Release
-DPython3_EXECUTABLE=/usr/bin/python3"

src=$(eval echo "\${RMI_RMM_SRC_$var:-}")
if [ -n "$src" ]; then
	out=$src/build-rmi-qemu
	stamp=
else
	rc=0
	src=$(sh "$top/scripts/stack-src.sh" tf-rmm "$STACK_RMM_COMMIT") || rc=$?
	[ $rc -eq 0 ] || exit $rc
	out=$RMI_CACHE/stack/rmm-$(stack_short "$STACK_RMM_COMMIT")
	stamp=$out.stamp
	want=$({ cat "$src.stamp"; echo "$OPTS"; cat "$0"; } | sha256sum | cut -d' ' -f1)
	if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -f "$out/rmm.img" ]; then
		echo "$out/rmm.img"
		exit 0
	fi
	rm -rf "$out" "$stamp"
fi

echo "build-rmm: building TF-RMM $rev in $out" >&2
mkdir -p "$out"
log=$out.log
PATH=/usr/bin:$PATH
export PATH
if ! { CROSS_COMPILE=aarch64-linux-gnu- cmake -S "$src" -B "$out/build" $OPTS &&
       cmake --build "$out/build" -j "$JOBS"; } >"$log" 2>&1; then
	tail -n 30 "$log" >&2
	echo "build-rmm: failed, see $log" >&2
	exit 1
fi
cp "$out/build/Release/rmm.img" "$out/rmm.img"
[ -z "$stamp" ] || echo "$want" >"$stamp"
echo "$out/rmm.img"
