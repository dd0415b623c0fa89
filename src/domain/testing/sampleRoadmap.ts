/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Small roadmaps for tests and benchmarks. */

import type { Roadmap, TaskStatus } from '../model.ts'

import { emptyRoadmap, makeTask, TASK_STATUSES } from '../model.ts'

export function sampleRoadmap(taskCount = 3): Roadmap {
	const roadmap = emptyRoadmap('Feuille de route', 'Mairie A')
	roadmap.categories = [{ id: 'mail', label: 'Messagerie' }, { id: 'office', label: 'Bureautique' }]
	roadmap.phases = [
		{ id: 'structuring', order: 1, title: 'Structuration', description: '', start: '2026-01-01', end: '2026-06-30' },
		{ id: 'solutions', order: 2, title: 'Solutions', description: '', start: '2026-07-01', end: null },
	]
	for (let i = 0; i < taskCount; i++) {
		roadmap.tasks.push(makeTask({
			id: `t${String(i).padStart(5, '0')}`,
			title: `Tâche ${i}`,
			phase: i % 2 ? 'solutions' : 'structuring',
			category: i % 3 ? 'office' : 'mail',
			status: TASK_STATUSES[i % 4] as TaskStatus,
			assignees: i % 5 ? ['alice'] : ['agent@cloud.mairie-b.fr'],
			replaces: ['Microsoft Office'],
			replacements: ['LibreOffice'],
			checklist: [{ id: `t${i}-c1`, text: 'Former les agents', done: false }],
		}))
	}
	roadmap.indicators = [{ id: 'linux-share', name: 'Postes sous Linux', unit: '%', target: 95, targetDate: null, baseline: null, measurements: [{ id: 'm1', date: '2026-03-01', value: 12, note: '' }] }]
	return roadmap
}
