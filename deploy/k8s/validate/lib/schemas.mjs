// Validates rendered objects against the JSON Schemas vendored in deploy/k8s/schemas (YAML-authored
// JSON Schema, draft 2020-12 keywords understood by Ajv's default draft-07 mode: $defs, $ref, const).
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';

const BASE = 'https://schemas.hostreach.io/';

function listSchemaFiles(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listSchemaFiles(p));
    else if (entry.name.endsWith('.yaml') && entry.name !== 'index.yaml') out.push(p);
  }
  return out.sort();
}

export function loadValidator(schemaDir) {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  for (const file of listSchemaFiles(schemaDir)) {
    const schema = YAML.parse(fs.readFileSync(file, 'utf8'));
    const expected = BASE + path.relative(schemaDir, file).replace(/\\/g, '/').replace(/\.yaml$/, '');
    if (schema.$id !== expected) throw new Error(`${file}: $id must be ${expected}, is ${schema.$id}`);
    ajv.addSchema(schema);
  }
  const index = YAML.parse(fs.readFileSync(path.join(schemaDir, 'index.yaml'), 'utf8'));
  const compiled = new Map();
  for (const [gvk, ref] of Object.entries(index)) {
    const fn = ajv.getSchema(BASE + ref);
    if (!fn) throw new Error(`schemas/index.yaml: ${gvk} -> ${ref} does not resolve`);
    compiled.set(gvk, fn);
  }
  /** Returns a list of human-readable errors for one object (empty when valid). */
  return function validate(obj) {
    if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return ['not a Kubernetes object'];
    const gvk = `${obj.apiVersion}/${obj.kind}`;
    const fn = compiled.get(gvk);
    if (!fn) return [`no schema for ${gvk}: add it to deploy/k8s/schemas (index.yaml) before using the kind`];
    if (fn(obj)) return [];
    return fn.errors.map((e) => {
      const where = e.instancePath || '/';
      if (e.keyword === 'additionalProperties') {
        return `${where}: unknown field "${e.params.additionalProperty}"`;
      }
      if (e.keyword === 'required') return `${where}: missing required field "${e.params.missingProperty}"`;
      if (e.keyword === 'enum') return `${where}: ${e.message} (${e.params.allowedValues.join(', ')})`;
      if (e.keyword === 'const') return `${where}: must be ${JSON.stringify(e.params.allowedValue)}`;
      return `${where}: ${e.message}`;
    }).filter((m, i, all) => all.indexOf(m) === i);
  };
}

/** Parses a multi-document YAML stream into objects; YAML errors are fatal. */
export function parseObjects(text, origin) {
  const docs = YAML.parseAllDocuments(text);
  const objs = [];
  for (const doc of docs) {
    if (doc.errors.length) throw new Error(`${origin}: ${doc.errors.map((e) => e.message).join('; ')}`);
    const value = doc.toJS();
    if (value !== null && value !== undefined) objs.push(value);
  }
  return objs;
}

export function objectId(obj) {
  const ns = obj?.metadata?.namespace ? `${obj.metadata.namespace}/` : '';
  return `${obj?.kind}/${ns}${obj?.metadata?.name}`;
}
