#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# make bench, part 4: the report.  Reads the wrapper tables of
# bench-wrappers.py, the "rmi-bench:" lines of the model run (the KUnit
# suite rmi_bench) and of the real stack (rmi.ko bench=1), computes the
# lower bounds of Documentation/arch/arm64/rmi-bench.rst, and prints
# bench/results.md.
#
# Usage: bench-report.py --command CMD --commit COMMIT --wrappers FILE
#                        --model LOG --stack LOG [--stack-info TEXT]
# A missing log is reported as such, not an error.

import argparse
import os
import re

SIZES = (16, 256, 1024)
RECS = (1, 4, 16)
IMAGE_MB = 2
GRANULES_PER_MB = 256           # 4KiB granules
MEASURED = IMAGE_MB * GRANULES_PER_MB

# Rows of the per-command tables, in lifecycle order.
CMDS = ('GRANULE_RANGE_DELEGATE', 'REALM_CREATE', 'RTT_CREATE', 'RTT_INIT_RIPAS',
        'RTT_DATA_MAP_INIT', 'RTT_DATA_MAP', 'REC_CREATE', 'OP_CONTINUE',
        'OP_MEM_DONATE', 'OP_MEM_RECLAIM', 'OP_CANCEL', 'REALM_ACTIVATE',
        'REALM_TERMINATE', 'RTT_DATA_UNMAP', 'RTT_DESTROY', 'REC_DESTROY',
        'REALM_DESTROY', 'GRANULE_RANGE_UNDELEGATE', 'others', 'total')


def read(path):
    if not path or not os.path.isfile(path):
        return ''
    with open(path, errors='replace') as f:
        return f.read()


def parse_first(text):
    """{(mode, ram): (calls, delegates, ns)} of the "rmi-bench: first" lines."""
    first = {}
    for line in text.splitlines():
        m = re.search(r'rmi-bench: first \w+ (eager|demand) (\d+) (\d+) (\d+) (\d+)$', line)
        if m:
            first[(m.group(1), int(m.group(2)))] = (int(m.group(3)), int(m.group(4)),
                                                    int(m.group(5)))
    return first


def first_table(model, rmm):
    out = ['', '### From cca_realm_create() to the first instruction: eager against on demand',
           '', 'One REC; a 2 MiB measured image (RTT_DATA_MAP_INIT) in both.  *eager*: '
           'the whole RAM delegated ahead (cca_realm_reserve()), its RTTs created, '
           'RIPAS RAM, mapped; *on demand*: the image delegated ahead, RIPAS RAM '
           'over the rest, each of its granules delegated and mapped when the '
           'Realm first touches it (64 KiB around the fault).  '
           'Until the first REC exit the library hands back, REC entries included.  '
           'Times are host time of the library and the model under QEMU (model) or '
           'of the emulated machine (real RMM): compare within a column only.', '',
           '| RAM | model eager calls | model on-demand calls | model eager ms '
           '| model on-demand ms | real eager calls (delegates) | real on-demand '
           'calls (delegates) | real eager ms | real on-demand ms |',
           '| ---: |' + ' ---: |' * 8]
    for r in SIZES:
        row = ['%d MiB' % r]
        for src in (model,):
            e, d = src.get(('eager', r)), src.get(('demand', r))
            row += [str(e[0]) if e else '-', str(d[0]) if d else '-',
                    '%.1f' % (e[2] / 1e6) if e else '-', '%.1f' % (d[2] / 1e6) if d else '-']
        e, d = rmm.get(('eager', r)), rmm.get(('demand', r))
        row += ['%d (%d)' % (e[0], e[1]) if e else '-', '%d (%d)' % (d[0], d[1]) if d else '-',
                '%.1f' % (e[2] / 1e6) if e else '-', '%.1f' % (d[2] / 1e6) if d else '-']
        out.append('| ' + ' | '.join(row) + ' |')
    return out


def parse(text):
    """{(ram, recs): {cmd: n}}, {name: (iters, ns)}, [notes] of a log."""
    counts, times, notes = {}, {}, []
    for line in text.splitlines():
        m = re.search(r'rmi-bench: realm \w+ (\d+) (\d+) (\w+) (\d+)$', line)
        if m:
            counts.setdefault((int(m.group(1)), int(m.group(2))), {})[m.group(3)] = \
                int(m.group(4))
            continue
        m = re.search(r'rmi-bench: time (\w+) (\d+) (\d+)$', line)
        if m:
            times.setdefault(m.group(1), []).append((int(m.group(2)), int(m.group(3))))
            continue
        m = re.search(r'(rmi-bench: (realm \w+ \d+ \d+ (skipped|failed).*|REC exits.*|'
                      r'done.*|FAILED.*))$', line)
        if m:
            notes.append(m.group(1))
    return counts, times, notes


def geometry(ram, recs):
    """RTTs and granules of a Realm of ram MiB (rmi-bench.rst)."""
    l2 = -(-ram // 1024)                # one level 2 RTT per GiB of IPA
    l3 = ram // 2                       # one level 3 RTT per 2MiB
    data = ram * GRANULES_PER_MB
    granules = 1 + 1 + l2 + l3 + recs + data    # RD, start RTT, RTTs, RECs, data
    return l2, l3, data, granules


def bounds(ram, recs):
    """Lower bounds on the calls of one lifecycle: spec, TF-RMM, naive."""
    l2, l3, data, granules = geometry(ram, recs)
    common = {
        'REALM_CREATE': 1, 'REALM_ACTIVATE': 1, 'REALM_TERMINATE': 1,
        'REALM_DESTROY': 1,
        'RTT_CREATE': l2 + l3, 'RTT_DESTROY': l2 + l3,
        # RIPAS set while the RAM is level 2 blocks: one per level 2 RTT.
        'RTT_INIT_RIPAS': l2,
        'RTT_DATA_MAP_INIT': MEASURED,
        'RTT_DATA_MAP': (ram - IMAGE_MB) // 2,
        # One list of merged PA-adjacent granules: the first call unmaps all.
        'RTT_DATA_UNMAP': 1,
        'REC_CREATE': recs, 'REC_DESTROY': recs,
    }
    spec = dict(common, GRANULE_RANGE_DELEGATE=1, GRANULE_RANGE_UNDELEGATE=1)
    tfrmm = dict(common, GRANULE_RANGE_DELEGATE=granules,
                 GRANULE_RANGE_UNDELEGATE=granules)
    naive = dict(tfrmm, RTT_DATA_MAP=data - MEASURED, RTT_DATA_UNMAP=data)
    return sum(spec.values()), sum(tfrmm.values()), sum(naive.values())


def counts_table(title, counts):
    out = ['', '### %s' % title, '']
    cols = [(r, n) for r in SIZES for n in RECS if (r, n) in counts]
    if not cols:
        return out + ['No counts: the run did not happen or printed none.']
    out.append('| command | ' + ' | '.join('%d MiB, %d REC%s' % (r, n, 's' if n > 1 else '')
                                          for r, n in cols) + ' |')
    out.append('| --- |' + ' ---: |' * len(cols))
    for c in CMDS:
        vals = [counts[k].get(c, 0) for k in cols]
        if any(vals) or c == 'total':
            name = '**total**' if c == 'total' else '`%s`' % c
            out.append('| %s | %s |' % (name, ' | '.join(str(v) for v in vals)))
    return out


def summary_table(model, rmm):
    out = ['', '### Calls per Realm against the bounds', '',
           'Totals of one lifecycle (create, populate, activate, teardown).  '
           '*spec*: the fewest calls DEN0137 allows; *TF-RMM*: the same with '
           'one granule per delegate/undelegate call, as TF-RMM does; '
           '*naive*: a host mapping each 4KiB granule with its own delegate '
           'and DATA_MAP call (and unmapping it alone).', '',
           '| RAM | RECs | model | real RMM | model/MiB | spec bound | TF-RMM bound '
           '| naive | model/spec | model/TF-RMM | real/TF-RMM | naive/model |',
           '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: '
           '| ---: | ---: |']
    for r in SIZES:
        for n in RECS:
            spec, tfrmm, naive = bounds(r, n)
            m = model.get((r, n), {}).get('total')
            s = rmm.get((r, n), {}).get('total')
            out.append('| %d MiB | %d | %s | %s | %s | %d | %d | %d | %s | %s | %s | %s |' % (
                r, n, m if m is not None else '-', s if s is not None else '-',
                '%.1f' % (m / r) if m else '-', spec, tfrmm, naive,
                '%.1f' % (m / spec) if m else '-', '%.3f' % (m / tfrmm) if m else '-',
                '%.3f' % (s / tfrmm) if s else '-', '%.2f' % (naive / m) if m else '-'))
    return out


def growth(model, rmm):
    out = ['', '### Growth from 16 MiB to 1 GiB (RAM x64)', '',
           '| RECs | model 16 MiB | model 1 GiB | model x | real 16 MiB | real 1 GiB '
           '| real x | TF-RMM bound x |', '| ---: |' + ' ---: |' * 7]
    for n in RECS:
        row = ['%d' % n]
        for src in (model, rmm):
            a = src.get((16, n), {}).get('total')
            b = src.get((1024, n), {}).get('total')
            row += [str(a) if a else '-', str(b) if b else '-',
                    '%.1f' % (b / a) if a and b else '-']
        row.append('%.1f' % (bounds(1024, n)[1] / bounds(16, n)[1]))
        out.append('| ' + ' | '.join(row) + ' |')
    return out


def timing_table(times):
    out = ['', '### Real-stack round trips, as ratios to a null SMC', '']
    null = times.get('null_smc')
    if not null:
        return out + ['Not measured: the real stack did not run.']
    base = sum(ns for _, ns in null) / sum(i for i, _ in null)
    out += ['The null SMC (SMCCC_VERSION, answered by TF-A at EL3) was timed '
            'twice, before and after the others; its mean is the unit.  '
            'Times under QEMU\'s emulation are not those of hardware: only the '
            'ratios are reported.', '',
            '| round trip | iterations | ratio to null SMC |', '| --- | ---: | ---: |']
    for i, ns in null:
        out.append('| null SMC (SMCCC_VERSION) | %d | %.2f |' % (i, ns / i / base))
    names = {'delegate_pair': 'GRANULE_RANGE_DELEGATE + UNDELEGATE of one granule',
             'rec_enter': 'REC_ENTER to a Realm host call and back'}
    for k in ('delegate_pair', 'rec_enter'):
        for i, ns in times.get(k, []):
            out.append('| %s | %d | %.1f |' % (names[k], i, ns / i / base))
    return out


def main():
    ap = argparse.ArgumentParser()
    for a in ('command', 'commit', 'wrappers', 'model', 'stack', 'stack-info'):
        ap.add_argument('--' + a, default='')
    args = ap.parse_args()

    model, _, _ = parse(read(args.model))
    rmm, times, rmm_notes = parse(read(args.stack))
    model_first = parse_first(read(args.model))
    rmm_first = parse_first(read(args.stack))
    out = ['# make bench: results', '',
           'Made by `%s` at commit `%s`.  Method and discussion: '
           '`Documentation/arch/arm64/rmi-bench.rst`.' % (args.command, args.commit), '',
           '## 1. Wrapper cost (instructions, arm64, -O2)']
    out += read(args.wrappers).rstrip('\n').splitlines()
    out += ['', '## 2. RMI calls per Realm',
            '', 'Through the RMI library: Realms with a 2 MiB measured image '
            '(RTT_DATA_MAP_INIT) and the rest of their RAM mapped by ranges '
            '(RTT_DATA_MAP); rmi_init() not counted; no REC entered.']
    out += counts_table('By command, model RMM (KUnit suite rmi_bench)', model)
    out += counts_table('By command, real RMM (rmi.ko bench=1 on QEMU, %s)' %
                        (args.stack_info or 'TF-RMM'), rmm)
    out += summary_table(model, rmm)
    out += growth(model, rmm)
    out += first_table(model_first, rmm_first)
    notes = [n for n in rmm_notes if 'skipped' in n or 'failed' in n]
    if notes:
        out += ['', 'Real stack notes:', ''] + ['- `%s`' % n for n in notes]
    if not rmm:
        out += ['', 'Real RMM: no counts (the stack did not run; see make bench\'s output).']
    out += ['', '## 3. Timing on the real stack']
    out += timing_table(times)
    out += ['- `%s`' % n for n in rmm_notes if 'REC exits' in n]
    print('\n'.join(out))


if __name__ == '__main__':
    main()
