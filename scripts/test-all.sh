#!/usr/bin/env bash
# The one test command (README: `npm ci && npm test`), also what CI runs (.ci/run).
# Gates, in order; each prints its own runner's summary and the script stops at the first
# failing gate:
#   1. browser present (installs Debian's chromium when missing)
#   2. typecheck (astro check: .astro, .ts, .tsx)
#   3. lint + format (biome)
#   4. unit + component tests (vitest, vitest.config.ts)
#   5. production build (astro build)
#   6. tests of the built site (vitest.build.config.ts): anchors manifest, links and
#      #fragments, per-page JS budget (prints the table)
#   7. end-to-end tests in Chromium (vitest.e2e.config.ts): every page clean (no console or
#      page error, no CSP violation, no off-site request), KaTeX, no-JS content, axe in
#      light and dark, widgets under mouse and keyboard; and the gate fixtures failing.
# At the end: the time each gate took.
set -euo pipefail
cd "$(dirname "$0")/.."
export ASTRO_TELEMETRY_DISABLED=1

timings=()
current=""
started=0
step() {
  finish_step
  current="$*"
  started=$(date +%s)
  printf '\n\033[1m== %s ==\033[0m\n' "$current"
}
finish_step() {
  if [ -n "$current" ]; then timings+=("$(printf '%5ss  %s' "$(($(date +%s) - started))" "$current")"); fi
  current=""
}
report() {
  local status=$?
  finish_step
  printf '\n\033[1m== time per gate ==\033[0m\n'
  printf '%s\n' "${timings[@]}"
  if [ "$status" -eq 0 ]; then printf '\033[1mall gates passed\033[0m\n'; else printf '\033[1mFAILED (exit %s)\033[0m\n' "$status"; fi
}
trap report EXIT

step "browser (Debian chromium)"; bash scripts/ensure-chromium.sh
step "typecheck (astro check)"; npx astro check
step "lint + format (biome)"; npx biome check .
step "unit + component tests (vitest)"; npx vitest run
step "production build (astro build)"; npx astro build
step "built-site tests: anchors, links, JS budget (vitest)"; npx vitest run -c vitest.build.config.ts
step "end-to-end tests in Chromium (vitest)"; npx vitest run -c vitest.e2e.config.ts
step "long-task gate in Chromium, alone (vitest)"; npx vitest run -c vitest.long-tasks.config.ts
