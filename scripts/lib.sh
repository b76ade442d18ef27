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
SERVER_JAR="$ROOT/server/target/city-server.jar"

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

# need_build: builds the server jar when it is missing or older than any source file.
need_build() {
  need_cmd mvn maven
  if [ ! -f "$SERVER_JAR" ] || [ -n "$(find "$ROOT"/pom.xml "$ROOT"/gis-data "$ROOT"/tiles "$ROOT"/server "$ROOT"/web \
        -path '*/target' -prune -o -path '*/node_modules' -prune -o -type f -newer "$SERVER_JAR" -print -quit 2>/dev/null)" ]; then
    say "building (mvn package, tests skipped)"
    (cd "$ROOT" && mvn -B -q -DskipTests package) || die "build failed"
  fi
}
