#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-only
#
# The expected RIMs of the cases in tests/rim/cases, and the expected REM 0,
# derived without scripts/rmi-rim.py: every structure is written out byte
# by byte with bash's printf, head and dd, from the tables of DEN0137
# 1.0-rel0, and hashed with coreutils' sha256sum and sha512sum.
#
#   RmiRealmParams (B4.4.12): flags 0x0 (8 bytes), s2sz 0x8, sve_vl 0x10,
#     num_bps 0x18, num_wps 0x20, pmu_num_ctrs 0x28, hash_algo 0x30 (one
#     byte each), the rest of the 4096 bytes zero (B4.3.9.4: only these are
#     copied into the measured structure; rpv is not).
#   RmiRecParams (B4.4.19): flags 0x0, pc 0x200, gprs[0..7] 0x300 (8 bytes
#     each), the rest zero (B4.3.12.4; mpidr is not copied).
#   RmmMeasurementDescriptorData (C1.11), 256 bytes: desc_type 0 at 0x0,
#     len 0x100 at 0x8, rim at 0x10 (64 bytes), ipa 0x50, flags 0x58,
#     content 0x60 (64 bytes: H(granule) if flags.measure, else zero).
#   RmmMeasurementDescriptorRec (C1.12): desc_type 1, len, rim, content
#     at 0x50 (H(measured RmiRecParams)).
#   RmmMeasurementDescriptorRipas (C1.13): desc_type 2, len, rim, base at
#     0x50, top at 0x58, one per RTT entry (B3.46).
#   A RIM shorter than 64 bytes is zero-extended (B4.3.1.4 step 4).
#   REM 0 = H(REM 0 before, the hash's size of zero bytes || 32-byte value)
#     (TF-RMM's RSI_MEASUREMENT_EXTEND, app_do_extend).
#
# The program of the cases: "rmi-rim test program\n" repeated, 5000 bytes.
# Prints "<case> <rim hex>" per case and "rem0-sha-256 <hex>",
# "rem0-sha-512 <hex>": what tests/rim/expected.txt holds.
set -eu

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prog=$tmp/program
yes 'rmi-rim test program' | head -c 5000 >"$prog"

# The hash of the case, set by each case: sha256 or sha512.
algo=sha256

H() { "${algo}sum" | cut -d' ' -f1; }
zeros() { head -c "$1" /dev/zero; }
byte() { printf "\\x$(printf %02x "$1")"; }
le64() {
	local i
	for i in 0 1 2 3 4 5 6 7; do
		byte $(( ($1 >> (8 * i)) & 0xff ))
	done
}
hexbytes() { printf "$(echo -n "$1" | sed 's/../\\x&/g')"; }
# A measurement in hex, as the 64 bytes of a descriptor's field.
m64() {
	hexbytes "$1"
	zeros $((64 - ${#1} / 2))
}
# 8 bytes: one byte and seven zero bytes (a UInt8 field in a 64-bit slot).
u8slot() {
	byte "$1"
	zeros 7
}

# flags s2sz sve_vl num_bps num_wps pmu_num_ctrs hash_algo
realm_init() {
	{
		le64 "$1"
		u8slot "$2"; u8slot "$3"; u8slot "$4"; u8slot "$5"
		u8slot "$6"; u8slot "$7"
		zeros $((4096 - 0x38))
	} | H
}

# rim ipa src flags
data() {
	local content=
	if [ "$4" -eq 1 ]; then
		content=$({ dd if="$prog" bs=4096 skip=$(($3 / 4096)) count=1 2>/dev/null
			   zeros 4096; } | head -c 4096 | H)
	fi
	{
		byte 0; zeros 7; le64 256; m64 "$1"
		le64 "$2"; le64 "$4"; m64 "$content"
		zeros $((256 - 0xa0))
	} | H
}

# rim flags pc x0 .. x7
rec() {
	local rim=$1 flags=$2 pc=$3 content g
	shift 3
	content=$({
		le64 "$flags"; zeros $((0x200 - 8))
		le64 "$pc"; zeros $((0x300 - 0x208))
		for g in "$@"; do le64 "$g"; done
		zeros $((4096 - 0x340))
	} | H)
	{
		byte 1; zeros 7; le64 256; m64 "$rim"; m64 "$content"
		zeros $((256 - 0x90))
	} | H
}

# rim base top size: one descriptor per entry
ripas() {
	local rim=$1 base=$2
	while (( base < $3 )); do
		rim=$({
			byte 2; zeros 7; le64 256; m64 "$rim"
			le64 "$base"; le64 $((base + $4))
			zeros $((256 - 0x60))
		} | H)
		base=$((base + $4))
	done
	echo "$rim"
}

# sha256-basic and sha512-basic: the RIPAS line is not measured (RMI 2.0);
# REC 1 is not runnable, not measured.
for a in 256 512; do
	algo=sha$a
	r=$(realm_init 0 33 0 1 1 0 $((a == 512)))
	r=$(data "$r" 0 0 1)
	r=$(data "$r" 4096 4096 1)
	r=$(rec "$r" 1 0 1 0x400000 0 0 0 0 0 0)
	echo "sha$a-basic $r"
done

# rules-1.0: four level-3 entries of RIPAS RAM measured first.
algo=sha256
r=$(realm_init 0 33 0 1 1 0 0)
r=$(ripas "$r" 0 0x4000 4096)
r=$(data "$r" 0 0 1)
r=$(rec "$r" 1 0 1 0x400000 0 0 0 0 0 0)
echo "rules-1.0 $r"

# fields: every measured Realm parameter set, an unmeasured granule first.
r=$(realm_init 2 40 3 5 3 31 0)
r=$(data "$r" 0x5000 0x1000 0)
r=$(data "$r" 0 0 1)
r=$(rec "$r" 1 0x40 7 6 5 4 3 2 1 -1)
echo "fields $r"

value='arm64 RMI realm program REM0 v1.'
for a in 256 512; do
	algo=sha$a
	echo "rem0-sha-$a $({ zeros $((a / 8)); printf '%s' "$value"; } | H)"
done
