/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Where the migration stands: per phase and overall. Dropped tasks are left
 * out of the percentage (a commune that decides not to do a task has not
 * fallen behind); a task whose phase does not exist counts in "no phase".
 */

import type { Roadmap, TaskStatus } from './model.ts'

import { TASK_STATUSES } from './model.ts'

export type StatusCounts = Record<TaskStatus, number>

export interface Progress {
	counts: StatusCounts
	total: number
	/** Tasks that count: all but dropped ones. */
	counted: number
	/** 0–100, rounded down so 100 means everything counted is done; null with nothing to count. */
	percent: number | null
}

export interface PhaseProgress extends Progress {
	/** The phase id, or null for tasks without a (known) phase. */
	phaseId: string | null
	title: string
}

export interface RoadmapProgress {
	overall: Progress
	phases: PhaseProgress[]
}

export interface DepartmentProgress extends Progress {
	/** The department id, or null for tasks that concern no (known) department. */
	departmentId: string | null
	label: string
}

function emptyCounts(): StatusCounts {
	return Object.fromEntries(TASK_STATUSES.map((status) => [status, 0])) as StatusCounts
}

function finish(counts: StatusCounts): Progress {
	const total = TASK_STATUSES.reduce((sum, status) => sum + counts[status], 0)
	const counted = total - counts.dropped
	return { counts, total, counted, percent: counted === 0 ? null : Math.floor((100 * counts.done) / counted) }
}

export function roadmapProgress(roadmap: Roadmap): RoadmapProgress {
	const phaseIds = new Set(roadmap.phases.map((phase) => phase.id))
	const byPhase = new Map<string | null, StatusCounts>()
	const overall = emptyCounts()
	for (const task of roadmap.tasks) {
		const key = task.phase !== null && phaseIds.has(task.phase) ? task.phase : null
		let counts = byPhase.get(key)
		if (!counts) {
			counts = emptyCounts()
			byPhase.set(key, counts)
		}
		counts[task.status]++
		overall[task.status]++
	}
	const phases: PhaseProgress[] = [...roadmap.phases]
		.sort((a, b) => a.order - b.order)
		.map((phase) => ({ phaseId: phase.id, title: phase.title, ...finish(byPhase.get(phase.id) ?? emptyCounts()) }))
	const unphased = byPhase.get(null)
	if (unphased) {
		phases.push({ phaseId: null, title: '', ...finish(unphased) })
	}
	return { overall: finish(overall), phases }
}

/**
 * Where each department stands, in the roadmap's order of departments, then
 * the tasks of no (known) department. A task of several departments counts in
 * each of them.
 */
export function departmentProgress(roadmap: Roadmap): DepartmentProgress[] {
	const counts = new Map<string | null, StatusCounts>([...roadmap.departments.map((d) => [d.id, emptyCounts()] as const), [null, emptyCounts()]])
	for (const task of roadmap.tasks) {
		const known = [...new Set(task.departments)].filter((id) => counts.has(id))
		for (const id of known.length ? known : [null]) {
			counts.get(id)![task.status]++
		}
	}
	const rows: DepartmentProgress[] = roadmap.departments.map((d) => ({ departmentId: d.id, label: d.label, ...finish(counts.get(d.id)!) }))
	const none = finish(counts.get(null)!)
	if (none.total > 0) {
		rows.push({ departmentId: null, label: '', ...none })
	}
	return rows
}
