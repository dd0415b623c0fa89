/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import type { ChangeFile, SnapshotFile } from '../domain/storageFormat.ts'

import { describe, expect, it } from 'vitest'
import { changeFileName, parseStateFileName, snapshotFileName } from '../domain/storageFormat.ts'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { COMPACT_AFTER, compactionThreshold, FOREIGN_DELETE_GRACE_MS, isFolded, pendingChanges } from './compaction.ts'

const NOW = new Date('2026-12-07T12:00:00Z')

function change(writer: string, seq: number): [string, ChangeFile] {
	return [changeFileName(writer, seq), { format: 'degooglisation-change', version: 1, writer, seq, clock: seq, author: 'alice', at: NOW.toISOString(), seen: {}, ops: [] }]
}

function snapshot(writer: string, seq: number, covers: Record<string, number>, at: Date): [string, SnapshotFile] {
	return [snapshotFileName(writer, seq), { format: 'degooglisation-snapshot', version: 1, writer, seq, at: at.toISOString(), covers, clock: 1, stamps: {}, roadmap: sampleRoadmap(1) }]
}

const file = (name: string) => ({ name, parsed: parseStateFileName(name)! })

describe('compaction policy', () => {
	it('draws a threshold per client between once and twice the base', () => {
		expect(compactionThreshold(COMPACT_AFTER, () => 0)).toBe(COMPACT_AFTER)
		expect(compactionThreshold(COMPACT_AFTER, () => 0.999)).toBe(2 * COMPACT_AFTER)
	})

	it('counts the change files no known snapshot covers', () => {
		const known = new Map<string, ChangeFile | SnapshotFile>([change('writera1', 1), change('writera1', 2), change('writerb2', 1), snapshot('writera1', 1, { writera1: 1 }, NOW)])
		expect(pendingChanges(known)).toBe(2)
	})

	it('lets a writer remove its own folded files at once, another writer\'s only after the grace period', () => {
		const [newName, fresh] = snapshot('writera1', 2, { writera1: 3, writerb2: 2 }, NOW)
		const known = new Map<string, ChangeFile | SnapshotFile>([change('writera1', 3), change('writerb2', 2), change('writerb2', 3), [newName, fresh]])
		expect(isFolded(file(changeFileName('writera1', 3)), fresh, known, 'writera1', NOW)).toBe(true)
		expect(isFolded(file(changeFileName('writerb2', 2)), fresh, known, 'writera1', NOW)).toBe(false)
		expect(isFolded(file(changeFileName('writerb2', 3)), fresh, known, 'writera1', NOW)).toBe(false)
		const old = snapshot('writerc3', 1, { writerb2: 2 }, new Date(NOW.getTime() - FOREIGN_DELETE_GRACE_MS - 1000))
		known.set(...old)
		expect(isFolded(file(changeFileName('writerb2', 2)), fresh, known, 'writera1', NOW)).toBe(true)
		expect(isFolded(file(changeFileName('writerb2', 3)), fresh, known, 'writera1', NOW)).toBe(false)
	})

	it('removes an older snapshot the new one dominates, never the new one itself', () => {
		const [oldName, older] = snapshot('writera1', 1, { writera1: 1 }, NOW)
		const [newName, newer] = snapshot('writera1', 2, { writera1: 3 }, NOW)
		const known = new Map<string, ChangeFile | SnapshotFile>([[oldName, older], [newName, newer]])
		expect(isFolded(file(oldName), newer, known, 'writera1', NOW)).toBe(true)
		expect(isFolded(file(newName), newer, known, 'writera1', NOW)).toBe(false)
	})
})
