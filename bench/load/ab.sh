#!/usr/bin/env bash
# bench/load/ab.sh JAR JAR...: the sample load of two or more builds, like for like.
# Each run is the user's command, `java -jar JAR sample load --scale $SCALE` (default city), into a
# fresh database of the project-local cluster, the builds alternating $RUNS times (default 3). The
# cluster logs the duration of every statement of those databases, so every build is timed by the
# same clock per phase even when it logs no phases of its own (lines of other databases left out): per table its COPY (the generator
# streams into it, so generation is inside), index build and ANALYZE, the TRUNCATE and the COMMIT.
# Prints each run's rows, loader clock and wall time (JVM start and migration included), then per
# phase each build's median, its ratio to the first build's, and the sum over the tables every
# build loads. A build is named by its jar's file name; NAME=JAR names it. SET_<name> (name with
# - and . as _) is a setting for that build's databases, e.g. SET_b='max_parallel_maintenance_workers
# = 0' with the same jar given twice (a=JAR b=JAR) compares the setting.
set -euo pipefail
source "$(dirname "$0")/../../scripts/lib.sh"
cd "$ROOT"
[ $# -ge 2 ] || die "usage: [RUNS=3] [SCALE=city] bench/load/ab.sh [NAME=]JAR [NAME=]JAR..."
RUNS="${RUNS:-3}" SCALE="${SCALE:-city}"
LOG="$(scripts/db log)"
OUT="$ROOT/var/bench-load-ab"
mkdir -p "$OUT"
rm -f "$OUT"/*.phases "$OUT"/*.log
names=() jars=()
for arg in "$@"; do
  if [[ "$arg" == *=* ]]; then names+=("${arg%%=*}") jars+=("${arg#*=}"); else names+=("$(basename "$arg" .jar)") jars+=("$arg"); fi
  [ -f "${jars[-1]}" ] || die "no such jar: ${jars[-1]}"
done
superuser() { psql -h /tmp -p "$CITY_PGPORT" -U postgres -qAt -v ON_ERROR_STOP=1 "$@"; }
# The log lines of a run are told from other databases' (a test run beside it) by the database name.
case "$(superuser -d postgres -c 'SHOW log_line_prefix')" in
  *%d*) ;;
  *) die "the cluster's log_line_prefix lacks %d (scripts/db sets '%m [%p] %d ' in new clusters); for this one run: psql -h /tmp -p $CITY_PGPORT -U postgres -c \"ALTER SYSTEM SET log_line_prefix = '%m [%p] %d '\" -c 'SELECT pg_reload_conf()'" ;;
esac

# run NAME JAR N: one load; leaves OUT/NAME-N.phases (phase seconds) and OUT/NAME-N.log.
run() {
  local name="$1" jar="$2" n="$3" db from start end setting
  db="ab_$(echo "$name" | tr -c 'a-zA-Z0-9\n' _)"
  setting="$(eval echo "\${SET_$(echo "$name" | tr -c 'a-zA-Z0-9\n' _):-}")"
  scripts/db reset "$db" >/dev/null 2>&1
  superuser -d postgres -c "ALTER DATABASE $db SET log_min_duration_statement = 0"
  [ -z "$setting" ] || superuser -d postgres -c "ALTER DATABASE $db SET $setting"
  from=$(($(stat -c %s "$LOG") + 1))
  start=$(date +%s.%N)
  java -Xmx2g -jar "$jar" sample load --scale "$SCALE" --database-url "$(local_url "$db")" \
    >"$OUT/$name-$n.log" 2>&1
  end=$(date +%s.%N)
  tail -c +"$from" "$LOG" | awk -v db=" $db LOG: " -v wall="$(echo "$end - $start" | bc)" \
    -v clock="$(sed -n 's/.* rows in \([0-9.]*\) s.*/\1/p' "$OUT/$name-$n.log")" \
    -v rows="$(sed -n 's/.*): \([0-9,]*\) rows in .*/\1/p' "$OUT/$name-$n.log" | tr -d ,)" '
    index($0, db) && match($0, /duration: [0-9.]+ ms  (statement|execute [^:]*): /) {
      split(substr($0, RSTART), d, " "); s = d[2] / 1000
      sql = substr($0, RSTART + RLENGTH)
      if (sql ~ /^COPY /) { split(sql, w, " "); t["copy " w[2]] += s }
      else if (sql ~ /^CREATE (UNIQUE )?INDEX /) { sub(/.* ON (public\.)?/, "", sql); split(sql, w, " "); t["index " w[1]] += s }
      else if (sql ~ /^ANALYZE /) { split(sql, w, " "); t["analyze " w[2]] += s }
      else if (sql ~ /^TRUNCATE /) t["truncate"] += s
      else if (sql ~ /^COMMIT/) t["commit"] += s
      else t["other statements"] += s
    }
    END {
      printf "rows\t%s\nloader clock\t%s\nwall\t%.1f\n", rows, clock, wall
      for (k in t) printf "%s\t%.2f\n", k, t[k]
    }' >"$OUT/$name-$n.phases"
  printf '%s run %s: %s rows, loader clock %s s, wall %s s, load %s\n' "$name" "$n" \
    "$(sed -n 's/^rows\t//p' "$OUT/$name-$n.phases")" "$(sed -n 's/^loader clock\t//p' "$OUT/$name-$n.phases")" \
    "$(sed -n 's/^wall\t//p' "$OUT/$name-$n.phases")" "$(cut -d' ' -f1-3 /proc/loadavg)"
}

for n in $(seq 1 "$RUNS"); do
  for i in "${!names[@]}"; do run "${names[$i]}" "${jars[$i]}" "$n"; done
done

# Medians per phase and build; "every build's tables" sums copy + index + analyze of the tables
# that every build loads.
for name in "${names[@]}"; do sed "s/^/$name\t/" "$OUT/$name"-*.phases; done >"$OUT/all.tsv"
awk -F'\t' -v names="${names[*]}" '
  { v[$1, $2] = v[$1, $2] " " $3; keys[$2] = 1 }
  function median(list,   a, n, i, j, x) {
    n = split(list, a, " "); if (n == 0) return ""
    for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j > 0 && a[j] + 0 > x + 0; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    nb = split(names, b, " ")
    printf "%-36s", "phase (median s; ratio to " b[1] ")"
    for (i = 1; i <= nb; i++) printf " %14s", b[i]
    printf "\n"
    for (k in keys) {
      line = sprintf("%-36s", k); all = 1
      for (i = 1; i <= nb; i++) {
        m[i] = median(v[b[i], k]); if (m[i] == "") all = 0
        line = line sprintf(" %14s", m[i] == "" ? "-" : (i > 1 && m[1] > 0 ? sprintf("%s (%.2f)", m[i], m[i] / m[1]) : m[i]))
      }
      print line | "sort"
      split(k, p, " ")
      if (all && (p[1] == "copy" || p[1] == "index" || p[1] == "analyze")) for (i = 1; i <= nb; i++) sum[i] += m[i]
    }
    close("sort")
    printf "%-36s", "every build'"'"'s tables (copy+index+an.)"
    for (i = 1; i <= nb; i++) printf " %14s", (i > 1 ? sprintf("%.1f (%.2f)", sum[i], sum[i] / sum[1]) : sprintf("%.1f", sum[i]))
    printf "\n"
  }' "$OUT/all.tsv"
