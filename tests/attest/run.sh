#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Tests of scripts/rmi-attest.py, the check of a Realm's attestation token
# against the reference values (tests/attest/test-attest.py: synthetic
# tokens signed with keys made for the test, each check passing and
# failing).  Debian's Python, which has python3-cbor2 and
# python3-cryptography (scripts/setup.sh).
set -u

top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 1
if /usr/bin/python3 tests/attest/test-attest.py; then
	echo "attest: passed"
else
	echo "attest: FAILED"
	exit 1
fi
