/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { describe, expect, it } from 'vitest'
import { othersChanges } from './mergedChanges.ts'
import { emptyRoadmap, makeTask } from './model.ts'

function roadmapWith(titles: Record<string, string>) {
	const roadmap = emptyRoadmap('Feuille', 'Saint-Exemple')
	roadmap.tasks = Object.entries(titles).map(([id, title]) => makeTask({ id, title }))
	return roadmap
}

describe('othersChanges', () => {
	it('is null when nothing changed', () => {
		expect(othersChanges(roadmapWith({ a: 'A' }), roadmapWith({ a: 'A' }))).toBeNull()
	})

	it('names each changed, added or removed task once and counts other edits', () => {
		const before = roadmapWith({ a: 'Messagerie', b: 'Bureautique' })
		const after = roadmapWith({ a: 'Messagerie libre', c: 'Visio' })
		after.tasks[0].status = 'done'
		after.commune = 'Saint-Autre'
		const merged = othersChanges(before, after, new Date('2026-11-22T10:00:00Z'))!
		expect(merged.tasks.sort()).toEqual(['Bureautique', 'Messagerie libre', 'Visio'])
		expect(merged.otherEdits).toBe(1)
		expect(merged.at).toBe('2026-11-22T10:00:00.000Z')
	})
})
