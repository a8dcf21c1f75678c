// bin/secrets.sh --dry-run: the Secrets it would create are valid and cover every reference of the
// rendered overlay (Deployments, the PostgreSQL Cluster, the backup ObjectStore).
import test from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { loadValidator, parseObjects } from '../lib/schemas.mjs';
import { K8S_DIR, rendered } from './helpers.mjs';

const validate = loadValidator(path.join(K8S_DIR, 'schemas'));
const script = path.join(K8S_DIR, 'bin/secrets.sh');
const dryRun = (overlay) => parseObjects(execFileSync('bash', [script, '--dry-run', overlay, 'ensure'], {
  encoding: 'utf8',
  env: { PATH: process.env.PATH },
}), `secrets.sh ${overlay}`);

function references(objs) {
  const refs = [];
  for (const d of objs.filter((o) => o.kind === 'Deployment')) {
    for (const c of d.spec.template.spec.containers) {
      for (const e of c.env || []) if (e.valueFrom?.secretKeyRef) refs.push([e.valueFrom.secretKeyRef.name, e.valueFrom.secretKeyRef.key]);
    }
  }
  for (const c of objs.filter((o) => o.kind === 'Cluster')) {
    for (const r of c.spec.managed?.roles || []) if (r.passwordSecret) refs.push([r.passwordSecret.name, 'password'], [r.passwordSecret.name, 'username']);
    if (c.spec.bootstrap?.initdb?.secret) refs.push([c.spec.bootstrap.initdb.secret.name, 'password']);
  }
  for (const o of objs.filter((x) => x.kind === 'ObjectStore')) {
    for (const ref of Object.values(o.spec.configuration.s3Credentials || {})) if (typeof ref === 'object') refs.push([ref.name, ref.key]);
  }
  return refs;
}

for (const overlay of ['dev', 'prod']) {
  test(`secrets.sh creates every Secret ${overlay} references, valid and in its namespace`, () => {
    const objs = rendered(overlay);
    const ns = objs.find((o) => o.kind === 'Namespace').metadata.name;
    const secrets = dryRun(overlay);
    for (const s of secrets) {
      assert.deepEqual(validate(s), [], `Secret ${s.metadata.name}`);
      assert.equal(s.metadata.namespace, ns);
      assert.equal(s.metadata.labels['cnpg.io/reload'], 'true');
    }
    for (const [name, key] of references(objs)) {
      const s = secrets.find((x) => x.metadata.name === name);
      assert.ok(s && s.data[key] !== undefined, `${overlay}: Secret ${name} key ${key} is not created by secrets.sh`);
    }
  });
}

test('random values are fresh on every run; role names are the literal ones', () => {
  const a = dryRun('dev');
  const b = dryRun('dev');
  const pick = (objs, n) => objs.find((s) => s.metadata.name === n).data;
  assert.notEqual(pick(a, 'campaign-service-secrets')['admin-token'], pick(b, 'campaign-service-secrets')['admin-token']);
  assert.equal(Buffer.from(pick(a, 'hostreach-pg-outreach-worker').username, 'base64').toString(), 'outreach_worker');
  assert.ok(Buffer.from(pick(a, 'hostreach-pg-outreach-worker').password, 'base64').toString().length >= 40);
});

test('encryption keys are 32 bytes of standard base64, and rotate refuses them', () => {
  const key = Buffer.from(dryRun('dev').find((s) => s.metadata.name === 'campaign-service-encryption').data['secrets-key'], 'base64').toString();
  assert.match(key, /^[A-Za-z0-9+/]{43}=$/);
  assert.equal(Buffer.from(key, 'base64').length, 32);
  assert.throws(() => execFileSync('bash', [script, '--dry-run', 'dev', 'rotate', 'campaign-service-encryption'], { stdio: 'pipe' }), /encryption key/);
});
