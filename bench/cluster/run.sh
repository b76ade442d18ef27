#!/usr/bin/env bash
# bench/cluster/run.sh: the failure drills of the two-node cluster, end to end on one machine.
#
#   bench/cluster/run.sh            (CLUSTER_SAMPLE=city for the city sample; default small)
#
# 1. scripts/cluster up (fresh CLUSTER_DIR), an admin `bench`, a full pgBackRest backup;
# 2. read-your-writes: an edit through node 1 read through node 2 (whose reads use the standby),
#    100 times; a 3D tile changed by an edit on node 1 is new on node 2 within the change poll;
#    a mixed read load through node 1 alone and through the proxy (both nodes), each node pinned
#    to its own core (CLUSTER_NODE_CPUS="0 1");
# 3. kill -9 of server node 2 under read load through HAProxy (no failure later than 5 s), node 2
#    restarted;
# 4. the primary database stopped under editors and readers: failover time, answers meanwhile,
#    acknowledged edits lost (must be 0); the old primary rejoins as a standby;
# 5. a planted bad import (every water pipe deleted) undone by `scripts/cluster restore --to` the
#    second before it: the restore time, the rows back, an edit made before it present.
# Prints one JSON line per drill. Holds /work/bench.lock (BENCH_LOCK) while it runs.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
CLUSTER="$ROOT/scripts/cluster"
export CLUSTER_DIR="${CLUSTER_DIR:-$ROOT/var/cluster-bench}"
exec 9>"${BENCH_LOCK:-/work/bench.lock}"; flock 9
say() { echo "[cluster-bench] $*" >&2; }

"$CLUSTER" down >/dev/null 2>&1 || true
rm -rf "$CLUSTER_DIR"
CLUSTER_NODE_CPUS="${CLUSTER_NODE_CPUS:-0 1}" "$CLUSTER" up >&2
source "$ROOT/scripts/lib.sh"; need_build
URL=$("$CLUSTER" url)
RW="${URL/targetServerType=primary/target_session_attrs=read-write}"
BENCH_PW=bench DATABASE_URL="$URL" java -jar "$RUN_JAR" user add bench --role admin --password-env BENCH_PW >/dev/null 2>&1 || true
"$CLUSTER" backup full >/dev/null
export AUTH=bench:bench

say "read-your-writes"
python3 "$HERE/cluster.py" ryw
say "3D tile changed on node 1, new on node 2"
python3 "$HERE/cluster.py" tile-fresh
say "mixed reads: one node, then both behind the proxy"
BASE="http://127.0.0.1:${CLUSTER_NODE1_PORT:-8301}" python3 "$HERE/cluster.py" mixed
BASE="http://127.0.0.1:${CLUSTER_PROXY_PORT:-8300}" python3 "$HERE/cluster.py" mixed

say "kill -9 of server node 2"
NODE2_PIDFILE="$CLUSTER_DIR/node2.pid" python3 "$HERE/cluster.py" kill-node
"$CLUSTER" up server 2 >&2
for _ in $(seq 1 300); do curl -sf http://127.0.0.1:${CLUSTER_NODE2_PORT:-8302}/actuator/health/readiness >/dev/null && break; sleep 1; done

say "primary database stopped"
read -r host port <<<"$("$CLUSTER" primary)"
n=1; [ "$port" = "${CLUSTER_PG2_PORT:-56002}" ] && n=2
STOP_PRIMARY="$CLUSTER stop postgres $n" python3 "$HERE/cluster.py" failover
"$CLUSTER" up postgres "$n" >&2

say "point-in-time restore undoes a bad import"
fid=$(curl -s "http://127.0.0.1:${CLUSTER_PROXY_PORT:-8300}/ogcapi/collections/pipe_js/items?limit=1" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["features"][0]["id"])')
curl -sf -o /dev/null -u "$AUTH" -X PATCH -H 'Content-Type: application/merge-patch+json' \
  -d '{"type":"Feature","properties":{"dn_mm":777}}' "http://127.0.0.1:${CLUSTER_PROXY_PORT:-8300}/ogcapi/collections/pipe_js/items/$fid"
before=$(psql "$RW" -Atc "SELECT count(*) FROM pipe_segment WHERE network = 'JS'")
sleep 2; target=$(date -u +'%Y-%m-%d %H:%M:%S+00'); sleep 2
psql "$RW" -qc "DELETE FROM pipe_segment WHERE network = 'JS'"
sleep 70   # archive_timeout: the WAL holding the delete reaches the repository
start=$(date +%s)
"$CLUSTER" restore --to "$target" >&2
seconds=$(( $(date +%s) - start ))
after=$(psql "$RW" -Atc "SELECT count(*) FROM pipe_segment WHERE network = 'JS'")
dn=$(curl -s "http://127.0.0.1:${CLUSTER_PROXY_PORT:-8300}/ogcapi/collections/pipe_js/items/$fid" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["properties"]["dn_mm"])')
echo "{\"check\": \"point-in-time restore\", \"restore_s\": $seconds, \"water_rows_before\": $before, \"water_rows_after\": $after, \"edit_before_kept\": $([ "$dn" = 777 ] && echo true || echo false)}"
[ "$before" = "$after" ] && [ "$dn" = 777 ]
