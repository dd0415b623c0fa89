/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Hostile and broken input: whatever the bytes, parsing ends with a roadmap
 * or a clear error — never an exception, a hang or a polluted prototype.
 */

import type { ChangeFile } from './storageFormat.ts'

import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyChanges, materialize, stateFromRoadmap } from './crdt.ts'
import { MAX_FILE_BYTES, parseChangeFile, parseRoadmap, parseSnapshotFile, serializeRoadmap } from './format.ts'
import { sampleRoadmap } from './testing/sampleRoadmap.ts'

const valid = JSON.parse(serializeRoadmap(sampleRoadmap(4)))

function expectCleanOutcome(input: string | Uint8Array): void {
	for (const parse of [parseRoadmap, parseChangeFile, parseSnapshotFile]) {
		const result = parse(input)
		if (result.ok) {
			expect(parse(JSON.stringify(result.value)).ok).toBe(true)
		} else {
			expect(result.error.message.length).toBeGreaterThan(0)
		}
	}
	expect(({} as Record<string, unknown>).polluted).toBeUndefined()
}

/** Replaces the node at a random path of a JSON value with another value. */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
	if (path.length === 0 || typeof value !== 'object' || value === null) {
		return replacement
	}
	const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value)
	if (entries.length === 0) {
		return replacement
	}
	const [key, child] = entries[path[0] % entries.length]
	const copy: any = Array.isArray(value) ? [...value] : { ...value }
	copy[key] = mutate(child, path.slice(1), replacement)
	return copy
}

describe('parsing hostile input', () => {
	it('never throws on arbitrary JSON', () => {
		fc.assert(fc.property(fc.jsonValue(), (value) => expectCleanOutcome(JSON.stringify(value))), { numRuns: 300 })
	})

	it('never throws on arbitrary bytes', () => {
		fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => expectCleanOutcome(bytes)), { numRuns: 300 })
	})

	it('gives a roadmap or an error naming a place for any mutation of a valid roadmap', () => {
		fc.assert(fc.property(fc.array(fc.nat(), { maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), (path, replacement) => {
			const text = JSON.stringify(mutate(valid, path, replacement))
			const result = parseRoadmap(text)
			if (result.ok) {
				expect(parseRoadmap(serializeRoadmap(result.value)).ok).toBe(true)
			} else {
				expect(result.error.issues[0].message).not.toBe('')
			}
		}), { numRuns: 500 })
	})

	it('refuses prototype keys anywhere, leaving Object.prototype alone', () => {
		for (const key of ['__proto__', 'constructor', 'prototype']) {
			for (const where of ['', 'tasks[0]', 'tasks[0].checklist[0]', 'indicators[0]']) {
				const doc = structuredClone(valid)
				const target = where === '' ? doc : where.split(/[.[\]]+/).filter(Boolean).reduce((node: any, part) => node[/^\d+$/.test(part) ? Number(part) : part], doc)
				const text = JSON.stringify(doc).replace(JSON.stringify(target), JSON.stringify(target).replace(/^\{/, `{"${key}":{"polluted":true},`))
				const result = parseRoadmap(text)
				expect(result.ok, `${key} in ${where || 'the root'}`).toBe(false)
			}
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined()
	})

	it('handles deep nesting, huge strings and huge files with a clear error, quickly', () => {
		const started = Date.now()
		expect(parseRoadmap('['.repeat(200_000) + ']'.repeat(200_000)).ok).toBe(false)
		const hugeTitle = JSON.stringify({ ...valid, title: 'x'.repeat(5_000_000) })
		const huge = parseRoadmap(hugeTitle)
		expect(!huge.ok && huge.error.message).toBe('title: longer than 1000 characters')
		const big = new Uint8Array(200 * 1024 * 1024)
		const tooBig = parseRoadmap(big)
		expect(!tooBig.ok && tooBig.error.message).toBe(`file too large (200 MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB)`)
		expect(Date.now() - started).toBeLessThan(10_000)
	})

	it('refuses duplicate ids, unknown future versions and invalid UTF-8 with their reason', () => {
		const dup = structuredClone(valid)
		dup.tasks[1].checklist.push({ ...dup.tasks[1].checklist[0] })
		expect(parseRoadmap(JSON.stringify(dup))).toMatchObject({ ok: false, error: { issues: [{ path: 'tasks[1].checklist[1].id' }] } })
		expect(parseChangeFile('{"format":"degooglisation-change","version":2}')).toMatchObject({ ok: false, error: { issues: [{ path: 'version' }] } })
		expect(parseRoadmap(new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]))).toMatchObject({ ok: false, error: { message: 'not valid UTF-8 text' } })
	})
})

describe('merging hostile operations', () => {
	it('stores entities named like prototype keys as plain data', () => {
		const state = stateFromRoadmap(sampleRoadmap(1))
		const change: ChangeFile = {
			format: 'degooglisation-change',
			version: 1,
			writer: 'abcd1',
			seq: 1,
			clock: 1,
			author: 'x',
			at: '2026-11-22T10:00:00.000Z',
			seen: {},
			ops: [
				{ op: 'add', path: 'tasks/constructor', value: { ...sampleRoadmap(1).tasks[0], id: 'constructor' } },
				{ op: 'set', path: 'tasks/constructor/title', value: 'Constructeur' },
			],
		}
		const parsed = parseChangeFile(JSON.stringify(change))
		expect(parsed.ok).toBe(true)
		applyChanges(state, [change])
		expect(materialize(state).tasks.map((t) => t.id)).toEqual(['constructor', 't00000'])
		expect(parseChangeFile(JSON.stringify({ ...change, ops: [{ op: 'set', path: 'tasks/__proto__/title', value: 'x' }] })).ok).toBe(false)
		expect(({} as Record<string, unknown>).title).toBeUndefined()
	})
})
