#!/usr/bin/env bash
# Tests libwangge from Java through JNA (issue 19), as docs/use-from-c.md tells a Java engineer
# to: examples/java/WorkerReport.java compiled with plain javac against Debian's libjna-java,
# loaded with UTF-8 strings from -Djna.library.path. Checks the typed calls' output, that the
# JSON answer's bytes equal the shared case's expected answer, that a bad dossier's problems come
# through the per-problem accessors, and runs every shared case taking a dossier (the bad-input
# catalogue among them) through Java, byte for byte. Run by scripts/test.sh, or:
#   bash scripts/test-java.sh
# Installs default-jdk-headless and libjna-java when missing (CI runs as root).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n--> %s (at %ss)\n' "$*" "$SECONDS"; }

jna=/usr/share/java/jna.jar
if ! command -v javac >/dev/null || [ ! -f "$jna" ]; then
  step "installing default-jdk-headless libjna-java"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq default-jdk-headless libjna-java >/dev/null
fi
javac -version

target=${CARGO_TARGET_DIR:-target}
libdir="$(cd "$target" && pwd)/debug"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

step "build libwangge"
cargo build -p wangge-ffi --locked

step "compile examples/java with javac (warnings are errors)"
javac -Xlint:all -Werror -cp "$jna" -d "$work/classes" examples/java/WorkerReport.java
# A POSIX locale: the Chinese must come through all the same (OPTION_STRING_ENCODING).
java=(env LC_ALL=C LANG=C java -cp "$jna:$work/classes" -Djna.library.path="$libdir")

step "the example: typed calls, answer bytes, a failure's problems"
"${java[@]}" WorkerReport tests/cases/inputs/sample-2023.dossier.json \
  --answer "$work/assess.json" --bad tests/cases/inputs/unknown-person.dossier.json \
  | tee "$work/report.txt"
grep -q '^w1 王芳 score 97.26 excellent 优秀$' "$work/report.txt"
grep -q '^w4 .* incompetent 不称职 vetoed (5.2)$' "$work/report.txt"
grep -q '^    2\.2\.2  *component  ' "$work/report.txt"
grep -q '^    path records.meetings\[0\].chair$' "$work/report.txt"
cmp "$work/assess.json" tests/cases/assess-sample-2023.expected.json \
  || { echo "the Java answer differs from tests/cases/assess-sample-2023.expected.json" >&2; exit 1; }
echo "Java's assess answer is byte for byte the shared case's expected answer"

step "shared cases taking a dossier, the bad-input catalogue among them, through Java"
python3 - tests/cases > "$work/cases.tsv" <<'PY'
import json, pathlib, sys
d = pathlib.Path(sys.argv[1])
for case in sorted(d.glob("*.case.json")):
    c = json.loads(case.read_text())
    if c["call"] in ("evaluate", "assess", "attendance", "evidence"):
        rel = lambda k: str(d / c[k]) if k in c else "-"
        name = case.name[: -len(".case.json")]
        print("\t".join([name, c["call"], rel("dossier"), rel("policy"), rel("options")]))
PY
"${java[@]}" WorkerReport --cases "$work/cases.tsv" "$work/answers"
n=0; bad=0
while IFS=$'\t' read -r name _; do
  cmp -s "$work/answers/$name.json" "tests/cases/$name.expected.json" \
    || { echo "case $name: the Java answer differs" >&2; exit 1; }
  n=$((n + 1)); case $name in bad-*) bad=$((bad + 1)) ;; esac
done < "$work/cases.tsv"
[ "$bad" -ge 20 ] || { echo "expected the bad-input catalogue among the cases" >&2; exit 1; }
echo "$n shared cases ($bad of them bad input) byte-identical through Java"

step "Java tests passed"
