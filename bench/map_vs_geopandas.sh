#!/usr/bin/env bash
# Times `obs map` drawing the 1,202 communes to SVG against geopandas
# (GeoDataFrame.plot + savefig(svg)) on the same GeoJSON, in the same run,
# and prints the ratio. Usage: bench/map_vs_geopandas.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
for pkg in python3-geopandas python3-matplotlib; do
	dpkg -s "$pkg" >/dev/null 2>&1 || need="${need:-} $pkg"
done
if [ -n "${need:-}" ]; then
	apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $need
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -tags duckdb_arrow -o "$work/obs" ./cmd/obs
db="$work/obs.duckdb"
"$work/obs" ingest --db "$db" >/dev/null
# The same GeoJSON for both: the store's communes with the mapped values.
"$work/obs" map --db "$db" --indicator taux_chomage_15_64 --level commune --out "$work/communes.geojson"

# The service's path: obs serve keeps the store and cube open; each request
# below has a distinct width, so none is answered from the cache.
port=18091
OBS_LOG=error "$work/obs" serve --db "$db" --addr 127.0.0.1:$port >/dev/null 2>&1 &
serve=$!
trap 'kill $serve 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -sf http://127.0.0.1:$port/healthz >/dev/null && break; sleep 0.2; done

/usr/bin/python3 - "$work" "$runs" "$port" <<'PY'
import subprocess, sys, time, urllib.request
import geopandas as gpd
import matplotlib
matplotlib.use("svg")
import matplotlib.pyplot as plt
work, runs, port = sys.argv[1], int(sys.argv[2]), sys.argv[3]
served = iter(range(10_000))

def serve_once():
    w = 1000 + next(served)
    url = f"http://127.0.0.1:{port}/maps/taux_chomage_15_64.svg?level=commune&method=quantile&classes=5&width={w}"
    with urllib.request.urlopen(url) as r:
        body = r.read()
    assert body.startswith(b"<svg"), body[:100]

def obs_once():
    subprocess.run([f"{work}/obs", "map", "--db", f"{work}/obs.duckdb", "--indicator", "taux_chomage_15_64",
                    "--level", "commune", "--method", "quantile", "--classes", "5", "--out", f"{work}/obs.svg"], check=True)

def gpd_once():
    gdf = gpd.read_file(f"{work}/communes.geojson").to_crs(2154)
    ax = gdf.plot(column="valeur", scheme="quantiles", k=5, cmap="YlOrRd", legend=True, figsize=(10, 8),
                  edgecolor="white", linewidth=0.2, missing_kwds={"color": "lightgrey"}) if _has_mapclassify() else \
         gdf.plot(column="valeur", cmap="YlOrRd", legend=True, figsize=(10, 8), edgecolor="white", linewidth=0.2)
    ax.set_axis_off()
    plt.savefig(f"{work}/gpd.svg", format="svg")
    plt.close("all")

def _has_mapclassify():
    try:
        import mapclassify  # noqa: F401
        return True
    except ImportError:
        return False

def best(fn):
    times = []
    for _ in range(runs):
        t = time.perf_counter(); fn(); times.append(time.perf_counter() - t)
    times.sort()
    return times[len(times) // 2]

obs_once(); gpd_once(); serve_once()  # warm caches
o, g, s = best(obs_once), best(gpd_once), best(serve_once)
print(f"obs map command (process start, store, cube, SVG): median {o*1000:.1f} ms over {runs} runs")
print(f"obs serve /maps/….svg, uncached render:            median {s*1000:.1f} ms over {runs} runs")
print(f"geopandas read_file + plot + savefig(svg):          median {g*1000:.1f} ms over {runs} runs")
print(f"ratio geopandas / obs map command: {g/o:.1f}x")
print(f"ratio geopandas / obs serve render: {g/s:.1f}x")
PY
