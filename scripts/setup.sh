#!/usr/bin/env bash
# Installs what the repository needs on a fresh machine (node 20 + npm):
# pnpm (through npm; corepack fails its signature checks here), Debian's
# Chromium when /usr/bin/chromium is missing, and the workspace packages.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version)" != "$PNPM_VERSION" ]; then
  echo "› installing pnpm@$PNPM_VERSION"
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi

if [ "${LIVEROOM_SKIP_BROWSER:-}" != 1 ] && [ ! -x /usr/bin/chromium ]; then
  echo "› installing Debian's chromium (about a minute)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

echo "› installing workspace packages"
pnpm install --frozen-lockfile --reporter=silent
