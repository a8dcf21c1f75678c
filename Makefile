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

## make test: the Kubernetes manifests check, infrastructure up if needed, every module's tests, the
## contract linters, and the widget in a real browser (installs Debian's chromium when missing)
test: k8s-check infra
	KAFKA_BOOTSTRAP_SERVERS=$${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092} ./mvnw -B verify
	bash docs/lint/lint.sh
	KAFKA_BOOTSTRAP_SERVERS=$${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092} bash e2e-browser/run.sh

## make contract-lint: lint the generated OpenAPI (Redocly) and docs/asyncapi.yaml (AsyncAPI CLI)
.PHONY: contract-lint
contract-lint:
	bash docs/lint/lint.sh

infra:
	deploy/local/stack.sh infra

build:
	./mvnw -B package -DskipTests

## make k8s-check: render every deploy/k8s overlay, validate it against the vendored Kubernetes/CRD
## schemas and the invariants (no cluster, no Docker, no Maven); see deploy/README.md
.PHONY: k8s-check
k8s-check:
	bash deploy/k8s/check.sh

## make browser-test: the website widget in headless Chromium (Debian's package) driven by playwright-core,
## against the packaged campaign-service on a free port and its own database; see e2e-browser/run.sh
.PHONY: browser-test
browser-test:
	bash e2e-browser/run.sh
## make bench: the performance scripts under bench/ (each starts what it needs on loopback, prints
## `name: value unit` lines and stops what it started); never part of make test. Figures: bench/RESULTS.md
.PHONY: bench chaos
bench:
	bench/run.sh bench

## make chaos: the fault scripts under bench/chaos/; each exits non-zero unless nothing was lost
chaos:
	bench/run.sh chaos
