#!/usr/bin/env bash
# Start the dashboard as README says (`streamlit run app.py`), headless on a spare port, and wait
# for Streamlit's health endpoint to answer "ok"; fail after 90 s.
set -euo pipefail
PORT="${SMOKE_PORT:-8599}"
LOG="$(mktemp)"
streamlit run app.py --server.headless true --server.port "$PORT" >"$LOG" 2>&1 &
PID=$!
trap 'kill "$PID" 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 90); do
  if python - "$PORT" <<'PY' 2>/dev/null; then
import sys, urllib.request
with urllib.request.urlopen(f"http://localhost:{sys.argv[1]}/_stcore/health", timeout=2) as r:
    sys.exit(0 if r.read().strip() == b"ok" else 1)
PY
    echo "dashboard smoke test: health endpoint answered ok"
    exit 0
  fi
  if ! kill -0 "$PID" 2>/dev/null; then
    echo "dashboard smoke test: streamlit exited" >&2
    cat "$LOG" >&2
    exit 1
  fi
  sleep 1
done
echo "dashboard smoke test: no answer from the health endpoint within 90 s" >&2
cat "$LOG" >&2
exit 1
