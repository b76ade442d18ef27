#!/usr/bin/env bash
# bench/wms/ab.sh [NAME=]JAR[@DB] [NAME=]JAR[@DB]: an interleaved GetMap A/B of two builds (or of one
# build on two databases, e.g. with an index built two ways) on the city sample.
#
#   CITY_PGPORT=… bench/wms/ab.sh old=/path/1225e14.jar new=server/target/city-server.jar
#
# Both servers run side by side (-Xmx512m, no migration at start, no 3D Tiles warm-up) on DB (default
# WMS_DB, wms_city: loaded with the `city` sample, e.g. by bench/wms/run.sh); once both answer and
# the database has fallen idle (their start-up catalog reads), each gets a WARMUP-second pass per
# list, then every cell runs PAIRS times alternating first/second build, DURATION seconds each,
# through bench/wms/MapLoad.java (wrk's closed loop over bench/wms/requests.py's lists; it also takes
# the CPU per map of the server JVM and of the whole database cluster). Prints each run's line
# and per cell the median ratio second / first of maps/s and of CPU per map. Cells: CELLS, each
# SCALE_WxH:C (default the 1:1,000 cells the issue-14 A/Bs used). The timings hold BENCH_LOCK
# (/work/bench.lock) with flock -o, so servers started here never hold it (BENCH_LOCK= when the
# caller holds it already); run the cluster at normal priority for a figure you quote.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
[ $# = 2 ] || die "usage: bench/wms/ab.sh [NAME=]JAR[@DB] [NAME=]JAR[@DB]"
DB=${WMS_DB:-wms_city}
CELLS=${CELLS:-"1000_256x256:1 1000_256x256:4 1000_1024x768:4"}
PAIRS=${PAIRS:-3} DURATION=${DURATION:-10} WARMUP=${WARMUP:-5}
PORTS=(${AB_PORTS:-18651 18652})
BENCH_LOCK=${BENCH_LOCK-/work/bench.lock}
VAR="$ROOT/var/wms-bench"
mkdir -p "$VAR/lists"
names=() jars=() dbs=()
for arg in "$@"; do
  spec=${arg#*=}; [[ "$arg" == *=* ]] || spec=$arg
  jar=${spec%@*}; db=$DB; [[ "$spec" == *@* ]] && db=${spec##*@}
  [ -f "$jar" ] || die "no such jar: $jar"
  names+=("$([[ "$arg" == *=* ]] && echo "${arg%%=*}" || basename "$jar" .jar)") jars+=("$jar") dbs+=("$db")
done
scripts/db start >/dev/null
PM=$(ss -ltnpH "sport = :$CITY_PGPORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)  # the postmaster

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
for i in 0 1; do
  SERVER_PORT=${PORTS[$i]} DATABASE_URL=$(local_url "${dbs[$i]}") java -Xmx512m -jar "${jars[$i]}" \
    --city.database.migrate-on-start=false --city.tiles3d.warm-up-timeout=0s >"$VAR/ab-${names[$i]}.log" 2>&1 &
  pids+=($!)
done
for i in 0 1; do
  for _ in $(seq 1 240); do curl -sf -o /dev/null "http://127.0.0.1:${PORTS[$i]}/actuator/health" && break; sleep 1; done
  curl -sf -o /dev/null "http://127.0.0.1:${PORTS[$i]}/actuator/health" || die "${names[$i]} did not start (see $VAR/ab-${names[$i]}.log)"
done
idle=0
while [ $idle -lt 5 ]; do
  busy=$(scripts/db psql postgres -Atqc "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
  if [ "$busy" = 0 ]; then idle=$((idle + 1)); else idle=0; fi
  sleep 1
done

read -r minx miny maxx maxy < <(psql "$(local_url "${dbs[0]}")" -Atqc "SELECT concat_ws(' ', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
  FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom), ST_SRID((SELECT geom FROM pipe_segment LIMIT 1))), 3857) e
  FROM pipe_segment) x")
list() { # SCALE_WxH: the request list's file, written as bench/wms/run.sh writes it
  local scale=${1%%_*} size=${1#*_} f="$VAR/lists/$1.txt"
  [ -s "$f" ] || python3 bench/wms/requests.py "$scale" "${size%x*}" "${size#*x}" 500 "$scale" "$minx" "$miny" "$maxx" "$maxy" >"$f"
  echo "$f"
}
load() { # INDEX LIST C SECONDS
  SERVER_PID=${pids[$1]} POSTMASTER_PID=$PM java bench/wms/MapLoad.java "http://127.0.0.1:${PORTS[$1]}" "$2" "$3" "$4"
}
field() { echo "$1" | grep -o "$2=[0-9.-]*" | cut -d= -f2; }

timed() {
  echo "load before: $(uptime)"
  for cell in $CELLS; do
    for i in 0 1; do load "$i" "$(list "${cell%:*}")" 4 "$WARMUP" >/dev/null; done
  done
  for cell in $CELLS; do
    f=$(list "${cell%:*}") c=${cell#*:} ratios=""
    for p in $(seq 1 "$PAIRS"); do
      r0=$(load 0 "$f" "$c" "$DURATION"); r1=$(load 1 "$f" "$c" "$DURATION")
      echo "$cell ${names[0]} $r0"; echo "$cell ${names[1]} $r1"
      ratios="$ratios $(awk -v a="$(field "$r0" rps)" -v b="$(field "$r1" rps)" -v x="$(field "$r0" jvm_cpu_ms)" \
        -v y="$(field "$r1" jvm_cpu_ms)" -v u="$(field "$r0" db_cpu_ms)" -v v="$(field "$r1" db_cpu_ms)" \
        'BEGIN { printf "%.3f/%.3f/%.3f", b / a, y / x, v / u }')"
    done
    echo "$cell ${names[1]} / ${names[0]} maps/s, JVM CPU/map, DB CPU/map per pair:$ratios"
  done
  echo "load after: $(uptime)"
}
export -f timed load list field
export CELLS PAIRS DURATION WARMUP VAR PM minx miny maxx maxy
lock=(flock -o "$BENCH_LOCK"); [ -n "$BENCH_LOCK" ] || lock=()
PIDS="${pids[*]}" PORTS_S="${PORTS[*]}" NAMES="${names[*]}" "${lock[@]}" bash -c '
  pids=($PIDS) PORTS=($PORTS_S) names=($NAMES); timed'
