/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { roadmapFromRecipe } from '../../tests/fixtures/dashboard/recipe.ts'
import { parseRoadmap } from './format.ts'
import { myTasks } from './myTasks.ts'

const dir = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'dashboard')
const { cases } = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'))

describe('myTasks, on the fixtures the PHP reader shares', () => {
	for (const c of cases) {
		it(`${c.roadmap}${c.size ? ` (${c.size})` : ''} for ${c.identities.join(' + ')}`, () => {
			const parsed = parseRoadmap(c.size ? roadmapFromRecipe(join(dir, c.roadmap), c.size) : readFileSync(join(dir, c.roadmap)))
			if (c.refused) {
				expect(parsed.ok ? 'read' : parsed.error.message.split('\n')[0]).toBe(c.refused)
				return
			}
			if (!parsed.ok) {
				throw parsed.error
			}
			const tasks = myTasks(parsed.value, c.identities, c.today)
			if (c.expected) {
				expect(tasks).toEqual(c.expected)
			} else {
				expect(tasks.map((t) => t.taskId)).toEqual(c.expectedIds)
			}
		})
	}
})
