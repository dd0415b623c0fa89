/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Demo data: the starter roadmap of an imaginary commune in alice's files,
 * with work under way, written through the storage core like any client.
 * Given a team, the roadmap is shared (with edit rights, through the share
 * API) with every colleague and partner agent it assigns tasks to, and
 * assigns none to anybody else: nobody is given work they cannot see.
 */

import { newWriterId } from '../src/domain/ids.ts'
import { createStarterRoadmap } from '../src/domain/starter/createStarterRoadmap.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'
import { OcsClient, SHARE_PERMISSION, SHARE_TYPE } from '../src/storage/ocs.ts'
import { DEFAULT_ROADMAPS_FOLDER, findRoadmaps } from '../src/storage/roadmapDiscovery.ts'
import { RoadmapFolder } from '../src/storage/roadmapFolder.ts'

export const DEMO_ROADMAP_PATH = `${DEFAULT_ROADMAPS_FOLDER}/Saint-Exemple`

/** Who the demo works with: colleagues (user ids on the same server) and, optionally, a partner commune's agent (cloud id). */
export interface DemoTeam {
	colleagues: string[]
	partner?: string
}

/** The demo's agent of a partner commune, replaced by the team's partner when there is one. */
const DEMO_PARTNER = 'agent@cloud.mairie-b.fr'

export async function seedDemo(url: string, user: { id: string, password: string }, team?: DemoTeam): Promise<boolean> {
	const dav = createNodeDavClient({ url, user: user.id, password: user.password })
	if ((await findRoadmaps(dav)).length > 0) {
		return false
	}
	await dav.createFolder(DEFAULT_ROADMAPS_FOLDER)
	const folder = new RoadmapFolder({ dav, path: DEMO_ROADMAP_PATH, writer: { id: newWriterId(), author: user.id } })
	const roadmap = createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2026-01-05' })
	const progress: Record<string, { status: string, assignees?: string[], due?: string }> = {
		'structuring-council-mandate': { status: 'done', assignees: ['alice'] },
		'structuring-steering-roles': { status: 'done', assignees: ['alice'] },
		'structuring-inventory': { status: 'done', assignees: ['bob'] },
		'structuring-business-apps-audit': { status: 'in_progress', assignees: ['bob'], due: '2026-12-15' },
		'structuring-master-plan': { status: 'in_progress', assignees: ['alice'], due: '2026-11-30' },
		'structuring-baseline-indicators': { status: 'done', assignees: ['claire'] },
		'transformation-hosting': { status: 'in_progress', assignees: ['bob'], due: '2027-03-31' },
		'transformation-directory': { status: 'blocked', assignees: ['bob', 'agent@cloud.mairie-b.fr'] },
		'transformation-pilot-group': { status: 'done', assignees: ['claire'] },
		'solutions-browser': { status: 'done', assignees: ['bob'] },
		'solutions-office-suite': { status: 'in_progress', assignees: ['claire', 'alice'], due: '2027-06-30' },
		'solutions-mail': { status: 'todo', assignees: ['bob'], due: '2027-09-30' },
		'inclusion-training-plan': { status: 'in_progress', assignees: ['claire'], due: '2026-12-01' },
	}
	for (const task of roadmap.tasks) {
		const p = progress[task.id]
		if (!p) {
			continue
		}
		task.status = p.status as typeof task.status
		task.assignees = team ? (p.assignees ?? []).map((id) => (id === DEMO_PARTNER ? team.partner ?? '' : id)).filter((id) => id === user.id || team.colleagues.includes(id) || id === team.partner) : p.assignees ?? []
		task.due = p.due ?? null
	}
	roadmap.indicators.find((i) => i.id === 'desktop-linux-share')!.measurements = [
		{ id: 'm-2026-01', date: '2026-01-05', value: 0, note: 'Point de départ' },
		{ id: 'm-2026-09', date: '2026-09-01', value: 8, note: 'Groupe pilote' },
	]
	roadmap.indicators.find((i) => i.id === 'training-sessions')!.measurements = [{ id: 'm-2026-10', date: '2026-10-01', value: 6, note: '' }]
	await folder.create(roadmap)
	if (team) {
		const ocs = new OcsClient({ baseUrl: url, auth: { user: user.id, password: user.password } })
		const assigned = new Set(roadmap.tasks.flatMap((task) => task.assignees).filter((id) => id !== user.id))
		for (const id of assigned) {
			await ocs.createShare(DEMO_ROADMAP_PATH, id === team.partner ? SHARE_TYPE.federated : SHARE_TYPE.user, id, SHARE_PERMISSION.all & ~SHARE_PERMISSION.share)
		}
	}
	return true
}
