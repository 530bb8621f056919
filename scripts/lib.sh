# SPDX-License-Identifier: GPL-2.0-only
#
# Shell helpers of the scripts that make local git repositories: sourced,
# not run.

# git with a fixed identity and date: a commit made from the same content
# has the same hash on every run and every machine, so that what is built
# from it can be recognised (scripts/setup.sh's base commit of the kernel
# tree, the series applied by scripts/series.sh, the firmware trees of
# scripts/stack-src.sh).
git_fixed()
{
	GIT_AUTHOR_NAME=rmi GIT_AUTHOR_EMAIL=rmi@localhost \
	GIT_COMMITTER_NAME=rmi GIT_COMMITTER_EMAIL=rmi@localhost \
	GIT_AUTHOR_DATE='2000-01-01T00:00:00Z' GIT_COMMITTER_DATE='2000-01-01T00:00:00Z' \
		git -c init.defaultBranch=main -c commit.gpgsign=false \
		    -c core.autocrlf=false "$@"
}

# Make directory $1 a repository with one commit, message $2, of
# everything in it.
git_one_commit()
{
	git_fixed -C "$1" init -q
	git_fixed -C "$1" add -A -f
	git_fixed -C "$1" commit -q -m "$2"
}
