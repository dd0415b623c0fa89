/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { RoadmapState } from './crdt.ts'
import type { Roadmap } from './model.ts'
import type { ChangeFile, Operation } from './storageFormat.ts'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChanges, cloneState, diffRoadmaps, materialize, stampsOf, stateFromRoadmap, stateFromSnapshot } from './crdt.ts'
import { serializeRoadmap } from './format.ts'
import { makeTask, TASK_STATUSES } from './model.ts'
import { sampleRoadmap } from './testing/sampleRoadmap.ts'

function change(state: RoadmapState, writer: string, seq: number, ops: Operation[]): ChangeFile {
	return { format: 'degooglisation-change', version: 1, writer, seq, clock: state.clock + 1, author: writer, at: '2026-11-22T10:00:00.000Z', seen: { ...state.covers }, ops }
}

/** A writer edits its own copy and publishes change files, as a client does. */
class Writer {
	seq = 0
	constructor(readonly id: string, public state: RoadmapState) {}
	edit(ops: Operation[]): ChangeFile {
		const c = change(this.state, this.id, ++this.seq, ops)
		applyChanges(this.state, [c])
		return c
	}
}

const base = sampleRoadmap(6)
const text = (roadmap: Roadmap) => serializeRoadmap(roadmap)

const editArb = fc.oneof(
	fc.record({ kind: fc.constant('status' as const), task: fc.nat(5), status: fc.constantFrom(...TASK_STATUSES) }),
	fc.record({ kind: fc.constant('title' as const), task: fc.nat(5), title: fc.string({ maxLength: 8 }) }),
	fc.record({ kind: fc.constant('assignees' as const), task: fc.nat(5), who: fc.subarray(['alice', 'bob', 'agent@cloud.mairie-b.fr']) }),
	fc.record({ kind: fc.constant('checklist' as const), task: fc.nat(5), text: fc.string({ maxLength: 8 }) }),
	fc.record({ kind: fc.constant('newTask' as const), title: fc.string({ maxLength: 8 }) }),
	fc.record({ kind: fc.constant('remove' as const), task: fc.nat(5) }),
	fc.record({ kind: fc.constant('sync' as const) }),
)
type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never

function opsOf(edit: Edit, writer: string, n: number): Operation[] {
	const taskId = 'task' in edit ? `t${String(edit.task).padStart(5, '0')}` : ''
	switch (edit.kind) {
		case 'status': return [{ op: 'set', path: `tasks/${taskId}/status`, value: edit.status }]
		case 'title': return [{ op: 'set', path: `tasks/${taskId}/title`, value: edit.title }]
		case 'assignees': return [{ op: 'set', path: `tasks/${taskId}/assignees`, value: edit.who }]
		case 'checklist': return [{ op: 'add', path: `tasks/${taskId}/checklist/${writer}-c${n}`, value: { id: `${writer}-c${n}`, text: edit.text, done: false } }]
		case 'newTask': return [{ op: 'add', path: `tasks/${writer}-t${n}`, value: makeTask({ id: `${writer}-t${n}`, title: edit.title }) as unknown as Record<string, unknown> }]
		case 'remove': return [{ op: 'remove', path: `tasks/${taskId}` }]
		default: return []
	}
}

/** Runs writers concurrently: each edits its copy and now and then applies what the others published. */
function simulate(scripts: Edit[][]): ChangeFile[] {
	const published: ChangeFile[] = []
	const writers = scripts.map((_, i) => new Writer(`writer${i}`, stateFromRoadmap(base)))
	const longest = Math.max(0, ...scripts.map((s) => s.length))
	for (let step = 0; step < longest; step++) {
		scripts.forEach((script, i) => {
			const edit = script[step]
			if (!edit) {
				return
			}
			if (edit.kind === 'sync') {
				applyChanges(writers[i].state, published)
			} else {
				published.push(writers[i].edit(opsOf(edit, writers[i].id, step)))
			}
		})
	}
	return published
}

const scriptsArb = fc.array(fc.array(editArb, { maxLength: 12 }), { minLength: 2, maxLength: 4 })

describe('merging change files', () => {
	it('gives the same roadmap whatever order and batches the changes arrive in', () => {
		fc.assert(fc.property(scriptsArb, fc.infiniteStream(fc.nat()), (scripts, randoms) => {
			const changes = simulate(scripts)
			const inOrder = stateFromRoadmap(base)
			applyChanges(inOrder, changes)
			// shuffle, then apply in random batches (held-back changes are offered again later)
			const shuffled = changes.map((c) => ({ c, k: randoms.next().value })).sort((a, b) => a.k - b.k).map((x) => x.c)
			const other = stateFromRoadmap(base)
			for (let i = 0; i < shuffled.length; i += 3) {
				applyChanges(other, shuffled.slice(0, i + 3))
			}
			expect(text(materialize(other))).toBe(text(materialize(inOrder)))
		}), { numRuns: 200 })
	})

	it('keeps edits to different tasks or fields, and resolves the same field by stamp with a report', () => {
		const s = stateFromRoadmap(base)
		const a = new Writer('aaaa1', cloneState(s))
		const b = new Writer('bbbb2', cloneState(s))
		const fromA = a.edit([{ op: 'set', path: 'tasks/t00001/status', value: 'done' }, { op: 'set', path: 'tasks/t00002/title', value: 'A' }])
		const fromB = b.edit([{ op: 'set', path: 'tasks/t00001/assignees', value: ['bob'] }, { op: 'set', path: 'tasks/t00002/title', value: 'B' }])
		for (const order of [[fromA, fromB], [fromB, fromA]]) {
			const state = cloneState(s)
			const { conflicts } = applyChanges(state, order)
			const roadmap = materialize(state)
			const t1 = roadmap.tasks.find((t) => t.id === 't00001')!
			const t2 = roadmap.tasks.find((t) => t.id === 't00002')!
			expect(t1.status).toBe('done')
			expect(t1.assignees).toEqual(['bob'])
			expect(t2.title).toBe('B') // same clock: the larger writer id wins, on every client
			expect(conflicts).toEqual([{
				path: 'tasks/t00002/title',
				kept: { value: 'B', author: 'bbbb2', writer: 'bbbb2', seq: 1 },
				discarded: { value: 'A', author: 'aaaa1', writer: 'aaaa1', seq: 1 },
			}])
		}
	})

	it('does not report a change made after seeing the other one', () => {
		const s = stateFromRoadmap(base)
		const a = new Writer('aaaa1', cloneState(s))
		const b = new Writer('bbbb2', cloneState(s))
		const first = a.edit([{ op: 'set', path: 'tasks/t00002/title', value: 'A' }])
		applyChanges(b.state, [first])
		const second = b.edit([{ op: 'set', path: 'tasks/t00002/title', value: 'B' }])
		const state = cloneState(s)
		expect(applyChanges(state, [second, first]).conflicts).toEqual([])
		expect(materialize(state).tasks[2].title).toBe('B')
	})

	it('holds back a change until the same writer\'s earlier change is visible', () => {
		const w = new Writer('aaaa1', stateFromRoadmap(base))
		const c1 = w.edit([{ op: 'set', path: 'tasks/t00000/title', value: 'one' }])
		const c2 = w.edit([{ op: 'set', path: 'tasks/t00000/title', value: 'two' }])
		const state = stateFromRoadmap(base)
		expect(applyChanges(state, [c2]).waiting).toEqual([c2])
		expect(materialize(state).tasks[0].title).toBe(base.tasks[0].title)
		applyChanges(state, [c1, c2])
		expect(materialize(state).tasks[0].title).toBe('two')
	})

	it('gives the same result through a snapshot as without it', () => {
		fc.assert(fc.property(scriptsArb, fc.nat(), (scripts, cut) => {
			const changes = simulate(scripts)
			const all = stateFromRoadmap(base)
			applyChanges(all, changes)
			// fold a prefix into a snapshot, keep its stamps, apply the rest on top
			const folded = stateFromRoadmap(base)
			applyChanges(folded, changes.slice(0, changes.length ? cut % changes.length : 0))
			const snapshot = { format: 'degooglisation-snapshot' as const, version: 1 as const, writer: 'snap1', seq: 1, at: '2026-11-22T10:00:00.000Z', covers: folded.covers, clock: folded.clock, stamps: stampsOf(folded), roadmap: materialize(folded) }
			const resumed = stateFromSnapshot(JSON.parse(JSON.stringify(snapshot)))
			applyChanges(resumed, changes)
			expect(text(materialize(resumed))).toBe(text(materialize(all)))
		}), { numRuns: 200 })
	})
})

describe('diffRoadmaps', () => {
	it('produces operations that turn one version into the other', () => {
		const before = sampleRoadmap(10)
		const after = structuredClone(before)
		after.title = 'Nouvelle feuille de route'
		after.tasks[3].status = 'blocked'
		after.tasks[4].checklist.push({ id: 'new-item', text: 'Vérifier', done: false })
		after.tasks[5].checklist[0].done = true
		after.tasks.splice(6, 1)
		after.tasks.push(makeTask({ id: 'added', title: 'Ajoutée' }))
		after.indicators[0].measurements.push({ id: 'm2', date: '2026-06-01', value: 40, note: '' })
		const ops = diffRoadmaps(before, after)
		expect(ops.map((o) => `${o.op} ${o.path}`)).toEqual([
			'set title',
			'set tasks/t00003/status',
			'add tasks/t00004/checklist/new-item',
			'set tasks/t00005/checklist/t5-c1/done',
			'add tasks/added',
			'remove tasks/t00006',
			'add indicators/linux-share/measurements/m2',
		])
		const state = stateFromRoadmap(before)
		applyChanges(state, [change(state, 'wxyz1', 1, ops)])
		expect(text(materialize(state))).toBe(text(after))
	})
})
