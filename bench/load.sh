#!/usr/bin/env bash
# Load benchmark of a local `obs serve` (loopback only) with wrk, 200
# concurrent connections for 20 s, two mixes:
#   cached:  the same two maps and two /api/values answers (cache hits);
#   busting: maps with random valid level, method, classes, width and
#            highlight (almost every one a cache miss), HTML sheets of random
#            communes, and read-only SQL with a random bound.
# The server runs with --trust-proxy and each connection sends its own
# X-Forwarded-For, as 200 distinct clients (each within its limit of 4
# expensive requests; from one address every miss past 4 would be 429).
# Prints requests/s, p50/p99 latency, errors and the answers by status.
# Usage: [OBS_BENCH_DB=store.duckdb] bench/load.sh [seconds] [connections] [mix: cached|busting|both]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-20}
conns=${2:-200}
mixes=${3:-both}
dpkg -s wrk >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends wrk; }
work=$(mktemp -d)
go build -tags duckdb_arrow -o "$work/obs" ./cmd/obs
if [ -n "${OBS_BENCH_DB:-}" ]; then # an existing store, to skip the ingest
	cp "$OBS_BENCH_DB" "$work/obs.duckdb"
else
	"$work/obs" ingest --db "$work/obs.duckdb" >/dev/null
fi
port=18089
OBS_LOG=error "$work/obs" serve --db "$work/obs.duckdb" --addr 127.0.0.1:$port --trust-proxy >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.2; done

# Per-thread counters of the answers by status, summed in done().
cat > "$work/report.lua" <<'LUA'
local threads = {}
setup = function(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
init = function(args)
  math.randomseed(os.time() * 100 + id)
  counts = {}
  conn = 0
end
response = function(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("p50: %.2f ms  p99: %.2f ms  max: %.2f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("requests: %d  errors: %d (non-2xx/3xx: %d, timeouts: %d, connect/read/write: %d/%d/%d)\n", summary.requests, errors,
    summary.errors.status, summary.errors.timeout, summary.errors.connect, summary.errors.read, summary.errors.write))
  local all = {}
  for _, t in ipairs(threads) do
    for status, n in pairs(t:get("counts")) do all[status] = (all[status] or 0) + n end
  end
  local line = "by status:"
  for status, n in pairs(all) do line = line .. string.format(" %d=%d", status, n) end
  io.write(line .. "\n")
end
-- client is the X-Forwarded-For of one request: one address per connection
-- slot of the thread, so that 200 connections are 200 clients.
client = function()
  conn = conn % 100 + 1
  return string.format("10.%d.0.%d", id, conn)
end
LUA

cat > "$work/cached.lua" <<'LUA'
-- The same two maps and two /api/values answers: cache hits.
local paths = {
  "/maps/taux_chomage_15_64.svg?level=commune&method=jenks&classes=5",
  "/api/values?indicator=taux_chomage_15_64&level=commune",
  "/maps/part_familles_monoparentales.svg?level=epci&method=quantile&classes=5",
  "/api/values?indicator=population&level=epci&format=csv",
}
local i = 0
request = function()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {["X-Forwarded-For"] = client()})
end
LUA

# The communes, for random highlights and sheets.
curl -sf "http://127.0.0.1:$port/api/territories?level=commune&format=csv" |
	awk -F';' 'NR > 1 { printf "%s\"%s\"", (n++ ? "," : "communes = {"), $1 } END { print "}" }' >"$work/communes.lua"
curl -sf "http://127.0.0.1:$port/api/territories?level=epci&format=csv" |
	awk -F';' 'NR > 1 { printf "%s\"%s\"", (n++ ? "," : "epcis = {"), $1 } END { print "}" }' >>"$work/communes.lua"
cat "$work/communes.lua" - > "$work/busting.lua" <<'LUA'
-- Cache-busting: random valid map parameters, sheets, SQL.
local indicators = {"taux_chomage_15_64", "population", "part_familles_monoparentales"}
local levels = {"commune", "epci", "departement"}
local highlights = {commune = communes, epci = epcis, departement = {"22", "29", "35", "56"}}
local methods = {"jenks", "quantile", "equal", "q6", "sd", "headtail"} -- geom needs positive values
local function pick(t) return t[math.random(#t)] end
request = function()
  local h = {["X-Forwarded-For"] = client()}
  local r = math.random()
  if r < 0.6 then
    local level = pick(levels)
    return wrk.format("GET", string.format("/maps/%s.svg?level=%s&method=%s&classes=%d&width=%d&highlight=%s",
      pick(indicators), level, pick(methods), math.random(2, 9), math.random(200, 4000), pick(highlights[level])), h)
  elseif r < 0.85 then
    return wrk.format("GET", "/sheets/" .. pick(communes) .. ".html", h)
  end
  h["Content-Type"] = "text/plain"
  return wrk.format("POST", "/api/sql", h, string.format(
    "SELECT code, value FROM fact WHERE indicator = 'population' AND level = 'commune' AND value > %d ORDER BY value DESC LIMIT 20", math.random(0, 20000)))
end
LUA
cat "$work/report.lua" >>"$work/cached.lua"
cat "$work/report.lua" >>"$work/busting.lua"

# Warm the cached mix, then measure each mix.
for p in "/maps/taux_chomage_15_64.svg?level=commune&method=jenks&classes=5" "/maps/part_familles_monoparentales.svg?level=epci&method=quantile&classes=5"; do
	curl -sf "http://127.0.0.1:$port$p" >/dev/null
done
for mix in cached busting; do
	[ "$mixes" = both ] || [ "$mixes" = "$mix" ] || continue
	echo "== $mix mix, $conns connections, ${secs} s"
	wrk -t2 -c"$conns" -d"${secs}s" --timeout 5s -s "$work/$mix.lua" "http://127.0.0.1:$port"
done
