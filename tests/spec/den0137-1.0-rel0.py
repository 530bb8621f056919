#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check arch/arm64/tools/rmi-1.0-rel0 against the text of DEN0137 1.0-rel0.

Reads the specification's command sections (B4.3: function ID, input and
output registers with their types) and type sections (B4.4: structure
members at their byte offsets with their types, fieldset bits, enumeration
values) from the Markdown text of the specification, and checks that the
description says the same, every item of the specification present.

Usage: den0137-1.0-rel0.py [<spec dir>]
  <spec dir> defaults to ../shared/reference/den0137-1.0-rel0 beside the
  project, or $RMI_SPEC_DIR.  When no directory is named and the default
  does not hold the text, the check says it was skipped and succeeds.
"""
import glob
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DESC = os.path.join(TOP, 'arch/arm64/tools/rmi-1.0-rel0')

# Names the description gives differently from the specification, on purpose
# (each explained in the description).
RENAMED = {
    ('RmiRecParams', 'num_aux'): 'num_rec_aux',
    ('RmiRecEnterFlags', 'emul_mmio'): 'EMULATED_MMIO',
    ('RmiFeatureRegister0', 'SVE_EN'): 'SVE_EN',
}
REGISTER_RENAMED = {'params_ptr': 'params', 'rec_ptr': 'rec', 'run_ptr': 'run'}


def parse_description(path):
    desc = {'cmd': {}, 'struct': {}, 'fields': {}, 'enum': {}}
    cur = None
    for line in open(path):
        f = line.split('#')[0].split()
        if not f:
            continue
        kw = f[0]
        if kw == 'Command':
            cur = desc['cmd'].setdefault(f[2], {'fnum': int(f[1], 16), 'in': [], 'out': []})
        elif kw in ('In', 'Out'):
            cur[kw.lower()].append((f[1], f[2], f[3]))
        elif kw == 'Struct':
            cur = desc['struct'].setdefault(f[1], {})
        elif kw == 'Member':
            m = re.fullmatch(r'(\w+)\[(\d+)\]', f[2])
            off = int(f[1], 16)
            if m:
                for i in range(int(m.group(2))):
                    cur['%s[%d]' % (m.group(1), i)] = (off + 8 * i, f[3])
            else:
                cur[f[2]] = (off, f[3])
        elif kw == 'Fieldset':
            cur = desc['fields'].setdefault(f[1], {})
        elif kw == 'Field':
            cur[f[2].upper()] = norm_bits(f[1])
        elif kw == 'Res0':
            cur.setdefault('', []).append(norm_bits(f[1]))
        elif kw == 'Enum':
            cur = desc['enum'].setdefault(f[1], {'prefix': f[3], 'values': {}})
        elif re.fullmatch(r'\d+', kw) and cur is not None and 'values' in cur:
            cur['values'][cur['prefix'] + '_' + f[1]] = int(kw)
    return desc


def norm_bits(s):
    return s if ':' in s else '%s:%s' % (s, s)


def spec_sections(spec, pattern):
    for path in sorted(glob.glob(os.path.join(spec, pattern))):
        text = open(path).read()
        for sec in re.split(r'^## (?=B4\.\d+\.\d+ )', text, flags=re.M)[1:]:
            yield sec


def main():
    default = os.path.join(TOP, '..', 'shared', 'reference', 'den0137-1.0-rel0')
    named = sys.argv[1] if len(sys.argv) > 1 else os.environ.get('RMI_SPEC_DIR')
    spec = named or default
    if not glob.glob(os.path.join(spec, 'rmm-B4.3.*.md')):
        if named:
            print('spec: no DEN0137 1.0-rel0 text in %s' % spec)
            print('spec: 0 passed, 1 failed')
            return 1
        # The text is not part of the project: without it there is
        # nothing to check against, which is not a failure.
        print('spec: SKIPPED: the DEN0137 1.0-rel0 text is not in %s;'
              ' set RMI_SPEC_DIR to a directory holding its rmm-B4.*.md'
              ' sections to check the 1.0-rel0 description against it'
              % os.path.normpath(spec))
        return 0
    desc = parse_description(DESC)
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print('not ok - %s' % what)

    # B4.3: commands.
    seen = set()
    for sec in spec_sections(spec, 'rmm-B4.3.*.md'):
        m = re.match(r'B4\.3\.\d+ RMI\\_(\S+) command', sec)
        if not m:
            continue
        name = m.group(1).replace('\\', '')
        seen.add(name)
        fid = int(re.search(r'FID, value (0x[0-9A-Fa-f]+)', sec).group(1), 16)
        regs = {'in': [], 'out': []}
        part = None
        for line in sec.splitlines():
            if 'Input values' in line:
                part = 'in'
            elif 'Output values' in line:
                part = 'out'
            elif 'Context' in line or 'Failure conditions' in line:
                part = None
            r = re.match(r'\|\s*([a-z_]+)\s*\|\s*(X\d+)\s*\|\s*[\d:]+\s*\|\s*(\w+)', line)
            if part and r and r.group(2) != 'X0':
                regs[part].append((r.group(2), REGISTER_RENAMED.get(r.group(1), r.group(1)),
                                   r.group(3)))
        cmd = desc['cmd'].get(name)
        check(cmd is not None, 'command RMI_%s is described' % name)
        if cmd is None:
            continue
        check(0xC4000000 | cmd['fnum'] == fid, 'RMI_%s FID 0x%x' % (name, fid))
        for part in ('in', 'out'):
            check(cmd[part] == regs[part], 'RMI_%s %sputs %s (described: %s)' %
                  (name, part, regs[part], cmd[part]))
    check(set(desc['cmd']) == seen, 'commands described and specified: %s' %
          sorted(set(desc['cmd']) ^ seen))

    def described(kind, what, tname):
        mine = desc[kind].get(tname)
        check(mine is not None, '%s %s is described' % (what, tname))
        return mine

    # B4.4: types.
    for sec in spec_sections(spec, 'rmm-B4.4.md'):
        m = re.match(r'B4\.4\.\d+ (Rmi\w+) type', sec)
        if not m:
            continue
        tname = m.group(1)
        if 'Byte offset' in sec:
            members = re.findall(r'^\|\s*([a-z_0-9\[\]]+)\s*\|\s*(0x[0-9a-f]+)\s*\|\s*(\w+)', sec, re.M)
            mine = described('struct', 'structure', tname)
            if mine is None:
                continue
            for mname, off, mtype in members:
                base = mname.split('[')[0]
                cname = RENAMED.get((tname, base), base) + mname[len(base):]
                got = mine.get(cname)
                check(got == (int(off, 16), mtype), '%s.%s at %s, %s (described: %s)' %
                      (tname, mname, off, mtype, got))
            check(len(mine) == len(members), '%s: %d members specified, %d described' %
                  (tname, len(members), len(mine)))
        elif 'fieldset' in sec.split('\n', 3)[2]:
            rows = re.findall(r'^\|\s*([A-Za-z_0-9]*)\s*\|\s*(\d+:\d+)\s*\|[^|]*\|\s*(\w+)\s*\|', sec, re.M)
            mine = described('fields', 'fieldset', tname)
            if mine is None:
                continue
            for fname, bits, _ in rows:
                if not fname:
                    check(bits in mine.get('', []), '%s reserved bits %s' % (tname, bits))
                    continue
                key = RENAMED.get((tname, fname), fname.upper())
                check(mine.get(key) == bits, '%s.%s at bits %s (described: %s)' %
                      (tname, fname, bits, mine.get(key)))
        elif 'enumeration' in sec.split('\n', 3)[2]:
            rows = re.findall(r'^\|\s*(\d+)\s*\|\s*(RMI_\w+)\s*\|', sec, re.M)
            mine = described('enum', 'enumeration', tname)
            if mine is None:
                continue
            for val, ename in rows:
                check(mine['values'].get(ename) == int(val), '%s = %s (described: %s)' %
                      (ename, val, mine['values'].get(ename)))
            check(len(mine['values']) == len(rows), '%s: %d values specified, %d described' %
                  (tname, len(rows), len(mine['values'])))

    print('spec: %d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
