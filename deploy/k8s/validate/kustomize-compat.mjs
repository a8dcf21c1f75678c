#!/usr/bin/env node
// For a kubectl older than 1.21 (Debian 12's kubernetes-client is 1.20, with kustomize v2.0.3): copy
// the kustomize tree and rewrite each kustomization.yaml into the v2 dialect, so the same manifests
// render there too. Only the two differences our kustomizations touch are rewritten:
//   resources: [<directory>]   -> bases: [<directory>]
//   patches: [{path: <file>}]   -> patchesStrategicMerge: [<file>]
// Usage: node kustomize-compat.mjs <deploy/k8s> <target dir>
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';

const [src, dst] = process.argv.slice(2);
if (!src || !dst) { console.error('usage: kustomize-compat.mjs <src> <dst>'); process.exit(2); }
fs.cpSync(src, dst, { recursive: true, filter: (p) => !p.includes(`${path.sep}node_modules`) });

function rewrite(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) { rewrite(p); continue; }
    if (entry.name !== 'kustomization.yaml') continue;
    const k = YAML.parse(fs.readFileSync(p, 'utf8'));
    const res = k.resources || [];
    const bases = res.filter((r) => fs.statSync(path.join(dir, r)).isDirectory());
    if (bases.length) {
      k.bases = [...(k.bases || []), ...bases];
      k.resources = res.filter((r) => !bases.includes(r));
      if (!k.resources.length) delete k.resources;
    }
    if (k.patches) {
      k.patchesStrategicMerge = k.patches.map((x) => {
        if (typeof x !== 'object' || !x.path || x.target || x.patch) throw new Error(`${p}: only {path: file} patches can be rewritten for kustomize v2`);
        return x.path;
      });
      delete k.patches;
    }
    fs.writeFileSync(p, YAML.stringify(k));
  }
}
rewrite(dst);
