/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * `npx tsx bench/seedWidgetLoad.ts` with NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD:
 * writes the dashboard budget's load into that account — 20 roadmaps of 500
 * tasks, a fifth of them assigned to the user — for bench/widget-items.sh.
 */

import { newWriterId } from '../src/domain/ids.ts'
import { emptyRoadmap, makeTask, TASK_STATUSES } from '../src/domain/model.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'
import { RoadmapFolder } from '../src/storage/roadmapFolder.ts'

const { NEXTCLOUD_URL: url, NEXTCLOUD_USER: user, NEXTCLOUD_PASSWORD: password } = process.env
if (!url || !user || !password) {
	throw new Error('set NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD')
}
const dav = createNodeDavClient({ url, user, password })
await dav.createFolder('/Dégooglisation')
for (let r = 1; r <= 20; r++) {
	const roadmap = emptyRoadmap(`Charge ${r}`, `Commune ${r}`)
	roadmap.phases = Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, order: i, title: `Phase ${i}`, description: '', start: null, end: null }))
	roadmap.tasks = Array.from({ length: 500 }, (_, i) => makeTask({
		id: `r${r}-t${i}`,
		title: `Tâche ${i} de la feuille ${r}`,
		description: 'Une description de quelques mots pour peser comme une vraie tâche.',
		phase: `p${i % 6}`,
		status: TASK_STATUSES[i % 4],
		assignees: i % 5 === 0 ? [user, 'agent@cloud.mairie-b.fr'] : ['someone'],
		due: i % 3 ? `2027-0${1 + (i % 9)}-1${i % 10}` : null,
	}))
	await new RoadmapFolder({ dav, path: `/Dégooglisation/Charge ${r}`, writer: { id: newWriterId(), author: user } }).create(roadmap)
}
console.log('20 roadmaps of 500 tasks written')
