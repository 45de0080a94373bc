#!/usr/bin/env bash
# Checks that every published package is adoptable, on the build already in
# packages/*/dist (run `pnpm build` first; the test command does):
#   1. publint --strict        package.json fields and exports point at real, well-formed files
#   2. attw --profile esm-only types resolve for ESM consumers (node16 and bundlers)
#   3. API reports             packages/*/etc/*.api.md match the built .d.ts (pnpm api:update to accept);
#                              core, signalling, hooks and metrics must also have TSDoc on every public member
#                              (--require-docs; add a package once its report has no "(undocumented)")
#   4. pack check              tarballs install outside the workspace, type-check (bundler + node16),
#                              bundle, and the Node packages start (scripts/pack-check/index.ts)
#   5. bundle budget           core + metrics + hooks ≤ 30 KB gzip, and no Agora code in a local-only app
#                              (scripts/bench/bundle/index.ts --check)
# Every step runs even if an earlier one failed; the exit code is non-zero if any failed.
set -uo pipefail
cd "$(dirname "$0")/.."

packages=(core metrics hooks signalling collector)
bin=node_modules/.bin
tarballs=$(mktemp -d "${TMPDIR:-/tmp}/liveroom-tarballs-XXXXXX")
trap 'rm -rf "$tarballs"' EXIT
failed=()
started=$SECONDS

step() { echo; echo "━━ $1"; step_started=$SECONDS; }
done_step() { # $1 = name, $2 = exit status
  if [ "$2" -eq 0 ]; then echo "✓ $1 ($((SECONDS - step_started)) s)"; else echo "✗ $1 ($((SECONDS - step_started)) s)"; failed+=("$1"); fi
}

step "publint"
status=0
for p in "${packages[@]}"; do
  (cd "packages/$p" && "../../$bin/publint" --strict --pack pnpm) || status=1
done
done_step "publint" "$status"

step "attw (ESM-only profile)"
status=0
for p in "${packages[@]}"; do
  (cd "packages/$p" && pnpm pack --pack-destination "$tarballs" >/dev/null) || status=1
done
for t in "$tarballs"/*.tgz; do
  "$bin/attw" "$t" --profile esm-only --format table-flipped || status=1
done
done_step "attw" "$status"

step "API reports"
pnpm exec tsx scripts/pack-check/api-report.ts --require-docs=core,signalling,hooks,metrics,collector
done_step "API reports" $?

step "pack check"
pnpm exec tsx scripts/pack-check/index.ts --tarballs "$tarballs"
done_step "pack check" $?

step "bundle budget"
pnpm exec tsx scripts/bench/bundle/index.ts --check
done_step "bundle budget" $?

echo
if [ "${#failed[@]}" -gt 0 ]; then
  echo "check-packages: FAILED (${failed[*]}) in $((SECONDS - started)) s"
  exit 1
fi
echo "check-packages: all passed in $((SECONDS - started)) s"
