/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** Build-time helpers for the l10n/ catalogues (used by scripts/l10n.ts and its test). */
export interface Catalogue {
	translations: Record<string, string | string[]>
	pluralForm: string
}

export function l10nScript(catalogue: Catalogue): string {
	return `OC.L10N.register(\n\t"degooglisation",\n\t${JSON.stringify(catalogue.translations, null, '\t').replace(/\n/g, '\n\t')},\n\t${JSON.stringify(catalogue.pluralForm)}\n);\n`
}

/** The strings the scripts (t with the app id) and the PHP classes (IL10N's t) translate. */
export function sourceStrings(sources: string[]): Set<string> {
	const strings = new Set<string>()
	for (const source of sources) {
		for (const match of source.matchAll(/(?:\bt\(\s*'degooglisation',|->t\()\s*'((?:[^'\\]|\\.)*)'/g)) {
			strings.add(match[1].replace(/\\'/g, "'"))
		}
		// Plurals are keyed _singular_::_plural_, as Nextcloud's catalogues do.
		for (const match of source.matchAll(/\bn\(\s*'degooglisation',\s*'((?:[^'\\]|\\.)*)',\s*'((?:[^'\\]|\\.)*)'/g)) {
			strings.add(`_${match[1]}_::_${match[2]}_`.replace(/\\'/g, "'"))
		}
	}
	return strings
}
