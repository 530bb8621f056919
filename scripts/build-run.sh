#!/bin/sh
# SPDX-License-Identifier: GPL-2.0-only
#
# Build what "make run" and "make module-test" boot on the real stack: a
# small arm64 kernel (module/run.config), rmi.ko and rmi_test.ko built
# against it from the root Kbuild, the static init of module/init, and an
# initramfs of them built into the kernel.
#
# Usage: scripts/build-run.sh MODULE [module parameters...]
#   MODULE: rmi.ko or rmi_test.ko, the module the init loads.
#   Prints the path of the kernel Image, whose init loads MODULE with the
#   parameters given, unloads it and powers off.
#
# Everything goes to $RMI_CACHE/run: the kernel in build/, the project's
# sources copied to src/ (the module variant builds in its source tree, and
# the checkout stays clean), the initramfs list and init in initramfs/.
# The kernel is built twice the first time: the modules need a built
# kernel, and the kernel needs the modules in its initramfs; after that
# each run only relinks what changed.
#
# Environment:
#   RMI_CACHE        cache directory (default: $HOME/.cache/rmi-gen)
#   RMI_STACK_JOBS   parallel jobs (default: 2)
set -eu

[ $# -ge 1 ] || { echo "usage: $0 MODULE [parameters...]" >&2; exit 2; }
module=$1
shift
case $module in
rmi.ko|rmi_test.ko) ;;
*) echo "build-run: no module $module (rmi.ko, rmi_test.ko)" >&2; exit 2 ;;
esac

top=$(cd "$(dirname "$0")/.." && pwd -P)
RMI_CACHE=${RMI_CACHE:-${HOME:-/root}/.cache/rmi-gen}
K=$RMI_CACHE/linux
RUN=$RMI_CACHE/run
O=$RUN/build
SRC=$RUN/src
INITRAMFS=$RUN/initramfs
JOBS=${RMI_STACK_JOBS:-2}
CROSS="ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-"

say()
{
	echo "build-run: $*" >&2
}

mkdir -p "$O" "$INITRAMFS"
# The init: a static program, the whole user space.
init=$INITRAMFS/init
if [ ! -f "$init" ] || [ "$top/module/init/rmi-init.c" -nt "$init" ]; then
	say "init (module/init/rmi-init.c)"
	aarch64-linux-gnu-gcc -static -O2 -Wall -Wextra -o "$init.tmp" \
		"$top/module/init/rmi-init.c"
	mv "$init.tmp" "$init"
fi

# The initramfs, as a list for the kernel's gen_init_cpio.  A module not
# built yet is an empty file, replaced by the second kernel build.
list=$INITRAMFS/list
MODULES="rmi.ko rmi_test.ko"
for m in $MODULES; do
	[ -f "$INITRAMFS/$m" ] || : >"$INITRAMFS/$m"
done
cat >"$list.tmp" <<LIST
dir /dev 0755 0 0
nod /dev/console 0600 0 0 c 5 1
dir /sys 0755 0 0
file /init $init 0755 0 0
file /rmi.ko $INITRAMFS/rmi.ko 0644 0 0
file /rmi_test.ko $INITRAMFS/rmi_test.ko 0644 0 0
LIST
cmp -s "$list.tmp" "$list" && rm -f "$list.tmp" || mv "$list.tmp" "$list"

# The kernel's configuration: allnoconfig, then the fragment, then the
# initramfs.  Redone only when the fragment changed.
stamp=$O/.run-config.stamp
want=$(cat "$top/module/run.config" "$0" | sha256sum | cut -d' ' -f1)
if [ ! -f "$O/.config" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	say "configuring the kernel in $O"
	make -s -C "$K" O="$O" $CROSS KCONFIG_ALLCONFIG="$top/module/run.config" \
		allnoconfig
	"$K/scripts/config" --file "$O/.config" \
		--set-str INITRAMFS_SOURCE "$list"
	make -s -C "$K" O="$O" $CROSS olddefconfig
	for opt in $(sed -n 's/^\(CONFIG_[A-Z0-9_]*\)=.*/\1/p' "$top/module/run.config"); do
		grep -q "^$opt=" "$O/.config" ||
			{ say "$opt did not stick in $O/.config"; exit 1; }
	done
	echo "$want" >"$stamp"
fi

# The command line is built in (TF-A gives the kernel none): the words
# after "--" go to rmi-init, which loads the module with its parameters.
cmdline="console=ttyAMA0 panic=-1 -- /$module${*:+ $*}"
if ! grep -qxF "CONFIG_CMDLINE=\"$cmdline\"" "$O/.config"; then
	"$K/scripts/config" --file "$O/.config" --set-str CMDLINE "$cmdline"
	make -s -C "$K" O="$O" $CROSS olddefconfig
fi

build_kernel()
{
	[ -f "$O/vmlinux" ] || say "kernel (the first build takes minutes)"
	# "modules" runs modpost on vmlinux: Module.symvers for rmi.ko.
	make -s -C "$K" O="$O" $CROSS -j"$JOBS" Image modules >&2
}

build_kernel

# The modules, from a copy of the project (in-tree module builds write
# beside the sources).
say "rmi.ko and rmi_test.ko (Kbuild, module/, arch/arm64/kvm/rmi/, tests/kunit/)"
mkdir -p "$SRC"
# Kbuild generates the headers there from arch/arm64/tools.
(cd "$top" && tar -cf - Kbuild module arch/arm64/include arch/arm64/tools \
	arch/arm64/kvm/rmi tests/kunit) | (cd "$SRC" && tar -xf -)
make -s -C "$K" O="$O" $CROSS M="$SRC" -j"$JOBS" modules >&2
changed=
for m in $MODULES; do
	if ! cmp -s "$SRC/$m" "$INITRAMFS/$m"; then
		cp "$SRC/$m" "$INITRAMFS/$m"
		changed=1
	fi
done
if [ -n "$changed" ]; then
	say "kernel again, with the modules in its initramfs"
	build_kernel
fi

echo "$O/arch/arm64/boot/Image"
