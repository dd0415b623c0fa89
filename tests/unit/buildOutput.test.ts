/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The built js/ and css/ (`npm run build`, two builds into the same folders):
 * each page finds every file it loads, and the two builds never wrote the same
 * file; the widget's weight is checked against its budget by `npm run bench` (bench/run.ts).
 */

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { APP_PAGE_ENTRY, isBuilt, loadedFiles, WIDGET_ENTRY } from '../../bench/bundleSize.ts'

const root = join(import.meta.dirname, '..', '..')

describe.skipIf(!isBuilt(root))('the build (skipped until `npm run build`)', () => {
	const page = loadedFiles(root, APP_PAGE_ENTRY, true)
	const widget = loadedFiles(root, WIDGET_ENTRY, true)

	it('holds every file the app page and the widget load, lazy ones included', () => {
		const files = [...page.scripts, ...page.styles, ...widget.scripts, ...widget.styles]
		expect(files.filter((file) => !existsSync(join(root, file)))).toEqual([])
		expect(page.scripts.length).toBeGreaterThan(10)
		expect(widget.scripts.length).toBeGreaterThan(1)
	})

	it('gives the widget its own French strings, and not the app page\'s catalogue', () => {
		expect(page.translations).toEqual(['l10n/fr.js'])
		expect(widget.translations).toEqual([])
		const code = widget.scripts.map((file) => readFileSync(join(root, file), 'utf8')).join('\n')
		expect(code).toContain('Mes tâches')
		expect(code).not.toContain('Ouvrir un dossier existant…')
	})

	it('keeps the widget\'s files apart from the app page\'s: neither build wrote over a file of the other', () => {
		const pageFiles = new Set([...page.scripts, ...page.styles])
		expect([...widget.scripts, ...widget.styles].filter((file) => pageFiles.has(file))).toEqual([])
	})
})
