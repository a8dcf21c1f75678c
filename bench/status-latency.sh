#!/usr/bin/env bash
# Target P2: a status change through the API until both workers have consumed the event, beside the broker's own
# produce→consume round trip, measured in the same run.
#
# Starts the three packaged services (bench databases, this run's topics and groups), creates a running campaign,
# then pauses and resumes it TRANSITIONS times (default 1000) with bench/status/StatusFlips.java: each latency runs
# from sending the PATCH until both workers' projections (/internal/v1/campaigns/{id}) show the new status. Then
# bench/status/KafkaRoundTrip.java times the same number of single-record round trips on the same broker.
#   status_to_both_workers: p50 <ms> ms p99 <ms> ms max <ms> ms (N transitions)      target p99 <= 100 ms
#   kafka_round_trip: p50 <ms> ms p99 <ms> ms max <ms> ms
#   status_vs_kafka_p99: <ratio>                                                        target <= 5
source "$(dirname "$0")/lib.sh"
TRANSITIONS="${TRANSITIONS:-1000}"
bench_init status
ensure_jars campaign-service extraction-worker outreach-worker
start_stack -Dquarkus.log.category.\"io.hostreach\".level=WARN
create_workspace live
create_running_campaign
# A warm-up of 50 transitions: JIT, connection pools, consumer fetch sessions.
java "$BENCH_DIR/status/StatusFlips.java" wait "$(url_of campaign-service)/v1/public/v1" "$API_KEY" "$CAMPAIGN" \
  "$(url_of extraction-worker)" "$(url_of outreach-worker)" 50 >/dev/null
java "$BENCH_DIR/status/StatusFlips.java" wait "$(url_of campaign-service)/v1/public/v1" "$API_KEY" "$CAMPAIGN" \
  "$(url_of extraction-worker)" "$(url_of outreach-worker)" "$TRANSITIONS" >"$WORK/flips.txt" || die "flips failed: $(cat "$WORK/flips.txt")"
declare -A F K
while IFS='=' read -r k v; do F[$k]=$v; done <"$WORK/flips.txt"
java -cp "$KAFKA_CP" "$BENCH_DIR/status/KafkaRoundTrip.java" "$KAFKA" "roundtrip-$RUN_TAG" "$TRANSITIONS" \
  >"$WORK/kafka.txt" 2>"$WORK/kafka.err" || die "kafka round trip failed: $(tail -5 "$WORK/kafka.err")"
while IFS='=' read -r k v; do K[$k]=$v; done <"$WORK/kafka.txt"
echo "status_to_both_workers: p50 ${F[p50_ms]} ms p99 ${F[p99_ms]} ms max ${F[max_ms]} ms ($TRANSITIONS transitions in ${F[seconds]} s; target p99 <= 100 ms)"
echo "status_patch_answered: p50 ${F[api_p50_ms]} ms p99 ${F[api_p99_ms]} ms (PATCH sent to its 200: the share of the API and its commit)"
echo "kafka_round_trip: p50 ${K[p50_ms]} ms p99 ${K[p99_ms]} ms max ${K[max_ms]} ms ($TRANSITIONS records)"
echo "status_vs_kafka_p99: $(python3 -c "print(f'{${F[p99_ms]} / ${K[p99_ms]}:.1f}')") (target <= 5)"
echo "status_vs_kafka_p50: $(python3 -c "print(f'{${F[p50_ms]} / ${K[p50_ms]}:.1f}')")"
