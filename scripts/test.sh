#!/usr/bin/env bash
# Runs every check and test: the README's test command and CI's.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

step() { echo; echo "━━ $*"; }
step "lint"; pnpm lint
step "typecheck"; pnpm typecheck
step "build"; pnpm build
step "package checks"; bash scripts/check-packages.sh
step "docs site"; pnpm docs:build
step "tests (unit, browser, e2e)"
mkdir -p .tmp
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json=.tmp/vitest-results.json || status=$?
node scripts/testing/summary.mjs .tmp/vitest-results.json
exit "$status"
