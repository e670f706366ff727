#!/usr/bin/env bash
# Tests of the WebAssembly package and the portal example (issue 7). Run by scripts/test.sh, or:
#   bash scripts/test-wasm.sh
# Builds with scripts/build-wasm.sh (which installs the tools), then: types fresh -> wasm-bindgen
# tests in Node -> shared cases through WASM in Node and in headless Chromium, byte for byte ->
# portal in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
started=$SECONDS

step() { printf '\n==> [wasm %3ss] %s\n' "$((SECONDS - started))" "$*"; }

bash scripts/build-wasm.sh

step "TypeScript types generated from the Rust types are fresh"
node wasm/js/gen-types.mjs --check
# The package's .d.ts (wasm-bindgen's signatures over the generated types) compiles, strictly.
wasm/js/node_modules/.bin/tsc --noEmit --strict --target es2022 --module es2022 \
  --moduleResolution bundler --lib es2022,dom wasm/js/types-check.ts
echo "wasm/pkg/wangge_wasm.d.ts compiles"

step "wasm-bindgen tests in Node"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked -p wangge-wasm --target wasm32-unknown-unknown

step "shared cases through WASM in Node, byte for byte"
# The answers are kept for the cross-binding harness (scripts/conformance.py).
WANGGE_ANSWERS_DIR="$target/conformance/node" node --test wasm/js/cases.mjs

# One static server at the repository root (loopback only) for the browser tests: the case page
# reads wasm/pkg/ and tests/cases/, the portal is examples/portal/.
port=${WASM_TEST_PORT:-8765}
native=$(mktemp /tmp/wangge-native-XXXXXX.json)
compliance=$(mktemp /tmp/wangge-compliance-XXXXXX.json)
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$native" "$compliance"' EXIT
for _ in $(seq 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

step "shared cases through WASM in headless Chromium, byte for byte"
WANGGE_ANSWERS_DIR="$target/conformance/browser" BASE_URL="http://127.0.0.1:$port/" \
  node --test wasm/js/browser-cases.mjs

step "portal in headless Chromium (Playwright)"
if ! fc-list :lang=zh 2>/dev/null | grep -q .; then
  # A Chinese font, so the screenshot shows the labels rather than empty boxes.
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-wqy-microhei >/dev/null
fi
# The native answers the page must agree with: the assessment and the compliance report of the
# sample dossier for its year.
cargo run --locked -q --bin annual -- --json >"$native"
cargo run --locked -q --bin annual -- --compliance --json >"$compliance"
PORTAL_URL="http://127.0.0.1:$port/examples/portal/" NATIVE_ASSESSMENT="$native" NATIVE_REPORT="$compliance" \
  SCREENSHOT="${SCREENSHOT:-$target/wangge-portal.png}" node --test wasm/js/portal.test.mjs
echo "screenshot: ${SCREENSHOT:-$target/wangge-portal.png}"

step "wasm tests passed"
