// Shared by the tests: the rendered overlays (from check.sh, or rendered here with kubectl).
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseObjects } from '../lib/schemas.mjs';

export const K8S_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const REPO = path.resolve(K8S_DIR, '../..');

export function rendered(overlay) {
  const dir = process.env.HOSTREACH_RENDERED_DIR;
  const text = dir
    ? fs.readFileSync(path.join(dir, `${overlay}.yaml`), 'utf8')
    : execFileSync('kubectl', ['kustomize', path.join(K8S_DIR, 'overlays', overlay)], { encoding: 'utf8' });
  return parseObjects(text, overlay);
}

export const clone = (x) => structuredClone(x);
