#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# rmi-attest.py: check that the Realm make run ran is the Realm the host
# built, by its attestation token.
#
# Usage: scripts/rmi-attest.py [--load-list FILE] [--rules 1.0|2.0] CONSOLE PROGRAM
#   CONSOLE:     what make run's console has: the load list ("rmi: load:"
#                lines), the host's challenge ("rmi: challenge:"), the
#                report header and the token as the Realm handed them over
#                ("rmi: report:", "rmi: token:" hex lines), in that order.
#                The last run on the console counts.
#   PROGRAM:     the Realm program's image (module/realm/realm.bin).
#   --load-list: the load list the verifier expects, instead of the
#                console's (what a verifier that does not trust the host's
#                account of itself would give).
#   --rules:     measurement rules, as scripts/rmi-rim.py.
#
# Checks, one line each:
#   - the Realm's report: it passed every step, its token is complete;
#   - the token decodes: a CCA token collection (tag 399, or TF-RMM's 907
#     with [263, token] entries) holding a Realm token, a COSE_Sign1;
#   - challenge: the Realm token's challenge is the host's;
#   - signature: the Realm token is signed (ES384 on TF-A's QEMU platform)
#     by the Realm attestation key it carries (a COSE_Key, RFC 8152 7);
#   - hash algorithm: the token's is the configured one (load list);
#   - RIM: the token's = what the Realm read = rmi-rim.py's reference;
#   - REM: REM 0 = the program's extend, REM 1 to 3 zero, as read too;
#   - RPV: the token's is the configured one (load list).
# The platform token is decoded and its binding to the Realm attestation
# key reported, not checked: QEMU's TF-A hands out a fixed sample.
#
# Exits 0 after "attestation: challenge ok, signature ok, RIM ok (<hex>),
# REM ok, RPV ok"; 1 on any mismatch (both values printed), 2 on usage.
# Formats: Documentation/arch/arm64/rmi-realm.rst.

import hashlib
import importlib.util
import os
import re
import struct
import sys

import cbor2
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_spec = importlib.util.spec_from_file_location('rmi_rim', os.path.join(TOP, 'scripts',
                                                                     'rmi-rim.py'))
rmi_rim = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(rmi_rim)

ABI = rmi_rim.abi()
TIMESTAMP = re.compile(r'^\[[ 0-9.]*\] ')

# The CCA token (DEN0137 1.0-rel0 A7.2.3; TF-RMM attestation_defs_priv.h).
TAG_CCA_TOKEN = (399, 907)
CWT_TYPE = 263
COSE_SIGN1_TAG = 18
CCA_PLATFORM_TOKEN = 44234
CCA_REALM_DELEGATED_TOKEN = 44241
CHALLENGE = 10
RPV = 44235
HASH_ALGO_ID = 44236
PUB_KEY = 44237
RIM = 44238
REMS = 44239
PUB_KEY_HASH_ALGO_ID = 44240
# COSE (RFC 8152): algorithms, key parameters, curves.
COSE_ALGS = {-7: (ec.SECP256R1, hashes.SHA256), -35: (ec.SECP384R1, hashes.SHA384),
             -36: (ec.SECP521R1, hashes.SHA512)}
COSE_CURVES = {1: ec.SECP256R1, 2: ec.SECP384R1, 3: ec.SECP521R1}
HASHLIB = {'sha-256': hashlib.sha256, 'sha-384': hashlib.sha384, 'sha-512': hashlib.sha512}


class Failed(Exception):
    pass


def say(text):
    print('attestation: %s' % text)


def read_console(path):
    """The last run's load list, challenge, report header and token."""
    with open(path, errors='replace') as f:
        lines = [TIMESTAMP.sub('', l.rstrip('\r\n')) for l in f]
    begins = [i for i, l in enumerate(lines) if l.startswith('rmi: load: begin')]
    if not begins:
        raise Failed('no load list ("rmi: load: begin") on the console')
    run = lines[begins[-1]:]
    found = {'challenge': b'', 'report': b'', 'token': b''}
    for line in run:
        m = re.match(r'^rmi: (challenge|report|token): ([0-9a-fA-F]*)\s*$', line)
        if m:
            try:
                found[m.group(1)] += bytes.fromhex(m.group(2))
            except ValueError:
                raise Failed('not hex: %s' % line)
    for what in found:
        if not found[what]:
            raise Failed('no "rmi: %s:" line after the load list' % what)
    return run, found


def decode_report(raw):
    """The report header: fields at realm-abi.h's offsets."""
    if len(raw) < ABI['REALM_REPORT_TOKEN_OFFSET']:
        raise Failed('report header of %d bytes, not %d' % (len(raw),
                                                             ABI['REALM_REPORT_TOKEN_OFFSET']))

    def u32(name):
        return struct.unpack_from('<I', raw, ABI['REALM_REPORT_%s_OFFSET' % name])[0]

    def u64(name):
        return struct.unpack_from('<Q', raw, ABI['REALM_REPORT_%s_OFFSET' % name])[0]

    def m64(name):
        off = ABI['REALM_REPORT_%s_OFFSET' % name]
        return raw[off:off + ABI['REALM_REPORT_MEASUREMENT_SIZE']]

    return {'magic': u32('MAGIC'), 'version': u32('VERSION'), 'status': u32('STATUS'),
            'hash_algo': u32('HASH_ALGO'), 'detail': u64('DETAIL'),
            'token_len': u64('TOKEN_LEN'), 'challenge': m64('CHALLENGE'),
            'rim': m64('RIM'), 'rem': m64('REM')}


def step_name(status):
    for name, value in ABI.items():
        if name.startswith('REALM_STEP_') and value == status:
            return name[len('REALM_STEP_'):].lower()
    return 'step %d' % status


def untag(obj, tags, what):
    if not isinstance(obj, cbor2.CBORTag) or obj.tag not in tags:
        raise Failed('%s: not CBOR tag %s' % (what, ' or '.join(map(str, tags))))
    return obj.value


def collection_entry(value, what):
    """A token of the collection: a bstr (tag 399), or [263, bstr] (tag 907)."""
    if isinstance(value, list) and len(value) == 2 and value[0] == CWT_TYPE:
        value = value[1]
    if not isinstance(value, bytes):
        raise Failed('%s: not a byte string' % what)
    return value


def decode_token(token):
    try:
        top = cbor2.loads(token)
    except Exception as e:
        raise Failed('the token is not CBOR: %s' % e)
    tag = top.tag if isinstance(top, cbor2.CBORTag) else None
    collection = untag(top, TAG_CCA_TOKEN, 'the CCA token')
    if not isinstance(collection, dict) or CCA_REALM_DELEGATED_TOKEN not in collection:
        raise Failed('the CCA token has no Realm token (%d)' % CCA_REALM_DELEGATED_TOKEN)
    realm = collection_entry(collection[CCA_REALM_DELEGATED_TOKEN], 'the Realm token')
    platform = collection_entry(collection.get(CCA_PLATFORM_TOKEN, b''), 'the platform token')
    try:
        sign1 = untag(cbor2.loads(realm), (COSE_SIGN1_TAG,), 'the Realm token')
        if not isinstance(sign1, list) or len(sign1) != 4:
            raise Failed('the Realm token is not a COSE_Sign1')
        protected, _, payload, signature = sign1
        header = cbor2.loads(protected) if protected else {}
        claims = cbor2.loads(payload)
    except (ValueError, cbor2.CBORDecodeError) as e:
        raise Failed('the Realm token does not decode: %s' % e)
    if not isinstance(claims, dict):
        raise Failed('the Realm token claims are not a map')
    return {'tag': tag, 'realm': realm, 'platform': platform, 'protected': protected,
            'header': header, 'payload': payload, 'signature': signature, 'claims': claims}


def public_key(raw):
    """The Realm attestation key: a COSE_Key, or a bare SEC1 point."""
    if raw[:1] == b'\x04':
        for curve in (ec.SECP256R1, ec.SECP384R1, ec.SECP521R1):
            if len(raw) == 1 + 2 * ((curve.key_size + 7) // 8):
                return ec.EllipticCurvePublicKey.from_encoded_point(curve(), raw)
    key = cbor2.loads(raw)
    if not isinstance(key, dict) or key.get(1) != 2 or key.get(-1) not in COSE_CURVES:
        raise Failed('the Realm public key is not an EC2 COSE_Key on a known curve')
    x, y = key.get(-2), key.get(-3)
    if not isinstance(x, bytes) or not isinstance(y, bytes):
        raise Failed('the Realm public key has no x and y coordinates')
    return ec.EllipticCurvePublicKey.from_encoded_point(COSE_CURVES[key[-1]](),
                                                       b'\x04' + x + y)


def verify(tok):
    """COSE_Sign1 (RFC 8152 4.4): the signature over the Sig_structure."""
    alg = tok['header'].get(1)
    if alg not in COSE_ALGS:
        raise Failed('algorithm %r: ES256, ES384 or ES512' % alg)
    curve, digest = COSE_ALGS[alg]
    key = public_key(tok['claims'][PUB_KEY])
    if not isinstance(key.curve, curve):
        raise Failed('a %s key for algorithm %d' % (key.curve.name, alg))
    size = (key.curve.key_size + 7) // 8
    sig = tok['signature']
    if len(sig) != 2 * size:
        raise Failed('a signature of %d bytes, not %d' % (len(sig), 2 * size))
    to_be_signed = cbor2.dumps(['Signature1', tok['protected'], b'', tok['payload']])
    der = encode_dss_signature(int.from_bytes(sig[:size], 'big'),
                               int.from_bytes(sig[size:], 'big'))
    try:
        key.verify(der, to_be_signed, ec.ECDSA(digest()))
    except InvalidSignature:
        raise Failed('the signature does not verify with the key in the token')
    return {-7: 'ES256', -35: 'ES384', -36: 'ES512'}[alg], key.curve.name


def without_lines(load):
    """A load list without the line numbers it was read from."""
    events = [load['begin'], load['realm']] + load['events']
    return [{k: v for k, v in e.items() if k != 'line'} for e in events]


def main(argv):
    load_list = rules = None
    args = []
    i = 0
    while i < len(argv):
        if argv[i] in ('--load-list', '--rules') and i + 1 < len(argv):
            if argv[i] == '--load-list':
                load_list = argv[i + 1]
            else:
                rules = argv[i + 1]
            i += 2
            continue
        args.append(argv[i])
        i += 1
    if len(args) != 2:
        sys.stderr.write('usage: rmi-attest.py [--load-list FILE] [--rules 1.0|2.0] '
                         'CONSOLE PROGRAM\n')
        return 2
    failed = []

    def check(name, ok, good, bad):
        if ok:
            say('%s ok: %s' % (name, good))
        else:
            say('%s FAILED: %s' % (name, bad))
            failed.append(name)
        return ok

    try:
        run, found = read_console(args[0])
        if load_list:
            with open(load_list, errors='replace') as f:
                load = rmi_rim.parse(f.readlines())
            if without_lines(rmi_rim.parse(run)) != without_lines(load):
                say('note: the console\'s load list differs from %s, which counts' % load_list)
        else:
            load = rmi_rim.parse(run)
        with open(args[1], 'rb') as f:
            program = f.read()
        realm = load['realm']
        name = rmi_rim.HASHES[realm['hash_algo']][0] if realm['hash_algo'] in rmi_rim.HASHES \
            else 'hash_algo %d' % realm['hash_algo']
        reference = rmi_rim.compute(load, program, rules)
        size = len(reference)

        rep = decode_report(found['report'])
        if rep['magic'] != ABI['REALM_REPORT_MAGIC'] or \
                rep['version'] != ABI['REALM_REPORT_VERSION']:
            raise Failed('report magic %#x version %d: not a version %d report' %
                         (rep['magic'], rep['version'], ABI['REALM_REPORT_VERSION']))
        if rep['status']:
            raise Failed('the Realm failed at its %s step (status %d, detail %#x)' %
                         (step_name(rep['status']), rep['status'], rep['detail']))
        if rep['token_len'] != len(found['token']):
            raise Failed('the report says %d token bytes, the console has %d' %
                         (rep['token_len'], len(found['token'])))
        say('report: the Realm passed every step; a %d-byte token' % rep['token_len'])

        tok = decode_token(found['token'])
        claims = tok['claims']
        missing = [k for k in (CHALLENGE, RPV, HASH_ALGO_ID, PUB_KEY, RIM, REMS) if k not in claims]
        if missing:
            raise Failed('the Realm token lacks claim(s) %s' % ', '.join(map(str, missing)))
        say('token: CCA token (tag %d), a %d-byte Realm token, a %d-byte platform token' %
            (tok['tag'], len(tok['realm']), len(tok['platform'])))

        host = found['challenge']
        check('challenge', claims[CHALLENGE] == host and rep['challenge'] == host,
              "the token's is the host's (%s...)" % host[:16].hex(),
              "token %s, Realm's %s, host's %s" % (claims[CHALLENGE].hex(),
                                                   rep['challenge'].hex(), host.hex()))
        try:
            alg, curve = verify(tok)
            check('signature', True, '%s by the Realm attestation key in the token (%s)' %
                  (alg, curve), '')
        except (Failed, ValueError) as e:
            check('signature', False, '', str(e))
        read_name = {ABI['REALM_RSI_HASH_SHA_256']: 'sha-256',
                     ABI['REALM_RSI_HASH_SHA_512']: 'sha-512',
                     ABI['REALM_RSI_HASH_SHA_384']: 'sha-384'}.get(rep['hash_algo'], '?')
        check('hash algorithm', claims[HASH_ALGO_ID] == name and read_name == name,
              '%s, as configured' % name,
              'token "%s", Realm\'s config "%s", configured "%s"' % (claims[HASH_ALGO_ID],
                                                                     read_name, name))
        token_rim, read_rim = claims[RIM], rep['rim'][:size]
        ok = token_rim == reference and read_rim == reference and \
            not any(rep['rim'][size:])
        check('RIM', ok, "the token's = the Realm's = the reference (%s)" % reference.hex(),
              'token %s, read by the Realm %s, reference %s' %
              (token_rim.hex(), (read_rim if not any(rep['rim'][size:]) else rep['rim']).hex(),
               reference.hex()))
        expected = rmi_rim.rem0(realm['hash_algo'])
        rems = claims[REMS]
        ok = isinstance(rems, list) and len(rems) == 4 and rems[0] == expected and \
            all(r == bytes(size) for r in rems[1:]) and rep['rem'][:size] == expected and \
            not any(rep['rem'][size:])
        check('REM', ok, 'REM 0 = the program\'s extend (%s...), REMs 1 to 3 zero' %
              expected[:16].hex(),
              'token %s, read by the Realm %s, expected REM 0 %s' %
              ([r.hex() if isinstance(r, bytes) else r for r in rems]
               if isinstance(rems, list) else rems, rep['rem'].hex(), expected.hex()))
        check('RPV', claims[RPV] == realm['rpv'], 'as configured (%s...)' % realm['rpv'][:16].hex(),
              'token %s, configured %s' % (claims[RPV].hex() if isinstance(claims[RPV], bytes)
                                           else claims[RPV], realm['rpv'].hex()))

        platform_note(tok)
    except (Failed, rmi_rim.LoadListError, OSError) as e:
        say('FAILED: %s' % e)
        return 1
    if failed:
        say('FAILED: %s' % ', '.join(failed))
        return 1
    say('challenge ok, signature ok, RIM ok (%s), REM ok, RPV ok' % reference.hex())
    return 0


def platform_note(tok):
    """Whether the platform token binds the Realm attestation key: a note."""
    if not tok['platform']:
        say('note: no platform token')
        return
    try:
        sign1 = cbor2.loads(tok['platform'])
        claims = cbor2.loads(untag(sign1, (COSE_SIGN1_TAG,), 'the platform token')[2])
        algo = tok['claims'].get(PUB_KEY_HASH_ALGO_ID, 'sha-256')
        bound = claims.get(CHALLENGE) == HASHLIB.get(algo, hashlib.sha256)(
            tok['claims'][PUB_KEY]).digest()
    except Exception as e:
        say('note: the platform token does not decode (%s); not verified' % e)
        return
    say('note: platform token %s the Realm attestation key; not verified (QEMU\'s TF-A '
        'hands out a fixed sample)' % ('binds' if bound else 'does not bind'))


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
