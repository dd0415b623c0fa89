/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The dashboard widget's build, run after the app page's (vite.config.ts).
 * Its entry's name holds "l10n": Nextcloud's Util::addScript then adds no
 * catalogue beside it (the rule is the same on Nextcloud 32 and 34), and the
 * widget brings the few strings it translates itself (src/views/widgetTranslate.ts).
 */

import type { Plugin } from 'vite'

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { sourceStrings } from './src/l10nCatalogue.ts'
import { nextcloudBuild } from './vite.config.ts'

export const WIDGET_ENTRY_NAME = 'dashboard-with-l10n'

/** The strings translated by the modules that translate through widgetTranslate.ts. */
function widgetStrings(): Set<string> {
	const src = join(import.meta.dirname, 'src')
	const sources = readdirSync(src, { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.ts$/.test(file) && !file.endsWith('.test.ts'))
		.map((file) => readFileSync(join(src, file), 'utf8'))
		.filter((source) => /from '(\.\/|(\.\.\/)+views\/)widgetTranslate(\.ts)?'/.test(source))
	return sourceStrings(sources)
}

/** Keeps in the catalogues (l10n/<lang>.json) only the strings the widget translates. */
function widgetCatalogue(): Plugin {
	const keep = widgetStrings()
	return {
		name: 'degooglisation-widget-catalogue',
		enforce: 'pre',
		transform(code, id) {
			if (!/[\\/]l10n[\\/][\w-]+\.json$/.test(id)) {
				return null
			}
			const catalogue = JSON.parse(code) as { translations: Record<string, unknown> }
			const translations = Object.fromEntries(Object.entries(catalogue.translations).filter(([text]) => keep.has(text)))
			return { code: JSON.stringify({ translations }), map: null }
		},
	}
}

export default nextcloudBuild('dashboard', WIDGET_ENTRY_NAME, [widgetCatalogue()])
