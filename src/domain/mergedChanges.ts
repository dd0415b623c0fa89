/**
 * What others changed between the roadmap a page showed and the one it just
 * read back, in terms a person can be told: which tasks, and how many other edits.
 */
import { diffRoadmaps } from './crdt'
import type { Roadmap } from './model'

export interface MergedChanges {
	/** Titles of the tasks others added, changed or removed, as they are now (or were, when removed). */
	tasks: string[]
	/** Edits outside tasks: phases, indicators, the roadmap's own fields. */
	otherEdits: number
	/** When the merge was shown, ISO time. */
	at: string
}

export function othersChanges(before: Roadmap, after: Roadmap, now: Date = new Date()): MergedChanges | null {
	const ops = diffRoadmaps(before, after)
	if (ops.length === 0) return null
	const titles = new Map<string, string>()
	let otherEdits = 0
	for (const op of ops) {
		const [collection, id] = op.path.split('/')
		if (collection !== 'tasks' || !id) {
			otherEdits++
			continue
		}
		const task = after.tasks.find((t) => t.id === id) ?? before.tasks.find((t) => t.id === id)
		titles.set(id, task?.title ?? id)
	}
	return { tasks: [...titles.values()], otherEdits, at: now.toISOString() }
}
