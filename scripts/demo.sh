#!/usr/bin/env bash
# Starts the demo room on the embedded defaults: local signalling, the
# telemetry collector and the web app. Prints the URL to open.
set -euo pipefail
cd "$(dirname "$0")/.."
LIVEROOM_SKIP_BROWSER=1 bash scripts/setup.sh
exec pnpm --filter @liveroom/demo-room start
