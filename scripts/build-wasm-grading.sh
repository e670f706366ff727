#!/usr/bin/env bash
# Builds the grading module into wasm/pkg-grading/: the WebAssembly package without default
# features (evaluate, assess, gradeForScore, checkPolicy, isWorkingDay, clauseText, version; no
# view, disclose, publicNotice, gridFiling, parsePolicy, defaultPolicy, dataClasses, attendance,
# evidence, and so none of their serialisers), for portals that only grade. Web glue at the top,
# Node glue in node/, one shared .wasm. Prints its sizes (target: at most 120 KB gzip).
#   bash scripts/build-wasm-grading.sh     # after scripts/build-wasm.sh has installed the tools
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
bin=$root/wasm/js/node_modules/.bin
[ -x "$bin/wasm-opt" ] || (cd wasm/js && npm ci --no-audit --no-fund --loglevel=error)
cargo build --locked -p wangge-wasm --profile wasm-release --target wasm32-unknown-unknown \
  --no-default-features
raw=$target/wasm32-unknown-unknown/wasm-release/wangge_wasm.wasm
pkg=$root/wasm/pkg-grading
rm -rf "$pkg"
wasm-bindgen --target web --out-dir "$pkg" "$raw"
wasm-bindgen --target nodejs --out-dir "$pkg/node" "$raw"
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
"$bin/wasm-opt" -Oz "${features[@]}" "$pkg/wangge_wasm_bg.wasm" -o "$pkg/wangge_wasm_bg.wasm"
cp "$pkg/wangge_wasm_bg.wasm" "$pkg/node/wangge_wasm_bg.wasm"
rm -f "$pkg/.gitignore" "$pkg/node/.gitignore"
echo '{"type":"commonjs"}' >"$pkg/node/package.json"
printf 'grading module: %s bytes raw, %s bytes gzip (target at most 120 KB gzip)\n' \
  "$(wc -c <"$pkg/wangge_wasm_bg.wasm")" "$(gzip -9 -c "$pkg/wangge_wasm_bg.wasm" | wc -c)"
