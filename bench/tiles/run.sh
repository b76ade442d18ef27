#!/usr/bin/env bash
# bench/tiles/run.sh [N]: the 3D Tiles benchmark on the `city` tileset.
# Data: the tile test fixture (server/src/test/resources/tiles3d/fixture.sql) scaled to an
# (N+1) × (N+1) street grid (default N = 40: about 14.6 km × 17.8 km, ~18,000 features) in the
# database city_tiles, until the sample generator (`sample load --scale city`) is available.
# Prints: export throughput and sizes (tiles-export, 2 threads), then cold/warm latency, sizes and
# the city-wide request count from bench.py against a freshly started server (empty caches).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
N="${1:-40}"
DB=city_tiles
PORT="${PORT:-18573}"
WORK="${WORK:-$ROOT/var/bench-tiles}"
URL="$(local_url $DB)"
mkdir -p "$WORK"
cp "$SERVER_JAR" "$WORK/city-server.jar"   # a private copy: the build may replace the jar meanwhile
JAR="$WORK/city-server.jar"

"$ROOT/scripts/db" reset "$DB" >/dev/null
java -jar "$JAR" migrate --database-url "$URL" >/dev/null
"$ROOT/scripts/db" psql "$DB" -c "SET fx.n = $N" -f "$ROOT/server/src/test/resources/tiles3d/fixture.sql" >/dev/null
"$ROOT/scripts/db" psql "$DB" -c "ANALYZE pipe_segment; ANALYZE pipe_point; ANALYZE base_station; ANALYZE antenna_sector; ANALYZE zoning_parcel" >/dev/null
say "features: $("$ROOT/scripts/db" psql "$DB" -Atc "SELECT (SELECT count(*) FROM pipe_segment) + (SELECT count(*) FROM pipe_point) + (SELECT count(*) FROM base_station) + (SELECT count(*) FROM antenna_sector) + (SELECT count(*) FROM zoning_parcel)")"

rm -rf "$WORK/export"
java -jar "$JAR" tiles-export --tileset city --out "$WORK/export" --threads 2 --database-url "$URL" 2>/dev/null

rm -rf "$WORK/cache"
DATABASE_URL="$URL" SERVER_PORT="$PORT" CITY_TILES_CACHE_DIR="$WORK/cache" java -jar "$JAR" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
python3 "$(dirname "$0")/bench.py" "http://127.0.0.1:$PORT" city
