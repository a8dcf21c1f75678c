#!/usr/bin/env bash
# PostgreSQL for the local stack and the tests.
#   up:   use the server on $PG_HOST:$PG_PORT when it answers; otherwise start the installed Debian
#         cluster; otherwise create a private cluster under .local/postgres. Then create the app role
#         and one database per service (idempotent).
#   down: stop the private cluster if this script started one (a system cluster is left alone).
set -euo pipefail
source "$(dirname "$0")/env.sh"

PRIVATE_DIR="$LOCAL_DIR/postgres"

pg_bin() {
  local name=$1
  if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] || die "PostgreSQL's $name is not installed (apt-get install postgresql)"
  echo "$found"
}

answering() { "$(pg_bin pg_isready)" -h "$PG_HOST" -p "$PG_PORT" -q; }

as_postgres() {
  if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi
}

start_system_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local line version name
  line=$(pg_lsclusters --no-header 2>/dev/null | awk -v port="$PG_PORT" '$3 == port {print $1, $2; exit}')
  [ -n "$line" ] || return 1
  read -r version name <<<"$line"
  log "starting the installed PostgreSQL cluster $version/$name"
  pg_ctlcluster --skip-systemctl-redirect "$version" "$name" start || return 1
  wait_for 30 answering
}

start_private_cluster() {
  local initdb pg_ctl
  initdb=$(pg_bin initdb); pg_ctl=$(pg_bin pg_ctl)
  mkdir -p "$PRIVATE_DIR"
  [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$PRIVATE_DIR"
  if [ ! -f "$PRIVATE_DIR/data/PG_VERSION" ]; then
    log "creating a private PostgreSQL cluster in $PRIVATE_DIR"
    as_postgres "'$initdb' -D '$PRIVATE_DIR/data' -U postgres -A trust -E UTF8 >'$PRIVATE_DIR/initdb.log' 2>&1"
  fi
  log "starting the private PostgreSQL cluster on port $PG_PORT"
  as_postgres "'$pg_ctl' -D '$PRIVATE_DIR/data' -l '$PRIVATE_DIR/server.log' -w \
    -o \"-p $PG_PORT -k '$PRIVATE_DIR' -c listen_addresses=$PG_HOST -c fsync=off\" start" </dev/null >/dev/null
  touch "$PRIVATE_DIR/started-by-hostreach"
  wait_for 30 answering
}

psql_admin() {
  local psql; psql=$(pg_bin psql)
  # Trust over TCP on a fresh machine; the local socket as the postgres user otherwise.
  if "$psql" -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    "$psql" -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  else
    local args=""; for a in "$@"; do args+=" $(printf '%q' "$a")"; done
    as_postgres "'$psql' -p $PG_PORT -d postgres -v ON_ERROR_STOP=1 -Atq $args"
  fi
}

create_role_and_databases() {
  # A password as well, so the role works whether 127.0.0.1 uses trust or scram-sha-256.
  psql_admin -c "do \$\$ begin
      if not exists (select from pg_roles where rolname = '$PG_APP_USER') then
        create role $PG_APP_USER login password '$PG_APP_PASSWORD';
      else
        alter role $PG_APP_USER login password '$PG_APP_PASSWORD';
      end if;
    end \$\$;"
  for db in $PG_DATABASES; do
    if [ -z "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" ]; then
      psql_admin -c "create database $db owner $PG_APP_USER"
      log "created database $db"
    fi
  done
}

up() {
  if answering; then
    log "PostgreSQL answers on $PG_HOST:$PG_PORT"
  else
    start_system_cluster || start_private_cluster || die "could not start PostgreSQL"
  fi
  create_role_and_databases
  log "PostgreSQL ready: role $PG_APP_USER, databases: $PG_DATABASES"
}

down() {
  if [ -f "$PRIVATE_DIR/started-by-hostreach" ]; then
    as_postgres "'$(pg_bin pg_ctl)' -D '$PRIVATE_DIR/data' -m fast stop" >/dev/null 2>&1 || true
    rm -f "$PRIVATE_DIR/started-by-hostreach"
    log "stopped the private PostgreSQL cluster"
  fi
}

case "${1:-up}" in
  up) up ;;
  down) down ;;
  *) die "usage: $0 up|down" ;;
esac
