#!/usr/bin/env node
// Validates rendered overlays: every object against the vendored JSON Schemas, then the project's
// invariants. Usage:
//   node validate.mjs --repo <repo root> <overlay>=<rendered.yaml> [...]
//   node validate.mjs --schema-only <file.yaml> [...]     (schema validation of plain manifests)
// Exit status 0 when everything holds, 1 otherwise. Runs offline.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadValidator, parseObjects, objectId } from './lib/schemas.mjs';
import { readServiceConfig } from './lib/properties.mjs';
import { readSecretsContract } from './lib/secrets-contract.mjs';
import { checkInvariants } from './lib/invariants.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const K8S_DIR = path.resolve(HERE, '..');

/** Modules of the Maven build that are services: they have src/main/resources/application.properties. */
export function discoverServices(repo) {
  const pom = fs.readFileSync(path.join(repo, 'pom.xml'), 'utf8');
  const modules = [...pom.matchAll(/<module>\s*([^<\s]+)\s*<\/module>/g)].map((m) => m[1]);
  const services = new Map();
  for (const m of modules) {
    const file = path.join(repo, m, 'src/main/resources/application.properties');
    if (fs.existsSync(file)) services.set(m, readServiceConfig(file));
  }
  return services;
}

export function validateSchemas(validate, objects) {
  const errors = [];
  for (const o of objects) for (const e of validate(o)) errors.push(`${objectId(o)} ${e}`);
  return errors;
}

function main(argv) {
  const args = argv.slice(2);
  let repo = path.resolve(K8S_DIR, '../..');
  const targets = [];
  let schemaOnly = false;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--repo') repo = path.resolve(args[++i]);
    else if (args[i] === '--schema-only') schemaOnly = true;
    else targets.push(args[i]);
  }
  if (!targets.length) {
    console.error('usage: validate.mjs [--repo DIR] overlay=rendered.yaml ... | --schema-only file.yaml ...');
    return 2;
  }
  const validate = loadValidator(path.join(K8S_DIR, 'schemas'));
  let passed = 0;
  let failed = 0;
  const report = (ok, label, errors = []) => {
    if (ok) passed++; else failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
    for (const e of errors) console.log(`       ${e}`);
  };

  if (schemaOnly) {
    for (const file of targets) {
      const objs = parseObjects(fs.readFileSync(file, 'utf8'), file);
      const errors = validateSchemas(validate, objs);
      report(errors.length === 0, `schema ${path.basename(file)} (${objs.length} objects)`, errors);
    }
  } else {
    const services = discoverServices(repo);
    const contract = readSecretsContract(path.join(K8S_DIR, 'required-secrets.txt'));
    console.log(`services read from ${repo}: ${[...services.keys()].join(', ')}`);
    for (const t of targets) {
      const eq = t.indexOf('=');
      if (eq < 0) throw new Error(`expected overlay=file, got ${t}`);
      const overlay = t.slice(0, eq);
      const file = t.slice(eq + 1);
      const objects = parseObjects(fs.readFileSync(file, 'utf8'), file);
      const schemaErrors = validateSchemas(validate, objects);
      report(schemaErrors.length === 0, `${overlay}: ${objects.length} objects valid against the Kubernetes and CRD schemas`, schemaErrors);
      if (schemaErrors.length) continue; // invariants assume well-formed objects
      for (const r of checkInvariants({ overlay, objects, services, secretsContract: contract })) {
        report(r.errors.length === 0, `${overlay}: ${r.name}`, r.errors);
      }
    }
  }
  console.log(`validate: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv);
  } catch (e) {
    console.error(`validate: ${e.stack || e}`);
    process.exitCode = 2;
  }
}
