#!/usr/bin/env bash
# OCR speed on the same page images: the project's reader (grid from the image, each cell read on its
# own by PP-OCR with Tesseract checking the unsure ones, then mapping and checks) against `tesseract page.png
# out -l chi_sim` on the whole page; then a batch with both cores busy; the extractor's peak memory (one
# worker, both engines loaded); and the extractor with Tesseract alone (Extractor:Ocr:Engine "Tesseract"). Pages: the scan fixture fixtures/seed/seed.scan300.pdf and
# seed.scan200-noisy.pdf, rasterised back to PNG at their own resolution (300 and 200 dpi).
# Usage: scripts/bench-ocr.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Extractor.Cli -c Release --verbosity quiet >/dev/null
extractor=(dotnet src/Extractor.Cli/bin/Release/net10.0/extractor.dll)
mkdir -p "$work/pages"
pdftoppm -r 300 -gray -png fixtures/seed/seed.scan300.pdf "$work/pages/clean"
pdftoppm -r 200 -gray -png fixtures/seed/seed.scan200-noisy.pdf "$work/pages/noisy"
pngs=("$work"/pages/*.png)
pages=${#pngs[@]}

# Wall seconds and CPU seconds (user + system, the command's child processes included): on a machine other work
# loads, wall time stretches with the load and CPU time much less, so both are printed, with the load average.
seconds() { /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true; awk '{ printf "%.1f %.1f", $1, $2 + $3 }' "$work/time"; }
row() { local wall cpu; read -r wall cpu <<<"$2"; awk -v name="$1" -v w="$wall" -v c="$cpu" -v n="$3" 'BEGIN { printf "| %-52s | %7.1f | %8.2f | %7.1f | %8.2f |\n", name, w, w / n, c, c / n }'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| $pages pages (seed: 5 clean 300 dpi, 5 noisy 200 dpi)          | seconds | s / page | CPU s | CPU s / page |"
echo "|------------------------------------------------------|---------|----------|-------|--------------|"
# One core: tesseract one page after another, one thread (OpenMP off, as the extractor's engines run).
row "tesseract whole page, chi_sim, one core" "$(seconds bash -c "for p in ${pngs[*]}; do OMP_THREAD_LIMIT=1 tesseract \$p \$p -l chi_sim; done")" "$pages"
cat > "$work/one.json" <<JSON
{ "Extractor": { "Parallelism": 1, "Ocr": { "SettingsFolder": "$PWD/tessdata" } } }
JSON
row "extractor, grid + per-cell OCR + mapping, one core" "$(seconds "${extractor[@]}" extract "${pngs[@]}" --out "$work/one" --config "$work/one.json")" "$pages"
awk '{ print $4 }' "$work/time" > "$work/rss"
# Both cores: two tesseract processes at a time; the extractor with its default parallelism (one per core).
row "batch: tesseract, two pages at a time" "$(seconds bash -c "printf '%s\n' ${pngs[*]} | xargs -P 2 -I{} env OMP_THREAD_LIMIT=1 tesseract {} {}.b -l chi_sim")" "$pages"
row "batch: extractor, both cores" "$(seconds "${extractor[@]}" extract "${pngs[@]}" --out "$work/two" --config pipeline.json)" "$pages"
# Tesseract alone, as before PP-OCR: the same one-core run.
cat > "$work/tess.json" <<JSON
{ "Extractor": { "Parallelism": 1, "Ocr": { "SettingsFolder": "$PWD/tessdata", "Engine": "Tesseract" } } }
JSON
row "extractor, Tesseract alone, one core" "$(seconds "${extractor[@]}" extract "${pngs[@]}" --out "$work/tess" --config "$work/tess.json")" "$pages"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "peak memory of the one-core extractor (one worker, PP-OCR and Tesseract loaded): $(( $(cat "$work/rss") / 1024 )) MB"
