/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { ChangeFile, Operation } from './storageFormat.ts'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChanges, materialize, rematerialize, stateFromRoadmap } from './crdt.ts'
import { describeOperations } from './mergedChanges.ts'
import { makeTask, TASK_STATUSES } from './model.ts'
import { sampleRoadmap } from './testing/sampleRoadmap.ts'

const opArb: fc.Arbitrary<Operation> = fc.oneof(
	fc.record({ task: fc.nat(7), status: fc.constantFrom(...TASK_STATUSES) }).map(({ task, status }) => ({ op: 'set' as const, path: `tasks/t0000${task}/status`, value: status })),
	fc.record({ task: fc.nat(7), title: fc.string({ minLength: 1, maxLength: 10 }) }).map(({ task, title }) => ({ op: 'set' as const, path: `tasks/t0000${task}/title`, value: title })),
	fc.nat(7).map((task) => ({ op: 'remove' as const, path: `tasks/t0000${task}` })),
	fc.nat(7).map((task) => ({ op: 'set' as const, path: `tasks/t0000${task}/checklist/t${task}-c1/done`, value: true })),
	fc.constantFrom('a', 'zz', 't00002', 't00002b').map((id) => ({ op: 'add' as const, path: `tasks/${id}`, value: makeTask({ id, title: `Ajoutée ${id}` }) as unknown as Record<string, unknown> })),
	fc.integer({ min: -3, max: 9 }).map((order) => ({ op: 'set' as const, path: 'phases/solutions/order', value: order })),
	fc.string({ minLength: 1, maxLength: 10 }).map((title) => ({ op: 'set' as const, path: 'title', value: title })),
	fc.constant({ op: 'set' as const, path: 'indicators/linux-share/measurements/m1/value', value: 40 }),
)

function change(seq: number, ops: Operation[]): ChangeFile {
	return { format: 'degooglisation-change', version: 1, writer: 'writera1', seq, clock: seq, author: 'alice', at: '2026-11-22T10:00:00.000Z', seen: {}, ops }
}

describe('rematerialize', () => {
	it('gives what materialize gives, after any edits', () => {
		fc.assert(fc.property(fc.array(fc.array(opArb, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), (batches) => {
			const state = stateFromRoadmap(sampleRoadmap(8))
			let shown = materialize(state)
			batches.forEach((ops, i) => {
				applyChanges(state, [change(i + 1, ops)])
				shown = rematerialize(state, shown, ops.map((op) => op.path))
			})
			expect(shown).toEqual(materialize(state))
		}))
	})

	it('shares every entity the edits do not touch', () => {
		const state = stateFromRoadmap(sampleRoadmap(8))
		const before = materialize(state)
		const ops: Operation[] = [{ op: 'set', path: 'tasks/t00003/status', value: 'done' }]
		applyChanges(state, [change(1, ops)])
		const after = rematerialize(state, before, ops.map((op) => op.path))
		expect(after.tasks.map((task, i) => task === before.tasks[i])).toEqual([true, true, true, false, true, true, true, true])
		expect(after.indicators).toBe(before.indicators)
	})
})

describe('describeOperations', () => {
	it('names the tasks operations touch, as they are now or were when removed, and counts other edits', () => {
		const before = sampleRoadmap(3)
		const after = structuredClone(before)
		after.tasks[1].title = 'Renommée'
		after.tasks = after.tasks.filter((t) => t.id !== 't00002')
		const merged = describeOperations([
			{ op: 'set', path: 'tasks/t00001/title', value: 'Renommée' },
			{ op: 'set', path: 'tasks/t00001/status', value: 'done' },
			{ op: 'remove', path: 'tasks/t00002' },
			{ op: 'set', path: 'phases/solutions/title', value: 'Autres' },
		], before, after, new Date('2026-11-22T10:00:00Z'))
		expect(merged).toEqual({ tasks: ['Renommée', 'Tâche 2'], otherEdits: 1, at: '2026-11-22T10:00:00.000Z' })
		expect(describeOperations([], before, after)).toBeNull()
	})
})
