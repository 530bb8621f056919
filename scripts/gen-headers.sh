#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Generate the RMI headers of one described revision.
#
# Usage: scripts/gen-headers.sh [--layout asm|upstream] <revision> <outdir>
#   writes, from arch/arm64/tools/rmi-<revision>:
#   --layout asm (the default): <outdir>/asm/rmi_smc.h and
#     <outdir>/asm/rmi_cmds.h;
#   --layout upstream: <outdir>/linux/arm-smccc-rmi.h and
#     <outdir>/asm/rmi_cmds.h, the layout of the series queued for v7.4
#     (Documentation/arch/arm64/rmi-description.rst).
#   Files are replaced only when the generator succeeds and their content
#   changes.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
layout=asm
if [ $# -ge 1 ] && [ "$1" = --layout ]; then
	[ $# -ge 2 ] || { echo "$0: --layout needs asm or upstream" >&2; exit 2; }
	layout=$2
	shift 2
fi
case $layout in
asm)
	smc=asm/rmi_smc.h ;;
upstream)
	smc=linux/arm-smccc-rmi.h ;;
*)
	echo "$0: unknown layout '$layout' (asm or upstream)" >&2
	exit 2 ;;
esac
[ $# -eq 2 ] || { echo "usage: $0 [--layout asm|upstream] <revision> <outdir>" >&2; exit 2; }
rev=$1
out=$2
desc="$top/arch/arm64/tools/rmi-$rev"
[ -f "$desc" ] || {
	echo "$0: no description arch/arm64/tools/rmi-$rev" >&2
	echo "described revisions: $(cd "$top/arch/arm64/tools" && ls rmi-* | sed 's/^rmi-//' | tr '\n' ' ')" >&2
	exit 2
}

for mode in smc cmds; do
	if [ $mode = smc ]; then
		dst="$out/$smc"
	else
		dst="$out/asm/rmi_cmds.h"
	fi
	mkdir -p "$(dirname "$dst")"
	tmp="$dst.tmp.$$"
	# Run from the top so that error messages name the description's path.
	if ! (cd "$top" && ${AWK:-awk} -v mode="$mode" -v layout="$layout" \
	      -f arch/arm64/tools/gen-rmi.awk "arch/arm64/tools/rmi-$rev") >"$tmp"; then
		rm -f "$tmp"
		exit 1
	fi
	if cmp -s "$tmp" "$dst"; then
		rm -f "$tmp"
	else
		mv "$tmp" "$dst"
	fi
done
