#!/usr/bin/env bash
# Benchmarks the store: `extractor import` of thousands of files (files/s, forms/s, peak memory at growing counts)
# and `extractor query` of a grouped question over 10,000 forms.
#   bash scripts/bench-store.sh [FILES] [FORMS]      defaults: 2000 files, 10000 forms
# Inputs are the text and HTML fixtures copied many times, each copy ending in its own line of spaces and tabs (the
# copy number in binary), so every copy is new content for the ledger but reads to the same forms.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-2000}
forms=${2:-10000}
work=$(mktemp -d /tmp/extractor-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

dotnet build src/Extractor.Cli -c Release --verbosity quiet --nologo >/dev/null
extractor=(dotnet "$PWD/src/Extractor.Cli/bin/Release/net10.0/extractor.dll")

# copies COUNT DIR: COUNT input files in DIR, cycling over the six seed and variants inputs.
copies() {
  python3 - "$1" "$2" <<'EOF'
import os, sys
count, folder = int(sys.argv[1]), sys.argv[2]
inputs = [("fixtures/seed/000_3040adc6ab17b275.txt", "utf-8"), ("fixtures/seed/seed.html", "utf-8"),
          ("fixtures/seed/seed.utf16.txt", "utf-16-le"), ("fixtures/seed/seed.gb18030.txt", "gb18030"),
          ("fixtures/variants/variants.html", "utf-8"), ("fixtures/variants/variants.txt", "utf-8")]
originals = [(path, open(path, "rb").read(), encoding) for path, encoding in inputs]
for n in range(count):
    path, data, encoding = originals[n % len(originals)]
    stem, ext = os.path.splitext(os.path.basename(path))
    sub = os.path.join(folder, f"batch{n // 500:03d}")
    os.makedirs(sub, exist_ok=True)
    marker = "\n" + format(n, "b").replace("0", " ").replace("1", "\t") + "\n"
    with open(os.path.join(sub, f"{stem}-{n:05d}{ext}"), "wb") as out:
        out.write(data + marker.encode(encoding))
EOF
}

echo "== import (Release build, $(nproc) cores)"
printf '%-8s %-8s %-10s %-10s %-10s %-12s %-10s\n' files forms seconds files/s forms/s "peak MB" "CPU s"
for count in $((files / 4)) $((files / 2)) "$files"; do
  inputs="$work/in-$count" data="$work/data-$count"
  copies "$count" "$inputs"
  /usr/bin/time -v -o "$work/time-$count" "${extractor[@]}" import "$inputs" --data "$data" >"$work/import-$count.out" 2>"$work/import-$count.err" || {
    echo "import of $count files failed:"; tail -5 "$work/import-$count.err"; exit 1; }
  written=$(find "$data/outbox" -name '*.json' | wc -l)
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s }' "$work/time-$count")
  peak=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$work/time-$count")
  cpu=$(awk -F': ' '/(User|System) time \(seconds\)/ { s += $2 } END { printf "%.1f", s }' "$work/time-$count")
  awk -v f="$count" -v w="$written" -v s="$seconds" -v p="$peak" -v c="$cpu" 'BEGIN { printf "%-8s %-8s %-10s %-10.1f %-10.1f %-12s %-10s\n", f, w, s, f / s, w / s, p, c }'
  rm -rf "$inputs"
done

echo "== query over $forms forms"
store="$work/store"
mkdir -p "$store/outbox" "$work/templates"
"${extractor[@]}" extract fixtures/seed/000_3040adc6ab17b275.txt fixtures/variants/variants.txt --out "$work/templates" >/dev/null
python3 - "$forms" "$work/templates" "$store/outbox" <<'EOF'
import glob, json, os, random, sys
count, templates, outbox = int(sys.argv[1]), sys.argv[2], sys.argv[3]
forms = [json.load(open(f, encoding="utf-8")) for f in sorted(glob.glob(os.path.join(templates, "*.json")))]
rng = random.Random(6)
departments = [f"{city}市{office}" for city in ("青溪", "滨江", "东湖", "上海", "南山") for office in ("教育局", "水务局", "城市管理局", "财政局", "卫生健康委员会", "交通运输局", "生态环境局", "民政局")]
for n in range(count):
    form = json.loads(json.dumps(forms[n % len(forms)]))
    form["year"] = 2016 + n % 9
    form["department"] = rng.choice(departments)
    form["projectName"] = f"{form['projectName']}（{n}）"
    form["totalScore"] = round(rng.uniform(70, 100), 1)
    sha = f"{n:08x}" + form["source"]["sha256"][8:]
    form["source"].update(file=f"bench-{n:05d}.txt", sha256=sha)
    name = f"bench-{n:05d}_{form['source']['formIndex']:02d}_{sha[:8]}.json"
    with open(os.path.join(outbox, name), "w", encoding="utf-8") as out:
        json.dump(form, out, ensure_ascii=False, indent=2)
EOF
sql="SELECT department, year, count(*) AS forms, round(avg(total_score), 2) AS average, count(*) FILTER (WHERE total_score < 90) AS under_90 FROM forms GROUP BY ALL ORDER BY department, year"
echo "$sql"
# query RUN: one timed `extractor query` of the grouped question.
query() {
  /usr/bin/time -f "%e %M %U %S" -o "$work/qtime" "${extractor[@]}" query "$sql" --data "$store" --format csv >"$work/q.csv" 2>"$work/q.err"
  read -r wall kb user sys <"$work/qtime"
  echo "$1: $(($(wc -l <"$work/q.csv") - 1)) groups; whole command ${wall} s (CPU $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') s), peak $((kb / 1024)) MB; $(grep -o 'query .*' "$work/q.err" | tr -d ')')"
}
query "first query (no cache: reads all JSON)"
query "second query (Parquet cache)"
query "third query (Parquet cache)"
for f in $(ls "$store/outbox" | head -100); do cp "$store/outbox/$f" "$store/outbox/new-$f"; done
query "after 100 new forms"
