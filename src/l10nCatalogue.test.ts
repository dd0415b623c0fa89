/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { l10nScript, sourceStrings } from './l10nCatalogue.ts'

const root = join(import.meta.dirname, '..')

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name)
		if (entry.isDirectory()) {
			return sourceFiles(path)
		}
		return /\.(ts|vue|php)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [readFileSync(path, 'utf8')] : []
	})
}

describe('translations', () => {
	const fr = JSON.parse(readFileSync(join(root, 'l10n', 'fr.json'), 'utf8'))

	it('translate every string of the UI into French', () => {
		const strings = sourceStrings([...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'lib'))])
		expect(strings.size).toBeGreaterThan(10)
		expect([...strings].filter((s) => !fr.translations[s])).toEqual([])
	})

	it('ship the .js file Nextcloud loads, made from the .json (npx tsx scripts/l10n.ts)', () => {
		expect(readFileSync(join(root, 'l10n', 'fr.js'), 'utf8')).toBe(l10nScript(fr))
	})
})
