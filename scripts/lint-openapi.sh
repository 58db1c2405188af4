#!/usr/bin/env bash
# Lints the api's OpenAPI document (the one /docs-json serves) with Redocly (redocly.yaml): any error fails.
# The document comes from the compiled api in Nest's preview mode, so no PostgreSQL, Redis or .env is needed
# (apps/api/src/openapi/write-openapi-document.ts); it is compiled first because the document needs the decorator
# metadata tsc emits.
set -euo pipefail
cd "$(dirname "$0")/.."

npx nest build api
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
node dist/apps/api/src/openapi/write-openapi-document.js "$tmp/openapi.json"
npx redocly lint --config redocly.yaml "$tmp/openapi.json"
