#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
# One command to try Dégooglisation: installs, builds, and starts the sandbox
# (a Nextcloud-compatible server) with demo users and a demo roadmap, and the
# partner commune's sandbox on the next port, to share with through federation.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
bash scripts/ensure-deps.sh
npm run build
exec npx tsx sandbox/main.ts --demo --partner "$@"
