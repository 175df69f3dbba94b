#!/usr/bin/env bash
# Load test of the deployment gate on loopback with wrk: authenticated reads/s, audited writes/s (each write appends
# one Merkle audit entry with its MAC'd tree head, and every 256th a signed checkpoint; SQLite WAL +
# synchronous=FULL), and p99 latency at ~200 req/s.
# Usage: bench/gate-load.sh [DURATION]   (needs: dotnet, wrk; builds src/Shipgate.Cli in Release first)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
duration="${1:-15s}"
command -v wrk >/dev/null || { echo "gate-load: wrk not found (apt-get install wrk)" >&2; exit 2; }
shipgate="${SHIPGATE_CLI:-$("$root/build/publish.sh" "$root/bench/corpus/bin")}"  # as installed; SHIPGATE_CLI reuses a published binary
work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
"$shipgate" serve --urls "$url" --data "$work/data" >"$work/serve.out" 2>"$work/serve.err" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs "$url/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
admin="$(sed -n 's/.*stored hashed): //p' "$work/serve.out")"
export SHIPGATE_URL="$url"
cat >"$work/gate.yml" <<'YAML'
environments:
  staging: {}
  production:
    requires_approval: true
    approvers: [security-team, tech-lead]
YAML
SHIPGATE_TOKEN="$admin" "$shipgate" gate apply "$work/gate.yml" >/dev/null
ci="$(SHIPGATE_TOKEN="$admin" "$shipgate" token create --name ci --role requester --machine)"
viewer="$(SHIPGATE_TOKEN="$admin" "$shipgate" token create --name viewer --role viewer)"
id="$(SHIPGATE_TOKEN="$ci" "$shipgate" deploy request --env production --commit "$(printf 'a%.0s' $(seq 40))" --ref refs/heads/main)"
export BENCH_DIR="$root/bench/gate" GATE_READ_PATH="/api/deployments/$id"

echo "== reads: GET /api/deployments/$id (viewer token), 2 threads, 32 connections, $duration"
SHIPGATE_TOKEN="$viewer" wrk -t2 -c32 -d"$duration" --latency -s "$BENCH_DIR/read.lua" "$url" | grep -E "Requests/sec|Latency|99%"
echo "== audited writes: POST /api/checks (requester token), 2 threads, 16 connections, $duration"
SHIPGATE_TOKEN="$ci" wrk -t2 -c16 -d"$duration" --latency -s "$BENCH_DIR/write-check.lua" "$url" | grep -E "Requests/sec|Latency|99%"
echo "== paced reads, ~200 req/s offered (10 connections x 50 ms), $duration"
SHIPGATE_TOKEN="$viewer" MODE=read PACE_MS=50 wrk -t2 -c10 -d"$duration" --latency -s "$BENCH_DIR/paced.lua" "$url" | grep -E "Requests/sec|Latency|99%"
echo "== paced audited writes, ~200 req/s offered (10 connections x 50 ms), $duration"
SHIPGATE_TOKEN="$ci" MODE=write PACE_MS=50 wrk -t2 -c10 -d"$duration" --latency -s "$BENCH_DIR/paced.lua" "$url" | grep -E "Requests/sec|Latency|99%"
