// The project's rules for a rendered overlay, beyond what a schema can say. Each rule returns a list
// of errors; an empty list means the rule holds. Services are discovered from the repository (every
// module with src/main/resources/application.properties that the overlay deploys) and their
// configuration is read at check time, so a variable or topic added to a module later fails the
// check until the manifests catch up.
import { kafkaUsage, resolve } from './properties.mjs';
import { secretsFor } from './secrets-contract.mjs';

// Measured resident memory of one service with -Xmx256m (see deploy/README.md, "Sizing").
export const MEASURED_RSS_BYTES = 350 * 1024 * 1024;
const RSS_HEADROOM = 1.25;
const SECRET_LIKE = /(PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL|API_?KEY)/;
const PG_RESERVED_CONNECTIONS = 20;

export function parseQuantity(q) {
  if (typeof q === 'number') return q;
  if (typeof q !== 'string') return NaN;
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return NaN;
  const mult = {
    '': 1, m: 1e-3, k: 1e3, K: 1e3, M: 1e6, G: 1e9, T: 1e12,
    Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, Ti: 1024 ** 4,
  }[m[2]];
  return mult === undefined ? NaN : Number(m[1]) * mult;
}

function parseDurationSeconds(v) {
  if (v === undefined) return undefined;
  const m = /^(\d+)(ms|s|m|h)?$/.exec(String(v).trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return { ms: n / 1000, s: n, m: n * 60, h: n * 3600, undefined: n }[m[2]];
}

function selects(selector, labels) {
  if (!selector) return false;
  const ml = selector.matchLabels || {};
  const exprs = selector.matchExpressions || [];
  if (Object.keys(ml).length === 0 && exprs.length === 0) return true;
  for (const [k, v] of Object.entries(ml)) if ((labels || {})[k] !== v) return false;
  for (const e of exprs) {
    const has = Object.prototype.hasOwnProperty.call(labels || {}, e.key);
    const val = (labels || {})[e.key];
    if (e.operator === 'In' && !(has && e.values.includes(val))) return false;
    if (e.operator === 'NotIn' && has && e.values.includes(val)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

const isEmptySelector = (s) => !s || (Object.keys(s.matchLabels || {}).length === 0 && (s.matchExpressions || []).length === 0);

function index(objs) {
  const by = (kind) => objs.filter((o) => o.kind === kind);
  const named = (kind, name) => objs.find((o) => o.kind === kind && o.metadata?.name === name);
  return { by, named };
}

/**
 * The environment a container gets from the manifests: name -> { from, value? }.
 * value is known for literals and ConfigMap keys.
 */
function containerEnv(container, idx, errors, where) {
  const env = new Map();
  for (const ef of container.envFrom || []) {
    if (ef.configMapRef) {
      const cm = idx.named('ConfigMap', ef.configMapRef.name);
      if (!cm) { errors.push(`${where}: envFrom ConfigMap ${ef.configMapRef.name} is not in the overlay`); continue; }
      for (const [k, v] of Object.entries(cm.data || {})) env.set((ef.prefix || '') + k, { from: `ConfigMap ${cm.metadata.name}`, value: v });
    }
    if (ef.secretRef) {
      errors.push(`${where}: envFrom secretRef ${ef.secretRef.name} hides which keys are read; use secretKeyRef per variable`);
    }
  }
  for (const e of container.env || []) {
    if (e.value !== undefined) env.set(e.name, { from: 'literal', value: e.value });
    else if (e.valueFrom?.secretKeyRef) env.set(e.name, { from: 'secret', ref: e.valueFrom.secretKeyRef });
    else if (e.valueFrom?.configMapKeyRef) {
      const ref = e.valueFrom.configMapKeyRef;
      const cm = idx.named('ConfigMap', ref.name);
      if (!cm || !(ref.key in (cm.data || {}))) errors.push(`${where}: env ${e.name} reads ConfigMap ${ref.name} key ${ref.key}, which the overlay does not have`);
      env.set(e.name, { from: `ConfigMap ${ref.name}`, value: cm?.data?.[ref.key] });
    } else env.set(e.name, { from: 'field' });
  }
  return env;
}

/**
 * @param {object} args
 * @param {string} args.overlay     overlay directory name (dev, prod, ...)
 * @param {object[]} args.objects   rendered objects
 * @param {Map<string, object>} args.services  service name -> readServiceConfig() result
 * @param {object[]} args.secretsContract      readSecretsContract() rows
 * @returns {{name: string, errors: string[]}[]}
 */
export function checkInvariants({ overlay, objects, services, secretsContract }) {
  const idx = index(objects);
  const results = [];
  const rule = (name, fn) => {
    const errors = [];
    try { fn(errors); } catch (e) { errors.push(`rule crashed: ${e.stack || e}`); }
    results.push({ name, errors });
  };
  const prodLike = overlay.startsWith('prod');
  const deployments = idx.by('Deployment');
  const secrets = secretsFor(secretsContract, overlay);

  // ------------------------------------------------------------------ namespace and secrets
  rule('one namespace, restricted Pod Security, no Secret values', (errors) => {
    const nsObjs = idx.by('Namespace');
    if (nsObjs.length !== 1) { errors.push(`expected exactly one Namespace, found ${nsObjs.length}`); return; }
    const ns = nsObjs[0];
    if (ns.metadata.labels?.['pod-security.kubernetes.io/enforce'] !== 'restricted') {
      errors.push(`Namespace ${ns.metadata.name}: label pod-security.kubernetes.io/enforce must be "restricted"`);
    }
    for (const o of objects) {
      if (o.kind === 'Namespace') continue;
      if (o.metadata?.namespace !== ns.metadata.name) errors.push(`${o.kind}/${o.metadata?.name}: namespace is ${o.metadata?.namespace ?? '(unset)'}, not ${ns.metadata.name}`);
      if (o.kind === 'Secret') errors.push(`Secret/${o.metadata.name}: secret values never live in git; list it in required-secrets.txt instead`);
    }
  });

  // ------------------------------------------------------------------ per service
  for (const [svc, cfg] of services) {
    const dep = idx.named('Deployment', svc);
    const where = `Deployment/${svc}`;
    if (!dep) {
      rule(`${svc}: deployed`, (errors) => errors.push(`${where} is missing (module ${svc} has an application.properties)`));
      continue;
    }
    const podLabels = dep.spec.template.metadata?.labels || {};
    const podSpec = dep.spec.template.spec;
    const main = podSpec.containers.find((c) => c.name === svc) || podSpec.containers[0];
    const envErrors = [];
    const env = containerEnv(main, idx, envErrors, where);
    const envValues = Object.fromEntries([...env].filter(([, v]) => v.value !== undefined).map(([k, v]) => [k, v.value]));

    rule(`${svc}: selector matches the pod template`, (errors) => {
      if (!selects(dep.spec.selector, podLabels)) errors.push(`${where}: spec.selector does not select its own pod template`);
    });

    rule(`${svc}: probes on /q/health`, (errors) => {
      for (const c of podSpec.containers) {
        for (const [probe, path] of [['startupProbe', '/q/health/started'], ['livenessProbe', '/q/health/live'], ['readinessProbe', '/q/health/ready']]) {
          const p = c[probe];
          if (!p) { errors.push(`${where} container ${c.name}: no ${probe}`); continue; }
          if (p.httpGet?.path !== path) errors.push(`${where} container ${c.name}: ${probe} must GET ${path}, has ${p.httpGet?.path ?? 'no httpGet'}`);
        }
      }
    });

    rule(`${svc}: resources sized from measured RSS`, (errors) => {
      for (const c of podSpec.containers) {
        const r = c.resources || {};
        for (const kind of ['requests', 'limits']) {
          for (const res of ['cpu', 'memory']) {
            if (r[kind]?.[res] === undefined) errors.push(`${where} container ${c.name}: no ${kind}.${res}`);
          }
        }
        const limit = parseQuantity(r.limits?.memory);
        const request = parseQuantity(r.requests?.memory);
        if (limit < MEASURED_RSS_BYTES * RSS_HEADROOM) {
          errors.push(`${where} container ${c.name}: memory limit ${r.limits?.memory} is below the measured RSS (350 MB) plus 25% headroom`);
        }
        if (request > limit) errors.push(`${where} container ${c.name}: memory request above limit`);
        if (parseQuantity(r.requests?.cpu) > parseQuantity(r.limits?.cpu)) errors.push(`${where} container ${c.name}: cpu request above limit`);
        const jto = (c === main ? envValues.JAVA_TOOL_OPTIONS : undefined) || '';
        const xmx = /-Xmx(\d+)([kKmMgG]?)/.exec(jto);
        if (xmx) {
          const heap = Number(xmx[1]) * ({ '': 1, k: 1024, K: 1024, m: 1024 ** 2, M: 1024 ** 2, g: 1024 ** 3, G: 1024 ** 3 }[xmx[2]]);
          if (heap > 0.6 * limit) errors.push(`${where}: -Xmx${xmx[1]}${xmx[2]} leaves under 40% of the ${r.limits?.memory} limit for non-heap memory`);
        }
      }
    });

    rule(`${svc}: non-root, read-only root filesystem, no capabilities`, (errors) => {
      const psc = podSpec.securityContext || {};
      for (const c of podSpec.containers) {
        const sc = c.securityContext || {};
        const nonRoot = sc.runAsNonRoot ?? psc.runAsNonRoot;
        const uid = sc.runAsUser ?? psc.runAsUser;
        if (nonRoot !== true) errors.push(`${where} container ${c.name}: runAsNonRoot must be true`);
        if (uid === 0) errors.push(`${where} container ${c.name}: runAsUser 0`);
        if (sc.readOnlyRootFilesystem !== true) errors.push(`${where} container ${c.name}: readOnlyRootFilesystem must be true`);
        if (sc.allowPrivilegeEscalation !== false) errors.push(`${where} container ${c.name}: allowPrivilegeEscalation must be false`);
        if (sc.privileged === true) errors.push(`${where} container ${c.name}: privileged`);
        if (!(sc.capabilities?.drop || []).includes('ALL')) errors.push(`${where} container ${c.name}: capabilities.drop must contain ALL`);
        if ((sc.capabilities?.add || []).length) errors.push(`${where} container ${c.name}: adds capabilities`);
        const seccomp = sc.seccompProfile?.type ?? psc.seccompProfile?.type;
        if (!['RuntimeDefault', 'Localhost'].includes(seccomp)) errors.push(`${where} container ${c.name}: seccompProfile must be RuntimeDefault`);
        if (sc.readOnlyRootFilesystem === true && !(c.volumeMounts || []).some((m) => m.mountPath === '/tmp')) {
          errors.push(`${where} container ${c.name}: read-only root filesystem without a writable /tmp (the JVM and Vert.x need it)`);
        }
      }
      if (podSpec.hostNetwork || podSpec.hostPID || podSpec.hostIPC) errors.push(`${where}: uses host namespaces`);
    });

    rule(`${svc}: graceful shutdown`, (errors) => {
      const grace = podSpec.terminationGracePeriodSeconds ?? 30;
      const pre = main.lifecycle?.preStop;
      if (!pre) errors.push(`${where}: no preStop hook (endpoints must drain before SIGTERM)`);
      let sleep = 0;
      if (pre?.sleep) sleep = pre.sleep.seconds;
      else if (pre?.exec?.command?.[0] === 'sleep') sleep = Number(pre.exec.command[1]) || 0;
      const timeoutRaw = envValues.QUARKUS_SHUTDOWN_TIMEOUT ?? cfg.props.get('quarkus.shutdown.timeout');
      const timeout = parseDurationSeconds(timeoutRaw);
      if (timeout === undefined) errors.push(`${where}: no Quarkus graceful shutdown (quarkus.shutdown.timeout / QUARKUS_SHUTDOWN_TIMEOUT)`);
      else if (sleep + timeout >= grace) errors.push(`${where}: terminationGracePeriodSeconds ${grace} must exceed preStop ${sleep}s + shutdown timeout ${timeout}s`);
    });

    rule(`${svc}: service account without API token`, (errors) => {
      const saName = podSpec.serviceAccountName;
      if (!saName || saName === 'default') { errors.push(`${where}: needs its own serviceAccountName`); return; }
      const sa = idx.named('ServiceAccount', saName);
      if (!sa) errors.push(`${where}: ServiceAccount ${saName} is not in the overlay`);
      if ((podSpec.automountServiceAccountToken ?? sa?.automountServiceAccountToken) !== false) {
        errors.push(`${where}: automountServiceAccountToken must be false (the services never call the API)`);
      }
    });

    rule(`${svc}: image`, (errors) => {
      const image = main.image || '';
      const m = /^ghcr\.io\/hostreach\/([a-z0-9-]+)(?::([^@]+))?(?:@sha256:[0-9a-f]{64})?$/.exec(image);
      if (!m || m[1] !== svc) { errors.push(`${where}: image ${image} is not ghcr.io/hostreach/${svc}:<tag>`); return; }
      if (prodLike && (!m[2] || m[2] === 'latest' || /SNAPSHOT/i.test(m[2])) && !image.includes('@sha256:')) {
        errors.push(`${where}: ${overlay} must pin a release tag or digest, has ${image}`);
      }
    });

    rule(`${svc}: PodDisruptionBudget`, (errors) => {
      const pdbs = idx.by('PodDisruptionBudget').filter((p) => selects(p.spec.selector, podLabels) && !isEmptySelector(p.spec.selector));
      if (pdbs.length !== 1) errors.push(`${where}: expected one PodDisruptionBudget selecting its pods, found ${pdbs.length}`);
    });

    rule(`${svc}: NetworkPolicy`, (errors) => {
      const pols = idx.by('NetworkPolicy');
      const own = pols.filter((p) => !isEmptySelector(p.spec.podSelector) && selects(p.spec.podSelector, podLabels));
      if (!own.some((p) => (p.spec.policyTypes || ['Ingress']).includes('Ingress'))) errors.push(`${where}: no NetworkPolicy of its own restricts ingress`);
      if (!own.some((p) => (p.spec.policyTypes || []).includes('Egress'))) errors.push(`${where}: no NetworkPolicy of its own restricts egress`);
      const denyAll = pols.some((p) => isEmptySelector(p.spec.podSelector) && (p.spec.policyTypes || ['Ingress']).includes('Ingress') && !(p.spec.ingress || []).length);
      if (!denyAll) errors.push('no default-deny ingress NetworkPolicy in the namespace');
    });

    rule(`${svc}: Service and ServiceMonitor`, (errors) => {
      const httpPort = (main.ports || []).find((p) => p.name === 'http');
      if (!httpPort) { errors.push(`${where}: no container port named http`); return; }
      const appPort = Number(resolve(cfg.props.get('quarkus.http.port') ?? '8080', cfg.props, envValues));
      if (appPort !== httpPort.containerPort) errors.push(`${where}: container port ${httpPort.containerPort} but the service listens on ${appPort} (quarkus.http.port)`);
      const svcs = idx.by('Service').filter((s) => s.spec.selector && selects({ matchLabels: s.spec.selector }, podLabels));
      if (svcs.length !== 1) { errors.push(`${where}: expected one Service selecting its pods, found ${svcs.length}`); return; }
      const port = (svcs[0].spec.ports || []).find((p) => p.name === 'http');
      if (!port) errors.push(`Service/${svcs[0].metadata.name}: no port named http`);
      else if (port.targetPort !== 'http' && port.targetPort !== httpPort.containerPort) errors.push(`Service/${svcs[0].metadata.name}: targetPort does not reach the container's http port`);
      const sms = idx.by('ServiceMonitor').filter((m) => selects(m.spec.selector, svcs[0].metadata.labels || {}));
      if (sms.length !== 1) { errors.push(`${where}: expected one ServiceMonitor selecting Service/${svcs[0].metadata.name}, found ${sms.length}`); return; }
      if (!sms[0].spec.endpoints.some((e) => e.port === 'http' && e.path === '/q/metrics')) {
        errors.push(`ServiceMonitor/${sms[0].metadata.name}: must scrape port http, path /q/metrics`);
      }
    });

    rule(`${svc}: autoscaling`, (errors) => {
      const hpas = idx.by('HorizontalPodAutoscaler').filter((h) => h.spec.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === svc);
      const sos = idx.by('ScaledObject').filter((s) => s.spec.scaleTargetRef.name === svc && (s.spec.scaleTargetRef.kind ?? 'Deployment') === 'Deployment');
      if (hpas.length + sos.length !== 1) { errors.push(`${where}: expected exactly one HorizontalPodAutoscaler or ScaledObject, found ${hpas.length + sos.length}`); return; }
      let min;
      let max;
      if (hpas.length) {
        const h = hpas[0];
        min = h.spec.minReplicas ?? 1;
        max = h.spec.maxReplicas;
        if (!(h.spec.metrics || []).some((m) => m.type === 'Resource' && m.resource.name === 'cpu')) errors.push(`HorizontalPodAutoscaler/${svc}: must scale on CPU`);
      } else {
        const s = sos[0];
        min = s.spec.minReplicaCount ?? 0;
        max = s.spec.maxReplicaCount ?? 100;
        if (!s.spec.triggers.some((t) => t.type === 'cpu')) errors.push(`ScaledObject/${svc}: must keep a cpu trigger`);
      }
      if (max < min) errors.push(`${where}: autoscaler max ${max} below min ${min}`);
      if (dep.spec.replicas !== undefined && dep.spec.replicas !== min) {
        errors.push(`${where}: replicas ${dep.spec.replicas} differs from the autoscaler minimum ${min} (an apply would fight the autoscaler)`);
      }
      // Consumers: a partition feeds one member of a group, so more replicas than partitions idle.
      const { consumers } = kafkaUsage(cfg.props, envValues);
      for (const c of consumers) {
        const kt = kafkaTopicByName(idx, c.topic);
        if (kt?.spec?.partitions !== undefined && max > kt.spec.partitions) {
          errors.push(`${where}: scales to ${max} replicas but consumes ${c.topic} with ${kt.spec.partitions} partitions`);
        }
      }
      for (const s of sos) {
        for (const t of s.spec.triggers.filter((x) => x.type === 'kafka')) {
          const ok = consumers.some((c) => c.group === t.metadata.consumerGroup && (!t.metadata.topic || c.topic === t.metadata.topic));
          if (!ok) errors.push(`ScaledObject/${s.metadata.name}: kafka trigger group ${t.metadata.consumerGroup} / topic ${t.metadata.topic} is not a consumer of ${svc}`);
        }
      }
    });

    rule(`${svc}: every variable the service reads is set`, (errors) => {
      errors.push(...envErrors);
      for (const v of [...cfg.envVars].sort()) {
        if (!env.has(v)) errors.push(`${where}: ${v} is read by ${svc}/src/main/resources/application.properties but not set (env, envFrom ConfigMap or secretKeyRef)`);
      }
      for (const [name, src] of env) {
        if (SECRET_LIKE.test(name) && src.from !== 'secret') errors.push(`${where}: ${name} looks secret but comes from ${src.from}; use a secretKeyRef`);
        if (src.from === 'secret') {
          const keys = secrets.get(src.ref.name);
          if (!keys || !keys.has(src.ref.key)) errors.push(`${where}: ${name} reads Secret ${src.ref.name} key ${src.ref.key}, which required-secrets.txt does not list for ${overlay}`);
        }
      }
    });

    rule(`${svc}: database wiring`, (errors) => {
      const cluster = idx.by('Cluster')[0];
      if (!cluster) { errors.push('no CloudNativePG Cluster in the overlay'); return; }
      const host = resolve('${DB_HOST:127.0.0.1}', new Map(), envValues);
      if (host !== `${cluster.metadata.name}-rw`) errors.push(`${where}: DB_HOST is ${host}, expected ${cluster.metadata.name}-rw (the primary)`);
      const dbName = resolve('${DB_NAME:}', new Map(), envValues);
      const user = env.get('DB_USER');
      const pass = env.get('DB_PASSWORD');
      if (user?.from !== 'secret' || pass?.from !== 'secret' || user.ref.name !== pass.ref.name) {
        errors.push(`${where}: DB_USER and DB_PASSWORD must come from the same Secret`);
        return;
      }
      const role = (cluster.spec.managed?.roles || []).find((r) => r.passwordSecret?.name === user.ref.name);
      if (!role) { errors.push(`${where}: no managed role of Cluster/${cluster.metadata.name} uses Secret ${user.ref.name}`); return; }
      const db = idx.by('Database').find((d) => d.spec.name === dbName && d.spec.cluster.name === cluster.metadata.name);
      if (!db) errors.push(`${where}: database ${dbName} has no Database resource`);
      else if (db.spec.owner !== role.name) errors.push(`Database/${db.metadata.name}: owner ${db.spec.owner}, but ${svc} logs in as ${role.name}`);
      const contract = secretsContract.find((r) => r.secret === user.ref.name && r.key === 'username');
      if (contract && contract.source !== `literal:${role.name}`) errors.push(`required-secrets.txt: ${user.ref.name} username must be literal:${role.name}`);
    });
  }

  // ------------------------------------------------------------------ the strangers
  rule('every Deployment belongs to a module', (errors) => {
    for (const d of deployments) if (!services.has(d.metadata.name)) errors.push(`Deployment/${d.metadata.name}: no module of that name reads configuration`);
  });

  // ------------------------------------------------------------------ Kafka
  rule('every topic a service uses has a KafkaTopic', (errors) => {
    const kafka = idx.by('Kafka');
    if (kafka.length !== 1) { errors.push(`expected one Kafka, found ${kafka.length}`); return; }
    const clusterName = kafka[0].metadata.name;
    for (const t of idx.by('KafkaTopic')) {
      if (t.metadata.labels?.['strimzi.io/cluster'] !== clusterName) errors.push(`KafkaTopic/${t.metadata.name}: label strimzi.io/cluster must be ${clusterName}`);
    }
    for (const [svc, cfg] of services) {
      const dep = idx.named('Deployment', svc);
      const envValues = dep ? Object.fromEntries([...containerEnv(dep.spec.template.spec.containers[0], idx, [], '')].filter(([, v]) => v.value !== undefined).map(([k, v]) => [k, v.value])) : {};
      const { topics } = kafkaUsage(cfg.props, envValues);
      for (const [topic, roles] of topics) {
        if (!kafkaTopicByName(idx, topic)) errors.push(`${svc} uses topic ${topic} (${[...roles].join(', ')}) but there is no KafkaTopic for it`);
      }
      const bootstrap = envValues.KAFKA_BOOTSTRAP_SERVERS;
      const listener = kafka[0].spec.kafka.listeners.find((l) => l.tls === false && l.type === 'internal');
      const expected = listener && `${clusterName}-kafka-bootstrap:${listener.port}`;
      if (bootstrap !== expected) errors.push(`${svc}: KAFKA_BOOTSTRAP_SERVERS is ${bootstrap}, expected ${expected}`);
    }
  });

  rule('Kafka durability matches the brokers', (errors) => {
    const kafka = idx.by('Kafka')[0];
    if (!kafka) return;
    const cfg = kafka.spec.kafka.config || {};
    const pools = idx.by('KafkaNodePool').filter((p) => p.metadata.labels?.['strimzi.io/cluster'] === kafka.metadata.name);
    const brokers = pools.filter((p) => p.spec.roles.includes('broker')).reduce((n, p) => n + p.spec.replicas, 0);
    const controllers = pools.filter((p) => p.spec.roles.includes('controller')).reduce((n, p) => n + p.spec.replicas, 0);
    if (brokers < 1 || controllers < 1) errors.push(`Kafka/${kafka.metadata.name}: needs broker and controller node pools (KRaft), has ${brokers} brokers, ${controllers} controllers`);
    if (controllers % 2 === 0) errors.push(`Kafka/${kafka.metadata.name}: an even number of controllers (${controllers}) adds no fault tolerance`);
    if (String(cfg['auto.create.topics.enable']) !== 'false') errors.push(`Kafka/${kafka.metadata.name}: auto.create.topics.enable must be false (topics are KafkaTopics)`);
    const rf = Number(cfg['default.replication.factor'] ?? 1);
    const isr = Number(cfg['min.insync.replicas'] ?? 1);
    if (rf > brokers) errors.push(`Kafka/${kafka.metadata.name}: default.replication.factor ${rf} exceeds ${brokers} brokers`);
    for (const key of ['offsets.topic.replication.factor', 'transaction.state.log.replication.factor']) {
      if (Number(cfg[key] ?? 3) > brokers) errors.push(`Kafka/${kafka.metadata.name}: ${key} exceeds ${brokers} brokers`);
    }
    if (isr > rf) errors.push(`Kafka/${kafka.metadata.name}: min.insync.replicas ${isr} above replication factor ${rf}`);
    if (prodLike && (rf < 3 || isr < 2 || isr >= rf)) errors.push(`Kafka/${kafka.metadata.name}: ${overlay} needs replication factor >= 3 with min.insync.replicas 2 (acks=all survives a broker loss)`);
    for (const t of idx.by('KafkaTopic')) {
      const r = t.spec.replicas ?? rf;
      const tIsr = Number(t.spec.config?.['min.insync.replicas'] ?? isr);
      if (r > brokers) errors.push(`KafkaTopic/${t.metadata.name}: ${r} replicas on ${brokers} brokers`);
      if (tIsr > r) errors.push(`KafkaTopic/${t.metadata.name}: min.insync.replicas ${tIsr} above ${r} replicas`);
    }
  });

  // ------------------------------------------------------------------ PostgreSQL
  rule('PostgreSQL connections fit max_connections', (errors) => {
    const cluster = idx.by('Cluster')[0];
    if (!cluster) return;
    const max = Number(cluster.spec.postgresql?.parameters?.max_connections ?? 100);
    let total = 0;
    const parts = [];
    for (const [svc, cfg] of services) {
      const dep = idx.named('Deployment', svc);
      if (!dep) continue;
      const envValues = Object.fromEntries([...containerEnv(dep.spec.template.spec.containers[0], idx, [], '')].filter(([, v]) => v.value !== undefined).map(([k, v]) => [k, v.value]));
      const reactive = Number(resolve(cfg.props.get('quarkus.datasource.reactive.max-size') ?? '20', cfg.props, envValues));
      const jdbc = Number(resolve(cfg.props.get('quarkus.datasource.jdbc.max-size') ?? '20', cfg.props, envValues));
      const hpa = idx.by('HorizontalPodAutoscaler').find((h) => h.spec.scaleTargetRef.name === svc);
      const so = idx.by('ScaledObject').find((s) => s.spec.scaleTargetRef.name === svc);
      const replicas = hpa?.spec.maxReplicas ?? so?.spec.maxReplicaCount ?? dep.spec.replicas ?? 1;
      total += replicas * (reactive + jdbc);
      parts.push(`${svc} ${replicas} x (${reactive}+${jdbc})`);
    }
    if (total + PG_RESERVED_CONNECTIONS > max) {
      errors.push(`Cluster/${cluster.metadata.name}: ${parts.join(' + ')} = ${total} connections + ${PG_RESERVED_CONNECTIONS} reserved exceeds max_connections ${max}`);
    }
  });

  rule('operator-managed Secrets are in required-secrets.txt', (errors) => {
    const need = [];
    for (const c of idx.by('Cluster')) {
      if (c.spec.bootstrap?.initdb?.secret) need.push([c.spec.bootstrap.initdb.secret.name, 'password', `Cluster/${c.metadata.name} initdb`]);
      for (const r of c.spec.managed?.roles || []) if (r.passwordSecret) need.push([r.passwordSecret.name, 'password', `Cluster/${c.metadata.name} role ${r.name}`]);
    }
    for (const o of idx.by('ObjectStore')) {
      for (const ref of Object.values(o.spec.configuration.s3Credentials || {})) {
        if (ref && typeof ref === 'object') need.push([ref.name, ref.key, `ObjectStore/${o.metadata.name}`]);
      }
    }
    for (const [name, key, who] of need) {
      if (!secrets.get(name)?.has(key)) errors.push(`${who} needs Secret ${name} key ${key}, which required-secrets.txt does not list for ${overlay}`);
    }
  });

  // ------------------------------------------------------------------ Ingress
  rule('Ingress: public API and the Meta webhook only', (errors) => {
    const routes = [];
    for (const ing of idx.by('Ingress')) {
      if (!(ing.spec.tls || []).length) errors.push(`Ingress/${ing.metadata.name}: no TLS`);
      for (const r of ing.spec.rules || []) for (const p of r.http?.paths || []) routes.push({ ing: ing.metadata.name, host: r.host, path: p.path, type: p.pathType, svc: p.backend.service?.name });
    }
    if (!routes.some((r) => r.svc === 'campaign-service' && r.path === '/' && r.type === 'Prefix')) errors.push('no Ingress route sends / to campaign-service');
    if (!routes.some((r) => r.svc === 'outreach-worker' && r.path === '/webhooks/whatsapp')) errors.push('no Ingress route sends /webhooks/whatsapp to outreach-worker');
    for (const r of routes) {
      if (r.svc === 'outreach-worker' && r.path !== '/webhooks/whatsapp') errors.push(`Ingress/${r.ing}: exposes ${r.path} of outreach-worker; only /webhooks/whatsapp is public`);
      if (!['campaign-service', 'outreach-worker'].includes(r.svc)) errors.push(`Ingress/${r.ing}: exposes ${r.svc}, which is not public`);
    }
  });

  return results;
}

function kafkaTopicByName(idx, topic) {
  return idx.by('KafkaTopic').find((t) => (t.spec?.topicName ?? t.metadata.name) === topic);
}
