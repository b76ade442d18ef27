#!/usr/bin/env bash
# bench/load/run.sh [SCALE...]: times `city sample load` for each scale (default: city large)
# into a freshly reset database of the project-local cluster, and prints rows and seconds.
# Uses the built gis-data jar and its dependency classpath (built here when missing).
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
DB="${BENCH_LOAD_DB:-city_bench_load}"
CP_FILE="$ROOT/gis-data/target/bench-load.classpath"
JAR="$(ls "$ROOT"/gis-data/target/gis-data-*-SNAPSHOT.jar 2>/dev/null | grep -v tests | head -1 || true)"
if [ -z "$JAR" ] || [ ! -f "$CP_FILE" ]; then
  say "building gis-data (tests skipped)"
  mvn -B -q -pl gis-data -DskipTests package
  mvn -B -q -pl gis-data dependency:build-classpath -Dmdep.outputFile="$CP_FILE" >/dev/null
  JAR="$(ls "$ROOT"/gis-data/target/gis-data-*-SNAPSHOT.jar | grep -v tests | head -1)"
fi
scales=("$@")
[ ${#scales[@]} -gt 0 ] || scales=(city large)
for s in "${scales[@]}"; do
  scripts/db reset "$DB" >/dev/null
  say "loading scale $s into $DB"
  start=$(date +%s.%N)
  java -Xmx2g -cp "$JAR:$(cat "$CP_FILE")" cn.lzxq.city.data.cli.CityCli sample load --scale "$s" \
    --database-url "$(local_url "$DB")" 2>&1 \
    | awk '/sample load:/ { sub(/^.*sample load:/, "sample load:"); print; next } /\[main\] INFO/ || /^loading .*%/ { next } { print }'
  end=$(date +%s.%N)
  printf 'scale %s: %s s wall (JVM start, migration and load)\n' "$s" "$(echo "$end - $start" | bc)"
  scripts/db psql "$DB" -Atc "SELECT 'database size ' || pg_size_pretty(pg_database_size(current_database()))"
done
