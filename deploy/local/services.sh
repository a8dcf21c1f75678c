#!/usr/bin/env bash
# The three hostreach services on this machine, from their built jars.
#   build:          package every module (tests skipped; `make test` runs them)
#   start:          start the services in the background (logs in .local/logs), wait until healthy
#   stop:           stop the services started by `start` or `foreground`
#   foreground:     start them with their logs on this terminal; Ctrl-C stops them
#   bootstrap:      create (or reuse) the demo workspace and print a fresh test key and a first curl
set -euo pipefail
source "$(dirname "$0")/env.sh"

SERVICES="campaign-service:8080 extraction-worker:8081 outreach-worker:8082"
LOG_DIR="$LOCAL_DIR/logs"
PID_DIR="$LOCAL_DIR/pids"

admin_token() {
  if [ -n "${HOSTREACH_ADMIN_TOKEN:-}" ]; then echo "$HOSTREACH_ADMIN_TOKEN"; return; fi
  mkdir -p "$LOCAL_DIR"
  if [ ! -s "$LOCAL_DIR/admin-token" ]; then
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$LOCAL_DIR/admin-token")
    log "generated an operator token in $LOCAL_DIR/admin-token"
  fi
  cat "$LOCAL_DIR/admin-token"
}

build() {
  log "building the services (./mvnw package, tests skipped)"
  "$MVNW" -B -q -f "$ROOT_DIR/pom.xml" package -DskipTests </dev/null
}

jar_of() { echo "$ROOT_DIR/$1/target/quarkus-app/quarkus-run.jar"; }

# The key that encrypts secrets at rest: from the environment, or generated once for this machine.
secrets_key() {
  if [ -n "${HOSTREACH_SECRETS_KEY:-}" ]; then echo "$HOSTREACH_SECRETS_KEY"; return; fi
  mkdir -p "$LOCAL_DIR"
  if [ ! -s "$LOCAL_DIR/secrets-key" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 > "$LOCAL_DIR/secrets-key")
  fi
  cat "$LOCAL_DIR/secrets-key"
}

# The shared secret of the services' internal API (account credentials, suppressions, tasks): generated once.
internal_token() {
  if [ -n "${HOSTREACH_INTERNAL_TOKEN:-}" ]; then echo "$HOSTREACH_INTERNAL_TOKEN"; return; fi
  mkdir -p "$LOCAL_DIR"
  if [ ! -s "$LOCAL_DIR/internal-token" ]; then
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' > "$LOCAL_DIR/internal-token")
  fi
  cat "$LOCAL_DIR/internal-token"
}

healthy() { curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }

service_env() {
  export HOSTREACH_ADMIN_TOKEN="$(admin_token)"
  export HOSTREACH_SECRETS_KEY="$(secrets_key)"
  export HOSTREACH_INTERNAL_TOKEN="$(internal_token)"
  export KAFKA_BOOTSTRAP_SERVERS DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" DB_USER="$PG_APP_USER" DB_PASSWORD="$PG_APP_PASSWORD"
}

launch() { # name port [foreground]
  local name=$1 port=$2 jar
  jar=$(jar_of "$name")
  [ -f "$jar" ] || build
  if healthy "$port"; then log "$name already answers on :$port"; return; fi
  mkdir -p "$LOG_DIR" "$PID_DIR"
  if [ "${3:-}" = foreground ]; then
    # Logs prefixed with the service name, on this terminal.
    java -Xmx256m -jar "$jar" </dev/null 2>&1 | sed -u "s/^/[$name] /" &
  else
    setsid nohup java -Xmx256m -jar "$jar" >"$LOG_DIR/$name.log" 2>&1 </dev/null &
  fi
  echo $! > "$PID_DIR/$name.pid"
}

wait_healthy() {
  local spec name port
  for spec in $SERVICES; do
    name=${spec%%:*}; port=${spec##*:}
    wait_for 90 healthy "$port" || die "$name did not become healthy on :$port (see $LOG_DIR/$name.log)"
    log "$name healthy on http://127.0.0.1:$port"
  done
}

start() {
  service_env
  local spec
  for spec in $SERVICES; do launch "${spec%%:*}" "${spec##*:}"; done
  wait_healthy
}

stop() {
  local spec name pid
  for spec in $SERVICES; do
    name=${spec%%:*}
    [ -f "$PID_DIR/$name.pid" ] || continue
    pid=$(cat "$PID_DIR/$name.pid")
    # The pid may be a pipeline's last process (foreground mode): stop its whole process group too.
    pkill -TERM -f "$(jar_of "$name")" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
    rm -f "$PID_DIR/$name.pid"
    log "stopped $name"
  done
}

bootstrap() {
  local token base="http://127.0.0.1:8080" workspace key
  token=$(admin_token)
  workspace=$(cat "$LOCAL_DIR/demo-workspace" 2>/dev/null || true)
  if [ -z "$workspace" ] || ! curl -fsS -H "Authorization: Bearer $token" "$base/admin/v1/workspaces/$workspace" >/dev/null 2>&1; then
    workspace=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d '{"name":"Demo agency","timezone":"Europe/Madrid","country":"ES"}' "$base/admin/v1/workspaces" \
      | sed -E 's/.*"id":"([^"]+)".*/\1/')
    echo "$workspace" > "$LOCAL_DIR/demo-workspace"
  fi
  key=$(curl -fsS -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"demo test key","environment":"test","scopes":[]}' "$base/admin/v1/workspaces/$workspace/api-keys" \
    | sed -E 's/.*"key":"([^"]+)".*/\1/')
  cat <<MSG

  hostreach is up.
    public API     http://127.0.0.1:8080/v1/public/v1      (Swagger UI: http://127.0.0.1:8080/q/swagger-ui)
    operator token $token
    demo workspace $workspace
    demo test key  $key

  First call:
    curl -s -H 'X-Api-Key: $key' http://127.0.0.1:8080/v1/public/v1/me

MSG
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop) stop ;;
  foreground)
    service_env
    trap 'stop; exit 0' INT TERM
    for spec in $SERVICES; do launch "${spec%%:*}" "${spec##*:}" foreground; done
    wait_healthy
    bootstrap
    log "logs follow; Ctrl-C stops the services"
    wait ;;
  bootstrap) bootstrap ;;
  *) die "usage: $0 build|start|stop|foreground|bootstrap" ;;
esac
