#!/usr/bin/env bash
# bench/wms/cpu.sh [JAR...]: JVM CPU time per GetMap and GC activity of our WMS, one server jar after the other.
#
#   CITY_PGDATA=/work/main/var/pgdata bench/wms/cpu.sh server/target/city-server.jar other/city-server.jar
#
# Each jar (default server/target/city-server.jar) runs alone on CPU_PORT (8183) with -Xmx512m against
# wms_city (loaded by bench/wms/run.sh). Per request list (LISTS, default: the 1:1,000 and 1:10,000
# 1024×768 lists run.sh wrote to var/wms-bench/lists) it warms up for WARMUP s, then replays the list
# with wrk at concurrency 1 for DURATION s and reads the server's CPU time (utime + stime of
# /proc/PID/stat) and its GC counts (jstat) before and after: CPU ms per map = CPU delta / maps served.
# Timings hold /work/bench.lock (BENCH_LOCK).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PORT=${CPU_PORT:-8183}
DURATION=${DURATION:-15}
WARMUP=${WARMUP:-5}
LISTS=${LISTS:-"$ROOT/var/wms-bench/lists/1000_1024x768.txt $ROOT/var/wms-bench/lists/10000_1024x768.txt"}
URL=$("$ROOT/scripts/db" url "${WMS_DB:-wms_city}")
TICK=$(getconf CLK_TCK)
[ $# -gt 0 ] || set -- "$ROOT/server/target/city-server.jar"
cpu_ms() { awk -v t="$TICK" '{print ($14 + $15) * 1000 / t}' "/proc/$1/stat"; }
gcs() { jstat -gc "$1" | awk 'NR == 1 {for (i = 1; i <= NF; i++) h[$i] = i} NR == 2 {print $h["YGC"], $h["FGC"]}'; } # young and full GC counts
exec 9>"${BENCH_LOCK:-/work/bench.lock}"
flock 9
echo "load before: $(uptime)" >&2
printf '| jar | list | maps | CPU ms per map | young GCs per 100 maps | full GCs |\n|---|---|---:|---:|---:|---:|\n'
for jar in "$@"; do
  SERVER_PORT=$PORT DATABASE_URL=$URL java -Xmx512m -jar "$jar" >"$ROOT/var/wms-bench/cpu-server.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/actuator/health" && break; sleep 1; done
  for list in $LISTS; do
    WMS_REQUESTS=$list wrk -t 1 -c 1 -d "${WARMUP}s" -s "$HERE/requests.lua" "http://127.0.0.1:$PORT" >/dev/null
    c0=$(cpu_ms "$pid"); read -r y0 f0 < <(gcs "$pid")
    out=$(WMS_REQUESTS=$list wrk -t 1 -c 1 -d "${DURATION}s" -s "$HERE/requests.lua" "http://127.0.0.1:$PORT" | grep '^RESULT')
    c1=$(cpu_ms "$pid"); read -r y1 f1 < <(gcs "$pid")
    n=$(echo "$out" | grep -o 'requests=[0-9]*' | cut -d= -f2)
    awk -v j="$jar" -v l="$(basename "$list" .txt)" -v n="$n" -v c="$(echo "$c1 - $c0" | bc)" -v y="$(echo "$y1 - $y0" | bc)" \
      -v f="$(echo "$f1 - $f0" | bc)" 'BEGIN {printf "| %s | %s | %d | %.1f | %.1f | %d |\n", j, l, n, c / n, 100 * y / n, f}'
  done
  kill "$pid"; wait "$pid" 2>/dev/null || true
  trap - EXIT
done
echo "load after: $(uptime)" >&2
