#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Generate <asm/rmi_smc.h> and <asm/rmi_cmds.h> for one described revision.
#
# Usage: scripts/gen-headers.sh <revision> <outdir>
#   writes <outdir>/asm/rmi_smc.h and <outdir>/asm/rmi_cmds.h from
#   arch/arm64/tools/rmi-<revision>.  Files are replaced only when the
#   generator succeeds and their content changes.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
[ $# -eq 2 ] || { echo "usage: $0 <revision> <outdir>" >&2; exit 2; }
rev=$1
out=$2
desc="$top/arch/arm64/tools/rmi-$rev"
gen="$top/arch/arm64/tools/gen-rmi.awk"
[ -f "$desc" ] || {
	echo "$0: no description arch/arm64/tools/rmi-$rev" >&2
	echo "described revisions: $(cd "$top/arch/arm64/tools" && ls rmi-* | sed 's/^rmi-//' | tr '\n' ' ')" >&2
	exit 2
}

mkdir -p "$out/asm"
for mode in smc cmds; do
	dst="$out/asm/rmi_$mode.h"
	tmp="$dst.tmp.$$"
	# Run from the top so that error messages name the description's path.
	if ! (cd "$top" && ${AWK:-awk} -v mode="$mode" -f arch/arm64/tools/gen-rmi.awk \
	      "arch/arm64/tools/rmi-$rev") >"$tmp"; then
		rm -f "$tmp"
		exit 1
	fi
	if cmp -s "$tmp" "$dst"; then
		rm -f "$tmp"
	else
		mv "$tmp" "$dst"
	fi
done
