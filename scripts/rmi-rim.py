#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# rmi-rim.py: reference values for a Realm the RMI library built: the RIM
# it must have when activated, from what the host loaded, and REM 0 after
# the Realm program (module/realm) extends it.  What a verifier computes to
# check an attestation token of that Realm.
#
# Usage: scripts/rmi-rim.py [--rules 1.0|2.0] [--verbose] LOAD_LIST PROGRAM
#   LOAD_LIST: a file with the "rmi: load: " lines rmi.ko prints (a whole
#              console will do: other lines are ignored; the last load list
#              in it counts).
#   PROGRAM:   the flat image the data lines' src= offsets point into
#              (module/realm/realm.bin).
#   --rules:   which measurement rules; default: the load list's rmi=.
#
# Prints "rim: <hex>" and "rem0: <hex>"; --verbose also the RIM after each
# event.  Exits 1 with the reason on a load list it cannot use.
#
# The rules, their sources (DEN0137 1.0-rel0; TF-RMM 6c7b2a9bb7ad for RMI
# 2.0) and the load list format: Documentation/arch/arm64/rmi-realm.rst.
# In short, with H the Realm's hash algorithm and every structure
# zero-filled, little-endian, a measurement zero-extended to 64 bytes:
#
#   RIM = H(RmiRealmParams page: flags, s2sz, sve_vl, num_bps, num_wps,
#           pmu_num_ctrs, hash_algo at their offsets)
#   data:  RIM = H(256-byte descriptor: type 0, len 0x100, RIM at 0x10,
#                  ipa at 0x50, flags at 0x58, H(granule) at 0x60 if measured)
#   rec:   runnable only: RIM = H(descriptor: type 1, len, RIM,
#                  H(RmiRecParams page: flags, pc, gprs[0..7]) at 0x50)
#   ripas: 1.0 only, per RTT entry of the level: RIM = H(descriptor:
#                  type 2, len, RIM, entry base at 0x50, entry top at 0x58)
#   REM 0 = H(zeros of the hash's size || the 32-byte extend value)

import hashlib
import os
import re
import struct
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ABI_H = os.path.join(TOP, 'module', 'realm', 'realm-abi.h')

GRANULE = 0x1000
MEASUREMENT = 64
DESC_SIZE = 0x100
DESC_DATA, DESC_REC, DESC_RIPAS = 0, 1, 2

# RmiHashAlgorithm: name (as the token's claims spell it), function.
HASHES = {
    0: ('sha-256', hashlib.sha256),
    1: ('sha-512', hashlib.sha512),
    2: ('sha-384', hashlib.sha384),
}

# Each revision's rules: the hash algorithms it has, whether
# RMI_RTT_INIT_RIPAS extends the RIM, and where the rules come from.
RULES = {
    '1.0': {
        'hashes': (0, 1),
        'ripas': True,
        'source': 'DEN0137 1.0-rel0 (B4.3.1.4, B4.3.9.4, B4.3.12.4, B4.3.18.4)',
    },
    '2.0': {
        'hashes': (0, 1, 2),
        'ripas': False,
        'source': 'TF-RMM 6c7b2a9bb7ad, RMI 2.0: RMI_RTT_INIT_RIPAS not measured',
    },
}

LINE = re.compile(r'^(?:\[[ 0-9.]*\] )?rmi: load: (\S+)(.*)$')

# Each event: its fields, all required, and how to read them.
FIELDS = {
    'begin': ('version', 'rmi', 'size'),
    'realm': ('flags', 's2sz', 'sve_vl', 'num_bps', 'num_wps', 'pmu_num_ctrs',
              'hash_algo', 'rpv'),
    'ripas': ('base', 'top', 'level'),
    'data': ('ipa', 'src', 'flags'),
    'rec': ('index', 'flags', 'mpidr', 'pc', 'gprs'),
    'end': (),
}


class LoadListError(Exception):
    pass


def abi():
    """The object-like "#define REALM_* value" lines of realm-abi.h."""
    values = {}
    with open(ABI_H) as f:
        for line in f:
            m = re.match(r'#define\s+(REALM_\w+)\s+(0x[0-9a-fA-F]+|[0-9]+|"[^"]*")\s*$',
                         line)
            if m:
                v = m.group(2)
                values[m.group(1)] = v[1:-1] if v.startswith('"') else int(v, 0)
    return values


def hash_of(algo):
    if algo not in HASHES:
        raise LoadListError('hash_algo=%d: not a known RmiHashAlgorithm' % algo)
    return HASHES[algo][1]


def number(name, text, lineno):
    try:
        return int(text, 0)
    except ValueError:
        raise LoadListError('line %d: %s=%s: not a number' % (lineno, name, text))


def parse_event(kind, rest, lineno):
    if kind not in FIELDS:
        raise LoadListError('line %d: unknown event "%s"' % (lineno, kind))
    fields = {}
    for word in rest.split():
        key, eq, value = word.partition('=')
        if not eq or key not in FIELDS[kind] or key in fields:
            raise LoadListError('line %d: %s: unexpected "%s"' % (lineno, kind, word))
        fields[key] = value
    missing = [k for k in FIELDS[kind] if k not in fields]
    if missing:
        raise LoadListError('line %d: %s: no %s' % (lineno, kind, ', '.join(missing)))
    event = {'kind': kind, 'line': lineno}
    for key, value in fields.items():
        if key == 'rpv':
            if not re.fullmatch(r'[0-9a-fA-F]{128}', value):
                raise LoadListError('line %d: rpv: 64 bytes in hex' % lineno)
            event[key] = bytes.fromhex(value)
        elif key == 'gprs':
            regs = [number('gprs', v, lineno) for v in value.split(',')]
            if len(regs) != 8:
                raise LoadListError('line %d: gprs: X0 to X7, 8 values' % lineno)
            event[key] = regs
        elif key == 'rmi':
            event[key] = value
        else:
            event[key] = number(key, value, lineno)
    return event


def parse(lines):
    """The last load list in @lines: begin, realm, events, end."""
    events = None
    for lineno, line in enumerate(lines, 1):
        m = LINE.match(line.rstrip('\r\n'))
        if not m:
            continue
        event = parse_event(m.group(1), m.group(2), lineno)
        if event['kind'] == 'begin':
            events = [event]
        elif events is None:
            raise LoadListError('line %d: %s before begin' % (lineno, event['kind']))
        else:
            events.append(event)
    if not events:
        raise LoadListError('no "rmi: load: begin" line')
    if events[0]['version'] != 1:
        raise LoadListError('load list version %d: this tool reads 1' % events[0]['version'])
    if len(events) < 2 or events[1]['kind'] != 'realm':
        raise LoadListError('line %d: the realm line must follow begin' % events[0]['line'])
    if events[-1]['kind'] != 'end':
        raise LoadListError('the load list has no end (REALM_ACTIVATE): incomplete')
    for e in events[2:-1]:
        if e['kind'] in ('begin', 'realm', 'end'):
            raise LoadListError('line %d: a second %s' % (e['line'], e['kind']))
    return {'begin': events[0], 'realm': events[1], 'events': events[2:-1]}


def pad(measurement):
    return measurement + bytes(MEASUREMENT - len(measurement))


def descriptor(kind, rim, fields):
    """A measurement descriptor: type, length, the RIM, then @fields at their offsets."""
    d = bytearray(DESC_SIZE)
    d[0] = kind
    struct.pack_into('<Q', d, 0x8, DESC_SIZE)
    d[0x10:0x50] = pad(rim)
    for offset, value in fields:
        if isinstance(value, int):
            struct.pack_into('<Q', d, offset, value)
        else:
            d[offset:offset + len(value)] = value
    return bytes(d)


def realm_params(realm):
    """The measured RmiRealmParams: a zero-filled page with seven fields."""
    p = bytearray(GRANULE)
    struct.pack_into('<Q', p, 0x0, realm['flags'])
    for offset, key in ((0x8, 's2sz'), (0x10, 'sve_vl'), (0x18, 'num_bps'),
                        (0x20, 'num_wps'), (0x28, 'pmu_num_ctrs'), (0x30, 'hash_algo')):
        if not 0 <= realm[key] <= 0xff:
            raise LoadListError('line %d: %s=%d: 8 bits' % (realm['line'], key, realm[key]))
        p[offset] = realm[key]
    return bytes(p)


def rec_params(rec):
    """The measured RmiRecParams: a zero-filled page with flags, pc, gprs."""
    p = bytearray(GRANULE)
    struct.pack_into('<Q', p, 0x0, rec['flags'])
    struct.pack_into('<Q', p, 0x200, rec['pc'])
    struct.pack_into('<8Q', p, 0x300, *rec['gprs'])
    return bytes(p)


def level_size(level):
    """Bytes an RTT entry of @level maps, with 4KB granules."""
    if not -1 <= level <= 3:
        raise LoadListError('RTT level %d' % level)
    return GRANULE << (9 * (3 - level))


def granule(program, src, lineno):
    if src % GRANULE or not 0 <= src < len(program):
        raise LoadListError('line %d: src=%#x: a granule of the %d-byte program' %
                            (lineno, src, len(program)))
    data = program[src:src + GRANULE]
    return data + bytes(GRANULE - len(data))


def compute(load, program, rules=None, trace=None):
    """The RIM of the Realm @load describes, with @program as its image."""
    rules = rules or load['begin']['rmi']
    if rules not in RULES:
        raise LoadListError('rules "%s": 1.0 or 2.0' % rules)
    rule = RULES[rules]
    realm = load['realm']
    if realm['hash_algo'] not in rule['hashes']:
        raise LoadListError('hash_algo=%d is not in RMI %s' % (realm['hash_algo'], rules))
    h = hash_of(realm['hash_algo'])

    rim = h(realm_params(realm)).digest()
    if trace:
        trace('realm params -> %s' % rim.hex())
    for e in load['events']:
        if e['kind'] == 'data':
            if e['flags'] not in (0, 1):
                raise LoadListError('line %d: data flags=%#x: RmiDataFlags has bit 0 only' %
                                    (e['line'], e['flags']))
            if e['ipa'] % GRANULE:
                raise LoadListError('line %d: ipa=%#x: not a granule' % (e['line'], e['ipa']))
            content = h(granule(program, e['src'], e['line'])).digest() if e['flags'] else b''
            rim = h(descriptor(DESC_DATA, rim, ((0x50, e['ipa']), (0x58, e['flags']),
                                                (0x60, pad(content))))).digest()
            what = 'data ipa=%#x src=%#x flags=%#x' % (e['ipa'], e['src'], e['flags'])
        elif e['kind'] == 'rec':
            if not e['flags'] & 1:
                if trace:
                    trace('rec %d: not runnable, not measured' % e['index'])
                continue
            content = h(rec_params(e)).digest()
            rim = h(descriptor(DESC_REC, rim, ((0x50, pad(content)),))).digest()
            what = 'rec %d pc=%#x' % (e['index'], e['pc'])
        else:
            size = level_size(e['level'])
            if e['base'] % size or e['top'] <= e['base']:
                raise LoadListError('line %d: ripas [%#x, %#x) at level %d' %
                                    (e['line'], e['base'], e['top'], e['level']))
            if not rule['ripas']:
                if trace:
                    trace('ripas [%#x, %#x): not measured under RMI %s' %
                          (e['base'], e['top'], rules))
                continue
            for base in range(e['base'], e['top'], size):
                top = min(base + size, e['top'])
                rim = h(descriptor(DESC_RIPAS, rim, ((0x50, base), (0x58, top)))).digest()
            what = 'ripas [%#x, %#x) level %d' % (e['base'], e['top'], e['level'])
        if trace:
            trace('%s -> %s' % (what, rim.hex()))
    return rim


def rem0(hash_algo, value=None):
    """REM 0 after one extend with the program's value, from zero."""
    h = hash_of(hash_algo)
    if value is None:
        value = abi()['REALM_REM_EXTEND_VALUE'].encode()
    return h(bytes(h().digest_size) + value).digest()


def main(argv):
    rules = None
    verbose = False
    args = []
    i = 0
    while i < len(argv):
        if argv[i] == '--rules' and i + 1 < len(argv):
            rules = argv[i + 1]
            i += 2
            continue
        if argv[i] == '--verbose':
            verbose = True
        else:
            args.append(argv[i])
        i += 1
    if len(args) != 2:
        sys.stderr.write('usage: rmi-rim.py [--rules 1.0|2.0] [--verbose] LOAD_LIST PROGRAM\n')
        return 2
    try:
        with open(args[0], errors='replace') as f:
            load = parse(f.readlines())
        with open(args[1], 'rb') as f:
            program = f.read()
        if load['begin']['size'] != len(program):
            sys.stderr.write('rmi-rim: note: the host loaded a %d-byte program, %s has %d\n' %
                             (load['begin']['size'], args[1], len(program)))
        used = rules or load['begin']['rmi']
        trace = (lambda s: print('  %s' % s)) if verbose else None
        if verbose:
            print('rules: RMI %s: %s' % (used, RULES.get(used, {}).get('source', '?')))
        rim = compute(load, program, rules, trace)
        print('rim: %s' % rim.hex())
        print('rem0: %s' % rem0(load['realm']['hash_algo']).hex())
    except (LoadListError, OSError) as e:
        sys.stderr.write('rmi-rim: %s\n' % e)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
