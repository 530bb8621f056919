# SPDX-License-Identifier: GPL-2.0-only
#
# The real Arm CCA stack that "make kunit" also runs the KUnit suites on:
# every version, upstream URL and commit, in this one place.  Sourced (not
# run) by scripts/setup-stack.sh, stack-src.sh, build-rmm.sh, build-tfa.sh,
# kunit.sh and bench.sh.  Documentation/arch/arm64/rmi-kunit.rst points here.
#
# The sources are third-party code and never go into the project: the
# scripts unpack the pinned tarballs of $RMI_VENDOR_DIR (default
# ../shared/vendor from the repository root), named <name>-<commit:12>.tar.xz
# with one top-level directory <name>/, or, when a tarball is absent, clone
# the upstream URL at the same commit.  What each piece is, and how the
# stack boots: ../shared/reference/rme-stack.md.

# QEMU with FEAT_RME emulation (-cpu max,x-rme=on): Debian 12's own 7.2
# has none; bookworm-backports has 10.0.x.
STACK_QEMU_SUITE=bookworm-backports
STACK_QEMU_PKG=qemu-system-arm
STACK_QEMU_MIN_MAJOR=9

# Debian packages the firmware builds need besides the kernel's
# (gcc-aarch64-linux-gnu comes from setup.sh).
STACK_BUILD_PKGS="cmake ninja-build python3-pyelftools device-tree-compiler
libc6-dev-arm64-cross git"

# One source per line: name, full commit, upstream URL.  The name is the
# tarball's stem and top-level directory; ext/<name> in TF-RMM for the
# libraries.
STACK_SOURCES='
tf-a     6a164dda7208d3f2c0a5c4a1681db5ec37532bf5 https://github.com/ARM-software/arm-trusted-firmware
tf-rmm   6c7b2a9bb7ad9c7b0c4b3c0673decde3f9a03784 https://github.com/TF-RMM/tf-rmm
tf-rmm   13a82ef5f3bbe4181c8c73a898b6ccdd61e12dae https://github.com/TF-RMM/tf-rmm
mbedtls  107ea89daaefb9867ea9121002fbbdf926780e98 https://github.com/Mbed-TLS/mbedtls
t_cose   117159b95608ce236bd69e6384e1319d7a212107 https://github.com/laurencelundblade/t_cose
qcbor    92d3f89030baff4af7be8396c563e6c8ef263622 https://github.com/laurencelundblade/QCBOR
libspdm  5ebe5e3946b9439928fa3a7548268c29cccc1b16 https://github.com/DMTF/libspdm
spdm-emu 8528ec237824dae97b8db64faadfe216d55eaf6f https://github.com/DMTF/spdm-emu
'

# TF-A: the EL3 monitor with the RMM dispatcher, master of 2026-08-20.
STACK_TFA_COMMIT=6a164dda7208d3f2c0a5c4a1681db5ec37532bf5

# The libraries TF-RMM builds in (ext/<name>): both TF-RMM commits record
# exactly these submodule commits.  ext/cpputest and ext/minicoro are for
# the host build only.
STACK_RMM_EXT="mbedtls t_cose qcbor libspdm spdm-emu"

# Which TF-RMM and which TF-A options, per RMI revision the project
# describes.  Sets STACK_RMM_COMMIT and STACK_TFA_FLAGS; returns 1 for a
# revision with no stack.
stack_rev()
{
	case $1 in
	2.0-bet1)
		# Reports "v0.9.0"; RMI 2.0, RMM-EL3 interface 2.0.
		STACK_RMM_COMMIT=6c7b2a9bb7ad9c7b0c4b3c0673decde3f9a03784
		STACK_TFA_FLAGS=
		;;
	1.0-rel0)
		# tf-rmm-v0.8.0: RMI 1.0, the RMM-EL3 interface TF-A speaks
		# with RMM_V1_COMPAT=1.
		STACK_RMM_COMMIT=13a82ef5f3bbe4181c8c73a898b6ccdd61e12dae
		STACK_TFA_FLAGS=RMM_V1_COMPAT=1
		;;
	*)
		return 1
		;;
	esac
}

# Print the upstream URL of source $1 at commit $2.
stack_url()
{
	echo "$STACK_SOURCES" | awk -v n="$1" -v c="$2" '$1 == n && $2 == c { print $3; exit }'
}

# The short form of commit $1 that names tarballs, trees and build
# directories: its first 12 hex digits.
stack_short()
{
	echo "$1" | cut -c1-12
}

# The variable-name form of a revision: 2.0-bet1 -> 2_0_BET1.
stack_var()
{
	echo "$1" | tr 'a-z.-' 'A-Z__'
}

# The directory of the pinned tarballs: $RMI_VENDOR_DIR, else ../shared/vendor
# beside the repository root $1, else beside the main checkout when $1 is
# a git worktree of it (git worktree add puts those elsewhere).
stack_vendor_dir()
{
	if [ -n "${RMI_VENDOR_DIR:-}" ]; then
		echo "$RMI_VENDOR_DIR"
		return
	fi
	d=$1/../shared/vendor
	if [ ! -d "$d" ]; then
		common=$(git -C "$1" rev-parse --path-format=absolute \
			 --git-common-dir 2>/dev/null) || common=
		case $common in
		*/.git) [ ! -d "${common%/.git}/../shared/vendor" ] ||
			d=${common%/.git}/../shared/vendor ;;
		esac
	fi
	echo "$d"
}
