#!/usr/bin/env bash
# CSV import of 50,000 leads through the public API (POST /campaigns/{id}/leads/import, text/csv).
#
# Starts, on loopback and free ports, the packaged campaign-service and outreach-worker (which answers the
# suppression check), each on a database of its own (campaigns_bench_csv, outreach_bench_csv: created, then
# dropped) and Kafka topics of their own, plus PostgreSQL and Kafka if they are not running. It creates a
# workspace, a test key and a csv_import campaign, generates the file, imports it and prints:
#   csv_import_50000_rows: N s        (the import request, from the first byte sent to the answer)
# Then it stops everything it started. Not run by `make test`.
#
#   bench/csv-import.sh                           # 50,000 rows
#   ROWS=5000 bench/csv-import.sh                 # a quicker look
#   BENCH_API=http://127.0.0.1:8080 BENCH_KEY=hr_test_... bench/csv-import.sh
#                                                 # against a running campaign-service (a key of a test workspace)
#   KEEP_LOGS=yes bench/csv-import.sh             # keep the services' logs (the path is printed)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/deploy/local/env.sh"
# The helpers every bench shares (free_port, left, uuid, cpu_seconds, ...); this script keeps its own set-up.
BENCH_TIMEOUT="${BENCH_TIMEOUT:-300}"  # before lib.sh, whose default is 600
source "$ROOT/bench/lib.sh"

ROWS="${ROWS:-50000}"
RUN_TAG="bench-csv-$(date +%s)-$$"
WORK="$(mktemp -d)"
CAMPAIGNS_DB="campaigns_bench_csv"
OUTREACH_DB="outreach_bench_csv"
ADMIN_TOKEN="bench-admin-$RUN_TAG"
INTERNAL_TOKEN="bench-internal-$RUN_TAG"
export PGPASSWORD="$PG_APP_PASSWORD"

# Creating a database takes the superuser (as deploy/local/postgres.sh does: trust on loopback).
psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "${PG_SUPERUSER:-postgres}" -d postgres -v ON_ERROR_STOP=1 -qtAX -c "$1"; }
healthy() { curl -fs "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; }

CS_PID="" OW_PID="" STARTED_PG=no STARTED_KAFKA=no CREATED_DBS=no
cleanup() {
  set +e
  [ -n "$CS_PID" ] && kill "$CS_PID" 2>/dev/null && wait "$CS_PID" 2>/dev/null
  [ -n "$OW_PID" ] && kill "$OW_PID" 2>/dev/null && wait "$OW_PID" 2>/dev/null
  if [ "$CREATED_DBS" = yes ] && port_open "$PG_HOST" "$PG_PORT"; then
    psql_admin "drop database if exists $CAMPAIGNS_DB" >/dev/null 2>&1
    psql_admin "drop database if exists $OUTREACH_DB" >/dev/null 2>&1
  fi
  [ "$STARTED_KAFKA" = yes ] && "$ROOT/deploy/local/kafka.sh" down >/dev/null 2>&1
  [ "$STARTED_PG" = yes ] && "$ROOT/deploy/local/postgres.sh" down >/dev/null 2>&1
  [ "${KEEP_LOGS:-no}" = yes ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
export PGOPTIONS="-c client_min_messages=warning"

# The file: phone, name, email and two attribute columns; every number a distinct valid Spanish mobile.
python3 - "$ROWS" >"$WORK/leads.csv" <<'PY'
import sys
rows = int(sys.argv[1])
out = sys.stdout
out.write("phone;name;email;barrio;notes\n")
for i in range(rows):
    out.write(f"6{i:08d};Propietario {i};owner{i}@example.com;Ruzafa;\"Llamar por la tarde; piso {i % 40}\"\n")
PY
SIZE_MB="$(python3 -c "import os; print(round(os.path.getsize('$WORK/leads.csv') / 1048576, 2))")"

if [ -n "${BENCH_API:-}" ]; then
  [ -n "${BENCH_KEY:-}" ] || die "BENCH_API needs BENCH_KEY (a key of a test workspace)"
  API="$BENCH_API" KEY="$BENCH_KEY"
else
  # --- Infrastructure: reuse what runs, start (and later stop) what does not ---
  if ! port_open "$PG_HOST" "$PG_PORT"; then "$ROOT/deploy/local/postgres.sh" up >&2; STARTED_PG=yes; fi
  if ! port_open 127.0.0.1 "$KAFKA_PORT"; then "$ROOT/deploy/local/kafka.sh" up >&2; STARTED_KAFKA=yes; fi

  # --- The services, packaged (rebuilt when a source is newer than the jar) ---
  stale() { local jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"; [ ! -f "$jar" ] \
    || [ -n "$(find "$ROOT/$1/src/main" "$ROOT/platform/src/main" -newer "$jar" -type f | head -1)" ]; }
  if stale campaign-service || stale outreach-worker; then
    log "packaging campaign-service and outreach-worker"
    timeout 900 "$MVNW" -B -q -pl campaign-service,outreach-worker -am package -DskipTests >"$WORK/build.log" 2>&1 \
      || die "build failed: $WORK/build.log"
  fi

  # --- Databases of their own (Flyway creates the schema) ---
  for db in "$CAMPAIGNS_DB" "$OUTREACH_DB"; do
    psql_admin "drop database if exists $db" >/dev/null
    psql_admin "create database $db owner $PG_APP_USER" >/dev/null
  done
  CREATED_DBS=yes

  common_env() {
    exec env DB_HOST="$PG_HOST" DB_PORT="$PG_PORT" DB_USER="$PG_APP_USER" DB_PASSWORD="$PG_APP_PASSWORD" \
      KAFKA_BOOTSTRAP_SERVERS="$KAFKA_BOOTSTRAP_SERVERS" HOSTREACH_INTERNAL_TOKEN="$INTERNAL_TOKEN" "$@"
  }
  TOPICS="-Dhostreach.topics.campaign-events=$RUN_TAG-campaign-events -Dhostreach.topics.lead-events=$RUN_TAG-lead-events
    -Dhostreach.topics.extraction-events=$RUN_TAG-extraction-events -Dhostreach.topics.outreach-events=$RUN_TAG-outreach-events"
  OW_PORT="$(free_port)" CS_PORT="$(free_port)"
  # shellcheck disable=SC2086
  common_env DB_NAME="$OUTREACH_DB" HTTP_PORT="$OW_PORT" \
    java -Xmx256m $TOPICS -Dquarkus.http.port="$OW_PORT" -Dmp.messaging.incoming.campaign-events-in.group.id="$RUN_TAG" \
      -Dhostreach.whatsapp.verify-token="bench-$RUN_TAG" -Dhostreach.whatsapp.app-secret="bench-$RUN_TAG" \
      -Dmp.messaging.incoming.lead-events-in.group.id="$RUN_TAG" \
      -jar "$ROOT/outreach-worker/target/quarkus-app/quarkus-run.jar" >"$WORK/outreach-worker.log" 2>&1 &
  OW_PID=$!
  # shellcheck disable=SC2086
  common_env DB_NAME="$CAMPAIGNS_DB" HTTP_PORT="$CS_PORT" HOSTREACH_ADMIN_TOKEN="$ADMIN_TOKEN" \
    HOSTREACH_SECRETS_KEY="$(head -c 32 /dev/urandom | base64)" \
    java -Xmx256m $TOPICS -Dquarkus.http.port="$CS_PORT" -Dhostreach.outreach-worker.url="http://127.0.0.1:$OW_PORT" \
      -Dquarkus.log.category.\"io.hostreach.campaign.importing\".level=DEBUG \
      -Dmp.messaging.incoming.lead-events-in.group.id="$RUN_TAG" \
      -Dmp.messaging.incoming.extraction-events-in.group.id="$RUN_TAG" \
      -Dmp.messaging.incoming.outreach-events-in.group.id="$RUN_TAG" \
      -jar "$ROOT/campaign-service/target/quarkus-app/quarkus-run.jar" >"$WORK/campaign-service.log" 2>&1 &
  CS_PID=$!
  DEADLINE=$((SECONDS + BENCH_TIMEOUT))
  until healthy "$CS_PORT" && healthy "$OW_PORT"; do
    kill -0 "$CS_PID" 2>/dev/null || die "campaign-service stopped: $(tail -5 "$WORK/campaign-service.log")"
    kill -0 "$OW_PID" 2>/dev/null || die "outreach-worker stopped: $(tail -5 "$WORK/outreach-worker.log")"
    (( SECONDS < DEADLINE )) || die "the services did not become healthy in ${BENCH_TIMEOUT}s (logs in $WORK)"
    sleep 0.5
  done
  API="http://127.0.0.1:$CS_PORT"
  WS="$(curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' "$API/admin/v1/workspaces" \
        -d '{"name": "CSV bench", "timezone": "Europe/Madrid", "country": "ES"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
  KEY="$(curl -fsS -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' "$API/admin/v1/workspaces/$WS/api-keys" \
        -d '{"name": "bench", "environment": "test", "scopes": []}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])')"
fi

PUBLIC="$API/v1/public/v1"
CAMPAIGN="$(curl -fsS -H "X-Api-Key: $KEY" -H 'Content-Type: application/json' "$PUBLIC/campaigns" -d '{
  "platform": "csv_import", "name": "CSV bench", "contactMode": "whatsapp-no-api", "segmentation": {"batchSize": 25},
  "settings": {"scheduledHours": "10", "scheduledDays": "1,2,3,4,5", "sequence": [{"text": "Hola {{name}}", "delayHours": 0}]}}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"

# curl's own timer: from the connection to the last byte of the answer.
OUT="$(curl -sS -o "$WORK/answer.json" -w '%{http_code} %{time_total}' -H "X-Api-Key: $KEY" -H 'Content-Type: text/csv' \
  --data-binary @"$WORK/leads.csv" "$PUBLIC/campaigns/$CAMPAIGN/leads/import")"
read -r CODE SECS <<<"$OUT"
[ "$CODE" = 200 ] || die "import answered $CODE: $(head -c 500 "$WORK/answer.json")"
IMPORTED="$(python3 -c "import json; a = json.load(open('$WORK/answer.json')); print(a['imported'], 'imported,', a['duplicates'], 'duplicates,', a['suppressed'], 'suppressed,', len(a['invalid']), 'invalid of', a['total'])")"

echo "csv_import_file: $ROWS rows, $SIZE_MB MB"
echo "csv_import_answer: $IMPORTED"
echo "csv_import_${ROWS}_rows: $(python3 -c "print(round($SECS, 2))") s"
if [ -f "$WORK/campaign-service.log" ]; then
  # Where the time went, from the service's own log: reading the file, the suppression check, check + store.
  grep -Eo '(rows read in|suppression list in|checked and stored in) [0-9]+ ms' "$WORK/campaign-service.log" \
    | sed -E 's/^rows read in/read/; s/^suppression list in/suppression check/; s/^checked and stored in/check + store/' \
    | paste -sd, - | sed 's/^/csv_import_breakdown: /; s/,/, /g'
fi
echo "load_average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
[ "${KEEP_LOGS:-no}" = yes ] && echo "logs: $WORK"
[ "$(python3 -c "import json; print(json.load(open('$WORK/answer.json'))['imported'])")" = "$ROWS" ] || \
  die "imported fewer rows than the file has (running stack: were some numbers there already?)"
