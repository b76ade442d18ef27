#!/usr/bin/env bash
# bench/coverage/wlan.sh [DB]: the public WLAN layer through HTTP with the shipped configuration on
# the `city` sample in database DB (default city_cov; loaded when it holds no DEM yet, as
# bench/coverage/run.sh does). RUNS times (default 3): the `coverage` process (mode whole, 25 m,
# terrain), timed from submission to `successful`, with the computation time the job reports and,
# of it, the WLAN layer's (wlanComputeMs; the WLAN layer is computed in the same run as the
# cellular ones); then the `coverage-kpi` process (KPIs and holes of every layer, minHoleArea
# 2,500 m², host towers for the cellular holes), timed the same way, with the WLAN layer's holes
# and its share of the built-up land. Then an 8 x 8 block of WMTS tiles of `coverage_wlan` at level
# 15 around the centre, once cold (rendered and stored) and three times warm (bench/tiles2d/fetch.py).
# The load average is printed with every figure. JAR=path measures that server jar instead of this
# tree's build. Holds /work/bench.lock (when it exists) around the timed runs. Do not run it under
# nice.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
DB="${1:-city_cov}"
PORT="${PORT:-18576}"
RUNS="${RUNS:-3}"
WORK="${WORK:-$ROOT/var/bench-wlan}"
source "$(dirname "$0")/server.sh"
coverage_server
say "access points in use: $("$ROOT/scripts/db" psql "$DB" -Atc "SELECT count(*) FROM wlan_ap WHERE valid_to IS NULL AND status = 'in_use'")"

loadavg() { cut -d' ' -f1-3 /proc/loadavg; }

coverage_once() {
  local id wall
  read -r id wall < <(job coverage '{"inputs":{"mode":"whole","cellSize":25}}')
  say "coverage whole 25 m: job ${wall} s; $(curl -fs "http://127.0.0.1:$PORT/ogcapi/jobs/$id/results" | python3 -c '
import json, sys
fs = [f["properties"] for f in json.load(sys.stdin)["features"]]
w = next(p for p in fs if p["layer"] == "coverage_wlan")
print("compute %d ms, of it WLAN %d ms (%d access points, %d cells, covered share %.4f)" % (
    w["computeMs"], w["wlanComputeMs"], w["accessPoints"], w["cells"], w["coveredShare"]))'); load: $(loadavg)"
}

kpi_once() {
  local id wall
  read -r id wall < <(job coverage-kpi '{"inputs":{"minHoleArea":2500}}')
  say "coverage-kpi: job ${wall} s; $(curl -fs "http://127.0.0.1:$PORT/ogcapi/jobs/$id/results" | python3 -c '
import json, sys
fs = [f["properties"] for f in json.load(sys.stdin)["features"]]
holes = [p for p in fs if p["kind"] == "hole"]
wlan = [p for p in holes if p["layer"] == "coverage_wlan"]
share = next(p for p in fs if p["kind"] == "kpi" and p["layer"] == "coverage_wlan"
             and p["landUseClass"] == "all" and p["district"] == "all")
print("%d KPI figures, %d holes, of them WLAN %d (%.0f m2), WLAN share %.4f of %.0f m2 (target %.2f)" % (
    len(fs) - len(holes), len(holes), len(wlan), sum(p["areaM2"] for p in wlan),
    share["share"], share["parcelAreaM2"], share["targetShare"]))'); load: $(loadavg)"
}

wlan_tiles() {
  local list="$WORK/tiles-coverage_wlan.txt"
  python3 "$ROOT/bench/tiles2d/tiles.py" 103.70 36.50 15 8 ours | sed "s/pipe_js/coverage_wlan/" >"$list"
  say "coverage_wlan tiles cold: $(python3 "$ROOT/bench/tiles2d/fetch.py" "http://127.0.0.1:$PORT" "$list"); load: $(loadavg)"
  for _ in 1 2 3; do
    say "coverage_wlan tiles warm: $(python3 "$ROOT/bench/tiles2d/fetch.py" "http://127.0.0.1:$PORT" "$list"); load: $(loadavg)"
  done
}

if [ -e /work/bench.lock ]; then
  exec 9</work/bench.lock
  flock 9
fi
say "load before: $(uptime)"
for _ in $(seq 1 "$RUNS"); do
  coverage_once
  kpi_once
done
wlan_tiles
say "load after: $(uptime)"
