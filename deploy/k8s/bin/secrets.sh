#!/usr/bin/env bash
# Creates and rotates the Secrets an overlay needs, from deploy/k8s/required-secrets.txt. Values are
# generated here (or read from the environment) and go straight to the cluster: never to git, never
# to a file.
#
#   deploy/k8s/bin/secrets.sh <overlay> ensure            create every missing Secret of the overlay
#   deploy/k8s/bin/secrets.sh <overlay> rotate <secret>   new values for <secret>'s random keys, then
#                                                         restart the Deployments that read it
#   deploy/k8s/bin/secrets.sh --dry-run <overlay> ensure  print the Secret manifests instead (no cluster;
#                                                         env-sourced values that are unset print as "dry-run")
#
# <overlay> is a directory name under deploy/k8s/overlays (dev, prod, prod-keda); its namespace comes
# from that overlay's kustomization.yaml. Needs kubectl with access to the cluster (except --dry-run).
set -euo pipefail
shopt -s inherit_errexit

K8S_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CONTRACT="$K8S_DIR/required-secrets.txt"
DRY_RUN=false

die() { printf 'secrets.sh: %s\n' "$*" >&2; exit 1; }
log() { printf 'secrets.sh: %s\n' "$*" >&2; }

if [[ "${1:-}" == "--dry-run" ]]; then DRY_RUN=true; shift; fi
OVERLAY="${1:-}"; ACTION="${2:-}"; TARGET="${3:-}"
[[ -n "$OVERLAY" && -n "$ACTION" ]] || die "usage: secrets.sh [--dry-run] <overlay> ensure | rotate <secret>"
KUSTOMIZATION="$K8S_DIR/overlays/$OVERLAY/kustomization.yaml"
[[ -f "$KUSTOMIZATION" ]] || die "no overlay $OVERLAY (looked for $KUSTOMIZATION)"
NAMESPACE="$(sed -n 's/^namespace:[[:space:]]*\([a-z0-9-]*\).*/\1/p' "$KUSTOMIZATION" | head -n1)"
[[ -n "$NAMESPACE" ]] || die "$KUSTOMIZATION sets no namespace"

random_key() {
  # An AES-256 key: 32 random bytes, standard base64 (what java.util.Base64's decoder expects).
  head -c 32 /dev/urandom | base64 | tr -d '\n'
}

random_value() {
  # 32 random bytes, base64url without padding: safe in URLs, connection strings and shells.
  head -c 32 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_'
}

# Prints "secret type" for every Secret the overlay needs, one per line.
secrets_of_overlay() {
  awk -v o="$OVERLAY" '
    /^[[:space:]]*(#|$)/ { next }
    { n = split($5, list, ","); keep = ($5 == "*"); for (i = 1; i <= n; i++) if (list[i] == o) keep = 1
      if (keep && !seen[$1]++) print $1, $2 }' "$CONTRACT"
}

# Prints "key source" for one Secret.
keys_of() {
  awk -v s="$1" '/^[[:space:]]*(#|$)/ { next } $1 == s { print $3, $4 }' "$CONTRACT"
}

# Value of one key: random keys get a new value on every call (create and rotate alike); literal
# and env keys keep theirs.
value_for() {
  local source="$1"
  case "$source" in
    random) random_value ;;
    random-key) random_key ;;
    literal:*) printf '%s' "${source#literal:}" ;;
    env:*)
      local var="${source#env:}"
      if [[ -n "${!var:-}" ]]; then printf '%s' "${!var}"
      elif $DRY_RUN; then printf 'dry-run'
      else die "set $var in the environment (value of a Secret key that comes from outside)"; fi ;;
    *) die "unknown source $source" ;;
  esac
}

manifest() {
  local name="$1" type="$2"
  printf 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: %s\n  namespace: %s\n' "$name" "$NAMESPACE"
  # cnpg.io/reload: CloudNativePG re-reads role passwords when the Secret changes.
  printf '  labels:\n    app.kubernetes.io/part-of: hostreach\n    cnpg.io/reload: "true"\n'
  printf 'type: %s\ndata:\n' "$type"
  local key source value
  while read -r key source; do
    value="$(value_for "$source")"
    printf '  %s: %s\n' "$key" "$(printf '%s' "$value" | base64 | tr -d '\n')"
  done < <(keys_of "$name")
}

# Applies a Secret only once its whole manifest could be built (a missing env value aborts first).
apply_secret() {
  local doc
  doc="$(manifest "$1" "$2")"
  printf '%s\n' "$doc" | kubectl apply -f - >/dev/null
}

exists() { kubectl -n "$NAMESPACE" get secret "$1" >/dev/null 2>&1; }

case "$ACTION" in
  ensure)
    first=true
    while read -r name type; do
      if $DRY_RUN; then
        $first || printf -- '---\n'
        first=false
        doc="$(manifest "$name" "$type")"
        printf '%s\n' "$doc"
      elif exists "$name"; then
        log "kept    $NAMESPACE/$name (exists)"
      else
        apply_secret "$name" "$type"
        log "created $NAMESPACE/$name"
      fi
    done < <(secrets_of_overlay)
    ;;
  rotate)
    [[ -n "$TARGET" ]] || die "rotate needs a secret name"
    line="$(secrets_of_overlay | awk -v s="$TARGET" '$1 == s')"
    [[ -n "$line" ]] || die "$TARGET is not a Secret of overlay $OVERLAY (see required-secrets.txt)"
    type="${line#* }"
    if keys_of "$TARGET" | awk '$2 == "random-key" { found = 1 } END { exit !found }'; then
      die "$TARGET holds an encryption key: a new key makes everything encrypted with the old one unreadable. Re-encrypt first (deploy/README.md, \"Rotate a secret\")"
    fi
    if $DRY_RUN; then doc="$(manifest "$TARGET" "$type")"; printf '%s\n' "$doc"; exit 0; fi
    apply_secret "$TARGET" "$type"
    log "rotated $NAMESPACE/$TARGET"
    # Quarkus reads its configuration at start: restart every Deployment that reads the Secret.
    kubectl -n "$NAMESPACE" get deployments \
      -o jsonpath='{range .items[*]}{.metadata.name}{" "}{.spec.template.spec.containers[*].env[*].valueFrom.secretKeyRef.name}{"\n"}{end}' |
      while read -r deployment refs; do
        if [[ " $refs " == *" $TARGET "* ]]; then
          kubectl -n "$NAMESPACE" rollout restart "deployment/$deployment" >/dev/null
          log "restarted deployment/$deployment"
        fi
      done
    ;;
  *) die "unknown action $ACTION (ensure | rotate <secret>)" ;;
esac
