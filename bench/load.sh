#!/usr/bin/env bash
# Load benchmark: 200 concurrent connections for 20 s against /maps/…svg
# and /api/values of a local `obs serve` (loopback only), with wrk.
# Prints requests/s, p99 latency and errors. Usage: bench/load.sh [seconds] [connections]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
conns=${2:-200}
dpkg -s wrk >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk; }
work=$(mktemp -d)
go build -tags duckdb_arrow -o "$work/obs" ./cmd/obs
"$work/obs" ingest --db "$work/obs.duckdb" >/dev/null
port=18089
OBS_LOG=error "$work/obs" serve --db "$work/obs.duckdb" --addr 127.0.0.1:$port >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.2; done

cat > "$work/mix.lua" <<'LUA'
-- Alternates the map and the values endpoint.
local paths = {
  "/maps/taux_chomage_15_64.svg?level=commune&method=jenks&classes=5",
  "/api/values?indicator=taux_chomage_15_64&level=commune",
  "/maps/part_familles_monoparentales.svg?level=epci&method=quantile&classes=5",
  "/api/values?indicator=population&level=epci&format=csv",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i])
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50: %.2f ms  p99: %.2f ms  max: %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests: %d  errors: %d (non-2xx/3xx: %d, timeouts: %d)\n", summary.requests, errors, summary.errors.status, summary.errors.timeout))
end
LUA
# Warm the caches, then measure.
for p in "/maps/taux_chomage_15_64.svg?level=commune&method=jenks&classes=5" "/maps/part_familles_monoparentales.svg?level=epci&method=quantile&classes=5"; do
	curl -sf "http://127.0.0.1:$port$p" >/dev/null
done
wrk -t2 -c"$conns" -d"${secs}s" --timeout 5s -s "$work/mix.lua" "http://127.0.0.1:$port"
