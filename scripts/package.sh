#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
# Builds build/degooglisation-<version>.tar.gz laid out like an app store release.
# Pass --no-build to package the js/ and css/ already built.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/node.sh
[ "${1:-}" = "--no-build" ] || { bash scripts/ensure-deps.sh && npm run build; }
for entry in main dashboard-with-l10n; do [ -f "js/degooglisation-$entry.mjs" ] || { echo "js/degooglisation-$entry.mjs is missing: run npm run build first" >&2; exit 1; }; done
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' appinfo/info.xml | head -1)
stage=build/stage/degooglisation
rm -rf build/stage && mkdir -p "$stage"
cp -r appinfo lib templates js css img l10n COPYING README.md "$stage/"
find "$stage/js" -name "*.map" -delete
tar -czf "build/degooglisation-$version.tar.gz" -C build/stage degooglisation
rm -rf build/stage
echo "build/degooglisation-$version.tar.gz ($(du -k "build/degooglisation-$version.tar.gz" | cut -f1) KB)"
