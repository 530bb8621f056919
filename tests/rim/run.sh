#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Tests of scripts/rmi-rim.py, the RIM and REM reference values:
#
#  1. tests/rim/derive.sh, which derives the expected values of the cases
#     from the specification's tables with bash and coreutils alone, still
#     prints what tests/rim/expected.txt holds;
#  2. tests/rim/test-rim.py: the tool computes those values, every measured
#     input moves the RIM and nothing else does, its command line, and the
#     load lists it refuses.
#
# Debian's Python, which has the Debian packages the tools use.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

grep -v '^#' tests/rim/expected.txt >"$tmp/expected"
if bash tests/rim/derive.sh >"$tmp/derived" && diff -u "$tmp/expected" "$tmp/derived"; then
	echo "ok - derive.sh derives tests/rim/expected.txt"
else
	echo "not ok - derive.sh derives tests/rim/expected.txt"
	fail=1
fi
/usr/bin/python3 tests/rim/test-rim.py || fail=1
[ $fail -eq 0 ] && echo "rim: passed" || echo "rim: FAILED"
exit $fail
