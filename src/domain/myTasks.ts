/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * "Mes tâches": the open tasks assigned to a person, overdue first, then by
 * due date. The dashboard widget (TypeScript) and the mobile items (PHP,
 * lib/Service/RoadmapReader.php) compute the same list; tests/fixtures/dashboard/
 * holds the cases both test suites check.
 */

import type { IsoDate, Roadmap, TaskStatus } from './model.ts'

export const OPEN_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'blocked']

export interface MyTask {
	taskId: string
	title: string
	status: TaskStatus
	due: IsoDate | null
	overdue: boolean
	phaseId: string | null
	phaseTitle: string
}

/**
 * `identities`: the person's user id and their federated cloud ids
 * (`agent`, `agent@cloud.mairie-b.fr`); the host part compares without case.
 */
export function myTasks(roadmap: Roadmap, identities: string[], today: IsoDate): MyTask[] {
	const wanted = new Set(identities.map(normaliseIdentity))
	const phases = new Map(roadmap.phases.map((p) => [p.id, p]))
	const mine = roadmap.tasks.filter((t) => OPEN_STATUSES.includes(t.status) && t.assignees.some((a) => wanted.has(normaliseIdentity(a))))
	const rows = mine.map((t) => {
		const phase = t.phase !== null ? phases.get(t.phase) : undefined
		return {
			row: { taskId: t.id, title: t.title, status: t.status, due: t.due, overdue: t.due !== null && t.due < today, phaseId: phase ? phase.id : null, phaseTitle: phase ? phase.title : '' },
			phaseOrder: phase ? phase.order : Number.MAX_SAFE_INTEGER,
		}
	})
	rows.sort((a, b) => compare(a.row.overdue ? 0 : 1, b.row.overdue ? 0 : 1)
		|| compare(a.row.due ?? '9999-12-31', b.row.due ?? '9999-12-31')
		|| compare(a.phaseOrder, b.phaseOrder)
		|| compare(a.row.taskId, b.row.taskId))
	return rows.map((r) => r.row)
}

function compare<T extends string | number>(a: T, b: T): number {
	return a < b ? -1 : a > b ? 1 : 0
}

function normaliseIdentity(identity: string): string {
	const at = identity.lastIndexOf('@')
	return at < 0 ? identity : `${identity.slice(0, at)}@${identity.slice(at + 1).toLowerCase().replace(/^https:\/\//, '').replace(/\/+$/, '')}`
}
