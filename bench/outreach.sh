#!/usr/bin/env bash
# Target P3: outreach-worker's sending throughput against a local Graph API stub.
#
# Starts, on loopback: a stub of Meta's Graph API and of campaign-service's internal accounts/templates API
# (bench/outreach/GraphStub.java, JDK only) and the packaged outreach-worker (its own database schema, its own
# Kafka topics and consumer groups), plus PostgreSQL and Kafka if they are not running. Two phases, each with a
# fresh worker: a backlog of due first messages of one live campaign (rows written as enrolment leaves them,
# paused, then resumed so everything is due at once) is sent through the whole pipeline (claim with SKIP LOCKED,
# SENDING committed before the call, Cloud API request, answers recorded, message.sent through the outbox):
#   1. limits off (throughput limiter, account limit and quiet hours off):
#        outreach_sends_per_second: N            (requests arriving at the stub per second, first to last)
#   2. the limiter at 80 msg/s (the Cloud API's default per-number throughput):
#        outreach_rate_80_achieved: N msg/s       (arrivals at the stub, after a one-second warm-up)
#        outreach_rate_80_error: N %
#        outreach_rate_80_max_in_1s_window: N     (most arrivals at the stub in any sliding 1 s window)
# Then it stops everything it started and drops its schema. Not run by `make test`.
#
#   bench/outreach.sh                                   # 5,000 sends unlimited, 880 at 80/s
#   SENDS=2000 RATE_MESSAGES=480 bench/outreach.sh      # a quicker look
#   BENCH_TIMEOUT=300 bench/outreach.sh                 # bound after the build, seconds (default 300)
#   BENCH_JAVA_OPTS='-D...' KEEP_LOGS=yes               # extra worker options; keep the logs (the path is printed)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/deploy/local/env.sh"
# The helpers every bench shares (free_port, left, uuid, cpu_seconds, ...); this script keeps its own set-up.
BENCH_TIMEOUT="${BENCH_TIMEOUT:-300}"  # before lib.sh, whose default is 600
source "$ROOT/bench/lib.sh"
export PGOPTIONS="-c client_min_messages=warning"

SENDS="${SENDS:-5000}"
RATE="${RATE:-80}"
RATE_MESSAGES="${RATE_MESSAGES:-880}"
HEAP="${BENCH_HEAP:-384m}"
DB_NAME="${BENCH_DB:-outreach}"
SCHEMA="bench_outreach"
RUN_TAG="bench-$(date +%s)-$$"
WORK="$(mktemp -d)"
DEADLINE=$((SECONDS + 900))  # the build's own bound; reset once it is done
export PGPASSWORD="$PG_APP_PASSWORD"
# Unqualified table names below are the bench schema's.
export PGOPTIONS="-c client_min_messages=warning -c search_path=$SCHEMA"

sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_APP_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qtAX -c "$1"; }

STUB_PID="" WORKER_PID="" STARTED_PG=no STARTED_KAFKA=no
stop_worker() {
  if [ -n "$WORKER_PID" ]; then kill "$WORKER_PID" 2>/dev/null; wait "$WORKER_PID" 2>/dev/null || true; WORKER_PID=""; fi
}
cleanup() {
  set +e
  stop_worker
  [ -n "$STUB_PID" ] && kill "$STUB_PID" 2>/dev/null && wait "$STUB_PID" 2>/dev/null
  port_open "$PG_HOST" "$PG_PORT" && sql "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1
  [ "$STARTED_KAFKA" = yes ] && "$ROOT/deploy/local/kafka.sh" down >/dev/null 2>&1
  [ "$STARTED_PG" = yes ] && "$ROOT/deploy/local/postgres.sh" down >/dev/null 2>&1
  [ "${KEEP_LOGS:-no}" = yes ] || rm -rf "$WORK"
}
trap cleanup EXIT
trap "exit 143" TERM; trap "exit 130" INT

# --- Infrastructure: reuse what runs, start (and later stop) what does not ---
if ! port_open "$PG_HOST" "$PG_PORT"; then "$ROOT/deploy/local/postgres.sh" up >&2; STARTED_PG=yes; fi
if ! port_open 127.0.0.1 "$KAFKA_PORT"; then "$ROOT/deploy/local/kafka.sh" up >&2; STARTED_KAFKA=yes; fi

# --- The worker, packaged (built once; rebuilt when a source is newer than the jar) ---
JAR="$ROOT/outreach-worker/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/outreach-worker/src/main" "$ROOT/platform/src/main" -newer "$JAR" -type f | head -1)" ]; then
  log "packaging outreach-worker"
  timeout 900 "$MVNW" -B -q -pl outreach-worker -am package -DskipTests >"$WORK/build.log" 2>&1 \
    || die "build failed: $WORK/build.log"
fi

DEADLINE=$((SECONDS + BENCH_TIMEOUT))

# --- A schema of its own: the bench never touches the service's tables or a running stack's messages ---
sql "drop schema if exists $SCHEMA cascade; create schema $SCHEMA" >/dev/null

# --- The stub Graph API (and campaign-service's internal API) ---
STUB_PORT="$(free_port)"
java -Xmx256m -Dsun.net.httpserver.nodelay=true "$ROOT/bench/outreach/GraphStub.java" "$STUB_PORT" 16 >"$WORK/stub.log" 2>&1 &
STUB_PID=$!
wait_for 60 port_open 127.0.0.1 "$STUB_PORT" || die "graph stub did not start: $WORK/stub.log"
STUB="http://127.0.0.1:$STUB_PORT"

# Starts a worker whose throughput limiter allows $1 messages per second (0 = off); extra options follow.
start_worker() {
  local per_second=$1; shift
  HTTP_PORT="$(free_port)"
  java -Xmx"$HEAP" \
    -Dquarkus.http.port="$HTTP_PORT" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME?currentSchema=$SCHEMA" \
    -Dquarkus.datasource.reactive.url="postgresql://$PG_HOST:$PG_PORT/$DB_NAME?search_path=$SCHEMA" \
    -Dquarkus.flyway.schemas="$SCHEMA" -Dquarkus.flyway.default-schema="$SCHEMA" \
    -Dquarkus.hibernate-orm.database.default-schema="$SCHEMA" \
    -Dhostreach.topics.campaign-events="$RUN_TAG-campaign-events" \
    -Dhostreach.topics.lead-events="$RUN_TAG-lead-events" \
    -Dhostreach.topics.outreach-events="$RUN_TAG-outreach-events" \
    -Dmp.messaging.incoming.campaign-events-in.group.id="$RUN_TAG" \
    -Dmp.messaging.incoming.lead-events-in.group.id="$RUN_TAG" \
    -Dhostreach.internal-token=bench \
    -Dhostreach.whatsapp.verify-token=bench-verify -Dhostreach.whatsapp.app-secret=bench-app-secret \
    -Dhostreach.campaign-service.url="$STUB" \
    -Dhostreach.whatsapp.base-url="$STUB" \
    -Dhostreach.outreach.quiet-hours=none \
    -Dhostreach.outreach.throughput.per-second="$per_second" \
    -Dquarkus.log.category.\"io.hostreach\".level=WARN \
    "$@" ${BENCH_JAVA_OPTS:-} \
    -jar "$JAR" >>"$WORK/worker.log" 2>&1 &
  WORKER_PID=$!
  until curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$WORKER_PID" 2>/dev/null || die "the worker stopped: $(tail -5 "$WORK/worker.log")"
    left; sleep 0.5
  done
}

# Writes one paused live campaign with $2 leads, each with step 1 due now, numbers from +3461<$3 + i>; echoes its id.
backlog() {
  local campaign workspace account
  campaign="$(uuid)" workspace="$(uuid)" account="acc-$1"
  sql "insert into campaign (id, workspace_id, environment, name, platform, mode, contact_mode, status, segmentation,
         settings, timezone, country, version, updated_at, received_at)
       values ('$campaign', '$workspace', 'live', 'bench $1', 'idealista', 'extract_and_contact', 'whatsapp', 'paused',
         '{\"filters\": {\"privateOnly\": true}}',
         '{\"accountId\": \"$account\", \"sequence\": [{\"templateId\": \"tpl-bench\", \"delayHours\": 0}]}',
         'Europe/Madrid', 'ES', 1, now(), now());
       with e as (
         insert into enrolment (id, lead_id, campaign_id, workspace_id, environment, phone, region, lead, source, status, created_at)
         select gen_random_uuid(), gen_random_uuid(), '$campaign', '$workspace', 'live', '+3461' || lpad(($3 + g)::text, 7, '0'),
                'ES', '{\"name\": \"Ana\", \"listing\": {\"title\": \"Piso en Ruzafa\"}}', 'portal', 'ACTIVE', now()
         from generate_series(1, $2) g
         returning id, lead_id, phone)
       insert into outreach_message (id, enrolment_id, lead_id, campaign_id, workspace_id, environment, step, phone, status,
                                     due_at, attempts, ecosystem_retried, created_at, updated_at)
       select gen_random_uuid(), e.id, e.lead_id, '$campaign', '$workspace', 'live', 1, e.phone, 'PENDING', now(), 0, false,
              now(), now()
       from e;" >/dev/null
  echo "$campaign"
}

# Resumes the campaign and waits until none of its $2 messages is still to send (PENDING or SENDING). A message whose
# answer could not be recorded (e.g. the shared PostgreSQL out of connections) ends UNKNOWN, never resent: counted.
send_all() {
  curl -fs -X DELETE "$STUB/arrivals" >/dev/null
  sql "update campaign set status = 'running' where id = '$1'" >/dev/null
  until [ "$(sql "select count(*) from outreach_message where campaign_id = '$1' and status not in ('PENDING', 'SENDING')" 2>/dev/null)" = "$2" ]; do
    kill -0 "$WORKER_PID" 2>/dev/null || die "the worker stopped: $(tail -5 "$WORK/worker.log")"
    left; sleep 0.25
  done
  local other; other="$(sql "select count(*) from outreach_message where campaign_id = '$1' and status <> 'SENT'")"
  [ "$other" = 0 ] || log "warning: $other messages of $1 ended other than SENT: $(sql "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from outreach_message where campaign_id = '$1' group by 1) s")"
}

# --- Phase 1: limits off ---
log "phase 1: $SENDS sends, limits off"
start_worker 0 -Dhostreach.outreach.account-limit.enabled=false
CAMPAIGN="$(backlog unlimited "$SENDS" 0)"
T0="$(date +%s.%N)"
send_all "$CAMPAIGN" "$SENDS"
T1="$(date +%s.%N)"
curl -fs "$STUB/arrivals" >"$WORK/arrivals-unlimited.txt"
stop_worker

# --- Phase 2: the limiter at $RATE msg/s ---
log "phase 2: $RATE_MESSAGES sends at $RATE msg/s"
start_worker "$RATE" -Dhostreach.outreach.account-limit.enabled=false  # the daily account limit (200) would stop it first
CAMPAIGN2="$(backlog limited "$RATE_MESSAGES" 5000000)"
send_all "$CAMPAIGN2" "$RATE_MESSAGES"
curl -fs "$STUB/arrivals" >"$WORK/arrivals-rate.txt"
sql "select (extract(epoch from sent_at) * 1000000000)::bigint from outreach_message where campaign_id = '$CAMPAIGN2'" \
  >"$WORK/sent-rate.txt"
stop_worker

python3 - "$WORK" "$SENDS" "$RATE" "$T0" "$T1" <<'PY'
import sys
work, sends, rate, t0, t1 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])

def load(name):
    with open(f"{work}/{name}") as f:
        return sorted(int(line) for line in f if line.strip())

def per_second(times):
    return (len(times) - 1) * 1e9 / (times[-1] - times[0])

def max_in_window(times, window=1_000_000_000):
    best, start = 0, 0
    for end in range(len(times)):
        while times[end] - times[start] >= window:
            start += 1
        best = max(best, end - start + 1)
    return best

unlimited = load("arrivals-unlimited.txt")
assert len(unlimited) >= sends, f"{len(unlimited)} arrivals for {sends} sends"
print(f"outreach_sends_per_second: {per_second(unlimited):.0f}")
print(f"outreach_sends_recorded: {sends} in {t1 - t0:.2f} s from the resume to the last answer recorded "
      f"({sends / (t1 - t0):.0f}/s)")

arrivals = load("arrivals-rate.txt")
warm = [t for t in arrivals if t >= arrivals[0] + 1_000_000_000]  # the first second: the claim pipeline filling up
achieved = per_second(warm)
print(f"outreach_rate_{rate}_achieved: {achieved:.2f} msg/s")
print(f"outreach_rate_{rate}_error: {(achieved - rate) / rate * 100:+.2f} %")
print(f"outreach_rate_{rate}_max_in_1s_window: {max_in_window(arrivals)}")
sent = load("sent-rate.txt")
print(f"outreach_rate_{rate}_at_send: {per_second([t for t in sent if t >= sent[0] + 1_000_000_000]):.2f} msg/s, "
      f"at most {max_in_window(sent)} in any 1 s window ({len(arrivals)} messages, "
      f"{(arrivals[-1] - arrivals[0]) / 1e9:.1f} s)")
PY
echo "outreach_load: load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
[ "${KEEP_LOGS:-no}" = yes ] && echo "logs: $WORK"
exit 0
