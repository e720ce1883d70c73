#!/usr/bin/env bash
# The main job on the defaults of pipeline.json: installs what is missing, builds, and starts the inbox worker
# (`extractor watch`). Drop files into data/inbox/; JSON appears in data/outbox/. Ctrl-C stops it gracefully.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build src/Extractor.Cli --no-restore --verbosity quiet -c Release >/dev/null
echo "run: watching $(pwd)/data/inbox — drop forms there (text, HTML, PDF, scans); JSON goes to $(pwd)/data/outbox" >&2
exec dotnet src/Extractor.Cli/bin/Release/net10.0/extractor.dll watch "$@"
