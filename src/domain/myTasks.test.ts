/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseRoadmap } from './format.ts'
import { myTasks } from './myTasks.ts'

const dir = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'dashboard')
const { cases } = JSON.parse(readFileSync(join(dir, 'cases.json'), 'utf8'))

describe('myTasks, on the fixtures the PHP reader shares', () => {
	for (const c of cases) {
		it(`${c.roadmap} for ${c.identities.join(' + ')}`, () => {
			const parsed = parseRoadmap(readFileSync(join(dir, c.roadmap)))
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
