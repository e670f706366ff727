#!/usr/bin/env bash
# Prints every benchmark figure of BENCHMARKS.md in one run: per worker-year at 6, 20, 50 and 100
# workers per community (the serde_json IgnoredAny floor of the same bytes, parse, evaluation,
# assessment, whole call, interleaved in one process, with min / median / max), the city-year,
# scaling and peak memory (Rust), the C ABI against direct Rust, WASM in Node against native
# (size- and speed-tuned builds, full package and grading module) and their sizes. Figures only:
# nothing here asserts a time.
#   bash scripts/bench.sh           # everything, 100k workers included (an hour or more on 2 cores)
#   bash scripts/bench.sh --quick   # the per-size table (3 rounds), C ABI, no WASM builds: for CI
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
quick=${1:-}

cargo build --release --locked -q -p wangge-examples --bin bench --bin annual
cargo build --release --locked -q -p wangge-ffi

"$target/release/bench" $quick

echo
echo "## the same call through each binding (parse + assess + answer JSON, sample community, median of 21)"
file="$target/bench-community.json"
"$target/release/annual" --write-sample "$file"
gcc -O2 -std=c99 -I include examples/c/bench_assess.c -L"$target/release" -lwangge \
  -Wl,-rpath,"$(cd "$target/release" && pwd)" -o "$target/bench_assess"
rust_ms=$("$target/release/bench" --call-file "$file" 21)
c_ms=$("$target/bench_assess" "$file" 21)
echo "direct Rust                ${rust_ms} ms"
echo "C ABI (wg_policy_assess)   ${c_ms} ms"
python3 -c "r=$rust_ms; c=$c_ms; print(f'C ABI overhead             {100*(c-r)/r:+.1f}%   (target ≤ 5%)')"

if [ "$quick" = --quick ]; then
  if [ -f wasm/pkg/node/wangge_wasm.js ]; then
    wasm_ms=$(node wasm/js/bench.mjs "$file" 21)
    echo "WASM in Node               ${wasm_ms} ms (the package in wasm/pkg/)"
    python3 -c "r=$rust_ms; w=$wasm_ms; print(f'WASM / native              {w/r:.2f}×   (target ≤ 2×)')"
  fi
  exit 0
fi
if [ ! -f wasm/pkg/node/wangge_wasm.js ]; then
  bash scripts/build-wasm.sh >/dev/null
fi

echo
echo "## WASM: size-tuned against speed-tuned, full package and grading module (target ≤ 2× native, ≤ 120 KB gzip for grading)"
bash scripts/bench-wasm.sh "$file" "$rust_ms"
