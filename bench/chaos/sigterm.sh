#!/usr/bin/env bash
# R6: SIGTERM to campaign-service under load — no accepted request lost, no half-written campaign.
#
# Starts the packaged campaign-service (database campaigns_bench, this run's topic). wrk (16 connections) creates
# campaigns (POST with Idempotency-Keys) and starts each one (PATCH status running: campaign row + outbox row in one
# transaction); every answer it got is written down. Once MIN_ACCEPTED answers were accepted (default 200) the
# service gets SIGTERM while the load goes on (LOAD_AFTER more seconds). Then, on the database, and after a restart that drains the outbox to Kafka:
#   sigterm_accepted_creates: N       201s received;  sigterm_creates_missing: N (must be 0)
#   sigterm_accepted_starts: N        200s to running; sigterm_starts_missing: N (row not running or no event; 0)
#   sigterm_half_written: N           running campaigns without a status-changed outbox row (must be 0)
#   sigterm_outbox_unpublished: N     outbox rows still unpublished after the restart (must be 0)
#   sigterm_idempotency_left_open: N  keys reserved by a request the shutdown cut (informational: see RESULTS.md)
# Exits non-zero unless every "must be 0" figure is 0.
source "$(dirname "$0")/../lib.sh"
MIN_ACCEPTED="${MIN_ACCEPTED:-200}"   # answers accepted before the SIGTERM (a slow, shared machine gets there late)
LOAD_AFTER="${LOAD_AFTER:-4}"
CONNECTIONS="${CONNECTIONS:-16}"
bench_init sigterm
need_package wrk
ensure_jars campaign-service
clean_db campaign-service
DB="$(db_of campaign-service)"
SERVICE_OPTS=(-Dhostreach.rate-limit.requests-per-minute=100000000)
start_service campaign-service "${SERVICE_OPTS[@]}"
create_workspace live
mkdir -p "$WORK/accepted"
OUT_DIR="$WORK/accepted" RUN_TAG="$RUN_TAG" API_KEY="$API_KEY" \
  wrk -t "$CONNECTIONS" -c "$CONNECTIONS" -d 300s --timeout 5s \
  -s "$BENCH_DIR/wrk/create-and-start.lua" "$(url_of campaign-service)" </dev/null >"$WORK/wrk.txt" 2>&1 &
WRK_PID=$!
EXTRA_PIDS+=("$WRK_PID")
until (( $(cat "$WORK"/accepted/accepted-*.txt 2>/dev/null | wc -l) >= MIN_ACCEPTED )); do left; sleep 0.2; done
T0="$(now_ms)"
stop_service campaign-service TERM
echo "sigterm_shutdown: $(( $(now_ms) - T0 )) ms from SIGTERM to exit, under load"
sleep "$LOAD_AFTER"
kill -INT "$WRK_PID" 2>/dev/null; wait "$WRK_PID" || true

cat "$WORK"/accepted/accepted-*.txt >"$WORK/accepted.txt"
awk '$1 == "created" { print $2 }' "$WORK/accepted.txt" | sort -u >"$WORK/created.txt"
awk '$1 == "running" { print $2 }' "$WORK/accepted.txt" | sort -u >"$WORK/running.txt"
sqlq "$DB" "select id from campaign" | sort -u >"$WORK/db-campaigns.txt"
sqlq "$DB" "select c.id from campaign c where c.status = 'running' and exists (select 1 from outbox_event o
             where o.message_key = c.id::text and o.event_type = 'io.hostreach.campaign.status-changed'
               and o.payload like '%\"status\":\"running\"%')" | sort -u >"$WORK/db-started.txt"
CREATED=$(wc -l <"$WORK/created.txt") STARTED=$(wc -l <"$WORK/running.txt")
CREATES_MISSING=$(comm -23 "$WORK/created.txt" "$WORK/db-campaigns.txt" | wc -l)
STARTS_MISSING=$(comm -23 "$WORK/running.txt" "$WORK/db-started.txt" | wc -l)
HALF=$(sqlq "$DB" "select count(*) from campaign c where c.status <> 'draft' and not exists (select 1 from outbox_event o
                   where o.message_key = c.id::text and o.event_type = 'io.hostreach.campaign.status-changed')")
OPEN=$(sqlq "$DB" "select count(*) from idempotency_record where completed_at is null")

# A restart relays what the shutdown left in the outbox.
start_service campaign-service "${SERVICE_OPTS[@]}"
bound=$((SECONDS + 60))
until [ "$(sqlq "$DB" "select count(*) from outbox_event where published_at is null")" = 0 ] || (( SECONDS > bound )); do sleep 0.5; done
UNPUBLISHED=$(sqlq "$DB" "select count(*) from outbox_event where published_at is null")

echo "sigterm_requests: $(grep -E 'requests in' "$WORK/wrk.txt" | sed 's/^ *//') ($(grep -E 'Socket errors' "$WORK/wrk.txt" | sed 's/^ *//' || echo 'no socket errors'))"
echo "sigterm_db_campaigns: $(wc -l <"$WORK/db-campaigns.txt")"
echo "sigterm_accepted_creates: $CREATED"
echo "sigterm_creates_missing: $CREATES_MISSING"
echo "sigterm_accepted_starts: $STARTED"
echo "sigterm_starts_missing: $STARTS_MISSING"
echo "sigterm_half_written: $HALF"
echo "sigterm_outbox_unpublished: $UNPUBLISHED"
echo "sigterm_idempotency_left_open: $OPEN"
LOST=$((CREATES_MISSING + STARTS_MISSING + HALF + UNPUBLISHED))
(( CREATED > 0 && STARTED > 0 )) || { echo "sigterm: 0 passed, 1 failed (no load was accepted before the SIGTERM)"; exit 1; }
if [ "$LOST" = 0 ]; then echo "sigterm: 1 passed, 0 failed"; else echo "sigterm: 0 passed, 1 failed"; exit 1; fi
