/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { describe, expect, it } from 'vitest'
import { MAX_FILE_BYTES, parseChangeFile, parseRoadmap, parseSnapshotFile, serializeRoadmap } from './format.ts'
import { sampleRoadmap } from './testing/sampleRoadmap.ts'

function roadmapJson(mutate: (doc: Record<string, any>) => void = () => {}): string {
	const doc = JSON.parse(serializeRoadmap(sampleRoadmap(15)))
	mutate(doc)
	return JSON.stringify(doc)
}

function errorOf(input: string | Uint8Array): string {
	const result = parseRoadmap(input)
	if (result.ok) {
		throw new Error('parsed although it should not have')
	}
	return result.error.message
}

describe('parseRoadmap', () => {
	it('reads back what serializeRoadmap wrote', () => {
		const roadmap = sampleRoadmap(20)
		const result = parseRoadmap(serializeRoadmap(roadmap))
		expect(result.ok && serializeRoadmap(result.value)).toBe(serializeRoadmap(roadmap))
	})

	it('names the place and the reason of an error', () => {
		expect(errorOf(roadmapJson((d) => {
			d.tasks[12].due = '2026-02-30'
		}))).toBe('tasks[12].due: not a date (expected YYYY-MM-DD)')
		expect(errorOf(roadmapJson((d) => {
			d.tasks[3].status = 'finished'
		}))).toMatch(/^tasks\[3\]\.status: not a status \(expected one of todo, in_progress, blocked, done, dropped\)$/)
		expect(errorOf(roadmapJson((d) => {
			delete d.tasks[0].title
		}))).toBe('tasks[0].title: missing')
		expect(errorOf(roadmapJson((d) => {
			d.phases[1]['Colour!'] = 'red'
		}))).toMatch(/^phases\[1\]: holds a field whose name is not allowed/)
		expect(errorOf(roadmapJson((d) => {
			d.tasks[4].id = d.tasks[2].id
		}))).toBe('tasks[4].id: duplicate id "t00002" (also tasks[2])')
		expect(errorOf(roadmapJson((d) => {
			d.indicators[0].target = 'beaucoup'
		}))).toBe('indicators[0].target: not a number')
	})

	it('refuses other files with a message saying what they are not', () => {
		expect(errorOf('')).toBe('empty file')
		expect(errorOf('{"tasks": [')).toMatch(/^not valid JSON/)
		expect(errorOf('[1,2]')).toMatch(/not a Dégooglisation roadmap \(expected a JSON object\)/)
		expect(errorOf('{"format":"deck-board"}')).toMatch(/^format: not a Dégooglisation roadmap/)
		expect(errorOf(roadmapJson((d) => {
			d.version = 7
		}))).toMatch(/^version: version 7 is newer than this version of Dégooglisation understands \(1\); update the app$/)
		expect(errorOf(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toBe('not valid UTF-8 text')
		expect(errorOf(new Uint8Array(MAX_FILE_BYTES + 1))).toMatch(/^file too large/)
	})

	it('refuses prototype keys without touching any prototype', () => {
		expect(errorOf(roadmapJson().replace('"title":', '"__proto__":{"polluted":true},"title":'))).toBe('__proto__: not allowed (a prototype key)')
		expect(errorOf(roadmapJson().replace('"title":', '"\\u005f_proto__":{"polluted":true},"title":'))).toBe('__proto__: not allowed (a prototype key)')
		expect(errorOf(roadmapJson((d) => {
			d.tasks[0].constructor = 'x'
		}))).toBe('tasks[0].constructor: not allowed (a prototype key)')
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})
})

describe('serializeRoadmap', () => {
	it('changes only the lines of what changed', () => {
		const before = sampleRoadmap(50)
		const after = structuredClone(before)
		after.tasks[20].status = 'done'
		after.tasks.reverse() // order in memory does not matter
		const a = serializeRoadmap(before).split('\n')
		const b = serializeRoadmap(after).split('\n')
		expect(a.length).toBe(b.length)
		const differing = a.filter((line, i) => line !== b[i])
		expect(differing).toEqual(['\t\t\t"status": "blocked",'].map((l) => l.replace('blocked', before.tasks[20].status)))
	})

	it('is stable: serializing twice gives the same bytes', () => {
		const text = serializeRoadmap(sampleRoadmap(10))
		const again = parseRoadmap(text)
		expect(again.ok && serializeRoadmap(again.value)).toBe(text)
	})
})

describe('change and snapshot files', () => {
	const change = {
		format: 'degooglisation-change',
		version: 1,
		writer: 'abcd1234',
		seq: 2,
		clock: 5,
		author: 'alice',
		at: '2026-11-22T10:00:00.000Z',
		seen: { wxyz9876: 3 },
		ops: [{ op: 'set', path: 'tasks/t1/status', value: 'done' }],
	}

	it('accepts a valid change', () => {
		expect(parseChangeFile(JSON.stringify(change)).ok).toBe(true)
	})

	it('checks each operation against the field it sets', () => {
		const bad = { ...change, ops: [{ op: 'set', path: 'tasks/t1/status', value: 42 }, { op: 'set', path: 'tasks/t1/Owner', value: 'x' }, { op: 'set', path: 'tasks/t1/checklist', value: [] }] }
		const result = parseChangeFile(JSON.stringify(bad))
		expect(result.ok).toBe(false)
		expect(!result.ok && result.error.message).toBe('ops[0]: tasks/t1/status: value: not a status (expected one of todo, in_progress, blocked, done, dropped)\nops[1]: tasks/t1/Owner: unknown field "Owner"\nops[2]: tasks/t1/checklist: "checklist" is a collection, not a field')
	})

	it('refuses a snapshot whose stamps name no register', () => {
		const snapshot = { format: 'degooglisation-snapshot', version: 1, writer: 'abcd1234', seq: 1, at: '2026-11-22T10:00:00.000Z', covers: {}, clock: 0, stamps: { __proto__x: '1.abcd1234.1.0' }, roadmap: JSON.parse(roadmapJson()) }
		const result = parseSnapshotFile(JSON.stringify(snapshot))
		expect(!result.ok && result.error.message).toBe('stamps.__proto__x: unknown field "__proto__x"')
	})
})
