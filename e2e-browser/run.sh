#!/usr/bin/env bash
# The website widget in a real browser (issue 5): Debian's headless Chromium driven by playwright-core.
# Starts the packaged campaign-service on a free port against its own database (campaigns_browser, cleaned at
# start) and per-run Kafka topics and groups, runs widget.test.mjs, and stops what it started.
#   bash e2e-browser/run.sh        (Kafka at $KAFKA_BOOTSTRAP_SERVERS, PostgreSQL at 127.0.0.1:5432)
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/.." && pwd)"
OUT="$HERE/out"
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
DB_HOST="${DB_HOST:-127.0.0.1}"
DB_PORT="${DB_PORT:-5432}"
DB="campaigns_browser"
log() { echo "[browser-test] $*"; }

# 1. Chromium from Debian's packages (never a Playwright browser download).
if [ ! -x "$CHROMIUM" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing chromium with apt-get"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
      log "SKIPPED: apt-get could not install chromium"; exit 0
    fi
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && command -v apt-get >/dev/null 2>&1; then
    log "installing chromium with sudo apt-get"
    if ! { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }; then
      log "SKIPPED: apt-get could not install chromium"; exit 0
    fi
  else
    log "SKIPPED: $CHROMIUM is missing and apt-get cannot run here (needs root); install the chromium package"
    exit 0
  fi
fi
command -v node >/dev/null 2>&1 || { log "node (and npm) are required"; exit 1; }

# 2. playwright-core, exactly as locked; it never downloads a browser.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
(cd "$HERE" && npm ci --no-audit --no-fund --silent)

# 3. The packaged service, built when missing or older than its sources.
JAR="$ROOT/campaign-service/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/campaign-service/src/main" "$ROOT/platform/src/main" -newer "$JAR" -type f -print -quit)" ]; then
  log "packaging campaign-service"
  (cd "$ROOT" && ./mvnw -B -q -pl campaign-service -am package -DskipTests)
fi

# 4. Its own database.
psql_as() { psql -h "$DB_HOST" -p "$DB_PORT" -U "$1" -d postgres -v ON_ERROR_STOP=1 -Atqc "$2"; }
if [ -z "$(psql_as hostreach "select 1 from pg_database where datname = '$DB'" 2>/dev/null || true)" ]; then
  log "creating database $DB"
  psql_as hostreach "create database $DB" 2>/dev/null \
    || psql_as postgres "create database $DB owner hostreach" \
    || { log "could not create database $DB"; exit 1; }
fi

# 5. Start it on a free port; stop it whatever happens.
PORT="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
RUN="browser-$(date +%s)-$$"
mkdir -p "$OUT"
SERVICE_LOG="$OUT/campaign-service.log"
SERVICE_PID=""
cleanup() {
  if [ -n "$SERVICE_PID" ] && kill -0 "$SERVICE_PID" 2>/dev/null; then
    kill "$SERVICE_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$SERVICE_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$SERVICE_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

export HOSTREACH_ADMIN_TOKEN="browser-admin-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
log "starting campaign-service on 127.0.0.1:$PORT (log: $SERVICE_LOG)"
env HTTP_PORT="$PORT" QUARKUS_HTTP_HOST=127.0.0.1 \
    DB_HOST="$DB_HOST" DB_PORT="$DB_PORT" DB_NAME="$DB" \
    QUARKUS_FLYWAY_CLEAN_AT_START=true QUARKUS_FLYWAY_CLEAN_DISABLED=false \
    KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}" \
    HOSTREACH_TOPICS_CAMPAIGN_EVENTS="campaign-events-$RUN" \
    HOSTREACH_TOPICS_LEAD_EVENTS="lead-events-$RUN" \
    HOSTREACH_TOPICS_EXTRACTION_EVENTS="extraction-events-$RUN" \
    HOSTREACH_TOPICS_OUTREACH_EVENTS="outreach-events-$RUN" \
    MP_MESSAGING_INCOMING_LEAD_EVENTS_IN_GROUP_ID="campaign-service-$RUN" \
    MP_MESSAGING_INCOMING_EXTRACTION_EVENTS_IN_GROUP_ID="campaign-service-$RUN" \
    MP_MESSAGING_INCOMING_OUTREACH_EVENTS_IN_GROUP_ID="campaign-service-$RUN" \
    HOSTREACH_SECRETS_KEY="$(head -c 32 /dev/urandom | base64)" \
    EXTRACTION_WORKER_URL="http://127.0.0.1:9" \
    java -Xmx256m -jar "$JAR" >"$SERVICE_LOG" 2>&1 </dev/null &
SERVICE_PID=$!

BASE_URL="http://127.0.0.1:$PORT"
for i in $(seq 1 120); do
  if curl -fsS "$BASE_URL/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$SERVICE_PID" 2>/dev/null; then log "campaign-service exited; see $SERVICE_LOG"; tail -20 "$SERVICE_LOG"; exit 1; fi
  if [ "$i" -eq 120 ]; then log "campaign-service not ready after 60 s; see $SERVICE_LOG"; exit 1; fi
  sleep 0.5
done
log "campaign-service ready"

# 6. The browser test.
(cd "$HERE" && BASE_URL="$BASE_URL" CHROMIUM_PATH="$CHROMIUM" node widget.test.mjs)
