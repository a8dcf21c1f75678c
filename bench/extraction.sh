#!/usr/bin/env bash
# Target P4: extraction of 10,000 listings from a local fixture portal with politeness off.
#
# Starts, on loopback: a fixture portal (bench/extraction/FixturePortal.java: idealista-like search pages and
# contact answers, generated) and the packaged extraction-worker (heap capped at 256 MB, its own database
# schema, its own Kafka topics), plus PostgreSQL and Kafka if they are not running. It queues one run of a
# live campaign, waits until the run has read every listing and the outbox has published every lead, and
# prints:
#   extraction_listings_per_second: N listings/s   (listings read / the run's own start-to-finish time)
#   extraction_peak_heap: N MB                      (highest heap in use, jstat every 250 ms: costs the worker nothing)
# Then it stops everything it started and drops its schema. Not run by `make test`.
#
#   bench/extraction.sh                     # 10,000 listings
#   LISTINGS=2000 bench/extraction.sh       # a quicker look
#   BENCH_TIMEOUT=300 bench/extraction.sh   # bound after the build, seconds (default 300)
#   BENCH_JAVA_OPTS='-D...' KEEP_LOGS=yes   # extra worker options; keep the logs (the path is printed)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/deploy/local/env.sh"
# The helpers every bench shares (free_port, left, uuid, cpu_seconds, ...); this script keeps its own set-up.
BENCH_TIMEOUT="${BENCH_TIMEOUT:-300}"  # before lib.sh, whose default is 600
source "$ROOT/bench/lib.sh"

LISTINGS="${LISTINGS:-10000}"
HEAP="${BENCH_HEAP:-256m}"
DB_NAME="${BENCH_DB:-extraction}"
SCHEMA="bench_extraction"
RUN_TAG="bench-$(date +%s)-$$"
WORK="$(mktemp -d)"
DEADLINE=$((SECONDS + 900))  # the build's own bound; reset once it is done
export PGPASSWORD="$PG_APP_PASSWORD"

sql() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_APP_USER" -d "$DB_NAME" -v ON_ERROR_STOP=1 -qtAX -c "$1"; }

PORTAL_PID="" WORKER_PID="" JSTAT_PID="" STARTED_PG=no STARTED_KAFKA=no
cleanup() {
  set +e
  [ -n "$JSTAT_PID" ] && kill "$JSTAT_PID" 2>/dev/null && wait "$JSTAT_PID" 2>/dev/null
  [ -n "$WORKER_PID" ] && kill "$WORKER_PID" 2>/dev/null && wait "$WORKER_PID" 2>/dev/null
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null
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
JAR="$ROOT/extraction-worker/target/quarkus-app/quarkus-run.jar"
if [ ! -f "$JAR" ] || [ -n "$(find "$ROOT/extraction-worker/src/main" "$ROOT/platform/src/main" -newer "$JAR" -type f | head -1)" ]; then
  log "packaging extraction-worker"
  timeout 900 "$MVNW" -B -q -pl extraction-worker -am package -DskipTests >"$WORK/build.log" 2>&1 \
    || die "build failed: $WORK/build.log"
fi

DEADLINE=$((SECONDS + BENCH_TIMEOUT))

# --- A schema of its own: the bench never touches the service's tables or a running stack's runs ---
sql "drop schema if exists $SCHEMA cascade; create schema $SCHEMA" >/dev/null

# --- The fixture portal ---
PORTAL_PORT="$(free_port)"
java -Xmx128m -Dsun.net.httpserver.nodelay=true "$ROOT/bench/extraction/FixturePortal.java" "$PORTAL_PORT" "$LISTINGS" >"$WORK/portal.log" 2>&1 &
PORTAL_PID=$!
wait_for 60 port_open 127.0.0.1 "$PORTAL_PORT" || die "fixture portal did not start: $WORK/portal.log"

# --- The worker: politeness off, its own topics and consumer group, heap capped ---
HTTP_PORT="$(free_port)"
java -Xmx"$HEAP" \
  -Dquarkus.http.port="$HTTP_PORT" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB_NAME?currentSchema=$SCHEMA" \
  -Dquarkus.datasource.reactive.url="postgresql://$PG_HOST:$PG_PORT/$DB_NAME?search_path=$SCHEMA" \
  -Dquarkus.flyway.schemas="$SCHEMA" -Dquarkus.flyway.default-schema="$SCHEMA" \
  -Dquarkus.hibernate-orm.database.default-schema="$SCHEMA" \
  -Dhostreach.topics.campaign-events="$RUN_TAG-campaign-events" \
  -Dhostreach.topics.lead-events="$RUN_TAG-lead-events" \
  -Dhostreach.topics.extraction-events="$RUN_TAG-extraction-events" \
  -Dmp.messaging.incoming.campaign-events-in.group.id="$RUN_TAG" \
  -Dhostreach.portals.idealista.base-url="http://127.0.0.1:$PORTAL_PORT" \
  -Dhostreach.portals.idealista.delay=0s -Dhostreach.portals.idealista.jitter=0s \
  -Dhostreach.runner.max-pages=100000 -Dhostreach.runner.poll-interval=1s \
  -Dhostreach.schedule.enabled=false \
  -Dquarkus.log.category.\"io.hostreach\".level=WARN \
  ${BENCH_JAVA_OPTS:-} \
  -jar "$JAR" >"$WORK/worker.log" 2>&1 &
WORKER_PID=$!
until curl -fs "http://127.0.0.1:$HTTP_PORT/q/health/ready" >/dev/null 2>&1; do
  kill -0 "$WORKER_PID" 2>/dev/null || die "the worker stopped: $(tail -5 "$WORK/worker.log")"
  left; sleep 0.5
done

# --- One live campaign and its run, as campaign-service's events would leave them ---
CAMPAIGN="$(python3 -c 'import uuid; print(uuid.uuid4())')"
RUN="$(python3 -c 'import uuid; print(uuid.uuid4())')"
sql "insert into $SCHEMA.campaign (id, workspace_id, environment, name, platform, mode, contact_mode, status, segmentation,
       settings, timezone, country, version, updated_at, received_at, running_since)
     values ('$CAMPAIGN', gen_random_uuid(), 'live', 'bench', 'idealista', 'extract_only', 'whatsapp', 'running',
       '{\"filters\": {\"operation\": \"sale\", \"location\": {\"id\": \"0-EU-ES-46\", \"label\": \"Bench, Valencia\"}}, \"expectedResults\": 5000}',
       '{}', 'Europe/Madrid', 'ES', 1, now(), now(), now());
     insert into $SCHEMA.extraction_run (extraction_id, campaign_id, status, requested_at, trigger)
     values ('$RUN', '$CAMPAIGN', 'QUEUED', now(), 'execute');" >/dev/null

# CPU seconds a process has used (user + system): a figure the machine's other load barely moves.
WORKER_CPU0="$(cpu_seconds "$WORKER_PID")" PORTAL_CPU0="$(cpu_seconds "$PORTAL_PID")" LOAD0="$(cut -d' ' -f1 /proc/loadavg)"

# --- Wait for the run, then for the outbox to publish every lead; the heap is sampled all along ---
# jstat reads the JVM's perf counters from outside: S0U + S1U + EU + OU (KB) is the heap in use.
jstat -gc "$WORKER_PID" 250 >"$WORK/heap.txt" 2>/dev/null &
JSTAT_PID=$!
STATUS=""
while :; do
  STATUS="$(sql "select status from $SCHEMA.extraction_run where extraction_id = '$RUN'")"
  case "$STATUS" in COMPLETED|FAILED) break ;; esac
  left; sleep 0.25
done
[ "$STATUS" = COMPLETED ] || die "the run failed: $(sql "select error from $SCHEMA.extraction_run where extraction_id = '$RUN'")"
until [ "$(sql "select count(*) from $SCHEMA.outbox_event where published_at is null")" = 0 ]; do
  left; sleep 0.25
done
DRAINED_AT="$(sql "select extract(epoch from clock_timestamp())")"
WORKER_CPU="$(python3 -c "print(round($(cpu_seconds "$WORKER_PID") - $WORKER_CPU0, 1))")"
PORTAL_CPU="$(python3 -c "print(round($(cpu_seconds "$PORTAL_PID") - $PORTAL_CPU0, 1))")"
LOAD1="$(cut -d' ' -f1 /proc/loadavg)"

IFS='|' read -r FOUND CREATED PAGES SECS FROM_START <<<"$(sql "select found, created, pages,
   extract(epoch from finished_at - started_at), $DRAINED_AT - extract(epoch from started_at)
   from $SCHEMA.extraction_run where extraction_id = '$RUN'")"
REQUESTS="$(curl -fs "http://127.0.0.1:$PORTAL_PORT/requests")"
RATE="$(python3 -c "print(round($FOUND / $SECS))")"
kill "$JSTAT_PID" 2>/dev/null; wait "$JSTAT_PID" 2>/dev/null || true; JSTAT_PID=""
PEAK_MB="$(awk '$1 ~ /^[0-9.]+$/ { used = $3 + $4 + $6 + $8; if (used > peak) peak = used } END { printf "%d", peak / 1024 }' "$WORK/heap.txt")"

echo "extraction_listings: $FOUND read, $CREATED leads, $PAGES pages, $REQUESTS portal requests"
echo "extraction_run_seconds: $(python3 -c "print(round($SECS, 2))") s (all leads published $(python3 -c "print(round($FROM_START, 2))") s after the start)"
echo "extraction_listings_per_second: $RATE listings/s"
echo "extraction_peak_heap: $PEAK_MB MB (heap capped at $HEAP)"
echo "extraction_cpu_seconds: worker $WORKER_CPU s, fixture portal $PORTAL_CPU s (load average $LOAD0 -> $LOAD1 on $(nproc) cores)"
[ "${KEEP_LOGS:-no}" = yes ] && echo "logs: $WORK"
[ "$FOUND" -ge "$LISTINGS" ] || die "the run read $FOUND of $LISTINGS listings"
