#!/usr/bin/env bash
# bench/soak/run.sh: a soak of the shipped server with the small sample: SOAK_CONNECTIONS (48) reader
# connections of mixed WMS, WFS, OGC API, 3D Tiles, analysis and catalog requests plus 4 editors
# (WFS-T 2.0 Update and OGC API PATCH, one utility each) for SOAK_SECONDS (270 s), with the database
# stopped at SOAK_OUTAGE_AT (100 s) for SOAK_OUTAGE_SECONDS (30 s) and started again.
# Prints requests, errors by class and phase, p50/p95, recovery after the database is back, heap and
# RSS of the server, and the acknowledged edits missing from the database afterwards (must be 0).
# It stops and starts the project-local cluster ($CITY_PGPORT): run it while nothing else uses it.
# Environment: SOAK_DB (city_soak), PORT (18090), CITY_JAVA_OPTS (-Xmx1g, as scripts/serve).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
DB="${SOAK_DB:-city_soak}"
PORT="${PORT:-18090}"
WORK="$ROOT/var/soak"
URL="$(local_url "$DB")"
PSQL="$ROOT/scripts/db psql $DB -At -q -v ON_ERROR_STOP=1"
need_cmd node nodejs
need_cmd jstat openjdk-17-jdk-headless
need_build
mkdir -p "$WORK"
cp "$SERVER_JAR" "$WORK/city-server.jar"   # a private copy: a build may replace the jar meanwhile
JAR="$WORK/city-server.jar"

"$ROOT/scripts/db" start >/dev/null
if [ "$("$ROOT/scripts/db" psql "$DB" -Atc "SELECT to_regclass('pipe_segment') IS NOT NULL" 2>/dev/null)" != t ]; then
  say "loading the small sample into $DB"
  "$ROOT/scripts/db" reset "$DB" >/dev/null
  java -jar "$JAR" migrate --database-url "$URL" >/dev/null 2>&1
  java -jar "$JAR" sample load --scale small --database-url "$URL" >"$WORK/load.log" 2>&1 \
    || { grep -v INFO "$WORK/load.log" | tail -20 >&2; die "soak: loading the sample failed"; }
fi

# Four editors, each of its own utility, each editing 25 current pipes of its network.
EDITORS="$WORK/editors.json"
$PSQL >/dev/null <<'SQL'
INSERT INTO app_user (username, password_hash, role, organization) VALUES
  ('soak_js', '{noop}soak-pw', 'editor', 'LZXQ-GS'), ('soak_ps', '{noop}soak-pw', 'editor', 'LZXQ-PS'),
  ('soak_rq', '{noop}soak-pw', 'editor', 'LZXQ-RQ'), ('soak_rl', '{noop}soak-pw', 'editor', 'LZXQ-RL')
ON CONFLICT (username) DO NOTHING;
SQL
$PSQL -c "SELECT json_agg(json_build_object('user', 'soak_' || lower(network), 'password', 'soak-pw',
            'layer', 'pipe_' || lower(network), 'fids', fids))
          FROM (SELECT network, (array_agg(fid ORDER BY fid))[1:25] AS fids FROM pipe_segment
                WHERE valid_to IS NULL AND network IN ('JS', 'PS', 'RQ', 'RL') GROUP BY network) n" > "$EDITORS"

LOG="$WORK/server.log"
curl -s -o /dev/null "http://127.0.0.1:$PORT/" && die "soak: port $PORT is already in use (PORT=… to choose another)"
DATABASE_URL="$URL" SERVER_PORT="$PORT" java ${CITY_JAVA_OPTS:--Xmx1g} -jar "$JAR" >"$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true; "$ROOT/scripts/db" start >/dev/null 2>&1 || true' EXIT
for _ in $(seq 1 180); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$PID" 2>/dev/null || { tail -20 "$LOG" >&2; die "soak: the server exited"; }
  sleep 1
done
say "soak: server ready (pid $PID); load before: $(uptime)"
SOAK_BASE="http://127.0.0.1:$PORT" SOAK_EDITORS="$EDITORS" SOAK_SERVER_PID="$PID" \
  SOAK_DB_STOP="$ROOT/scripts/db stop" SOAK_DB_START="$ROOT/scripts/db start" SOAK_PSQL="$PSQL" \
  node "$(dirname "$0")/soak.mjs"
say "soak: load after: $(uptime)"
say "soak: server log lines with ERROR: $(grep -c ' ERROR ' "$LOG" || true) (log in $LOG)"
