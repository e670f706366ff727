#!/usr/bin/env bash
# Runs every test of wangge; installs what it needs on a fresh Debian machine (see README,
# "Testing"). CI runs it through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${CARGO_TARGET_DIR:-target}
export CARGO_TERM_COLOR=never

# Each step prints its title and, when the next begins, how long it took (and the total so far),
# so a CI log shows where the time goes.
start=$(date +%s)
step_title="" step_start=$start times=()
step() {
  local now
  now=$(date +%s)
  if [ -n "$step_title" ]; then
    printf '<== %s s: %s (total %s s)\n' "$((now - step_start))" "$step_title" "$((now - start))"
    times+=("$(printf '%6s s  %s' "$((now - step_start))" "$step_title")")
  fi
  step_title=$* step_start=$now
  printf '\n==> %s\n' "$*"
}

step "format and lints"
rustup component add rustfmt clippy >/dev/null 2>&1 || true
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "API docs build with warnings denied"
RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --workspace --locked

step "Rust tests (core, shared cases, properties, limits, doctests, examples)"
rm -rf "$target/conformance"
answers="$target/conformance/rust"
case $answers in /*) ;; *) answers="$(pwd)/$answers" ;; esac
# import/tests/sample.rs writes the sample as office files there, for scripts/test-wasm.sh.
fixtures="$target/import-fixtures"
case $fixtures in /*) ;; *) fixtures="$(pwd)/$fixtures" ;; esac
rm -rf "$fixtures"
WANGGE_ANSWERS_DIR="$answers" WANGGE_IMPORT_FIXTURES="$fixtures" cargo test --workspace --locked

step "the main job runs"
cargo run --locked -q --bin annual > "$target/annual.txt"
grep -q "社区汇总 (4.2)" "$target/annual.txt"

step "C ABI (scripts/test-ffi.sh)"
WANGGE_FFI_CARGO_TESTED=1 bash scripts/test-ffi.sh

step "Java through JNA (scripts/test-java.sh)"
bash scripts/test-java.sh

step "WebAssembly in Node and Chromium (scripts/test-wasm.sh)"
WANGGE_IMPORT_FIXTURES_WRITTEN="$fixtures" bash scripts/test-wasm.sh

step "one answer everywhere: Rust, C, WASM in Node and in Chromium"
python3 scripts/conformance.py "$target"

step "fuzzing (scripts/test-fuzz.sh)"
bash scripts/test-fuzz.sh

step "all tests passed in $(( $(date +%s) - start )) s"
printf '%s\n' "${times[@]}"
