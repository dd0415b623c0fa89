/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { ChangeFile } from '../domain/storageFormat.ts'

import { describe, expect, it } from 'vitest'
import { Outbox } from './outbox.ts'

class MemoryStorage {
	readonly items = new Map<string, string>()
	getItem(key: string) {
		return this.items.get(key) ?? null
	}

	setItem(key: string, value: string) {
		this.items.set(key, value)
	}

	removeItem(key: string) {
		this.items.delete(key)
	}
}

function change(seq: number): ChangeFile {
	return {
		format: 'degooglisation-change',
		version: 1,
		writer: 'abcd1234',
		seq,
		clock: seq,
		author: 'alice',
		at: '2026-11-22T10:00:00.000Z',
		seen: {},
		ops: [{ op: 'set', path: 'tasks/t1/status', value: 'done' }],
	}
}

describe('Outbox', () => {
	it('keeps changes per user and roadmap, in order, until removed', () => {
		const storage = new MemoryStorage()
		const outbox = new Outbox(storage, 'alice', '/Dégooglisation/A')
		outbox.add(change(1))
		outbox.add(change(2))
		expect(new Outbox(storage, 'alice', '/Dégooglisation/B').list()).toEqual([])
		expect(new Outbox(storage, 'alice', '/Dégooglisation/A').list().map((c) => c.seq)).toEqual([1, 2])
		outbox.remove(change(1))
		expect(outbox.list().map((c) => c.seq)).toEqual([2])
		outbox.remove(change(2))
		expect(storage.items.size).toBe(0)
	})

	it('ignores entries that are not change files', () => {
		const storage = new MemoryStorage()
		storage.setItem('degooglisation:outbox:alice:/A', JSON.stringify(['{"format":"nope"}', JSON.stringify(change(3))]))
		expect(new Outbox(storage, 'alice', '/A').list().map((c) => c.seq)).toEqual([3])
		storage.setItem('degooglisation:outbox:alice:/A', 'not json')
		expect(new Outbox(storage, 'alice', '/A').list()).toEqual([])
	})
})
