#!/usr/bin/env bash
# Offline check of deploy/k8s (no cluster, no Docker, no Maven):
#   1. renders every overlay (deploy/k8s/overlays/*) with `kubectl kustomize`;
#   2. validates every rendered object against the vendored Kubernetes and CRD JSON Schemas
#      (deploy/k8s/schemas; unknown fields, wrong types and missing required fields fail);
#   3. checks the invariants against the services' application.properties, read now: probes, limits,
#      non-root, PDB, NetworkPolicy, a KafkaTopic for every topic, every ${VAR} set, ...;
#   4. proves the checks bite: bad fixtures (a misspelled field, ...) and broken variants of the
#      rendered overlays must fail (node's test runner, deploy/k8s/validate/test).
# Installs what is missing: kubectl (Debian's kubernetes-client), node and npm (Debian), the
# validator's two npm packages (pinned by package-lock.json, installed into validate/node_modules).
# After the first install it runs offline, in seconds.
set -euo pipefail

K8S_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$K8S_DIR/../.." && pwd)"
VALIDATE_DIR="$K8S_DIR/validate"

log() { printf '[k8s-check] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

apt_install() {
  [[ "$(id -u)" == 0 ]] || die "$* missing and not root: install it (apt-get install $*)"
  command -v apt-get >/dev/null || die "$* missing and no apt-get"
  log "installing $* from Debian's packages"
  if [[ -z "${K8S_CHECK_APT_UPDATED:-}" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    K8S_CHECK_APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- tools --------------------------------------------------------------------------------------
command -v kubectl >/dev/null || apt_install kubernetes-client
command -v node >/dev/null || apt_install nodejs
command -v npm >/dev/null || apt_install npm
node_major="$(node -p 'process.versions.node.split(".")[0]')"
(( node_major >= 18 )) || die "node >= 18 needed, found $(node --version)"

# kubectl older than 1.21 embeds kustomize v2, which reads an older kustomization dialect: render a
# rewritten copy then (validate/kustomize-compat.mjs). Same objects either way.
kubectl_minor="$(kubectl version --client -o json 2>/dev/null | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    try { console.log(parseInt(JSON.parse(s).clientVersion.minor, 10) || 0); } catch { console.log(0); }
  });')"

# --- validator dependencies ---------------------------------------------------------------------
# npm ci only when node_modules does not match package-lock.json.
lock_hash="$(sha256sum "$VALIDATE_DIR/package-lock.json" | cut -d' ' -f1)"
stamp="$VALIDATE_DIR/node_modules/.hostreach-lock-sha256"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  log "installing the validator's npm packages (package-lock.json)"
  (cd "$VALIDATE_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  printf '%s\n' "$lock_hash" > "$stamp"
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
RENDERED="$WORK/rendered"
mkdir -p "$RENDERED"

SOURCE_DIR="$K8S_DIR"
if (( kubectl_minor > 0 && kubectl_minor < 21 )); then
  log "kubectl 1.$kubectl_minor embeds kustomize v2: rendering a v2-dialect copy"
  node "$VALIDATE_DIR/kustomize-compat.mjs" "$K8S_DIR" "$WORK/k8s"
  SOURCE_DIR="$WORK/k8s"
fi

# --- 1. render ----------------------------------------------------------------------------------
targets=()
render_failed=0
for dir in "$K8S_DIR"/overlays/*/; do
  overlay="$(basename "$dir")"
  [[ -f "$dir/kustomization.yaml" ]] || continue
  if kubectl kustomize "$SOURCE_DIR/overlays/$overlay" >"$RENDERED/$overlay.yaml" 2>"$WORK/$overlay.err"; then
    log "rendered overlays/$overlay ($(grep -c '^kind:' "$RENDERED/$overlay.yaml") objects)"
    targets+=("$overlay=$RENDERED/$overlay.yaml")
  else
    log "FAIL: kubectl kustomize overlays/$overlay"
    sed 's/^/    /' "$WORK/$overlay.err" >&2
    render_failed=1
  fi
done
(( ${#targets[@]} > 0 )) || die "no overlay rendered"

# --- 2 + 3. schemas and invariants --------------------------------------------------------------
status=0
node "$VALIDATE_DIR/validate.mjs" --repo "$REPO_DIR" "${targets[@]}" | tee "$WORK/validate.out" || status=1

# --- 4. the checks bite -------------------------------------------------------------------------
HOSTREACH_RENDERED_DIR="$RENDERED" node --test --test-reporter=spec "$VALIDATE_DIR"/test/*.test.mjs \
  >"$WORK/tests.out" 2>&1 || status=1
grep -E '^\s*(✔|✖)' "$WORK/tests.out" | sed 's/ ([0-9.]*ms)$//' | awk '!seen[$0]++' || true
if (( status != 0 )); then
  grep -vE '^\s*✔' "$WORK/tests.out" | sed -n '1,120p' >&2 || true
fi
tests_passed="$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$WORK/tests.out")"
tests_failed="$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$WORK/tests.out")"
tests_passed="${tests_passed:-0}"
tests_failed="${tests_failed:-1}"   # no summary line: the runner itself failed

# --- summary ------------------------------------------------------------------------------------
v_passed="$(sed -n 's/^validate: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' "$WORK/validate.out")"
v_failed="$(sed -n 's/^validate: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' "$WORK/validate.out")"
passed=$(( ${v_passed:-0} + tests_passed ))
failed=$(( ${v_failed:-1} + tests_failed + render_failed ))
(( render_failed == 0 )) || status=1
(( failed == 0 )) || status=1
echo "k8s-check: $passed passed, $failed failed"
exit "$status"
