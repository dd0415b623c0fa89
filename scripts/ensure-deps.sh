#!/usr/bin/env bash
# Installs the npm dependencies from the lock file when they are missing or stale.
# npm 11 rejects this lock in `npm ci` (rollup's optional platform packages); npm 10 installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	npx -y npm@10 ci --no-audit --no-fund
fi
