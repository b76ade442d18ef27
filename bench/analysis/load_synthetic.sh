#!/usr/bin/env bash
# bench/analysis/load_synthetic.sh DB GRID: a fresh database with the schema and the synthetic
# street grid (GRID=31 ≈ city, 44 640 segments; GRID=61 ≈ large, 175 680 segments).
set -euo pipefail
cd "$(dirname "$0")/../.."
DB="${1:-city_ana}"
GRID="${2:-31}"
scripts/db reset "$DB" >/dev/null
URL="$(scripts/db url "$DB")"
for f in gis-data/src/main/resources/db/migration/V*.sql; do
  sed 's/\${srid}/4544/g' "$f" | psql "$URL" -q -v ON_ERROR_STOP=1
done
psql "$URL" -q -v ON_ERROR_STOP=1 -v grid="$GRID" -f bench/analysis/synthetic_city.sql
psql "$URL" -Atc "SELECT 'segments ' || count(*) FROM pipe_segment"
