#!/usr/bin/env bash
# Tests of the WebAssembly package and the portal example (issue 7). Run by scripts/test.sh, or:
#   bash scripts/test-wasm.sh
# Builds with scripts/build-wasm.sh (which installs the tools) and installs Chromium, then: types
# fresh -> a TypeScript consumer of the packed package -> wasm-bindgen tests in Node -> shared
# cases through WASM in Node -> the import module in Node against the wangge command -> shared
# cases in headless Chromium, byte for byte -> portal in headless Chromium, its import panel,
# its comparison view.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
started=$SECONDS

step() { printf '\n==> [wasm %3ss] %s\n' "$((SECONDS - started))" "$*"; }

bash scripts/build-wasm.sh

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x /usr/bin/chromium ]; then
  step "installing Debian's chromium (the browser tests)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

step "TypeScript types generated from the Rust types are fresh"
node wasm/js/gen-types.mjs --check
# The package's .d.ts (wasm-bindgen's signatures over the generated types) compiles, strictly.
wasm/js/node_modules/.bin/tsc --noEmit --strict --target es2022 --module es2022 \
  --moduleResolution bundler --lib es2022,dom wasm/js/types-check.ts
echo "wasm/pkg/wangge_wasm.d.ts compiles"

step "a TypeScript consumer: a fresh project installs the packed package, tsc --strict, Node"
# As a Node user does: npm installs the tarball of wasm/pkg/ with TypeScript and Node's types from
# the registry; wasm/js/consumer/main.ts must compile strictly under moduleResolution node16,
# nodenext and bundler and init-in-node.ts must not (Node has no `init`); main.ts then runs in
# Node and its answers to the shared cases taking a dossier (the bad-input catalogue among them)
# are compared byte for byte with the expected answers.
consumer=$(mktemp -d /tmp/wangge-consumer-XXXXXX)
(cd wasm/pkg && npm pack --silent --pack-destination "$consumer" >/dev/null)
tarball=$(ls "$consumer"/wangge-*.tgz)
tsc_version=$(node -p 'require("./wasm/js/package.json").devDependencies.typescript')
node_major=$(node -p 'process.versions.node.split(".")[0]')
cp wasm/js/consumer/main.ts wasm/js/consumer/init-in-node.ts "$consumer/"
(cd "$consumer" &&
  echo '{"name":"wangge-consumer","private":true,"type":"module"}' >package.json &&
  npm install --no-audit --no-fund --loglevel=error "$tarball" "typescript@$tsc_version" \
    "@types/node@$node_major" >/dev/null &&
  ls node_modules/wangge)
tsc=("$consumer/node_modules/.bin/tsc" --strict --target es2022 --types node)
for resolution in node16 nodenext bundler; do
  module=$resolution; [ "$resolution" = bundler ] && module=esnext
  (cd "$consumer" && "${tsc[@]}" --module "$module" --moduleResolution "$resolution" \
    --outDir "out-$resolution" main.ts)
  if (cd "$consumer" && "${tsc[@]}" --noEmit --module "$module" --moduleResolution "$resolution" \
    init-in-node.ts) >"$consumer/init.txt" 2>&1; then
    echo "tsc accepted a call to init in Node code (moduleResolution $resolution)" >&2; exit 1
  fi
  # Refused for `init` (no default export; under node16 the default import is the CommonJS
  # module object, not callable), not for anything else.
  grep -qE '^init-in-node\.ts\((4|6),[0-9]+\): error .*(default export|not callable)' \
    "$consumer/init.txt" || { cat "$consumer/init.txt" >&2; exit 1; }
  if grep -vqE '^init-in-node\.ts\((4|6),|^  ' "$consumer/init.txt"; then
    cat "$consumer/init.txt" >&2; exit 1
  fi
  echo "moduleResolution $resolution: main.ts compiles, init-in-node.ts is refused"
done
mapfile -t ts_cases < <(cd tests/cases && for f in *.case.json; do
  grep -qE '"call": "(evaluate|assess|attendance|evidence)"' "$f" && echo "${f%.case.json}"; done)
node "$consumer/out-nodenext/main.js" "$root/tests/cases" "$consumer/answers" "${ts_cases[@]}" \
  | tee "$consumer/run.txt"
grep -q '^w1 王芳 97.26 excellent 优秀 4.1$' "$consumer/run.txt"
bad=0
for name in "${ts_cases[@]}"; do
  cmp -s "$consumer/answers/$name.json" "tests/cases/$name.expected.json" \
    || { echo "case $name: the TypeScript consumer's answer differs" >&2; exit 1; }
  case $name in bad-*) bad=$((bad + 1)) ;; esac
done
[ "$bad" -ge 20 ] || { echo "expected the bad-input catalogue among the cases" >&2; exit 1; }
echo "${#ts_cases[@]} shared cases ($bad of them bad input) byte-identical through the npm package in Node"
rm -rf "$consumer"

step "wasm-bindgen tests in Node"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --locked -p wangge-wasm --target wasm32-unknown-unknown

step "shared cases through WASM in Node, byte for byte"
# The answers are kept for the cross-binding harness (scripts/conformance.py).
WANGGE_ANSWERS_DIR="$target/conformance/node" node --test wasm/js/cases.mjs

step "the import module in Node: the sample as office files, against the wangge command"
# The import crate's test writes the sample community as an office keeps it (roster workbook,
# record sheets, DingTalk raw records as a GB18030 CSV) and a roster with an unknown role; the
# wangge command imports and grades the same files in this run; the import module must give the
# same dossier, the grading package the same assessment, and the same problems.
fixtures=$(mktemp -d /tmp/wangge-import-XXXXXX)
trap 'rm -rf "$fixtures"' EXIT
if [ -n "${WANGGE_IMPORT_FIXTURES_WRITTEN:-}" ]; then
  # scripts/test.sh ran that test in `cargo test --workspace` with WANGGE_IMPORT_FIXTURES set:
  # run again here, with this package's features alone, it would rebuild the core (~1 min).
  cp -R "$WANGGE_IMPORT_FIXTURES_WRITTEN/." "$fixtures/"
  echo "the office files written by cargo test --workspace (import/tests/sample.rs)"
else
  WANGGE_IMPORT_FIXTURES="$fixtures" cargo test --locked -q -p wangge-import --test sample \
    the_sample_as_a_roster_workbook_and_a_dingtalk_csv_for_the_portal
fi
office=("$fixtures/花名册.xlsx" "$fixtures/台账.xlsx" "$fixtures/钉钉原始记录.csv")
wangge() { cargo run --locked -q -p wangge-cli -- "$@"; }
wangge import "${office[@]}" -o "$fixtures/native.dossier.json"
wangge assess --format json --import "${office[@]}" >"$fixtures/native.assessment.json"
if wangge import "$fixtures/花名册-有误.xlsx" -o "$fixtures/never.json" 2>"$fixtures/native.refusal.txt"; then
  echo "wangge import accepted a roster with an unknown role" >&2; exit 1
fi
wangge import --template "$fixtures/native.template.xlsx"
IMPORT_FIXTURES="$fixtures" node --test import-wasm/js/import.test.mjs

# One static server at the repository root (loopback only) for the browser tests: the case page
# reads wasm/pkg/ and tests/cases/, the portal is examples/portal/.
port=${WASM_TEST_PORT:-8765}
native=$(mktemp /tmp/wangge-native-XXXXXX.json)
compliance=$(mktemp /tmp/wangge-compliance-XXXXXX.json)
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$root" >/dev/null 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$native" "$compliance"; rm -rf "$fixtures"' EXIT
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
if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
  # poppler-utils: the portal test reads the pages of the PDF it prints, and draws them as PNG.
  if [ "$(id -u)" = 0 ]; then sudo=(); else sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null
fi
# The native answers the page must agree with: the assessment and the compliance report of the
# sample dossier for its year.
cargo run --locked -q --bin annual -- --json >"$native"
cargo run --locked -q --bin annual -- --compliance --json >"$compliance"
PORTAL_URL="http://127.0.0.1:$port/examples/portal/" NATIVE_ASSESSMENT="$native" NATIVE_REPORT="$compliance" \
  SCREENSHOT="${SCREENSHOT:-$target/wangge-portal.png}" node --test wasm/js/portal.test.mjs
echo "screenshots: ${SCREENSHOT:-$target/wangge-portal.png} and beside it -desk, -phone, -error, the PDF (.pdf, -appendix.pdf) and its pages (-print-N.png)"

step "portal import panel in headless Chromium (Playwright): office files to grades, problems"
PORTAL_URL="http://127.0.0.1:$port/examples/portal/" IMPORT_FIXTURES="$fixtures" \
  SCREENSHOT="$target/wangge-portal.png" node --test wasm/js/portal-import.test.mjs
echo "screenshots: $target/wangge-portal-import.png, -import-error.png"

step "portal comparison view in headless Chromium (Playwright): two policies, movers, distributions"
COMPARE_URL="http://127.0.0.1:$port/examples/portal/compare.html" \
  SCREENSHOT="$target/wangge-compare.png" node --test wasm/js/compare.test.mjs
echo "screenshot: $target/wangge-compare.png"

step "wasm tests passed"
