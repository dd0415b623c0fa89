/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Checklist items are listed in id order (files keep every collection in id
 * order), so an item added at the end needs an id that sorts after those of
 * the list. Time-ordered ids sort after earlier ones, and their prefix `z`
 * after ids from elsewhere (the starter template's `<task>-c1`, …).
 */

import type { ChecklistItem } from './model.ts'

import { newId } from './ids.ts'

export function appendedItemId(items: readonly Pick<ChecklistItem, 'id'>[], now: number = Date.now()): string {
	const last = items.reduce((max, item) => (item.id > max ? item.id : max), '')
	const timed = newId('z', now)
	// Rare ids beyond `z-…`: extend the last one, staying within the 100 characters of an id.
	return timed > last ? timed : `${last.slice(0, 80)}.${newId('n', now)}`
}
