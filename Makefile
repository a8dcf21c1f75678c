# hostreach: thin wrappers over deploy/local (see README.md).
.PHONY: run up down test infra build

## make run: PostgreSQL + Kafka + the three services in the foreground; Ctrl-C stops what it started
run:
	deploy/local/stack.sh run

## make up / make down: the same stack in the background
up:
	deploy/local/stack.sh up

down:
	deploy/local/stack.sh down

## make test: infrastructure up if needed, then every module's tests against it
test: infra
	KAFKA_BOOTSTRAP_SERVERS=$${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092} ./mvnw -B verify

infra:
	deploy/local/stack.sh infra

build:
	./mvnw -B package -DskipTests
