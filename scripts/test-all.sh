#!/usr/bin/env bash
# The one test command (README: `npm ci && npm test`), also what CI runs.
# Each gate prints its own summary; the script stops at the first failing gate.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1
step() { printf '\n\033[1m== %s ==\033[0m\n' "$*"; }

step "typecheck (astro check)"; npx astro check
step "lint + format (biome)"; npx biome check .
step "unit + component tests (vitest)"; npx vitest run
step "production build"; npx astro build
