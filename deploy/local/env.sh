# Shared settings for the local stack. Sourced by the other scripts; every value can be overridden
# from the environment.
ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
LOCAL_DIR="${HOSTREACH_LOCAL_DIR:-$ROOT_DIR/.local}"

PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_APP_USER="${PG_APP_USER:-hostreach}"
PG_APP_PASSWORD="${PG_APP_PASSWORD:-hostreach}"
# One database per service, plus a separate one per service for tests so `make test` never
# touches the data of a running `make run` (`*_test`: module tests, `*_e2e`: the end-to-end module).
PG_DATABASES="${PG_DATABASES:-campaigns extraction outreach campaigns_test extraction_test outreach_test campaigns_e2e extraction_e2e outreach_e2e}"

KAFKA_VERSION="${KAFKA_VERSION:-4.1.2}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DIR="$LOCAL_DIR/kafka"
export KAFKA_BOOTSTRAP_SERVERS="${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:$KAFKA_PORT}"

MVNW="$ROOT_DIR/mvnw"

log() { printf '[hostreach] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

# Waits up to $1 seconds for the command in "${@:2}" to succeed.
wait_for() {
  local timeout=$1; shift
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    (( SECONDS < deadline )) || return 1
    sleep 0.5
  done
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }
