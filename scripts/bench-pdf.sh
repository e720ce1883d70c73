#!/usr/bin/env bash
# Times the whole pipeline (extract: read, segment, map, validate, write JSON) on the text-layer PDF fixtures against
# poppler's `pdftotext -tsv` and pdfminer's `pdf2txt` on the same files, and prints a table.
#   bash scripts/bench-pdf.sh [ROUNDS] [COPIES]   (defaults 3 and 20: each tool's best of 3 rounds over 20 copies
#   of every PDF fixture, so the batch has the size of a day's inbox rather than of a single file)
# The pipeline runs once per round over all files in one process (as the worker and `import` do), published
# ReadyToRun as it is deployed, so its .NET start-up is counted once per round; the other tools start once
# per file, as they are used. Every tool gets all cores (extract runs files in parallel; the others via
# xargs -P).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
copies=${2:-20}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
mkdir -p "$out/in"
for c in $(seq "$copies"); do
  # Text-layer PDFs only: scans (*.scan*.pdf) are OCR's benchmark (scripts/bench-ocr.sh).
  for f in fixtures/*/*.pdf; do [[ $f == fixtures/bad/* || $f == *.scan* ]] || cp "$f" "$out/in/$c-$(basename "$f")"; done
done
mapfile -t files < <(ls "$out"/in/*.pdf)
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pdfinfo "$f" | awk '/^Pages:/ {print $2}'))); done
dotnet publish src/Extractor.Cli -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o "$out/cli" --verbosity quiet -nologo >/dev/null
cli=$out/cli/extractor.dll

now() { date +%s.%N; }
best() { # command... : the best wall time of $rounds runs, in seconds
  local best_s="" start end t
  for _ in $(seq "$rounds"); do
    start=$(now); "$@" >/dev/null 2>"$out/err" || { cat "$out/err" >&2; exit 1; }; end=$(now)
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best_s" ] || (( $(echo "$t < $best_s" | bc -l) )); then best_s=$t; fi
  done
  echo "$best_s"
}
pipeline() { rm -rf "$out/json"; dotnet "$cli" extract "${files[@]}" --out "$out/json"; }
pdftotext_all() { printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -I{} pdftotext -tsv {} /dev/null; }
pdfminer_all() { printf '%s\n' "${files[@]}" | xargs -P "$(nproc)" -I{} sh -c 'pdf2txt "$1" >/dev/null' _ {}; }

t_pipe=$(best pipeline)
t_poppler=$(best pdftotext_all)
t_miner=$(best pdfminer_all)
row() { printf '| %s | %.2f | %.1f | %.2fx |\n' "$1" "$2" "$(echo "$2 * 1000 / $pages" | bc -l)" "$(echo "$2 / $t_poppler" | bc -l)"; }
echo "${#files[@]} PDF files, $pages pages, best of $rounds rounds, $(nproc) cores"
echo
echo "| tool | seconds | ms per page | vs pdftotext -tsv |"
echo "| --- | --- | --- | --- |"
row "extractor extract (whole pipeline, JSON out)" "$t_pipe"
row "pdftotext -tsv (poppler)" "$t_poppler"
row "pdf2txt (pdfminer.six)" "$t_miner"
