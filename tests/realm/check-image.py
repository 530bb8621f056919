#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-only
#
# check-image.py: what the Realm program's linked image must be, read from
# the image itself (objdump, nm, readelf of the arm64 binutils).
#
# Usage: tests/realm/check-image.py REALM_ELF REALM_BIN
#
#  - _start is the ELF entry and IPA 0; realm_secondary_entry exists; the
#    vectors are 2KB-aligned; the flat image is exactly text + rodata +
#    data, and with the bss ends below REALM_TOUCH_BASE (realm-abi.h);
#  - no exclusive or atomic instruction (with the MMU off memory is
#    Device-nGnRnE, where they are not guaranteed to work);
#  - no FP/SIMD register (the program is built -mgeneral-regs-only);
#  - every load and store with an immediate offset has an offset that is a
#    multiple of its access size, and every register index is scaled by
#    it, so that an aligned base (the stack, the program's structures)
#    gives an aligned access: no path the compiler made on the assumption
#    that unaligned accesses work (the bases themselves are the C code's
#    business: it reads no byte buffer as words at an odd offset);
#  - one SMC instruction (realm_smc), ERET only in the vectors.
#
# Prints "ok" lines and "not ok" lines with the offending instructions;
# exits 1 if any check fails.

import os
import re
import subprocess
import sys

TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CROSS = os.environ.get('CROSS_COMPILE', 'aarch64-linux-gnu-')

ATOMICS = re.compile(r'^(ld[a]?xr[bh]?|st[l]?xr[bh]?|ld[a]?xp|st[l]?xp|cas[a-z]*|'
                     r'ld(add|clr|eor|set|smax|smin|umax|umin)[a-z]*|'
                     r'st(add|clr|eor|set|smax|smin|umax|umin)[a-z]*|swp[a-z]*|'
                     r'ldapr[a-z]*|stlr[a-z]*|ldar[a-z]*)$')
FPREG = re.compile(r'\b([vqdsbh]([0-9]|[12][0-9]|3[01]))\b')
MEM = re.compile(r'^(ldr|str|ldur|stur|ldp|stp|ldnp|stnp|ldrsw|ldursw|'
                 r'ldrb|strb|ldurb|sturb|ldrh|strh|ldurh|sturh|'
                 r'ldrsb|ldrsh|ldursb|ldursh)$')


def run(*cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def abi_value(name):
    text = open(os.path.join(TOP, 'module/realm/realm-abi.h')).read()
    m = re.search(r'^#define\s+%s\s+(0x[0-9a-fA-F]+|[0-9]+)\s*$' % name, text, re.M)
    return int(m.group(1), 0)


def access_size(mnem, operands):
    """Bytes one register of this load/store moves."""
    base = mnem.replace('ldu', 'ld').replace('stu', 'st')
    if base.endswith('b') or base in ('ldrsb',):
        return 1
    if base.endswith('h') or base in ('ldrsh',):
        return 2
    if base in ('ldrsw',):
        return 4
    first = operands.split(',')[0].strip()
    return 8 if first.startswith('x') else 4


def main():
    elf, binary = sys.argv[1:3]
    failed = 0

    def check(ok, what, detail=()):
        nonlocal failed
        print('%s - %s' % ('ok' if ok else 'not ok', what))
        for d in list(detail)[:20]:
            print('#   %s' % d)
        failed += not ok

    syms = {}
    for line in run(CROSS + 'nm', elf).splitlines():
        addr, _, name = line.split()
        syms[name] = int(addr, 16)
    header = run(CROSS + 'readelf', '-h', elf)
    entry = int(re.search(r'Entry point address:\s+(0x[0-9a-f]+)', header).group(1), 16)
    size = os.path.getsize(binary)

    check(syms.get('_start') == 0 and entry == 0, '_start is the entry point, at IPA 0')
    check('realm_secondary_entry' in syms, 'realm_secondary_entry exists')
    check(syms.get('realm_vectors', 1) % 0x800 == 0, 'the vectors are 2KB-aligned')
    check(syms.get('__image_end') == size,
          'the flat image (%d bytes) ends at __image_end' % size)
    check(syms.get('__realm_end', 1 << 62) <= abi_value('REALM_TOUCH_BASE'),
          'image and bss (%#x) end below REALM_TOUCH_BASE' % syms.get('__realm_end', 0))
    sections = re.findall(r'^\s*\[\s*\d+\]\s+(\S+)', run(CROSS + 'readelf', '-S', '-W', elf), re.M)
    allowed = {'NULL', '.text', '.rodata', '.data', '.bss', '.symtab', '.strtab', '.shstrtab'}
    check(set(sections) <= allowed, 'sections: %s' % ' '.join(sections[1:]))

    atomics, fpregs, unaligned, smcs, erets = [], [], [], [], []
    vectors = (syms.get('realm_vectors', 0), syms.get('realm_vectors', 0) + 0x800)
    for line in run(CROSS + 'objdump', '-d', '--no-show-raw-insn', elf).splitlines():
        m = re.match(r'^\s*([0-9a-f]+):\s+(\S+)\s*(.*)$', line)
        if not m:
            continue
        addr, mnem, operands = int(m.group(1), 16), m.group(2), m.group(3)
        operands = operands.split('//')[0].split('<')[0]
        if ATOMICS.match(mnem):
            atomics.append(line.strip())
        regs = operands.split('[')[0]
        # A branch's, ADR's or literal load's last operand is an address.
        if mnem == 'b' or mnem.startswith(('b.', 'bl')):
            regs = ''
        elif mnem.startswith(('cb', 'tb', 'adr')) or (MEM.match(mnem) and '[' not in operands):
            regs = regs.split(',')[0]
        if mnem not in ('.word', 'udf') and not mnem.startswith(('msr', 'mrs')) and \
                FPREG.search(regs):
            fpregs.append(line.strip())
        if MEM.match(mnem) and '[' in operands:
            size = access_size(mnem, operands)
            imm = re.search(r'\[\s*(?:x\d+|sp)\s*,\s*#(-?(?:0x)?[0-9a-f]+)\s*\]', operands) or \
                re.search(r'\],\s*#(-?(?:0x)?[0-9a-f]+)', operands)
            index = re.search(r'\[\s*(?:x\d+|sp)\s*,\s*[xw]\d+\s*(?:,\s*(\w+)(?:\s*#(\d+))?)?\]',
                              operands)
            if imm and int(imm.group(1), 0) % size:
                unaligned.append(line.strip())
            # A register index is safe when scaled by the access size.
            if index and size > 1 and (not index.group(2) or 1 << int(index.group(2)) != size):
                unaligned.append(line.strip())
        if mnem == 'smc':
            smcs.append(line.strip())
        if mnem == 'eret' and not vectors[0] <= addr < vectors[1]:
            erets.append(line.strip())
    check(not atomics, 'no exclusive or atomic instruction', atomics)
    check(not fpregs, 'no FP/SIMD register', fpregs)
    check(not unaligned, 'every offset is a multiple of its access size', unaligned)
    check(len(smcs) == 1, 'one SMC instruction (realm_smc)', smcs)
    check(not erets, 'ERET only in the vectors', erets)
    print('check-image: %s' % ('FAILED' if failed else 'passed'))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
