#!/usr/bin/env bash
# Builds the WebAssembly package into wasm/pkg/ (index.js, the entry for browsers and bundlers
# that loads the module itself; the web glue wangge_wasm.js with its `init`; a Node build in
# wasm/pkg/node/; one wangge_wasm_bg.wasm shared by all; the .d.ts and package.json) and copies
# the web build into examples/portal/pkg/; then the import module (crate import-wasm: office
# spreadsheets to a dossier) into examples/portal/pkg-import/, which the portal loads only when
# its import panel is opened (Node loads the same web glue with `initSync`).
#   bash scripts/build-wasm.sh
# Installs what it needs on a fresh Debian machine: the wasm32 target, wasm-bindgen-cli at the
# Cargo.lock version, the npm tools of wasm/js/. No browser: scripts/test-wasm.sh installs
# Chromium for its tests.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
started=$SECONDS

step() { printf '\n==> [wasm %3ss] %s\n' "$((SECONDS - started))" "$*"; }

step "tools"
rustup target add wasm32-unknown-unknown >/dev/null
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  # Not --locked: the CLI's own lock file asks for a dependency version the registry lacks.
  cargo install wasm-bindgen-cli --version "=$bindgen_version"
fi
wasm-bindgen --version
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
# The web and Node builds are one module (wasm-bindgen writes the same bytes for both targets):
# ship it once, and point the Node glue at it.
cmp "$target/wangge_wasm_bg.unoptimised.wasm" "$pkg/node/wangge_wasm_bg.wasm" || {
  echo "the web and Node builds of wasm-bindgen differ: they can no longer share one .wasm" >&2
  exit 1
}
rm -f "$pkg/node/wangge_wasm_bg.wasm" "$pkg/node/wangge_wasm_bg.wasm.d.ts"
node - "$pkg/node/wangge_wasm.js" <<'JS'
const fs = require('fs');
const file = process.argv[2];
const glue = fs.readFileSync(file, 'utf8');
const from = `\`\${__dirname}/wangge_wasm_bg.wasm\``;
if (glue.split(from).length !== 2) {
  console.error(`${file}: expected one ${from} (wasm-bindgen's Node glue changed)`);
  process.exit(1);
}
fs.writeFileSync(file, glue.replace(from, `\`\${__dirname}/../wangge_wasm_bg.wasm\``));
JS
# The entry for browsers and bundlers: loads the module (beside it) before the first call, so
# the same import works there and in Node, without `init`; its types are the Node build's (no
# `init`), so TypeScript refuses `init` under every moduleResolution.
cat >"$pkg/index.js" <<'JS'
// The entry of the `wangge` package for browsers and bundlers. It fetches wangge_wasm_bg.wasm
// (beside this file) and instantiates it before the first call, so no `init` is needed: the
// same `import { assess } from 'wangge'` works here and in Node. For control over loading (a
// URL of your own, a compiled module), use `wangge/web`, whose default export is `init`.
import init from './wangge_wasm.js';

await init();

export * from './wangge_wasm.js';
JS
cp "$pkg/node/wangge_wasm.d.ts" "$pkg/index.d.ts"
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

step "the import module (import-wasm) into examples/portal/pkg-import/: build, wasm-bindgen, wasm-opt -O1"
# A module of its own (calamine, zip, encoding_rs, rust_xlsxwriter), so the grading module does
# not grow; the portal imports it only when the import panel is opened. wasm-opt -O1 rather than
# -Oz: measured here on this 2.8 MB module, -O1 takes a third of the time (about 30 s against 85 s)
# and gives the smaller download (705 KB gzip against 747 KB; -Oz is 7% smaller raw).
cargo build --locked -p wangge-import-wasm --profile wasm-release --target wasm32-unknown-unknown
import_raw=$target/wasm32-unknown-unknown/wasm-release/wangge_import_wasm.wasm
import_pkg=$root/examples/portal/pkg-import
rm -rf "$import_pkg"
wasm-bindgen --target web --out-dir "$import_pkg" "$import_raw"
rm -f "$import_pkg/.gitignore" "$import_pkg/package.json"
cp "$import_pkg/wangge_import_wasm_bg.wasm" "$target/wangge_import_wasm_bg.unoptimised.wasm"
"$bin/wasm-opt" -O1 "${features[@]}" "$import_pkg/wangge_import_wasm_bg.wasm" \
  -o "$import_pkg/wangge_import_wasm_bg.wasm"
size_line "import: cargo (wasm-release)" "$import_raw"
size_line "import: after wasm-bindgen" "$target/wangge_import_wasm_bg.unoptimised.wasm"
size_line "import: after wasm-opt -O1 (shipped)" "$import_pkg/wangge_import_wasm_bg.wasm"
size_line "import: glue wangge_import_wasm.js" "$import_pkg/wangge_import_wasm.js"
