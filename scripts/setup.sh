#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Install the Debian packages this project builds and tests with, and unpack
# Debian's linux-source-6.12 into a cache directory, as a git repository
# with one commit.  Idempotent: a second run only checks that everything is
# in place.
#
# Then, unless RMI_KUNIT_STACK=0, what the real Arm CCA stack needs
# (scripts/setup-stack.sh: QEMU 10 from bookworm-backports, the firmware's
# build tools).  Without them "make kunit" skips the stack runs, so their
# failure (offline) is reported, not fatal.
#
# Environment:
#   RMI_CACHE        where the kernel tree is unpacked (default: $HOME/.cache/rmi-gen)
#   RMI_KUNIT_STACK  0: do not install the stack's packages
set -eu

top=$(cd "$(dirname "$0")/.." && pwd -P)
. "$top/scripts/lib.sh"
CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
PKGS="linux-source-6.12 gcc-aarch64-linux-gnu qemu-system-arm sparse bc flex bison
libssl-dev libelf-dev python3 python3-docutils perl make gcc xz-utils util-linux
mawk gawk original-awk busybox git python3-ply python3-git python3-cbor2
python3-cryptography"

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing="$missing $p"
done
if [ -n "$missing" ]; then
	echo "setup: installing$missing"
	SUDO=
	[ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq \
		--no-install-recommends $missing
fi

tarball=$(ls /usr/src/linux-source-6.12*.tar.xz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "setup: no linux-source-6.12 tarball in /usr/src" >&2; exit 1; }
# The tree is a git repository with one commit, the base that "make
# export"'s series applies to (git am) and the worktrees of scripts/series.sh
# are made from.  The builds of the cache use it with O=: nothing writes
# into it, and a tree that is not clean any more (an edit, or the overlay
# an older make kunit left) is unpacked again.
stamp="$CACHE/linux.stamp"
# "git": the tree is a repository (older stamps name the tarball alone).
want="$tarball git"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] ||
   [ -n "$(git -C "$CACHE/linux" status --porcelain 2>&1 | head -n 1)" ]; then
	echo "setup: unpacking $tarball into $CACHE (a git repository, one commit)"
	# The worktrees of the old repository go with it.
	rm -rf "$CACHE/linux" "$CACHE/linux.tmp" "$CACHE/series"
	mkdir -p "$CACHE/linux.tmp"
	tar -xJf "$tarball" -C "$CACHE/linux.tmp" --strip-components=1
	git_one_commit "$CACHE/linux.tmp" "$(basename "$tarball" .tar.xz)"
	mv "$CACHE/linux.tmp" "$CACHE/linux"
	echo "$want" >"$stamp"
fi

if [ "${RMI_KUNIT_STACK:-1}" != 0 ]; then
	sh "$top/scripts/setup-stack.sh" ||
		echo "setup: the real stack's packages are not installed: make kunit will skip the stack runs" >&2
fi
