/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What others changed between the roadmap a page showed and the one it just
 * read back, in terms a person can be told: which tasks, and how many other edits.
 */

import type { Roadmap } from './model.ts'
import type { Operation } from './storageFormat.ts'

import { diffRoadmaps } from './crdt.ts'

export interface MergedChanges {
	/** Titles of the tasks others added, changed or removed, as they are now (or were, when removed). */
	tasks: string[]
	/** Edits outside tasks: phases, indicators, the roadmap's own fields. */
	otherEdits: number
	/** When the merge was shown, ISO time. */
	at: string
}

export function othersChanges(before: Roadmap, after: Roadmap, now: Date = new Date()): MergedChanges | null {
	return describeOperations(diffRoadmaps(before, after), before, after, now)
}

/** What operations of others did, told with the task titles of `after` (or of `before`, for tasks they removed). */
export function describeOperations(ops: Operation[], before: Roadmap, after: Roadmap, now: Date = new Date()): MergedChanges | null {
	if (ops.length === 0) {
		return null
	}
	const taskIds = new Set<string>()
	let otherEdits = 0
	for (const op of ops) {
		const [collection, id] = op.path.split('/')
		if (collection !== 'tasks' || !id) {
			otherEdits++
		} else {
			taskIds.add(id)
		}
	}
	const titleOf = (roadmap: Roadmap) => new Map(roadmap.tasks.filter((t) => taskIds.has(t.id)).map((t) => [t.id, t.title]))
	const titlesAfter = titleOf(after)
	const titlesBefore = titleOf(before)
	const tasks = [...taskIds].map((id) => titlesAfter.get(id) ?? titlesBefore.get(id) ?? id)
	return { tasks, otherEdits, at: now.toISOString() }
}
