#!/usr/bin/env bash
# bench/wms/encoders.sh: times the PNG encoders (ImageIO, PNGJ, pngencoder) on map-like images.
# Builds the server module once, then runs the single-file harness on its classpath.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -B -q -pl server -am install -DskipTests
mvn -B -q -pl server dependency:build-classpath -Dmdep.outputFile=target/wms-bench.cp >/dev/null
java -cp "$(cat server/target/wms-bench.cp):server/target/classes" bench/wms/EncoderBench.java
