#!/usr/bin/env bash
# Retakes docs/review-page.png, the README's picture of the review page: the browser test
# (ReviewPageTests) run with EXTRACTOR_REVIEW_SCREENSHOT set saves the page as a reviewer sees it
# (a flagged value selected, the page area it was read from beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
EXTRACTOR_REVIEW_SCREENSHOT="$PWD/docs/review-page.png" \
  dotnet test tests/Extractor.Cli.Tests --filter "FullyQualifiedName~ReviewPageTests" --verbosity quiet
echo "docs/review-page.png written" >&2
