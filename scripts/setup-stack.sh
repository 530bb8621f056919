#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Install what the real Arm CCA stack needs (scripts/stack-sources.sh):
# QEMU 10 from Debian bookworm-backports, for its FEAT_RME emulation, and
# the packages TF-RMM and TF-A build with.  Called by scripts/setup.sh.
#
# Idempotent and quick once done: apt is run only when a package is
# missing.  The backports suite is added from the same Debian archive the
# machine already uses (read from apt's sources), so a mirror or snapshot
# configured there is honoured.  Pinning: backports has priority 100, so
# only the packages installed with -t bookworm-backports come from it.
#
# Debian's own qemu-system-arm 7.2 is replaced; plain KUnit runs under
# QEMU 10 just as well.
#
# Exit status: 0 when everything is in place, 1 when apt failed (offline):
# the caller then runs without the stack.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
. "$top/scripts/stack-sources.sh"

SUDO=
[ "$(id -u)" -eq 0 ] || SUDO=sudo
LIST=/etc/apt/sources.list.d/rmi-$STACK_QEMU_SUITE.sources

installed()
{
	dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'ok installed'
}

# The installed QEMU's major version, 0 if none.
qemu_major()
{
	v=$(dpkg-query -W -f='${Version}' "$STACK_QEMU_PKG" 2>/dev/null) || v=
	v=${v#*:}
	echo "${v%%.*}" | sed 's/[^0-9].*//; s/^$/0/'
}

# The URI of the Debian archive that serves the release apt already uses,
# from one-line (.list) or deb822 (.sources) entries.
debian_mirror()
{
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -f "$f" ] || continue
		# deb [options] URI suite components
		awk '{ sub(/\[[^]]*\][ \t]*/, "") }
		     $1 == "deb" && $3 == "bookworm" { print $2; exit }' "$f"
	done
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# One deb822 stanza per paragraph.
		awk 'BEGIN { RS = ""; FS = "\n" }
		{
			uri = ""; deb = 0; suite = 0
			for (i = 1; i <= NF; i++) {
				if ($i ~ /^Types:.*(^|[ \t])deb([ \t]|$)/) deb = 1
				if ($i ~ /^URIs:/) { split($i, u, /[ \t]+/); uri = u[2] }
				if ($i ~ /^Suites:/ && $i ~ /[ \t]bookworm([ \t]|$)/) suite = 1
			}
			if (deb && suite && uri != "") { print uri; exit }
		}' "$f"
	done
}

missing=
for p in $STACK_BUILD_PKGS; do
	installed "$p" || missing="$missing $p"
done
need_qemu=0
[ "$(qemu_major)" -ge "$STACK_QEMU_MIN_MAJOR" ] || need_qemu=1
[ -n "$missing" ] || [ $need_qemu -eq 1 ] || exit 0

if [ $need_qemu -eq 1 ] &&
   ! grep -rqs "$STACK_QEMU_SUITE" /etc/apt/sources.list /etc/apt/sources.list.d/; then
	mirror=$(debian_mirror | head -n 1)
	if [ -z "$mirror" ]; then
		echo "setup-stack: no Debian bookworm archive in apt's sources;" \
		     "add $STACK_QEMU_SUITE by hand" >&2
		exit 1
	fi
	echo "setup-stack: adding $STACK_QEMU_SUITE from $mirror to $LIST"
	keyring=/usr/share/keyrings/debian-archive-keyring.gpg
	{
		echo "# Added by the RMI project's scripts/setup-stack.sh: QEMU with FEAT_RME."
		echo "Types: deb"
		echo "URIs: $mirror"
		echo "Suites: $STACK_QEMU_SUITE"
		echo "Components: main"
		[ ! -f "$keyring" ] || echo "Signed-By: $keyring"
	} >"$LIST.tmp"
	$SUDO mv "$LIST.tmp" "$LIST"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || { echo "setup-stack: apt-get update failed" >&2; exit 1; }
if [ -n "$missing" ]; then
	echo "setup-stack: installing$missing"
	$SUDO apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends $missing ||
		{ echo "setup-stack: could not install$missing" >&2; exit 1; }
fi
if [ $need_qemu -eq 1 ]; then
	echo "setup-stack: installing $STACK_QEMU_PKG from $STACK_QEMU_SUITE"
	$SUDO apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends \
		-t "$STACK_QEMU_SUITE" "$STACK_QEMU_PKG" ||
		{ echo "setup-stack: could not install $STACK_QEMU_PKG from $STACK_QEMU_SUITE" >&2; exit 1; }
fi
