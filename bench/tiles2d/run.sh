#!/usr/bin/env bash
# bench/tiles2d/run.sh: 2D tiles of our server against MapProxy 1.15 (Debian package, served by
# gunicorn, a production WSGI server) caching our own WMS, on the `city` sample.
#
#   CITY_PGPORT=55432 SERVER_PORT=8182 MP_PORT=8282 bench/tiles2d/run.sh
#   CITY_PGPORT=55432 SERVER_PORT=8182 PARTS=cold bench/tiles2d/run.sh   # part 3 only, no MapProxy
#
# Database tiles_city of the local cluster (created and loaded with the `city` sample only when it
# holds no pipes), our server on SERVER_PORT (-Xmx512m, tile store in var/tiles2d-bench/store),
# MapProxy on MP_PORT (MP_WORKERS gunicorn sync workers, file cache, 4×4 metatiles with a 32 px
# buffer, as ours) whose source is our /wms. The tiles: a SIDE × SIDE block of level ZOOM (16) of
# WebMercatorQuad on the 4 × 4 metatile grid near the centre of the water network, layer pipe_js.
# Prints, under BENCH_LOCK (/work/bench.lock, when its folder exists):
#   1. seeding the block: `city tiles seed` (a job in our server, one metatile at a time) vs
#      `mapproxy-seed -c 2` (two processes, each asking our WMS for a 1,088 px metatile), tiles/s;
#   2. cached tiles: wrk at CONNECTIONS (16) connections for DURATION s on both, requests/s and
#      latency percentiles (ms), every tile fetched once from both first;
#   3. cold vector tiles (ColdMvt.java, COLD_ROUNDS rounds, medians): the block's MVT tiles fetched
#      one after another after `city tiles truncate`, then again from the cache, against the bare
#      ST_AsMVT statements of the same tiles (pg_tileserv's shape) run one after another on one
#      JDBC connection; both clients in one JVM, so neither side pays a client's per-request time
#      the other does not; the ratio cold ÷ SQL, and the CPU time per tile of the server JVM, the
#      database backends and the client (load-independent where wall times are not);
# PARTS (default seed,cached,cold) chooses the parts; then the targets of issue 18 (p95 ≤ 5 ms and
# ≥ 2× MapProxy's requests/s; cold MVT ≤ 1.2× the bare SQL) of the parts run, with the figures,
# and the load average before and after each part (the machine is shared).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
# shellcheck source=../../scripts/lib.sh
. "$ROOT/scripts/lib.sh"   # need_cmd; its say() is replaced below
DB=${TILES_DB:-tiles_city}
SERVER_PORT=${SERVER_PORT:-8182}
MP_PORT=${MP_PORT:-8282}
MP_WORKERS=${MP_WORKERS:-4}
ZOOM=${ZOOM:-16}
SIDE=${SIDE:-16}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-16}
COLD_ROUNDS=${COLD_ROUNDS:-5}
PARTS=${PARTS:-seed,cached,cold}
BENCH_LOCK=${BENCH_LOCK:-/work/bench.lock}
[ -d "$(dirname "$BENCH_LOCK")" ] || BENCH_LOCK="$ROOT/var/bench.lock"
VAR="$ROOT/var/tiles2d-bench"
PY=/usr/bin/python3
mkdir -p "$VAR"
say() { echo "[tiles2d-bench] $*" >&2; }
load() { echo "load $(cut -d' ' -f1-3 /proc/loadavg)"; }
part() { [[ ",$PARTS," == *",$1,"* ]]; }   # part NAME: whether PARTS names it
mapproxy=false
if part seed || part cached; then mapproxy=true; fi

# 1. Tools (Debian 12: MapProxy 1.15.1, gunicorn 20.1, wrk 4.1).
if $mapproxy; then
  need_cmd mapproxy-seed mapproxy
  need_cmd gunicorn gunicorn
  need_cmd wrk wrk
fi
need_cmd psql postgresql-client
need_cmd curl curl
need_cmd bc bc
need_cmd python3 python3
need_build   # RUN_JAR: a copy of the server jar, built when sources are newer
if part cold; then   # ColdMvt.java runs on gis-data's classes and dependencies (pgjdbc)
  (cd "$ROOT" && mvn -B -q -pl gis-data dependency:build-classpath -Dmdep.outputFile="$VAR/cold.cp" >/dev/null)
  COLD_CP="$ROOT/gis-data/target/classes:$(cat "$VAR/cold.cp")"
fi

# 2. Data.
CITY_DB_NAME=$DB CITY_TEST_DB_NAME=$DB "$ROOT/scripts/db" start >/dev/null
URL=$("$ROOT/scripts/db" url "$DB")
segments=$(psql "$URL" -Atqc "SELECT count(*) FROM pipe_segment" 2>/dev/null || echo 0)
if [ "$segments" = 0 ]; then
  say "loading the city sample into $DB"
  DATABASE_URL=$URL "$ROOT/scripts/city" migrate >/dev/null
  DATABASE_URL=$URL "$ROOT/scripts/city" sample load --scale city >/dev/null
  psql "$URL" -qc "VACUUM ANALYZE"
fi
DATABASE_URL=$URL "$ROOT/scripts/city" migrate >/dev/null

# 3. Servers (stopped on exit).
started=()
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
wait_http() {
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "$1" && return 0
    sleep 1
  done
  say "$1 did not answer"; return 1
}
OURS=http://127.0.0.1:$SERVER_PORT
MP=http://127.0.0.1:$MP_PORT
rm -rf "$VAR/store" "$VAR/mapproxy-cache"
say "starting our server on $SERVER_PORT"
# no 3D Tiles warm-up: on the `city` sample it builds pipe contents for minutes in the background
SERVER_PORT=$SERVER_PORT DATABASE_URL=$URL CITY_TILES_CACHE_DIR="$VAR/store" CITY_TILES_WARM_UP_TIMEOUT=0s \
  java -Xmx512m -jar "$RUN_JAR" >"$VAR/server.log" 2>&1 &
ours_pid=$!
started+=($!)
wait_http "$OURS/actuator/health"
if $mapproxy; then
cat >"$VAR/mapproxy.yaml" <<YAML
services:
  wmts:
    restful: true
    kvp: true
layers:
  - name: pipe_js
    title: water pipes
    sources: [pipe_js_cache]
caches:
  pipe_js_cache:
    grids: [webmercator]
    sources: [ours_wms]
    meta_size: [4, 4]
    meta_buffer: 32
    cache:
      type: file
      directory: $VAR/mapproxy-cache
sources:
  ours_wms:
    type: wms
    req:
      url: $OURS/wms
      layers: pipe_js
      transparent: true
    supported_srs: ['EPSG:3857']
grids:
  webmercator:
    base: GLOBAL_WEBMERCATOR
globals:
  image:
    paletted: false   # 32-bit PNG as ours (MapProxy's default quantises to 256 colours)
    formats:
      image/png:
        transparent: true
YAML
cat >"$VAR/mapproxy_app.py" <<PYAPP
from mapproxy.wsgiapp import make_wsgi_app
application = make_wsgi_app('$VAR/mapproxy.yaml')
PYAPP
say "starting MapProxy ($MP_WORKERS gunicorn workers) on $MP_PORT"
gunicorn -w "$MP_WORKERS" -b "127.0.0.1:$MP_PORT" --chdir "$VAR" mapproxy_app:application \
  >"$VAR/gunicorn.log" 2>&1 &
mp_pid=$!
started+=($!)
wait_http "$MP/wmts/1.0.0/WMTSCapabilities.xml"
fi

# 4. The tiles: a block around the centre of the water network.
read -r lon lat < <(psql "$URL" -Atqc "SELECT ST_X(c) || ' ' || ST_Y(c) FROM (SELECT ST_Transform(ST_SetSRID(
  ST_Centroid(ST_Extent(geom)::geometry), ST_SRID((SELECT geom FROM pipe_segment LIMIT 1))), 4490) c
  FROM pipe_segment WHERE network = 'JS') x")
for kind in ours mapproxy mvt sql; do
  $PY "$HERE/tiles.py" "$lon" "$lat" "$ZOOM" "$SIDE" $kind >"$VAR/$kind.txt"
done
BBOX=$($PY "$HERE/tiles.py" "$lon" "$lat" "$ZOOM" "$SIDE" bbox)
IFS=, read -r w s e n <<<"$BBOX"
cat >"$VAR/seed.yaml" <<YAML
seeds:
  block:
    caches: [pipe_js_cache]
    grids: [webmercator]
    levels: [$ZOOM]
    coverages: [block]
coverages:
  block:
    bbox: [$w, $s, $e, $n]
    srs: 'EPSG:4326'
YAML
tiles=$((SIDE * SIDE))
say "$tiles tiles at level $ZOOM around $lon, $lat ($BBOX)"

# 5. Timings under the machine-wide lock.
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<<"$2"; }   # field NAME "RESULT a=1 b=2"
exec 9>"$BENCH_LOCK"
say "waiting for $BENCH_LOCK"
flock 9
if part seed; then
  say "warming both render paths: our seeding of level $((ZOOM - 1)) over the block"
  DATABASE_URL=$URL "$ROOT/scripts/city" tiles seed --layer pipe_js --zoom $((ZOOM - 1)) --bbox "$BBOX" >/dev/null 2>&1
  echo "== seeding $tiles tiles (level $ZOOM, $((tiles / 16)) metatiles) — $(load)"
  t0=$(date +%s.%N)
  seed=$(DATABASE_URL=$URL "$ROOT/scripts/city" tiles seed --layer pipe_js --zoom "$ZOOM" --bbox "$BBOX" 2>/dev/null \
    | grep '^{"tiles"')
  t1=$(date +%s.%N)
  echo "ours: $seed (command wall $(echo "$t1 - $t0" | bc) s: CLI JVM start-up and the queue's 0.5 s polling included)"
  t0=$(date +%s.%N)
  mapproxy-seed -q -f "$VAR/mapproxy.yaml" -s "$VAR/seed.yaml" -c 2 --seed ALL >"$VAR/mapproxy-seed.log" 2>&1
  t1=$(date +%s.%N)
  mp_tiles=$(find "$VAR/mapproxy-cache" -name '*.png' | wc -l)
  mp_seed=$(echo "scale=1; $mp_tiles / ($t1 - $t0)" | bc)
  echo "mapproxy-seed -c 2: $mp_tiles tiles stored in $(echo "$t1 - $t0" | bc) s ($mp_seed tiles/s)"
  echo "   $(load)"

  echo "first read of the seeded tiles, one connection: ours $($PY "$HERE/fetch.py" "$OURS" "$VAR/ours.txt")"
  echo "   mapproxy $($PY "$HERE/fetch.py" "$MP" "$VAR/mapproxy.txt")"
fi

if part cached; then
  echo "== cached tiles, wrk -c $CONNECTIONS -d ${DURATION}s — $(load)"
  # CPU time of the serving processes per request (load-independent: on a busy machine the
  # latencies mostly measure the wait for a core): ours the JVM, MapProxy gunicorn and its workers
  cpu_ticks() {
    local t=0 p f
    for p in "$@"; do read -r -a f <"/proc/$p/stat"; t=$((t + f[13] + f[14])); done
    echo "$t"
  }
  declare -A cached
  for who in ours mapproxy; do
    base=$OURS; pids=$ours_pid
    [ $who = mapproxy ] && base=$MP && pids="$mp_pid $(pgrep -P "$mp_pid" | tr '\n' ' ')"
    # a JVM compiles the hot path after some thousands of requests: one untimed run first, for both
    WMS_REQUESTS="$VAR/$who.txt" wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 30s \
      -s "$ROOT/bench/wms/requests.lua" "$base" >/dev/null
    c0=$(cpu_ticks $pids)
    cached[$who]=$(WMS_REQUESTS="$VAR/$who.txt" wrk -t 2 -c "$CONNECTIONS" -d "${DURATION}s" --timeout 30s \
      -s "$ROOT/bench/wms/requests.lua" "$base" | grep '^RESULT')
    c1=$(cpu_ticks $pids)
    cpu_ms=$(echo "scale=3; ($c1 - $c0) * 1000 / $(getconf CLK_TCK) / $(field requests "${cached[$who]}")" | bc)
    echo "$who: ${cached[$who]} cpu_ms_per_request=$cpu_ms"
  done
  echo "   $(load)"
fi

if part cold; then
  echo "== cold vector tiles ($tiles, one after another, $COLD_ROUNDS rounds) — $(load)"
  SERVER_PID=$ours_pid java -cp "$COLD_CP" "$HERE/ColdMvt.java" "$OURS" "$URL" "$VAR/mvt.txt" "$VAR/sql.txt" "$COLD_ROUNDS" \
    env DATABASE_URL="$URL" "$ROOT/scripts/city" tiles truncate --layer pipe_js --zoom "$ZOOM" --bbox "$BBOX" \
    2>"$VAR/cold.log" | tee "$VAR/cold.txt" || { cat "$VAR/cold.log" >&2; exit 1; }
  cold=$(grep '^RESULT' "$VAR/cold.txt")
  echo "   $(load)"
fi

echo "== targets (issue 18)"
if part cached; then
  ours_rps=$(field rps "${cached[ours]}")
  mp_rps=$(field rps "${cached[mapproxy]}")
  echo "cached p95 ours $(field p95 "${cached[ours]}") ms (≤ 5 ms); requests/s ours ÷ MapProxy" \
    "$(echo "scale=2; $ours_rps / $mp_rps" | bc) (≥ 2)"
fi
if part cold; then
  echo "cold vector tiles ours ÷ bare ST_AsMVT $(field ratio "$cold") (≤ 1.2; less the cached pass" \
    "$(field build_ratio "$cold"))"
fi
if part seed; then
  echo "seeding tiles/s ours $(sed -n 's/.*"tilesPerSecond":\([0-9.]*\).*/\1/p' <<<"$seed" | cut -c1-6), mapproxy-seed -c 2 $mp_seed"
fi
