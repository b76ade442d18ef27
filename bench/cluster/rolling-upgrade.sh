#!/usr/bin/env bash
# bench/cluster/rolling-upgrade.sh PREVIOUS_REF: a rolling upgrade from the release PREVIOUS_REF (a
# git commit or tag) to this checkout, on one database of the project-local cluster.
#
# 1. the previous release's jar (built from PREVIOUS_REF in a temporary worktree, or
#    CITY_PREVIOUS_JAR) creates the database and loads the `small` sample — the running release;
# 2. this checkout's jar migrates it (the upgrade's first step, while old nodes still run);
# 3. an old node and a new node serve the same database side by side (ports OLD_PORT, NEW_PORT);
# 4. probes through both: WMS GetMap, WFS GetFeature, OGC API items, the 3D Tiles tileset and a
#    tile, and edits crossing over — an OGC API PATCH through the old node read through the new
#    one, and through the new node read through the old one.
# Prints one JSON line per probe and exits 1 when any fails: the schema of this checkout must keep
# the previous release working until every node is upgraded (docs/ARCHITECTURE.md, "Cluster").
set -euo pipefail
REF="${1:?usage: bench/cluster/rolling-upgrade.sh PREVIOUS_REF}"
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
DB="${ROLLING_DB:-rolling_city}"
OLD_PORT="${OLD_PORT:-8391}"; NEW_PORT="${NEW_PORT:-8392}"
WORK="$ROOT/var/rolling-upgrade"; mkdir -p "$WORK"
say() { echo "[rolling-upgrade] $*" >&2; }

need_build
NEW_JAR="$RUN_JAR"
OLD_JAR="${CITY_PREVIOUS_JAR:-}"
if [ -z "$OLD_JAR" ]; then
  src="$WORK/src-$(git rev-parse --short "$REF")"
  if [ ! -f "$src/server/target/city-server.jar" ]; then
    say "building $REF"
    git worktree add --detach "$src" "$REF" >/dev/null 2>&1 || true
    (cd "$src" && mvn -B -q -DskipTests -Dskip.web=true package -pl server -am) || die "build of $REF failed"
  fi
  OLD_JAR="$src/server/target/city-server.jar"
fi

scripts/db start >/dev/null
scripts/db reset "$DB" >/dev/null
URL="$(scripts/db url "$DB")"
say "the previous release creates and loads the database"
DATABASE_URL="$URL" java -jar "$OLD_JAR" migrate 2>&1 | grep -v INFO || true
DATABASE_URL="$URL" java -jar "$OLD_JAR" sample load --scale small 2>&1 | grep -v INFO | tail -1 || true
say "this release migrates it"
DATABASE_URL="$URL" java -jar "$NEW_JAR" migrate 2>&1 | grep -v INFO || true
ROLL_PW=rolling DATABASE_URL="$URL" java -jar "$NEW_JAR" user add rolling --role admin --password-env ROLL_PW \
  >/dev/null 2>&1 || true

pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT
start_node() { # JAR PORT NAME
  SERVER_PORT=$2 DATABASE_URL="$URL" CITY_TILES_CACHE_DIR="$WORK/tiles-$3" \
    java -Xmx512m -jar "$1" --city.database.migrate-on-start=false >"$WORK/$3.log" 2>&1 &
  pids+=($!)
}
start_node "$OLD_JAR" "$OLD_PORT" old
start_node "$NEW_JAR" "$NEW_PORT" new
for port in "$OLD_PORT" "$NEW_PORT"; do
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && break; sleep 1; done
done
OLD="http://127.0.0.1:$OLD_PORT" NEW="http://127.0.0.1:$NEW_PORT" AUTH=rolling:rolling \
  python3 "$(dirname "$0")/rolling_probes.py"
