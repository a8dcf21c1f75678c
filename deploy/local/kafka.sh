#!/usr/bin/env bash
# A real single-node Kafka broker (KRaft, broker+controller) from Maven Central jars.
#   up:     reuse a broker that already answers on $KAFKA_PORT; otherwise fetch the jars (once),
#           format the storage (once), start the broker in the background and wait until an admin
#           round trip succeeds; then create the product's topics.
#   down:   stop the broker this script started (by pid file).
#   status: say whether a broker answers.
set -euo pipefail
source "$(dirname "$0")/env.sh"

LIBS="$KAFKA_DIR/libs"
DATA="$KAFKA_DIR/data"
PIDFILE="$KAFKA_DIR/broker.pid"
LOGFILE="$KAFKA_DIR/broker.log"
CONFIG="$KAFKA_DIR/server.properties"

# Topics and partitions of the product; *-dlq topics per consumer are created by the consumers'
# dead-letter producers on first use (auto-creation is on for the local broker only).
TOPICS="campaign-events:6 lead-events:6 extraction-events:6 outreach-events:6"

classpath() { echo "$LIBS/*"; }

admin_ok() {
  java -cp "$(classpath)" org.apache.kafka.tools.TopicCommand \
    --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list >/dev/null 2>&1
}

fetch_jars() {
  if [ -f "$LIBS/.complete-$KAFKA_VERSION" ]; then return; fi
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $LIBS"
  rm -rf "$LIBS"; mkdir -p "$LIBS"
  "$MVNW" -B -q -f "$ROOT_DIR/deploy/local/kafka/pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$LIBS" </dev/null
  touch "$LIBS/.complete-$KAFKA_VERSION"
}

write_config() {
  mkdir -p "$KAFKA_DIR"
  cat > "$CONFIG" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA
num.partitions=6
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
log.retention.hours=168
PROPS
}

format_storage() {
  if [ -f "$DATA/meta.properties" ]; then return; fi
  local id
  id=$(java -cp "$(classpath)" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -n 1)
  log "formatting Kafka storage (cluster id $id)"
  java -cp "$(classpath)" kafka.tools.StorageTool format -t "$id" -c "$CONFIG" >/dev/null
}

running_pid() {
  [ -f "$PIDFILE" ] || return 1
  local pid; pid=$(cat "$PIDFILE")
  kill -0 "$pid" 2>/dev/null && echo "$pid"
}

create_topics() {
  local spec topic partitions
  for spec in $TOPICS; do
    topic=${spec%%:*}; partitions=${spec##*:}
    java -cp "$(classpath)" org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" \
      --create --if-not-exists --topic "$topic" --partitions "$partitions" --replication-factor 1 >/dev/null
  done
}

up() {
  fetch_jars
  if port_open 127.0.0.1 "$KAFKA_PORT" && admin_ok; then
    log "Kafka answers on 127.0.0.1:$KAFKA_PORT"
  else
    running_pid >/dev/null && die "a broker started earlier (pid $(cat "$PIDFILE")) does not answer; run '$0 down'"
    write_config
    format_storage
    log "starting Kafka on 127.0.0.1:$KAFKA_PORT (log: $LOGFILE)"
    # Own session, no terminal: the broker must not hold the caller's output or stdin.
    setsid nohup java -Xms128m -Xmx512m -XX:+UseG1GC \
      -Dlog4j2.configurationFile="$ROOT_DIR/deploy/local/kafka/log4j2.properties" \
      -cp "$(classpath)" kafka.Kafka "$CONFIG" >"$LOGFILE" 2>&1 </dev/null &
    echo $! > "$PIDFILE"
    wait_for 90 port_open 127.0.0.1 "$KAFKA_PORT" || die "Kafka did not open its port; see $LOGFILE"
    wait_for 60 admin_ok || die "Kafka does not answer admin requests; see $LOGFILE"
    log "Kafka ready (pid $(cat "$PIDFILE"))"
  fi
  create_topics
}

down() {
  local pid
  if pid=$(running_pid); then
    log "stopping Kafka (pid $pid)"
    kill -TERM "$pid"
    wait_for 30 bash -c "! kill -0 $pid" || { log "Kafka did not stop in time; killing it"; kill -KILL "$pid" || true; }
  fi
  rm -f "$PIDFILE"
}

case "${1:-up}" in
  up) up ;;
  down) down ;;
  status) if port_open 127.0.0.1 "$KAFKA_PORT"; then echo "Kafka answers on 127.0.0.1:$KAFKA_PORT"; else echo "no Kafka on 127.0.0.1:$KAFKA_PORT"; exit 1; fi ;;
  *) die "usage: $0 up|down|status" ;;
esac
