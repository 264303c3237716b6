#!/bin/sh
# qemu-user-register: register QEMU user-mode interpreters in binfmt_misc, in the manner of
# multiarch/qemu-user-static's register.sh. The interpreter path is $QEMU_BIN_DIR/qemu-<arch>-static;
# with --persistent yes the entry gets the F flag, so the kernel opens the interpreter now, from
# this container, instead of by path at every exec in the caller's mount namespace.
# BINFMT_DIR (default /proc/sys/fs/binfmt_misc) lets a caller bind the host's binfmt_misc elsewhere.
set -eu

BINFMT_DIR="${BINFMT_DIR:-/proc/sys/fs/binfmt_misc}"
QEMU_BIN_DIR="${QEMU_BIN_DIR:-/usr/bin}"
persistent=no
reset=no
arches="aarch64 mips64el"

usage() {
    cat <<USAGE
usage: register.sh [--reset] [-p|--persistent yes|no] [--arch ARCH[,ARCH...]]
  --reset            remove an existing qemu-<arch> entry before registering
  -p, --persistent   yes: register with the F flag (fix-binary)
  --arch             which interpreters to register (default: aarch64,mips64el)
Interpreter: \$QEMU_BIN_DIR/qemu-<arch>-static (QEMU_BIN_DIR=$QEMU_BIN_DIR)
USAGE
}

while [ $# -gt 0 ]; do
    case "$1" in
        --reset) reset=yes; shift ;;
        -p|--persistent) persistent="${2:?--persistent needs yes or no}"; shift 2 ;;
        --arch) arches=$(echo "${2:?--arch needs a value}" | tr ',' ' '); shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) echo "register.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done
case "$persistent" in yes|no) ;; *) echo "register.sh: --persistent takes yes or no" >&2; exit 2 ;; esac

# Magic and mask from Debian's /usr/lib/binfmt.d/qemu-<arch>.conf (qemu-user-static 7.2).
magic_mask() {
    case "$1" in
        aarch64) echo '\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\xb7\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xff\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff' ;;
        mips64el) echo '\x7f\x45\x4c\x46\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00\x08\x00:\xff\xff\xff\xff\xff\xff\xff\x00\xfe\xff\xff\xff\xff\xff\xff\xff\xfe\xff\xff\xff' ;;
        *) return 1 ;;
    esac
}

if [ ! -e "$BINFMT_DIR/register" ]; then
    mount -t binfmt_misc binfmt_misc "$BINFMT_DIR"
fi

flags=""
[ "$persistent" = yes ] && flags="F"

for arch in $arches; do
    entry="qemu-$arch"
    interpreter="$QEMU_BIN_DIR/qemu-$arch-static"
    pattern=$(magic_mask "$arch") || { echo "register.sh: unsupported arch $arch" >&2; exit 2; }
    if [ ! -x "$interpreter" ]; then
        echo "register.sh: no interpreter at $interpreter" >&2
        exit 1
    fi
    if [ -e "$BINFMT_DIR/$entry" ]; then
        if [ "$reset" = no ]; then
            echo "register.sh: $entry is already registered (use --reset)" >&2
            continue
        fi
        echo -1 > "$BINFMT_DIR/$entry"
    fi
    printf '%s' ":$entry:M::$pattern:$interpreter:$flags" > "$BINFMT_DIR/register"
    echo "registered $entry -> $interpreter flags=${flags:-none}"
done
