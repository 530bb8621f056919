#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Print "PASSED FAILED FOUND" from the output of kunit.py (run or parse):
# the counts of its last "Testing complete. Ran N tests: ..." line, crashed
# and errors counted as failed, and FOUND, the number of such lines (0 when
# no test result was parsed).  Used by scripts/kunit.sh and scripts/run.sh.
#
# Usage: scripts/kunit-counts.sh LOG
set -eu

[ $# -eq 1 ] || { echo "usage: $0 LOG" >&2; exit 2; }
sed -n 's/\x1b\[[0-9;]*m//g; s/.*Testing complete\. Ran [0-9]* tests*:* *//p' "$1" |
tail -n 1 | awk -F', *' '
	{ for (i = 1; i <= NF; i++) { split($i, kv, ": *"); n[kv[1]] = kv[2] } }
	END { print n["passed"] + 0, n["failed"] + n["crashed"] + n["errors"] + 0,
		  NR }'
