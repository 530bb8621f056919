#!/usr/bin/awk -f
# SPDX-License-Identifier: GPL-2.0-only
#
# gen-rmi.awk: Arm CCA Realm Management Interface header generator
#
# Usage: awk -f gen-rmi.awk [-v mode=smc|cmds] [-v layout=asm|upstream]
#            arch/arm64/tools/rmi-<revision>
#
# mode=smc (default) prints <asm/rmi_smc.h>: function IDs, status codes,
# enumerations, bitfield masks and structures followed by static_assert()s on
# every member offset, member size and structure size.
# mode=cmds prints <asm/rmi_cmds.h>: one inline rmi_<command>() wrapper for
# every command whose registers are described.
#
# layout=upstream prints them as the series queued for v7.4 lays them out
# ("firmware: arm_rmm: Add RMM v2.0 base RMI support"): mode=smc as its
# <linux/arm-smccc-rmi.h>, and mode=cmds as <asm/rmi_cmds.h>, which then
# includes it and leaves out the wrappers of the commands that series'
# arm_rmm driver issues under functions of the same names (driver_cmd[]).
#
# The description format is documented in one place,
# Documentation/arch/arm64/rmi-description.rst.  The whole description is
# checked before anything is printed: the first error stops the generator with
# "file:line: message" on stderr and a non-zero exit status, and no output.

function fatal(msg) {
	printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
	failed = 1
	exit 1
}

# fatal() for a line other than the current one (BEGIN has none).
function fatal_at(line, msg) {
	printf "%s:%d: %s\n", desc_path, line, msg > "/dev/stderr"
	failed = 1
	exit 1
}

# Every byte of the description is printable ASCII or a tab, and lines end
# in LF: anything else would be copied into the headers (NUL, control
# characters, a BOM or a zero-width space in a name or in the text), or look
# like a keyword it is not.  awk cannot see every byte: original-awk ends a
# line at a NUL, busybox awk splits it there, and gawk in a UTF-8 locale
# reads characters.  So the bytes are read through od(1), as numbers,
# before the description is parsed.
function check_bytes(file, _q, _p, _n, _i, _cmd, _s, _b, _c, _line, _col, _cr) {
	_n = split(file, _p, "'")
	_q = _p[1]
	for (_i = 2; _i <= _n; _i++)
		_q = _q "'\\''" _p[_i]
	_cmd = "od -An -v -tu1 < '" _q "'"
	_line = 1
	_col = 0
	_cr = 0
	while ((_cmd | getline _s) > 0) {
		_n = split(_s, _b, " ")
		for (_i = 1; _i <= _n; _i++) {
			_c = _b[_i] + 0
			if (_cr && _c == 10)
				fatal_at(_line, "CR (carriage return) line ending: convert the file to LF")
			if (_cr)
				fatal_at(_line, "column " _col ": non-printing byte 0x0d")
			if (_c == 10) {
				_line++
				_col = 0
				continue
			}
			_col++
			if (_c == 13)
				_cr = 1
			else if (_c >= 128)
				fatal_at(_line, "column " _col ": non-ASCII byte " sprintf("0x%02x", _c))
			else if ((_c < 32 && _c != 9) || _c == 127)
				fatal_at(_line, "column " _col ": non-printing byte " sprintf("0x%02x", _c))
		}
	}
	close(_cmd)
	if (_cr)
		fatal_at(_line, "column " _col ": non-printing byte 0x0d")
}

function emit(s) {
	out[++nout] = s
}

# Claim the macro or enumeration constant @name (the part of it before any
# "(", so that FOO(v) and FOO clash): it must be new, not one the generator
# defines itself, nor one of a kernel header the header includes.
function claim(name, val, _key) {
	_key = name
	sub(/\(.*/, "", _key)
	if (_key in reserved_macro)
		fatal("name " _key " is reserved: " reserved_macro[_key])
	if (_key ~ /^(ARM_SMCCC_|SZ_|PAGE_|FIELD_|GENMASK|BIT)/)
		fatal("name " _key " would clash with the macros of the kernel headers included")
	if (_key in macro_key)
		fatal("duplicate name " _key " (first defined at line " macro_line[macro_key[_key]] ")")
	macro_key[_key] = name
	macro[name] = val
	macro_line[name] = FNR
}

# Print a CPP macro definition, padded so that the bodies line up; past 100
# columns the body goes on a line of its own.
function define(name, val) {
	claim(name, val)
	if (width(tab_to("#define " name, 48) val) > 100) {
		emit("#define " name " \\")
		emit("\t" val)
	} else {
		emit(tab_to("#define " name, 48) val)
	}
}

# A C identifier the generator prints (a register, a member, a structure):
# not a C keyword, nor one of the names the generated code uses itself.
function check_ident(s, what) {
	if (s in c_keyword)
		fatal(what " '" s "' is a C keyword")
	if ((what, s) in reserved_ident)
		fatal(what " '" s "' is reserved: " reserved_ident[what, s])
}

# Pad @s with tabs to column @col, with at least one tab.
function tab_to(s, col, _c) {
	_c = length(s)
	do {
		s = s "\t"
		_c = int(_c / 8) * 8 + 8
	} while (_c < col)
	return s
}

function expect_fields(min, max) {
	if (NF < min || NF > max) {
		if (min == max)
			fatal($1 ": " NF - 1 " arguments found where " min - 1 " expected")
		fatal($1 ": " NF - 1 " arguments found where " min - 1 " to " max - 1 " expected")
	}
}

function expect_block(b) {
	if (block != b)
		fatal($1 " outside a " b " block")
}

# Everything after field @n of the current line, as written.
function rest_of_line(n, _s, _i) {
	_s = ""
	for (_i = n; _i <= NF; _i++)
		_s = _s (_s == "" ? "" : " ") $_i
	return _s
}

# Names (and numbers) are at most 64 characters, and so is a word of text:
# a longer one is a mistake, and would not fold at 80 columns.  The text
# after a command or register is copied into a comment: it cannot end one.
function check_words(_i) {
	for (_i = 1; _i <= NF; _i++)
		if (length($_i) > 64)
			fatal("'" substr($_i, 1, 16) "...' is " length($_i) " characters long (at most 64)")
	if ($0 ~ /\*\// || $0 ~ /\/\*/)
		fatal("'/*' or '*/' would open or close a comment in the header")
}

# Numbers.  awk has one numeric type, a double, exact for integers below 2^53
# only, and its output of numbers is not portable: mawk prints 2^31 as
# 2.14748e+09 and clamps printf %x at 0xffffffff.  So num() refuses any value
# from 2^53 up, and dec() and hex() print digit by digit, exactly in every awk.
# Every number the RMI needs (offsets, sizes, FNUMs, enumeration values of the
# spec, versions) is far below that.

# Parse a decimal or 0x-prefixed hexadecimal number below 2^53, or fail.
function num(s, what, _d, _b, _v, _i) {
	if (s ~ /^0[xX][0-9a-fA-F]+$/) {
		_d = tolower(substr(s, 3))
		_b = 16
	} else if (s ~ /^[0-9]+$/) {
		_d = s ""
		_b = 10
	} else {
		fatal("invalid " what " '" s "'")
	}
	sub(/^0+/, "", _d)
	# 2^53 - 1 is 0x1fffffffffffff, 9007199254740991: compare as strings.
	if (_b == 16 && (length(_d) > 14 || (length(_d) == 14 && _d > "1fffffffffffff")) ||
	    _b == 10 && (length(_d) > 16 || (length(_d) == 16 && _d > "9007199254740991")))
		fatal(what " " s " does not fit in the generator's exact arithmetic (below 2^53)")
	_v = 0
	for (_i = 1; _i <= length(_d); _i++)
		_v = _v * _b + index("0123456789abcdef", substr(_d, _i, 1)) - 1
	return _v
}

# 2^n, without the ^ operator, which busybox awk may lack ("Math support is
# not compiled in").
function pow2(n, _p) {
	_p = 1
	while (n-- > 0)
		_p *= 2
	return _p
}

# A non-negative integer in decimal, digit by digit.
function dec(v, _s, _r) {
	_s = ""
	do {
		_r = v % 10
		_s = substr("0123456789", _r + 1, 1) _s
		v = (v - _r) / 10
	} while (v > 0)
	return _s
}

# A non-negative integer in hexadecimal, 0x-prefixed, digit by digit.
function hex(v, _s, _r) {
	_s = ""
	do {
		_r = v % 16
		_s = substr("0123456789abcdef", _r + 1, 1) _s
		v = (v - _r) / 16
	} while (v > 0)
	return "0x" _s
}

# Size expressions: whole power-of-two blocks as SZ_* (linux/sizes.h).
function size_expr(v) {
	if (v == 4096)
		return "SZ_4K"
	if (v == 2048)
		return "SZ_2K"
	if (v == 1024)
		return "SZ_1K"
	return hex(v)
}

function is_name(s) {
	return s ~ /^[A-Z][A-Z0-9_]*$/
}

function is_cname(s) {
	return s ~ /^[a-z][a-z0-9_]*$/
}

# Parse "<msb>:<lsb>" or "<bit>" into the globals msb and lsb, and their C
# forms msb_c and lsb_c.  A bound may be written relative to the RMI granule
# shift, "G" or "G-<n>": the granule is configured to PAGE_SIZE, so the C form
# uses PAGE_SHIFT, and the checks use the smallest granule, 4KB (G = 12).
function parse_bound(s, _v) {
	if (s ~ /^[0-9]+$/) {
		_v = num(s, "bit number")
		bound_c = dec(_v)
		return _v
	}
	if (s == "G") {
		bound_c = "PAGE_SHIFT"
		uses_page_shift = 1
		return 12
	}
	if (s ~ /^G-[0-9]+$/) {
		_v = num(substr(s, 3), "bit number")
		if (_v > 12)
			fatal("bit " s " is below bit 0 with 4KB granules (G = 12)")
		bound_c = "PAGE_SHIFT - " dec(_v)
		uses_page_shift = 1
		return 12 - _v
	}
	fatal("invalid bit number '" s "'")
}

function parse_bits(s, nbits, _b, _n) {
	_n = split(s, _b, ":")
	if (_n == 1 && s != "") {
		msb = parse_bound(s)
		msb_c = bound_c
		lsb = msb
		lsb_c = msb_c
	} else if (_n == 2) {
		msb = parse_bound(_b[1])
		msb_c = bound_c
		lsb = parse_bound(_b[2])
		lsb_c = bound_c
	} else {
		fatal("invalid bit range '" s "'")
	}
	if (msb < lsb)
		fatal("bit range " s ": msb < lsb")
	if (msb >= nbits)
		fatal("bit range " s " does not fit in " nbits " bits")
}

function mask_expr(hi, lo, hi_c, lo_c) {
	if (hi_c == "")
		hi_c = hi
	if (lo_c == "")
		lo_c = lo
	if (hi == lo)
		return (hi >= 32 ? "BIT_ULL(" : "BIT(") hi_c ")"
	return (hi >= 32 ? "GENMASK_ULL(" : "GENMASK(") hi_c ", " lo_c ")"
}

# Bits of a fieldset must be listed from bit 0 upwards, each bit exactly once.
function take_bits(s, _m) {
	parse_bits(s, fs_width)
	if (lsb < fs_next)
		fatal("bits " s " overlap bits already described (next free bit is " fs_next ")")
	if (lsb > fs_next) {
		_m = lsb - 1
		fatal("bits " _m ":" fs_next " of " fs_type " not accounted for before " s)
	}
	fs_next = msb + 1
}

# C type of a scalar type name, or "" if unknown.  Spec types UIntN, IntN
# and BitsN of 8 to 64 bits, Address, the C types, and declared types (Enum,
# Fieldset, Type) whose width rounds up to a C type.
function scalar_ctype(t, _w) {
	if (t ~ /^[us](8|16|32|64)$/)
		return t == "s8" || t == "s16" || t == "s32" ? "" : t
	if (t == "Address")
		return "u64"
	if (t == "Int64")
		return "s64"
	if (t ~ /^(UInt|Bits)[0-9]+$/)
		_w = substr(t, 5) + 0
	else if (t in type_width)
		_w = type_width[t]
	else
		return ""
	if (_w < 1 || _w > 64)
		return ""
	if (_w <= 8)
		return "u8"
	if (_w <= 16)
		return "u16"
	if (_w <= 32)
		return "u32"
	return "u64"
}

# Width in bits of a scalar type name that scalar_ctype() knows.
function type_bits(t) {
	if (t ~ /^[us](8|16|32|64)$/)
		return substr(t, 2) + 0
	if (t == "Address" || t == "Int64")
		return 64
	if (t ~ /^(UInt|Bits)[0-9]+$/)
		return substr(t, 5) + 0
	return type_width[t]
}

function ctype_size(c) {
	if (c == "u8")
		return 1
	if (c == "u16")
		return 2
	if (c == "u32")
		return 4
	return 8
}

function check_fnum_range(v, _i) {
	if (n_ranges == 0)
		return
	for (_i = 1; _i <= n_ranges; _i++)
		if (v >= range_lo[_i] && v <= range_hi[_i])
			return
	fatal("FNUM " hex(v) " is outside every FnumRange")
}

# The value of the -v variable @var, @val, or its default, the first of
# @choices ("a or b"); anything else stops the generator.
function choice(var, val, choices, _c) {
	split(choices, _c, " or ")
	if (val == "")
		return _c[1]
	if (val != _c[1] && val != _c[2]) {
		printf "gen-rmi.awk: unknown %s '%s' (%s)\n", var, val, choices > "/dev/stderr"
		failed = 1
		exit 1
	}
	return val
}

BEGIN {
	mode = choice("mode", mode, "smc or cmds")
	layout = choice("layout", layout, "asm or upstream")
	block = "Root"
	last_fnum = -1
	# C keywords (C11 and C23) and the kernel's bool, true and false.
	n = split("auto break case char const continue default do double else enum extern " \
		  "float for goto if inline int long register restrict return short signed " \
		  "sizeof static struct switch typedef union unsigned void volatile while " \
		  "asm typeof typeof_unqual bool true false alignas alignof constexpr " \
		  "nullptr static_assert thread_local", words, " ")
	for (i = 1; i <= n; i++)
		c_keyword[words[i]] = 1
	reserved_macro["SMC_RMI_CALL"] = "the header defines it, to make every FID"
	reserved_macro["RMI_FNUM_FIRST"] = "the header defines it, from the FnumRanges"
	reserved_macro["RMI_FNUM_LAST"] = "the header defines it, from the FnumRanges"
	reserved_macro["__ASM_RMI_SMC_H"] = "the include guard of <asm/rmi_smc.h>"
	reserved_macro["__ASM_RMI_CMDS_H"] = "the include guard of <asm/rmi_cmds.h>"
	reserved_ident["register name", "res"] = "the wrapper uses it"
	reserved_ident["register name", "regs"] = "the wrapper uses it"
	reserved_ident["register name", "op"] = "the wrapper uses it"
	reserved_ident["register name", "current"] = "the kernel defines it as a macro"
	reserved_ident["command", "CMDS_CALL"] = "rmi_cmds_call is the macro of the SMCCC call"
	reserved_ident["command", "CMDS_CALL_1_2"] = "rmi_cmds_call_1_2 is the macro of the SMCCC call"
	reserved_ident["command", "CMDS_INVOKE_1_2"] = "rmi_cmds_invoke_1_2() is the SMCCC 1.2 call"
	# What the arm_rmm driver queued for v7.4 (drivers/firmware/arm_rmm/rmi.c,
	# include/linux/arm-rmi-cmds.h) and KVM's CCA code (arch/arm64/kvm/rmi.c,
	# rmi-exit.c, asm/kvm_rmi.h) define themselves, and code that includes
	# the generated headers with theirs must compile: tests/compat/run.sh.
	# Besides these, the driver has functions named as the wrappers of the
	# commands it issues itself; the upstream layout leaves those wrappers
	# out (a wrapper is rmi_ and its command's name in lower case).
	n = split("SMCCC_INVOKE FEAT_REG DELEGATE_RANGE UNDELEGATE_RANGE " \
		  "DELEGATE_PAGE UNDELEGATE_PAGE FREE_DELEGATED_PAGE SRO_EXECUTE " \
		  "SRO_MEMXFER_EXECUTE SRO_MEMXFER_CMD SRO_FREE SRO_ENSURE_CAPACITY " \
		  "SRO_DONATE SRO_DONATE_CONTIG SRO_DONATE_NONCONTIG SRO_RECLAIM " \
		  "ADDR_BLOCK_SIZE_TO_BYTES CHECK_VERSION READ_FEATURES CONFIGURE",
		  words, " ")
	for (i = 1; i <= n; i++)
		reserved_ident["command", words[i]] = "the arm_rmm driver defines rmi_" tolower(words[i]) "()"
	n = split("RTT_LEVEL_MAPSIZE HAS_FEATURE RANGE_ENTRY_SIZE", words, " ")
	for (i = 1; i <= n; i++)
		reserved_ident["command", words[i]] = "KVM defines rmi_" tolower(words[i]) "()"
	n = split("RMM_CONFIG_SET GRANULE_RANGE_DELEGATE GRANULE_RANGE_UNDELEGATE " \
		  "OP_CONTINUE OP_CANCEL OP_MEM_DONATE OP_MEM_RECLAIM", words, " ")
	for (i = 1; i <= n; i++)
		driver_cmd[words[i]] = 1
	reserved_macro["RMI_MAX_ADDR_LIST"] = "the arm_rmm driver defines it"
	reserved_macro["RMM_BLOCKED_RETRY_COUNT"] = "the arm_rmm driver defines it"
	n = split("REALM_STATE_NONE REALM_STATE_NEW REALM_STATE_ACTIVE REALM_STATE_DYING " \
		  "REALM_STATE_DEAD RIPAS_INIT RIPAS_SET", words, " ")
	for (i = 1; i <= n; i++)
		reserved_macro[words[i]] = "KVM defines it, in an enumeration"
	reserved_macro["__LINUX_ARM_SMCCC_RMI_H_"] = "the include guard of <linux/arm-smccc-rmi.h>"
	reserved_ident["C name", "rmi_sro_state"] = "the arm_rmm driver defines struct rmi_sro_state"
	reserved_ident["C name", "realm"] = "KVM defines struct realm"
	reserved_ident["C name", "realm_rec"] = "KVM defines struct realm_rec"
	reserved_ident["C name", "realm_state"] = "KVM defines enum realm_state"
	reserved_ident["C name", "ripas_action"] = "KVM defines enum ripas_action"
	reserved_ident["C name", "rmi_op"] = "<asm/rmi_cmds.h> defines struct rmi_op"
	reserved_ident["C name", "arm_smccc_res"] = "<linux/arm-smccc.h> defines it"
	reserved_ident["C name", "arm_smccc_1_2_regs"] = "<linux/arm-smccc.h> defines it"
	desc_path = ARGV[ARGC - 1]
	n = split(desc_path, path_parts, "/")
	desc_name = path_parts[n]
	if (ARGC > 1 && desc_path != "-")
		check_bytes(desc_path)
}

# Comments run from '#' to the end of the line.
{
	sub(/[ \t]*#.*$/, "")
	if ($0 ~ /^[ \t]*$/)
		next
	check_words()
	# A run of Alias or Count lines is a group of its own in the header.
	if ($1 != run_kind && (run_kind == "Alias" || run_kind == "Count"))
		emit("")
	if ($1 != run_kind && $1 == "Alias")
		emit("/* Other names, kept for code written against earlier headers */")
	if ($1 != run_kind && $1 == "Count")
		emit("/* Numbers of elements of array members */")
	run_kind = $1
}

$1 == "Revision" {
	expect_block("Root")
	expect_fields(2, 2)
	if (revision != "")
		fatal("Revision given twice")
	if ($2 !~ /^[0-9]+\.[0-9]+-[a-z]+[0-9]+$/)
		fatal("invalid revision '" $2 "' (expected e.g. 2.0-bet1)")
	revision = $2
	rev_macro = "RMI_SPEC_REVISION_" toupper($2)
	gsub(/[.-]/, "_", rev_macro)
	emit("/* DEN0137 revision described, and a macro to test for it */")
	define("RMI_SPEC_REVISION", "\"" revision "\"")
	define(rev_macro, "1")
	emit("")
	next
}

$1 == "FnumRange" {
	expect_block("Root")
	expect_fields(3, 3)
	n_ranges++
	range_lo[n_ranges] = num($2, "FNUM")
	range_hi[n_ranges] = num($3, "FNUM")
	if (range_lo[n_ranges] > range_hi[n_ranges])
		fatal("FnumRange " $2 " " $3 ": low > high")
	if (range_hi[n_ranges] > 65535)
		fatal("FnumRange " $3 " does not fit in FID bits 15:0")
	next
}

$1 == "Version" {
	expect_block("Root")
	expect_fields(3, 3)
	if (revision == "")
		fatal("Version before Revision")
	if (!("RMI_ABI_VERSION_MAJOR_MASK" in macro) || !("RMI_ABI_VERSION_MINOR_MASK" in macro))
		fatal("Version needs the RmiInterfaceVersion fieldset (prefix RMI_ABI_VERSION, mask) first")
	emit("/* Interface revision implemented by this header */")
	ver_major = num($2, "major version")
	ver_minor = num($3, "minor version")
	if (ver_major >= pow2(field_bits["RMI_ABI_VERSION_MAJOR_MASK"]))
		fatal("major version " $2 " does not fit in RMI_ABI_VERSION_MAJOR_MASK (" field_bits["RMI_ABI_VERSION_MAJOR_MASK"] " bits)")
	if (ver_minor >= pow2(field_bits["RMI_ABI_VERSION_MINOR_MASK"]))
		fatal("minor version " $3 " does not fit in RMI_ABI_VERSION_MINOR_MASK (" field_bits["RMI_ABI_VERSION_MINOR_MASK"] " bits)")
	define("RMI_ABI_MAJOR_VERSION", dec(ver_major))
	define("RMI_ABI_MINOR_VERSION", dec(ver_minor))
	define("RMI_ABI_VERSION(major, minor)", "\\")
	emit("\t(FIELD_PREP(RMI_ABI_VERSION_MAJOR_MASK, (major)) |\t\\")
	emit("\t FIELD_PREP(RMI_ABI_VERSION_MINOR_MASK, (minor)))")
	define("RMI_ABI_VERSION_GET_MAJOR(version)", "FIELD_GET(RMI_ABI_VERSION_MAJOR_MASK, (version))")
	define("RMI_ABI_VERSION_GET_MINOR(version)", "FIELD_GET(RMI_ABI_VERSION_MINOR_MASK, (version))")
	emit("")
	next
}

# A type defined outside this specification (PsciReturnCode), by width.
$1 == "Type" {
	expect_block("Root")
	expect_fields(3, 3)
	if ($2 in type_width || scalar_ctype($2) != "")
		fatal("type " $2 " already defined")
	type_width[$2] = num($3, "width")
	if (type_width[$2] < 1 || type_width[$2] > 64)
		fatal("type width " $3 " is not 1 to 64 bits")
	next
}

$1 == "Command" {
	expect_block("Root")
	expect_fields(3, 999)
	block = "Command"
	cmd_fnum = num($2, "FNUM")
	cmd_name = $3
	if (!is_name(cmd_name))
		fatal("invalid command name '" cmd_name "'")
	check_ident(cmd_name, "command")
	if (cmd_fnum > 65535)
		fatal("FNUM " $2 " does not fit in FID bits 15:0")
	check_fnum_range(cmd_fnum)
	if (cmd_fnum in fnum_seen)
		fatal("duplicate FNUM " hex(cmd_fnum) " (already " fnum_seen[cmd_fnum] ")")
	if (cmd_name in cmd_seen)
		fatal("duplicate command " cmd_name)
	if (cmd_fnum < last_fnum)
		fatal("FNUM " hex(cmd_fnum) " below the previous command's " hex(last_fnum) ": keep commands sorted by FNUM")
	fnum_seen[cmd_fnum] = cmd_name
	cmd_seen[cmd_name] = 1
	last_fnum = cmd_fnum
	n_cmds++
	c_name[n_cmds] = cmd_name
	c_fnum[n_cmds] = cmd_fnum
	c_brief[n_cmds] = rest_of_line(4)
	c_nin[n_cmds] = 0
	c_nout[n_cmds] = 0
	c_unknown[n_cmds] = 0
	# Function IDs go at the top of the header, whatever comes before:
	# every line define() printed, two when the name is long enough to
	# push the body onto a line of its own.
	n = nout
	define("SMC_RMI_" cmd_name, sprintf("SMC_RMI_CALL(0x%04x)", cmd_fnum))
	for (i = n + 1; i <= nout; i++)
		fid_out[++n_fid_out] = out[i]
	nout = n
	next
}

($1 == "In" || $1 == "Out") {
	expect_block("Command")
	expect_fields(4, 999)
	if (c_unknown[n_cmds])
		fatal($1 " in a command whose registers are Unknown")
	if ($2 !~ /^X[0-9]+$/)
		fatal("invalid register '" $2 "'")
	reg = substr($2, 2) + 0
	if (!is_cname($3))
		fatal("invalid register name '" $3 "'")
	check_ident($3, "register name")
	if (scalar_ctype($4) == "")
		fatal("unknown register type '" $4 "'")
	if ($1 == "In") {
		n = ++c_nin[n_cmds]
		if (c_nout[n_cmds])
			fatal("In after Out: list inputs first")
		if (reg != n)
			fatal("input " $3 " in " $2 ", expected X" n ": inputs are X1, X2, ... in order")
		if (reg > 17)
			fatal("input register X" reg " beyond X17")
		c_in[n_cmds, n] = $3
		c_intype[n_cmds, n] = $4
		c_indoc[n_cmds, n] = rest_of_line(5)
	} else {
		n = ++c_nout[n_cmds]
		if (reg != n)
			fatal("output " $3 " in " $2 ", expected X" n ": outputs are X1, X2, ... in order")
		if (reg > 17)
			fatal("output register X" reg " beyond X17")
		for (i = 1; i <= c_nin[n_cmds]; i++)
			if (c_in[n_cmds, i] == $3)
				fatal("output " $3 " has the name of an input of " cmd_name)
		c_out[n_cmds, n] = $3
		c_outtype[n_cmds, n] = $4
		c_outdoc[n_cmds, n] = rest_of_line(5)
	}
	for (i = 1; i < (($1 == "In") ? c_nin[n_cmds] : c_nout[n_cmds]); i++)
		if ((($1 == "In") ? c_in[n_cmds, i] : c_out[n_cmds, i]) == $3)
			fatal("duplicate register name " $3 " in " cmd_name)
	next
}

# The registers in which a command that returns RMI_INCOMPLETE gives the
# state of the operation it started: struct rmi_op in <asm/rmi_cmds.h>.
$1 == "Operation" {
	expect_block("Root")
	expect_fields(4, 999)
	if (n_cmds)
		fatal("Operation after the first Command")
	if ($2 !~ /^X[0-9]+$/)
		fatal("invalid register '" $2 "'")
	reg = substr($2, 2) + 0
	if (reg != n_op + 1)
		fatal("operation register " $3 " in " $2 ", expected X" n_op + 1 ": X1, X2, ... in order")
	if (reg > 17)
		fatal("operation register X" reg " beyond X17")
	if (!is_cname($3))
		fatal("invalid register name '" $3 "'")
	check_ident($3, "operation register name")
	if (scalar_ctype($4) == "")
		fatal("unknown register type '" $4 "'")
	for (i = 1; i <= n_op; i++)
		if (op_name[i] == $3)
			fatal("duplicate register name " $3 " in Operation")
	n_op++
	op_name[n_op] = $3
	op_doc[n_op] = rest_of_line(5)
	next
}

# The command may return RMI_INCOMPLETE: its wrapper also returns the
# Operation registers.
$1 == "Incomplete" {
	expect_block("Command")
	expect_fields(1, 1)
	if (c_unknown[n_cmds])
		fatal("Incomplete in a command whose registers are Unknown")
	if (c_incomplete[n_cmds])
		fatal("Incomplete given twice for " cmd_name)
	if (!n_op)
		fatal("Incomplete needs the Operation registers first")
	if (!("RMI_RETURN_STATUS_MASK" in macro) || !("RMI_INCOMPLETE" in macro))
		fatal("Incomplete needs RMI_RETURN_STATUS_MASK and RMI_INCOMPLETE defined first")
	c_incomplete[n_cmds] = 1
	next
}

$1 == "Unknown" {
	expect_block("Command")
	expect_fields(1, 1)
	if (c_nin[n_cmds] || c_nout[n_cmds] || c_incomplete[n_cmds])
		fatal("Unknown in a command with registers")
	c_unknown[n_cmds] = 1
	next
}

$1 == "EndCommand" {
	expect_block("Command")
	expect_fields(1, 1)
	block = "Root"
	next
}

$1 == "Enum" {
	expect_block("Root")
	expect_fields(4, 5)
	block = "Enum"
	en_type = $2
	en_width = num($3, "width")
	en_prefix = $4
	en_cenum = ""
	if (NF == 5) {
		if ($5 !~ /^enum:[a-z][a-z0-9_]*$/)
			fatal("unknown Enum option '" $5 "' (enum:<c_name>)")
		en_cenum = substr($5, 6)
		check_ident(en_cenum, "C name")
		if (en_cenum in ctag_seen)
			fatal("duplicate C name " en_cenum " (struct and enum share a name space)")
		ctag_seen[en_cenum] = 1
	}
	if (en_type in type_width)
		fatal("type " en_type " already defined")
	if (en_width < 1 || en_width > 64)
		fatal("enumeration width " en_width " is not 1 to 64 bits")
	if (!is_name(en_prefix))
		fatal("invalid prefix '" en_prefix "'")
	type_width[en_type] = en_width
	split("", en_seen)
	emit("/* " en_type " (" en_width " bit" (en_width > 1 ? "s" : "") ") */")
	if (en_cenum != "")
		emit("enum " en_cenum " {")
	next
}

block == "Enum" && $1 ~ /^[0-9]/ {
	expect_fields(2, 2)
	v = num($1, "value")
	if (v >= pow2(en_width))
		fatal("value " $1 " does not fit in " en_width " bits")
	if ($2 !~ /^[A-Z0-9][A-Z0-9_]*$/)
		fatal("invalid name '" $2 "'")
	v = dec(v)
	if (v in en_seen)
		fatal("value " v " already used by " en_seen[v])
	en_seen[v] = $2
	name = en_prefix "_" $2
	if (en_cenum == "") {
		define(name, v)
	} else {
		claim(name, v)
		emit("\t" name " = " v ",")
	}
	next
}

$1 == "EndEnum" {
	expect_block("Enum")
	expect_fields(1, 1)
	if (en_cenum != "")
		emit("};")
	emit("")
	block = "Root"
	next
}

$1 == "Fieldset" {
	expect_block("Root")
	expect_fields(4, 7)
	block = "Fieldset"
	fs_type = $2
	fs_width = num($3, "width")
	fs_prefix = $4
	fs_get = 0
	fs_alias = 0
	fs_n_alias = 0
	fs_res0 = 0
	fs_res0_expr = ""
	fs_next = 0
	if (fs_type in type_width)
		fatal("type " fs_type " already defined")
	if (fs_width < 1 || fs_width > 64)
		fatal("fieldset width " fs_width " is not 1 to 64 bits")
	if (!is_name(fs_prefix))
		fatal("invalid prefix '" fs_prefix "'")
	for (i = 5; i <= NF; i++) {
		if ($i == "get")
			fs_get = 1
		else if ($i == "res0")
			fs_res0 = 1
		else if ($i == "alias")
			fs_alias = 1
		else
			fatal("unknown Fieldset option '" $i "' (get, res0, alias)")
	}
	# An accessor and an alias would both be <PREFIX>_<NAME>.
	if (fs_get && fs_alias)
		fatal("Fieldset options get and alias both define <PREFIX>_<NAME>")
	type_width[fs_type] = fs_width
	emit("/* " fs_type " */")
	next
}

$1 == "Field" {
	expect_block("Fieldset")
	expect_fields(3, 4)
	if (!is_name($3))
		fatal("invalid field name '" $3 "'")
	if (NF == 4 && scalar_ctype($4) == "")
		fatal("unknown field type '" $4 "'")
	take_bits($2)
	# A value of the type must fit in the field; an address keeps its
	# place in the register, its low bits being the field's alignment.
	if (NF == 4 && $4 != "Address" && type_bits($4) > msb - lsb + 1)
		fatal("field " $3 " (bit" ($2 ~ /:/ ? "s " : " ") $2 ") is " msb - lsb + 1 " bit" (msb > lsb ? "s" : "") \
		      " wide, narrower than its type " $4 " (" type_bits($4) " bits)")
	name = fs_prefix "_" $3
	define(name "_MASK", mask_expr(msb, lsb, msb_c, lsb_c))
	field_bits[name "_MASK"] = msb - lsb + 1
	# An address field keeps its place: its accessor masks, not shifts.
	if (fs_get && $4 == "Address")
		define(name "(v)", "((v) & " name "_MASK)")
	else if (fs_get)
		define(name "(v)", "FIELD_GET(" name "_MASK, (v))")
	if (fs_alias)
		fs_alias_name[++fs_n_alias] = name
	next
}

# Bits that another fieldset of the same prefix already names (the status
# byte of the RMI_INCOMPLETE form of the return code, for instance).
$1 == "Same" {
	expect_block("Fieldset")
	expect_fields(3, 3)
	take_bits($2)
	name = fs_prefix "_" $3 "_MASK"
	if (!(name in macro))
		fatal("Same: " name " is not defined")
	if (macro[name] != mask_expr(msb, lsb, msb_c, lsb_c))
		fatal("Same: " name " is " macro[name] ", not bits " $2)
	next
}

$1 == "Res0" {
	expect_block("Fieldset")
	expect_fields(2, 2)
	take_bits($2)
	fs_res0_expr = fs_res0_expr (fs_res0_expr == "" ? "" : " | ") mask_expr(msb, lsb, msb_c, lsb_c)
	next
}

$1 == "EndFieldset" {
	expect_block("Fieldset")
	expect_fields(1, 1)
	if (fs_next != fs_width)
		fatal("bits " fs_width - 1 ":" fs_next " of " fs_type " not accounted for")
	if (fs_res0) {
		if (fs_res0_expr == "")
			fatal("Fieldset option res0 but no Res0 bits in " fs_type)
		if (fs_res0_expr ~ /\|/)
			fs_res0_expr = "(" fs_res0_expr ")"
		define(fs_prefix "_RES0", fs_res0_expr)
	}
	if (fs_n_alias) {
		emit("/* " fs_type ": the masks as earlier headers name them */")
		for (i = 1; i <= fs_n_alias; i++)
			define(fs_alias_name[i], fs_alias_name[i] "_MASK")
	}
	emit("")
	block = "Root"
	next
}

$1 == "Alias" {
	expect_block("Root")
	expect_fields(3, 3)
	if ($2 !~ /^[A-Z][A-Za-z0-9_]*$/)
		fatal("invalid name '" $2 "'")
	# An accessor (a Fieldset's get) is aliased with its argument.
	if (!($3 in macro) && ($3 "(v)") in macro) {
		define($2 "(v)", $3 "(v)")
		next
	}
	if (!($3 in macro))
		fatal("Alias: " $3 " is not defined")
	define($2, $3)
	next
}

# The number of elements of an array member, for code that walks it.
$1 == "Count" {
	expect_block("Root")
	expect_fields(4, 4)
	if (!is_name($2))
		fatal("invalid name '" $2 "'")
	if (!(($3, $4) in member_count))
		fatal("Count: " $3 " has no array member " $4)
	define($2, dec(member_count[$3, $4]))
	next
}

$1 == "Struct" {
	expect_block("Root")
	expect_fields(5, 5)
	block = "Struct"
	st_type = $2
	st_cname = $3
	st_size = num($4, "size")
	if (st_type in type_width || st_type in struct_cname)
		fatal("type " st_type " already defined")
	if (!is_cname(st_cname))
		fatal("invalid C struct name '" st_cname "'")
	check_ident(st_cname, "C name")
	if (st_cname in ctag_seen)
		fatal("duplicate C name " st_cname " (struct and enum share a name space)")
	if (st_size == 0 || st_size % 8)
		fatal("structure size " $4 " is not a multiple of 8 bytes")
	# The largest granule; sparse also miscounts types of 256MB and more.
	if (st_size > 65536)
		fatal("structure size " $4 " is larger than 64KB, the largest granule")
	if ($5 != "SBZ" && $5 != "MBZ")
		fatal("unused bits of a structure are SBZ or MBZ, not '" $5 "'")
	ctag_seen[st_cname] = 1
	st_unused = $5
	st_n = 0
	st_end = 0
	split("", st_seen)
	next
}

$1 == "Member" {
	expect_block("Struct")
	expect_fields(4, 4)
	off = num($2, "offset")
	mname = $3
	count = 0
	if (mname ~ /\[[0-9]+\]$/) {
		count = substr(mname, index(mname, "[") + 1)
		count = num(substr(count, 1, length(count) - 1), "array length")
		mname = substr(mname, 1, index(mname, "[") - 1)
		if (count < 1)
			fatal("array " $3 " has no elements")
	}
	if (!is_cname(mname))
		fatal("invalid member name '" $3 "'")
	check_ident(mname, "member name")
	if (mname ~ /^(reserved|padding)[0-9]+$/)
		fatal("member name '" mname "' is reserved: the generator names fillers so")
	if (mname in st_seen)
		fatal("duplicate member " mname " in " st_type)
	st_seen[mname] = 1
	t = $4
	if (t in struct_cname) {
		ctype = "struct " struct_cname[t]
		esize = struct_size[t]
		align = 8
	} else if (t == "Bits512") {
		if (count)
			fatal("Bits512 member " mname " cannot be an array")
		# The spec places every Bits512 (rpv, at 0x400) on 8 bytes.
		ctype = "u8"
		count = 64
		esize = 1
		align = 8
	} else {
		ctype = scalar_ctype(t)
		if (ctype == "")
			fatal("unknown member type '" t "'")
		esize = ctype_size(ctype)
		align = esize
	}
	msize = esize * (count ? count : 1)
	if (off % align && t == "Bits512")
		fatal("member " mname " at " $2 " is not aligned to 8 bytes, as a Bits512 must be")
	if (off % align)
		fatal("member " mname " at " $2 " is not aligned to its size (" align " bytes)")
	if (off < st_end)
		fatal("member " mname " at " $2 " overlaps the previous member, which ends at " hex(st_end))
	if (off + msize > st_size)
		fatal("member " mname " (" hex(off) " to " hex(off + msize - 1) ") runs past the end of " st_type " (" hex(st_size) " bytes)")
	st_n++
	m_off[st_n] = off
	m_name[st_n] = mname
	m_ctype[st_n] = ctype
	m_count[st_n] = count
	m_size[st_n] = msize
	if (count)
		member_count[st_type, mname] = count
	st_end = off + msize
	next
}

# Print a run of members [first, last] packed from offset @from, with
# reserved filler arrays for the gaps, at indentation @ind.
function emit_members(first, last, from, ind, _i, _pos) {
	_pos = from
	for (_i = first; _i <= last; _i++) {
		if (m_off[_i] > _pos)
			emit(ind "u8 reserved" n_reserved++ "[" hex(m_off[_i] - _pos) "];")
		emit(ind m_ctype[_i] " " m_name[_i] (m_count[_i] ? "[" dec(m_count[_i]) "]" : "") ";")
		_pos = m_off[_i] + m_size[_i]
	}
	return _pos
}

function block_floor(v) {
	return int(v / 256) * 256
}

$1 == "EndStruct" {
	expect_block("Struct")
	expect_fields(1, 1)
	if (st_n == 0)
		fatal("structure " st_type " has no members")
	struct_cname[st_type] = st_cname
	struct_size[st_type] = st_size
	n_padding = 0
	n_reserved = 0

	emit("/* " st_type ": " hex(st_size) " bytes, unused bits " st_unused " */")
	emit("struct " st_cname " {")
	# The spec groups members in blocks of 0x100 bytes.  Members are laid
	# out in runs: a run starts at the 0x100 boundary below its first
	# member and takes every following member that starts in a block the
	# run already reaches.  Each run sits in a union whose padding reaches
	# the start of the next run.
	first = 1
	while (first <= st_n) {
		start = block_floor(m_off[first])
		last = first
		while (last < st_n &&
		       block_floor(m_off[last + 1]) < m_off[last] + m_size[last])
			last++
		stop = (last < st_n) ? block_floor(m_off[last + 1]) : st_size
		used = m_off[last] + m_size[last]
		# The first run also fills the blocks before it.
		if (used == stop) {
			emit_members(first, last, first == 1 ? 0 : start, "\t")
		} else {
			if (first == 1 && start > 0)
				emit("\tu8 reserved" n_reserved++ "[" hex(start) "];")
			emit("\tunion {\t/* " hex(start) " */")
			if (first == last && m_off[first] == start) {
				emit_members(first, last, start, "\t\t")
			} else {
				emit("\t\tstruct {")
				emit_members(first, last, start, "\t\t\t")
				emit("\t\t};")
			}
			emit("\t\tu8 padding" n_padding++ "[" size_expr(stop - start) "];")
			emit("\t};")
		}
		first = last + 1
	}
	emit("};")
	emit("")
	emit("static_assert(sizeof(struct " st_cname ") == " size_expr(st_size) ");")
	for (i = 1; i <= st_n; i++) {
		emit("static_assert(offsetof(struct " st_cname ", " m_name[i] ") == " hex(m_off[i]) ");")
		emit("static_assert(sizeof_field(struct " st_cname ", " m_name[i] ") == " dec(m_size[i]) ");")
	}
	emit("")
	block = "Root"
	next
}

{
	fatal("unknown keyword '" $1 "'" (block != "Root" ? " in " block " block" : ""))
}

# ---- mode=cmds: wrappers -------------------------------------------------

function reg_ctype(t) {
	return (t == "Int64" || t == "s64") ? "long" : "unsigned long"
}

# Narrow results (an RTT entry state, a RIPAS) keep only their own bits.
function out_expr(t, src, _c) {
	_c = scalar_ctype(t)
	if (_c == "u8")
		return src " & GENMASK(7, 0)"
	if (_c == "u16")
		return src " & GENMASK(15, 0)"
	if (_c == "u32")
		return src " & GENMASK(31, 0)"
	return src
}

# Display width of @s, tabs every 8 columns.
function width(s, _i, _w) {
	_w = 0
	for (_i = 1; _i <= length(s); _i++)
		_w = (substr(s, _i, 1) == "\t") ? int(_w / 8) * 8 + 8 : _w + 1
	return _w
}

# Break a declaration after commas to stay within 80 columns, continuation
# lines aligned with the opening parenthesis (tabs of 8 columns).
function wrap_args(head, args, _n, _a, _i, _line, _col, _ind, _pad, _out) {
	_n = split(args, _a, ", ")
	_line = head _a[1]
	_pad = width(head)
	_col = _pad + length(_a[1])
	_ind = ""
	for (_i = 0; _i < int(_pad / 8); _i++)
		_ind = _ind "\t"
	for (_i = 0; _i < _pad % 8; _i++)
		_ind = _ind " "
	_out = ""
	for (_i = 2; _i <= _n; _i++) {
		if (_col + 2 + length(_a[_i]) + (_i < _n) > 80) {
			_out = _out _line ",\n"
			_line = _ind _a[_i]
			_col = _pad + length(_a[_i])
		} else {
			_line = _line ", " _a[_i]
			_col += 2 + length(_a[_i])
		}
	}
	return _out _line
}

# Print a kernel-doc line, folded at 80 columns with indented continuations.
# The first @keep words (at least one) stay on the first line, however long:
# kernel-doc wants "name() - " followed by the first word of the purpose.
function print_doc(text, keep, _n, _w, _i, _line) {
	_n = split(text, _w, " ")
	_line = " *" (_n ? " " _w[1] : "")
	for (_i = 2; _i <= _n; _i++) {
		if (_i > keep && length(_line) + 1 + length(_w[_i]) > 80) {
			print _line
			_line = " *   " _w[_i]
		} else {
			_line = _line " " _w[_i]
		}
	}
	print _line
}

# Print the lines of a block comment, folded at 80 columns, two spaces
# after a full stop.
function print_text(text, _n, _w, _i, _line, _sep) {
	_n = split(text, _w, " ")
	_line = " * " _w[1]
	for (_i = 2; _i <= _n; _i++) {
		_sep = (_w[_i - 1] ~ /\.$/) ? "  " : " "
		if (length(_line) + length(_sep) + length(_w[_i]) > 80) {
			print _line
			_line = " * " _w[_i]
		} else {
			_line = _line _sep _w[_i]
		}
	}
	print _line
}

# Store result register @src into each output pointer of command @c, or,
# for a command that may not complete, into @op when X0 says RMI_INCOMPLETE.
function print_outputs(c, src, _i) {
	if (c_incomplete[c]) {
		print "\tif (FIELD_GET(RMI_RETURN_STATUS_MASK, " src "0) == RMI_INCOMPLETE) {"
		print "\t\tif (op) {"
		for (_i = 1; _i <= n_op; _i++)
			print "\t\t\top->" op_name[_i] " = " src _i ";"
		print "\t\t}"
		print "\t\treturn " src "0;"
		print "\t}"
		if (c_nout[c])
			print ""
	}
	for (_i = 1; _i <= c_nout[c]; _i++) {
		print "\tif (" c_out[c, _i] ")"
		print "\t\t*" c_out[c, _i] " = " out_expr(c_outtype[c, _i], src _i) ";"
	}
	print "\treturn " src "0;"
}

function print_cmd(c, _i, _args, _lname, _nin, _nout, _nres, _sep, _head) {
	_lname = tolower(c_name[c])
	_nin = c_nin[c]
	_nout = c_nout[c]
	# Result registers read, besides X0.
	_nres = (c_incomplete[c] && n_op > _nout) ? n_op : _nout
	print "/**"
	print_doc("rmi_" _lname "() - " (c_brief[c] != "" ? c_brief[c] : "RMI_" c_name[c]), 3)
	for (_i = 1; _i <= _nin; _i++)
		print_doc("@" c_in[c, _i] ": " (c_indoc[c, _i] != "" ? c_indoc[c, _i] : c_in[c, _i]))
	for (_i = 1; _i <= _nout; _i++)
		print_doc("@" c_out[c, _i] ": X" _i ", " (c_outdoc[c, _i] != "" ? c_outdoc[c, _i] : c_out[c, _i]) " (may be NULL)")
	if (c_incomplete[c])
		print_doc("@op: the operation started, when X0 is RMI_INCOMPLETE (may be NULL)")
	print " *"
	print_doc("Issues RMI_" c_name[c] " (FID SMC_RMI_" c_name[c] ").")
	print " *"
	if (c_incomplete[c]) {
		print_doc("Return: RMI return code (X0).  RMI_INCOMPLETE: the command started an operation it did not finish; @op is filled, the outputs are not written, and X0 says what the operation asks for (RMI_RETURN_MEMREQ(), RMI_RETURN_CAN_CANCEL()).")
	} else {
		print " * Return: RMI return code (X0)."
	}
	print " */"
	_args = ""
	_sep = ""
	for (_i = 1; _i <= _nin; _i++) {
		_args = _args _sep reg_ctype(c_intype[c, _i]) " " c_in[c, _i]
		_sep = ", "
	}
	for (_i = 1; _i <= _nout; _i++) {
		_args = _args _sep reg_ctype(c_outtype[c, _i]) " *" c_out[c, _i]
		_sep = ", "
	}
	if (c_incomplete[c]) {
		_args = _args _sep "struct rmi_op *op"
		_sep = ", "
	}
	if (_args == "")
		_args = "void"
	# A name too long for its first parameter to follow within 80
	# columns starts a line of its own, after the return type.
	_head = "static inline unsigned long rmi_" _lname "("
	_sep = _args
	sub(/, .*/, ",", _sep)
	if (length(_head) + length(_sep) > 80) {
		print "static inline unsigned long"
		_head = "rmi_" _lname "("
	}
	print wrap_args(_head, _args ")")
	print "{"
	if (_nres <= 3 && _nin <= 7) {
		# Zeroed: without a conduit only X0 is written.
		print "\tstruct arm_smccc_res res = { };"
		print ""
		_args = "SMC_RMI_" c_name[c]
		for (_i = 1; _i <= _nin; _i++)
			_args = _args ", " c_in[c, _i]
		print wrap_args("\trmi_cmds_call(", _args ", &res);")
		print ""
		print_outputs(c, "res.a")
	} else {
		print "\tstruct arm_smccc_1_2_regs regs = {"
		print "\t\t.a0 = SMC_RMI_" c_name[c] ","
		for (_i = 1; _i <= _nin; _i++)
			print "\t\t.a" _i " = " c_in[c, _i] ","
		print "\t};"
		print ""
		print "\trmi_cmds_call_1_2(&regs, &regs);"
		print ""
		print_outputs(c, "regs.a")
	}
	print "}"
	print ""
}

# How the wrappers reach the RMM: the SMCCC hooks and their defaults.
function print_smccc() {
	print "/*"
	print " * Every wrapper issues its command through arm_smccc_1_1_invoke() when the"
	print " * arguments fit in X1..X7 and the results in X0..X3, else through"
	print " * rmi_cmds_invoke_1_2(), the same for the SMCCC 1.2 calls, which pass"
	print " * X0..X17 (RTT_READ_ENTRY returns four values).  Both use the conduit the"
	print " * SMCCC layer found at boot: an SMC or an HVC as it says, and on a system"
	print " * without an SMCCC conduit no call at all but SMCCC_RET_NOT_SUPPORTED in"
	print " * X0, where an unconditional SMC would trap.  The RMM answers SMC only"
	print " * (DEN0137 B1.1): the caller still checks, once before its first command,"
	print " * that the conduit is SMC.  What the check costs each command is measured"
	print " * by make bench (Documentation/arch/arm64/rmi-bench.rst).  A test may"
	print " * define rmi_cmds_call() and rmi_cmds_call_1_2() before including this"
	print " * header to answer the calls with a double."
	print " */"
	print ""
	print "/**"
	print " * rmi_cmds_invoke_1_2() - an SMCCC 1.2 call through the SMCCC conduit"
	print " * @args: X0 (function ID) to X17"
	print " * @res: X0 to X17 as returned; may be @args"
	print " *"
	print " * arm_smccc_1_1_invoke() for the calls that pass X0..X17: an SMC or an HVC,"
	print " * as arm_smccc_1_1_get_conduit() says.  Without a conduit nothing is"
	print " * called: X0 is SMCCC_RET_NOT_SUPPORTED and X1..X17 are zero."
	print " */"
	print "static inline void"
	print "rmi_cmds_invoke_1_2(const struct arm_smccc_1_2_regs *args,"
	print "\t\t    struct arm_smccc_1_2_regs *res)"
	print "{"
	print "\tswitch (arm_smccc_1_1_get_conduit()) {"
	print "\tcase SMCCC_CONDUIT_SMC:"
	print "\t\tarm_smccc_1_2_smc(args, res);"
	print "\t\tbreak;"
	print "\tcase SMCCC_CONDUIT_HVC:"
	print "\t\tarm_smccc_1_2_hvc(args, res);"
	print "\t\tbreak;"
	print "\tdefault:"
	print "\t\t*res = (struct arm_smccc_1_2_regs){ .a0 = SMCCC_RET_NOT_SUPPORTED };"
	print "\t\tbreak;"
	print "\t}"
	print "}"
	print ""
	print "#ifndef rmi_cmds_call"
	print "#define rmi_cmds_call(...)\tarm_smccc_1_1_invoke(__VA_ARGS__)"
	print "#endif"
	print "#ifndef rmi_cmds_call_1_2"
	print "#define rmi_cmds_call_1_2(args, res)\trmi_cmds_invoke_1_2(args, res)"
	print "#endif"
	print ""
}

# The upstream layout: which wrappers are the arm_rmm driver's, and why.
function print_left_out(n, _i, _s) {
	_s = left_out[1]
	for (_i = 2; _i <= n; _i++)
		_s = _s (_i == n ? " and " : ", ") left_out[_i]
	print "/*"
	print_text("Not in this layout: " _s ". The arm_rmm driver issues these commands itself, from functions of those names, and owns what they change: the RMM's configuration, the delegation of granules, the operations it carries on with the memory it donates and reclaims. Use its rmi_delegate_range(), rmi_undelegate_range(), rmi_sro_execute() and rmi_sro_memxfer_execute().")
	print " */"
	print ""
}

# struct rmi_op: the Operation registers.
function print_op_struct(_i) {
	print "/**"
	print " * struct rmi_op - an operation a command started and did not finish"
	for (_i = 1; _i <= n_op; _i++)
		print_doc("@" op_name[_i] ": X" _i ", " (op_doc[_i] != "" ? op_doc[_i] : op_name[_i]))
	print " *"
	print " * What a command marked Incomplete in the description returns with"
	print " * RMI_INCOMPLETE, for the RMI_OP_* commands that carry the operation on."
	print " */"
	print "struct rmi_op {"
	for (_i = 1; _i <= n_op; _i++)
		print "\tunsigned long " op_name[_i] ";"
	print "};"
	print ""
}

END {
	if (failed)
		exit 1
	if (block != "Root")
		fatal("missing End" block)
	if (revision == "")
		fatal("no Revision line")
	if (!("RMI_ABI_MAJOR_VERSION" in macro))
		fatal("no Version line")
	if (n_cmds == 0)
		fatal("no Command")

	guard = (mode == "smc") ? "__ASM_RMI_SMC_H" : "__ASM_RMI_CMDS_H"
	# The queued series' guard, which its users may test.
	if (mode == "smc" && layout == "upstream")
		guard = "__LINUX_ARM_SMCCC_RMI_H_"
	print "/* SPDX-License-Identifier: GPL-2.0-only */"
	print "/*"
	print " * Generated by arch/arm64/tools/gen-rmi.awk from"
	print " * arch/arm64/tools/" desc_name ", the description of"
	print " * Arm DEN0137 (Realm Management Monitor) revision " revision "."
	if (layout == "upstream") {
		print " * The upstream layout: the definitions are <linux/arm-smccc-rmi.h>, for"
		print " * the arm_rmm driver and KVM; the wrappers of KVM's commands are"
		print " * <asm/rmi_cmds.h>."
	}
	print " *"
	print " * Do not edit: edit the description and regenerate."
	print " */"
	print ""
	print "#ifndef " guard
	print "#define " guard
	print ""
	if (mode == "smc") {
		print "#include <linux/arm-smccc.h>"
		print "#include <linux/bitfield.h>"
		print "#include <linux/bits.h>"
		print "#include <linux/build_bug.h>"
		print "#include <linux/sizes.h>"
		print "#include <linux/stddef.h>"
		print "#include <linux/types.h>"
		# The queued header gives its users <asm/page.h> (PAGE_SIZE).
		if (layout == "upstream") {
			print ""
			print "#include <asm/page.h>"
		} else if (uses_page_shift) {
			print ""
			print "#include <asm/page-def.h>"
		}
		print ""
		print "/* Function IDs: SMC64 fast calls, Standard Secure Service range */"
		print "#define SMC_RMI_CALL(func)\t\t\t\t\t\t\\"
		print "\tARM_SMCCC_CALL_VAL(ARM_SMCCC_FAST_CALL, ARM_SMCCC_SMC_64,\t\\"
		print "\t\t\t   ARM_SMCCC_OWNER_STANDARD, (func))"
		print ""
		for (i = 1; i <= n_fid_out; i++)
			print fid_out[i]
		print ""
		if (n_ranges) {
			lo = range_lo[1]
			hi = range_hi[1]
			for (i = 2; i <= n_ranges; i++) {
				if (range_lo[i] < lo)
					lo = range_lo[i]
				if (range_hi[i] > hi)
					hi = range_hi[i]
			}
			print "/* Lowest and highest FNUM of the RMI (FnumRange) */"
			print tab_to("#define RMI_FNUM_FIRST", 48) hex(lo)
			print tab_to("#define RMI_FNUM_LAST", 48) hex(hi)
			print ""
		}
		for (i = 1; i <= nout; i++)
			print out[i]
	} else {
		print "#include <linux/arm-smccc.h>"
		if (layout == "upstream")
			print "#include <linux/arm-smccc-rmi.h>"
		print "#include <linux/bitfield.h>"
		print "#include <linux/bits.h>"
		print ""
		if (layout == "asm") {
			print "#include <asm/rmi_smc.h>"
			print ""
		}
		print_smccc()
		n = 0
		for (i = 1; i <= n_cmds; i++)
			if (layout == "upstream" && (c_name[i] in driver_cmd) && !c_unknown[i])
				left_out[++n] = "rmi_" tolower(c_name[i]) "()"
		if (n)
			print_left_out(n)
		if (n_op)
			print_op_struct()
		for (i = 1; i <= n_cmds; i++)
			if (!c_unknown[i] && !(layout == "upstream" && (c_name[i] in driver_cmd)))
				print_cmd(i)
	}
	print "#endif /* " guard " */"
}
