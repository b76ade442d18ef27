#!/usr/bin/env bash
# bench/wms/encoders.sh [PNG...]: times the PNG encoders on map-like images (and on the saved maps given)
# under /work/bench.lock (BENCH_LOCK). Compiles the server module and its reactor dependencies (no
# install into ~/.m2), then runs the single-file harness on their classpath.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl server -am test-compile dependency:build-classpath -Dmdep.outputFile=target/wms-bench.cp \
  -Dmdep.includeScope=runtime
cp=$(cat server/target/wms-bench.cp):server/target/classes
echo "load before: $(uptime)" >&2
flock "${BENCH_LOCK:-/work/bench.lock}" java -cp "$cp" bench/wms/EncoderBench.java "$@"
echo "load after: $(uptime)" >&2
