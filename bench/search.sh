#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
# Server time of the unified search request for the app's provider, against a
# real Nextcloud (NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD), after
# bench/search-seed.ts. Prints the median of 21 requests (caches warm) for a
# word found in one task's description, for a word found in 25,000 task titles
# (only the first page is sent), and for Nextcloud's own settings provider
# (Nextcloud's cost of any search request).
set -euo pipefail
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
	local url="$NEXTCLOUD_URL/ocs/v2.php/search/providers/$1/search?format=json&term=$2"
	curl -s -o /dev/null -u "$NEXTCLOUD_USER:$NEXTCLOUD_PASSWORD" -H 'OCS-APIRequest: true' "$url"
	for _ in $(seq 21); do
		curl -s -o /dev/null -w '%{time_total}\n' -u "$NEXTCLOUD_USER:$NEXTCLOUD_PASSWORD" -H 'OCS-APIRequest: true' "$url"
	done | awk '{print $1 * 1000}' | median
}
curl -s -u "$NEXTCLOUD_USER:$NEXTCLOUD_PASSWORD" -H 'OCS-APIRequest: true' "$NEXTCLOUD_URL/ocs/v2.php/search/providers/degooglisation/search?format=json&term=quetzalcoatl" | grep -q 'r50-t499' || { echo 'the seeded task is not found: run bench/search-seed.ts first' >&2; exit 1; }
rare=$(measure degooglisation quetzalcoatl)
common=$(measure degooglisation migrer)
base=$(measure settings zzzz)
echo "search, one match in 25,000 tasks (ms):     $rare"
echo "search, 25,000 matches, first page (ms):    $common"
echo "search, Nextcloud's settings provider (ms): $base"
echo "the provider's own cost (ms):               $(awk -v a="$rare" -v b="$base" 'BEGIN {print a - b}') / $(awk -v a="$common" -v b="$base" 'BEGIN {print a - b}')   budget: 200"
