#!/usr/bin/env bash
# Lints the published contracts: the OpenAPI document campaign-service writes at build time, and the
# event contract docs/asyncapi.yaml. Installs the pinned linters from npm on first use. No telemetry.
set -euo pipefail
cd "$(dirname "$0")"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true SUPPRESS_NO_CONFIG_WARNING=true
# The AsyncAPI CLI sends usage metrics unless told not to (CI=true, and a config saying so).
export CI=true ASYNCAPI_METRICS_CONFIG_PATH="$PWD/.asyncapi-analytics"
echo '{"analyticsEnabled":"false","infoMessageShown":"true","userID":"hostreach-ci"}' > "$ASYNCAPI_METRICS_CONFIG_PATH"

if [ ! -x node_modules/.bin/redocly ] || [ ! -x node_modules/.bin/asyncapi ]; then
  echo "[lint] installing the linters (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error </dev/null
fi
openapi=../../campaign-service/target/openapi/openapi.yaml
[ -f "$openapi" ] || { echo "[lint] $openapi is missing: build campaign-service first"; exit 1; }

echo "[lint] OpenAPI: redocly lint"
out=$(node_modules/.bin/redocly lint --config redocly.yaml "$openapi" 2>&1) || { echo "$out"; exit 1; }
echo "$out" | grep -E 'valid|warning' || true
if echo "$out" | grep -qE 'You have [0-9]+ warning'; then
  echo "$out"; echo "[lint] OpenAPI warnings are not accepted: fix them"; exit 1
fi

echo "[lint] AsyncAPI: asyncapi validate"
node_modules/.bin/asyncapi validate ../asyncapi.yaml --fail-severity=warn </dev/null
echo "[lint] contracts: 2 passed, 0 failed"
