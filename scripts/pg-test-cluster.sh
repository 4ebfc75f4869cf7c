#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS 3 cluster for the tests (Debian's postgresql-15-postgis-3).
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # exports FARO_TEST_PG, FARO_TEST_PG_TCP, FARO_TEST_PG_DIR
#   scripts/pg-test-cluster.sh stop "$FARO_TEST_PG_DIR"
#   scripts/pg-test-cluster.sh env "$FARO_TEST_PG_DIR"   # the export lines again
#
# The cluster lives in a fresh temporary folder and is owned by an unprivileged user: initdb and
# postgres refuse to run as root, so under root (CI) they run as `nobody` through runuser. Two ways
# in, both for the tests only:
#   - the Unix socket in that private folder, trust auth (FARO_TEST_PG): no port is shared with
#     anything else on the machine, so two test runs never collide;
#   - 127.0.0.1 on a free port with scram-sha-256 and the password "faro-test" (FARO_TEST_PG_TCP),
#     so the tests can check what a wrong password says.
# The binaries come from /usr/lib/postgresql/15/bin explicitly (not whatever initdb is on PATH).
# `start` prints nothing but export lines on stdout; progress and errors go to stderr. When `start`
# fails half-way it stops what it started and removes the folder.
set -euo pipefail

PGBIN=${FARO_PG_BIN:-/usr/lib/postgresql/15/bin}
DB=faro
ROLE=faro

log() { echo "pg-test-cluster: $*" >&2; }

as_owner() {
  # Runs a command as the cluster's owner: ourselves, or `nobody` when we are root.
  if [ "$(id -u)" -eq 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi
}

free_port() {
  # A TCP port on 127.0.0.1 that nothing listens on now (bash's /dev/tcp: no extra tools needed).
  local p
  for _ in $(seq 1 50); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  return 1
}

print_env() {
  local dir=$1 port
  port=$(cat "$dir/tcp_port")
  echo "export FARO_TEST_PG_DIR='$dir'"
  echo "export FARO_TEST_PG='PG:host=$dir port=$port dbname=$DB user=$ROLE'"
  echo "export FARO_TEST_PG_TCP='PG:host=127.0.0.1 port=$port dbname=$DB user=$ROLE'"
}

stop_cluster() {
  local dir=${1:-}
  if [ -z "$dir" ] || [ ! -d "$dir" ]; then log "nothing to stop (${dir:-no folder given})"; return 0; fi
  # Removes only a folder this script made (its marker file): a wrong argument (a parent folder,
  # a typo) must never delete anything else.
  if [ ! -f "$dir/.faro-pg-cluster" ]; then
    log "refusing to remove $dir: not a cluster folder made by pg-test-cluster.sh"
    return 2
  fi
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

start_cluster() {
  if [ ! -x "$PGBIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    log "PostgreSQL 15 / PostGIS 3 not installed (apt-get install postgresql-15-postgis-3)"
    return 3
  fi
  local dir
  dir=$(mktemp -d "${TMPDIR:-/tmp}/faro-pg.XXXXXX")
  : >"$dir/.faro-pg-cluster"  # stop_cluster removes only folders with this marker
  # From here on, any failure removes what was made.
  trap 'log "start failed; cleaning up"; stop_cluster "$dir"' ERR
  chmod 700 "$dir"
  if [ "$(id -u)" -eq 0 ]; then chown nobody "$dir"; fi
  printf '%s\n' faro-test > "$dir/pwfile"
  if [ "$(id -u)" -eq 0 ]; then chown nobody "$dir/pwfile"; fi
  as_owner "$PGBIN/initdb" -D "$dir/data" -U "$ROLE" --pwfile="$dir/pwfile" -E UTF8 --locale=C \
    --auth-local=trust --auth-host=scram-sha-256 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; false; }
  local port started=0
  for _ in 1 2 3; do
    port=$(free_port)
    # Small memory settings: CI has 2 cores and other jobs; fsync off (the data is thrown away).
    if as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start -o \
        "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c fsync=off \
         -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB \
         -c max_connections=40" >/dev/null 2>&1; then
      started=1; break
    fi
    log "port $port did not work; trying another"
  done
  if [ $started -ne 1 ]; then cat "$dir/server.log" >&2; false; fi
  echo "$port" > "$dir/tcp_port"
  as_owner "$PGBIN/psql" -h "$dir" -p "$port" -U "$ROLE" -d postgres -q -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $DB" >/dev/null
  as_owner "$PGBIN/psql" -h "$dir" -p "$port" -U "$ROLE" -d "$DB" -q -v ON_ERROR_STOP=1 \
    -c "CREATE EXTENSION postgis" >/dev/null
  chmod 755 "$dir"  # so an unprivileged test process (not the owner) can reach the socket
  trap - ERR
  log "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') + PostGIS running in $dir (tcp 127.0.0.1:$port)"
  print_env "$dir"
}

case "${1:-}" in
  start) start_cluster ;;
  stop) stop_cluster "${2:-${FARO_TEST_PG_DIR:-}}" ;;
  env) print_env "${2:-${FARO_TEST_PG_DIR:-}}" ;;
  *) echo "usage: $0 start | stop DIR | env DIR" >&2; exit 2 ;;
esac
