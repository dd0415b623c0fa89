/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { ChangeFile, SnapshotFile } from './storageFormat.ts'

import { describe, expect, it } from 'vitest'
import { applyChanges, materialize, stampsOf, stateFromRoadmap, stateFromSnapshot } from './crdt.ts'
import { changeFilesToWrite, parseChangeFile, parseRoadmap, parseSnapshotFile, serializeRoadmap, serializeSnapshotFile, snapshotFilesToWrite } from './format.ts'
import { changeForFormat10 } from './formatVersions.ts'
import { stateFilesToRead } from './storageFormat.ts'
import { sampleRoadmap } from './testing/sampleRoadmap.ts'

function change(ops: ChangeFile['ops'], seq = 1, writer = 'newer1'): ChangeFile {
	return { format: 'degooglisation-change', version: 1, writer, seq, clock: seq, author: 'bastien', at: '2027-01-01T10:00:00.000Z', seen: {}, ops }
}

function snapshotOf(ops: ChangeFile['ops']): SnapshotFile {
	const state = stateFromRoadmap(sampleRoadmap(2))
	applyChanges(state, [change(ops)])
	return { format: 'degooglisation-snapshot', version: 1, writer: 'abcd1', seq: 1, at: '2027-01-01T10:00:00.000Z', covers: state.covers, clock: state.clock, stamps: stampsOf(state), roadmap: materialize(state) }
}

/** Operations a newer minor version might write: a field and a collection this version does not know. */
const NEWER_MINOR_OPS: ChangeFile['ops'] = [
	{ op: 'set', path: 'tasks/t00000/weight', value: { points: 3 } },
	{ op: 'add', path: 'risks/r1', value: { id: 'r1', title: 'Licences', level: 2 } },
	{ op: 'set', path: 'risks/r1/level', value: 3 },
	{ op: 'add', path: 'tasks/t00001/checklist/c9', value: { id: 'c9', text: 'Vérifier', done: false, dueBy: '2027-02-01' } },
]

describe('fields and collections of a newer minor version', () => {
	it('are read, merged, and kept in snapshots and in the readable file', () => {
		const parsed = parseChangeFile(JSON.stringify({ ...change(NEWER_MINOR_OPS), reviewedBy: 'claire' }))
		expect(parsed.ok).toBe(true)
		const state = stateFromRoadmap(sampleRoadmap(2))
		applyChanges(state, [parsed.ok ? parsed.value : change([])])
		const roadmap = materialize(state) as unknown as Record<string, any>
		expect(roadmap.tasks[0].weight).toEqual({ points: 3 })
		expect(roadmap.risks).toEqual([{ id: 'r1', title: 'Licences', level: 3 }])
		expect(roadmap.tasks[1].checklist.find((c: { id: string }) => c.id === 'c9')).toEqual({ id: 'c9', text: 'Vérifier', done: false, dueBy: '2027-02-01' })

		const snapshot = snapshotOf(NEWER_MINOR_OPS)
		const reread = parseSnapshotFile(serializeSnapshotFile(snapshot))
		expect(reread.ok && materialize(stateFromSnapshot(reread.value))).toEqual(roadmap)
		const readable = parseRoadmap(serializeRoadmap(roadmap as never))
		expect(readable.ok && readable.value).toEqual(roadmap)
	})

	it('keep their last writer after a snapshot, like known fields', () => {
		const snapshot = snapshotOf(NEWER_MINOR_OPS)
		const state = stateFromSnapshot(snapshot)
		// An edit stamped before the snapshot's loses; one after wins.
		applyChanges(state, [change([{ op: 'set', path: 'risks/r1/level', value: 1 }], 1, 'aaaa0')])
		expect((materialize(state) as unknown as { risks: Array<{ level: number }> }).risks[0].level).toBe(3)
		applyChanges(state, [{ ...change([{ op: 'set', path: 'risks/r1/level', value: 5 }], 1, 'zzzz9'), clock: 9 }])
		expect((materialize(state) as unknown as { risks: Array<{ level: number }> }).risks[0].level).toBe(5)
	})

	it('are refused when their names could not name a register, or are prototype keys', () => {
		expect(parseChangeFile(JSON.stringify(change([{ op: 'set', path: 'tasks/t1/Weight', value: 1 }]))).ok).toBe(false)
		expect(parseChangeFile(JSON.stringify(change([{ op: 'add', path: 'risks/r1', value: { id: 'r1', 'Bad name': 1 } }]))).ok).toBe(false)
		expect(parseChangeFile(JSON.stringify(change([{ op: 'set', path: 'tasks/t1/constructor', value: 1 }]))).ok).toBe(false)
		expect(({} as Record<string, unknown>).points).toBeUndefined()
	})
})

describe('a newer major version', () => {
	it('is refused with the kind the app translates ("update the app")', () => {
		const snapshot = JSON.parse(serializeSnapshotFile(snapshotOf([])))
		const result = parseSnapshotFile(JSON.stringify({ ...snapshot, version: 2 }))
		expect(result.ok).toBe(false)
		expect(!result.ok && { kind: result.error.kind, version: result.error.version, message: result.error.message }).toEqual({
			kind: 'newer-version',
			version: 2,
			message: 'version: version 2 is newer than this version of Dégooglisation understands (1); update the app',
		})
		expect(!parseChangeFile('{"format":"degooglisation-change","version":2}').ok).toBe(true)
	})
})

describe('files for readers of format 1.0', () => {
	it('are written alone when the change holds nothing 1.0 lacks', () => {
		const plain = change([{ op: 'set', path: 'tasks/t00000/status', value: 'done' }, { op: 'add', path: 'tasks/t9', value: { ...sampleRoadmap(1).tasks[0], id: 't9' } }])
		const files = changeFilesToWrite(plain)
		expect(files.map((f) => f.name)).toEqual(['change.newer1.000001.json'])
		expect(files[0].body).not.toContain('departments')
	})

	it('hold the operations 1.0 knows, the complete file everything, written first', () => {
		const mixed = change([
			{ op: 'set', path: 'tasks/t00000/departments', value: ['ecoles'] },
			{ op: 'set', path: 'tasks/t00000/status', value: 'done' },
			{ op: 'add', path: 'departments/ecoles', value: { id: 'ecoles', label: 'Écoles' } },
			{ op: 'add', path: 'tasks/t9', value: { ...sampleRoadmap(1).tasks[0], id: 't9', departments: ['ecoles'] } },
			{ op: 'set', path: 'tasks/t00000/links', value: [{ path: '/a.odt', fileId: 1, label: 'A', mime: 'x' }] },
		])
		const files = changeFilesToWrite(mixed)
		expect(files.map((f) => f.name)).toEqual(['change.newer1.000001.complete.json', 'change.newer1.000001.json'])
		expect(JSON.parse(files[0].body).ops).toEqual(mixed.ops)
		expect(JSON.parse(files[1].body).ops).toEqual(changeForFormat10(mixed).ops)
		expect(changeForFormat10(mixed).ops.map((op) => op.path)).toEqual(['tasks/t00000/status', 'tasks/t9', 'tasks/t00000/links'])
		expect(files[1].body).not.toMatch(/departments|mime/)
	})

	it('hold, for a snapshot, the 1.0 fields and stamps', () => {
		const files = snapshotFilesToWrite(snapshotOf([{ op: 'set', path: 'tasks/t00000/departments', value: ['ecoles'] }, { op: 'set', path: 'title', value: 'Nouveau titre' }]))
		expect(files.map((f) => f.name)).toEqual(['snapshot.abcd1.000001.complete.json', 'snapshot.abcd1.000001.json'])
		const format10 = JSON.parse(files[1].body)
		expect(Object.keys(format10.stamps)).toEqual(['title'])
		expect(format10.roadmap.title).toBe('Nouveau titre')
		expect(files[1].body).not.toContain('departments')
		expect(JSON.parse(files[0].body).roadmap.tasks[0].departments).toEqual(['ecoles'])
	})

	it('are read in place of their complete file only when it is missing', () => {
		const files = stateFilesToRead(['change.abcd1.000001.json', 'change.abcd1.000001.complete.json', 'change.abcd1.000002.json', 'change.efgh2.000001.complete.json', 'notes.txt'])
		expect(files.map((f) => [f.name, f.projection])).toEqual([
			['change.abcd1.000001.complete.json', 'change.abcd1.000001.json'],
			['change.abcd1.000002.json', null],
			['change.efgh2.000001.complete.json', null],
		])
	})
})
