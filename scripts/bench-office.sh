#!/usr/bin/env bash
# Workbooks (and Word documents) per second through the whole pipeline: extract (detect, read the cells, segment,
# map, validate, write JSON) over COPIES copies of each Office fixture kind, best of ROUNDS, and prints a table.
#   bash scripts/bench-office.sh [ROUNDS] [COPIES]   (defaults 3 and 50: 100 files of each kind, 500 forms)
# One extract per kind and round over all its files, as the worker and `import` read a batch (reader processes,
# all cores), published ReadyToRun as deployed, so .NET start-up is counted once per round.
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
copies=${2:-50}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish src/Extractor.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/cli" --verbosity quiet -nologo >/dev/null
cli=$out/cli/extractor.dll

now() { date +%s.%N; }
echo "$copies copies of each fixture, best of $rounds rounds, $(nproc) cores"
echo
echo "| kind | files | forms | seconds | files/s | forms/s |"
echo "| --- | --- | --- | --- | --- | --- |"
for kind in xlsx xls docx; do
  mkdir -p "$out/$kind"
  for c in $(seq "$copies"); do
    for f in fixtures/seed/seed.$kind fixtures/variants/variants.$kind; do
      # Each copy is new content (a distinct document property would do; a trailing byte keeps ZIP and OLE2 readable).
      { cat "$f"; printf '%08d' "$c"; } > "$out/$kind/$c-$(basename "$f")"
    done
  done
  mapfile -t files < <(ls "$out/$kind"/*)
  best=""
  for _ in $(seq "$rounds"); do
    rm -rf "$out/json"
    start=$(now)
    dotnet "$cli" extract "${files[@]}" --out "$out/json" >"$out/stdout" 2>"$out/err" || { cat "$out/err" >&2; exit 1; }
    t=$(echo "$(now) - $start" | bc -l)
    if [ -z "$best" ] || (( $(echo "$t < $best" | bc -l) )); then best=$t; fi
  done
  forms=$(ls "$out/json" | wc -l)
  printf '| %s | %d | %d | %.2f | %.1f | %.1f |\n' "$kind" "${#files[@]}" "$forms" "$best" \
    "$(echo "${#files[@]} / $best" | bc -l)" "$(echo "$forms / $best" | bc -l)"
done
