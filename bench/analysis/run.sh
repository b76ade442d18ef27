#!/usr/bin/env bash
# bench/analysis/run.sh [DB] [requests] [clearance-runs]: the analysis benchmark through HTTP
# (AnalysisBench.java). Builds the server jar, starts it on DB with the shipped configuration
# (application.yml; SERVER_PORT, default 18180), waits for readiness, runs the driver, stops it.
# The database must hold a loaded city: `scripts/db reset city_ana`, then
# `DATABASE_URL=$(scripts/db url city_ana) scripts/city migrate` and `... scripts/city sample load --scale city`.
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:-city_ana}"
PORT="${SERVER_PORT:-18180}"
source scripts/lib.sh
need_build
mvn -B -q -pl gis-data dependency:build-classpath -Dmdep.outputFile=/tmp/analysis-bench.cp >/dev/null
CP="gis-data/target/classes:$(cat /tmp/analysis-bench.cp)"
LOG="$(mktemp /tmp/analysis-bench-server.XXXXXX.log)"
DATABASE_URL="$(scripts/db url "$DB")" SERVER_PORT="$PORT" CITY_TILES_CACHE_DIR="$(mktemp -d)" \
  java -jar "$SERVER_JAR" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 1
done
java -cp "$CP" bench/analysis/AnalysisBench.java "http://127.0.0.1:$PORT" "$(scripts/db url "$DB")" "${2:-300}" "${3:-5}"
