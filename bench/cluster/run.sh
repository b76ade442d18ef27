#!/usr/bin/env bash
# bench/cluster/run.sh: every drill of the two-node cluster, one after the other, on one machine,
# then a summary table. One command from a clean clone (it builds the jar when needed):
#
#   bench/cluster/run.sh [DRILL...]          (CLUSTER_SAMPLE=city for the city sample; default small)
#
# DRILL is any of ryw tile mixed kill-node crash failover restore (default: all, in this order); the
# cluster start and the full backup always run. E.g. `bench/cluster/run.sh mixed` for the 1 vs 2
# node figure alone.
#
#  1. `scripts/cluster up` on a fresh CLUSTER_DIR (timed), an admin `bench`, a full pgBackRest
#     backup (timed);
#  2. read-your-writes: an edit through node 1 read through node 2 (whose reads use the standby)
#     100 times, and the other way round;
#  3. a 3D tile changed by an edit on node 1 is new on both nodes within the change poll;
#  4. a mixed read load through HAProxy with node 2 taken out (1 node) and with both, alternating,
#     each node pinned to its own core (CLUSTER_NODE_CPUS, default "0 1");
#  5. kill -9 of server node 2 under read load (no failure later than 5 s); node 2 restarted;
#  6. kill -9 of the primary database server (keeper, postmaster and backends) under editors and
#     readers: promotion and recovery times, answers meanwhile (only 503 with Retry-After), every
#     acknowledged edit in the new primary's version history; then, on the promoted server alone,
#     read-your-writes both ways and a tile edit invalidating both nodes (the change log read on
#     the new primary); the old primary rejoins as the standby, and reads go to it again
#     (read-your-writes with reads on the standby);
#  7. a planted bad import (every water pipe deleted) undone by `scripts/cluster restore --to` the
#     second before it: the restore time, the rows back, an edit made before it present.
#
#  (crash: kill -9 of the primary's postmaster alone, its keeper alive: answers meanwhile, recovery,
#  acknowledged edits, as in 6.)
#
# A failing drill is recorded and the next one runs; the exit status is 1 when any failed. Every
# JSON line carries the load average. Ports: CLUSTER_* (scripts/cluster). Holds BENCH_LOCK
# (/work/bench.lock) while it runs; `scripts/cluster down` at the end unless CLUSTER_KEEP=1.
# CLUSTER_REUSE=1 runs the drills on the cluster already up in CLUSTER_DIR (started beforehand with
# the same environment, e.g. `CLUSTER_NODE_CPUS="0 1" scripts/cluster up`): no fresh start, no
# backup, so a measurement on a quiet machine needs no set-up inside its window.
set -uo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
export CLUSTER="$ROOT/scripts/cluster"
export CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/var/cluster-bench}"
export CLUSTER_NODE_CPUS="${CLUSTER_NODE_CPUS-0 1}"
export NODE1="http://127.0.0.1:${CLUSTER_NODE1_PORT:-8301}"
export NODE2="http://127.0.0.1:${CLUSTER_NODE2_PORT:-8302}"
export PROXY="http://127.0.0.1:${CLUSTER_PROXY_PORT:-8300}"
export AUTH=bench:bench
RESULTS="$ROOT/var/cluster-drills.jsonl"
mkdir -p "$ROOT/var"
exec 9>"${BENCH_LOCK:-/work/bench.lock}"; flock 9
say() { echo "[cluster-bench] $*" >&2; }
: >"$RESULTS"

# drill NAME COMMAND...: runs one drill; its JSON lines (or a line saying it failed) go to RESULTS.
DRILLS="${*:-ryw tile mixed kill-node crash failover restore}"
wanted() { [[ " $DRILLS " == *" $1 "* ]]; }
failed=0
drill() {
  local name=$1; shift
  say "$name"
  local out rc
  out=$("$@"); rc=$?
  [ -n "$out" ] && echo "$out"
  python3 "$HERE/summary.py" record "$name" "$rc" "$RESULTS" <<<"$out"
  [ "$rc" = 0 ] || failed=1
  return "$rc"
}

timed() { # timed NAME COMMAND...: a JSON line with the seconds COMMAND took; fails with it
  local name=$1 start rc; shift
  start=$(date +%s.%N)
  "$@" >&2; rc=$?
  echo "{\"check\": \"$name\", \"seconds\": $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }")}"
  return "$rc"
}

REUSE="${CLUSTER_REUSE:-0}"
if [ "$REUSE" = 1 ]; then
  curl -sf "$PROXY/actuator/health/readiness" >/dev/null || { say "CLUSTER_REUSE=1: no cluster answers at $PROXY"; exit 1; }
else
  "$CLUSTER" down >/dev/null 2>&1 || true
  rm -rf "$CLUSTER_DIR"
  drill "cluster up" timed "scripts/cluster up" "$CLUSTER" up || { say "the cluster did not start"; exit 1; }
fi
source "$ROOT/scripts/lib.sh"; need_build
URL=$("$CLUSTER" url)
# the libpq form of the cluster's URL that reaches the primary, for psql: as the service's role
# and as the superuser (the servers trust the hosts' addresses)
export PSQL_URL="${URL/targetServerType=primary/target_session_attrs=read-write}"
ADMIN_URL="postgresql://postgres@${PSQL_URL#*@}"
BENCH_PW=bench DATABASE_URL="$URL" java -jar "$RUN_JAR" user add bench --role admin --password-env BENCH_PW >/dev/null 2>&1 || true
backup_drill() { # a full backup: seconds, the database's size and the repository's
  local start rc db_mb
  db_mb=$(psql "$PSQL_URL" -Atc "SELECT pg_database_size(current_database()) / 1048576")
  start=$(date +%s.%N)
  "$CLUSTER" backup full >&2; rc=$?
  echo "{\"check\": \"full backup\", \"sample\": \"${CLUSTER_SAMPLE:-small}\", \"seconds\": $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $start }"), \"database_mb\": $db_mb, \"repository_mb\": $(du -sm "$CLUSTER_DIR/repo" | cut -f1)}"
  return "$rc"
}
[ "$REUSE" = 1 ] || drill "full backup" backup_drill

if wanted ryw; then
  drill "read-your-writes 1→2" python3 "$HERE/cluster.py" ryw
  drill "read-your-writes 2→1" env WRITER=node2 READER=node1 python3 "$HERE/cluster.py" ryw
fi
wanted tile && drill "tile fresh on both nodes" python3 "$HERE/cluster.py" tile-fresh
wanted mixed && drill "mixed reads 1 vs 2 nodes" python3 "$HERE/cluster.py" mixed

if wanted kill-node; then
  drill "kill -9 server node 2" python3 "$HERE/cluster.py" kill-node
  "$CLUSTER" up server 2 >&2
  for _ in $(seq 1 300); do curl -sf "$NODE2/actuator/health/readiness" >/dev/null && break; sleep 1; done
fi

primary_number() { # 1 or 2: the database server that is primary now
  local port
  read -r _ port <<<"$("$CLUSTER" primary)"
  if [ "$port" = "${CLUSTER_PG2_PORT:-56002}" ]; then echo 2; else echo 1; fi
}

crash_drill() { # PostgreSQL alone killed on the primary: its keeper restarts it (or the monitor fails over)
  local n; n=$(primary_number)
  drill "kill -9 primary postmaster" env STOP_PRIMARY="$CLUSTER kill postmaster $n" python3 "$HERE/cluster.py" failover
  for _ in $(seq 1 600); do "$CLUSTER" in-sync && break; sleep 1; done
}
wanted crash && crash_drill

failover_drills() {
  local n; n=$(primary_number)
  drill "kill -9 primary database" env STOP_PRIMARY="$CLUSTER kill postgres $n" python3 "$HERE/cluster.py" failover
  drill "after failover: read-your-writes 1→2" env ROUNDS=20 STANDBY_READS=0 python3 "$HERE/cluster.py" ryw
  drill "after failover: read-your-writes 2→1" env ROUNDS=20 STANDBY_READS=0 WRITER=node2 READER=node1 python3 "$HERE/cluster.py" ryw
  drill "after failover: tile fresh on both nodes (edit on 2)" env WRITER=node2 python3 "$HERE/cluster.py" tile-fresh
  drill "old primary rejoins as standby" env REJOIN="$n" python3 "$HERE/cluster.py" rejoin
  sleep 15  # the nodes' standby pools reconnect (a server found not in recovery is left 5 s; pgJDBC
            # re-checks a host's role after 10 s)
  drill "after rejoin: read-your-writes 1→2 on the standby" python3 "$HERE/cluster.py" ryw
}
wanted failover && failover_drills

restore_drill() {
  local fid before target after dn start seconds
  fid=$(curl -s "$PROXY/ogcapi/collections/pipe_js/items?limit=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["features"][0]["id"])')
  curl -sf -o /dev/null -u "$AUTH" -X PATCH -H 'Content-Type: application/merge-patch+json' \
    -d '{"type":"Feature","properties":{"dn_mm":777}}' "$PROXY/ogcapi/collections/pipe_js/items/$fid" || return 1
  before=$(psql "$PSQL_URL" -Atc "SELECT count(*) FROM pipe_segment WHERE network = 'JS' AND valid_to IS NULL")
  sleep 2; target=$(date -u +'%Y-%m-%d %H:%M:%S+00'); sleep 2
  psql "$PSQL_URL" -qc "DELETE FROM pipe_segment WHERE network = 'JS'" || return 1
  # the WAL segment holding the delete is closed and archived: recovery finds the first commit
  # after the target there
  local segment
  segment=$(psql "$ADMIN_URL" -Atc "SELECT pg_walfile_name(pg_switch_wal())")
  for _ in $(seq 1 120); do
    [ "$(psql "$ADMIN_URL" -Atc "SELECT last_archived_wal >= '$segment' FROM pg_stat_archiver")" = t ] && break
    sleep 1
  done
  start=$(date +%s)
  "$CLUSTER" restore --to "$target" >&2 || return 1
  seconds=$(( $(date +%s) - start ))
  after=$(psql "$PSQL_URL" -Atc "SELECT count(*) FROM pipe_segment WHERE network = 'JS' AND valid_to IS NULL")
  dn=$(curl -s "$PROXY/ogcapi/collections/pipe_js/items/$fid" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["properties"]["dn_mm"])')
  echo "{\"check\": \"point-in-time restore\", \"sample\": \"${CLUSTER_SAMPLE:-small}\", \"restore_s\": $seconds, \"steps_s\": $(cat "$CLUSTER_DIR/log/restore-steps.json"), \"water_rows_before\": $before, \"water_rows_after\": $after, \"edit_before_kept\": $([ "$dn" = 777 ] && echo true || echo false)}"
  [ "$before" = "$after" ] && [ "$dn" = 777 ]
}
wanted restore && drill "point-in-time restore" restore_drill

[ "${CLUSTER_KEEP:-0}" = 1 ] || "$CLUSTER" down >&2
python3 "$HERE/summary.py" table "$RESULTS"
exit "$failed"
