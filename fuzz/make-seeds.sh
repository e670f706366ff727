#!/usr/bin/env bash
# Rebuilds the committed seed corpus fuzz/seeds/<target>/ from the shared cases (tests/cases).
# The 2 MB sample dossier is cut to March 2023 (records of that month, ledger entries last
# updated by then), a valid dossier that core/tests/limits.rs also uses.
# Needs jq. Run from anywhere; commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=fuzz/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{policy,dossier,c_api}

jq -c '
  def in_march: (.date // .opened // .from // "") | startswith("2023-03");
  .period = {"from": "2023-03-01", "to": "2023-03-31"}
  | .records |= with_entries(
      if .key == "ledger_entries"
      then .value |= map(select((.last_updated // .opened) <= "2023-03-31"))
      else .value |= map(select(in_march)) end)
' tests/cases/inputs/sample-2023.dossier.json > "$seeds/dossier/sample-march-2023.json"

for f in tests/cases/inputs/*.dossier.json; do
  case "$f" in *sample-2023*) continue ;; esac
  cp "$f" "$seeds/dossier/$(basename "$f" .dossier.json).json"
done
for f in core/data/xincheng-2022.policy.json examples/policies/*.policy.json \
         tests/cases/inputs/*.policy.json tests/fixtures/*.policy.json; do
  cp "$f" "$seeds/policy/$(basename "$f" .policy.json).json"
done
cp "$seeds"/policy/*.json "$seeds"/dossier/*.json "$seeds/c_api/"
printf '2023-04-23' > "$seeds/c_api/date.txt"
printf '2.2.2' > "$seeds/c_api/clause.txt"
du -sh "$seeds"/*
