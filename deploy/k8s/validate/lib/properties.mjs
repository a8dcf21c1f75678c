// Reads a Quarkus application.properties the way the prod profile sees it, and extracts what the
// manifests must provide: the environment variables it reads, the Kafka topics it produces to and
// consumes from (with consumer groups), and the HTTP port and database pool sizes.
import fs from 'node:fs';

/** Parses java.util.Properties text into [key, value] pairs, in file order. */
export function parseProperties(text) {
  const pairs = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^\s+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    // A line ending in an odd number of backslashes continues on the next line.
    while (/(^|[^\\])(\\\\)*\\$/.test(line) && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^\s+/, '');
    }
    let k = 0;
    let key = '';
    while (k < line.length) {
      const c = line[k];
      if (c === '\\' && k + 1 < line.length) { key += line[k + 1]; k += 2; continue; }
      if (c === '=' || c === ':' || /\s/.test(c)) break;
      key += c; k++;
    }
    let rest = line.slice(k).replace(/^\s*/, '');
    if (rest.startsWith('=') || rest.startsWith(':')) rest = rest.slice(1).replace(/^\s*/, '');
    pairs.push([key, rest.replace(/\\(.)/g, '$1')]);
  }
  return pairs;
}

/**
 * The configuration the service runs with in Kubernetes: the "prod" profile. Keys without a profile
 * apply, "%prod." (or a profile list containing prod) overrides them; every other profile (%dev.,
 * %test.) is not read there and is ignored.
 */
export function prodView(pairs, profile = 'prod') {
  const base = new Map();
  const over = new Map();
  for (const [key, value] of pairs) {
    const m = /^%([^.]+)\.(.*)$/.exec(key);
    if (!m) { base.set(key, value); continue; }
    if (m[1].split(',').map((p) => p.trim()).includes(profile)) over.set(m[2], value);
  }
  for (const [k, v] of over) base.set(k, v);
  return base;
}

const EXPR = /\$\{([^{}]*)\}/g;
const ENV_NAME = /^[A-Z][A-Z0-9_]*$/;

/** Environment variables referenced as ${VAR} or ${VAR:default} by any effective value. */
export function envReferences(props) {
  const vars = new Set();
  for (const value of props.values()) {
    // Innermost-first: ${A:${B:x}} reads A and B.
    let v = value;
    let guard = 0;
    while (EXPR.test(v) && guard++ < 20) {
      EXPR.lastIndex = 0;
      v = v.replace(EXPR, (_, inner) => {
        const name = inner.split(':')[0];
        if (ENV_NAME.test(name)) vars.add(name);
        return '';
      });
      EXPR.lastIndex = 0;
    }
    EXPR.lastIndex = 0;
  }
  return vars;
}

/**
 * Resolves ${...} expressions: other properties first, then env (the manifest's values), then the
 * expression's default. Returns undefined when something cannot be resolved (e.g. ${quarkus.uuid}).
 */
export function resolve(value, props, env = {}, depth = 0) {
  if (value === undefined || depth > 20) return undefined;
  let unresolved = false;
  let out = value;
  let guard = 0;
  while (/\$\{[^{}]*\}/.test(out) && guard++ < 50) {
    out = out.replace(/\$\{([^{}]*)\}/g, (_, inner) => {
      const idx = inner.indexOf(':');
      const name = idx < 0 ? inner : inner.slice(0, idx);
      const def = idx < 0 ? undefined : inner.slice(idx + 1);
      let v;
      if (props.has(name)) v = resolve(props.get(name), props, env, depth + 1);
      else if (Object.prototype.hasOwnProperty.call(env, name)) v = env[name];
      else v = def;
      if (v === undefined) { unresolved = true; return ''; }
      return v;
    });
  }
  return unresolved ? undefined : out;
}

/**
 * Kafka topics of a service. SmallRye defaults: a channel's topic is its name; a dead-letter-queue
 * strategy without a topic writes to dead-letter-topic-<channel>; the group id defaults to the
 * application name.
 */
export function kafkaUsage(props, env = {}) {
  const topics = new Map(); // topic -> Set of roles ("topic property", "produces", "consumes", "dead letters")
  const consumers = []; // { channel, topic, group }
  const add = (topic, role) => {
    if (topic === undefined || topic === '') return;
    if (!topics.has(topic)) topics.set(topic, new Set());
    topics.get(topic).add(role);
  };
  for (const [key, value] of props) {
    if (key.startsWith('hostreach.topics.')) add(resolve(value, props, env), 'hostreach.topics');
  }
  const channels = new Map();
  for (const key of props.keys()) {
    const m = /^mp\.messaging\.(incoming|outgoing)\.([^.]+)\.connector$/.exec(key);
    if (m && props.get(key) === 'smallrye-kafka') channels.set(`${m[1]}.${m[2]}`, { dir: m[1], name: m[2] });
  }
  for (const key of props.keys()) {
    const m = /^mp\.messaging\.(incoming|outgoing)\.([^.]+)\.topic$/.exec(key);
    if (m && !channels.has(`${m[1]}.${m[2]}`)) channels.set(`${m[1]}.${m[2]}`, { dir: m[1], name: m[2] });
  }
  const appName = resolve(props.get('quarkus.application.name'), props, env);
  for (const { dir, name } of channels.values()) {
    const p = `mp.messaging.${dir}.${name}.`;
    const topic = props.has(p + 'topic') ? resolve(props.get(p + 'topic'), props, env) : name;
    if (dir === 'outgoing') { add(topic, 'produces'); continue; }
    add(topic, 'consumes');
    const group = props.has(p + 'group.id') ? resolve(props.get(p + 'group.id'), props, env)
      : props.has('kafka.group.id') ? resolve(props.get('kafka.group.id'), props, env) : appName;
    consumers.push({ channel: name, topic, group });
    if (resolve(props.get(p + 'failure-strategy'), props, env) === 'dead-letter-queue') {
      const dlq = props.has(p + 'dead-letter-queue.topic')
        ? resolve(props.get(p + 'dead-letter-queue.topic'), props, env) : `dead-letter-topic-${name}`;
      add(dlq, 'dead letters');
    }
  }
  return { topics, consumers };
}

/** Everything the manifests need to know about one service's configuration file. */
export function readServiceConfig(file) {
  const props = prodView(parseProperties(fs.readFileSync(file, 'utf8')));
  return { file, props, envVars: envReferences(props) };
}
