#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The project as a kernel patch series, applied to Linux 6.12.
#
# Usage: scripts/series.sh
#
# 1. scripts/export.py writes the series ("make export") to
#    $RMI_CACHE/series/patches.
# 2. git am applies it to the pristine tree (scripts/setup.sh) in a scratch
#    worktree, $RMI_CACHE/series/am, reset to the base commit first.  The
#    committer and dates are fixed, so the same patches give the same
#    commits; unchanged patches are not applied again.
# 3. The series tree, $RMI_CACHE/series/linux, another worktree of the
#    pristine repository, is checked out at the last commit: git rewrites
#    only the files whose content changed, so that the builds made in it
#    (make kunit's) redo only what the change touched.
#
# The last line printed on stdout is the series tree's path; the rest goes
# to stderr.  Exit status 1 when a patch does not apply.
#
# Environment: RMI_CACHE (see scripts/setup.sh).
set -eu

top=$(cd "$(dirname "$0")/.." && pwd -P)
. "$top/scripts/lib.sh"
CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
K=$CACHE/linux
S=$CACHE/series
AM=$S/am
T=$S/linux
[ $# -eq 0 ] || { echo "usage: $0" >&2; exit 2; }

say()
{
	echo "series: $*" >&2
}

fail()
{
	say "FAILED: $*"
	exit 1
}

# A worktree of the pristine repository at $1, made once.
worktree()
{
	[ -e "$1/.git" ] && return 0
	say "making the worktree $1 (once)"
	rm -rf "$1"
	git -C "$K" worktree prune
	git -C "$K" worktree add -q --detach "$1" "$base" >&2
}

mkdir -p "$S"
# One run at a time per cache: the worktrees and the build are shared.
if [ -z "${RMI_SERIES_LOCKED:-}" ] && command -v flock >/dev/null; then
	RMI_SERIES_LOCKED=1
	export RMI_SERIES_LOCKED
	exec flock "$S/lock" sh "$0" "$@"
fi
base=$(git -C "$K" rev-parse HEAD)

# 1. Export.
rm -rf "$S/patches.new"
python3 "$top/scripts/export.py" "$S/patches.new" >/dev/null ||
	fail "make export failed (above)"
rm -rf "$S/patches"
mv "$S/patches.new" "$S/patches"
patches=$(ls "$S/patches"/[0-9][0-9][0-9][0-9]-*.patch | grep -v '/0000-')

# 2. git am, unless these patches were applied already.
worktree "$AM"
want=$(cat $patches | sha256sum | cut -d' ' -f1)
tip=$(sed -n "s/^$want //p" "$S/applied" 2>/dev/null || true)
if [ -z "$tip" ] || ! git -C "$AM" cat-file -e "$tip^{commit}" 2>/dev/null; then
	say "git am: $(echo "$patches" | wc -l) patches onto linux-source-6.12"
	git -C "$AM" am --abort >/dev/null 2>&1 || true
	git -C "$AM" reset -q --hard "$base"
	git -C "$AM" clean -q -fdx
	# shellcheck disable=SC2086
	if ! out=$(GIT_COMMITTER_NAME=rmi GIT_COMMITTER_EMAIL=rmi@localhost \
		   GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
		   git -C "$AM" am -q --whitespace=error $patches 2>&1); then
		echo "$out" >&2
		git -C "$AM" am --abort >/dev/null 2>&1 || true
		fail "the series does not apply to linux-source-6.12 with git am"
	fi
	[ -z "$out" ] || { echo "$out" >&2; fail "git am warned (above)"; }
	tip=$(git -C "$AM" rev-parse HEAD)
	echo "$want $tip" >"$S/applied"
fi

# 3. The series tree at the tip.
worktree "$T"
# Back at the tip; a no-op when it is there already.
git -C "$T" checkout -q -f --detach "$tip"
echo "$T"
