// R3: property-based fuzzing of campaign-service's public (and admin) API.
//
// Every operation is read from the OpenAPI document the build writes (campaign-service/target/openapi/openapi.json),
// so a new endpoint is fuzzed without touching this file. fast-check generates each request: an operation, then
// one or more mutations of a plausible request (its documented example) — malformed JSON and invalid UTF-8, wrong
// types, huge strings, unusual unicode (NUL, lone surrogates, RTL, emoji), missing and extra fields, bad
// parameters, bad headers (content type, key, Idempotency-Key, Accept) and methods the path does not declare.
// Every answer must be below 500, and every 4xx must be the spec's error format:
//   {"statusCode": <the HTTP status>, "error": "<reason>", "message": "<one sentence>", "details"?: [{field, message}]}
//
// Environment: FUZZ_BASE_URL, FUZZ_API_KEY, FUZZ_ADMIN_TOKEN, FUZZ_OPENAPI (path), FUZZ_RUNS (default 10500),
// FUZZ_PARALLEL (default 4), FUZZ_SEED (default random; printed, so a failing run can be replayed).
// Prints `fuzz_*: N` lines; exits 1 when any answer broke a rule (the first examples are printed).
import fc from 'fast-check';
import { readFileSync } from 'node:fs';

const BASE = process.env.FUZZ_BASE_URL;
const API_KEY = process.env.FUZZ_API_KEY;
const ADMIN_TOKEN = process.env.FUZZ_ADMIN_TOKEN;
const RUNS = Number(process.env.FUZZ_RUNS ?? 10500);  // a few requests the HTTP client refuses to build are not sent
const PARALLEL = Number(process.env.FUZZ_PARALLEL ?? 4);
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const spec = JSON.parse(readFileSync(process.env.FUZZ_OPENAPI, 'utf8'));

// --- The operations, from the document ---
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const operations = [];
for (const [path, item] of Object.entries(spec.paths)) {
  for (const method of METHODS) {
    const op = item[method];
    if (!op) continue;
    const content = op.requestBody?.content?.['application/json'];
    operations.push({
      method: method.toUpperCase(), path, admin: path.startsWith('/admin/'),
      declared: METHODS.filter((m) => item[m]).map((m) => m.toUpperCase()),
      params: [...(item.parameters ?? []), ...(op.parameters ?? [])].map((p) => resolve(p)),
      body: content ? { schema: resolve(content.schema ?? {}), example: exampleOf(content) } : null,
    });
  }
}

function resolve(node) {
  if (node && node.$ref) return resolve(node.$ref.split('/').slice(1).reduce((o, k) => o[k], spec));
  return node;
}

function exampleOf(content) {
  if (content.example !== undefined) return content.example;
  const first = Object.values(content.examples ?? {})[0];
  if (first) return resolve(first).value;
  return sampleOf(resolve(content.schema ?? {}), 0);
}

// A plausible value for a schema: enough to get past the first checks, so mutations reach deeper validation.
function sampleOf(schema, depth) {
  schema = resolve(schema) ?? {};
  if (schema.example !== undefined) return schema.example;
  if (schema.enum) return schema.enum[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'object' || schema.properties) {
    const out = {};
    if (depth < 4) for (const [k, v] of Object.entries(schema.properties ?? {})) out[k] = sampleOf(v, depth + 1);
    return out;
  }
  if (type === 'array') return depth < 4 ? [sampleOf(schema.items ?? {}, depth + 1)] : [];
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return true;
  if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
  return 'fuzz';
}

// --- Arbitraries ---
const KNOWN = '__known__';  // a path value standing for an id that exists (see seed())
// encodeURIComponent refuses lone surrogates: send their replacement character in URLs instead.
const encode = (v) => encodeURIComponent(String(v).toWellFormed());
const weirdStrings = fc.oneof({ arbitrary: fc.oneof(
  fc.string(), fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', '\udfff', '\u202etxt', '😀'.repeat(300), '\uFEFF',
    "' or 1=1 --", '"; drop table campaign; --', '../../../etc/passwd', '%00', '${jndi:ldap://x}', '<script>',
    'null', 'true', '-1', '1e309', 'NaN', '9'.repeat(40), 'draft', 'running', 'idealista', 'csv_import')), weight: 9 },
  { arbitrary: fc.integer({ min: 1000, max: 300000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);
const anyJson = fc.oneof(
  { depthSize: 'small' },
  fc.jsonValue({ maxDepth: 3 }), weirdStrings, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.array(weirdStrings, { maxLength: 5 }), fc.dictionary(weirdStrings, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }),
  fc.constantFrom(2 ** 53 + 1, -(2 ** 63), 1e308, -0, 0.1),
);
const brokenJson = fc.oneof(
  fc.constantFrom('{', '}', '[', '{"a":', '{"name": "x",}', "{'name': 'x'}", '{"name": "x"} trailing', 'nul',
    '{"name": "\\x00"}', '{"name": "\\ud800"}', '{"a":1,"a":2}', '[1,2', '"unterminated', '{"name":' + '['.repeat(5000),
    '\uFEFF{"name":"bom"}', '1'.repeat(500), '{"name":"x"}'.repeat(3)),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),        // any bytes, invalid UTF-8 included
  fc.constant(Buffer.from([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])), // {"n":"<bad UTF-8>"}
);
const pathValue = fc.oneof(
  fc.uuid(), fc.constantFrom('00000000-0000-0000-0000-000000000000', 'not-a-uuid', '1', '-1', '%20', '%00', '..',
    'idealista', 'fotocasa', 'csv_import', 'unknown-platform', 'a'.repeat(5000), '%E2%82%AC', '%C3%28', '%ZZ'),
  fc.string({ minLength: 1, maxLength: 60 }).map(encode),
);
const paramValue = fc.oneof(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }).map(String), weirdStrings.map((v) => String(v).slice(0, 3000)),
  fc.constantFrom('0', '101', '1.5', '', 'abc', 'true', '[]', '{}'));
// Mostly the right content type and Accept, so most requests get past them to the body's validation.
const contentType = fc.oneof({ arbitrary: fc.constantFrom('application/json', 'application/json; charset=utf-8'), weight: 6 },
  { arbitrary: fc.constantFrom('text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data',
    'garbage', '*/*', 'application/json; charset=latin1', null), weight: 2 });
const auth = fc.constantFrom('valid', 'valid', 'valid', 'valid', 'missing', 'garbage', 'wrongFormat', 'bearer',
  'bearerGarbage', 'both', 'long');
const accept = fc.oneof({ arbitrary: fc.constantFrom(null, 'application/json', '*/*'), weight: 8 },
  { arbitrary: fc.constantFrom('application/xml', 'text/html', 'garbage'), weight: 1 });
const idempotencyKey = fc.oneof(fc.constant(null), fc.constant(null), fc.uuid(),
  fc.string({ unit: fc.constantFrom(...'abcXYZ019-_ ~!'), maxLength: 40 }),
  fc.integer({ min: 200, max: 9000 }).map((n) => 'k'.repeat(n)));

// One body mutation of the operation's example (or of nothing, for operations without a body).
function bodyArb(op) {
  const base = op.body ? op.body.example : undefined;
  const fields = base && typeof base === 'object' && !Array.isArray(base) ? Object.keys(base) : [];
  const kinds = [
    fc.constant({ kind: 'none' }),
    brokenJson.map((raw) => ({ kind: 'badJson', raw })),
    anyJson.map((value) => ({ kind: 'anyJson', value })),
    fc.constant({ kind: 'empty', value: {} }),
    fc.tuple(weirdStrings, anyJson).map(([k, v]) => ({ kind: 'extra', value: { ...(base ?? {}), [k || 'extra']: v } })),
  ];
  if (base !== undefined) kinds.push(fc.constant({ kind: 'example', value: base }));
  if (fields.length) {
    const field = fc.constantFrom(...fields);
    kinds.push(
      fc.tuple(field, anyJson).map(([f, v]) => ({ kind: 'wrongType', value: { ...base, [f]: v } })),
      fc.tuple(field, weirdStrings).map(([f, v]) => ({ kind: 'weirdString', value: { ...base, [f]: v } })),
      fc.subarray(fields).map((drop) => ({
        kind: 'missing', value: Object.fromEntries(Object.entries(base).filter(([k]) => !drop.includes(k))),
      })),
      fc.tuple(field, fc.constantFrom(null, [], {}, '', 0, -1, 1e9, true)).map(([f, v]) =>
        ({ kind: 'edgeValue', value: { ...base, [f]: v } })),
      fc.tuple(field, fc.dictionary(weirdStrings, anyJson, { maxKeys: 4 })).map(([f, v]) =>
        ({ kind: 'nested', value: { ...base, [f]: typeof base[f] === 'object' && base[f] ? { ...base[f], ...v } : v } })),
    );
  }
  // Rarely: a body over the 10 MB limit (413).
  kinds.push(fc.constant({ kind: 'oversize', raw: '{"name": "' + 'x'.repeat(11 * 1024 * 1024) + '"}' }));
  return fc.oneof(...kinds.map((arbitrary, i) => ({ arbitrary, weight: i === kinds.length - 1 ? 1 : 10 })));
}

const requestArb = fc.constantFrom(...operations).chain((op) => fc.record({
  op: fc.constant(op),
  method: fc.oneof({ arbitrary: fc.constant(op.method), weight: 6 },
    { arbitrary: fc.constantFrom(...METHODS.map((m) => m.toUpperCase()).filter((m) => !op.declared.includes(m)), 'PUT'), weight: 1 }),
  pathValues: fc.array(fc.oneof({ arbitrary: fc.constant(KNOWN), weight: 2 }, { arbitrary: pathValue, weight: 3 }),
    { minLength: 4, maxLength: 4 }),
  query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...op.params.filter((p) => p.in === 'query').map((p) => p.name), 'page', 'limit', 'unknown'),
    fc.string({ maxLength: 20 })), paramValue), { maxLength: 3 }),
  body: bodyArb(op),
  contentType, auth, accept, idempotencyKey,
}));

// --- Sending and judging ---
let knownIds = [];
const stats = { requests: 0, byStatus: {}, byKind: {}, violations: [] };

function toRequest(r) {
  let i = 0;
  const path = r.op.path.replace(/\{[^}]+\}/g, () => {
    const v = r.pathValues[i++];
    return v === KNOWN ? (knownIds[i % knownIds.length] ?? 'none') : v;
  });
  const qs = r.query.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  const headers = {};
  if (r.op.admin) {
    if (r.auth !== 'missing') headers.Authorization = r.auth === 'valid' ? `Bearer ${ADMIN_TOKEN}` : 'Bearer nope';
  } else {
    switch (r.auth) {
      case 'valid': headers['X-Api-Key'] = API_KEY; break;
      case 'garbage': headers['X-Api-Key'] = 'garbage'; break;
      case 'wrongFormat': headers['X-Api-Key'] = API_KEY.replace(/_[^_]+$/, '_short'); break;
      case 'bearer': headers.Authorization = `Bearer ${API_KEY}`; break;
      case 'bearerGarbage': headers.Authorization = 'Bearer  \t'; break;
      case 'both': headers['X-Api-Key'] = 'garbage'; headers.Authorization = `Bearer ${API_KEY}`; break;
      case 'long': headers['X-Api-Key'] = 'hr_live_' + 'a'.repeat(8000); break;
      default: break;
    }
  }
  if (r.contentType) headers['Content-Type'] = r.contentType;
  if (r.accept) headers.Accept = r.accept;
  if (r.idempotencyKey !== null) headers['Idempotency-Key'] = r.idempotencyKey;
  let body;
  const b = r.body;
  if (b.kind === 'badJson' || b.kind === 'oversize') body = b.raw;
  else if (b.kind !== 'none') body = JSON.stringify(b.value);
  if (r.method === 'GET') body = undefined; // the HTTP client sends no body on a GET (DELETE may have one)
  return { url: `${BASE}${path}${qs ? '?' + qs : ''}`, method: r.method, headers, body };
}

function judge(status, text) {
  if (status >= 500) return `${status} (server error)`;
  if (status < 400) return null;
  let json;
  try { json = JSON.parse(text); } catch { return `${status} with a body that is not JSON: ${JSON.stringify(text.slice(0, 120))}`; }
  if (!json || typeof json !== 'object' || Array.isArray(json)) return `${status} with a JSON body that is not an object`;
  if (json.statusCode !== status) return `${status} with statusCode ${JSON.stringify(json.statusCode)}`;
  if (typeof json.error !== 'string' || !json.error) return `${status} without "error"`;
  if (typeof json.message !== 'string' || !json.message) return `${status} without "message"`;
  if (json.details !== undefined && (!Array.isArray(json.details)
      || json.details.some((d) => typeof d?.field !== 'string' || typeof d?.message !== 'string'))) {
    return `${status} with malformed "details"`;
  }
  if (/\bat [\w$.]+\(|Exception\b|\.java:\d+/.test(text)) return `${status} whose body shows a stack trace`;
  return null;
}

async function send(r) {
  const req = toRequest(r);
  let status, text;
  try {
    const res = await fetch(req.url, { method: req.method, headers: req.headers, body: req.body, redirect: 'manual',
      signal: AbortSignal.timeout(30000) });
    status = res.status;
    text = await res.text();
  } catch (e) {
    // A request the client itself refuses to build (e.g. a header it will not send) is not an answer of ours.
    if (e.name === 'TypeError' && !String(e.cause?.code ?? '').startsWith('UND_ERR_SOCKET')) {
      stats.byKind.clientRefused = (stats.byKind.clientRefused ?? 0) + 1;
      return;
    }
    status = 0;
    text = String(e.cause ?? e);
  }
  stats.requests++;
  stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
  stats.byKind[r.body.kind] = (stats.byKind[r.body.kind] ?? 0) + 1;
  const problem = status === 0 ? `no answer: ${text}` : judge(status, text);
  if (problem) {
    stats.violations.push({ problem, request: `${req.method} ${req.url.slice(0, 200)}`,
      contentType: req.headers['Content-Type'], body: typeof req.body === 'string' ? req.body.slice(0, 200) : req.body && '<bytes>',
      answer: text.slice(0, 300) });
  }
}

// Ids that exist, so some mutations land on real resources: one campaign of this workspace.
async function seed() {
  const res = await fetch(`${BASE}/v1/public/v1/campaigns`, { method: 'POST',
    headers: { 'X-Api-Key': API_KEY, 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'fuzz', platform: 'csv_import', segmentation: { batchSize: 5 } }) });
  if (res.status !== 201) throw new Error(`could not create the seed campaign: ${res.status} ${await res.text()}`);
  knownIds = [(await res.json()).id];
}

await seed();
const started = Date.now();
const perWorker = Math.ceil(RUNS / PARALLEL);
const results = await Promise.all(Array.from({ length: PARALLEL }, (_, w) =>
  fc.check(fc.asyncProperty(requestArb, async (r) => { await send(r); return true; }),
    { numRuns: perWorker, seed: SEED + w, endOnFailure: true })));
const failedChecks = results.filter((r) => r.failed);
const seconds = (Date.now() - started) / 1000;

const fivexx = Object.entries(stats.byStatus).filter(([s]) => Number(s) >= 500 || s === '0').reduce((a, [, n]) => a + n, 0);
console.log(`fuzz_seed: ${SEED}`);
console.log(`fuzz_operations: ${operations.length} (from ${process.env.FUZZ_OPENAPI.replace(/.*\/(campaign-service)/, '$1')})`);
console.log(`fuzz_requests: ${stats.requests} in ${seconds.toFixed(1)} s`);
console.log(`fuzz_statuses: ${Object.entries(stats.byStatus).sort().map(([s, n]) => `${s}=${n}`).join(' ')}`);
console.log(`fuzz_body_mutations: ${Object.entries(stats.byKind).sort().map(([s, n]) => `${s}=${n}`).join(' ')}`);
console.log(`fuzz_5xx: ${fivexx}`);
console.log(`fuzz_bad_error_format: ${stats.violations.length - fivexx}`);
const seen = new Set();
for (const v of stats.violations) {
  const key = v.problem.replace(/[0-9a-f-]{36}/g, '<id>').slice(0, 60) + v.request.split('?')[0].replace(/[0-9a-f-]{36}/g, '<id>');
  if (seen.has(key) || seen.size >= 25) continue;
  seen.add(key);
  console.log(`violation: ${v.problem} <- ${v.request} [${v.contentType ?? 'no content type'}] ${v.body ?? ''} => ${v.answer}`);
}
for (const f of failedChecks) console.log(`fuzz_check_error: ${f.errorInstance ?? f.error}`);
const ok = stats.violations.length === 0 && failedChecks.length === 0 && stats.requests >= Math.min(RUNS * 0.95, 10000);
console.log(`fuzz: ${ok ? 1 : 0} passed, ${ok ? 0 : 1} failed`);
process.exit(ok ? 0 : 1);
