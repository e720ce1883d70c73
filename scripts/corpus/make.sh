#!/usr/bin/env bash
# Makes the generated corpus (issue 12): N forms (default 320) in a dev and a test split of disjoint seeds, each
# case printed by every producer of scripts/corpus/FormMaker (HTML, tab text export, Chromium PDF, LibreOffice PDF,
# .xlsx, .xls and .docx saved by LibreOffice, and scans of the Chromium PDF: scan300, scan200-noisy, scan200-bw, photo,
# scan300-seal, made only when named in --producers),
# with its expected documents, in the fixtures' case layout:  DIR/dev/<case>/..., DIR/test/<case>/...
#   bash scripts/corpus/make.sh --out DIR [--forms N] [--producers html,text,chromium,libreoffice,xlsx,xls,docx,scan300,...] [--split dev|test]
# Then: extractor eval DIR  (per split, input kind and field group). Needs chromium and LibreOffice Calc and Writer with
# the CJK fonts: bash scripts/setup.sh --fixture-tools.
set -euo pipefail
cd "$(dirname "$0")/../.."
maker=$(mktemp -d)
trap 'rm -rf "$maker"' EXIT
dotnet build scripts/corpus/FormMaker -o "$maker" --verbosity quiet >/dev/null
nice "$maker/FormMaker" "$@"
