#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# The project as a kernel patch series, applied to Linux 6.12 and, with
# --check, checked patch by patch.
#
# Usage: scripts/series.sh [--check]
#
# 1. scripts/export.py writes the series ("make export") to
#    $RMI_CACHE/series/patches.
# 2. git am applies it to the pristine tree (scripts/setup.sh) in a scratch
#    worktree, $RMI_CACHE/series/am, reset to the base commit first, with
#    only the files the patches touch checked out (sparse).  The
#    committer and dates are fixed, so the same patches give the same
#    commits; unchanged patches are not applied again.
# 3. The series tree, $RMI_CACHE/series/linux, another worktree of the
#    pristine repository, is checked out at the last commit: git rewrites
#    only the files whose content changed, so that the builds made in it
#    (make kunit's) redo only what the change touched.
# 4. --check (make series): for every patch, scripts/checkpatch.pl --strict
#    of the tree on the patch (with the types the series file lets that
#    patch show, scripts/export.series), and an arm64 build of the tree at
#    that patch, W=1, in two configurations: allnoconfig with KUnit, the
#    RMI library and every suite built in; and the same without the
#    library (CONFIG_ARM64_RMI=n), the header suites as modules.  Both use
#    one build directory, $RMI_CACHE/series/build: switching configuration
#    rebuilds only what depends on the RMI options.  Errors fail, and so
#    does any warning in a file of the series (the base kernel is not W=1
#    clean).  A patch or a tree (per configuration) that passed once is
#    not checked again: $RMI_CACHE/series/passed.
#
# The last line printed on stdout is the series tree's path; the rest goes
# to stderr.  Exit status 1 when a patch does not apply or a check fails.
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
B=$S/build
CROSS="ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-"
JOBS=$(nproc)
[ "$JOBS" -le 2 ] || JOBS=2
check=0
case ${1:-} in
--check) check=1 ;;
'') ;;
*) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

say()
{
	echo "series: $*" >&2
}

fail()
{
	say "FAILED: $*"
	exit 1
}

# A worktree of the pristine repository at $1, made once; $2 is
# --no-checkout for one that checks out only what it is told to.
worktree()
{
	[ -e "$1/.git" ] && return 0
	say "making the worktree $1 (once)"
	rm -rf "$1"
	git -C "$K" worktree prune
	git -C "$K" worktree add -q ${2:-} --detach "$1" "$base" >&2
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
worktree "$AM" --no-checkout
want=$(cat $patches | sha256sum | cut -d' ' -f1)
tip=$(sed -n "s/^$want //p" "$S/applied" 2>/dev/null || true)
if [ -z "$tip" ] || ! git -C "$AM" cat-file -e "$tip^{commit}" 2>/dev/null; then
	say "git am: $(echo "$patches" | wc -l) patches onto linux-source-6.12"
	git -C "$AM" am --abort >/dev/null 2>&1 || true
	# Sparse: git am needs the files the patches touch, and checking out
	# the whole tree would cost more than everything else here.
	# shellcheck disable=SC2046,SC2086
	git -C "$AM" sparse-checkout set --no-cone \
		$(cat $patches | git -C "$AM" apply --numstat - | cut -f3 | sort -u | sed "s|^|/|")
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
commits=$(git -C "$AM" rev-list --reverse "$base..$tip")

# 4. Patch by patch.
if [ $check = 1 ]; then
	# The configurations, as KCONFIG_ALLCONFIG fragments of allnoconfig.
	# MODULES and KUNIT in both, so that switching touches the RMI objects
	# only.
	mkdir -p "$B"
	printf '%s\n' CONFIG_MODULES=y CONFIG_KUNIT=y CONFIG_ARM64_RMI=y \
		CONFIG_RMI_KUNIT_TEST=y CONFIG_RMI_LIB_KUNIT_TEST=y \
		CONFIG_RMI_BENCH=y >"$S/rmi.config"
	printf '%s\n' CONFIG_MODULES=y CONFIG_KUNIT=y CONFIG_ARM64_RMI=n \
		CONFIG_RMI_KUNIT_TEST=m >"$S/normi.config"
	# What a build's result depends on besides the tree.
	how=$(cat "$S/rmi.config" "$S/normi.config" "$0" | sha256sum | cut -c1-16)
	touch "$S/passed"
	passed()
	{
		grep -qxF "$1" "$S/passed"
	}
	# The series' own files, whose warnings fail a build.
	ours=$(git -C "$AM" diff --name-only --diff-filter=A "$base" "$tip" | sed 's/[.[\*^$]/\\&/g')
	ours="$ours
arch/arm64/include/generated/asm/rmi_"
	ignores=$(python3 "$top/scripts/export.py" --checkpatch-ignores)
	# The tree's checkpatch runs spdxcheck.py, which needs Debian's
	# python3-ply and python3-git: /usr/bin's python3 first.
	PATH=/usr/bin:$PATH
	i=0
	for c in $commits; do
		i=$((i + 1))
		p=$(echo "$patches" | sed -n "${i}p")
		name=$(basename "$p")
		ign=$(echo "$ignores" | sed -n "${i}p")
		[ "$ign" != - ] || ign=
		key="checkpatch $(cat "$p" | sha256sum | cut -c1-16) $ign"
		if ! passed "$key"; then
			say "$name: checkpatch --strict${ign:+ (--ignore $ign)}"
			(cd "$K" && scripts/checkpatch.pl --strict --quiet --show-types \
				${ign:+--ignore "$ign"} "$p") >&2 ||
				fail "$name: checkpatch --strict"
			echo "$key" >>"$S/passed"
		fi
		tree=$(git -C "$AM" rev-parse "$c^{tree}")
		for cfg in rmi normi; do
			key="build $cfg $how $tree"
			passed "$key" && continue
			say "$name: build, $cfg (W=1)"
			git -C "$T" checkout -q -f --detach "$c"
			make -s -C "$T" O="$B" $CROSS KCONFIG_ALLCONFIG="$S/$cfg.config" \
				allnoconfig >"$B.log" 2>&1 ||
				{ cat "$B.log" >&2; fail "$name: $cfg: configuration"; }
			# An option of the fragment that Kconfig knows at this
			# patch must have the fragment's value.
			while IFS== read -r opt val; do
				if [ "$val" = n ]; then
					! grep -q "^$opt=" "$B/.config"
				else
					grep -qx "$opt=$val" "$B/.config" ||
						! grep -q "^# $opt is not set\|^$opt=" "$B/.config"
				fi || fail "$name: $cfg: $opt=$val did not stick"
			done <"$S/$cfg.config"
			[ -f "$B/vmlinux" ] ||
				say "the first build takes minutes"
			rc=0
			make -C "$T" O="$B" $CROSS W=1 -j"$JOBS" vmlinux modules \
				>"$B.log" 2>&1 || rc=$?
			if [ $rc -ne 0 ]; then
				grep -E 'error|Error|undefined reference' "$B.log" | head -n 20 >&2
				fail "$name: $cfg: the kernel does not build (log: $B.log)"
			fi
			if sed "s|^$T/||; s|^\./||" "$B.log" | grep -E ': (warning|error):' |
			   grep "$(echo "$ours" | sed 's/^/^/')" >&2; then
				fail "$name: $cfg: warnings in the series' files (log: $B.log)"
			fi
			echo "$key" >>"$S/passed"
		done
	done
	say "$i patches: checkpatch --strict and W=1 builds with and without CONFIG_ARM64_RMI passed"
fi

# Back at the tip; a no-op when it is there already.
git -C "$T" checkout -q -f --detach "$tip"
echo "$T"
