#!/usr/bin/env bash
# PDF sheets from one long-lived browser, timed in one run:
#   1. `obs sheet --format pdf` (one sheet, one process), median of 3 runs;
#   2. `obs sheets --level epci --format pdf` (66 sheets), and its ratio to
#      66 × the single sheet (aim: at most 0.25);
#   3. `obs sheets --level commune --format pdf` (1,202 communes + the
#      broader levels; aim: under 3 minutes), skipped with COMMUNE=0;
#   4. `obs serve`: uncached /sheets/{code}.pdf of distinct communes, 8
#      concurrent clients; p50 of the PDFs served (aim: under 400 ms) and
#      the count of 429.
# Every PDF written is checked with pdfinfo (A4, at least one page).
# Usage: bench/pdf.sh [requests]   (default 96 service requests)
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-96}
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
go build -tags duckdb_arrow -o "$work/obs" ./cmd/obs
obs="$work/obs"
db="$work/obs.duckdb"
"$obs" ingest --db "$db" >/dev/null

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# checkdir counts the PDFs of a directory that pdfinfo reads as A4.
checkdir() {
	local ok=0 bad=0
	for f in "$1"/*.pdf; do
		if pdfinfo "$f" 2>/dev/null | grep -q '(A4)'; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "invalid: $f" >&2; fi
	done
	echo "$ok valid A4 PDFs, $bad invalid"
}

# 1. One sheet, one process (median of 3).
singles=()
for i in 1 2 3; do
	t0=$(now)
	"$obs" sheet --db "$db" --territory 243500139 --format pdf --out "$work/single-$i.pdf" >/dev/null
	singles+=("$(secs "$t0" "$(now)")")
done
single=$(printf '%s\n' "${singles[@]}" | sort -n | sed -n 2p)
echo "obs sheet --format pdf: ${singles[*]} s (median $single s)"

# 2. The EPCI batch.
t0=$(now)
"$obs" sheets --db "$db" --level epci --format pdf --out "$work/epci" >/dev/null
epci=$(secs "$t0" "$(now)")
n=$(ls "$work/epci"/*.pdf | wc -l)
echo "obs sheets --level epci --format pdf: $n PDFs in $epci s ($(awk -v t="$epci" -v n="$n" 'BEGIN { printf "%.3f", t / n }') s each); $(checkdir "$work/epci")"
awk -v b="$epci" -v s="$single" -v n="$n" 'BEGIN { r = b / (n * s); printf "ratio batch / (%d × single) = %.3f (aim ≤ 0.25): %s\n", n, r, (r <= 0.25 ? "met" : "NOT met") }'

# 3. Every commune.
if [ "${COMMUNE:-1}" != 0 ]; then
	t0=$(now)
	"$obs" sheets --db "$db" --level commune --format pdf --out "$work/commune" >/dev/null
	commune=$(secs "$t0" "$(now)")
	n=$(ls "$work/commune"/*.pdf | wc -l)
	echo "obs sheets --level commune --format pdf: $n PDFs in $commune s ($(awk -v t="$commune" -v n="$n" 'BEGIN { printf "%.3f", t / n }') s each; aim < 180 s: $(awk -v t="$commune" 'BEGIN { print (t < 180 ? "met" : "NOT met") }')); $(checkdir "$work/commune")"
fi

# 4. The service: distinct communes, so every request is uncached.
port=18091
OBS_LOG=error "$obs" serve --db "$db" --addr 127.0.0.1:$port >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 100); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.2; done
# Warm the browser and the atlas caches on one sheet not in the sample.
curl -sf -o /dev/null http://127.0.0.1:$port/sheets/35238.pdf
"$obs" territories --db "$db" --level commune --format csv | tail -n +2 | cut -d';' -f1 | grep -v '^35238$' | head -n "$requests" >"$work/codes"
xargs -P 8 -I{} curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "http://127.0.0.1:$port/sheets/{}.pdf" <"$work/codes" >"$work/times"
awk '$1 == 200 { print $2 }' "$work/times" | sort -n >"$work/ok"
okn=$(wc -l <"$work/ok")
busy=$(awk '$1 == 429' "$work/times" | wc -l)
other=$(awk '$1 != 200 && $1 != 429' "$work/times" | wc -l)
if [ "$okn" -gt 0 ]; then
	p50=$(awk -v n="$okn" 'NR == int((n + 1) / 2) { printf "%.0f", $1 * 1000 }' "$work/ok")
	p90=$(awk -v n="$okn" 'NR == int(n * 0.9 + 0.5) { printf "%.0f", $1 * 1000 }' "$work/ok")
	echo "serve /sheets/{commune}.pdf, 8 clients, $requests uncached: $okn PDFs p50 $p50 ms p90 $p90 ms (aim p50 < 400 ms: $([ "$p50" -lt 400 ] && echo met || echo 'NOT met')); 429: $busy; other: $other"
else
	echo "serve: no PDF served; 429: $busy; other: $other"
fi
echo "chromium processes started by the server: $(pgrep -P $pid -c || true) (one browser, however many requests)"
