/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { appendedItemId } from './checklist.ts'
import { idSchema } from './schema.ts'

describe('appendedItemId', () => {
	it('sorts after every item of the list, whatever their ids', () => {
		for (const ids of [[], ['item-lk2j3abc123'], ['solutions-mail-c1', 'solutions-mail-c2'], ['zzz', 'a'], ['z'.repeat(100)]]) {
			const id = appendedItemId(ids.map((existing) => ({ id: existing })))
			expect(v.is(idSchema, id)).toBe(true)
			for (const existing of ids.filter((e) => e.length <= 80)) {
				expect(id > existing).toBe(true)
			}
		}
	})

	it('keeps items added one after the other in the order they were added', () => {
		const items: Array<{ id: string }> = [{ id: 'solutions-mail-c1' }]
		for (let i = 0; i < 20; i++) {
			items.push({ id: appendedItemId(items, 1_800_000_000_000 + i) })
		}
		expect(items.map((item) => item.id)).toEqual([...items.map((item) => item.id)].sort())
		expect(new Set(items.map((item) => item.id)).size).toBe(items.length)
	})
})
