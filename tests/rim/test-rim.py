#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Tests of scripts/rmi-rim.py, run by make check under Debian's Python,
# which has the Debian packages the tools use:
#
#  1. tests/rim/derive.sh, which derives the expected values from the
#     specification's tables with bash and coreutils alone, still prints
#     what tests/rim/expected.txt holds, and the RIMs of tests/rim/cases
#     and the REM 0 values the tool computes are those;
#  2. every measured input moves the RIM (a byte of a measured granule, a
#     REC's PC or registers or flags, each measured Realm parameter, the
#     hash algorithm, an IPA, the order of events), and what the rules do
#     not measure does not (the RPV, a REC's MPIDR, a REC that is not
#     runnable, the contents of an unmeasured granule, RIPAS under RMI 2.0);
#  3. the command line: the output format, a whole console as input, the
#     last load list of several;
#  4. load lists the tool must refuse, each with its reason.
#
# Prints "ok N - ..." or "not ok N - ..." per test; exits 1 on a failure.

import importlib.util
import os
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.join(TOP, 'tests', 'rim')
TOOL = os.path.join(TOP, 'scripts', 'rmi-rim.py')

spec = importlib.util.spec_from_file_location('rmi_rim', TOOL)
rim = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rim)

PROGRAM = (b'rmi-rim test program\n' * 300)[:5000]
results = []


def report(ok, what):
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), what))


def case(name):
    with open(os.path.join(HERE, 'cases', name + '.load')) as f:
        return f.read().splitlines()


def compute(lines, program=PROGRAM, rules=None):
    return rim.compute(rim.parse(lines), program, rules)


def expected():
    values = {}
    with open(os.path.join(HERE, 'expected.txt')) as f:
        for line in f:
            if line.strip() and not line.startswith('#'):
                name, value = line.split()
                values[name] = value
    return values


def edit(lines, old, new):
    """@lines with the first line holding @old changed to hold @new."""
    out = list(lines)
    for i, line in enumerate(out):
        if old in line:
            out[i] = line.replace(old, new, 1)
            return out
    raise AssertionError('no line with %r' % old)


def main():
    exp = expected()

    # 1. The derived values, still what derive.sh derives.
    derived = subprocess.run(['bash', os.path.join(HERE, 'derive.sh')], capture_output=True,
                             text=True)
    report(derived.returncode == 0 and dict(l.split() for l in derived.stdout.splitlines()) == exp,
           'derive.sh derives tests/rim/expected.txt')
    for name in ('sha256-basic', 'sha512-basic', 'rules-1.0', 'fields'):
        got = compute(case(name)).hex()
        report(got == exp[name], '%s: RIM %s' % (name, got))
    for algo, name in ((0, 'rem0-sha-256'), (1, 'rem0-sha-512')):
        got = rim.rem0(algo).hex()
        report(got == exp[name], '%s: REM 0 %s' % (name, got))
    report(rim.abi()['REALM_REM_EXTEND_VALUE'] == 'arm64 RMI realm program REM0 v1.',
           'the extend value of realm-abi.h is the one derive.sh uses')

    # 2. What moves the RIM, and what does not.
    base = case('sha256-basic')
    ref = compute(base)

    def moves(what, lines, program=PROGRAM, should=True, rules=None):
        got = compute(lines, program, rules)
        report((got != ref) == should, '%s %s the RIM' % (what, 'changes' if should else
                                                          'does not change'))

    flipped = bytearray(PROGRAM)
    flipped[4999] ^= 1
    moves('a byte of the second measured granule', base, bytes(flipped))
    flipped = bytearray(PROGRAM)
    flipped[0] ^= 0x80
    moves('a byte of the first measured granule', base, bytes(flipped))
    moves("REC 0's PC", edit(base, 'pc=0x0 gprs=0x1', 'pc=0x4 gprs=0x1'))
    moves("REC 0's X1 (the RAM size)", edit(base, '0x1,0x400000', '0x1,0x800000'))
    moves("REC 0's X0 (the number of RECs)", edit(base, 'gprs=0x1,', 'gprs=0x2,'))
    moves('the hash algorithm', edit(base, 'hash_algo=0', 'hash_algo=1'))
    for field, new in (('flags=0x0 s2sz', 'flags=0x2 s2sz'), ('s2sz=33', 's2sz=34'),
                       ('sve_vl=0', 'sve_vl=1'), ('num_bps=1', 'num_bps=2'),
                       ('num_wps=1', 'num_wps=2'), ('pmu_num_ctrs=0', 'pmu_num_ctrs=1')):
        moves('the Realm parameter %s' % field.split('=')[0], edit(base, field, new))
    moves('the IPA of a granule', edit(base, 'data ipa=0x1000', 'data ipa=0x2000'))
    moves('a granule loaded unmeasured', edit(base, 'src=0x1000 flags=0x1',
                                             'src=0x1000 flags=0x0'))
    swapped = list(base)
    swapped[3], swapped[4] = swapped[4], swapped[3]
    moves('the order of the granules', swapped)
    moves('REC 1 runnable', edit(base, 'index=1 flags=0x0', 'index=1 flags=0x1'))
    moves('the RPV', edit(base, 'rpv=00', 'rpv=01'), should=False)
    moves("REC 0's MPIDR", edit(base, 'index=0 flags=0x1 mpidr=0x0', 'index=0 flags=0x1 mpidr=0x1'),
          should=False)
    moves("REC 1's PC (REC 1 is not runnable)", edit(base, 'mpidr=0x1 pc=0x0', 'mpidr=0x1 pc=0x8'),
          should=False)
    moves('a RIPAS line under RMI 2.0', [l for l in base if 'ripas' not in l], should=False)
    unmeasured = edit(base, 'src=0x1000 flags=0x1', 'src=0x1000 flags=0x0')
    ref = compute(unmeasured)
    flipped = bytearray(PROGRAM)
    flipped[4999] ^= 1
    moves('a byte of an unmeasured granule', unmeasured, bytes(flipped), should=False)
    ref = compute(base, rules='1.0')
    moves('the RIPAS range under RMI 1.0', edit(base, 'top=0x400000', 'top=0x200000'),
          rules='1.0')
    moves('the RIPAS level under RMI 1.0 (one 2MB entry per 512 granules)',
          edit(base, 'top=0x400000 level=3', 'top=0x400000 level=2'),
          rules='1.0')
    report(compute(base, rules='1.0') != compute(base, rules='2.0'),
           'the rules of RMI 1.0 and 2.0 differ on a load list with RIPAS')

    # 3. The command line.
    with tempfile.TemporaryDirectory() as tmp:
        prog = os.path.join(tmp, 'program')
        with open(prog, 'wb') as f:
            f.write(PROGRAM)
        console = os.path.join(tmp, 'console')
        with open(console, 'w') as f:
            f.write('Booting Linux\n')
            # A first, different Realm: the last load list counts.
            f.write('\n'.join(case('sha512-basic')) + '\n')
            for line in case('sha256-basic'):
                f.write('[    2.345678] %s\n' % line)
                f.write('realm: something else\n')
        out = subprocess.run([sys.executable, TOOL, console, prog], capture_output=True, text=True)
        report(out.returncode == 0 and out.stdout ==
               'rim: %s\nrem0: %s\n' % (exp['sha256-basic'], exp['rem0-sha-256']),
               'a console, timestamps and another Realm before: "rim:", "rem0:" lines')
        out = subprocess.run([sys.executable, TOOL, '--rules', '1.0', '--verbose',
                              os.path.join(HERE, 'cases', 'rules-1.0.load'), prog],
                             capture_output=True, text=True)
        report(out.returncode == 0 and 'rim: %s' % exp['rules-1.0'] in out.stdout and
               out.stdout.count(' -> ') == 4, '--verbose: the RIM after each of 4 events')
        with open(prog, 'ab') as f:
            f.write(b'x')
        out = subprocess.run([sys.executable, TOOL, os.path.join(HERE, 'cases',
                                                                 'sha256-basic.load'), prog],
                             capture_output=True, text=True)
        report(out.returncode == 0 and 'loaded a 5000-byte program' in out.stderr,
               'a program of another size than the host loaded: a note')
        out = subprocess.run([sys.executable, TOOL, os.path.join(HERE, 'cases',
                                                                 'sha256-basic.load')],
                             capture_output=True, text=True)
        report(out.returncode == 2, 'usage error without a program')

    # 4. Refused load lists.
    def refused(what, lines, reason, rules=None, program=PROGRAM):
        try:
            compute(lines, program, rules)
        except rim.LoadListError as e:
            report(reason in str(e), '%s: refused (%s)' % (what, e))
            return
        report(False, '%s: accepted' % what)

    refused('no end', base[:-1], 'no end')
    refused('no begin', base[1:], 'before begin')
    refused('no realm line', [base[0]] + base[2:], 'realm line must follow')
    refused('a second realm line', base[:3] + [base[1]] + base[3:], 'a second realm')
    refused('an unknown event', base[:2] + ['rmi: load: frob x=1'] + base[2:], 'unknown event')
    refused('an unknown field', edit(base, 'flags=0x1', 'flags=0x1 colour=red'), 'unexpected')
    refused('a missing field', edit(base, ' src=0x0', ''), 'no src')
    refused('data flags 2', edit(base, 'src=0x0 flags=0x1', 'src=0x0 flags=0x2'), 'bit 0 only')
    refused('src beyond the program', edit(base, 'src=0x1000', 'src=0x2000'), 'src=0x2000')
    refused('src not a granule', edit(base, 'src=0x1000', 'src=0x1001'), 'src=0x1001')
    refused('ipa not a granule', edit(base, 'data ipa=0x1000', 'data ipa=0x1800'), 'not a granule')
    refused('a short RPV', edit(base, 'rpv=00', 'rpv='), 'rpv')
    refused('seven registers', edit(base, 'gprs=0x1,0x400000,0x0,0x0,0x0,0x0,0x0,0x0',
                                    'gprs=0x1,0x400000,0x0,0x0,0x0,0x0,0x0'), '8 values')
    refused('SHA-384 under RMI 1.0', edit(base, 'hash_algo=0', 'hash_algo=2'), 'not in RMI 1.0',
            rules='1.0')
    refused('an unknown hash algorithm', edit(base, 'hash_algo=0', 'hash_algo=9'), 'not in RMI 2.0')
    refused('unknown rules', base, 'rules', rules='3.0')
    refused('a RIPAS base not on its level', edit(base, 'base=0x0 top=0x400000 level=3',
                                                  'base=0x1000 top=0x400000 level=2'), 'ripas')
    refused('load list version 2', edit(base, 'version=1', 'version=2'), 'version 2')
    refused('s2sz over 8 bits', edit(base, 's2sz=33', 's2sz=256'), '8 bits')

    failed = results.count(False)
    print('rim: %d passed, %d failed' % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
