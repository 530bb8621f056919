#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# make mutate: mutation testing of the tests; see scripts/mutate.py and
# Documentation/arch/arm64/rmi-kunit.rst.  The fast tests it runs build
# with the kernel tree that scripts/setup.sh unpacks (for <linux/args.h>).
#
# Usage: scripts/mutate.sh [--seed N] [--per-kind N] [-v] [REV...]
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
sh "$top/scripts/setup.sh"
exec python3 "$top/scripts/mutate.py" "$@"
