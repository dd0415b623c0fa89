#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Dégooglisation contributors
# SPDX-License-Identifier: AGPL-3.0-or-later
# What the server's change-file listener costs per save, against a real Nextcloud
# (NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD): in the roadmap folder FOLDER
# (a path of the user's files) PUTs 21 change files setting TASK's status to STATUS
# and 21 files of the same size under a name the listener ignores, and prints the
# median time of each and the difference (reading the change and the roadmap file,
# the notifications and one activity entry per reader).
# Usage: bench/change-listener.sh '/Dégooglisation/Saint-Exemple' solutions-mail todo
set -euo pipefail
folder=$1 task=$2 status=${3:-todo}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
dav="$NEXTCLOUD_URL/remote.php/dav/files/$NEXTCLOUD_USER$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$folder")/.degooglisation"
writer=bench$(printf '%010d' $((RANDOM * 32768 + RANDOM)))
body() {
	printf '{\n\t"format": "degooglisation-change",\n\t"version": 1,\n\t"writer": "%s",\n\t"seq": %d,\n\t"clock": 0,\n\t"author": "%s",\n\t"at": "%s",\n\t"seen": {},\n\t"ops": [\n\t\t{\n\t\t\t"op": "set",\n\t\t\t"path": "tasks/%s/status",\n\t\t\t"value": "%s"\n\t\t}\n\t]\n}\n' \
		"$writer" "$1" "$NEXTCLOUD_USER" "$(date -u +%Y-%m-%dT%H:%M:%S.000Z)" "$task" "$status"
}
put() { body "$2" | curl -s -o /dev/null -w '%{time_total}\n' -u "$NEXTCLOUD_USER:$NEXTCLOUD_PASSWORD" -H 'If-None-Match: *' -T - "$dav/$1"; }
change=$(for i in $(seq 21); do put "change.$writer.$(printf %06d "$i").json" "$i"; done | awk '{print $1 * 1000}' | median)
other=$(for i in $(seq 21); do put "bench.$writer.$(printf %06d "$i").json" "$i"; done | awk '{print $1 * 1000}' | median)
echo "PUT of a change file (ms):           $change"
echo "PUT of an ignored file (ms):         $other"
echo "the listener's cost per change (ms): $(awk -v a="$change" -v b="$other" 'BEGIN {print a - b}')"
