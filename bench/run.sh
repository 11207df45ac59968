#!/usr/bin/env bash
# Lägesbild's benchmarks side by side with the peer pipeline (pandas, matplotlib,
# WeasyPrint) and the sqlite3 floor. Installs what it needs, builds Lägesbild, seeds the
# synthetic store, measures, and writes BENCHMARKS.md. See bench/README.md.
#
#   bench/run.sh                     # the full run: 1 000 000 lines, 5 runs each (minutes)
#   bench/run.sh --lines 200000 --runs 7
#   bench/run.sh --smoke             # small store, one run, debug build (CI)
#   bench/run.sh --smoke --release   # the same on a release build
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
release=1
for a in "$@"; do
  [[ "$a" == "--smoke" ]] && smoke=1
done
if [[ $smoke == 1 ]]; then
  release=0
  for a in "$@"; do [[ "$a" == "--release" ]] && release=1; done
fi

# System packages: wrk, the sqlite3 tool, pdfinfo (page counts), WeasyPrint's pango, a
# font with Swedish letters, and python3's venv.
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
for pkg in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
python3 -c 'import venv, ensurepip' 2>/dev/null || missing+=(python3-venv)
if (( ${#missing[@]} )); then
  if [[ $(id -u) == 0 ]]; then
    echo "== apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Install these first: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# The peer pipeline's Python packages, in bench/.venv (reinstalled when requirements change).
venv=bench/.venv
stamp="$venv/.requirements.sha256"
want=$(sha256sum bench/peer/requirements.txt | cut -d' ' -f1)
if [[ ! -x "$venv/bin/python" || ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "== pip install -r bench/peer/requirements.txt (into $venv)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r bench/peer/requirements.txt
  echo "$want" > "$stamp"
fi

target="${CARGO_TARGET_DIR:-target}"
if [[ $release == 1 ]]; then
  echo "== cargo build --release"
  cargo build --release --locked --bin lagesbild
  bin="$target/release/lagesbild"
  profile=release
else
  echo "== cargo build (debug: the smoke run checks the harness, not the figures)"
  cargo build --locked --bin lagesbild
  bin="$target/debug/lagesbild"
  profile=debug
fi

exec "$venv/bin/python" bench/harness.py --bin "$bin" --profile "$profile" \
  --command "bench/run.sh${*:+ $*}" "$@"
