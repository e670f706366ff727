#!/usr/bin/env bash
# Installs libwangge (shared and static), include/wangge.h and wangge.pc under PREFIX.
#
#   scripts/install-ffi.sh PREFIX            builds in release mode, then installs
#   scripts/install-ffi.sh PREFIX LIBDIR     installs the libraries already built in LIBDIR
#                                            (e.g. target/debug), without building
set -euo pipefail
cd "$(dirname "$0")/.."
prefix=${1:?usage: scripts/install-ffi.sh PREFIX [LIBDIR]}
libdir=${2:-}
if [ -z "$libdir" ]; then
  cargo build -p wangge-ffi --release --locked
  libdir="${CARGO_TARGET_DIR:-target}/release"
fi
version=$(sed -n 's/^#define WANGGE_VERSION "\(.*\)"$/\1/p' include/wangge.h)
mkdir -p "$prefix/lib/pkgconfig" "$prefix/include"
cp "$libdir/libwangge.so" "$libdir/libwangge.a" "$prefix/lib/"
cp include/wangge.h "$prefix/include/"
sed -e "s|@PREFIX@|$prefix|" -e "s|@VERSION@|$version|" ffi/wangge.pc.in \
  > "$prefix/lib/pkgconfig/wangge.pc"
echo "installed libwangge $version under $prefix"
