#!/usr/bin/env bash
# CI: runs schemathesis (every check) against the JSON API of the real binary, with the
# demo database, once with an agency token (a coordinator) and once with an analyst's
# personal token. Exits non-zero on any failure.
#
#   .ci/schemathesis.sh                  # debug build, 100 cases per operation and phase
#   ST_MAX_EXAMPLES=500 PROFILE=release .ci/schemathesis.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PROFILE="${PROFILE:-debug}"
MAX_EXAMPLES="${ST_MAX_EXAMPLES:-100}"
PORT="${ST_PORT:-18089}"
TARGET="${CARGO_TARGET_DIR:-target}"
VENV="${ST_VENV:-$TARGET/schemathesis-venv}"

if [ ! -x "$VENV/bin/st" ]; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet "schemathesis>=4.32,<5"
fi
"$VENV/bin/st" --version

if [ "$PROFILE" = release ]; then
  cargo build --locked --release
else
  cargo build --locked
fi
BIN="$TARGET/$PROFILE/lagesbild"

WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
  if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

export DATABASE_URL="$WORK/st.db"
# Schemathesis sends thousands of calls a minute with one token; the limit itself is
# tested in tests/api/rate_limit.rs.
export LAGESBILD_API_RATE_PER_MINUTE=100000000
export LAGESBILD_LOG=warn
"$BIN" serve --demo --bind "127.0.0.1:$PORT" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then cat "$WORK/server.log"; exit 1; fi
  sleep 1
done
curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null

AGENCY_TOKEN="$("$BIN" token create --agency SKV 2>/dev/null)"
ANALYST_TOKEN="$("$BIN" token create --user analytiker 2>/dev/null)"

status=0
for who in agency analyst; do
  if [ "$who" = agency ]; then token="$AGENCY_TOKEN"; else token="$ANALYST_TOKEN"; fi
  echo "== schemathesis, every check, as the $who token"
  "$VENV/bin/st" --config-file .ci/schemathesis.toml run "http://127.0.0.1:$PORT/api/v1/openapi.json" \
    --url "http://127.0.0.1:$PORT" \
    --checks all \
    --header "Authorization: Bearer $token" \
    --max-examples "$MAX_EXAMPLES" \
    --seed "${ST_SEED:-20261128}" \
    --workers 1 \
    --report junit --report-dir "$WORK/report-$who" \
    || status=1
done
if [ "$status" -ne 0 ]; then
  echo "schemathesis found failures (server log follows)"
  tail -n 50 "$WORK/server.log"
fi
exit "$status"
