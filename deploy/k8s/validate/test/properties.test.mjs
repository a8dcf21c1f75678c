// The application.properties reader: what the prod profile reads, which topics, which variables.
import test from 'node:test';
import assert from 'node:assert/strict';
import { parseProperties, prodView, envReferences, kafkaUsage, resolve } from '../lib/properties.mjs';

const sample = `
# comment
! also a comment
quarkus.application.name=svc
quarkus.http.port=\${HTTP_PORT:8080}
quarkus.datasource.jdbc.url=jdbc:postgresql://\${DB_HOST:127.0.0.1}:\${DB_PORT:5432}/\${hostreach.db.name}
hostreach.db.name=\${DB_NAME:svc}
%test.hostreach.db.name=\${DB_TEST_NAME:svc_test}
%dev.hostreach.token=\${DEV_ONLY:x}
%prod.hostreach.mode=\${PROD_ONLY}
hostreach.nested=\${OUTER:\${INNER:v}}
long.value=a,\\
  b
hostreach.topics.events=events
%test.hostreach.topics.events=events-\${quarkus.uuid}
mp.messaging.incoming.events-in.connector=smallrye-kafka
mp.messaging.incoming.events-in.topic=\${hostreach.topics.events}
mp.messaging.incoming.events-in.failure-strategy=dead-letter-queue
mp.messaging.incoming.events-in.dead-letter-queue.topic=\${hostreach.topics.events}.svc.dlq
%test.mp.messaging.incoming.events-in.group.id=svc-\${quarkus.uuid}
mp.messaging.incoming.bare.connector=smallrye-kafka
mp.messaging.incoming.bare.failure-strategy=dead-letter-queue
mp.messaging.outgoing.out.connector=smallrye-kafka
mp.messaging.outgoing.out.topic=out-topic
`;

const props = prodView(parseProperties(sample));

test('continuation lines join', () => {
  assert.equal(props.get('long.value'), 'a,b');
});

test('env variables of the prod profile, not of %test or %dev', () => {
  const vars = [...envReferences(props)].sort();
  assert.deepEqual(vars, ['DB_HOST', 'DB_NAME', 'DB_PORT', 'HTTP_PORT', 'INNER', 'OUTER', 'PROD_ONLY']);
});

test('resolution: properties, then env, then defaults', () => {
  assert.equal(resolve(props.get('quarkus.datasource.jdbc.url'), props, { DB_HOST: 'pg-rw' }), 'jdbc:postgresql://pg-rw:5432/svc');
  assert.equal(resolve('${quarkus.uuid}', props), undefined);
});

test('topics: hostreach.topics.*, channel topics, dead-letter topics and SmallRye defaults', () => {
  const { topics, consumers } = kafkaUsage(props);
  assert.deepEqual([...topics.keys()].sort(), ['bare', 'dead-letter-topic-bare', 'events', 'events.svc.dlq', 'out-topic']);
  assert.deepEqual(consumers.map((c) => `${c.channel}:${c.topic}:${c.group}`).sort(), ['bare:bare:svc', 'events-in:events:svc']);
});
