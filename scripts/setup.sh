#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine (idempotent), then restores NuGet packages.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: OCR (Tesseract 5 + Simplified Chinese, leptonica), poppler (rasterising, benchmark baseline),
# pdfminer (benchmark baseline), CJK fonts (fixture generation), time (peak memory in scripts/bench-store.sh),
# chromium (the review page's browser test drives it through Playwright, which downloads no browser).
packages=(tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-script-hans tesseract-ocr-eng libtesseract5 liblept5 poppler-utils python3-pdfminer fonts-droid-fallback fonts-wqy-zenhei time chromium)
# --fixture-tools: also what scripts/fixtures/make-pdfs.sh prints the PDF fixtures with.
[ "${1:-}" = "--fixture-tools" ] && packages+=(qpdf libreoffice-calc-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
dotnet restore Extractor.sln --verbosity quiet
