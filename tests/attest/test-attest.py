#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# Tests of scripts/rmi-attest.py, run by make check, on synthetic
# consoles: a load list, the host's challenge, the Realm's report header
# and a CCA attestation token built here as TF-RMM builds one (a collection
# of the platform token and a Realm token, a COSE_Sign1 of the Realm claims
# signed ES384 by a P-384 Realm attestation key, as TF-A's QEMU platform
# provisions), with keys python3-cryptography makes for the test.
#
# One console per case: every check passing (both collection forms, both
# key encodings, SHA-256 and SHA-512), then each check failing in turn,
# then the Realm built from one changed measured input -- a byte of the
# program, REC 0's entry point, the hash algorithm, the RPV -- which the
# verifier must catch with both values printed.
#
# Prints "ok N - ..." or "not ok N - ..." per case; exits 1 on a failure.

import hashlib
import importlib.util
import os
import struct
import subprocess
import sys
import tempfile

import cbor2
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(TOP, 'scripts', 'rmi-attest.py')
spec = importlib.util.spec_from_file_location('rmi_rim', os.path.join(TOP, 'scripts',
                                                                    'rmi-rim.py'))
rmi_rim = importlib.util.module_from_spec(spec)
spec.loader.exec_module(rmi_rim)
ABI = rmi_rim.abi()

PROGRAM = (b'rmi-attest test program\n' * 500)[:9000]
RPV = bytes(range(64))
CHALLENGE = bytes(0xc0 ^ i for i in range(64))
RAK = ec.generate_private_key(ec.SECP384R1())
IAK = ec.generate_private_key(ec.SECP384R1())
OTHER = ec.generate_private_key(ec.SECP384R1())
results = []


def load_list(hash_algo=0, rpv=RPV, pc=0):
    return ['rmi: load: begin version=1 rmi=2.0 size=%d' % len(PROGRAM),
            'rmi: load: realm flags=0x0 s2sz=33 sve_vl=0 num_bps=1 num_wps=1 pmu_num_ctrs=0 '
            'hash_algo=%d rpv=%s' % (hash_algo, rpv.hex()),
            'rmi: load: ripas base=0x0 top=0x400000 level=3',
            'rmi: load: data ipa=0x0 src=0x0 flags=0x1',
            'rmi: load: data ipa=0x1000 src=0x1000 flags=0x1',
            'rmi: load: data ipa=0x2000 src=0x2000 flags=0x1',
            'rmi: load: rec index=0 flags=0x1 mpidr=0x0 pc=%#x '
            'gprs=0x2,0x400000,0x0,0x0,0x0,0x0,0x0,0x0' % pc,
            'rmi: load: rec index=1 flags=0x0 mpidr=0x1 pc=0x0 '
            'gprs=0x0,0x0,0x0,0x0,0x0,0x0,0x0,0x0',
            'rmi: load: end']


def cose_key(key):
    n = key.public_key().public_numbers()
    size = (key.curve.key_size + 7) // 8
    return cbor2.dumps({1: 2, -1: 2, -2: n.x.to_bytes(size, 'big'),
                        -3: n.y.to_bytes(size, 'big')})


def sign1(key, claims, alg=-35, digest=hashes.SHA384):
    protected = cbor2.dumps({1: alg})
    payload = cbor2.dumps(claims)
    der = key.sign(cbor2.dumps(['Signature1', protected, b'', payload]), ec.ECDSA(digest()))
    r, s = decode_dss_signature(der)
    size = (key.curve.key_size + 7) // 8
    return [protected, {}, payload, r.to_bytes(size, 'big') + s.to_bytes(size, 'big')]


class Realm:
    """What a Realm built from @load and @program would hand over."""

    def __init__(self, load=None, program=PROGRAM):
        self.load = load or load_list()
        realm = rmi_rim.parse(self.load)
        algo = realm['realm']['hash_algo']
        self.rim = rmi_rim.compute(realm, program)
        self.rem = rmi_rim.rem0(algo)
        self.size = len(self.rim)
        self.hash_name = rmi_rim.HASHES[algo][0]
        self.hash_algo = algo
        self.claims = {10: CHALLENGE, 265: 'tag:arm.com,2024:realm#2.0.0',
                       44235: realm['realm']['rpv'], 44237: cose_key(RAK),
                       44236: self.hash_name, 44240: 'sha-256', 44238: self.rim,
                       44239: [self.rem] + [bytes(self.size)] * 3}
        self.status = 0
        self.read_rim = self.rim
        self.read_rem = self.rem
        self.echoed = CHALLENGE
        self.tag = 907
        self.signer = RAK
        self.alg = (-35, hashes.SHA384)
        self.tamper = None
        self.platform_claims = {10: hashlib.sha256(cose_key(RAK)).digest()}

    def token(self):
        realm = sign1(self.signer, self.claims, *self.alg)
        if self.tamper:
            self.tamper(realm)
        realm = cbor2.dumps(cbor2.CBORTag(18, realm))
        platform = cbor2.dumps(cbor2.CBORTag(18, sign1(IAK, self.platform_claims)))
        if self.tag == 907:
            collection = {44234: [263, platform], 44241: [263, realm]}
        else:
            collection = {44234: platform, 44241: realm}
        return cbor2.dumps(cbor2.CBORTag(self.tag, collection))

    def report(self, token_len):
        h = bytearray(ABI['REALM_REPORT_TOKEN_OFFSET'])

        def put(name, fmt, value):
            struct.pack_into(fmt, h, ABI['REALM_REPORT_%s_OFFSET' % name], value)

        put('MAGIC', '<I', ABI['REALM_REPORT_MAGIC'])
        put('VERSION', '<I', ABI['REALM_REPORT_VERSION'])
        put('STATUS', '<I', self.status)
        put('HASH_ALGO', '<I', self.hash_algo)
        put('TOKEN_LEN', '<Q', token_len)
        for name, value in (('CHALLENGE', self.echoed), ('RIM', self.read_rim),
                            ('REM', self.read_rem)):
            off = ABI['REALM_REPORT_%s_OFFSET' % name]
            h[off:off + len(value)] = value
        return bytes(h)


def console(realm, load=None, challenge=CHALLENGE, token=None, drop=None):
    token = realm.token() if token is None else token
    lines = ['Booting Linux on physical CPU 0x0']
    lines += ['[    1.%06d] %s' % (i, l) for i, l in enumerate(load or realm.load)]
    lines += ['[    1.500000] realm: rmi realm program: REC 0 of 2, RAM 0x400000 bytes',
              '[    1.600000] rmi: challenge: %s' % challenge.hex()]
    rep = realm.report(len(token))
    lines += ['[    1.700000] rmi: report: %s' % rep[i:i + 64].hex()
              for i in range(0, len(rep), 64)]
    lines += ['[    1.800000] rmi: token: %s' % token[i:i + 64].hex()
              for i in range(0, len(token), 64)]
    lines += ['[    1.900000] rmi: done: every granule is back']
    if drop:
        lines = [l for l in lines if drop not in l]
    return '\n'.join(lines) + '\n'


def run(tmp, text, *extra):
    path = os.path.join(tmp, 'console')
    with open(path, 'w') as f:
        f.write(text)
    prog = os.path.join(tmp, 'program')
    with open(prog, 'wb') as f:
        f.write(PROGRAM)
    out = subprocess.run([sys.executable, TOOL] + list(extra) + [path, prog],
                         capture_output=True, text=True)
    return out.returncode, out.stdout + out.stderr


def expect(tmp, what, text, code, present=(), absent=(), extra=()):
    rc, out = run(tmp, text, *extra)
    ok = rc == code and all(p in out for p in present) and not any(a in out for a in absent)
    results.append(ok)
    print('%s %d - %s' % ('ok' if ok else 'not ok', len(results), what))
    if not ok:
        print('# exit %d, expected %d; output:' % (rc, code))
        print(''.join('#   %s\n' % l for l in out.splitlines()), end='')


def main():
    with tempfile.TemporaryDirectory() as tmp:
        good = Realm()
        final = ('attestation: challenge ok, signature ok, RIM ok (%s), REM ok, RPV ok' %
                 good.rim.hex())
        expect(tmp, 'every check passes (tag 907 collection)', console(good), 0,
               [final, 'platform token binds'])

        r = Realm(load_list(hash_algo=1))
        r.tag = 399
        expect(tmp, 'every check passes (tag 399 collection, SHA-512)', console(r), 0,
               ['RIM ok (%s)' % r.rim.hex(), 'sha-512, as configured'])

        r = Realm()
        n = RAK.public_key().public_numbers()
        r.claims[44237] = b'\x04' + n.x.to_bytes(48, 'big') + n.y.to_bytes(48, 'big')
        expect(tmp, 'every check passes (the key as a bare SEC1 point)', console(r), 0, [final])

        # Each check failing in turn.
        r = Realm()
        r.claims[10] = bytes(64)
        expect(tmp, "challenge: the token's is not the host's", console(r), 1,
               ['challenge FAILED', 'FAILED: challenge'])
        r = Realm()
        r.echoed = bytes(64)
        expect(tmp, "challenge: the Realm's is not the host's", console(r), 1,
               ['challenge FAILED'])

        r = Realm()
        r.tamper = lambda t: t.__setitem__(3, t[3][:-1] + bytes([t[3][-1] ^ 1]))
        expect(tmp, 'signature: a bit of the signature flipped', console(r), 1,
               ['signature FAILED: the signature does not verify'], ['signature ok'])
        r = Realm()
        bad_claims = dict(r.claims)
        bad_claims[44238] = bytes(32)
        r.tamper = lambda t: t.__setitem__(2, cbor2.dumps(bad_claims))
        expect(tmp, 'signature: the claims changed after signing', console(r), 1,
               ['signature FAILED', 'RIM FAILED'])
        r = Realm()
        r.signer = OTHER
        expect(tmp, 'signature: signed by another key than the token carries', console(r), 1,
               ['signature FAILED'])
        r = Realm()
        r.alg = (-7, hashes.SHA256)
        expect(tmp, 'signature: ES256 claimed, a P-384 key', console(r), 1,
               ['signature FAILED: a secp384r1 key for algorithm -7'])

        r = Realm()
        r.claims[44236] = 'sha-512'
        expect(tmp, 'hash algorithm: the token says sha-512, sha-256 configured', console(r), 1,
               ['hash algorithm FAILED'])

        r = Realm()
        r.read_rim = bytes(32)
        expect(tmp, 'RIM: the Realm read another RIM than the token has', console(r), 1,
               ['RIM FAILED'])
        r = Realm()
        r.claims[44239] = [r.rem, bytes(31) + b'\x01', bytes(32), bytes(32)]
        expect(tmp, 'REM: REM 1 is not zero', console(r), 1, ['REM FAILED'])
        r = Realm()
        r.read_rem = bytes(32)
        expect(tmp, 'REM: the Realm read another REM 0', console(r), 1, ['REM FAILED'])
        r = Realm()
        r.claims[44239] = [hashlib.sha256(b'other').digest()] + [bytes(32)] * 3
        expect(tmp, 'REM: REM 0 extended with another value', console(r), 1, ['REM FAILED'])

        r = Realm()
        r.status = ABI['REALM_STEP_RIPAS']
        expect(tmp, 'report: the Realm failed a step', console(r), 1,
               ['FAILED: the Realm failed at its ripas step'])
        r = Realm()
        tok = r.token()
        expect(tmp, 'report: the token on the console is cut short',
               console(r, token=tok)[:-200] + '\n', 1, ['FAILED'])
        expect(tmp, 'token: not CBOR', console(r, token=b'\x1c garbage'), 1,
               ['FAILED: the token is not CBOR'])
        expect(tmp, 'token: not a CCA token collection',
               console(r, token=cbor2.dumps(cbor2.CBORTag(18, [b'', {}, b'', b'']))), 1,
               ['FAILED: the CCA token: not CBOR tag 399 or 907'])
        expect(tmp, 'console: no challenge line', console(good, drop='rmi: challenge'), 1,
               ['no "rmi: challenge:" line'])
        expect(tmp, 'console: no load list', console(good, drop='rmi: load'), 1,
               ['no load list'])
        r = Realm()
        r.platform_claims = {10: bytes(32)}
        expect(tmp, 'a platform token that does not bind the key: a note, not a failure',
               console(r), 0, [final, 'platform token does not bind'])

        # One measured input changed: the Realm differs from the reference.
        flipped = bytearray(PROGRAM)
        flipped[0x1234] ^= 0x40
        r = Realm(program=bytes(flipped))
        expect(tmp, 'changed input: a byte of the program: RIM fails, both values',
               console(r), 1, ['RIM FAILED', 'token %s' % r.rim.hex(),
                               'reference %s' % good.rim.hex()])
        r = Realm(load_list(pc=0x40))
        expected_load = os.path.join(tmp, 'expected.load')
        with open(expected_load, 'w') as f:
            f.write('\n'.join(load_list()) + '\n')
        expect(tmp, "changed input: REC 0's entry point (expected load list given): "
               'RIM fails, both values', console(r), 1,
               ['RIM FAILED', 'token %s' % r.rim.hex(), 'reference %s' % good.rim.hex(),
                'differs from'], extra=['--load-list', expected_load])
        expect(tmp, "changed input: REC 0's entry point (the console's load list claims the "
               'expected one): RIM fails, both values', console(r, load=load_list()), 1,
               ['RIM FAILED', 'token %s' % r.rim.hex(), 'reference %s' % good.rim.hex()])
        r = Realm(load_list(hash_algo=1))
        expect(tmp, 'changed input: the hash algorithm: hash and RIM fail, both values',
               console(r, load=load_list()), 1,
               ['hash algorithm FAILED', 'RIM FAILED', 'token %s' % r.rim.hex(),
                'reference %s' % good.rim.hex()])
        r = Realm(load_list(rpv=bytes(64)))
        expect(tmp, 'changed input: the RPV: the RPV check fails with both values; '
               'the RIM does not measure it', console(r, load=load_list()), 1,
               ['RPV FAILED: token %s, configured %s' % (bytes(64).hex(), RPV.hex()),
                'RIM ok'])

    failed = results.count(False)
    print('attest: %d passed, %d failed' % (len(results) - failed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
