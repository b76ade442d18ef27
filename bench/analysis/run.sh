#!/usr/bin/env bash
# bench/analysis/run.sh [DB] [requests] [clearance-runs]: the analysis benchmark (see AnalysisBench.java).
# The database must hold a loaded city: `scripts/db reset city_ana`, migrate, then the sample
# generator's `sample load --scale city` (or, until it exists, bench/analysis/synthetic_city.sql).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:-city_ana}"
mvn -B -q -pl gis-data compile  # never install: other workers would pick up the snapshot
mvn -B -q -pl gis-data dependency:build-classpath -Dmdep.outputFile=/tmp/analysis-bench.cp >/dev/null
CP="gis-data/target/classes:$(cat /tmp/analysis-bench.cp)"
java -cp "$CP" bench/analysis/AnalysisBench.java "$(scripts/db url "$DB")" "${2:-300}" "${3:-5}"
