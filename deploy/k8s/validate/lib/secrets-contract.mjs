// deploy/k8s/required-secrets.txt: the Secrets (names and keys, never values) the overlays need,
// and where bin/secrets.sh takes each value from.
import fs from 'node:fs';

export function readSecretsContract(file) {
  const rows = [];
  fs.readFileSync(file, 'utf8').split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) return;
    const cols = t.split(/\s+/);
    if (cols.length !== 5) throw new Error(`${file}:${i + 1}: expected 5 columns (secret type key source overlays)`);
    const [secret, type, key, source, overlays] = cols;
    if (!/^(random|random-key|literal:.+|env:[A-Z][A-Z0-9_]*)$/.test(source)) {
      throw new Error(`${file}:${i + 1}: source must be random, random-key, literal:<value> or env:<VAR>`);
    }
    rows.push({ secret, type, key, source, overlays: overlays === '*' ? '*' : overlays.split(',') });
  });
  return rows;
}

/** The (secret, key) pairs available in an overlay, as a Map secret -> Set(keys). */
export function secretsFor(contract, overlay) {
  const out = new Map();
  for (const r of contract) {
    if (r.overlays !== '*' && !r.overlays.includes(overlay)) continue;
    if (!out.has(r.secret)) out.set(r.secret, new Set());
    out.get(r.secret).add(r.key);
  }
  return out;
}
