#!/usr/bin/env bash
# OCR speed: the project's reader (grid from the image, each cell read on its own) against the
# `tesseract page.png out -l chi_sim` command on the whole page, on the same pages; then a batch with
# both cores busy. Pages: the scan fixtures (fixtures/seed/seed.scan300.pdf, seed.scan200-noisy.pdf,
# variants/variants.scan300-bw.tif). Usage: scripts/bench-ocr.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build src/Extractor.Cli -c Release --verbosity quiet >/dev/null
extractor="dotnet src/Extractor.Cli/bin/Release/net10.0/extractor.dll"
inputs=(fixtures/seed/seed.scan300.pdf fixtures/seed/seed.scan200-noisy.pdf fixtures/variants/variants.scan300-bw.tif)

# The page images tesseract gets: the same scans, as PNG at their own resolution.
pdfimages -png fixtures/seed/seed.scan300.pdf "$work/clean"
pdfimages -png fixtures/seed/seed.scan200-noisy.pdf "$work/noisy"
pages=$(ls "$work"/*.png | wc -l)

seconds() { local s; s=$(date +%s.%N); "$@" >/dev/null 2>&1; echo "$(date +%s.%N) - $s" | bc; }

echo "pages: $pages (seed, clean 300 dpi and noisy 200 dpi)"
# One process per file, so engine start-up (loading the language models) is counted as the command's is.
t_tess=0
for png in "$work"/*.png; do t_tess=$(echo "$t_tess + $(seconds env OMP_THREAD_LIMIT=1 tesseract "$png" "$work/out" -l chi_sim)" | bc); done
t_ours=$(seconds $extractor extract fixtures/seed/seed.scan300.pdf fixtures/seed/seed.scan200-noisy.pdf --out "$work/json" --config pipeline.json)
printf '| %-44s | %8s | %10s |\n' "one core" "seconds" "s / page"
printf '| %-44s | %8.1f | %10.2f |\n' "tesseract whole page (chi_sim, 1 thread)" "$t_tess" "$(echo "$t_tess / $pages" | bc -l)"
printf '| %-44s | %8.1f | %10.2f |\n' "extractor (grid + per-cell OCR + mapping)" "$t_ours" "$(echo "$t_ours / $pages" | bc -l)"

# Both cores: tesseract two pages at a time; the extractor on all inputs with Parallelism 2.
t_tess2=$(seconds bash -c "ls $work/*.png | xargs -P 2 -I{} env OMP_THREAD_LIMIT=1 tesseract {} {}.out -l chi_sim")
t_ours2=$(seconds $extractor extract "${inputs[@]}" --out "$work/json2")
batch_pages=$((pages + 3))
printf '| %-44s | %8.1f | %10.2f |\n' "batch, 2 cores: tesseract ($pages pages)" "$t_tess2" "$(echo "$t_tess2 / $pages" | bc -l)"
printf '| %-44s | %8.1f | %10.2f |\n' "batch, 2 cores: extractor ($batch_pages pages)" "$t_ours2" "$(echo "$t_ours2 / $batch_pages" | bc -l)"
