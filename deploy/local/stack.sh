#!/usr/bin/env bash
# The whole local stack: PostgreSQL, Kafka and the three services. Thin entry point for the Makefile.
#   infra: PostgreSQL and Kafka only (what the tests need)
#   up:    everything in the background; returns when every service is healthy
#   run:   everything in the foreground, logs on the terminal; Ctrl-C stops what it started
#   down:  stop the services and the infrastructure this project started
set -euo pipefail
DIR="$(cd "$(dirname "$0")" && pwd)"
source "$DIR/env.sh"

infra() {
  "$DIR/postgres.sh" up
  "$DIR/kafka.sh" up
}

case "${1:-}" in
  infra) infra ;;
  up)
    infra
    "$DIR/services.sh" build
    "$DIR/services.sh" start
    "$DIR/services.sh" bootstrap ;;
  run)
    # Ctrl-C stops what this run started, and leaves alone what was already running.
    kafka_was_up=no; "$DIR/kafka.sh" status >/dev/null 2>&1 && kafka_was_up=yes
    infra
    "$DIR/services.sh" build
    stop_infra() {
      [ "$kafka_was_up" = yes ] || "$DIR/kafka.sh" down
      "$DIR/postgres.sh" down
    }
    trap stop_infra EXIT
    "$DIR/services.sh" foreground || true ;;
  down)
    "$DIR/services.sh" stop
    "$DIR/kafka.sh" down
    "$DIR/postgres.sh" down ;;
  *) die "usage: $0 infra|up|run|down" ;;
esac
