#!/usr/bin/env bash
# Hostile-SQL benchmark: eight expensive queries sent at once to POST
# /api/sql of a local `obs serve` (loopback only), while /healthz and
# /api/values are polled. Prints each query's status and time (all must be
# stopped within the 10 s timeout + 1 s), the p50/p99 of the cheap
# requests (p99 must stay under 100 ms), the memory of the server and of
# its sandbox workers above idle, and the "sql query stopped" log lines
# with their request IDs. Exits 1 when a requirement is not met.
# The per-client limit is raised to 8 so that all reach the sandbox.
# Usage: bench/hostile.sh   (OBS_DB=path reuses a store instead of ingesting)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
go build -tags duckdb_arrow -o "$work/obs" ./cmd/obs
db=${OBS_DB:-}
if [ -z "$db" ]; then
	"$work/obs" ingest --db "$work/obs.duckdb" >/dev/null
	db=$work/obs.duckdb
fi
port=18090
base=http://127.0.0.1:$port
OBS_LOG=info "$work/obs" serve --db "$db" --addr 127.0.0.1:$port --per-client 8 >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -sf $base/healthz >/dev/null && break; sleep 0.2; done

# Memory: the server and its children (the sandbox workers), every 100 ms.
rss() { # total VmRSS in KiB of the server and its children
	local total=0 p kb
	for p in $pid $(pgrep -P $pid || true); do
		kb=$(awk '/^VmRSS:/ {print $2}' /proc/$p/status 2>/dev/null || true) # none for a zombie
		total=$((total + ${kb:-0}))
	done
	echo $total
}
curl -sf -o /dev/null -X POST --data 'SELECT 1' $base/api/sql # warm one worker…
curl -sf -o /dev/null "$base/api/values?indicator=taux_chomage_15_64&level=epci" # …and the values cache
idle=$(rss)
cheap=()
for _ in 1 2 3 4 5; do # ten requests per curl, 20 ms apart, on one connection
	cheap+=(-o /dev/null "$base/healthz" -o /dev/null "$base/api/values?indicator=taux_chomage_15_64&level=epci")
done
# Baseline: the same cheap requests for 4 s without attack (this machine's noise).
end=$((SECONDS + 4))
while [ $SECONDS -lt $end ]; do curl -s --rate 50/s -w "%{http_code} %{time_total}\n" "${cheap[@]}"; done >"$work/baseline"
( while :; do rss; sleep 0.1; done ) >"$work/rss" &
sampler=$!

qpids=()
queries=(
	"SELECT list(x) FROM (SELECT unnest(range(100000000)) x)"
	"SELECT repeat('x', 2000000000)"
	"SELECT count(*) FROM range(100000) a, range(100000) b, range(100000) c"
	"WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM r) SELECT max(i) FROM r"
	"SELECT count(*) FROM range(1000000) t WHERE regexp_matches(repeat('a', 10000 + (t.range % 7)::INT) || 'b', '(a+)+\$')"
	"SELECT x FROM (SELECT random() x FROM range(300000000)) ORDER BY x LIMIT 1"
	"SELECT list_transform(range(100000), i -> range(10000)) FROM range(100)"
	"SELECT string_agg(repeat('x', 1000), ',') FROM range(10000000)"
)
for i in "${!queries[@]}"; do
	curl -s -o /dev/null -w "hostile-$i %{http_code} %{time_total}\n" -H "X-Request-ID: hostile-$i" \
		-X POST --data-binary "${queries[$i]}" $base/api/sql >"$work/q$i" &
	qpids+=($!)
done
sleep 0.1
{ while [ "$(cat "$work"/q* | wc -l)" -lt ${#queries[@]} ]; do
	curl -s --rate 50/s -w "%{http_code} %{time_total}\n" "${cheap[@]}"
done; } >"$work/cheap"
wait "${qpids[@]}"
kill $sampler
status=0
echo "== hostile queries (timeout 10 s; must answer within 11 s)"
cat "$work"/q* | sort
if awk '$2 != 403 || $3 > 11 {bad=1} END {exit !bad}' "$work"/q*; then echo "FAIL: a query was not stopped in time"; status=1; fi
latency() { # file → sorted latencies in ms, and a summary line
	awk '{print $2 * 1000}' "$1" | sort -n >"$1.lat"
	local n p50 p99
	n=$(wc -l <"$1.lat")
	p50=$(awk -v n=$n 'NR == int(n*0.50)+1' "$1.lat")
	p99=$(awk -v n=$n 'NR == int(n*0.99)+1' "$1.lat")
	printf "requests: %d  non-200: %d  p50: %.1f ms  p99: %.1f ms  max: %.1f ms\n" "$n" "$(awk '$1 != 200' "$1" | wc -l)" "$p50" "$p99" "$(tail -1 "$1.lat")"
	P99=$p99
}
echo "== cheap requests without attack (baseline of this machine)"
latency "$work/baseline"
echo "== cheap requests during the attack"
latency "$work/cheap"
non200=$(awk '$1 != 200' "$work/cheap" | wc -l)
if [ "$non200" -gt 0 ] || awk -v p=$P99 'BEGIN {exit !(p >= 100)}'; then echo "FAIL: p99 >= 100 ms or errors"; status=1; fi
echo "== memory (server + sandbox workers, RSS)"
peak=$(sort -n "$work/rss" | tail -1)
printf "idle: %d MiB  peak: %d MiB  above idle: %d MiB (budget: 2 workers x 512 MiB + 2 x 16 MiB results = 1056 MiB)\n" \
	$((idle / 1024)) $((peak / 1024)) $(((peak - idle) / 1024))
if [ $(((peak - idle) / 1024)) -gt 1056 ]; then echo "FAIL: memory above budget"; status=1; fi
echo "== stopped queries in the server log"
grep '"sql query stopped"' "$work/serve.log" | sed -E 's/.*"request_id":"([^"]*)".*"err":"([^"]{0,90}).*/\1  \2/' | sort
exit $status
