/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/**
 * `npx tsx bench/search-seed.ts` with NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD:
 * writes the search budget's load into that account — 50 roadmaps of 500
 * tasks — for bench/search.sh. One task in the whole load has the word
 * "quetzalcoatl" in its description. Search reads only the readable roadmap
 * file, so only that file is written (one PUT per roadmap): such a folder is a
 * roadmap made by another tool (docs/file-format.md §3.1).
 */

import { serializeRoadmap } from '../src/domain/format.ts'
import { emptyRoadmap, makeTask, TASK_STATUSES } from '../src/domain/model.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'

const { NEXTCLOUD_URL: url, NEXTCLOUD_USER: user, NEXTCLOUD_PASSWORD: password } = process.env
if (!url || !user || !password) {
	throw new Error('set NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD')
}
const dav = createNodeDavClient({ url, user, password })
await dav.createFolder('/Dégooglisation')
const tools = ['Microsoft Exchange', 'Google Drive', 'Teams', 'Zoom', 'Excel', 'Gmail']
const free = ['SOGo', 'Nextcloud Files', 'Talk', 'Jitsi Meet', 'LibreOffice Calc', 'Thunderbird']
const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
const fileUrl = (r: number) => `${url.replace(/\/+$/, '')}/remote.php/dav/files/${encodeURIComponent(user)}/${encodeURIComponent('Dégooglisation')}/${encodeURIComponent(`Recherche ${r}`)}/roadmap.degooglisation.json`
for (let r = 1; r <= 50; r++) {
	// Run again after a failure: the roadmaps already written are kept.
	if ((await fetch(fileUrl(r), { method: 'HEAD', headers: { Authorization: auth } })).status === 200) {
		continue
	}
	const roadmap = emptyRoadmap(`Recherche ${r}`, `Commune ${r}`)
	roadmap.phases = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, order: i, title: `Phase ${i}`, description: '', start: null, end: null }))
	roadmap.tasks = Array.from({ length: 500 }, (_, i) => makeTask({
		id: `r${r}-t${i}`,
		title: `Tâche ${i} de la feuille ${r} : migrer ${tools[i % 6]}`,
		description: r === 50 && i === 499
			? 'Former les agents au nouvel outil quetzalcoatl avant la bascule.'
			: 'Une description de quelques phrases, pour peser comme une vraie tâche : inventaire, pilote, formation des agents, bascule, puis retour d’expérience aux élus.',
		phase: `p${i % 6}`,
		status: TASK_STATUSES[i % 4],
		assignees: i % 5 === 0 ? [user, 'agent@cloud.mairie-b.fr'] : ['someone'],
		replaces: [tools[i % 6]],
		replacements: [free[i % 6]],
		due: i % 3 ? `2027-0${1 + (i % 9)}-1${i % 10}` : null,
	}))
	await dav.createFolder(`/Dégooglisation/Recherche ${r}`)
	await dav.put(`/Dégooglisation/Recherche ${r}/roadmap.degooglisation.json`, serializeRoadmap(roadmap))
	process.stdout.write(`${r} `)
}
console.log('\n50 roadmaps of 500 tasks written')
