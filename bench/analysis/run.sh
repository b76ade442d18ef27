#!/usr/bin/env bash
# bench/analysis/run.sh [DB] [requests] [clearance-runs] [scale]: the analysis benchmark through
# HTTP (AnalysisBench.java), one command. Builds the server jar (or takes JAR=path, e.g. an earlier
# commit's, for a before/after on the same database), starts the project-local PostgreSQL, loads
# the sample of the scale (default city) into DB (default analysis_<scale>) when DB holds no pipes
# yet (RELOAD=1 reloads it; a few minutes for `city`), starts the server on DB with the shipped
# configuration (application.yml; SERVER_PORT, default 18180), waits for readiness, runs the
# driver, stops the server. Prints the load average before and after. Do not run it under nice.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/lib.sh
SCALE="${4:-city}"
DB="${1:-analysis_$SCALE}"
PORT="${SERVER_PORT:-18180}"
WORK="$ROOT/var/bench-analysis"
mkdir -p "$WORK"
use_jar
mvn -B -q -pl gis-data dependency:build-classpath -Dmdep.outputFile="$WORK/bench.cp" >/dev/null
CP="gis-data/target/classes:$(cat "$WORK/bench.cp")"
URL="$(local_url "$DB")"

scripts/db start >/dev/null
if [ "${RELOAD:-0}" = 1 ] \
    || [ "$(scripts/db psql "$DB" -Atc "SELECT to_regclass('pipe_segment') IS NOT NULL AND EXISTS (SELECT 1 FROM pipe_segment)" 2>/dev/null)" != t ]; then
  say "loading the $SCALE sample into $DB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
  scripts/db reset "$DB" >/dev/null
  java -jar "$JAR" sample load --scale "$SCALE" --database-url "$URL" 2>&1 | grep -v INFO | tail -2
fi

LOG="$WORK/server.log"
DATABASE_URL="$URL" SERVER_PORT="$PORT" CITY_TILES_CACHE_DIR="$(mktemp -d)" java -jar "$JAR" >"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null && break
  kill -0 $SERVER 2>/dev/null || { cat "$LOG"; exit 1; }
  sleep 1
done
say "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" bench/analysis/AnalysisBench.java "http://127.0.0.1:$PORT" "$URL" "${2:-300}" "${3:-5}"
say "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
