#!/usr/bin/env bash
# bench/coverage/run.sh [DB]: whole-city coverage (best-server RSRP and SINR of every operator and
# band at 25 m with terrain line of sight) on the `city` sample in database DB (default city_cov),
# loaded when it holds no DEM yet. Starts the shipped server jar, submits the `coverage` process
# (mode whole) over HTTP and times it from submission to `successful`, three times; prints the
# compute time the job reports, the job's wall time and the load average with every figure. Then
# the cached map tiles: an 8 x 8 block of WMTS tiles at level 15 around the centre, of the CMCC n41
# coverage and of the water pipes, fetched once cold (rendered and stored) and three times warm
# (from the tile store) on one keep-alive connection (bench/tiles2d/fetch.py): tiles per second.
# JAR=path measures that server jar instead of this tree's build (e.g. an earlier commit's, for a
# before/after on the same database). Holds /work/bench.lock (when it exists) around the timed
# runs. Do not run it under nice.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
DB="${1:-city_cov}"
PORT="${PORT:-18575}"
CELL="${CELL:-25}"
RUNS="${RUNS:-3}"
WORK="${WORK:-$ROOT/var/bench-coverage}"
URL="$(local_url "$DB")"
mkdir -p "$WORK"
if [ -n "${JAR:-}" ]; then
  # another build to measure (an earlier commit's jar, for a before/after on the same data)
  cp "$JAR" "$WORK/city-server.jar"
else
  need_build
  cp "$RUN_JAR" "$WORK/city-server.jar"
fi
JAR="$WORK/city-server.jar"

"$ROOT/scripts/db" start >/dev/null
if [ "$("$ROOT/scripts/db" psql "$DB" -Atc "SELECT to_regclass('dem') IS NOT NULL AND EXISTS (SELECT 1 FROM dem)" 2>/dev/null)" != t ]; then
  say "loading the city sample into $DB; load: $(uptime)"
  "$ROOT/scripts/db" reset "$DB" >/dev/null
  java -jar "$JAR" sample load --scale city --database-url "$URL" 2>&1 | grep -v INFO | tail -2
fi

DATABASE_URL="$URL" SERVER_PORT="$PORT" java -jar "$JAR" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
say "sectors in use: $("$ROOT/scripts/db" psql "$DB" -Atc "SELECT count(*) FROM antenna_sector WHERE valid_to IS NULL AND status = 'in_use'")"

run_once() {
  local start id status
  start=$(date +%s.%N)
  id=$(curl -fs -X POST -H 'Content-Type: application/json' \
    -d "{\"inputs\":{\"mode\":\"whole\",\"cellSize\":$CELL}}" \
    "http://127.0.0.1:$PORT/ogcapi/processes/coverage/execution" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobID"])')
  while :; do
    status=$(curl -fs "http://127.0.0.1:$PORT/ogcapi/jobs/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = accepted ] || [ "$status" = running ] || break
    sleep 0.2
  done
  local wall
  wall=$(echo "$(date +%s.%N) - $start" | bc)
  [ "$status" = successful ] || die "job $id: $status"
  local compute
  compute=$(curl -fs "http://127.0.0.1:$PORT/ogcapi/jobs/$id/results" | python3 -c 'import json,sys; f=json.load(sys.stdin)["features"]; print(f[0]["properties"]["computeMs"], len(f), f[0]["properties"]["cells"])')
  say "coverage whole, ${CELL} m, terrain: job ${wall} s (submit to successful); compute ms, layers, cells: $compute; load: $(cut -d' ' -f1-3 /proc/loadavg)"
}

cached_tiles() {
  local layer list
  for layer in coverage_cmcc_n41 pipe_js; do
    list="$WORK/tiles-$layer.txt"
    python3 "$ROOT/bench/tiles2d/tiles.py" 103.70 36.50 15 8 ours | sed "s/pipe_js/$layer/" >"$list"
    say "$layer cold: $(python3 "$ROOT/bench/tiles2d/fetch.py" "http://127.0.0.1:$PORT" "$list")"
    for _ in 1 2 3; do
      say "$layer warm: $(python3 "$ROOT/bench/tiles2d/fetch.py" "http://127.0.0.1:$PORT" "$list"); load: $(cut -d' ' -f1-3 /proc/loadavg)"
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
