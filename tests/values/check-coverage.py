#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Every name a generated RMI header defines is checked by some test.

Usage: check-coverage.py <header>... [-- <test file>...]

Collects every macro (#define NAME), enumeration constant and structure tag
of the headers, and fails, listing them, if a name is in none of the test
files.  By default the tests are those of the headers' revision (their
RMI_SPEC_REVISION): every macro and enumeration constant must be in its
value test, tests/values/rmi_values_<rev>.c, which asserts each constant
against the specification; a structure tag may also be in the KUnit suites
(tests/kunit), which check the structures and wrappers.  A name asserted
for another revision does not count.  With "--", every name may be in any
of the files given.  This makes sure no name is left out when a
description grows, or a revision is added.
"""
import glob
import os
import re
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def defined_names(text):
    names = re.findall(r'^#\s*define\s+(\w+)', text, re.M)
    for body in re.findall(r'\benum\s+\w*\s*\{(.*?)\}', text, re.S):
        names += re.findall(r'^\s*(\w+)\s*(?:=|,)', body, re.M)
    names += re.findall(r'^struct\s+(\w+)\s*\{', text, re.M)
    return names


def revision(text):
    m = re.search(r'^#\s*define\s+RMI_SPEC_REVISION\s+"([^"]+)"', text, re.M)
    return m.group(1) if m else None


def words_of(files):
    words = set()
    for t in files:
        words |= set(re.findall(r'\w+', open(t).read()))
    return words


def main(argv):
    if '--' in argv:
        i = argv.index('--')
        headers, tests = argv[1:i], argv[i + 1:]
    else:
        headers, tests = argv[1:], None
    if not headers:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    texts = [open(h).read() for h in headers]
    if tests is None:
        revs = set(filter(None, (revision(t) for t in texts)))
        if len(revs) != 1:
            print('%s: expected one RMI_SPEC_REVISION, found %s'
                  % (' '.join(headers), sorted(revs) or 'none'))
            return 1
        rev = revs.pop()
        values = os.path.join(TOP, 'tests/values',
                              'rmi_values_%s.c' % re.sub(r'[.-]', '_', rev))
        if not os.path.isfile(values):
            print('%s: no value test for revision %s' % (os.path.relpath(values, TOP), rev))
            return 1
        constants = words_of([values])
        structs = constants | words_of(sorted(glob.glob(os.path.join(TOP, 'tests/kunit',
                                                                    '*.[ch]'))))
    else:
        constants = structs = words_of(tests)
    total, missing = 0, []
    for h, text in zip(headers, texts):
        tags = set(re.findall(r'^struct\s+(\w+)\s*\{', text, re.M))
        for n in defined_names(text):
            total += 1
            if n not in (structs if n in tags else constants):
                missing.append('%s: %s' % (h, n))
    for m in missing:
        print('not in any test: ' + m)
    if missing:
        return 1
    print('%d names, each in a test' % total)
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv))
