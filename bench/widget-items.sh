#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
# Server time of the dashboard's v1 items request for the widget, against a real
# Nextcloud (NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD), after
# bench/seedWidgetLoad.ts. Prints the median of 21 requests (caches warm) for the
# widget and for the same request naming no widget (Nextcloud's own cost).
set -euo pipefail
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
	curl -s -o /dev/null -u "$NEXTCLOUD_USER:$NEXTCLOUD_PASSWORD" -H 'OCS-APIRequest: true' "$NEXTCLOUD_URL/ocs/v2.php/apps/dashboard/api/v1/widget-items?format=json&$1" >/dev/null
	for _ in $(seq 21); do
		curl -s -o /dev/null -w '%{time_total}\n' -u "$NEXTCLOUD_USER:$NEXTCLOUD_PASSWORD" -H 'OCS-APIRequest: true' "$NEXTCLOUD_URL/ocs/v2.php/apps/dashboard/api/v1/widget-items?format=json&$1"
	done | awk '{print $1 * 1000}' | median
}
ours=$(measure 'widgets[]=degooglisation')
base=$(measure 'widgets[]=no-such-widget')
echo "widget-items, degooglisation (ms):   $ours"
echo "widget-items, no widget (ms):        $base"
echo "the widget's own cost (ms):          $(awk -v a="$ours" -v b="$base" 'BEGIN {print a - b}')   budget: 50"
