#!/usr/bin/env bash
# The WASM trade, measured: the size-tuned build (profile wasm-release, opt-level "z", wasm-opt
# -Oz: the shipped package) against a speed-tuned one (profile wasm-speed, opt-level 3, wasm-opt
# -O3), each as the full package and as the grading module (--no-default-features): gzip size,
# and the time of parse + assess + answer JSON of one dossier in Node, all builds interleaved in
# one process, next to direct Rust. Figures only. Run by scripts/bench.sh, or:
#   bash scripts/bench-wasm.sh DOSSIER.json RUST_MS   # RUST_MS: the direct Rust median, or 0
# Needs the tools scripts/build-wasm.sh installs (wasm-bindgen, wasm/js/node_modules).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
target=${CARGO_TARGET_DIR:-$root/target}
file=$1
rust_ms=${2:-0}
runs=${RUNS:-11}
out=$target/wasm-bench
bin=$root/wasm/js/node_modules/.bin
[ -x "$bin/wasm-opt" ] || (cd wasm/js && npm ci --no-audit --no-fund --loglevel=error)
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

# label profile cargo-features wasm-opt-level
variants=(
  "size wasm-release --features=full -Oz"
  "speed wasm-speed --features=full -O3"
  "grading-size wasm-release --no-default-features -Oz"
  "grading-speed wasm-speed --no-default-features -O3"
)
glues=()
echo "| build | raw bytes | gzip bytes |"
echo "|---|---:|---:|"
for v in "${variants[@]}"; do
  read -r label profile feat opt <<<"$v"
  cargo build --locked -q -p wangge-wasm --profile "$profile" --target wasm32-unknown-unknown "$feat"
  dir=$out/$label
  rm -rf "$dir"
  mkdir -p "$dir"
  # Copied first: the two profiles' builds of each feature set share the cargo output name.
  cp "$target/wasm32-unknown-unknown/$profile/wangge_wasm.wasm" "$dir/cargo.wasm"
  wasm-bindgen --target nodejs --out-dir "$dir" "$dir/cargo.wasm"
  "$bin/wasm-opt" "$opt" "${features[@]}" "$dir/cargo_bg.wasm" -o "$dir/cargo_bg.wasm"
  echo "| $label ($profile, wasm-opt $opt) | $(wc -c <"$dir/cargo_bg.wasm") | $(gzip -9 -c "$dir/cargo_bg.wasm" | wc -c) |"
  glues+=("$label=$dir/cargo.js")
done
echo
echo "parse + assess + answer JSON of $(basename "$file") in Node $(node --version), $runs interleaved rounds"
echo "| build | median ms | min | max | / size (per round, median) | / direct Rust |"
echo "|---|---:|---:|---:|---:|---:|"
node wasm/js/bench-builds.mjs "$file" "$runs" "${glues[@]}" | while read -r label med min max ratio; do
  native=$(python3 -c "r=$rust_ms; print(f'{$med/r:.2f}×' if r > 0 else '–')")
  echo "| $label | $med | $min | $max | ${ratio}× | $native |"
done
