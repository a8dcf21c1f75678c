#!/usr/bin/env bash
# R2: outreach-worker killed with SIGKILL three times during a 1,000-lead test-mode campaign — no lead gets a step
# twice, none is forgotten.
#
# Starts the packaged outreach-worker (database outreach_bench, this run's topics; quiet hours and the daily account
# limit off, the throughput limiter at RATE/s so the campaign lasts long enough to be killed in). A running test-mode
# campaign (one step) is written to its projection, and LEADS lead.captured events (default 1,000) are produced to
# its lead topic (bench/chaos/outreach/LeadProducer.java). Each time another quarter of the leads has a sandbox send,
# the worker gets SIGKILL and is started again (three times). Then, once nothing is pending any more:
#   outreach_kill_enrolled: N of LEADS              (every lead enrolled once)
#   outreach_kill_messages: by status               (one step-1 message per lead)
#   outreach_kill_duplicate_steps: N                (rows sharing a (lead, campaign, step): must be 0)
#   outreach_kill_sandbox_sends: N                  (distinct sandbox wamids)
#   outreach_kill_sent_twice: N                     (messages with more than one sandbox send: must be 0)
#   outreach_kill_forgotten: N                      (leads with no send and no final answer: must be 0)
source "$(dirname "$0")/../lib.sh"
LEADS="${LEADS:-1000}"
RATE="${RATE:-40}"
KILLS="${KILLS:-3}"
bench_init outreach_kill
ensure_jars outreach-worker
clean_db outreach-worker
DB="$(db_of outreach-worker)"
OPTS=(-Dhostreach.outreach.quiet-hours=none -Dhostreach.outreach.account-limit.enabled=false
  -Dhostreach.outreach.throughput.per-second="$RATE" -Dhostreach.outreach.sending-timeout=PT15S
  -Dhostreach.outreach.reaper.interval=2s
  -Dquarkus.log.category.\"io.hostreach\".level=WARN)
# Templates (and accounts) come from campaign-service's internal API: the outreach bench's stub answers it.
STUB_PORT="$(free_port)"
spawn stub java -Xmx128m "$BENCH_DIR/outreach/GraphStub.java" "$STUB_PORT" 4
wait_for 60 port_open 127.0.0.1 "$STUB_PORT" || die "the stub did not start: $(tail -5 "$WORK/stub.log")"
OPTS+=(-Dhostreach.campaign-service.url="http://127.0.0.1:$STUB_PORT")
start_service outreach-worker "${OPTS[@]}"

CAMPAIGN="$(uuid)" WS="$(uuid)"
sqlq "$DB" "insert into campaign (id, workspace_id, environment, name, platform, mode, contact_mode, status, segmentation,
       settings, timezone, country, version, updated_at, received_at)
     values ('$CAMPAIGN', '$WS', 'test', 'kill', 'idealista', 'extract_and_contact', 'whatsapp', 'running',
       '{\"filters\": {\"privateOnly\": true}}', '{\"accountId\": \"acc-kill\", \"sequence\": [{\"templateId\": \"tpl-kill\", \"delayHours\": 0}]}',
       'Europe/Madrid', 'ES', 1, now(), now())" >/dev/null
java -cp "$KAFKA_CP" "$BENCH_DIR/chaos/outreach/LeadProducer.java" "$KAFKA" "lead-events-$RUN_TAG" "$CAMPAIGN" "$WS" "$LEADS" \
  </dev/null >"$WORK/producer.log" 2>&1 || die "could not produce the leads: $(tail -5 "$WORK/producer.log")"

SENDS_SQL="select count(distinct substring(payload from 'wamid\.SANDBOX\.[0-9a-f-]+')) from sandbox_event"
sends() { sqlq "$DB" "$SENDS_SQL" 2>/dev/null || echo 0; }  # 0 when the shared server is out of connections
for k in $(seq "$KILLS"); do
  until (( $(sends) >= LEADS * k / (KILLS + 1) )); do
    kill -0 "${SERVICE_PID[outreach-worker]}" 2>/dev/null || die "the worker stopped: $(tail -5 "$WORK/outreach-worker.log")"
    left; sleep 0.2
  done
  stop_service outreach-worker KILL
  echo "outreach_kill_$k: SIGKILL after $(sends) sandbox sends"
  start_service outreach-worker "${OPTS[@]}"
done

# Settled: every lead enrolled, no message pending, sending or unknown (bounded).
settled() {
  [ "$(sqlq "$DB" "select count(*) from enrolment where campaign_id = '$CAMPAIGN'")" = "$LEADS" ] &&
  [ "$(sqlq "$DB" "select count(*) from outreach_message where campaign_id = '$CAMPAIGN' and status in ('PENDING', 'SENDING', 'UNKNOWN')")" = 0 ] &&
  [ "$(sqlq "$DB" "select count(*) from outreach_message where campaign_id = '$CAMPAIGN'")" -ge "$LEADS" ]
}
bound=$((SECONDS + ${SETTLE_TIMEOUT:-300}))
until settled || (( SECONDS > bound )); do sleep 1; done

ENROLLED=$(sqlq "$DB" "select count(*) from enrolment where campaign_id = '$CAMPAIGN'")
BY_STATUS=$(sqlq "$DB" "select string_agg(status || '=' || n, ' ') from (select status, count(*) n from outreach_message
                         where campaign_id = '$CAMPAIGN' group by status order by status) s")
DUP_STEPS=$(sqlq "$DB" "select count(*) from (select 1 from outreach_message where campaign_id = '$CAMPAIGN'
                         group by lead_id, campaign_id, step having count(*) > 1) d")
SENT_TWICE=$(sqlq "$DB" "select count(*) from (select message_id from sandbox_event group by message_id
                          having count(distinct substring(payload from 'wamid\.SANDBOX\.[0-9a-f-]+')) > 1) d")
FORGOTTEN=$(sqlq "$DB" "select count(*) from enrolment e where e.campaign_id = '$CAMPAIGN' and not exists (
                          select 1 from outreach_message m where m.enrolment_id = e.id
                          and (m.status in ('SENT', 'DELIVERED', 'READ', 'FAILED', 'CANCELLED', 'SKIPPED')
                               or exists (select 1 from sandbox_event s where s.message_id = m.id)))")
UNENROLLED=$((LEADS - ENROLLED))
echo "outreach_kill_enrolled: $ENROLLED of $LEADS"
echo "outreach_kill_messages: $BY_STATUS"
echo "outreach_kill_duplicate_steps: $DUP_STEPS"
echo "outreach_kill_sandbox_sends: $(sends)"
echo "outreach_kill_sent_twice: $SENT_TWICE"
echo "outreach_kill_forgotten: $((FORGOTTEN + UNENROLLED))"
if (( DUP_STEPS + SENT_TWICE + FORGOTTEN + UNENROLLED == 0 )); then echo "outreach_kill: 1 passed, 0 failed"
else echo "outreach_kill: 0 passed, 1 failed"; exit 1; fi
