#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# rmi-diff.py: what changed between two RMI description files, for people.
#
# Usage: scripts/rmi-diff.py FROM TO
#   FROM, TO: a revision ("2.0-bet1", read from arch/arm64/tools/rmi-<rev>)
#             or the path of a description file.
#
# Prints a reStructuredText report on stdout: commands added, removed,
# renamed or renumbered, and their registers added, removed, moved or
# retyped; structures and their members added, removed, moved, resized or
# retyped; enumeration values and fieldset bits changed; the other
# statements (Alias, Count, Type, Version, FnumRange).  Every change gives
# the value on both sides.  The report depends on nothing but the two files,
# so "make check" can regenerate a committed one and compare.
#
# The format of the descriptions: Documentation/arch/arm64/rmi-description.rst.
# This reader takes what it needs and trusts gen-rmi.awk to have checked
# the rest.

import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def die(msg):
    sys.stderr.write('rmi-diff: %s\n' % msg)
    sys.exit(1)


def num(s):
    return int(s, 0)


class Desc:
    """The statements of one description file that the report compares."""

    def __init__(self, path):
        self.path = path
        self.revision = None
        self.version = None
        self.fnum_ranges = []
        self.types = {}         # Type name -> width
        self.enums = {}         # name -> dict(width, prefix, values{NAME: v})
        self.fieldsets = {}     # name -> dict(width, prefix, fields{NAME: (bits, type)})
        self.structs = {}       # name -> dict(cname, size, members{name: (off, count, type)})
        self.commands = {}      # NAME -> dict(fnum, ins[], outs[], incomplete, unknown)
        self.aliases = {}       # NAME -> target
        self.counts = {}        # NAME -> (struct, member)
        self.operation = []     # (reg, name, type)
        self.parse()

    def parse(self):
        try:
            with open(self.path) as f:
                lines = f.readlines()
        except OSError as e:
            die('%s: %s' % (self.path, e.strerror))
        block = None
        cur = None
        for lineno, raw in enumerate(lines, 1):
            line = raw.split('#', 1)[0].strip()
            if not line:
                continue
            f = line.split()
            kw = f[0]
            where = '%s:%d' % (self.path, lineno)
            try:
                if block == 'Enum':
                    if kw == 'EndEnum':
                        block = None
                    else:
                        cur['values'][f[1]] = num(f[0])
                    continue
                if kw == 'Revision':
                    self.revision = f[1]
                elif kw == 'Version':
                    self.version = '%s.%s' % (f[1], f[2])
                elif kw == 'FnumRange':
                    self.fnum_ranges.append((num(f[1]), num(f[2])))
                elif kw == 'Type':
                    self.types[f[1]] = int(f[2])
                elif kw == 'Enum':
                    block = 'Enum'
                    cur = {'width': int(f[2]), 'prefix': f[3], 'values': {}}
                    self.enums[f[1]] = cur
                elif kw == 'Fieldset':
                    block = 'Fieldset'
                    cur = {'width': int(f[2]), 'prefix': f[3], 'fields': {},
                           'options': ' '.join(f[4:])}
                    self.fieldsets[f[1]] = cur
                elif kw in ('Field', 'Same'):
                    cur['fields'][f[2]] = (f[1], f[3] if len(f) > 3 else '')
                elif kw in ('Res0', 'EndFieldset', 'EndStruct'):
                    pass
                elif kw == 'Struct':
                    cur = {'cname': f[2], 'size': num(f[3]), 'members': {}}
                    self.structs[f[1]] = cur
                elif kw == 'Member':
                    m = re.match(r'^([a-z_][a-z0-9_]*)(?:\[(\d+)\])?$', f[2])
                    if not m:
                        die('%s: member %s' % (where, f[2]))
                    count = int(m.group(2)) if m.group(2) else 0
                    cur['members'][m.group(1)] = (num(f[1]), count, f[3])
                elif kw == 'Operation':
                    self.operation.append((f[1], f[2], f[3]))
                elif kw == 'Command':
                    cur = {'fnum': num(f[1]), 'ins': [], 'outs': [],
                           'incomplete': False, 'unknown': False}
                    self.commands[f[2]] = cur
                elif kw == 'In':
                    cur['ins'].append((f[1], f[2], f[3]))
                elif kw == 'Out':
                    cur['outs'].append((f[1], f[2], f[3]))
                elif kw == 'Incomplete':
                    cur['incomplete'] = True
                elif kw == 'Unknown':
                    cur['unknown'] = True
                elif kw == 'EndCommand':
                    cur = None
                elif kw == 'Alias':
                    self.aliases[f[1]] = f[2]
                elif kw == 'Count':
                    self.counts[f[1]] = (f[2], f[3])
                else:
                    die('%s: unknown statement %s' % (where, kw))
            except (IndexError, ValueError, TypeError):
                die('%s: cannot read "%s"' % (where, line))

    def type_size(self, t):
        """Size in bytes of a member of type @t, as the generator lays it out."""
        fixed = {'Address': 8, 'Int64': 8, 'Bits512': 64, 'u8': 1, 'u16': 2,
                 'u32': 4, 'u64': 8, 's64': 8}
        if t in fixed:
            return fixed[t]
        m = re.match(r'^(?:UInt|Bits|Int)(\d+)$', t)
        if m:
            return ctype_bytes(int(m.group(1)))
        for table in (self.enums, self.fieldsets):
            if t in table:
                return ctype_bytes(table[t]['width'])
        if t in self.types:
            return ctype_bytes(self.types[t])
        if t in self.structs:
            return self.structs[t]['size']
        return None


def ctype_bytes(bits):
    for n in (8, 16, 32, 64):
        if bits <= n:
            return n // 8
    return (bits + 7) // 8


def bits(b):
    return ('bits ' if ':' in b else 'bit ') + b


def lit(s):
    return '``%s``' % s


def hx(v):
    return '0x%x' % v


def reg_str(r):
    return '%s %s %s' % (lit(r[0]), lit(r[1]), r[2])


class Report:
    def __init__(self):
        self.lines = []

    def out(self, s=''):
        self.lines.append(s)

    def section(self, title, items):
        self.out(title)
        self.out('-' * len(title))
        self.out()
        if not items:
            self.out('No change.')
            self.out()
            return
        for it in items:
            if isinstance(it, tuple):
                head, subs = it
                self.out('- ' + head)
                if subs:
                    self.out()
                    for s in subs:
                        self.out('  - ' + s)
                    self.out()
            else:
                self.out('- ' + it)
        self.out()


def regs_diff(kind, old, new):
    """Changes of one register list (In or Out) of a command."""
    res = []
    om = {r[1]: r for r in old}
    nm = {r[1]: r for r in new}
    for r in old:
        if r[1] not in nm:
            res.append('%s %s removed (was %s %s)' % (kind, lit(r[1]), lit(r[0]), r[2]))
    for r in new:
        if r[1] not in om:
            res.append('%s %s added: %s %s' % (kind, lit(r[1]), lit(r[0]), r[2]))
    for r in new:
        o = om.get(r[1])
        if not o:
            continue
        if o[0] != r[0]:
            res.append('%s %s moved: %s to %s' % (kind, lit(r[1]), lit(o[0]), lit(r[0])))
        if o[2] != r[2]:
            res.append('%s %s retyped: %s to %s' % (kind, lit(r[1]), o[2], r[2]))
    return res


def commands(a, b):
    items = []
    by_fnum_a = {c['fnum']: n for n, c in a.commands.items()}
    by_fnum_b = {c['fnum']: n for n, c in b.commands.items()}
    renamed = {}
    for fnum, n in by_fnum_b.items():
        o = by_fnum_a.get(fnum)
        if o and o != n and o not in b.commands and n not in a.commands:
            renamed[o] = n
    rows = []
    for n, c in a.commands.items():
        if n in renamed:
            rows.append((c['fnum'], 'renamed at %s: %s to %s' % (hx(c['fnum']), lit(n), lit(renamed[n]))))
        elif n not in b.commands:
            rows.append((c['fnum'], 'removed: %s (%s)' % (lit(n), hx(c['fnum']))))
    for n, c in b.commands.items():
        if n in renamed.values():
            continue
        if n not in a.commands:
            desc = 'added: %s (%s)' % (lit(n), hx(c['fnum']))
            if c['unknown']:
                desc += ', registers not known'
            else:
                regs = ['In ' + reg_str(r) for r in c['ins']] + ['Out ' + reg_str(r) for r in c['outs']]
                desc += ': ' + ('; '.join(regs) if regs else 'no registers')
                if c['incomplete']:
                    desc += '; may return RMI_INCOMPLETE'
            rows.append((c['fnum'], desc))
        elif a.commands[n]['fnum'] != c['fnum']:
            rows.append((c['fnum'], 'renumbered: %s, %s to %s' % (lit(n), hx(a.commands[n]['fnum']), hx(c['fnum']))))
    items += [r[1] for r in sorted(rows, key=lambda r: r[0])]

    regs = []
    pairs = [(n, n) for n in b.commands if n in a.commands] + list(renamed.items())
    for on, nn in sorted(pairs, key=lambda p: b.commands[p[1]]['fnum']):
        o, c = a.commands[on], b.commands[nn]
        subs = []
        if o['unknown'] != c['unknown']:
            subs.append('registers %s' % ('now known' if o['unknown'] else 'no longer known'))
        if not o['unknown'] and not c['unknown']:
            subs += regs_diff('In', o['ins'], c['ins'])
            subs += regs_diff('Out', o['outs'], c['outs'])
        if o['incomplete'] != c['incomplete']:
            subs.append('may return RMI_INCOMPLETE: %s to %s' %
                        ('yes' if o['incomplete'] else 'no', 'yes' if c['incomplete'] else 'no'))
        if subs:
            regs.append(('%s (%s)' % (lit(nn), hx(c['fnum'])), subs))
    ops = regs_diff('Operation', a.operation, b.operation)
    return items, regs + ops


def structs(a, b):
    items = []
    for n, s in a.structs.items():
        if n not in b.structs:
            items.append('%s removed (struct %s, %s bytes)' % (lit(n), s['cname'], hx(s['size'])))
    for n, s in b.structs.items():
        if n not in a.structs:
            mem = ['%s at %s' % (lit(m + ('[%d]' % v[1] if v[1] else '')), hx(v[0]))
                   for m, v in sorted(s['members'].items(), key=lambda kv: kv[1][0])]
            items.append(('%s added (struct %s, %s bytes)' % (lit(n), s['cname'], hx(s['size'])), mem))
            continue
        o = a.structs[n]
        subs = []
        if o['cname'] != s['cname']:
            subs.append('C name: struct %s to struct %s' % (o['cname'], s['cname']))
        if o['size'] != s['size']:
            subs.append('size: %s to %s' % (hx(o['size']), hx(s['size'])))
        rows = []
        # A member gone and one new at the same offset, of the same type and
        # count, is the same member under another name.
        gone = {v: m for m, v in o['members'].items() if m not in s['members']}
        renamed = {}
        for m, v in s['members'].items():
            if m not in o['members'] and v in gone:
                renamed[gone.pop(v)] = m
                rows.append((v[0], '%s renamed %s (at %s, %s)' %
                             (lit(renamed_key(renamed, m)), lit(m), hx(v[0]), v[2])))
        for m, v in o['members'].items():
            if m not in s['members'] and m not in renamed:
                rows.append((v[0], '%s removed (was at %s, %s)' % (lit(m), hx(v[0]), v[2])))
        for m, v in s['members'].items():
            if m in renamed.values():
                continue
            ov = o['members'].get(m)
            if ov is None:
                rows.append((v[0], '%s added at %s, %s, %d bytes' %
                             (lit(m), hx(v[0]), v[2] + ('[%d]' % v[1] if v[1] else ''), msize(b, v))))
                continue
            if ov[0] != v[0]:
                rows.append((v[0], '%s moved: %s to %s' % (lit(m), hx(ov[0]), hx(v[0]))))
            if ov[2] != v[2]:
                rows.append((v[0], '%s retyped: %s to %s' % (lit(m), ov[2], v[2])))
            os_, ns = msize(a, ov), msize(b, v)
            if os_ != ns:
                rows.append((v[0], '%s resized: %s to %s bytes%s' %
                             (lit(m), os_, ns, '' if ov[1] == v[1] else
                              ' (%d to %d elements)' % (ov[1] or 1, v[1] or 1))))
        subs += [r[1] for r in sorted(rows, key=lambda r: r[0])]
        if subs:
            items.append(('%s (struct %s)' % (lit(n), s['cname']), subs))
    return items


def renamed_key(renamed, new):
    for k, v in renamed.items():
        if v == new:
            return k
    return None


def msize(d, v):
    one = d.type_size(v[2])
    if one is None:
        return '?'
    return one * (v[1] or 1)


def enums(a, b):
    items = []
    for n, e in a.enums.items():
        if n not in b.enums:
            items.append('%s removed (%s_*)' % (lit(n), e['prefix']))
    for n, e in b.enums.items():
        vals = lambda e: ', '.join('%s = %d' % (lit(e['prefix'] + '_' + k), v)
                                   for k, v in sorted(e['values'].items(), key=lambda kv: kv[1]))
        if n not in a.enums:
            items.append('%s added, %d-bit: %s' % (lit(n), e['width'], vals(e)))
            continue
        o = a.enums[n]
        subs = []
        if o['width'] != e['width']:
            subs.append('width: %d to %d bits' % (o['width'], e['width']))
        if o['prefix'] != e['prefix']:
            subs.append('prefix: %s to %s' % (o['prefix'], e['prefix']))
        for k, v in sorted(o['values'].items(), key=lambda kv: kv[1]):
            if k not in e['values']:
                subs.append('%s = %d removed' % (lit(o['prefix'] + '_' + k), v))
            elif e['values'][k] != v:
                subs.append('%s: %d to %d' % (lit(e['prefix'] + '_' + k), v, e['values'][k]))
        for k, v in sorted(e['values'].items(), key=lambda kv: kv[1]):
            if k not in o['values']:
                subs.append('%s = %d added' % (lit(e['prefix'] + '_' + k), v))
        if subs:
            items.append((lit(n), subs))
    return items


def fieldsets(a, b):
    items = []
    for n, f in a.fieldsets.items():
        if n not in b.fieldsets:
            items.append('%s removed (%s_*)' % (lit(n), f['prefix']))
    for n, f in b.fieldsets.items():
        desc = lambda f: ', '.join('%s %s' % (lit(k), bits(v[0])) for k, v in f['fields'].items())
        if n not in a.fieldsets:
            items.append('%s added, %d-bit, %s_*: %s' % (lit(n), f['width'], f['prefix'], desc(f)))
            continue
        o = a.fieldsets[n]
        subs = []
        if o['width'] != f['width']:
            subs.append('width: %d to %d bits' % (o['width'], f['width']))
        if o['prefix'] != f['prefix']:
            subs.append('prefix: %s to %s' % (o['prefix'], f['prefix']))
        if o['options'] != f['options']:
            subs.append('options: "%s" to "%s"' % (o['options'], f['options']))
        # A field gone and one new on the same bits, of the same type, is
        # the same field under another name.
        gone = {v: k for k, v in o['fields'].items() if k not in f['fields']}
        renamed = {}
        for k, v in f['fields'].items():
            if k not in o['fields'] and v in gone:
                renamed[gone.pop(v)] = k
                subs.append('%s renamed %s (%s)' % (lit(renamed_key(renamed, k)), lit(k), bits(v[0])))
        for k, v in o['fields'].items():
            if k not in f['fields'] and k not in renamed:
                subs.append('%s removed (was %s)' % (lit(k), bits(v[0])))
        for k, v in f['fields'].items():
            if k in renamed.values():
                continue
            ov = o['fields'].get(k)
            if ov is None:
                subs.append('%s added: %s%s' % (lit(k), bits(v[0]), ', ' + v[1] if v[1] else ''))
                continue
            if ov[0] != v[0]:
                subs.append('%s: %s to %s' % (lit(k), bits(ov[0]), bits(v[0])))
            if ov[1] != v[1]:
                subs.append('%s retyped: %s to %s' % (lit(k), ov[1] or '-', v[1] or '-'))
        if subs:
            items.append(('%s (%s_*)' % (lit(n), f['prefix']), subs))
    return items


def others(a, b):
    items = []
    if a.version != b.version:
        items.append('Version: %s to %s' % (a.version, b.version))
    ra = ', '.join('%s..%s' % (hx(x), hx(y)) for x, y in a.fnum_ranges)
    rb = ', '.join('%s..%s' % (hx(x), hx(y)) for x, y in b.fnum_ranges)
    if ra != rb:
        items.append('FNUM ranges: %s to %s' % (ra, rb))
    for n, w in sorted(a.types.items()):
        if n not in b.types:
            items.append('Type %s removed (%d bits)' % (lit(n), w))
        elif b.types[n] != w:
            items.append('Type %s: %d to %d bits' % (lit(n), w, b.types[n]))
    for n, w in sorted(b.types.items()):
        if n not in a.types:
            items.append('Type %s added (%d bits)' % (lit(n), w))
    for n, t in sorted(a.aliases.items()):
        if n not in b.aliases:
            items.append('Alias %s removed (was %s)' % (lit(n), lit(t)))
        elif b.aliases[n] != t:
            items.append('Alias %s: %s to %s' % (lit(n), lit(t), lit(b.aliases[n])))
    for n, t in sorted(b.aliases.items()):
        if n not in a.aliases:
            items.append('Alias %s added, for %s' % (lit(n), lit(t)))
    for n, t in sorted(a.counts.items()):
        if n not in b.counts:
            items.append('Count %s removed' % lit(n))
        elif b.counts[n] != t:
            items.append('Count %s: %s.%s to %s.%s' % ((lit(n),) + t + b.counts[n]))
    for n, t in sorted(b.counts.items()):
        if n not in a.counts:
            items.append('Count %s added, of %s.%s' % ((lit(n),) + t))
    return items


def resolve(arg):
    if '/' in arg:
        return arg, arg
    return os.path.join(TOP, 'arch/arm64/tools/rmi-' + arg), 'arch/arm64/tools/rmi-' + arg


def main(argv):
    if len(argv) != 3:
        die('usage: rmi-diff.py FROM TO')
    (pa, na), (pb, nb) = resolve(argv[1]), resolve(argv[2])
    a, b = Desc(pa), Desc(pb)
    r = Report()
    title = 'RMI %s to %s: what changed' % (a.revision, b.revision)
    r.out('.. SPDX-License-Identifier: GPL-2.0-only')
    r.out()
    r.out('=' * len(title))
    r.out(title)
    r.out('=' * len(title))
    r.out()
    r.out('Generated by ``scripts/rmi-diff.py %s %s`` from ``%s`` and ``%s``;'
          % (argv[1], argv[2], na, nb))
    r.out('do not edit.  Each change gives the %s value first, then the %s one.'
          % (a.revision, b.revision))
    r.out()
    cmd_items, reg_items = commands(a, b)
    r.section('Commands added, removed, renamed or renumbered', cmd_items)
    r.section('Registers of the commands in both', reg_items)
    r.section('Structures', structs(a, b))
    r.section('Enumerations', enums(a, b))
    r.section('Fieldsets', fieldsets(a, b))
    r.section('Other statements', others(a, b))
    while r.lines and r.lines[-1] == '':
        r.lines.pop()
    sys.stdout.write('\n'.join(r.lines) + '\n')


if __name__ == '__main__':
    main(sys.argv)
