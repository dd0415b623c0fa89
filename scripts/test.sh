#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
# The whole test suite. Set NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD to
# also run the contract suite against a real Nextcloud.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
bash scripts/ensure-deps.sh

step() { printf '\n=== %s\n' "$1"; }

reports=$(mktemp -d)

step "type check"
npx vue-tsc --noEmit -p .
step "lint (ESLint, @nextcloud/eslint-config)"
npx eslint .
step "SPDX headers"
missing=0
while IFS= read -r -d '' file; do
	head -n 12 "$file" | grep -q 'SPDX-License-Identifier' || { echo "no SPDX header: $file"; missing=1; }
done < <(git ls-files -z -- '*.ts' '*.mts' '*.js' '*.mjs' '*.vue' '*.php' '*.sh' '*.css' .ci/run ':!l10n/')
[ "$missing" = 0 ]
step "PHP syntax"
bash scripts/php-lint.sh
step "PHP unit tests (shared fixtures with the TypeScript core)"
phpunit --log-junit "$reports/phpunit.xml"
step "build"
npm run build
step "unit, storage, sandbox, component and CLI tests"
npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json"
step "contract suite (sandbox)"
env -u NEXTCLOUD_URL npx vitest run --config vitest.contract.config.ts --reporter=default --reporter=json --outputFile.json="$reports/contract-sandbox.json"
if [ -n "${NEXTCLOUD_URL:-}" ]; then
	step "contract suite ($NEXTCLOUD_URL)"
	npx vitest run --config vitest.contract.config.ts --reporter=default --reporter=json --outputFile.json="$reports/contract-nextcloud.json"
fi
step "end-to-end tests in chromium against the sandbox"
npx vitest run --config vitest.e2e.config.ts --reporter=default --reporter=json --outputFile.json="$reports/e2e.json"
step "stress: 8 writers × 60 edits on the sandbox with Nextcloud's hazards"
env -u NEXTCLOUD_URL -u NEXTCLOUD_PARTNER_URL npx tsx tests/stress/stress.ts --writers 8 --edits 60
step "package"
bash scripts/package.sh --no-build
echo
echo "All test steps passed."
node scripts/test-summary.mjs "$reports"/*.json "$reports"/*.xml
