#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
"""Every name a generated RMI header defines is checked by some test.

Usage: check-coverage.py <header>... [-- <test file>...]

Collects every macro (#define NAME), enumeration constant and structure tag
of the headers, and fails, listing them, if a name is in none of the test
files (default: the *.c and *.h files under tests/values, tests/kunit and
tests/compat).  The value tests (tests/values/rmi_values_<rev>.c) assert
each constant against the specification; the KUnit suites check the
structures and wrappers; this makes sure no name is left out when the
description grows.
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


def main(argv):
    if '--' in argv:
        i = argv.index('--')
        headers, tests = argv[1:i], argv[i + 1:]
    else:
        headers = argv[1:]
        tests = []
        for d in ('tests/values', 'tests/kunit', 'tests/compat'):
            tests += sorted(glob.glob(os.path.join(TOP, d, '*.[ch]')))
    if not headers:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    words = set()
    for t in tests:
        words |= set(re.findall(r'\w+', open(t).read()))
    total, missing = 0, []
    for h in headers:
        for n in defined_names(open(h).read()):
            total += 1
            if n not in words:
                missing.append('%s: %s' % (h, n))
    for m in missing:
        print('not in any test: ' + m)
    if missing:
        return 1
    print('%d names, each in a test' % total)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
