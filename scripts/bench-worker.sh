#!/usr/bin/env bash
# Load benchmark of the running worker (issue 5): N files (default 1000, copies of the fixture inputs, each made
# distinct content) dropped into the inbox of a fresh data folder at once; reports files/s, forms/s and the
# worker's resident memory as the count grows (peak = VmHWM).  Usage: scripts/bench-worker.sh [N] [file-name regex]
# (default: text, HTML and text-layer PDFs; scans read seconds a page, pass e.g. '\.(txt|pdf|tif)$' to include them)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1000}
kinds=${2:-'^(?!.*\.scan).*\.(txt|html|pdf)$'}
dotnet build src/Extractor.Cli --verbosity quiet -c Release >/dev/null
exe=src/Extractor.Cli/bin/Release/net10.0/extractor.dll

root=$(mktemp -d /tmp/extractor-bench-XXXX)
trap 'kill ${pid:-} 2>/dev/null || true; rm -rf "$root"' EXIT
echo '{ "Extractor": { "DataFolder": "data", "Parallelism": 0, "Worker": { "RescanSeconds": 2, "ReadySeconds": 0.5 } } }' > "$root/pipeline.json"
mkdir -p "$root/staging"

mapfile -t sources < <(find fixtures/seed fixtures/variants -maxdepth 1 -type f | grep -P "$kinds" | sort)
for ((i = 0; i < count; i++)); do
  src=${sources[$((i % ${#sources[@]}))]}
  name=$(basename "$src"); dest="$root/staging/$((i / 100))/${name%.*}-$i.${name##*.}"
  mkdir -p "$(dirname "$dest")"
  # The same forms, distinct content: trailing bytes every reader ignores (blank lines, a comment after %%EOF).
  case "$name" in
    *.html) { cat "$src"; printf '\n<!-- copy %d -->\n' "$i"; } > "$dest" ;;
    *.pdf) { cat "$src"; printf '\n%% copy %d\n' "$i"; } > "$dest" ;;
    *utf16*) { cat "$src"; printf '\n\0%.0s' $(seq 0 $((i % 500))); printf '\t\0\n\0%.0s' $(seq 0 $((i / 500))); } > "$dest" ;;
    *) { cat "$src"; printf '\n%.0s' $(seq 0 $((i % 500))); printf '\t\n%.0s' $(seq 0 $((i / 500))); } > "$dest" ;;
  esac
done
forms_expected=$(dotnet "$exe" extract "${sources[@]}" --out "$root/probe" 2>/dev/null | tail -1)
echo "bench: $count files from ${#sources[@]} fixture inputs ($forms_expected)" >&2

dotnet "$exe" watch --config "$root/pipeline.json" >"$root/worker.log" 2>&1 &
pid=$!
until grep -qs "Watching" "$root/worker.log"; do sleep 0.2; done
base_rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)

start=$(date +%s.%N)
mv "$root/staging/"* "$root/data/inbox/"
done_files=0; marks=""
while :; do
  done_files=$(find "$root/data/archive" "$root/data/quarantine" -type f ! -name '*.error.json' | wc -l)
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  for mark in 250 500 750 1000 2000 4000; do
    if [ "$done_files" -ge "$mark" ] && [ "$mark" -le "$count" ] && [[ " $marks " != *" $mark:"* ]]; then marks="$marks $mark:$((rss / 1024))MB"; fi
  done
  [ "$done_files" -ge "$count" ] && break
  sleep 0.25
done
end=$(date +%s.%N)
peak=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
json=$(find "$root/data/outbox" -name '*.json' | wc -l)
quarantined=$(find "$root/data/quarantine" -name '*.error.json' | wc -l)
kill -TERM $pid; wait $pid || true

awk -v n="$count" -v f="$json" -v q="$quarantined" -v s="$start" -v e="$end" -v peak="$peak" -v base="$base_rss" -v marks="$marks" -v cores="$(nproc)" 'BEGIN {
  t = e - s
  printf "| files | forms (JSON) | quarantined | seconds | files/s | forms/s | RSS idle | RSS at 250/500/750/1000 files | peak RSS | cores |\n"
  printf "|---|---|---|---|---|---|---|---|---|---|\n"
  printf "| %d | %d | %d | %.1f | %.1f | %.1f | %d MB | %s | %d MB | %d |\n", n, f, q, t, n / t, f / t, base / 1024, marks, peak / 1024, cores
}'
