#!/usr/bin/env bash
# bench/wfs/run.sh: time streaming whole layers (pipe_js ≈ 54k features; all six pipe_* ≈ 289k)
# as GeoJSON and GML 3.2 from our WFS (port 8182), from MapServer 8's WFS on the same table
# (bench/wfs/wfs.map, FastCGI behind nginx on 8282) and from ogr2ogr reading PostGIS directly (the
# floor). Loads the `city` sample into wfs_city when it is empty. Prints features/s per case (best
# of RUNS, default 3). Hold the machine's bench lock: flock /work/bench.lock bench/wfs/run.sh
# Environment: CITY_PGDATA (shared cluster), PORT (8182), MS_PORT (8282), DB (wfs_city), RUNS.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
PORT="${PORT:-8182}"; DB="${DB:-wfs_city}"; RUNS="${RUNS:-3}"
OUT="$ROOT/var/bench-wfs"; mkdir -p "$OUT"
need_cmd mapserv mapserver-bin; need_cmd spawn-fcgi spawn-fcgi; need_cmd nginx nginx-light
[ -x /usr/lib/cgi-bin/mapserv ] || apt_install cgi-mapserver
[ -f "$SERVER_JAR" ] || mvn -B -q -Dskip.web=true -DskipTests package -pl server -am
URLDB="$(local_url "$DB")"
rows=$(scripts/db psql "$DB" -Atc "SELECT count(*) FROM pipe_segment" 2>/dev/null || echo 0)
if [ "$rows" = 0 ]; then
  scripts/db reset "$DB" >/dev/null
  DATABASE_URL="$URLDB" java -jar "$SERVER_JAR" migrate 2>&1 | grep -v INFO || true
  DATABASE_URL="$URLDB" java -jar "$SERVER_JAR" sample load --scale city 2>&1 | grep -v INFO || true
fi
PG="host=$CITY_PGHOST port=$CITY_PGPORT dbname=$DB user=$CITY_DB_USER password=$CITY_DB_PASSWORD"

pids=(); ms_pids=()
# mapserv's FastCGI loop only notes SIGTERM and waits for a next request: stop it with SIGKILL
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
            for p in "${ms_pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
            [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT
SERVER_PORT="$PORT" DATABASE_URL="$URLDB" java -Xmx512m -jar "$SERVER_JAR" >"$OUT/run-server.log" 2>&1 &
pids+=($!)
sed "s|@WFS_PG@|$PG|" bench/wfs/wfs.map >"$OUT/wfs.map"
sed "s|@OUT@|$OUT|g" bench/wfs/nginx.conf >"$OUT/nginx.conf"
sed "s|@OUT@|$OUT|g" bench/wfs/mapserver.conf >"$OUT/mapserver.conf"
# two FastCGI mapserv processes; their PIDs come from spawn-fcgi's own report
ms_pids=($(MAPSERVER_CONFIG_FILE="$OUT/mapserver.conf" spawn-fcgi -a 127.0.0.1 -p 9282 -F 2 -- /usr/lib/cgi-bin/mapserv 2>&1 \
  | sed -n 's/.*PID: \([0-9]*\).*/\1/p'))
[ ${#ms_pids[@]} -eq 2 ] || die "spawn-fcgi did not start two mapserv processes (port 9282 busy?)"
nginx -c "$OUT/nginx.conf"
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/actuator/health" >/dev/null && break; sleep 1; done

count() { scripts/db psql "$DB" -Atc "SELECT count(*) FROM pipe_segment WHERE valid_to IS NULL $1"; }
# time_case NAME EXPECTED MARKER COMMAND...: best wall time of RUNS, the marker counted in the output
time_case() {
  local name=$1 want=$2 marker=$3; shift 3
  local best=999999 n=0 s e t
  for _ in $(seq "$RUNS"); do
    s=$(date +%s.%N); n=$("$@" | python3 "$ROOT/bench/wfs/count.py" "$marker"); e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc); (( $(echo "$t < $best" | bc) )) && best=$t
  done
  printf '%-34s %7d features %7.2f s %9.0f features/s %s\n' "$name" "$n" "$best" "$(echo "$n / $best" | bc)" \
    "$([ "$n" = "$want" ] && echo OK || echo "COUNT MISMATCH (database: $want)")"
}
ours="http://127.0.0.1:$PORT/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=5000000"
ms="http://127.0.0.1:8282/mapserv?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
all="city:pipe_js,city:pipe_ps,city:pipe_rq,city:pipe_rl,city:pipe_dl,city:pipe_tx"
js=$(count "AND network = 'JS'"); seg=$(count "")
# warm-up (JIT, connection pools, MapServer processes): one small page of each case, not timed
for f in application/json text/xml; do curl -sfS -o /dev/null "$ours&TYPENAMES=city:pipe_js&COUNT=2000&OUTPUTFORMAT=$f"; done
for f in geojson application/gml%2Bxml%3B%20version%3D3.2; do curl -sfS -o /dev/null "$ms&TYPENAMES=pipe_js&COUNT=2000&OUTPUTFORMAT=$f"; done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); runs: $RUNS (best)"
for layer in js all; do
  if [ $layer = js ]; then want=$js; t="city:pipe_js"; mt=pipe_js; where="network = 'JS' AND valid_to IS NULL"
  else want=$seg; t="$all"; mt=pipe_segment; where="valid_to IS NULL"; fi
  time_case "ours GeoJSON $mt" "$want" '"type":"Feature"' curl -sfS "$ours&TYPENAMES=$t&OUTPUTFORMAT=application/json"
  time_case "ours GML 3.2 $mt" "$want" '<wfs:member>' curl -sfS "$ours&TYPENAMES=$t"
  time_case "MapServer GeoJSON $mt" "$want" '"type": "Feature"' curl -sfS "$ms&TYPENAMES=$mt&OUTPUTFORMAT=geojson"
  time_case "MapServer GML 3.2 $mt" "$want" '<wfs:member>' curl -sfS "$ms&TYPENAMES=$mt"
  time_case "ogr2ogr PG GeoJSON $mt (floor)" "$want" '"type": "Feature"' \
    ogr2ogr -f GeoJSON /vsistdout/ "PG:$PG" -sql "SELECT * FROM pipe_segment WHERE $where"
  time_case "ogr2ogr PG GML 3.2 $mt (floor)" "$want" '<ogr:featureMember>' \
    ogr2ogr -f GML /vsistdout/ "PG:$PG" -dsco FORMAT=GML3.2 -sql "SELECT * FROM pipe_segment WHERE $where"
done
