#!/usr/bin/env bash
# A PDF/A-2b check of the report PDF: prints a draft of the standard template from a small
# synthetic store and checks it with .ci/pdfa/pdfa2b_check.py. That checker implements the
# subset of veraPDF's PDF/A-2b rules that matter for our output (file structure, output
# intent, device colour, embedded fonts and widths, XMP identification), on pikepdf and
# fontTools from PyPI. It is NOT veraPDF (which is not reachable from the CI machines); run
# veraPDF on a published PDF where it is available.
set -euo pipefail
cd "$(dirname "$0")/../.."
BIN="${LAGESBILD_BIN:-${CARGO_TARGET_DIR:-target}/debug/lagesbild}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
VENV="${PDFA_VENV:-.ci/pdfa/.venv}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import pikepdf, fontTools' 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q -r .ci/pdfa/requirements.txt
fi
export DATABASE_URL="$WORK/pdfa.db"
"$BIN" seed-demo --lines 3000 >/dev/null 2>&1
"$BIN" report pdf --period 2026-Q3 --out "$WORK/report.pdf"
"$VENV/bin/python" .ci/pdfa/pdfa2b_check.py "$WORK/report.pdf"
