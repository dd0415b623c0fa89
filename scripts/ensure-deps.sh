#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
# Installs the npm dependencies from the lock file when they are missing or stale.
# npm 11 rejects this lock in `npm ci` (rollup's optional platform packages); npm 10 installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ] || [ "$(cat node_modules/.node-version 2>/dev/null)" != "$(node --version)" ]; then
	npx -y npm@10 ci --no-audit --no-fund
	node --version > node_modules/.node-version
fi
