#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Put the source tree of one piece of the real Arm CCA stack in the cache,
# from the pinned tarballs or, failing that, from upstream.
#
# Usage: scripts/stack-src.sh tf-a|tf-rmm COMMIT
#   prints the tree's path, $RMI_CACHE/stack/src/<name>-<commit:12>.
#   Names, commits and URLs: scripts/stack-sources.sh.
#
# From $RMI_VENDOR_DIR/<name>-<commit:12>.tar.xz when it exists (default
# ../shared/vendor from the repository root); otherwise git fetches the
# upstream URL at that commit (and, for TF-RMM, its ext/ submodules).
#
# TF-RMM's CMake patches ext/mbedtls, ext/t_cose, ext/libspdm and
# ext/spdm-emu with git, and runs "git submodule update --init": the tree
# and those directories must be git repositories.  An unpacked tarball is
# made one: each ext/<lib> a local repository with one commit, the outer
# one recording them as gitlinks, so that the update has nothing to fetch
# and succeeds offline.
#
# Unpacked again only when an input changes: the stamp beside the tree
# holds the tarballs' hashes (or the URL and commit) and this script's.
#
# Exit status: 0, or 3 when the sources are neither in the vendor
# directory nor fetchable (the caller skips the stack), or 1 on an error.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd -P)
. "$top/scripts/stack-sources.sh"
. "$top/scripts/lib.sh"
[ $# -eq 2 ] || { echo "usage: $0 tf-a|tf-rmm COMMIT" >&2; exit 2; }
name=$1
commit=$2
RMI_CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
VENDOR=$(stack_vendor_dir "$top")
SRC=$RMI_CACHE/stack/src
dest=$SRC/$name-$(stack_short "$commit")

say()
{
	echo "stack-src: $*" >&2
}

# The commit of source $1 that TF-RMM records for ext/$1.
ext_commit()
{
	echo "$STACK_SOURCES" | awk -v n="$1" '$1 == n { print $2; exit }'
}

tarball()
{
	echo "$VENDOR/$1-$(stack_short "$2").tar.xz"
}

# What the tree is made from: one line per input.
inputs()
{
	sha256sum "$top/scripts/stack-src.sh" "$top/scripts/stack-sources.sh" \
		"$top/scripts/lib.sh" | cut -d' ' -f1
	for piece in "$name $commit" $(if [ "$name" = tf-rmm ]; then
			for e in $STACK_RMM_EXT; do echo "$e:$(ext_commit "$e")"; done
		fi); do
		set -- $(echo "$piece" | tr ':' ' ')
		t=$(tarball "$1" "$2")
		if [ -f "$t" ]; then
			echo "$(sha256sum <"$t" | cut -d' ' -f1) $1"
		else
			echo "git $(stack_url "$1" "$2") $2"
		fi
	done
}

# Unpack tarball $1 (top-level directory $2/) to $3.
unpack()
{
	rm -rf "$3.unpack"
	mkdir -p "$3.unpack"
	tar -xJf "$1" -C "$3.unpack"
	mv "$3.unpack/$2" "$3"
	rm -rf "$3.unpack"
}

# Fetch upstream $1 at commit $2 into the new directory $3.  GitHub serves
# a single commit; a full fetch is the fallback.
clone()
{
	say "fetching $1 at $2"
	git init -q "$3" &&
	git -C "$3" remote add origin "$1" &&
	{ git -C "$3" fetch -q --depth 1 origin "$2" ||
	  git -C "$3" fetch -q origin; } &&
	git -C "$3" -c advice.detachedHead=false checkout -q "$2"
}

make_tree()
{
	t=$(tarball "$name" "$commit")
	if [ ! -f "$t" ]; then
		url=$(stack_url "$name" "$commit")
		[ -n "$url" ] || { say "no source $name at $commit in stack-sources.sh"; return 1; }
		if ! clone "$url" "$commit" "$1"; then
			say "$name: no $t, and $url could not be fetched"
			return 3
		fi
		if [ "$name" = tf-rmm ]; then
			for e in $STACK_RMM_EXT; do
				git -C "$1" submodule update -q --init --depth 1 "ext/$e" ||
					{ say "tf-rmm: ext/$e could not be fetched"; return 3; }
			done
		fi
		return 0
	fi
	unpack "$t" "$name" "$1"
	[ "$name" = tf-rmm ] || return 0
	for e in $STACK_RMM_EXT; do
		c=$(ext_commit "$e")
		et=$(tarball "$e" "$c")
		rm -rf "$1/ext/$e"
		if [ -f "$et" ]; then
			unpack "$et" "$e" "$1/ext/$e"
			git_one_commit "$1/ext/$e" "$e $c"
		elif ! clone "$(stack_url "$e" "$c")" "$c" "$1/ext/$e"; then
			say "tf-rmm: no $et, and ext/$e could not be fetched"
			return 3
		fi
	done
	# The outer commit: everything else, and each ext/<lib> as a gitlink
	# to its local commit.
	git_fixed -C "$1" init -q
	git_fixed -C "$1" add -A -f -- . $(for e in $STACK_RMM_EXT; do
		echo ":(exclude)ext/$e"; done)
	for e in $STACK_RMM_EXT; do
		git_fixed -C "$1" update-index --add --cacheinfo \
			"160000,$(git -C "$1/ext/$e" rev-parse HEAD),ext/$e"
	done
	git_fixed -C "$1" commit -q -m "$name $commit, ext/ as gitlinks"
}

mkdir -p "$SRC"
want=$(inputs)
if [ -f "$dest.stamp" ] && [ "$(cat "$dest.stamp")" = "$want" ] && [ -d "$dest" ]; then
	echo "$dest"
	exit 0
fi
# The old tree stays until the new one is complete.
rm -rf "$dest.tmp"
say "preparing $dest"
rc=0
make_tree "$dest.tmp" || rc=$?
if [ $rc -ne 0 ]; then
	rm -rf "$dest.tmp"
	exit $rc
fi
rm -rf "$dest" "$dest.stamp"
mv "$dest.tmp" "$dest"
echo "$want" >"$dest.stamp"
echo "$dest"
