#!/usr/bin/env bash
# bench/wfs/stream2m.sh: the streaming proof. Fills database wfs_2m with 2,000,000 pipe points
# (bench/wfs/fill2m.sql, once), starts the server with -Xmx256m on port 8182 (GC log in
# var/bench-wfs/), downloads every feature as GeoJSON and GML 3.2 through WFS 2.0 and as GeoJSON
# through OGC API Features, counts the features in each response and prints the heap figures.
# Environment: CITY_PGDATA (shared cluster), PORT (default 8182), DB (default wfs_2m).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
PORT="${PORT:-8182}"
DB="${DB:-wfs_2m}"
N=2000000
OUT="$ROOT/var/bench-wfs"
mkdir -p "$OUT"
[ -f "$SERVER_JAR" ] || mvn -B -q -Dskip.web=true -DskipTests package -pl server -am
URLDB="$(local_url "$DB")"
have=$(scripts/db psql "$DB" -Atc "SELECT count(*) FROM pipe_point WHERE valid_to IS NULL" 2>/dev/null || echo none)
if [ "$have" != "$N" ]; then
  say "filling $DB with $N pipe points"
  scripts/db reset "$DB" >/dev/null
  DATABASE_URL="$URLDB" java -jar "$SERVER_JAR" migrate 2>&1 | grep -v INFO || true
  scripts/db psql "$DB" -q -v ON_ERROR_STOP=1 -f bench/wfs/fill2m.sql
fi

GC_LOG="$OUT/stream2m-gc.log"
SERVER_PORT="$PORT" DATABASE_URL="$URLDB" java -Xmx256m -XX:+HeapDumpOnOutOfMemoryError \
  -XX:HeapDumpPath="$OUT" -Xlog:gc:file="$GC_LOG" -Dcity.ogcapi.max-limit=$N \
  -jar "$SERVER_JAR" >"$OUT/stream2m-server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 300); do
  curl -sf -m 5 "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  kill -0 $PID 2>/dev/null || die "the server stopped: $(grep -m1 -E 'Error|Exception' "$OUT/stream2m-server.log")"
  sleep 1
done
curl -sf -m 5 "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null || die "the server is not ready after 300 s"

BASE="http://127.0.0.1:$PORT"
fetch() { # name url marker: streams the response through a counter, never to disk
  local name=$1 url=$2 marker=$3 start end n
  start=$(date +%s.%N)
  n=$(curl -sfS --compressed "$url" | python3 "$ROOT/bench/wfs/count.py" "$marker")
  end=$(date +%s.%N)
  printf '%-22s %9d features %7.1f s %8.0f features/s  %s\n' "$name" "$n" "$(echo "$end - $start" | bc)" \
    "$(echo "$n / ($end - $start)" | bc)" "$([ "$n" = "$N" ] && echo OK || echo "COUNT MISMATCH (want $N)")"
}
WFS="$BASE/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=city:pipe_point&COUNT=$N"
fetch "WFS GeoJSON" "$WFS&OUTPUTFORMAT=application/json" '"type":"Feature"'
fetch "WFS GML 3.2" "$WFS" '<wfs:member>'
fetch "OGC API items GeoJSON" "$BASE/ogcapi/collections/pipe_point/items?limit=$N&f=json" '"type":"Feature"'

alive=$(kill -0 $PID 2>/dev/null && echo yes || echo no)
echo "server alive after the downloads: $alive; OutOfMemoryError in log: $(grep -c OutOfMemoryError "$OUT/stream2m-server.log" || true)"
jcmd $PID GC.heap_info 2>/dev/null | sed -n 1,4p || true
# heap before and after each collection and the committed heap, from the GC log (MB)
grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$GC_LOG" | sed 's/M//g; s/->/ /; s/(/ /; s/)//' | awk '
  { if ($1 > b) b = $1; if ($2 > a) a = $2; if ($3 > c) c = $3; n++ }
  END { printf "GC log: %d collections; max heap before GC %d MB, after GC %d MB, committed %d MB (limit -Xmx256m)\n", n, b, a, c }'
