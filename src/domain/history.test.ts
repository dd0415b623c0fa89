/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { RoadmapState } from './crdt.ts'
import type { ChangeFile, Operation, SnapshotFile } from './storageFormat.ts'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChanges, diffRoadmaps, materialize, stampsOf, stateFromRoadmap } from './crdt.ts'
import { buildHistory, diffHistory, finishedSince, groupChanges, restoreInto, roadmapAt } from './history.ts'
import { makeTask, TASK_STATUSES } from './model.ts'
import { sampleRoadmap } from './testing/sampleRoadmap.ts'

const base = sampleRoadmap(6)
const taskId = (i: number) => `t${String(i).padStart(5, '0')}`

function snapshotOf(state: RoadmapState, at: string): SnapshotFile {
	return { format: 'degooglisation-snapshot', version: 1, writer: 'creator00000', seq: 1, at, covers: { ...state.covers }, clock: state.clock, stamps: stampsOf(state), roadmap: materialize(state) }
}

/** Writers taking turns on one shared state, as clients that reload before each save. */
function writeChanges(edits: Array<{ writer: number, ops: Operation[] }>, state: RoadmapState): ChangeFile[] {
	const seqs = new Map<string, number>()
	return edits.map(({ writer, ops }, i) => {
		const id = `writer${writer}`
		const seq = (seqs.get(id) ?? 0) + 1
		seqs.set(id, seq)
		const change: ChangeFile = { format: 'degooglisation-change', version: 1, writer: id, seq, clock: state.clock + 1, author: ['alice', 'bob'][writer], at: new Date(Date.UTC(2026, 10, 22, 10, i)).toISOString(), seen: { ...state.covers }, ops }
		applyChanges(state, [structuredClone(change)])
		return change
	})
}

const opArb = fc.oneof(
	fc.record({ task: fc.nat(5), status: fc.constantFrom(...TASK_STATUSES) }).map(({ task, status }): Operation => ({ op: 'set', path: `tasks/${taskId(task)}/status`, value: status })),
	fc.record({ task: fc.nat(5), who: fc.subarray(['alice', 'bob', 'agent@cloud.mairie-b.fr']) }).map(({ task, who }): Operation => ({ op: 'set', path: `tasks/${taskId(task)}/assignees`, value: who })),
	fc.record({ task: fc.nat(5), title: fc.string({ maxLength: 6 }) }).map(({ task, title }): Operation => ({ op: 'set', path: `tasks/${taskId(task)}/title`, value: title })),
	fc.nat(5).map((task): Operation => ({ op: 'remove', path: `tasks/${taskId(task)}` })),
	fc.nat(20).map((n): Operation => ({ op: 'add', path: `tasks/new-${n}`, value: makeTask({ id: `new-${n}`, title: `Nouvelle ${n}` }) as unknown as Record<string, unknown> })),
)
const editsArb = fc.array(fc.record({ writer: fc.nat(1), ops: fc.array(opArb, { minLength: 1, maxLength: 3 }) }), { maxLength: 15 })

function historyOf(edits: Array<{ writer: number, ops: Operation[] }>) {
	const state = stateFromRoadmap(base)
	const snapshot = snapshotOf(state, '2026-11-01T09:00:00.000Z')
	const changes = writeChanges(edits, state)
	return { history: buildHistory([snapshot], [...changes].reverse()), current: materialize(state), changes }
}

describe('roadmap history', () => {
	it('computes every moment from the change log: the last one is the current state, the first the snapshot', () => {
		fc.assert(fc.property(editsArb, (edits) => {
			const { history, current, changes } = historyOf(edits)
			expect(history.changes.map((c) => `${c.writer}.${c.seq}`)).toEqual(changes.map((c) => `${c.writer}.${c.seq}`))
			expect(roadmapAt(history, history.changes.length)).toEqual(current)
			expect(roadmapAt(history, 0)).toEqual(base)
		}), { numRuns: 60 })
	})

	it('finds nothing between a moment and itself', () => {
		fc.assert(fc.property(editsArb, fc.nat(), (edits, pick) => {
			const { history } = historyOf(edits)
			const moment = roadmapAt(history, pick % (history.changes.length + 1))
			expect(diffHistory(moment, moment)).toEqual({ tasks: [], otherEdits: 0 })
		}), { numRuns: 40 })
	})

	it('tells added and removed tasks exactly by their ids', () => {
		fc.assert(fc.property(editsArb, fc.nat(), fc.nat(), (edits, i, j) => {
			const { history } = historyOf(edits)
			const count = history.changes.length + 1
			const a = roadmapAt(history, i % count)
			const b = roadmapAt(history, j % count)
			const diff = diffHistory(a, b)
			const idsA = new Set(a.tasks.map((t) => t.id))
			const idsB = new Set(b.tasks.map((t) => t.id))
			expect(diff.tasks.filter((t) => t.kind === 'added').map((t) => t.id).sort()).toEqual([...idsB].filter((id) => !idsA.has(id)).sort())
			expect(diff.tasks.filter((t) => t.kind === 'removed').map((t) => t.id).sort()).toEqual([...idsA].filter((id) => !idsB.has(id)).sort())
		}), { numRuns: 40 })
	})

	it('restores a past moment as a new change: the roadmap is as it was and the log has grown', () => {
		fc.assert(fc.property(editsArb, fc.nat(), (edits, pick) => {
			const { history, current } = historyOf(edits)
			const past = roadmapAt(history, pick % (history.changes.length + 1))
			const draft = structuredClone(current)
			restoreInto(draft, past)
			const ops = diffRoadmaps(current, draft)
			const state = stateFromRoadmap(base)
			const changes = writeChanges([...edits, ...(ops.length ? [{ writer: 0, ops }] : [])], state)
			expect(materialize(state)).toEqual(past)
			const grown = buildHistory([snapshotOf(stateFromRoadmap(base), '2026-11-01T09:00:00.000Z')], changes)
			expect(grown.changes.length).toBe(history.changes.length + (ops.length ? 1 : 0))
		}), { numRuns: 40 })
	})

	it('describes status, assignee and other field changes of a task', () => {
		const before = sampleRoadmap(2)
		const after = structuredClone(before)
		after.tasks[0].status = 'done'
		after.tasks[0].assignees = ['bob']
		after.tasks[1].due = '2027-01-31'
		after.title = 'Nouveau titre'
		const diff = diffHistory(before, after)
		expect(diff.tasks).toEqual([
			{ id: 't00000', title: 'Tâche 0', kind: 'changed', status: { from: 'todo', to: 'done' }, assignees: { added: ['bob'], removed: ['agent@cloud.mairie-b.fr'] }, fields: [] },
			{ id: 't00001', title: 'Tâche 1', kind: 'changed', fields: ['due'] },
		])
		expect(diff.otherEdits).toBe(1)
	})

	it('says whether older changes were folded into a snapshot', () => {
		const state = stateFromRoadmap(base)
		writeChanges([{ writer: 0, ops: [{ op: 'set', path: 'tasks/t00000/status', value: 'done' }] }], state)
		const folded = buildHistory([snapshotOf(state, '2026-11-20T08:00:00.000Z'), snapshotOf(stateFromRoadmap(base), '2026-11-01T09:00:00.000Z')], [])
		expect(folded).toMatchObject({ complete: false, startAt: '2026-11-20T08:00:00.000Z', changes: [] })
		expect(roadmapAt(folded, 0).tasks[0].status).toBe('done')
		expect(historyOf([]).history.complete).toBe(true)
	})

	it('groups one author\'s changes close in time, and tells which tasks they touched', () => {
		const state = stateFromRoadmap(base)
		const changes = writeChanges([
			{ writer: 0, ops: [{ op: 'set', path: 'tasks/t00000/status', value: 'done' }] },
			{ writer: 0, ops: [{ op: 'set', path: 'tasks/t00001/status', value: 'done' }, { op: 'set', path: 'title', value: 'Autre' }, { op: 'set', path: 'tasks/t00001/checklist/t1-c1/done', value: true }] },
			{ writer: 1, ops: [{ op: 'remove', path: 'tasks/t00002' }, { op: 'add', path: 'tasks/n1', value: makeTask({ id: 'n1', title: 'Nouvelle' }) as unknown as Record<string, unknown> }] },
			{ writer: 0, ops: [{ op: 'set', path: 'tasks/t00000/due', value: '2027-01-01' }] },
		], state)
		changes[3].at = '2026-11-22T12:00:00.000Z'
		expect(groupChanges(changes).map(({ author, startMoment, endMoment, tasks, otherEdits }) => ({ author, startMoment, endMoment, tasks, otherEdits }))).toEqual([
			{ author: 'alice', startMoment: 0, endMoment: 2, tasks: [{ id: 't00000', what: ['status'] }, { id: 't00001', what: ['status', 'checklist'] }], otherEdits: 1 },
			{ author: 'bob', startMoment: 2, endMoment: 3, tasks: [{ id: 't00002', what: ['removed'] }, { id: 'n1', what: ['added'] }], otherEdits: 0 },
			{ author: 'alice', startMoment: 3, endMoment: 4, tasks: [{ id: 't00000', what: ['due'] }], otherEdits: 0 },
		])
	})

	it('finds the tasks finished since a date, newest first, only while they are still done', () => {
		const state = stateFromRoadmap(base)
		const changes = writeChanges([
			{ writer: 0, ops: [{ op: 'set', path: 'tasks/t00000/status', value: 'done' }] },
			{ writer: 1, ops: [{ op: 'set', path: 'tasks/t00002/status', value: 'done' }, { op: 'add', path: 'tasks/n1', value: makeTask({ id: 'n1', title: 'Déjà faite', status: 'done' }) as unknown as Record<string, unknown> }] },
			{ writer: 0, ops: [{ op: 'set', path: 'tasks/t00004/status', value: 'done' }] },
			{ writer: 1, ops: [{ op: 'set', path: 'tasks/t00004/status', value: 'blocked' }] },
		], state)
		const history = buildHistory([snapshotOf(stateFromRoadmap(base), '2026-11-01T09:00:00.000Z')], changes)
		expect(finishedSince(history, changes[1].at).map((t) => [t.id, t.at])).toEqual([['n1', changes[1].at], ['t00002', changes[1].at]])
		expect(finishedSince(history, '2026-01-01').map((t) => t.id)).toEqual(['n1', 't00002', 't00000'])
	})
})
