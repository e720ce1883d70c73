#!/usr/bin/env bash
# The main job on the defaults of pipeline.json: installs what is missing, builds, and extracts the seed
# fixture into the data folder's outbox.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
dotnet build src/Extractor.Cli --no-restore --verbosity quiet -c Release >/dev/null
exec dotnet src/Extractor.Cli/bin/Release/net10.0/extractor.dll extract fixtures/seed/000_3040adc6ab17b275.txt --out data/outbox "$@"
