#!/usr/bin/env python3
"""One harness over every binding: the answers of Rust, C, WASM in Node and WASM in Chromium to
every shared case (tests/cases/*.case.json), each compared byte for byte with the expected
answer and so with each other. Fails on any difference or any missing answer.

The answers are written by the bindings' own runners into TARGET/conformance/<binding>/:
  rust     WANGGE_ANSWERS_DIR=... cargo test -p wangge --test cases   (scripts/test.sh)
  c        scripts/test-ffi.sh (the shared build of the C driver)
  node     scripts/test-wasm.sh (wasm/js/cases.mjs)
  browser  scripts/test-wasm.sh (wasm/js/browser-cases.mjs in headless Chromium)
Usage: python3 scripts/conformance.py [TARGET_DIR]
"""
import pathlib
import sys

root = pathlib.Path(__file__).resolve().parent.parent
target = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "target"
cases = sorted(p.name[: -len(".case.json")] for p in (root / "tests/cases").glob("*.case.json"))
bindings = ["rust", "c", "node", "browser"]
bad = []
counts = {}
for b in bindings:
    folder = target / "conformance" / b
    ok = 0
    for name in cases:
        got = folder / f"{name}.json"
        want = root / "tests/cases" / f"{name}.expected.json"
        if not got.exists():
            bad.append(f"{b}: no answer for {name}")
        elif got.read_bytes() != want.read_bytes():
            bad.append(f"{b}: {name} differs from the expected answer")
        else:
            ok += 1
    counts[b] = ok
print(f"{'binding':<8} {'identical':>9} / {len(cases)} shared cases")
for b in bindings:
    print(f"{b:<8} {counts[b]:>9}")
if bad:
    print("\n".join(bad[:50]), file=sys.stderr)
    print(f"conformance: {len(bad)} differences or missing answers", file=sys.stderr)
    sys.exit(1)
print(f"conformance: every binding gives the same {len(cases)} answers, byte for byte")
