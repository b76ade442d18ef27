#!/usr/bin/env bash
# bench/wms/run.sh: GetMap throughput of our WMS against MapServer 8 (FastCGI behind nginx) on the
# same PostGIS tables with equivalent styles (bench/wms/city.map), with wrk.
#
#   CITY_PGDATA=/work/main/var/pgdata bench/wms/run.sh
#
# Database wms_city (created and loaded with the `city` sample only when empty); our server on
# SERVER_PORT (8181) with -Xmx512m, MapServer on MS_PORT (8281). The same random-bbox request list
# (bench/wms/requests.py, EPSG:3857, image/png, all pipe networks + parcels + roads) is replayed
# per scale (1:1,000, 1:10,000, 1:50,000) and size (256×256, 1024×768) at concurrency 1, 4 and 16.
# Prints requests/s of both, the ratio ours/MapServer, p50/p95/p99 and our heap. Timings hold
# /work/bench.lock (BENCH_LOCK) so helpers sharing the machine do not measure at the same time.
#
# Knobs: DURATION (s per cell, 10), WARMUP (s per list and server, 3), SCALES, SIZES, CONCURRENCY,
# MS_PROCESSES (mapserv FastCGI processes, 4), SERVERS ("ours mapserver"), COUNT (requests per list),
# KEEP_SERVERS=1 leaves the servers it started running (for profiling between runs).
# CITY_SERVER_JAR=PATH runs that jar as "ours" (to compare two builds on one machine).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
DB=${WMS_DB:-wms_city}
SERVER_PORT=${SERVER_PORT:-8181}
MS_PORT=${MS_PORT:-8281}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-3}
SCALES=${SCALES:-"1000 10000 50000"}
SIZES=${SIZES:-"256x256 1024x768"}
CONCURRENCY=${CONCURRENCY:-"1 4 16"}
MS_PROCESSES=${MS_PROCESSES:-4}
SERVERS=${SERVERS:-"ours mapserver"}
COUNT=${COUNT:-500}
BENCH_LOCK=${BENCH_LOCK:-/work/bench.lock}
VAR="$ROOT/var/wms-bench"
mkdir -p "$VAR/lists"
say() { echo "[wms-bench] $*" >&2; }

# 1. Tools.
if ! command -v mapserv >/dev/null || ! command -v wrk >/dev/null || ! command -v spawn-fcgi >/dev/null \
    || ! command -v nginx >/dev/null; then
  say "installing MapServer, spawn-fcgi, nginx and wrk"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q cgi-mapserver mapserver-bin spawn-fcgi nginx-light wrk >/dev/null
fi

# 2. Data: wms_city with the city sample, loaded only when empty.
CITY_DB_NAME=$DB CITY_TEST_DB_NAME=$DB "$ROOT/scripts/db" start >/dev/null
URL=$("$ROOT/scripts/db" url "$DB")
segments=$(psql "$URL" -Atqc "SELECT count(*) FROM pipe_segment" 2>/dev/null || echo 0)
if [ "$segments" = 0 ]; then
  say "loading the city sample into $DB"
  DATABASE_URL=$URL "$ROOT/scripts/city" migrate >/dev/null
  DATABASE_URL=$URL "$ROOT/scripts/city" sample load --scale city >/dev/null
  psql "$URL" -qc "VACUUM ANALYZE"
fi
JAR=${CITY_SERVER_JAR:-$ROOT/server/target/city-server.jar}   # CITY_SERVER_JAR: another build's jar
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)

# 3. Servers (each stopped on exit if this script started it).
started=()
cleanup() {
  [ "${KEEP_SERVERS:-0}" = 1 ] && return 0
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  # mapserv under FastCGI ignores SIGTERM while it waits for a request.
  for pid in "${started[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
wait_http() {
  for _ in $(seq 1 120); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 1
  done
  say "$1 did not answer"; return 1
}
OURS=http://127.0.0.1:$SERVER_PORT
MS=http://127.0.0.1:$MS_PORT
if ! curl -sf -o /dev/null "$OURS/actuator/health"; then
  say "starting our server on $SERVER_PORT"
  SERVER_PORT=$SERVER_PORT DATABASE_URL=$URL java -Xmx512m -jar "$JAR" \
    >"$VAR/server.log" 2>&1 &
  started+=($!)
  wait_http "$OURS/actuator/health"
fi
SERVER_PID=$(ss -ltnpH "sport = :$SERVER_PORT" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
if ! curl -sf -o /dev/null "$MS/wms?SERVICE=WMS&REQUEST=GetCapabilities"; then
  say "starting MapServer ($MS_PROCESSES FastCGI processes) behind nginx on $MS_PORT"
  printf 'CONFIG\n  ENV\n    MS_MAPFILE "%s"\n  END\nEND\n' "$HERE/city.map" >"$VAR/mapserver.conf"
  rm -f "$VAR/mapserv.sock" "$VAR/mapserv.pid"
  MAPSERVER_CONFIG_FILE="$VAR/mapserver.conf" spawn-fcgi -s "$VAR/mapserv.sock" -M 0666 -F "$MS_PROCESSES" \
    -P "$VAR/mapserv.pid" -- /usr/lib/cgi-bin/mapserv >/dev/null
  mapfile -t fcgi < "$VAR/mapserv.pid"
  started+=("${fcgi[@]}")
  mkdir -p "$VAR/nginx"
  cat >"$VAR/nginx.conf" <<NGINX
daemon off;
worker_processes 1;
pid $VAR/nginx/nginx.pid;
error_log $VAR/nginx/error.log;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path $VAR/nginx;
  fastcgi_temp_path $VAR/nginx;
  proxy_temp_path $VAR/nginx;
  uwsgi_temp_path $VAR/nginx;
  scgi_temp_path $VAR/nginx;
  server {
    listen 127.0.0.1:$MS_PORT;
    location /wms {
      include /etc/nginx/fastcgi_params;
      fastcgi_pass unix:$VAR/mapserv.sock;
      fastcgi_keep_conn on;
      fastcgi_read_timeout 300s;
    }
  }
}
NGINX
  nginx -c "$VAR/nginx.conf" -p "$VAR/nginx" >"$VAR/nginx/stdout.log" 2>&1 &
  started+=($!)
  wait_http "$MS/wms?SERVICE=WMS&REQUEST=GetCapabilities"
fi

# 4. Request lists over the data extent.
read -r minx miny maxx maxy < <(psql "$URL" -Atqc "SELECT concat_ws(' ', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
  FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom), ST_SRID((SELECT geom FROM pipe_segment LIMIT 1))), 3857) e
  FROM pipe_segment) x")
lists=()
for scale in $SCALES; do
  for size in $SIZES; do
    f="$VAR/lists/${scale}_${size}.txt"
    python3 "$HERE/requests.py" "$scale" "${size%x*}" "${size#*x}" "$COUNT" "$scale" "$minx" "$miny" "$maxx" "$maxy" >"$f"
    lists+=("$f")
  done
done

# 5. Both must draw the same, non-blank maps.
if [[ " $SERVERS " == *" ours "* && " $SERVERS " == *" mapserver "* ]]; then
  say "checking images (non-blank, same layers)"
  layer_list="$VAR/lists/layers.txt"
  python3 "$HERE/requests.py" 10000 512 512 1 7 "$minx" "$miny" "$maxx" "$maxy" >"$layer_list"
  (cd "$HERE" && python3 check.py "$OURS" "$MS" "$layer_list" "${lists[@]}")
fi

# 6. Timings under the machine-wide lock.
heap_used_mb() {
  jcmd "$SERVER_PID" GC.heap_info | grep -o 'total [0-9]*K, used [0-9]*K' | head -1 | sed 's/[^0-9 ]//g' | awk '{print int($2/1024)}'
}
run_wrk() { # BASE LIST CONNECTIONS SECONDS
  local threads=$(( $3 < 2 ? $3 : 2 ))
  WMS_REQUESTS=$2 wrk -t "$threads" -c "$3" -d "$4s" --timeout 120s -s "$HERE/requests.lua" "$1" | grep '^RESULT' || true
}
field() { echo "$1" | grep -o "$2=[0-9.]*" | cut -d= -f2; }
exec 9>"$BENCH_LOCK"
say "waiting for $BENCH_LOCK"
flock 9
say "load before: $(uptime)"
printf '| scale | size | c | ours req/s | MapServer req/s | ratio | ours p50/p95/p99 ms | MapServer p50/p95/p99 ms | ours heap used MB |\n'
printf '|---|---|---:|---:|---:|---:|---|---|---:|\n'
for f in "${lists[@]}"; do
  name=$(basename "$f" .txt); scale=${name%%_*}; size=${name#*_}
  declare -A result=()
  for server in $SERVERS; do
    base=$OURS; [ "$server" = mapserver ] && base=$MS
    run_wrk "$base" "$f" 4 "$WARMUP" >/dev/null
    for c in $CONCURRENCY; do
      result[$server,$c]=$(run_wrk "$base" "$f" "$c" "$DURATION")
      [ "$server" = ours ] && result[heap,$c]=$(heap_used_mb)
    done
  done
  for c in $CONCURRENCY; do
    o=${result[ours,$c]:-}; m=${result[mapserver,$c]:-}
    ratio="–"
    if [ -n "$o" ] && [ -n "$m" ]; then ratio=$(awk -v a="$(field "$o" rps)" -v b="$(field "$m" rps)" 'BEGIN{if (b > 0) printf "%.2f", a/b; else printf "–"}'); fi
    lat() { [ -n "$1" ] && echo "$(field "$1" p50)/$(field "$1" p95)/$(field "$1" p99)" || echo "–"; }
    bad=""
    for r in "$o" "$m"; do
      if [ -n "$r" ] && { [ "$(field "$r" non200)" != 0 ] || [ "$(field "$r" errors)" != 0 ]; }; then bad=" (errors: $r)"; fi
    done
    printf '| 1:%s | %s | %s | %s | %s | %s | %s | %s | %s |%s\n' "$scale" "$size" "$c" "$(field "$o" rps)" \
      "$(field "$m" rps)" "$ratio" "$(lat "$o")" "$(lat "$m")" "${result[heap,$c]:-–}" "$bad"
  done
  unset result
done
say "load after: $(uptime)"
flock -u 9
if [ -n "${SERVER_PID:-}" ]; then
  say "our heap (java -Xmx512m; GC.heap_info):"
  jcmd "$SERVER_PID" GC.heap_info >&2
fi
