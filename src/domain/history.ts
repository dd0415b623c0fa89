/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * A roadmap's history, read from its folder: the snapshot(s) as the starting
 * point and the change files written since, each with its author and time.
 * The state at any moment is the merge of the start and of the changes up to
 * that moment, computed exactly as a load computes the current state; what
 * changed between two moments is told task by task.
 */

import type { RoadmapState } from './crdt.ts'
import type { Roadmap, Task, TaskStatus } from './model.ts'
import type { ChangeFile, SnapshotFile } from './storageFormat.ts'

import { absorbState, applyChanges, cloneState, diffRoadmaps, isDeepEqual, materialize, stateFromSnapshot } from './crdt.ts'

export interface RoadmapHistory {
	/** The merged snapshots: the state before the first change listed. */
	start: RoadmapState
	/** When the start was written (the newest snapshot). */
	startAt: string
	/** True when the start is the roadmap as created: no change was ever folded away. */
	complete: boolean
	/** The changes after the start, in merge order (Lamport clock, writer, seq). */
	changes: ChangeFile[]
}

function compareChanges(a: ChangeFile, b: ChangeFile): number {
	if (a.clock !== b.clock) {
		return a.clock - b.clock
	}
	if (a.writer !== b.writer) {
		return a.writer < b.writer ? -1 : 1
	}
	return a.seq - b.seq
}

/** Orders the files of a roadmap folder into a history; changes the snapshots already hold, or that cannot apply yet, are left out. */
export function buildHistory(snapshots: SnapshotFile[], changes: ChangeFile[]): RoadmapHistory {
	if (snapshots.length === 0) {
		throw new Error('a history needs at least one snapshot')
	}
	const start = stateFromSnapshot(snapshots[0])
	for (const snapshot of snapshots.slice(1)) {
		absorbState(start, stateFromSnapshot(snapshot))
	}
	const { applied } = applyChanges(cloneState(start), changes.map((change) => structuredClone(change)))
	const startAt = snapshots.map((s) => s.at).sort().at(-1)!
	const complete = snapshots.every((s) => Object.keys(s.covers).length === 0)
	return { start, startAt, complete, changes: [...applied].sort(compareChanges) }
}

/**
 * The roadmap after the first `moment` changes (0: the start). A writer's
 * changes come in seq order within the merge order, so every prefix applies.
 */
export function roadmapAt(history: RoadmapHistory, moment: number): Roadmap {
	const state = cloneState(history.start)
	applyChanges(state, history.changes.slice(0, moment))
	return materialize(state)
}

/** What happened to one task between two moments. */
export interface TaskDiff {
	id: string
	/** The title at the later moment, or at the earlier one for a removed task. */
	title: string
	kind: 'added' | 'removed' | 'changed'
	status?: { from: TaskStatus, to: TaskStatus }
	assignees?: { added: string[], removed: string[] }
	/** Other fields that changed (title, due, checklist…). */
	fields: Array<Exclude<keyof Task, 'id' | 'status' | 'assignees'>>
}

export interface RoadmapDiff {
	tasks: TaskDiff[]
	/** Edits outside the tasks: phases, indicators, the roadmap's own fields. */
	otherEdits: number
}

function diffTask(before: Task, after: Task): TaskDiff | null {
	const diff: TaskDiff = { id: after.id, title: after.title, kind: 'changed', fields: [] }
	for (const key of Object.keys(after) as Array<keyof Task>) {
		if (key === 'id' || isDeepEqual(before[key], after[key])) {
			continue
		}
		if (key === 'status') {
			diff.status = { from: before.status, to: after.status }
		} else if (key === 'assignees') {
			diff.assignees = { added: after.assignees.filter((a) => !before.assignees.includes(a)), removed: before.assignees.filter((a) => !after.assignees.includes(a)) }
		} else {
			diff.fields.push(key)
		}
	}
	return diff.status || diff.assignees || diff.fields.length ? diff : null
}

/** What changed from `before` to `after`, task by task (in the later roadmap's order, removed tasks last). */
export function diffHistory(before: Roadmap, after: Roadmap): RoadmapDiff {
	const earlier = new Map(before.tasks.map((task) => [task.id, task]))
	const tasks: TaskDiff[] = []
	for (const task of after.tasks) {
		const old = earlier.get(task.id)
		earlier.delete(task.id)
		if (!old) {
			tasks.push({ id: task.id, title: task.title, kind: 'added', fields: [] })
		} else {
			const diff = diffTask(old, task)
			if (diff) {
				tasks.push(diff)
			}
		}
	}
	for (const task of earlier.values()) {
		tasks.push({ id: task.id, title: task.title, kind: 'removed', fields: [] })
	}
	const otherEdits = diffRoadmaps({ ...before, tasks: [] }, { ...after, tasks: [] }).length
	return { tasks, otherEdits }
}

/** What a group of changes did to one task: added, removed, or which fields it set. */
export interface TaskTouch {
	id: string
	what: Array<'added' | 'removed' | Exclude<keyof Task, 'id'>>
}

/** Changes of one person close together in time, shown as one entry. */
export interface HistoryGroup {
	author: string
	/** Times of the first and last change, ISO. */
	from: string
	to: string
	/** The moment before the group's first change and the moment after its last. */
	startMoment: number
	endMoment: number
	/** The tasks the group touched, in order of first touch. */
	tasks: TaskTouch[]
	/** Edits outside the tasks. */
	otherEdits: number
}

/** Consecutive changes of one author less than `gapMs` apart form one group; newest group last. */
export function groupChanges(changes: ChangeFile[], gapMs = 15 * 60 * 1000): HistoryGroup[] {
	const groups: HistoryGroup[] = []
	changes.forEach((change, index) => {
		let group = groups.at(-1)
		if (!group || group.author !== change.author || Date.parse(change.at) - Date.parse(group.to) > gapMs) {
			group = { author: change.author, from: change.at, to: change.at, startMoment: index, endMoment: index, tasks: [], otherEdits: 0 }
			groups.push(group)
		}
		group.to = change.at > group.to ? change.at : group.to
		group.endMoment = index + 1
		for (const op of change.ops) {
			const [collection, id, field] = op.path.split('/')
			if (collection === 'tasks' && id) {
				let touch = group.tasks.find((t) => t.id === id)
				if (!touch) {
					touch = { id, what: [] }
					group.tasks.push(touch)
				}
				// A checklist item's path goes on below the field: tasks/<id>/checklist/<item>/done.
				const what = (field ?? (op.op === 'add' ? 'added' : 'removed')) as TaskTouch['what'][number]
				if (!touch.what.includes(what)) {
					touch.what.push(what)
				}
			} else {
				group.otherEdits++
			}
		}
	})
	return groups
}

/** Turns a draft of the current roadmap into a past one: saved as ordinary edits, restoring destroys nothing. */
export function restoreInto(draft: Roadmap, past: Roadmap): void {
	Object.assign(draft, structuredClone(past))
}

/** A task done now whose status was last set to done at `at`. */
export interface FinishedTask {
	id: string
	title: string
	at: string
}

/**
 * Tasks done now that were marked done at or after `since` (ISO), newest
 * first, as far as the history reaches: changes folded into the start are
 * no longer dated.
 */
export function finishedSince(history: RoadmapHistory, since: string): FinishedTask[] {
	const now = roadmapAt(history, history.changes.length)
	const doneAt = new Map<string, string>()
	for (const change of history.changes) {
		for (const op of change.ops) {
			const [collection, id, field] = op.path.split('/')
			if (collection !== 'tasks') {
				continue
			}
			const value = op.op === 'set' && field === 'status' ? op.value : op.op === 'add' && field === undefined ? (op.value as { status?: unknown }).status : undefined
			if (value === 'done') {
				doneAt.set(id, change.at)
			}
		}
	}
	return now.tasks
		.filter((task) => task.status === 'done' && (doneAt.get(task.id) ?? '') >= since)
		.map((task) => ({ id: task.id, title: task.title, at: doneAt.get(task.id)! }))
		.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}
