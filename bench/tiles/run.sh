#!/usr/bin/env bash
# bench/tiles/run.sh [DB]: the 3D Tiles benchmark on the `city` sample (`sample load --scale city`:
# 289k pipe segments, 272k pipe points, 804 stations with 4,692 sectors, 4,291 parcels) in the
# database DB (default city_tiles), loaded when it holds no pipes yet.
# Prints: export throughput and sizes (tiles-export of the `city` tileset, 2 threads, wall time
# from the exporter's own clock, JVM start-up excluded, and the whole command's time), then
# cold/warm latency, sizes and the city-wide request count from bench.py against a freshly
# started server with empty memory and disk caches. With CITY_PGDATA set, scripts/db uses that
# cluster (as every shared-machine run must).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
DB="${1:-city_tiles}"
PORT="${PORT:-18573}"
WORK="${WORK:-$ROOT/var/bench-tiles}"
URL="$(local_url "$DB")"
mkdir -p "$WORK"
cp "$SERVER_JAR" "$WORK/city-server.jar"   # a private copy: the build may replace the jar meanwhile
JAR="$WORK/city-server.jar"

if [ "$("$ROOT/scripts/db" psql "$DB" -Atc "SELECT to_regclass('pipe_segment') IS NOT NULL" 2>/dev/null)" != t ] \
   || [ "$("$ROOT/scripts/db" psql "$DB" -Atc "SELECT count(*) > 0 FROM pipe_segment")" != t ]; then
  say "loading the city sample into $DB"
  "$ROOT/scripts/db" reset "$DB" >/dev/null
  java -jar "$JAR" migrate --database-url "$URL" >/dev/null 2>&1
  java -jar "$JAR" sample load --scale city --database-url "$URL" 2>&1 | grep -v INFO | tail -2
fi
"$ROOT/scripts/db" psql "$DB" -c "ANALYZE pipe_segment; ANALYZE pipe_point; ANALYZE base_station; ANALYZE antenna_sector; ANALYZE zoning_parcel" >/dev/null
say "rows: $("$ROOT/scripts/db" psql "$DB" -Atc "SELECT (SELECT count(*) FROM pipe_segment) || ' pipe segments, ' || (SELECT count(*) FROM pipe_point) || ' pipe points, ' || (SELECT count(*) FROM base_station) || ' stations, ' || (SELECT count(*) FROM antenna_sector) || ' sectors, ' || (SELECT count(*) FROM zoning_parcel) || ' parcels'")"

say "load before export: $(uptime)"
rm -rf "$WORK/export"
START=$(date +%s.%N)
java -jar "$JAR" tiles-export --tileset city --out "$WORK/export" --threads 2 --database-url "$URL" 2>&1 \
  | tr '\r' '\n' | grep 'features/s'
say "tiles-export command (JVM start-up included): $(echo "$(date +%s.%N) - $START" | bc) s; load: $(uptime)"

rm -rf "$WORK/cache"
# The memory cache holds the whole city (~0.9 GB of glb) so the second pass measures memory hits.
CITY_TILES_MEMORY_MB="${CITY_TILES_MEMORY_MB:-1536}" DATABASE_URL="$URL" SERVER_PORT="$PORT" CITY_TILES_CACHE_DIR="$WORK/cache" java -jar "$JAR" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
python3 "$(dirname "$0")/bench.py" "http://127.0.0.1:$PORT" city
say "load after latency passes: $(uptime)"
