#!/usr/bin/env bash
# Fuzzes every cargo-fuzz target of fuzz/ for a bounded time from the committed seed corpus
# (fuzz/seeds/<target>); any crash, panic, leak or sanitizer report fails the run.
#
#   WANGGE_FUZZ_SECONDS   seconds per target (default 60; 3 targets)
#   WANGGE_FUZZ_TARGETS   targets to run (default: every target of `cargo fuzz list`)
#   WANGGE_FUZZ_SKIP=1    skip fuzzing altogether
#
# Needs a nightly toolchain (cargo-fuzz passes -Z flags). When `cargo +nightly` is missing, the
# stable toolchain is used with RUSTC_BOOTSTRAP=1, which lets it accept those flags.
# Installs cargo-fuzz when missing (`cargo install cargo-fuzz --locked`, about 40 s).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${WANGGE_FUZZ_SKIP:-0}" = 1 ]; then
  echo "fuzzing skipped (WANGGE_FUZZ_SKIP=1)"
  exit 0
fi
seconds="${WANGGE_FUZZ_SECONDS:-60}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked
fi

if cargo +nightly --version >/dev/null 2>&1; then
  fuzz() { cargo +nightly fuzz "$@"; }
  echo "toolchain: $(cargo +nightly --version)"
else
  fuzz() { RUSTC_BOOTSTRAP=1 cargo fuzz "$@"; }
  echo "toolchain: $(cargo --version) with RUSTC_BOOTSTRAP=1 (no nightly installed)"
fi

cd fuzz
targets="${WANGGE_FUZZ_TARGETS:-$(fuzz list)}"
for target in $targets; do
  fuzz build --release "$target"
done

summary=()
status=0
for target in $targets; do
  mkdir -p "corpus/$target" "artifacts/$target"
  log="$(mktemp)"
  echo "--- fuzzing $target for ${seconds}s"
  # The first directory collects what this run finds (ignored by git); the seeds stay as they are.
  if fuzz run --release "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
      >"$log" 2>&1; then
    result=ok
  else
    result=FAILED
    status=1
    grep -v '^"' "$log" | tail -60
    ls "artifacts/$target"
  fi
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  summary+=("$(printf '%-8s %-6s %10s executions in %ss' "$target" "$result" "${execs:-?}" "$seconds")")
  rm -f "$log"
done
printf '%s\n' "${summary[@]}"
if [ "$status" != 0 ]; then
  echo "a fuzz target crashed: the input is in fuzz/artifacts/<target>/; reproduce with" \
    "cargo +nightly fuzz run <target> <file>, fix, and keep it as a regression case"
fi
exit "$status"
