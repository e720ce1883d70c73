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

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.1f", b - a }'; }
row() { awk -v name="$1" -v s="$2" -v n="$3" 'BEGIN { printf "| %-52s | %7.1f | %8.2f |\n", name, s, s / n }'; }

echo "| $pages pages (seed: 5 clean 300 dpi, 5 noisy 200 dpi)          | seconds | s / page |"
echo "|------------------------------------------------------|---------|----------|"
# One core: tesseract one page after another, one thread (OpenMP off, as the extractor's engines run).
row "tesseract whole page, chi_sim, one core" "$(seconds bash -c "for p in ${pngs[*]}; do OMP_THREAD_LIMIT=1 tesseract \$p \$p -l chi_sim; done")" "$pages"
cat > "$work/one.json" <<JSON
{ "Extractor": { "Parallelism": 1, "Ocr": { "SettingsFolder": "$PWD/tessdata" } } }
JSON
row "extractor, grid + per-cell OCR + mapping, one core" "$(seconds /usr/bin/time -f %M -o "$work/rss" "${extractor[@]}" extract "${pngs[@]}" --out "$work/one" --config "$work/one.json")" "$pages"
# Both cores: two tesseract processes at a time; the extractor with its default parallelism (one per core).
row "batch: tesseract, two pages at a time" "$(seconds bash -c "printf '%s\n' ${pngs[*]} | xargs -P 2 -I{} env OMP_THREAD_LIMIT=1 tesseract {} {}.b -l chi_sim")" "$pages"
row "batch: extractor, both cores" "$(seconds "${extractor[@]}" extract "${pngs[@]}" --out "$work/two" --config pipeline.json)" "$pages"
# Tesseract alone, as before PP-OCR: the same one-core run.
cat > "$work/tess.json" <<JSON
{ "Extractor": { "Parallelism": 1, "Ocr": { "SettingsFolder": "$PWD/tessdata", "Engine": "Tesseract" } } }
JSON
row "extractor, Tesseract alone, one core" "$(seconds "${extractor[@]}" extract "${pngs[@]}" --out "$work/tess" --config "$work/tess.json")" "$pages"
echo
echo "peak memory of the one-core extractor (one worker, PP-OCR and Tesseract loaded): $(( $(cat "$work/rss") / 1024 )) MB"
