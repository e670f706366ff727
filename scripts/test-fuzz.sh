#!/usr/bin/env bash
# Fuzzes every cargo-fuzz target of fuzz/ for a bounded time from the committed seed corpus
# (fuzz/seeds/<target>); any crash, panic, leak or sanitizer report fails the run.
#
#   WANGGE_FUZZ_SECONDS   seconds per target (default 60; 3 targets)
#   WANGGE_FUZZ_CGU       codegen units of the fuzz build (default 16; cargo-fuzz's own is 1)
#   WANGGE_FUZZ_TARGETS   targets to run (default: every target of `cargo fuzz list`)
#   WANGGE_TEST_JOBS      targets fuzzed at once (default: the number of cores)
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

# The build: release (optimised, overflow checks off: cargo-fuzz's default for -O), AddressSanitizer
# on every target (c_api drives unsafe code through raw pointers), libFuzzer's coverage flags,
# line tables for the stack traces. cargo-fuzz builds with one codegen unit unless told: better
# fuzzing speed at a high build cost, as LLVM then optimises each crate on one core (the core
# crate, instrumented, alone took most of a 7-minute build on a fresh 2-core machine; rebuilding
# it and the targets took 463 s with one unit, 332 s with 16, on one busy core). For runs of a
# minute, a faster build is the better trade (cargo-fuzz's help suggests 16). The same flags must
# be given to `fuzz run`, or it rebuilds.
build=(--release --codegen-units "${WANGGE_FUZZ_CGU:-16}")
cd fuzz
targets="${WANGGE_FUZZ_TARGETS:-$(fuzz list)}"
started=$SECONDS
if [ -z "${WANGGE_FUZZ_TARGETS:-}" ]; then
  fuzz build "${build[@]}" # every target, in one cargo invocation
else
  for target in $targets; do fuzz build "${build[@]}" "$target"; done
fi
echo "fuzz build: $((SECONDS - started)) s"

# The targets run side by side, as many at once as there are cores (WANGGE_TEST_JOBS): each
# libFuzzer process keeps to one core, so each target still gets its full time on a core.
parallel=${WANGGE_TEST_JOBS:-$(nproc)}
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
fuzz_one() { # fuzz_one TARGET: its output in $logs/TARGET.log, ok or FAILED in $logs/TARGET.result
  local target=$1
  mkdir -p "corpus/$target" "artifacts/$target"
  # The first directory collects what this run finds (ignored by git); the seeds stay as they are.
  if fuzz run "${build[@]}" "$target" "corpus/$target" "seeds/$target" -- \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 \
      >"$logs/$target.log" 2>&1; then
    echo ok >"$logs/$target.result"
  else
    echo FAILED >"$logs/$target.result"
  fi
}
started=$SECONDS
for target in $targets; do
  while [ "$(jobs -rp | wc -l)" -ge "$parallel" ]; do wait -n || true; done
  echo "--- fuzzing $target for ${seconds}s"
  fuzz_one "$target" &
done
wait
echo "fuzzing: $((SECONDS - started)) s, $parallel target(s) at a time"

summary=()
status=0
for target in $targets; do
  result="$(cat "$logs/$target.result" 2>/dev/null || echo FAILED)"
  if [ "$result" != ok ]; then
    status=1
    grep -v '^"' "$logs/$target.log" | tail -60
    ls "artifacts/$target"
  fi
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$logs/$target.log" | tail -1)"
  summary+=("$(printf '%-8s %-6s %10s executions in %ss' "$target" "$result" "${execs:-?}" "$seconds")")
done
printf '%s\n' "${summary[@]}"
if [ "$status" != 0 ]; then
  echo "a fuzz target crashed: the input is in fuzz/artifacts/<target>/; reproduce with" \
    "cargo +nightly fuzz run <target> <file>, fix, and keep it as a regression case"
fi
exit "$status"
