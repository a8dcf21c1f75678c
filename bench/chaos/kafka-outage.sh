#!/usr/bin/env bash
# R1: Kafka stopped for 30 s while 1,000 status changes are made through the API — afterwards every event reached
# every consumer exactly once in effect.
#
# The shared broker is never touched: this starts a private single-node broker (deploy/local/kafka.sh with its own
# ports and data directory under $WORK) and the three packaged services pointed at it (bench databases). A running
# campaign is paused and resumed TRANSITIONS times (default 1,000) through the API without waiting; once OUTAGE_AT
# of them were accepted (default a fifth) the broker is stopped for OUTAGE seconds (default 30), then started again.
# Afterwards:
#   kafka_outage_transitions: N accepted by the API (PATCH answered 200; retried if not)
#   kafka_outage_outbox_events: N (campaign-events rows), unpublished N (must be 0)
#   kafka_outage_<worker>_consumed: N of N events in its inbox, missing N, unknown N (must be 0, 0)
#   kafka_outage_<worker>_projection: version V status S (must equal campaign-service's)
# Exits non-zero unless every event is in both workers' inboxes once and both projections match.
source "$(dirname "$0")/../lib.sh"
TRANSITIONS="${TRANSITIONS:-1000}"
OUTAGE="${OUTAGE:-30}"
OUTAGE_AT="${OUTAGE_AT:-$((TRANSITIONS / 5))}"
bench_init kafka_outage
ensure_jars campaign-service extraction-worker outreach-worker

# --- The private broker: kafka.sh with other ports and a local dir of our own; its jars cached once ---
K2_PORT="$(free_port)" K2_CONTROLLER_PORT="$(free_port)"
K2_LOCAL="$WORK/local"
KAFKA_LIBS_CACHE="$ROOT/.local/bench-kafka-libs-$KAFKA_VERSION"
if [ ! -f "$KAFKA_LIBS_CACHE/.complete-$KAFKA_VERSION" ]; then
  log "caching the Kafka $KAFKA_VERSION jars in $KAFKA_LIBS_CACHE"
  mkdir -p "$KAFKA_LIBS_CACHE"
  "$MVNW" -B -q -f "$ROOT/deploy/local/kafka/pom.xml" -Dkafka.version="$KAFKA_VERSION" dependency:copy-dependencies \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIBS_CACHE" </dev/null >"$WORK/kafka-libs.log" 2>&1 || die "could not fetch the Kafka jars: $WORK/kafka-libs.log"
  touch "$KAFKA_LIBS_CACHE/.complete-$KAFKA_VERSION"
fi
mkdir -p "$K2_LOCAL/kafka"
ln -s "$KAFKA_LIBS_CACHE" "$K2_LOCAL/kafka/libs"
broker() { HOSTREACH_LOCAL_DIR="$K2_LOCAL" KAFKA_PORT="$K2_PORT" KAFKA_CONTROLLER_PORT="$K2_CONTROLLER_PORT" \
  KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$K2_PORT" "$ROOT/deploy/local/kafka.sh" "$1" </dev/null >>"$WORK/broker-$1.log" 2>&1; }
bench_extra_cleanup() { broker down; }
broker up || die "the private broker did not start: $(tail -5 "$WORK/broker-up.log")"
KAFKA="127.0.0.1:$K2_PORT"
echo "kafka_outage_broker: private broker on $KAFKA (the shared one is not touched)"

start_stack -Dquarkus.log.category.\"io.hostreach\".level=WARN
create_workspace live
create_running_campaign
CS_DB="$(db_of campaign-service)"

java "$BENCH_DIR/status/StatusFlips.java" fire "$(url_of campaign-service)/v1/public/v1" "$API_KEY" "$CAMPAIGN" \
  "$(url_of extraction-worker)" "$(url_of outreach-worker)" "$TRANSITIONS" </dev/null >"$WORK/flips.txt" 2>&1 &
FLIPS_PID=$!
EXTRA_PIDS+=("$FLIPS_PID")
changes() { sqlq "$CS_DB" "select count(*) from outbox_event where event_type = 'io.hostreach.campaign.status-changed'"; }
until (( $(changes) > OUTAGE_AT )); do kill -0 "$FLIPS_PID" 2>/dev/null || die "the status changes stopped: $(cat "$WORK/flips.txt")"; left; sleep 0.2; done
BEFORE=$(changes)
broker down
echo "kafka_outage_stopped: broker stopped after $BEFORE status changes; $OUTAGE s outage"
sleep "$OUTAGE"
DURING=$(changes)
broker up || die "the private broker did not restart: $(tail -5 "$WORK/broker-up.log")"
echo "kafka_outage_restarted: $((DURING - BEFORE)) status changes accepted while the broker was down"
wait "$FLIPS_PID" || die "the status changes failed: $(cat "$WORK/flips.txt")"
ACCEPTED=$(grep -oE '^transitions=[0-9]+' "$WORK/flips.txt" | cut -d= -f2)

# --- Convergence: both projections at campaign-service's version (bounded), then the counts ---
IFS='|' read -r VERSION STATUS <<<"$(sqlq "$CS_DB" "select version, status from campaign where id = '$CAMPAIGN'")"
projection() { curl -fs "$(url_of "$1")/internal/v1/campaigns/$CAMPAIGN" | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["version"], d["status"])'; }
bound=$((SECONDS + ${CONVERGE_TIMEOUT:-300}))
for w in extraction-worker outreach-worker; do
  until [ "$(projection "$w" 2>/dev/null)" = "$VERSION $STATUS" ] || (( SECONDS > bound )); do sleep 1; done
done
until [ "$(sqlq "$CS_DB" "select count(*) from outbox_event where published_at is null")" = 0 ] || (( SECONDS > bound )); do sleep 1; done
sqlq "$CS_DB" "select id from outbox_event where topic like 'campaign-events-%'" | sort >"$WORK/outbox.txt"
UNPUBLISHED=$(sqlq "$CS_DB" "select count(*) from outbox_event where published_at is null")
echo "kafka_outage_transitions: $ACCEPTED accepted by the API ($(grep -oE '^retries=[0-9]+' "$WORK/flips.txt" | cut -d= -f2) PATCH retries)"
echo "kafka_outage_outbox_events: $(wc -l <"$WORK/outbox.txt") campaign events, unpublished $UNPUBLISHED"
FAIL=$(( UNPUBLISHED > 0 ))
for w in extraction-worker outreach-worker; do
  sqlq "$(db_of "$w")" "select event_id from processed_event where consumer = '$w.campaign-events'" | sort >"$WORK/inbox-$w.txt"
  MISSING=$(comm -23 "$WORK/outbox.txt" "$WORK/inbox-$w.txt" | wc -l)
  UNKNOWN=$(comm -13 "$WORK/outbox.txt" "$WORK/inbox-$w.txt" | wc -l)
  PROJ="$(projection "$w" || echo "? ?")"
  echo "kafka_outage_${w}_consumed: $(wc -l <"$WORK/inbox-$w.txt") of $(wc -l <"$WORK/outbox.txt") events in its inbox, missing $MISSING, unknown $UNKNOWN"
  echo "kafka_outage_${w}_projection: version ${PROJ% *} status ${PROJ#* } (campaign-service: version $VERSION status $STATUS)"
  if (( MISSING > 0 || UNKNOWN > 0 )) || [ "$PROJ" != "$VERSION $STATUS" ]; then FAIL=1; fi
done
if [ "$FAIL" = 0 ]; then echo "kafka_outage: 1 passed, 0 failed"; else echo "kafka_outage: 0 passed, 1 failed"; exit 1; fi
