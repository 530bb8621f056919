#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Tests of the Realm program (module/realm), on the build machine:
#
#  1. it builds for arm64 with its Kbuild flags (module/realm/realm.mk),
#     -Wall -Wextra -Werror, links at IPA 0 and becomes a flat image;
#  2. the image holds what running with the MMU off needs
#     (check-image.py: entry points, layout, no exclusive, atomic or FP/SIMD
#     instruction, no offset that breaks alignment);
#  3. the same C, built for the build machine with ASan and UBSan, runs
#     every step against a fake RMM and host (fake-rmm.c): a run per
#     scenario, the contract kept or broken one way, each checked for the
#     report, the console and the calls the program made.
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0

if make -s -f tests/realm/Makefile O="$tmp" >"$tmp/build.log" 2>&1; then
	echo "ok - the Realm program and its host test build without warnings"
else
	cat "$tmp/build.log"
	echo "not ok - the Realm program and its host test build without warnings"
	exit 1
fi
/usr/bin/python3 tests/realm/check-image.py "$tmp/realm.elf" "$tmp/realm.bin" || fail=1
"$tmp/realm-host-test" || fail=1
[ $fail -eq 0 ] && echo "realm: passed" || echo "realm: FAILED"
exit $fail
