#!/usr/bin/env bash
# Runs every bench (make bench) or every fault script (make chaos) in turn, one at a time so they do not
# measure each other, and prints each one's figures. Exits non-zero when any of them failed.
#   bench/run.sh bench|chaos
set -uo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
case "${1:-}" in
  bench) scripts=(startup.sh api.sh status-latency.sh extraction.sh outreach.sh csv-import.sh) ;;
  chaos) scripts=(chaos/fuzz.sh chaos/sigterm.sh chaos/kafka-outage.sh chaos/outreach-kill.sh) ;;
  *) echo "usage: $0 bench|chaos" >&2; exit 2 ;;
esac
failed=()
bash -c "source '$BENCH_DIR/lib.sh' && ensure_databases" || exit 1
for script in "${scripts[@]}"; do
  [ -x "$BENCH_DIR/$script" ] || { echo "# $script: not present, skipped"; continue; }
  echo "# $script ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
  # extraction.sh and outreach.sh work in a schema of a database (BENCH_DB): the bench ones, as the others.
  case "$script" in
    extraction.sh) db=extraction_bench ;; outreach.sh) db=outreach_bench ;; *) db="${BENCH_DB:-}" ;;
  esac
  BENCH_DB="$db" "$BENCH_DIR/$script" || failed+=("$script")
done
[ ${#failed[@]} -eq 0 ] || { echo "# failed: ${failed[*]}"; exit 1; }
