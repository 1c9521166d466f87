#!/usr/bin/env bash
# Installs what the browser tests need when it is missing, and nothing else: Debian's
# `chromium` (playwright-core drives it; downloading a browser is impossible here) and a
# basic font for screenshots (fonts-dejavu-core). Idempotent: a second run installs nothing.
# Used by `npm test` (scripts/test-all.sh) and by .ci/run. Set CHROMIUM_PATH to use another
# Chromium binary instead.
set -euo pipefail

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$chromium" ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-dejavu-core 2>/dev/null | grep -q "ok installed" || missing+=(fonts-dejavu-core)

if [ "${#missing[@]}" -eq 0 ]; then
  echo "chromium: $("$chromium" --version 2>/dev/null | head -n1) at $chromium"
  exit 0
fi

if [ -n "${CHROMIUM_PATH:-}" ] && [[ " ${missing[*]} " == *" chromium "* ]]; then
  echo "ensure-chromium: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable" >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  as_root=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)
else
  echo "ensure-chromium: need ${missing[*]}; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "ensure-chromium: installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
# Wait for another apt/dpkg run (e.g. unattended upgrades) instead of failing on its lock.
"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
"${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends "${missing[@]}"
[ -x "$chromium" ] || { echo "ensure-chromium: $chromium still missing after install" >&2; exit 1; }
echo "chromium: $("$chromium" --version 2>/dev/null | head -n1) at $chromium"
