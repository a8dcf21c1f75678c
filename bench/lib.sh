# Shared helpers of the bench and chaos scripts. Sourced, never run.
#
# Every script: `source bench/lib.sh; bench_init <name>`, then start_service / stop_service. On exit everything
# started here is stopped (trap EXIT), the logs go to $WORK (kept with KEEP_LOGS=yes), and nothing shared is
# touched: services get their own databases (*_bench, cleaned by Flyway at start), topics and consumer groups
# suffixed with this run's tag, and free loopback ports. The shared PostgreSQL and Kafka are used, never stopped.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
source "$ROOT/deploy/local/env.sh"
export PGPASSWORD="$PG_APP_PASSWORD"
export PGOPTIONS="-c client_min_messages=warning"

ADMIN_TOKEN="bench-admin-$$-$RANDOM"
INTERNAL_TOKEN="bench-internal-$$-$RANDOM"
SECRETS_KEY="YmVuY2gtb25seS1rZXktbmV2ZXItdXNlLWluLXByb2Q=" # 32 bytes, as AES-256 wants
BENCH_TIMEOUT="${BENCH_TIMEOUT:-600}"
declare -A SERVICE_PID SERVICE_PORT
EXTRA_PIDS=()

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
uuid() { python3 -c 'import uuid; print(uuid.uuid4())'; }
now_ms() { date +%s%3N; }
# psql against one of the bench databases: sqlq <db> <sql>
sqlq() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_APP_USER" -d "$1" -v ON_ERROR_STOP=1 -qtAX -c "$2"; }
load_line() { echo "${1}_load: $(cut -d' ' -f1-3 /proc/loadavg) (load average, $(nproc) cores)"; }
left() { (( SECONDS < DEADLINE )) || die "gave up after ${BENCH_TIMEOUT}s (logs in $WORK)"; }

bench_init() {
  BENCH_NAME="$1"
  RUN_TAG="bench-$BENCH_NAME-$(date +%s)-$$"
  WORK="$(mktemp -d "/tmp/$BENCH_NAME.XXXXXX")"
  DEADLINE=$((SECONDS + BENCH_TIMEOUT))
  trap bench_cleanup EXIT
  trap "exit 143" TERM; trap "exit 130" INT   # so a stopped script still stops what it started
  port_open "$PG_HOST" "$PG_PORT" || die "PostgreSQL is not running on $PG_HOST:$PG_PORT (make infra)"
  ensure_databases
  KAFKA="${BENCH_KAFKA:-127.0.0.1:$KAFKA_PORT}"
  load_line "${BENCH_NAME}_start"
}

bench_cleanup() {
  set +e
  local rc=$?
  for name in "${!SERVICE_PID[@]}"; do stop_service "$name" TERM; done
  for pid in "${EXTRA_PIDS[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  declare -F bench_extra_cleanup >/dev/null && bench_extra_cleanup
  load_line "${BENCH_NAME}_end"
  if [ "${KEEP_LOGS:-no}" = yes ]; then echo "logs: $WORK"; else rm -rf "$WORK"; fi
  return $rc
}

# Background process with its output in $WORK/<name>.log, stdin closed; stopped at exit.
spawn() {
  local name=$1; shift
  "$@" </dev/null >"$WORK/$name.log" 2>&1 &
  EXTRA_PIDS+=($!)
}

# The packaged services, built once (rebuilt when a source is newer than a jar).
jar_of() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }
ensure_jars() {
  local stale=no m
  for m in "$@"; do
    local jar; jar="$(jar_of "$m")"
    if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$m/src/main" "$ROOT/platform/src/main" -newer "$jar" -type f | head -1)" ]; then stale=yes; fi
  done
  if [ "$stale" = yes ]; then
    log "packaging $*"
    local modules; modules="$(IFS=,; echo "$*")"
    timeout 1200 "$MVNW" -B -o -q package -DskipTests -pl "$modules" -am >"$WORK/build.log" 2>&1 || die "build failed: $WORK/build.log"
  fi
  DEADLINE=$((SECONDS + BENCH_TIMEOUT))
}

# Databases campaigns_bench, extraction_bench, outreach_bench (BENCH_DB_SUFFIX=bench2 for a second run beside one).
db_of() { local s="${BENCH_DB_SUFFIX:-bench}"; case "$1" in campaign-service) echo "campaigns_$s" ;; extraction-worker) echo "extraction_$s" ;; outreach-worker) echo "outreach_$s" ;; esac; }

# need_package <command> [debian package]: installs Debian's package when the command is missing (root, as
# e2e-browser/run.sh does for chromium), or stops with the command to run.
need_package() {
  local cmd=$1 pkg=${2:-$1}
  command -v "$cmd" >/dev/null && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "[hostreach] installing $pkg (Debian package)" >&2
    { apt-get install -y -q "$pkg" || { apt-get update -q && apt-get install -y -q "$pkg"; }; } </dev/null >"$WORK/apt-$pkg.log" 2>&1
  fi
  command -v "$cmd" >/dev/null || die "$cmd is not installed (apt-get install -y $pkg)"
}

# The -D options that give a service this run's topics and groups, its bench database and our tokens.
service_opts() {
  local module=$1 db; db="$(db_of "$module")"
  local group
  for group in $(grep -oE '^mp\.messaging\.incoming\.[a-z-]+\.group\.id' "$ROOT/$module/src/main/resources/application.properties"); do
    echo "-D$group=$module-$RUN_TAG"
  done
  for topic in campaign-events lead-events extraction-events outreach-events; do
    echo "-Dhostreach.topics.$topic=$topic-$RUN_TAG"
  done
  echo "-Dkafka.bootstrap.servers=$KAFKA"
  echo "-Dquarkus.datasource.reactive.url=postgresql://$PG_HOST:$PG_PORT/$db"
  echo "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://$PG_HOST:$PG_PORT/$db"
  echo "-Dhostreach.outbox.initial-delay=1s"
  # The shared PostgreSQL has 100 connections for every helper: a modest pool each.
  echo "-Dquarkus.datasource.reactive.max-size=${BENCH_POOL:-10}"
  echo "-Dhostreach.admin.token=$ADMIN_TOKEN"
  echo "-Dhostreach.secrets.key=$SECRETS_KEY"
  echo "-Dhostreach.internal.token=$INTERNAL_TOKEN"
  echo "-Dhostreach.internal-token=$INTERNAL_TOKEN"
  # outreach-worker refuses to start without these (an empty value is not "unset" to SmallRye Config).
  echo "-Dhostreach.whatsapp.verify-token=bench-verify"
  echo "-Dhostreach.whatsapp.app-secret=bench-app-secret"
}

# The bench databases, created once (as deploy/local/postgres.sh does: the postgres role, trusted on loopback).
ensure_databases() {
  local db
  for db in "$(db_of campaign-service)" "$(db_of extraction-worker)" "$(db_of outreach-worker)" pgbench_bench; do
    if ! psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_APP_USER" -d "$db" -qtAc 'select 1' >/dev/null 2>&1; then
      psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -qc "create database $db owner $PG_APP_USER" >/dev/null \
        || die "could not create database $db (create it as a superuser, owner $PG_APP_USER)"
    fi
  done
}

# Cleans a service's bench database (once per script, before the first start).
clean_db() { sqlq "$(db_of "$1")" "drop schema if exists public cascade; create schema public" >/dev/null; }

# start_service <module> [extra -D options...]: starts the packaged jar on a free port, waits until ready,
# sets SERVICE_PID[module], SERVICE_PORT[module] and STARTUP_MS (launch to first ready answer).
start_service() {
  local module=$1; shift
  local port; port="${SERVICE_PORT[$module]:-$(free_port)}"
  local -a opts; mapfile -t opts < <(service_opts "$module")
  local heap="${BENCH_HEAP:-512m}"; [ "$heap" = default ] && heap="" # default: the JVM's own sizing
  local t0; t0="$(now_ms)"
  java ${heap:+-Xmx$heap} "${opts[@]}" -Dquarkus.http.port="$port" "$@" ${BENCH_JAVA_OPTS:-} \
    -jar "$(jar_of "$module")" </dev/null >>"$WORK/$module.log" 2>&1 &
  SERVICE_PID[$module]=$!
  SERVICE_PORT[$module]=$port
  local bound=$((SECONDS + ${START_TIMEOUT:-300}))
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "${SERVICE_PID[$module]}" 2>/dev/null || die "$module stopped: $(tail -20 "$WORK/$module.log")"
    (( SECONDS < bound )) || die "$module not ready after ${START_TIMEOUT:-300}s (logs in $WORK)"
    sleep 0.05
  done
  STARTUP_MS=$(( $(now_ms) - t0 ))
  STARTUP_CPU="$(cpu_seconds "${SERVICE_PID[$module]}")"
}

# CPU seconds (user + system) a process has used: a figure the machine's other load barely moves.
cpu_seconds() { awk -v t="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }

# stop_service <module> [signal]: stops it (TERM by default) and waits.
stop_service() {
  local module=$1 sig=${2:-TERM} pid="${SERVICE_PID[$1]:-}"
  [ -n "$pid" ] || return 0
  kill -"$sig" "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
  unset "SERVICE_PID[$module]"
}

url_of() { echo "http://127.0.0.1:${SERVICE_PORT[$1]}"; }

# A workspace and an API key on the running campaign-service: sets WORKSPACE and API_KEY ($1 = environment).
create_workspace() {
  local env=${1:-live} base; base="$(url_of campaign-service)"
  WORKSPACE="$(curl -fsS -X POST "$base/admin/v1/workspaces" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d '{"name": "bench", "timezone": "Europe/Madrid", "country": "ES"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  API_KEY="$(curl -fsS -X POST "$base/admin/v1/workspaces/$WORKSPACE/api-keys" -H "Authorization: Bearer $ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d "{\"name\": \"bench\", \"environment\": \"$env\", \"scopes\": []}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')"
}

# api <METHOD> <path under /v1/public/v1> [body]: prints the body; fails on a non-2xx answer.
api() {
  local method=$1 path=$2 body=${3:-}
  curl -fsS -X "$method" "$(url_of campaign-service)/v1/public/v1$path" -H "X-Api-Key: $API_KEY" \
    -H 'Content-Type: application/json' ${body:+-d "$body"}
}
json_field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

# The three services, workers first (campaign-service asks extraction-worker for platform data), each with its
# bench database cleaned; extra -D options for all three in "$@".
start_stack() {
  clean_db extraction-worker; clean_db outreach-worker; clean_db campaign-service
  start_service extraction-worker -Dhostreach.schedule.enabled=false "$@"
  start_service outreach-worker -Dhostreach.campaign-service.url="http://127.0.0.1:1" "$@"
  start_service campaign-service -Dhostreach.rate-limit.requests-per-minute=100000000 \
    -Dquarkus.rest-client.extraction-worker.url="$(url_of extraction-worker)" \
    -Dhostreach.outreach-worker.url="$(url_of outreach-worker)" "$@"
}

# A running campaign both workers know (csv_import, manual WhatsApp: it needs no account and no portal); sets CAMPAIGN.
RUNNABLE_CAMPAIGN='{"name": "bench", "platform": "csv_import", "contactMode": "whatsapp-no-api", "segmentation": {"batchSize": 5},
  "settings": {"scheduledHours": "9", "scheduledDays": "1", "sequence": [{"text": "Hola", "delayHours": 0}]}}'
create_running_campaign() {
  CAMPAIGN="$(api POST /campaigns "$RUNNABLE_CAMPAIGN" | json_field '["id"]')"
  api PATCH "/campaigns/$CAMPAIGN/status" '{"status": "running"}' >/dev/null
  local worker
  for worker in extraction-worker outreach-worker; do
    until curl -fs "$(url_of "$worker")/internal/v1/campaigns/$CAMPAIGN" | grep -q '"status":"running"'; do left; sleep 0.2; done
  done
}

# java single-file programs on the Kafka client from ~/.m2 (no build).
KAFKA_CP="$HOME/.m2/repository/org/apache/kafka/kafka-clients/4.1.2/kafka-clients-4.1.2.jar:$(ls -d "$HOME"/.m2/repository/org/slf4j/slf4j-api/2.*/slf4j-api-2.*.jar 2>/dev/null | grep -v sources | tail -1)"
