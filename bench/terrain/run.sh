#!/usr/bin/env bash
# bench/terrain/run.sh [DB]: quantized-mesh terrain tile latency on the `city` sample (DEM of
# 10.6 x 10.6 km at 4 m, loaded with the sample) in the database DB (default city_terrain),
# loaded when it holds no DEM yet. Starts the shipped server jar with an empty tile cache and
# runs bench.py against it, once its start-up database reads have settled: cold (built from
# PostGIS) and warm (memory cache) p95 over HTTP.
# Prints the sample load time when it loads, and the load average with every figure.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
DB="${1:-city_terrain}"
PORT="${PORT:-18574}"
WORK="${WORK:-$ROOT/var/bench-terrain}"
URL="$(local_url "$DB")"
mkdir -p "$WORK"
need_build
cp "$SERVER_JAR" "$WORK/city-server.jar"   # a private copy: the build may replace the jar meanwhile
JAR="$WORK/city-server.jar"

"$ROOT/scripts/db" start >/dev/null
if [ "$("$ROOT/scripts/db" psql "$DB" -Atc "SELECT to_regclass('dem') IS NOT NULL AND EXISTS (SELECT 1 FROM dem)" 2>/dev/null)" != t ]; then
  say "loading the city sample into $DB; load: $(uptime)"
  "$ROOT/scripts/db" reset "$DB" >/dev/null
  START=$(date +%s.%N)
  java -jar "$JAR" sample load --scale city --database-url "$URL" 2>&1 | grep -v INFO | tail -2
  say "sample load --scale city: $(echo "$(date +%s.%N) - $START" | bc) s (JVM start-up included); load: $(uptime)"
fi

rm -rf "$WORK/cache"
DATABASE_URL="$URL" SERVER_PORT="$PORT" CITY_TILES_CACHE_DIR="$WORK/cache" CITY_TILES_WARM_UP_TIMEOUT=0s \
  java -jar "$JAR" >"$WORK/server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
  sleep 1
done
# The server reads the WMS layer extents and the 3D Tiles extents in the background after it
# answers (one scan per layer, 88a9f26): wait until its database sessions are idle for 3 s, so the
# tiles are measured on a settled server and not against its start-up scans (at most SETTLE_MAX s).
settled=0; waited=0
while [ "$settled" -lt 3 ] && [ "$waited" -lt "${SETTLE_MAX:-300}" ]; do
  busy=$("$ROOT/scripts/db" psql "$DB" -Atc "SELECT count(*) FROM pg_stat_activity
    WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()")
  if [ "$busy" = 0 ]; then settled=$((settled + 1)); else settled=0; fi
  sleep 1; waited=$((waited + 1))
done
say "server start-up reads settled after ${waited} s"
say "load before: $(uptime)"
python3 "$(dirname "$0")/bench.py" "http://127.0.0.1:$PORT" "${TILES:-300}"
say "load after: $(uptime)"
