#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
# php -l on every PHP file of the app.
set -euo pipefail
cd "$(dirname "$0")/.."
count=0
while IFS= read -r -d '' file; do
	php -l "$file" >/dev/null || { echo "syntax error in $file" >&2; php -l "$file"; exit 1; }
	count=$((count + 1))
done < <(find appinfo lib templates tests/php -name '*.php' -print0 2>/dev/null)
echo "php -l: $count files, no syntax error"
