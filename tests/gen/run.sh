#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Generator tests.
#
# AWK names the awk to test (default awk): make check runs this with mawk,
# gawk, gawk --posix, original-awk and busybox awk.
#
# Every tests/gen/bad/*.rmi is a malformed description whose first line reads
# "# expect: <line>: <message>": the generator must fail with exactly
# "tests/gen/bad/<name>.rmi:<line>: <message>" on stderr, nothing on stdout.
# Then two mutations of the default description: a member moved to a free
# offset must move in the output with its static_assert, and a member moved
# onto its neighbour must be refused with the file and line of the member.
#
# Usage: tests/gen/run.sh [<outdir for the mutated header>]
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
gen=arch/arm64/tools/gen-rmi.awk
AWK=${AWK:-awk}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0

ok() {
	pass=$((pass + 1))
	echo "ok $((pass + fail)) - $1"
}

not_ok() {
	fail=$((fail + 1))
	echo "not ok $((pass + fail)) - $1"
	shift
	for l in "$@"; do
		echo "#   $l"
	done
}

for f in tests/gen/bad/*.rmi; do
	expect="$f:$(sed -n '1s/^# expect: //p' "$f")"
	for mode in smc cmds; do
		$AWK -v mode=$mode -f $gen "$f" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		got=$(cat "$tmp/err")
		if [ $rc -ne 0 ] && [ ! -s "$tmp/out" ] && [ "$got" = "$expect" ]; then
			ok "$f ($mode)"
		else
			not_ok "$f ($mode)" "exit status $rc, $(wc -c <"$tmp/out") bytes of output" \
				"expected: $expect" "got:      $got"
		fi
	done
done

# Every tests/gen/good/*.rmi must generate both headers, and each of its
# lines "# expect <mode>: <line>" must be a line of that header, exactly.
for f in tests/gen/good/*.rmi; do
	for mode in smc cmds; do
		$AWK -v mode=$mode -f $gen "$f" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		sed -n "s/^# expect $mode: //p" "$f" >"$tmp/expect"
		missing=
		while IFS= read -r l; do
			grep -Fqx -- "$l" "$tmp/out" || missing="$missing|$l"
		done <"$tmp/expect"
		if [ $rc -eq 0 ] && [ ! -s "$tmp/err" ] && [ -z "$missing" ]; then
			ok "$f ($mode, $(wc -l <"$tmp/expect") lines)"
		else
			not_ok "$f ($mode)" "exit status $rc, stderr: $(cat "$tmp/err")" \
				"lines missing from the output: $missing"
		fi
	done
done

# Mutation 1: rec_exit.ripas_value moved from 0x510 to 0x518, a free slot.
desc=arch/arm64/tools/rmi-2.0-bet1
sed 's/^Member	0x510	ripas_value	/Member	0x518	ripas_value	/' $desc >"$tmp/moved"
if cmp -s $desc "$tmp/moved"; then
	not_ok "mutation: move ripas_value" "the description has no ripas_value at 0x510"
elif $AWK -f $gen "$tmp/moved" >"$tmp/moved.h" &&
     grep -qx 'static_assert(offsetof(struct rec_exit, ripas_value) == 0x518);' "$tmp/moved.h"; then
	ok "mutation: moved member moves with its static_assert"
	if [ $# -ge 1 ]; then
		mkdir -p "$1/asm"
		cp "$tmp/moved.h" "$1/asm/rmi_smc.h"
		$AWK -v mode=cmds -f $gen "$tmp/moved" >"$1/asm/rmi_cmds.h"
	fi
else
	not_ok "mutation: move ripas_value" "no static_assert at 0x518 in the output"
fi

# Mutation 2: ripas_value moved onto ripas_top (0x508..0x50f).
sed 's/^Member	0x510	ripas_value	/Member	0x508	ripas_value	/' $desc >"$tmp/clash"
line=$(grep -n '^Member	0x508	ripas_value' "$tmp/clash" | cut -d: -f1)
expect="$tmp/clash:$line: member ripas_value at 0x508 overlaps the previous member, which ends at 0x510"
$AWK -f $gen "$tmp/clash" >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ] && [ ! -s "$tmp/out" ] && [ "$(cat "$tmp/err")" = "$expect" ]; then
	ok "mutation: clashing member refused with file:line"
else
	not_ok "mutation: clashing member" "expected: $expect" "got:      $(cat "$tmp/err")"
fi

echo "gen: $pass passed, $fail failed"
[ $fail -eq 0 ]
