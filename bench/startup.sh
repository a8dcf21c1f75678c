#!/usr/bin/env bash
# Target P6: each service's JVM start to healthy, and its idle RSS.
#
# For each packaged service, RUNS times (default 3): launch `java -jar` (bench database, this run's topics),
# time until /q/health/ready answers 200 (database migrated, Kafka connected), leave it idle IDLE_SECONDS
# (default 15), read its resident set size (ps -o rss), stop it. Prints per service the median of the runs:
#   startup_<service>: <ms> ms to healthy (runs: a, b, c)       target < 2500 ms
#   idle_rss_<service>: <MB> MB (runs: a, b, c)                 target < 200 MB
#   startup_cpu_<service>: <s> CPU s to healthy                 (user + system CPU until ready: what the load moves least)
# No -Xmx is given: the JVM's defaults, as the services are started by `make up`.
#
#   bench/startup.sh                         # all three, 3 runs each
#   RUNS=1 SERVICES=campaign-service bench/startup.sh
#   STARTUP_HEAP=128m bench/startup.sh       # with -Xmx128m (what a container memory limit would give)
source "$(dirname "$0")/lib.sh"
RUNS="${RUNS:-3}"
IDLE_SECONDS="${IDLE_SECONDS:-15}"
SERVICES="${SERVICES:-campaign-service extraction-worker outreach-worker}"

bench_init startup
# shellcheck disable=SC2086
ensure_jars $SERVICES
median() { python3 -c "import statistics,sys; print(round(statistics.median(float(x) for x in sys.argv[1:])))" "$@"; }

for module in $SERVICES; do
  clean_db "$module"
  starts=() rss=() cpus=()
  # The first start migrates the empty database; the measured ones start on a migrated schema, as a restart does.
  BENCH_HEAP=512m start_service "$module"; stop_service "$module"
  for _ in $(seq "$RUNS"); do
    BENCH_HEAP="${STARTUP_HEAP:-default}" start_service "$module"   # default: no -Xmx, the JVM's own sizing, like `make up`
    starts+=("$STARTUP_MS") cpus+=("$STARTUP_CPU")
    sleep "$IDLE_SECONDS"
    rss+=("$(( $(ps -o rss= -p "${SERVICE_PID[$module]}") / 1024 ))")
    stop_service "$module"
  done
  echo "startup_$module: $(median "${starts[@]}") ms to healthy (runs: ${starts[*]}; target < 2500 ms)"
  echo "startup_cpu_$module: $(python3 -c "import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))" "${cpus[@]}") CPU s to healthy (runs: ${cpus[*]}; the same work on an idle machine takes about this long, less with 2 free cores)"
  echo "idle_rss_$module: $(median "${rss[@]}") MB after ${IDLE_SECONDS} s idle (runs: ${rss[*]}; target < 200 MB)"
done
