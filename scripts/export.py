#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
#
# make export: the project as a patch series for a Linux 6.12 tree.
#
# Usage: export.py [--series FILE] [--base KERNEL_REPO] OUTDIR
#        export.py [--series FILE] --checkpatch-ignores
#
# Reads the series definition (default scripts/export.series, whose
# header documents the format), checks that every project file that
# belongs in the kernel is in exactly one patch, builds one commit per
# patch on top of the base commit of KERNEL_REPO (default
# $RMI_CACHE/linux, the git repository scripts/setup.sh makes of
# linux-source-6.12) and writes them with "git format-patch
# --cover-letter" to OUTDIR, after removing the patches an earlier export
# left there.  Prints the patch files, the cover letter first.
#
# The files are those of the working tree (tracked, or new and not
# ignored), as make check tests them.  The commits are made with git's
# plumbing in a temporary object directory: neither the kernel tree nor
# its repository is written to.  Author, committer and dates are fixed
# (the project's git identity, the date of its HEAD commit), so that the
# same project gives the same patches.

import argparse
import fnmatch
import os
import re
import shutil
import subprocess
import sys
import tempfile

TOP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CACHE = os.environ.get('RMI_CACHE',
                       os.path.join(os.environ.get('HOME', '/root'), '.cache', 'rmi-gen'))


class ExportError(Exception):
    pass


def die(msg):
    sys.exit('export: ' + msg)


def git(args, cwd=TOP, env=None, data=None):
    r = subprocess.run(['git'] + args, cwd=cwd, env=env, input=data,
                       capture_output=True)
    if r.returncode:
        raise ExportError('git %s: %s' % (' '.join(args), r.stderr.decode(errors='replace').strip()))
    return r.stdout


# The series definition.

def block(lines, i, depth):
    """The lines of a block that starts after line i, at tab depth depth,
    and the index of its 'end' line."""
    out = []
    prefix = '\t' * (depth + 1)
    end = '\t' * depth + 'end'
    while i < len(lines):
        line = lines[i]
        if line == end:
            return out, i
        if line.strip('\t') == '':
            out.append('')
        elif line.startswith(prefix):
            out.append(line[len(prefix):])
        else:
            raise ExportError('line %d: %r is not in the block (indent it, or "end" it)' % (i + 1, line))
        i += 1
    raise ExportError('a block has no "end"')


def parse_series(path):
    s = {'map': [], 'kernel': [], 'local': [], 'patches': [],
         'maintainers': None, 'cover': None}
    lines = open(path).read().split('\n')
    i = 0
    patch = None
    while i < len(lines):
        line = lines[i]
        where = '%s:%d' % (os.path.relpath(path, TOP), i + 1)
        if not line.strip() or line.lstrip('\t').startswith('#'):
            i += 1
            continue
        depth = len(line) - len(line.lstrip('\t'))
        word, _, rest = line.strip('\t').partition(' ')
        try:
            if depth == 0:
                patch = None
                if word == 'map':
                    a, b = rest.split()
                    s['map'].append((a, b))
                elif word in ('kernel', 'local'):
                    s[word] += rest.split()
                elif word == 'maintainers':
                    body, i = block(lines, i + 1, 0)
                    s['maintainers'] = (rest, body)
                elif word == 'cover':
                    body, i = block(lines, i + 1, 0)
                    s['cover'] = (rest, body)
                elif word == 'patch':
                    patch = {'subject': rest, 'files': [], 'edits': [], 'ignore': [],
                             'message': None, 'where': where}
                    s['patches'].append(patch)
                else:
                    raise ExportError('unknown keyword %r' % word)
            elif depth == 1 and patch is not None:
                if word == 'files':
                    patch['files'] += rest.split()
                elif word == 'append':
                    body, i = block(lines, i + 1, 1)
                    patch['edits'].append((rest.strip(), None, body))
                elif word == 'insert':
                    f, sep, after = rest.partition(' after ')
                    if not sep:
                        raise ExportError('insert: "insert <file> after <line>"')
                    body, i = block(lines, i + 1, 1)
                    patch['edits'].append((f.strip(), after, body))
                elif word == 'checkpatch-ignore':
                    kind, _, why = rest.partition(' ')
                    if not re.match(r'^[A-Z_]+$', kind) or not why.strip():
                        raise ExportError('checkpatch-ignore: "checkpatch-ignore <TYPE> <why>"')
                    patch['ignore'].append(kind)
                elif word == 'message':
                    body, i = block(lines, i + 1, 1)
                    patch['message'] = body
                else:
                    raise ExportError('unknown patch keyword %r' % word)
            else:
                raise ExportError('unexpected indentation')
        except (ExportError, ValueError) as e:
            raise ExportError('%s: %s' % (where, e))
        i += 1
    for p in s['patches']:
        if not p['message'] or not p['files']:
            raise ExportError('%s: patch "%s" needs files and a message' % (p['where'], p['subject']))
    if not s['patches'] or not s['cover'] or not s['maintainers']:
        raise ExportError('%s: no patch, cover or maintainers' % path)
    return s


def glob_match(pattern, path):
    """fnmatch, with * and ? within one path component and ** for any
    number of them."""
    pp = pattern.split('/')
    fp = path.split('/')

    def m(i, j):
        if i == len(pp):
            return j == len(fp)
        if pp[i] == '**':
            return any(m(i + 1, k) for k in range(j, len(fp) + 1))
        return j < len(fp) and fnmatch.fnmatchcase(fp[j], pp[i]) and m(i + 1, j + 1)
    return m(0, 0)


def is_glob(pattern):
    return any(c in pattern for c in '*?[')


def kernel_path(series, path):
    for a, b in series['map']:
        if path.startswith(a):
            return b + path[len(a):]
    return path


# Which file goes into which patch.

def project_files():
    out = git(['ls-files', '-z', '--cached', '--others', '--exclude-standard']).decode()
    return sorted(f for f in set(out.split('\0')) if f and os.path.isfile(os.path.join(TOP, f)))


def assign(series, files):
    """{project file: patch index}; raises with every problem found."""
    kernel = [f for f in files
              if any(glob_match(g, f) for g in series['kernel'])
              and not any(glob_match(g, f) for g in series['local'])]
    claims = {}
    problems = []
    for n, p in enumerate(series['patches']):
        for pat in p['files']:
            hits = [f for f in files if glob_match(pat, f)]
            if not hits:
                problems.append('patch %d: %s matches no file' % (n + 1, pat))
            for f in hits:
                if f not in kernel:
                    if not is_glob(pat):
                        problems.append('patch %d: %s is not a kernel file (kernel/local)' % (n + 1, f))
                    continue
                claims.setdefault(f, []).append((n, not is_glob(pat)))
    where = {}
    for f in kernel:
        c = claims.get(f, [])
        patches = sorted(set(n for n, _ in c))
        exact = sorted(set(n for n, e in c if e))
        if not patches:
            problems.append('%s is in no patch' % f)
        elif len(patches) == 1:
            where[f] = patches[0]
        elif len(exact) == 1:
            where[f] = exact[0]
        else:
            problems.append('%s is in patches %s' % (f, ', '.join(str(n + 1) for n in patches)))
    if problems:
        raise ExportError('the series does not hold every kernel file once:\n  ' +
                          '\n  '.join(problems))
    return where


# Per-patch content: what a Makefile or a Kconfig may name at a patch.

OBJ_LINE = re.compile(r'^\s*([A-Za-z0-9_$(),.-]+)\s*(\+=|:=|\?=|=)(.*)$')


def makefile_at(text, directory, exists):
    """The Makefile text with the objects and subdirectories whose source
    does not exist left out; a line left with none goes, with the comment
    lines above it when they describe nothing else."""
    lines = text.split('\n')
    # Logical lines (continuations joined) for the analysis.
    logical = []
    i = 0
    while i < len(lines):
        j = i
        while lines[j].endswith('\\') and j + 1 < len(lines):
            j += 1
        logical.append((i, j))
        i = j + 1

    def objects(k):
        first, last = logical[k]
        m = OBJ_LINE.match(' '.join(l.rstrip('\\') for l in lines[first:last + 1]))
        if not m or lines[first].lstrip().startswith('#'):
            return None, []
        return m.group(1), [t for t in m.group(3).split() if t.endswith(('.o', '/'))]

    # Composite objects: foo-y := a.o b.o makes foo.o.
    composite = {}
    for k in range(len(logical)):
        lhs, objs = objects(k)
        mm = re.match(r'^(.*)-(y|objs|\$\(CONFIG_\w+\))$', lhs or '')
        if mm and not lhs.startswith(('obj-', 'ccflags-', 'subdir-')):
            composite.setdefault(mm.group(1), []).extend(objs)

    def present(tok, seen=()):
        if tok.endswith('/'):
            return any(exists(os.path.join(directory, tok, n)) for n in ('Makefile', 'Kbuild'))
        stem = tok[:-2]
        if stem in composite and stem not in seen:
            return any(present(t, seen + (stem,)) for t in composite[stem])
        return any(exists(os.path.join(directory, stem + ext)) for ext in ('.c', '.S'))

    out = []
    dropped_any = False
    for k, (first, last) in enumerate(logical):
        _, objs = objects(k)
        gone = [t for t in objs if not present(t)]
        if not gone:
            out.extend(lines[first:last + 1])
            continue
        dropped_any = True
        if len(gone) == len(objs):
            # The comment lines right above describe this line only if
            # nothing but the line follows them before a blank line.
            nxt = logical[k + 1][0] if k + 1 < len(logical) else len(lines)
            if nxt >= len(lines) or not lines[nxt].strip():
                while out and out[-1].lstrip().startswith('#'):
                    out.pop()
            continue
        for l in lines[first:last + 1]:
            for t in gone:
                l = re.sub(r'[ \t]+' + re.escape(t) + r'(?=[ \t\\]|$)', '', l)
            out.append(l)
    return tidy(out) if dropped_any else text


def tidy(lines):
    """Lines joined, without the blank lines a removal left: two in a row,
    or at the end."""
    res = []
    for l in lines:
        if not l.strip() and res and not res[-1].strip():
            continue
        res.append(l)
    while len(res) > 1 and not res[-1].strip() and not res[-2].strip():
        res.pop()
    if len(res) > 1 and not res[-1] and not res[-2].strip():
        res[-2:] = ['']
    return '\n'.join(res)


def kconfig_at(text, exists):
    out = []
    for l in text.split('\n'):
        m = re.match(r'^\s*source\s+"([^"]+)"\s*$', l)
        if m and not exists(m.group(1)):
            continue
        out.append(l)
    return tidy(out) if len(out) != text.count('\n') + 1 else text


def content_at(kpath, text, exists):
    name = os.path.basename(kpath)
    if name in ('Makefile', 'Kbuild'):
        return makefile_at(text, os.path.dirname(kpath), exists)
    if name.startswith('Kconfig'):
        return kconfig_at(text, exists)
    return text


def maintainers_at(base_text, series, ident, present):
    title, body = series['maintainers']
    head, dirs = [], []
    for l in body:
        if l.startswith('dir\t'):
            dirs.append(l[4:].strip())
        elif l:
            head.append(l)
    files = set()
    for f in present:
        d = next((d for d in dirs if f.startswith(d)), None)
        files.add(d or f)
    entry = [title, 'M:\t' + ident] + head + ['F:\t' + f for f in sorted(files)]
    lines = base_text.split('\n')
    # Before the first section whose title sorts after ours.
    for i in range(1, len(lines) - 1):
        if (not lines[i - 1] and lines[i] and not re.match(r'^[A-Z]:\t', lines[i]) and
                re.match(r'^[A-Z]:\t', lines[i + 1]) and lines[i] > title):
            return '\n'.join(lines[:i] + entry + [''] + lines[i:])
    raise ExportError('MAINTAINERS: no place for the section %r' % title)


def apply_edit(text, kpath, after, body):
    if after is None:
        return text + ('' if text.endswith('\n') else '\n') + '\n'.join(body) + '\n'
    lines = text.split('\n')
    hits = [i for i, l in enumerate(lines) if l == after]
    if len(hits) != 1:
        raise ExportError('%s: the line %r is there %d times, not once' % (kpath, after, len(hits)))
    i = hits[0] + 1
    return '\n'.join(lines[:i] + body + lines[i:])


# Consistency the kernel's Kconfig must keep with the project.

def check_revisions(files):
    default = open(os.path.join(TOP, 'arch/arm64/tools/default-revision')).read().strip()
    kconfig = open(os.path.join(TOP, 'arch/arm64/tools/Kconfig')).read()
    var = lambda r: 'ARM64_RMI_SPEC_' + re.sub(r'[.-]', '_', r).upper()
    problems = []
    m = re.search(r'^\tdefault (ARM64_RMI_SPEC_\w+)$', kconfig, re.M)
    if not m or m.group(1) != var(default):
        problems.append('the choice\'s default is not %s (arch/arm64/tools/default-revision)' % var(default))
    for f in files:
        if f.startswith('arch/arm64/tools/rmi-'):
            rev = f[len('arch/arm64/tools/rmi-'):]
            if not re.search(r'^config %s$' % var(rev), kconfig, re.M) or \
               not re.search(r'^\tdefault "%s" if %s$' % (re.escape(rev), var(rev)), kconfig, re.M):
                problems.append('no choice of %s, or no ARM64_RMI_SPEC default for it' % rev)
    if problems:
        raise ExportError('arch/arm64/tools/Kconfig: ' + '; '.join(problems))


# The commits and the patches.

def export(series, base_repo, outdir):
    files = project_files()
    where = assign(series, files)
    check_revisions(files)
    name = git(['config', 'user.name']).decode().strip()
    email = git(['config', 'user.email']).decode().strip()
    ident = '%s <%s>' % (name, email)
    date = git(['log', '-1', '--format=%aI']).decode().strip() or '2000-01-01T00:00:00Z'

    base = git(['rev-parse', 'HEAD'], cwd=base_repo).decode().strip()
    base_files = set(git(['ls-tree', '-r', '-z', '--name-only', base],
                         cwd=base_repo).decode().split('\0'))
    modes = {}
    for l in git(['ls-files', '-s', '-z']).decode().split('\0'):
        if l:
            meta, path = l.split('\t', 1)
            modes[path] = meta.split()[0]

    tmp = tempfile.mkdtemp(prefix='rmi-export.')
    try:
        objects = os.path.join(tmp, 'objects')
        os.makedirs(objects)
        env = dict(os.environ, GIT_INDEX_FILE=os.path.join(tmp, 'index'),
                   GIT_OBJECT_DIRECTORY=objects,
                   GIT_ALTERNATE_OBJECT_DIRECTORIES=os.path.join(
                       git(['rev-parse', '--absolute-git-dir'], cwd=base_repo).decode().strip(), 'objects'),
                   GIT_AUTHOR_NAME=name, GIT_AUTHOR_EMAIL=email, GIT_AUTHOR_DATE=date,
                   GIT_COMMITTER_NAME=name, GIT_COMMITTER_EMAIL=email, GIT_COMMITTER_DATE=date)
        git(['read-tree', base], cwd=base_repo, env=env)

        def base_text(kpath):
            return git(['show', '%s:%s' % (base, kpath)], cwd=base_repo).decode()

        kfile = {f: kernel_path(series, f) for f in where}
        clash = set(kfile.values()) & base_files
        if clash:
            raise ExportError('these would replace files of the kernel: %s' % ', '.join(sorted(clash)))
        current = {}
        present = []
        edits = {}
        parent = base
        for n, p in enumerate(series['patches']):
            present += [f for f in sorted(where) if where[f] == n]
            tree_files = base_files | {kfile[f] for f in present}
            exists = lambda path: os.path.normpath(path) in tree_files
            new = {}
            for f in present:
                text = open(os.path.join(TOP, f), 'rb').read()
                try:
                    new[kfile[f]] = (content_at(kfile[f], text.decode(), exists).encode(),
                                     modes.get(f, '100755' if os.access(os.path.join(TOP, f), os.X_OK) else '100644'))
                except UnicodeDecodeError:
                    new[kfile[f]] = (text, modes.get(f, '100644'))
            for kpath, after, body in p['edits']:
                if kpath not in base_files:
                    raise ExportError('patch %d: %s is not a file of the kernel' % (n + 1, kpath))
                edits.setdefault(kpath, []).append((after, body))
            for kpath, eds in edits.items():
                text = base_text(kpath)
                for after, body in eds:
                    text = apply_edit(text, kpath, after, body)
                new[kpath] = (text.encode(), '100644')
            new['MAINTAINERS'] = (maintainers_at(base_text('MAINTAINERS'), series, ident,
                                                 [kfile[f] for f in present]).encode(), '100644')
            changed = [k for k in sorted(new) if current.get(k) != new[k]]
            if not changed:
                raise ExportError('patch %d (%s) changes nothing' % (n + 1, p['subject']))
            for k in changed:
                sha = git(['hash-object', '-w', '--stdin'], cwd=base_repo, env=env,
                          data=new[k][0]).decode().strip()
                git(['update-index', '--add', '--cacheinfo', '%s,%s,%s' % (new[k][1], sha, k)],
                    cwd=base_repo, env=env)
            current.update(new)
            tree = git(['write-tree'], cwd=base_repo, env=env).decode().strip()
            msg = '\n'.join([p['subject'], ''] + p['message'] + ['', 'Signed-off-by: ' + ident, ''])
            parent = git(['commit-tree', tree, '-p', parent, '-F', '-'], cwd=base_repo, env=env,
                         data=msg.encode()).decode().strip()

        os.makedirs(outdir, exist_ok=True)
        for f in os.listdir(outdir):
            if re.match(r'^\d{4}-.*\.patch$', f):
                os.unlink(os.path.join(outdir, f))
        out = git(['format-patch', '--cover-letter', '--no-signature', '-o',
                   os.path.abspath(outdir), '%s..%s' % (base, parent)],
                  cwd=base_repo, env=env).decode().split()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    # The cover letter's subject and text.
    cover = sorted(out)[0]
    subject, body = series['cover']
    text = open(cover).read()
    text = text.replace('*** SUBJECT HERE ***', subject)
    text = text.replace('*** BLURB HERE ***', '\n'.join(body).rstrip('\n'))
    open(cover, 'w').write(text)
    return sorted(out)


def main():
    ap = argparse.ArgumentParser(description='Write the project as a patch series.')
    ap.add_argument('--series', default=os.path.join(TOP, 'scripts', 'export.series'))
    ap.add_argument('--base', default=os.path.join(CACHE, 'linux'),
                    help='the kernel repository whose HEAD the series applies to')
    ap.add_argument('--checkpatch-ignores', action='store_true',
                    help='print, for each patch, the checkpatch types it may show, '
                         'comma-separated (a line "-" for none), and write nothing')
    ap.add_argument('outdir', nargs='?')
    a = ap.parse_args()
    if a.checkpatch_ignores:
        try:
            for p in parse_series(a.series)['patches']:
                print(','.join(p['ignore']) or '-')
        except ExportError as e:
            die(str(e))
        return
    if not a.outdir:
        ap.error('no OUTDIR')
    if not os.path.isdir(os.path.join(a.base, '.git')):
        die('%s is not a git repository: run scripts/setup.sh' % a.base)
    try:
        for f in export(parse_series(a.series), a.base, a.outdir):
            print(f)
    except ExportError as e:
        die(str(e))


if __name__ == '__main__':
    main()
