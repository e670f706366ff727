#!/usr/bin/env bash
# Builds the WebAssembly package into wasm/pkg/ (an ES module for the web, a Node build in
# wasm/pkg/node/, the .d.ts and package.json) and copies the web build into examples/portal/pkg/.
#   bash scripts/build-wasm.sh
# Installs what it needs on a fresh Debian machine: the wasm32 target, wasm-bindgen-cli at the
# Cargo.lock version, Debian's chromium (for the tests), the npm tools of wasm/js/.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
started=$SECONDS

step() { printf '\n==> [wasm %3ss] %s\n' "$((SECONDS - started))" "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

step "tools"
rustup target add wasm32-unknown-unknown >/dev/null
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  # Not --locked: the CLI's own lock file asks for a dependency version the registry lacks.
  cargo install wasm-bindgen-cli --version "=$bindgen_version"
fi
wasm-bindgen --version
if [ ! -x /usr/bin/chromium ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
(cd wasm/js && npm ci --no-audit --no-fund --loglevel=error)
bin=$root/wasm/js/node_modules/.bin

step "build for size (profile wasm-release), wasm-bindgen, wasm-opt -Oz"
cargo build --locked -p wangge-wasm --profile wasm-release --target wasm32-unknown-unknown
raw=$target/wasm32-unknown-unknown/wasm-release/wangge_wasm.wasm
pkg=$root/wasm/pkg
rm -rf "$pkg"
wasm-bindgen --target web --out-dir "$pkg" "$raw"
wasm-bindgen --target nodejs --out-dir "$pkg/node" "$raw"
cp "$pkg/wangge_wasm_bg.wasm" "$target/wangge_wasm_bg.unoptimised.wasm"
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
"$bin/wasm-opt" -Oz "${features[@]}" "$pkg/wangge_wasm_bg.wasm" -o "$pkg/wangge_wasm_bg.wasm"
# The web and Node builds share one module: optimise it once (wasm-opt takes the longest here).
if cmp -s "$target/wangge_wasm_bg.unoptimised.wasm" "$pkg/node/wangge_wasm_bg.wasm"; then
  cp "$pkg/wangge_wasm_bg.wasm" "$pkg/node/wangge_wasm_bg.wasm"
else
  "$bin/wasm-opt" -Oz "${features[@]}" "$pkg/node/wangge_wasm_bg.wasm" -o "$pkg/node/wangge_wasm_bg.wasm"
fi
version=$(cargo metadata --locked --no-deps --format-version 1 |
  node -e 'const m = JSON.parse(require("fs").readFileSync(0)); console.log(m.packages.find((p) => p.name === "wangge-wasm").version)')
node -e 'const v = require("./wasm/npm/package.json").version; if (v !== process.argv[1]) { console.error(`wasm/npm/package.json has version ${v}, the crates ${process.argv[1]}`); process.exit(1) }' "$version"
cp wasm/npm/package.json "$pkg/package.json"
cp docs/use-in-browser.md "$pkg/README.md"
echo '{"type":"commonjs"}' >"$pkg/node/package.json"
rm -f "$pkg/.gitignore" "$pkg/node/.gitignore"
(cd "$pkg" && npm pack --dry-run --json --loglevel=error | node -e '
  const [p] = JSON.parse(require("fs").readFileSync(0));
  console.log(`npm package ${p.name}@${p.version}: ${p.entryCount} files, ${p.size} bytes packed`)')

step "sizes (target: at most 120 KB gzip after wasm-opt; a figure, not an assertion)"
size_line() { printf '  %-34s %9s bytes raw %9s bytes gzip\n' "$1" "$(wc -c <"$2")" "$(gzip -9 -c "$2" | wc -c)"; }
size_line "cargo (wasm-release)" "$raw"
size_line "after wasm-bindgen" "$target/wangge_wasm_bg.unoptimised.wasm"
size_line "after wasm-opt -Oz (shipped)" "$pkg/wangge_wasm_bg.wasm"
size_line "glue wangge_wasm.js (web)" "$pkg/wangge_wasm.js"

step "web build into examples/portal/pkg/"
rm -rf examples/portal/pkg
mkdir -p examples/portal/pkg
cp "$pkg/wangge_wasm.js" "$pkg/wangge_wasm_bg.wasm" "$pkg/wangge_wasm.d.ts" examples/portal/pkg/
