#!/usr/bin/env bash
# web/e2e/run.sh: the viewer's browser end-to-end tests against the real server.
#   web/e2e/run.sh                  # own database city_e2e in the local cluster, sample data, port 18080
#   DATABASE_URL=… web/e2e/run.sh   # an existing database (migrated and loaded here when empty)
# Environment: DATABASE_URL, CITY_E2E_PORT (18080), CITY_E2E_DATA (sample | fixture: the small
# analysis fixture street, for when the sample generator is not built), SERVER_JAR, CHROMIUM.
# Starts the server jar, runs `npm run e2e`, stops the server; exits non-zero on any failure,
# including a missing Chromium, jar or database. Screenshots, report.json and the server log stay
# in web/e2e/artifacts/.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
source "$ROOT/scripts/lib.sh"
PORT="${CITY_E2E_PORT:-18080}"
DATA="${CITY_E2E_DATA:-sample}"
JAR="${SERVER_JAR:-$ROOT/server/target/city-server.jar}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
ART="$HERE/artifacts"

[ -x "$CHROMIUM" ] || die "e2e: Chromium not found at $CHROMIUM (apt-get install chromium)"
[ -f "$JAR" ] || die "e2e: $JAR is missing (mvn -pl server -am package -DskipTests)"
unzip -l "$JAR" 'BOOT-INF/classes/static/index.html' >/dev/null 2>&1 || die "e2e: $JAR has no viewer (built with -Dskip.web=true?)"
[ -d "$HERE/../node_modules/playwright-core" ] || (cd "$HERE/.." && npm run deps)

if [ -z "${DATABASE_URL:-}" ]; then
  "$ROOT/scripts/db" start >/dev/null
  "$ROOT/scripts/db" reset city_e2e >/dev/null
  export DATABASE_URL="$(local_url city_e2e)"
fi
export DATABASE_URL
java -jar "$JAR" migrate >/dev/null
if [ "$DATA" = fixture ]; then
  say "e2e: loading the analysis fixture street (CITY_E2E_DATA=fixture)"
  PSQL="$(command -v psql || echo "$PG_BIN/psql")"
  "$PSQL" "$DATABASE_URL" -v ON_ERROR_STOP=1 -q -f "$ROOT/server/src/test/resources/analysis/fixture.sql" >/dev/null 2>&1 \
    || say "e2e: fixture already loaded or failed to load; continuing with what the database has"
else
  java -jar "$JAR" sample load --scale small --if-empty || die "e2e: loading the small sample failed"
fi

mkdir -p "$ART"
LOG="$(mktemp)"
SERVER_PORT="$PORT" java ${CITY_JAVA_OPTS:--Xmx1g} -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
cleanup() { kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; cp "$LOG" "$ART/server.log" 2>/dev/null || true; rm -f "$LOG"; }
trap cleanup EXIT
# Ready (not only up): the readiness probe answers 503 until the server has warmed the 3D Tiles.
READY="http://localhost:$PORT/actuator/health/readiness"
for _ in $(seq 1 120); do
  curl -sf "$READY" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { cat "$LOG" >&2; die "e2e: the server exited"; }
  sleep 1
done
curl -sf "$READY" >/dev/null || die "e2e: the server is not ready after 120 s"

cd "$HERE/.."
node e2e/viewer.e2e.mjs --server "http://localhost:$PORT" --chromium "$CHROMIUM" "$@"
