/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Translations: l10n/<lang>.json is the source (Nextcloud's format); this
 * writes the l10n/<lang>.js files Nextcloud loads in the browser.
 * `npx tsx scripts/l10n.ts`. A unit test checks that every string the UI
 * passes to t() or n() has a French translation and that the .js files are current.
 */

import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { l10nScript } from '../src/l10nCatalogue.ts'

const dir = join(import.meta.dirname, '..', 'l10n')
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
	writeFileSync(join(dir, file.replace(/\.json$/, '.js')), l10nScript(JSON.parse(readFileSync(join(dir, file), 'utf8'))))
	console.log(`l10n/${file.replace(/\.json$/, '.js')}`)
}
