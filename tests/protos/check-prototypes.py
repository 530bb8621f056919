#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Check the wrappers of a generated <asm/rmi_cmds.h> against the register
names typed in tests/kunit/rmi_cmds_cases.h.

Usage: check-prototypes.py <rmi_smc.h> <rmi_cmds.h> [<rmi_cmds_cases.h>]

For the revision the header was generated for (its RMI_SPEC_REVISION_*
macro), every wrapper rmi_<cmd>() must have a case RMI_CMD(<cmd>, ...) and
every case a wrapper, and the parameters of the wrapper must be, in order:

  - one per RMI_IN() name, "unsigned long <name>", or "long <name>" when the
    case types it "long <name>" (the specification's Int64);
  - one per RMI_OUT() name, "unsigned long *<name>";
  - "struct rmi_op *op" if and only if the case is "sro".

The KUnit suite rmi_cmds checks that parameter k lands in register X<k+1>
(outputs: is read from X<k+1>); this check binds each parameter to its
name.  Together, each name is checked to be in the register the
specification gives it: a description that swaps two inputs together with
their names leaves the positions alone and fails here.

Prints one line per mismatch and exits 1 if there is any.
"""
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)


def revision_macro(smc_h):
    m = re.search(r'^#define\s+(RMI_SPEC_REVISION_[A-Z0-9_]+)\s', smc_h, re.M)
    return m.group(1) if m else None


def split_args(s):
    """Split the arguments of a macro call at the top-level commas."""
    args, depth, cur = [], 0, ''
    for ch in s:
        if ch == '(':
            depth += 1
        elif ch == ')':
            depth -= 1
        if ch == ',' and depth == 0:
            args.append(cur.strip())
            cur = ''
        else:
            cur += ch
    if cur.strip():
        args.append(cur.strip())
    return args


def names(arg, macro):
    m = re.fullmatch(macro + r'\((.*)\)', arg, re.S)
    if not m:
        raise ValueError('expected %s(...), got %r' % (macro, arg))
    return [' '.join(n.split()) for n in m.group(1).split(',') if n.strip()]


def cases_of(cases_h, macro):
    """{cmd: (ins, outs, sro)} of the #ifdef <macro> block(s)."""
    text = strip_comments(cases_h)
    cases = {}
    for block in re.finditer(r'^#ifdef\s+%s\s*$(.*?)^#endif' % re.escape(macro),
                             text, re.M | re.S):
        body = block.group(1)
        for m in re.finditer(r'\bRMI_CMD\(', body):
            depth, i = 1, m.end()
            while depth:
                depth += {'(': 1, ')': -1}.get(body[i], 0)
                i += 1
            args = split_args(body[m.end():i - 1])
            if len(args) != 6:
                raise ValueError('RMI_CMD with %d arguments: %s' % (len(args), args))
            cmd, _fnum, ins, outs, _narrow, kind = args
            if kind not in ('sync', 'sro'):
                raise ValueError('%s: kind %r is neither sync nor sro' % (cmd, kind))
            if cmd in cases:
                raise ValueError('%s: two cases' % cmd)
            cases[cmd] = (names(ins, 'RMI_IN'), names(outs, 'RMI_OUT'), kind == 'sro')
    return cases


def wrappers_of(cmds_h):
    """{cmd: [parameter, ...]} of the static inline rmi_*() wrappers."""
    text = strip_comments(cmds_h)
    out = {}
    for m in re.finditer(r'^static inline unsigned long rmi_(\w+)\(([^)]*)\)',
                         text, re.M):
        params = [' '.join(p.split()) for p in m.group(2).split(',')]
        params = [p for p in params if p and p != 'void']
        out[m.group(1)] = [re.sub(r'\s*\*\s*', ' *', p) for p in params]
    return out


def expected(ins, outs, sro):
    want = []
    for n in ins:
        want.append(n if n.startswith('long ') else 'unsigned long ' + n)
    for n in outs:
        want.append('unsigned long *' + n)
    if sro:
        want.append('struct rmi_op *op')
    return want


def main(argv):
    if len(argv) not in (3, 4):
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    smc_h = open(argv[1]).read()
    cmds_h = open(argv[2]).read()
    cases_path = argv[3] if len(argv) == 4 else \
        os.path.join(TOP, 'tests/kunit/rmi_cmds_cases.h')
    macro = revision_macro(smc_h)
    if not macro:
        print('%s: no RMI_SPEC_REVISION_* macro' % argv[1])
        return 1
    cases = cases_of(open(cases_path).read(), macro)
    wrappers = wrappers_of(cmds_h)
    bad = 0
    for cmd in sorted(set(wrappers) - set(cases)):
        print('rmi_%s: a wrapper without a case in %s' % (cmd, cases_path))
        bad += 1
    for cmd in sorted(set(cases) - set(wrappers)):
        print('rmi_%s: a case without a wrapper' % cmd)
        bad += 1
    for cmd in sorted(set(cases) & set(wrappers)):
        want = expected(*cases[cmd])
        got = wrappers[cmd]
        if got != want:
            print('rmi_%s: parameters (%s), the specification (%s)'
                  % (cmd, ', '.join(got), ', '.join(want)))
            bad += 1
    if bad:
        return 1
    print('%s: %d wrappers, each with its parameters named as in the case table'
          % (macro, len(wrappers)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
