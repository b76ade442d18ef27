#!/usr/bin/env bash
# bench/viewer/first-view.sh URL [RUNS] [--cpu]: the viewer's first view in headless Chromium
# (navigation → first frame with tiles of all six pipe networks) against a running server, each run
# with a fresh browser profile, under the global bench lock; prints the waterfall per kind of
# request, the viewer's marks and frames (web/e2e/profile.mjs) and the load average, and writes
# every request's and frame's timing to web/e2e/artifacts/first-view.json.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
URL="${1:?usage: bench/viewer/first-view.sh URL [RUNS] [--cpu]}"
RUNS="${2:-3}"
shift $(( $# >= 2 ? 2 : 1 ))
uptime
cd "$ROOT/web"
flock /work/bench.lock node e2e/profile.mjs --server "$URL" --runs "$RUNS" "$@"
uptime
