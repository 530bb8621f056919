#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Mutation testing of the tests: does every wrong description fail a test?

Usage: scripts/mutate.py [--seed N] [--per-kind N] [--keep DIR] [-v] [REV...]
(make mutate [MUTATE_SEED=N] [MUTATE_PER_KIND=N] [RMI_REV=REV])

For each revision (default: every arch/arm64/tools/rmi-*), applies seeded
mutations of every kind to the description, one at a time, and for each:

  1. runs the generator: if it refuses the description, the mutation is
     killed ("generator");
  2. compares both headers with those of the unmutated description: if
     they are identical the mutation is "equivalent", counted apart;
  3. runs the fast tests, in order, until one fails:
     "prototypes"  tests/protos/check-prototypes.py (register names),
     "coverage"    tests/values/check-coverage.py (every name tested),
     "user"        tests/user/run.sh: the value and compat tests compiled
                   and the KUnit suites run on the build machine.
     A failure kills the mutation; if all pass, it survived.

Prints one line per mutation with -v, else only the survivors; then a table
per revision and kind, killed/total and equivalent, and every survivor with
the file:line of the mutated description line and what was changed.  Exits
1 if any mutation survived.  The same seed gives the same mutations.
"""
import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEN = os.path.join(TOP, 'arch/arm64/tools/gen-rmi.awk')


# --- the description, statement by statement -------------------------------

class Stmt:
    """One line of a description: its fields, its comment, its block."""

    def __init__(self, idx, line, block, owner):
        self.idx = idx          # 0-based line index
        self.line = line
        code = line.split('#', 1)[0]
        self.fields = code.split()
        self.kw = self.fields[0] if self.fields else ''
        self.block = block      # Command, Enum, Fieldset, Struct or None
        self.owner = owner      # index of the block's opening line


def parse(lines):
    stmts, block, owner = [], None, None
    for i, line in enumerate(lines):
        s = Stmt(i, line, block, owner)
        if s.kw in ('Command', 'Enum', 'Fieldset', 'Struct'):
            block, owner = s.kw, i
            s.block, s.owner = block, owner
        elif s.kw in ('EndCommand', 'EndEnum', 'EndFieldset', 'EndStruct'):
            block, owner = None, None
        stmts.append(s)
    return stmts


def with_fields(stmt, fields):
    """The line of @stmt with its leading fields replaced by @fields, the
    separators, the rest of the line and its comment as written."""
    code, hash_, comment = stmt.line.rstrip('\n').partition('#')
    parts = re.split(r'(\s+)', code)
    words = [i for i, p in enumerate(parts) if p and not p.isspace()]
    for k, f in enumerate(fields):
        if k < len(words):
            parts[words[k]] = f
    return ''.join(parts) + hash_ + comment


def bits(spec):
    """(msb, lsb) of a Field/Res0 bit spec, or None when relative to G."""
    if 'G' in spec:
        return None
    if ':' in spec:
        msb, lsb = spec.split(':')
        return int(msb), int(lsb)
    return int(spec), int(spec)


def spec_of(msb, lsb):
    return str(msb) if msb == lsb else '%d:%d' % (msb, lsb)


def num(s):
    return int(s, 0)


# --- mutation operators ------------------------------------------------------
# Each returns candidates: (line index, what, {line index: new line or None
# (delete)}, [(index, line) to insert before index]).

NARROW = {'UInt8', 'RmiRipas', 'RmiRttEntryState', 'RmiHashAlgorithm',
          'RmiRecExitReason', 'RmiPmuOverflowStatus'}


def blocks(stmts, kind):
    out = {}
    for s in stmts:
        if s.block == kind and s.owner is not None:
            out.setdefault(s.owner, []).append(s)
    return out


def m_offset(stmts):
    for s in stmts:
        if s.kw == 'Member':
            for d in (8, -8, 0x100):
                off = num(s.fields[1]) + d
                if off >= 0:
                    f = list(s.fields)
                    f[1] = '0x%03x' % off
                    yield (s.idx, 'member %s offset %s -> %s' % (s.fields[2], s.fields[1], f[1]),
                           {s.idx: with_fields(s, f)}, [])


WIDTH = {'UInt64': 'UInt32', 'Bits64': 'UInt32', 'Address': 'UInt32',
         'Int64': 'UInt32', 'UInt32': 'UInt64', 'UInt8': 'UInt64',
         'Bits16': 'UInt8', 'Bits512': 'Bits64', 'RmiRipas': 'UInt64',
         'RmiRecExitReason': 'UInt64', 'RmiPmuOverflowStatus': 'UInt64',
         'RmiHashAlgorithm': 'UInt64'}


def m_width(stmts):
    for s in stmts:
        if s.kw != 'Member':
            continue
        name, typ = s.fields[2], s.fields[3]
        m = re.fullmatch(r'(\w+)\[(\d+)\]', name)
        if m:
            f = list(s.fields)
            f[2] = '%s[%d]' % (m.group(1), int(m.group(2)) - 1)
            yield (s.idx, 'member %s -> %s' % (name, f[2]), {s.idx: with_fields(s, f)}, [])
        new = WIDTH.get(typ, 'UInt32' if typ.startswith('Rmi') else None)
        if new:
            f = list(s.fields)
            f[3] = new
            yield (s.idx, 'member %s type %s -> %s' % (name, typ, new),
                   {s.idx: with_fields(s, f)}, [])


def m_fnum(stmts):
    for s in stmts:
        if s.kw == 'Command':
            for d in (1, -1):
                f = list(s.fields)
                f[1] = '0x%x' % (num(f[1]) + d)
                yield (s.idx, 'command %s FNUM %s -> %s' % (f[2], s.fields[1], f[1]),
                       {s.idx: with_fields(s, f)}, [])


def regs(stmts, kw):
    """{command line: [In or Out statements]} of commands with a wrapper."""
    out = {}
    for owner, body in blocks(stmts, 'Command').items():
        if any(b.kw == 'Unknown' for b in body):
            continue
        out[owner] = [b for b in body if b.kw == kw]
    return out


def cmd_name(stmts, owner):
    return stmts[owner].fields[2]


def end_of(stmts, owner):
    for s in stmts[owner:]:
        if s.kw == 'EndCommand':
            return s.idx
    raise ValueError('no EndCommand')


def m_reg_add(kw):
    def op(stmts):
        for owner, rs in regs(stmts, kw).items():
            n = len(rs) + 1
            if n > 6:
                continue
            where = rs[-1].idx + 1 if rs else None
            if where is None:
                # Before the first Out (for In), or before Incomplete/End.
                body = [s for s in stmts[owner + 1:end_of(stmts, owner) + 1]]
                follow = [s for s in body if s.kw in (('Out', 'Incomplete', 'EndCommand')
                                                     if kw == 'In' else
                                                     ('Incomplete', 'EndCommand'))]
                where = follow[0].idx
            name = 'extra' if kw == 'In' else 'out_extra'
            line = '%s\tX%d\t%s\tUInt64\tA register no source gives' % (kw, n, name)
            yield (owner, '%s: %s X%d %s added' % (cmd_name(stmts, owner), kw, n, name),
                   {}, [(where, line)])
    return op


def m_reg_remove(kw):
    def op(stmts):
        for owner, rs in regs(stmts, kw).items():
            if rs:
                r = rs[-1]
                yield (r.idx, '%s: %s %s %s removed' % (cmd_name(stmts, owner), kw,
                                                        r.fields[1], r.fields[2]),
                       {r.idx: None}, [])
    return op


def m_reg_swap(kw):
    """Two registers exchange their meaning: names, types and texts."""
    def op(stmts):
        for owner, rs in regs(stmts, kw).items():
            for a, b in zip(rs, rs[1:]):
                # Keep the free text: everything after the type.
                ta = a.line.split('#', 1)[0].rstrip('\n').split('\t')[4:]
                tb = b.line.split('#', 1)[0].rstrip('\n').split('\t')[4:]
                na = '\t'.join([kw, a.fields[1], b.fields[2], b.fields[3]] + tb)
                nb = '\t'.join([kw, b.fields[1], a.fields[2], a.fields[3]] + ta)
                yield (a.idx, '%s: %s %s %s <-> %s %s' % (cmd_name(stmts, owner), kw,
                                                         a.fields[1], a.fields[2],
                                                         b.fields[1], b.fields[2]),
                       {a.idx: na.rstrip(), b.idx: nb.rstrip()}, [])
    return op


def m_reg_type(stmts):
    """The type of a register: signed or not (inputs), 8 bits or 64 (outputs)."""
    for s in stmts:
        if s.kw in ('In', 'Out') and s.block == 'Command':
            typ = s.fields[3]
            if s.kw == 'In':
                new = 'UInt64' if typ == 'Int64' else 'Int64'
            else:
                new = 'UInt64' if typ in NARROW else 'RmiRttEntryState'
            t = s.line.split('#', 1)[0].rstrip('\n').split('\t')
            t[3] = new
            yield (s.idx, '%s %s %s type %s -> %s' % (s.kw, s.fields[1], s.fields[2], typ, new),
                   {s.idx: '\t'.join(t).rstrip()}, [])


def m_enum(stmts):
    for owner, body in blocks(stmts, 'Enum').items():
        vals = [s for s in body if s.kw and s.kw[0].isdigit()]
        top = max(num(v.fields[0]) for v in vals) if vals else 0
        for a, b in zip(vals, vals[1:]):
            yield (a.idx, 'enum %s: %s and %s swap values' % (stmts[owner].fields[1],
                                                             a.fields[1], b.fields[1]),
                   {a.idx: with_fields(a, [b.fields[0]] + a.fields[1:]),
                    b.idx: with_fields(b, [a.fields[0]] + b.fields[1:])}, [])
        for v in vals:
            yield (v.idx, 'enum %s: %s = %d' % (stmts[owner].fields[1], v.fields[1], top + 1),
                   {v.idx: with_fields(v, [str(top + 1)] + v.fields[1:])}, [])


def fieldset_parts(body):
    return [s for s in body if s.kw in ('Field', 'Res0', 'Same') and bits(s.fields[1])]


def m_field_move(stmts):
    """A field changes place with the field or reserved bits above it."""
    for owner, body in blocks(stmts, 'Fieldset').items():
        parts = fieldset_parts(body)
        for a, b in zip(parts, parts[1:]):
            if 'Field' not in (a.kw, b.kw):
                continue
            (am, al), (bm, bl) = bits(a.fields[1]), bits(b.fields[1])
            if bl != am + 1:
                continue
            wb = bm - bl + 1
            nb = spec_of(al + wb - 1, al)
            na = spec_of(bm, al + wb)
            yield (a.idx, 'fieldset %s: %s %s -> %s, %s %s -> %s'
                   % (stmts[owner].fields[1], a.fields[2] if a.kw == 'Field' else 'Res0',
                      a.fields[1], na, b.fields[2] if b.kw == 'Field' else 'Res0',
                      b.fields[1], nb),
                   {a.idx: with_fields(b, [b.kw, nb] + b.fields[2:]),
                    b.idx: with_fields(a, [a.kw, na] + a.fields[2:])}, [])


def m_field_resize(stmts):
    """A field grows into, or shrinks from, the bits next above it."""
    for owner, body in blocks(stmts, 'Fieldset').items():
        parts = fieldset_parts(body)
        for a, b in zip(parts, parts[1:]):
            if a.kw != 'Field':
                continue
            (am, al), (bm, bl) = bits(a.fields[1]), bits(b.fields[1])
            if bl != am + 1:
                continue
            fs = stmts[owner].fields[1]
            if bm > bl:
                yield (a.idx, 'fieldset %s: %s %s -> %s' % (fs, a.fields[2], a.fields[1],
                                                            spec_of(am + 1, al)),
                       {a.idx: with_fields(a, [a.kw, spec_of(am + 1, al)] + a.fields[2:]),
                        b.idx: with_fields(b, [b.kw, spec_of(bm, bl + 1)] + b.fields[2:])}, [])
            if am > al:
                yield (a.idx, 'fieldset %s: %s %s -> %s' % (fs, a.fields[2], a.fields[1],
                                                            spec_of(am - 1, al)),
                       {a.idx: with_fields(a, [a.kw, spec_of(am - 1, al)] + a.fields[2:]),
                        b.idx: with_fields(b, [b.kw, spec_of(bm, bl - 1)] + b.fields[2:])}, [])


def m_count(stmts):
    arrays = []
    owner_name = {}
    for owner, body in blocks(stmts, 'Struct').items():
        owner_name[owner] = stmts[owner].fields[1]
        for s in body:
            if s.kw == 'Member':
                m = re.fullmatch(r'(\w+)\[(\d+)\]', s.fields[2])
                if m:
                    arrays.append((stmts[owner].fields[1], m.group(1)))
    for s in stmts:
        if s.kw == 'Count':
            for st, mem in arrays:
                if (st, mem) != (s.fields[2], s.fields[3]):
                    yield (s.idx, 'count %s: %s.%s -> %s.%s' % (s.fields[1], s.fields[2],
                                                               s.fields[3], st, mem),
                           {s.idx: with_fields(s, ['Count', s.fields[1], st, mem])}, [])


def m_alias(stmts, names):
    for s in stmts:
        if s.kw == 'Alias':
            for n in names:
                if n not in (s.fields[1], s.fields[2]):
                    yield (s.idx, 'alias %s: %s -> %s' % (s.fields[1], s.fields[2], n),
                           {s.idx: with_fields(s, ['Alias', s.fields[1], n])}, [])


def m_incomplete_add(stmts):
    for owner, body in blocks(stmts, 'Command').items():
        kws = [b.kw for b in body]
        if 'Unknown' in kws or 'Incomplete' in kws:
            continue
        end = end_of(stmts, owner)
        yield (owner, '%s: Incomplete added' % cmd_name(stmts, owner), {},
               [(end, 'Incomplete')])


def m_incomplete_remove(stmts):
    for s in stmts:
        if s.kw == 'Incomplete':
            yield (s.idx, '%s: Incomplete removed' % cmd_name(stmts, s.owner),
                   {s.idx: None}, [])


KINDS = [
    ('offset', m_offset),
    ('width', m_width),
    ('fnum', m_fnum),
    ('in-add', m_reg_add('In')),
    ('in-remove', m_reg_remove('In')),
    ('in-swap', m_reg_swap('In')),
    ('out-add', m_reg_add('Out')),
    ('out-remove', m_reg_remove('Out')),
    ('out-swap', m_reg_swap('Out')),
    ('reg-type', m_reg_type),
    ('enum', m_enum),
    ('field-move', m_field_move),
    ('field-resize', m_field_resize),
    ('count', m_count),
    ('alias', None),
    ('incomplete-add', m_incomplete_add),
    ('incomplete-remove', m_incomplete_remove),
]


def apply(lines, change, inserts):
    out = []
    ins = {}
    for where, line in inserts:
        ins.setdefault(where, []).append(line + '\n')
    for i, line in enumerate(lines):
        out += ins.get(i, [])
        if i in change:
            if change[i] is not None:
                out.append(change[i] + '\n')
        else:
            out.append(line)
    out += ins.get(len(lines), [])
    return out


# --- running the tests -------------------------------------------------------

def generate(work, rev, lines):
    """Generate both headers from @lines; (smc, cmds) or (None, error)."""
    rel = 'arch/arm64/tools/rmi-' + rev
    path = os.path.join(work, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.writelines(lines)
    out = []
    for mode in ('smc', 'cmds'):
        p = subprocess.run(['awk', '-v', 'mode=' + mode, '-f', GEN, rel], cwd=work,
                           capture_output=True, text=True)
        if p.returncode:
            return None, p.stderr.strip().splitlines()[-1:] or ['exit %d' % p.returncode]
        out.append(p.stdout)
    return out[0], out[1]


def run_tests(work, rev, smc, cmds):
    """The name of the first test that fails, and its last line, or None."""
    gen = os.path.join(work, 'gen')
    os.makedirs(os.path.join(gen, 'asm'), exist_ok=True)
    hs = os.path.join(gen, 'asm/rmi_smc.h')
    hc = os.path.join(gen, 'asm/rmi_cmds.h')
    with open(hs, 'w') as f:
        f.write(smc)
    with open(hc, 'w') as f:
        f.write(cmds)
    for name, argv in (
            ('prototypes', [sys.executable, os.path.join(TOP, 'tests/protos/check-prototypes.py'),
                            hs, hc, os.path.join(TOP, 'tests/kunit/rmi_cmds_cases.h')]),
            ('coverage', [sys.executable, os.path.join(TOP, 'tests/values/check-coverage.py'),
                          hs, hc]),
            ('user', ['sh', os.path.join(TOP, 'tests/user/run.sh'), rev, gen,
                      os.path.join(work, 'user')])):
        p = subprocess.run(argv, cwd=TOP, capture_output=True, text=True)
        if p.returncode:
            lines = [l for l in (p.stdout + p.stderr).splitlines()
                     if l.strip() and not re.match(r'user: \d+ passed', l)]
            return name, lines[0].replace(TOP + '/', '') if lines else 'exit %d' % p.returncode
    return None, ''


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--per-kind', type=int, default=4,
                    help='mutations drawn per kind and revision (default 4)')
    ap.add_argument('--keep', help='keep the work directories here')
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('revs', nargs='*')
    args = ap.parse_args()
    revs = args.revs or sorted((f[4:] for f in os.listdir(os.path.join(TOP, 'arch/arm64/tools'))
                                if f.startswith('rmi-')), reverse=True)
    work = args.keep or tempfile.mkdtemp(prefix='rmi-mutate.')
    os.makedirs(work, exist_ok=True)
    survivors, tables = [], []
    print('mutate: seed %d, %d per kind and revision' % (args.seed, args.per_kind))
    for rev in revs:
        desc = 'arch/arm64/tools/rmi-' + rev
        lines = open(os.path.join(TOP, desc)).readlines()
        stmts = parse(lines)
        base = generate(os.path.join(work, rev, 'base'), rev, lines)
        if base[0] is None:
            print('mutate: %s: the unmutated description is refused: %s' % (rev, base[1]))
            return 2
        names = sorted(set(re.findall(r'^#define\s+([A-Z][A-Z0-9_]+)\s+\S', base[0], re.M)))
        err = run_tests(os.path.join(work, rev, 'base'), rev, *base)
        if err[0]:
            print('mutate: %s: the tests fail on the unmutated description: %s: %s'
                  % (rev, err[0], err[1]))
            return 2
        rng = random.Random('%d:%s' % (args.seed, rev))
        table = []
        for kind, op in KINDS:
            cands = list(m_alias(stmts, names) if kind == 'alias' else op(stmts))
            picks = rng.sample(cands, min(args.per_kind, len(cands)))
            row = {'kind': kind, 'total': 0, 'killed': 0, 'equivalent': 0, 'by': {}}
            for n, (idx, what, change, inserts) in enumerate(picks):
                mut = apply(lines, change, inserts)
                d = os.path.join(work, rev, '%s-%d' % (kind, n))
                smc, cmds = generate(d, rev, mut)
                where = '%s:%d' % (desc, idx + 1)
                if smc is None:
                    verdict, why = 'killed', 'generator: %s' % cmds[0]
                    row['by']['generator'] = row['by'].get('generator', 0) + 1
                elif (smc, cmds) == base:
                    verdict, why = 'equivalent', 'identical headers'
                else:
                    test, line = run_tests(d, rev, smc, cmds)
                    if test:
                        verdict, why = 'killed', '%s: %s' % (test, line)
                        row['by'][test] = row['by'].get(test, 0) + 1
                    else:
                        verdict, why = 'SURVIVED', 'every test passed'
                        survivors.append('%s: %s (%s)' % (where, what, rev))
                if verdict == 'equivalent':
                    row['equivalent'] += 1
                else:
                    row['total'] += 1
                    row['killed'] += verdict == 'killed'
                if args.verbose or verdict == 'SURVIVED':
                    print('mutate: %-10s %s: %s: %s' % (verdict, where, what, why[:150]))
                if not args.keep:
                    shutil.rmtree(d, ignore_errors=True)
            table.append(row)
        tables.append((rev, table))
    print()
    for rev, table in tables:
        tk = sum(r['killed'] for r in table)
        tt = sum(r['total'] for r in table)
        te = sum(r['equivalent'] for r in table)
        print('%s: %d/%d killed (%.0f%%), %d equivalent' % (rev, tk, tt, 100.0 * tk / max(tt, 1), te))
        print('  %-18s %7s %6s  %s' % ('kind', 'killed', 'equiv', 'killed by'))
        for r in table:
            by = ', '.join('%s %d' % kv for kv in sorted(r['by'].items()))
            print('  %-18s %3d/%-3d %6d  %s' % (r['kind'], r['killed'], r['total'],
                                             r['equivalent'], by))
    if survivors:
        print('\nSurvivors:')
        for s in survivors:
            print('  ' + s)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print('mutate: %d survived' % len(survivors))
    return 1 if survivors else 0


if __name__ == '__main__':
    sys.exit(main())
