#!/usr/bin/env bash
# R3: at least 10,000 fuzzed requests across every public endpoint (and the admin API): zero 5xx, every error in
# the spec's format. Starts the three packaged services on
# loopback (bench databases, this run's topics, the rate limit out of the way), creates a workspace and a live
# key, then runs bench/chaos/fuzz/fuzz.mjs (fast-check, operations read from the OpenAPI document the build
# writes). Prints its fuzz_* lines; exits non-zero unless every answer kept the rules.
#
#   bench/chaos/fuzz.sh                                # 10,500 requests, 4 at a time
#   FUZZ_RUNS=2000 FUZZ_SEED=42 bench/chaos/fuzz.sh    # a quicker look, or a replay of a printed seed
source "$(dirname "$0")/../lib.sh"
FUZZ_DIR="$BENCH_DIR/chaos/fuzz"
bench_init fuzz
ensure_jars campaign-service extraction-worker outreach-worker
OPENAPI="$ROOT/campaign-service/target/openapi/openapi.json"
[ -f "$OPENAPI" ] || die "$OPENAPI is missing: package campaign-service first"
if [ ! -d "$FUZZ_DIR/node_modules/fast-check" ]; then
  (cd "$FUZZ_DIR" && npm ci --no-audit --no-fund --loglevel=error </dev/null >"$WORK/npm.log" 2>&1) || die "npm ci failed: $WORK/npm.log"
fi
# All three services: the platforms endpoints ask extraction-worker, suppressions and messaging ask outreach-worker.
start_stack
create_workspace live
FUZZ_BASE_URL="$(url_of campaign-service)" FUZZ_API_KEY="$API_KEY" FUZZ_ADMIN_TOKEN="$ADMIN_TOKEN" FUZZ_OPENAPI="$OPENAPI" \
  timeout 1200 node "$FUZZ_DIR/fuzz.mjs" </dev/null
