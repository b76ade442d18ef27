# Sourced by bench/coverage/run.sh and wlan.sh (after scripts/lib.sh, with DB, PORT and WORK set):
# coverage_server takes the server jar to measure (use_jar: $JAR, e.g. an earlier commit's, else
# this tree's build), loads the `city` sample into $DB when it holds no DEM yet, starts the server
# with the shipped configuration on $PORT (stopped when the script exits) and waits for it.
coverage_server() {
  local url
  url="$(local_url "$DB")"
  mkdir -p "$WORK"
  use_jar
  "$ROOT/scripts/db" start >/dev/null
  if [ "$("$ROOT/scripts/db" psql "$DB" -Atc "SELECT to_regclass('dem') IS NOT NULL AND EXISTS (SELECT 1 FROM dem)" 2>/dev/null)" != t ]; then
    say "loading the city sample into $DB; load: $(uptime)"
    "$ROOT/scripts/db" reset "$DB" >/dev/null
    java -jar "$JAR" sample load --scale city --database-url "$url" 2>&1 | grep -v INFO | tail -2
  fi
  DATABASE_URL="$url" SERVER_PORT="$PORT" java -jar "$JAR" >"$WORK/server.log" 2>&1 &
  SERVER_PID=$!
  trap 'kill $SERVER_PID 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$PORT/actuator/health" >/dev/null 2>&1 && break
    sleep 1
  done
}

# job PROCESS BODY: submits an OGC API process over HTTP, polls it every 0.2 s until it ends; prints
# the job id and the seconds from submission to the end, dies unless it succeeded.
job() {
  local start id status
  start=$(date +%s.%N)
  id=$(curl -fs -X POST -H 'Content-Type: application/json' -d "$2" \
    "http://127.0.0.1:$PORT/ogcapi/processes/$1/execution" | python3 -c 'import json,sys; print(json.load(sys.stdin)["jobID"])')
  while :; do
    status=$(curl -fs "http://127.0.0.1:$PORT/ogcapi/jobs/$id" | python3 -c 'import json,sys; print(json.load(sys.stdin)["status"])')
    [ "$status" = accepted ] || [ "$status" = running ] || break
    sleep 0.2
  done
  [ "$status" = successful ] || die "job $id ($1): $status"
  echo "$id $(echo "$(date +%s.%N) - $start" | bc)"
}
