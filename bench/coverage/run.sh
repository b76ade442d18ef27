#!/usr/bin/env bash
# bench/coverage/run.sh [DB]: whole-city coverage (best-server RSRP and SINR of every operator and
# band at 25 m with terrain line of sight) on the `city` sample in database DB (default city_cov),
# loaded when it holds no DEM yet. Starts the shipped server jar, submits the `coverage` process
# (mode whole) over HTTP and times it from submission to `successful`, RUNS times (default 3); prints the
# compute time the job reports, the job's wall time and the load average with every figure. Then
# the cached map tiles: an 8 x 8 block of WMTS tiles at level 15 around the centre, of the CMCC n41
# coverage and of the water pipes, fetched once cold (rendered and stored) and WARM times (default 3)
# warm (from the tile store), the warm passes alternating between the two layers, on one keep-alive
# connection per pass (bench/tiles2d/fetch.py). RUNS=0 measures only the tiles of the grid stored.
# JAR=path measures that server jar instead of this tree's build (e.g. an earlier commit's, for a
# before/after on the same database). Holds /work/bench.lock (when it exists) around the timed
# runs. Do not run it under nice.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
DB="${1:-city_cov}"
PORT="${PORT:-18575}"
CELL="${CELL:-25}"
RUNS="${RUNS:-3}"
WARM="${WARM:-3}"
WORK="${WORK:-$ROOT/var/bench-coverage}"
source "$(dirname "$0")/server.sh"
coverage_server
say "sectors in use: $("$ROOT/scripts/db" psql "$DB" -Atc "SELECT count(*) FROM antenna_sector WHERE valid_to IS NULL AND status = 'in_use'")"

run_once() {
  local id wall compute
  read -r id wall < <(job coverage "{\"inputs\":{\"mode\":\"whole\",\"cellSize\":$CELL}}")
  compute=$(curl -fs "http://127.0.0.1:$PORT/ogcapi/jobs/$id/results" | python3 -c 'import json,sys; f=json.load(sys.stdin)["features"]; print(f[0]["properties"]["computeMs"], len(f), f[0]["properties"]["cells"])')
  say "coverage whole, ${CELL} m, terrain: job ${wall} s (submit to successful); compute ms, layers, cells: $compute; load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

cached_tiles() {
  local layer
  for layer in coverage_cmcc_n41 pipe_js; do
    python3 "$ROOT/bench/tiles2d/tiles.py" 103.70 36.50 15 8 ours | sed "s/pipe_js/$layer/" >"$WORK/tiles-$layer.txt"
    say "$layer cold: $(python3 "$ROOT/bench/tiles2d/fetch.py" "http://127.0.0.1:$PORT" "$WORK/tiles-$layer.txt")"
  done
  # warm passes alternate between the layers, so both meet the same machine
  for _ in $(seq 1 "$WARM"); do
    for layer in coverage_cmcc_n41 pipe_js; do
      say "$layer warm: $(python3 "$ROOT/bench/tiles2d/fetch.py" "http://127.0.0.1:$PORT" "$WORK/tiles-$layer.txt"); load: $(cut -d' ' -f1-3 /proc/loadavg)"
    done
  done
}

timed() {
  say "load before: $(uptime)"
  for _ in $(seq 1 "$RUNS"); do run_once; done
  say "load after: $(uptime)"
  cached_tiles
}
if [ -e /work/bench.lock ]; then
  exec 9</work/bench.lock
  flock 9
fi
timed
