# Shared settings for the project scripts. Sourced, not run.
# Everything can be overridden from the environment.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_VERSION="${PG_VERSION:-15}"
PG_BIN="${PG_BIN:-/usr/lib/postgresql/$PG_VERSION/bin}"
CITY_PGPORT="${CITY_PGPORT:-55432}"
CITY_PGHOST="${CITY_PGHOST:-127.0.0.1}"
CITY_DB_USER="${CITY_DB_USER:-city}"
CITY_DB_PASSWORD="${CITY_DB_PASSWORD:-city}"
CITY_DB_NAME="${CITY_DB_NAME:-city}"
CITY_TEST_DB_NAME="${CITY_TEST_DB_NAME:-city_test}"
# CITY_SERVER_JAR names another build's jar (benchmarks compare two builds on one machine): it is
# used as it is, never rebuilt.
SERVER_JAR="${CITY_SERVER_JAR:-$ROOT/server/target/city-server.jar}"

say() { printf '\033[1m[city]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[city] %s\033[0m\n' "$*" >&2; exit 1; }

# local_url DB: the libpq URL of a database in the project-local cluster.
local_url() { echo "postgresql://$CITY_DB_USER:$CITY_DB_PASSWORD@$CITY_PGHOST:$CITY_PGPORT/$1"; }

# apt_install PKG...: installs Debian packages when running as root, otherwise says how.
apt_install() {
  if [ "$(id -u)" = 0 ]; then
    say "installing $* (Debian packages)"
    if ! DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; then
      apt-get update -qq >/dev/null 2>&1 || true
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
    fi
  else
    die "missing Debian packages. Run: sudo apt-get update && sudo apt-get install -y $*"
  fi
}

# need_cmd CMD PKG: makes sure CMD exists, installing PKG if it does not.
need_cmd() { command -v "$1" >/dev/null 2>&1 || apt_install "$2"; }

# need_pkg PKG...: makes sure Debian packages without a command (fonts, libraries) are installed.
need_pkg() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
}

# sources_newer_than FILE: prints a source file newer than FILE (nothing when none is). In a git
# checkout only tracked files and new files git does not ignore count, so run output such as
# web/e2e/artifacts/ (ignored) never triggers a build.
sources_newer_than() {
  local stamp="$1" dirs=(pom.xml gis-data tiles server web)
  if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    (cd "$ROOT" && { git ls-files -z -- "${dirs[@]}"; git ls-files -z --others --exclude-standard -- "${dirs[@]}"; } \
      | xargs -0 -r sh -c 'find "$@" -maxdepth 0 -newer "$0" -print 2>/dev/null | head -n 1' "$stamp" | head -n 1)
  else
    find "$ROOT"/pom.xml "$ROOT"/gis-data "$ROOT"/tiles "$ROOT"/server "$ROOT"/web -path '*/target' -prune \
      -o -path '*/node_modules' -prune -o -path '*/e2e/artifacts' -prune -o -type f -newer "$stamp" -print -quit 2>/dev/null
  fi
}

# use_jar: sets JAR to the private copy (need_build's RUN_JAR) of the jar a benchmark measures: $JAR
# when the caller names one (e.g. an earlier commit's build), else this tree's.
use_jar() {
  if [ -n "${JAR:-}" ]; then
    CITY_SERVER_JAR="$JAR"
    SERVER_JAR="$JAR"
  fi
  need_build
  JAR="$RUN_JAR"
}

# need_build: builds the server jar when it is missing or older than a source file, then sets
# RUN_JAR to a copy of it under var/jar/ named by its content hash. Servers run from that copy, so
# a later build (Maven rewrites server/target/city-server.jar in place) never changes the jar a
# running server loads its classes from; the copy is written under a temporary name and renamed.
need_build() {
  need_cmd mvn maven
  if [ -n "${CITY_SERVER_JAR:-}" ]; then
    [ -f "$SERVER_JAR" ] || die "CITY_SERVER_JAR: no such file $SERVER_JAR"
  elif [ ! -f "$SERVER_JAR" ] || [ -n "$(sources_newer_than "$SERVER_JAR")" ]; then
    say "building (mvn package, tests skipped)"
    (cd "$ROOT" && mvn -B -q -DskipTests package) || die "build failed"
  fi
  local sum
  sum="$(sha256sum "$SERVER_JAR" | cut -c1-16)"
  RUN_JAR="$ROOT/var/jar/city-server-$sum.jar"
  if [ ! -f "$RUN_JAR" ]; then
    mkdir -p "$ROOT/var/jar"
    cp "$SERVER_JAR" "$RUN_JAR.tmp.$$" && mv -f "$RUN_JAR.tmp.$$" "$RUN_JAR"
    # keep the five newest copies: a server started from an older one keeps it open, and few live that long
    ls -1t "$ROOT"/var/jar/city-server-*.jar | tail -n +6 | xargs -r rm -f
  fi
}
