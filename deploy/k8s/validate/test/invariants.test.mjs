// Negative tests of the invariants: the real rendered overlay passes; each mutation that breaks a
// rule is caught with the expected message. Mutations work on copies of the rendered objects and on
// in-memory copies of the services' configuration, never on files.
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { checkInvariants } from '../lib/invariants.mjs';
import { readSecretsContract } from '../lib/secrets-contract.mjs';
import { discoverServices } from '../validate.mjs';
import { K8S_DIR, REPO, rendered, clone } from './helpers.mjs';

const services = discoverServices(REPO);
const contract = readSecretsContract(path.join(K8S_DIR, 'required-secrets.txt'));
const base = { dev: rendered('dev'), prod: rendered('prod') };

function errorsOf(overlay, objects, svcs = services) {
  return checkInvariants({ overlay, objects, services: svcs, secretsContract: contract }).flatMap((r) => r.errors);
}
const find = (objs, kind, name) => objs.find((o) => o.kind === kind && o.metadata.name === name);
const container = (objs, svc) => find(objs, 'Deployment', svc).spec.template.spec.containers[0];

/** Services with one property added to one module's configuration (in memory). */
function withProperty(svc, key, value) {
  const copy = new Map(services);
  const cfg = services.get(svc);
  const props = new Map(cfg.props);
  props.set(key, value);
  const envVars = new Set(cfg.envVars);
  for (const m of value.matchAll(/\$\{([A-Z][A-Z0-9_]*)/g)) envVars.add(m[1]);
  copy.set(svc, { ...cfg, props, envVars });
  return copy;
}

test('the repository has the three services', () => {
  assert.deepEqual([...services.keys()].sort(), ['campaign-service', 'extraction-worker', 'outreach-worker']);
});

for (const overlay of ['dev', 'prod']) {
  test(`${overlay} as rendered satisfies every invariant`, () => {
    assert.deepEqual(errorsOf(overlay, base[overlay]), []);
  });
}

const mutations = [
  ['a missing readiness probe', /no readinessProbe/, (o) => { delete container(o, 'extraction-worker').readinessProbe; }],
  ['a missing startup probe', /no startupProbe/, (o) => { delete container(o, 'outreach-worker').startupProbe; }],
  ['a liveness probe on the wrong path', /livenessProbe must GET \/q\/health\/live/, (o) => { container(o, 'campaign-service').livenessProbe.httpGet.path = '/q/health'; }],
  ['no memory limit', /no limits\.memory/, (o) => { delete container(o, 'campaign-service').resources.limits.memory; }],
  ['a memory limit below the measured RSS', /below the measured RSS/, (o) => { container(o, 'extraction-worker').resources.limits.memory = '300Mi'; container(o, 'extraction-worker').resources.requests.memory = '300Mi'; }],
  ['running as root', /runAsNonRoot must be true/, (o) => { find(o, 'Deployment', 'outreach-worker').spec.template.spec.securityContext.runAsNonRoot = false; }],
  ['a writable root filesystem', /readOnlyRootFilesystem must be true/, (o) => { container(o, 'campaign-service').securityContext.readOnlyRootFilesystem = false; }],
  ['kept capabilities', /capabilities\.drop must contain ALL/, (o) => { container(o, 'campaign-service').securityContext.capabilities.drop = []; }],
  ['no PodDisruptionBudget', /PodDisruptionBudget selecting its pods, found 0/, (o) => { o.splice(o.indexOf(find(o, 'PodDisruptionBudget', 'outreach-worker')), 1); }],
  ['no NetworkPolicy of its own', /no NetworkPolicy of its own restricts ingress/, (o) => { o.splice(o.indexOf(find(o, 'NetworkPolicy', 'campaign-service')), 1); }],
  ['no default-deny policy', /no default-deny ingress NetworkPolicy/, (o) => { o.splice(o.indexOf(find(o, 'NetworkPolicy', 'default-deny-ingress')), 1); }],
  ['a missing KafkaTopic', /uses topic campaign-events .* no KafkaTopic/, (o) => { o.splice(o.indexOf(find(o, 'KafkaTopic', 'campaign-events')), 1); }],
  ['a missing dead-letter KafkaTopic', /campaign-events\.extraction-worker\.dlq .* no KafkaTopic/, (o) => { o.splice(o.indexOf(find(o, 'KafkaTopic', 'campaign-events.extraction-worker.dlq')), 1); }],
  ['a worker scaled past its partitions', /scales to 20 replicas but consumes campaign-events with 12 partitions/, (o) => { find(o, 'HorizontalPodAutoscaler', 'extraction-worker').spec.maxReplicas = 20; }],
  ['an unset variable (env removed)', /DB_PASSWORD is read by/, (o) => { const c = container(o, 'outreach-worker'); c.env = c.env.filter((e) => e.name !== 'DB_PASSWORD'); }],
  ['a password as a literal', /DB_PASSWORD looks secret but comes from literal/, (o) => { const c = container(o, 'outreach-worker'); c.env = c.env.map((e) => (e.name === 'DB_PASSWORD' ? { name: e.name, value: 'hunter2' } : e)); }],
  ['a secret key nobody creates', /required-secrets\.txt does not list/, (o) => { container(o, 'campaign-service').env.find((e) => e.name === 'HOSTREACH_ADMIN_TOKEN').valueFrom.secretKeyRef.key = 'token'; }],
  ['a Secret with values in the manifests', /secret values never live in git/, (o) => { o.push({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'leak', namespace: o.find((x) => x.kind === 'Namespace').metadata.name }, stringData: { a: 'b' } }); }],
  ['an object outside the namespace', /namespace is elsewhere/, (o) => { find(o, 'Service', 'campaign-service').metadata.namespace = 'elsewhere'; }],
  ['a graceful shutdown longer than the grace period', /terminationGracePeriodSeconds 10 must exceed/, (o) => { find(o, 'Deployment', 'campaign-service').spec.template.spec.terminationGracePeriodSeconds = 10; }],
  ['the database pool over the connection budget', /exceeds max_connections/, (o) => { for (const cm of o.filter((x) => x.kind === 'ConfigMap')) cm.data.DB_POOL_SIZE = '200'; }],
  ['a wrong database host', /DB_HOST is postgres, expected hostreach-pg-rw/, (o) => { o.find((x) => x.kind === 'ConfigMap' && x.metadata.name.startsWith('extraction-worker-config')).data.DB_HOST = 'postgres'; }],
  ['a wrong Kafka bootstrap address', /KAFKA_BOOTSTRAP_SERVERS is kafka:9092/, (o) => { o.find((x) => x.kind === 'ConfigMap' && x.metadata.name.startsWith('outreach-worker-config')).data.KAFKA_BOOTSTRAP_SERVERS = 'kafka:9092'; }],
  ['auto-created topics', /auto\.create\.topics\.enable must be false/, (o) => { o.find((x) => x.kind === 'Kafka').spec.kafka.config['auto.create.topics.enable'] = true; }],
  ['a replication factor above the broker count', /default\.replication\.factor 3 exceeds 1 brokers/, (o) => { o.find((x) => x.kind === 'Kafka').spec.kafka.config['default.replication.factor'] = 3; }],
  ['the webhook worker exposed beyond its webhook', /exposes \/ of outreach-worker/, (o) => { find(o, 'Ingress', 'outreach-worker-webhook').spec.rules[0].http.paths[0].path = '/'; }],
  ['a container port that is not the service port', /container port 9090 but the service listens on 8081/, (o) => { container(o, 'extraction-worker').ports[0].containerPort = 9090; }],
];

for (const [what, expected, mutate] of mutations) {
  test(`dev: ${what} is caught`, () => {
    const objs = clone(base.dev);
    mutate(objs);
    const errors = errorsOf('dev', objs);
    assert.ok(errors.some((e) => expected.test(e)), `expected ${expected}, got:\n${errors.join('\n')}`);
  });
}

test('prod: a SNAPSHOT image is caught', () => {
  const objs = clone(base.prod);
  container(objs, 'campaign-service').image = 'ghcr.io/hostreach/campaign-service:1.0.0-SNAPSHOT';
  assert.ok(errorsOf('prod', objs).some((e) => /must pin a release tag/.test(e)));
});

test('prod: a replication factor without a spare in-sync replica is caught', () => {
  const objs = clone(base.prod);
  objs.find((x) => x.kind === 'Kafka').spec.kafka.config['min.insync.replicas'] = 3;
  assert.ok(errorsOf('prod', objs).some((e) => /needs replication factor >= 3 with min.insync.replicas 2/.test(e)));
});

test('a variable a developer adds to application.properties fails until the manifests set it', () => {
  const svcs = withProperty('outreach-worker', 'hostreach.whatsapp.graph-token', '${WHATSAPP_GRAPH_TOKEN}');
  const errors = errorsOf('dev', base.dev, svcs);
  assert.ok(errors.some((e) => /WHATSAPP_GRAPH_TOKEN is read by outreach-worker/.test(e)), errors.join('\n'));
});

test('a topic a developer adds to application.properties fails until a KafkaTopic exists', () => {
  const svcs = withProperty('outreach-worker', 'hostreach.topics.reply-events', 'reply-events');
  const errors = errorsOf('dev', base.dev, svcs);
  assert.ok(errors.some((e) => /outreach-worker uses topic reply-events .* no KafkaTopic/.test(e)), errors.join('\n'));
});

test('a new consumer channel needs its dead-letter topic', () => {
  let svcs = withProperty('outreach-worker', 'mp.messaging.incoming.replies-in.connector', 'smallrye-kafka');
  const cfg = svcs.get('outreach-worker');
  cfg.props.set('mp.messaging.incoming.replies-in.topic', '${hostreach.topics.lead-events}');
  cfg.props.set('mp.messaging.incoming.replies-in.failure-strategy', 'dead-letter-queue');
  cfg.props.set('mp.messaging.incoming.replies-in.dead-letter-queue.topic', 'lead-events.replies.dlq');
  svcs = new Map(svcs);
  const errors = errorsOf('dev', base.dev, svcs);
  assert.ok(errors.some((e) => /lead-events\.replies\.dlq \(dead letters\)/.test(e)), errors.join('\n'));
});

test('a module without a Deployment is caught', () => {
  const svcs = new Map(services);
  svcs.set('reply-worker', services.get('outreach-worker'));
  assert.ok(errorsOf('dev', base.dev, svcs).some((e) => /Deployment\/reply-worker is missing/.test(e)));
});
