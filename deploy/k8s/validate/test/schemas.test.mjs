// Negative tests of the schema validation: every fixture marked "expect-fail" must fail with the
// given message, every "expect-pass" must pass. A typo in a field name must never get through.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { loadValidator, parseObjects } from '../lib/schemas.mjs';
import { validateSchemas } from '../validate.mjs';
import { K8S_DIR } from './helpers.mjs';

const validate = loadValidator(path.join(K8S_DIR, 'schemas'));
const fixtures = path.join(K8S_DIR, 'validate/fixtures');
const files = fs.readdirSync(fixtures).filter((f) => f.endsWith('.yaml')).sort();

test('there are failing fixtures to prove the validator bites', () => {
  assert.ok(files.filter((f) => f.startsWith('bad-')).length >= 5);
});

for (const f of files) {
  const text = fs.readFileSync(path.join(fixtures, f), 'utf8');
  const fail = /^# expect-fail: (.+)$/m.exec(text);
  const pass = /^# expect-pass/m.test(text);
  test(`fixture ${f} ${fail ? 'fails' : 'passes'}`, () => {
    assert.ok(fail || pass, `${f} must declare "# expect-fail: <message>" or "# expect-pass"`);
    const errors = validateSchemas(validate, parseObjects(text, f));
    if (pass) assert.deepEqual(errors, []);
    else assert.ok(errors.some((e) => e.includes(fail[1])), `expected an error containing ${JSON.stringify(fail[1])}, got ${JSON.stringify(errors)}`);
  });
}

test('every schema file resolves and every kind in index.yaml compiles', () => {
  // loadValidator throws on an unresolvable reference; reaching here means all compiled.
  assert.equal(typeof validate, 'function');
});
