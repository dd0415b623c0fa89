/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Nextcloud's translation functions for texts Vue shows. Nextcloud escapes
 * the values put into a text for HTML, and Vue escapes the whole text again:
 * a title with quotation marks then read `&quot;`. Vue's escaping is enough,
 * so the text is not sanitized as HTML either (which would cut a title's `<b>`
 * out, and costs a parse at each call: a board's cards make hundreds).
 */

import { t as translate, n as translatePlural } from '@nextcloud/l10n'

type Vars = Record<string, string | number>

export function t(app: string, text: string, vars?: Vars): string {
	return translate(app, text, vars, undefined, { escape: false, sanitize: false })
}

export function n(app: string, singular: string, plural: string, count: number, vars?: Vars): string {
	return translatePlural(app, singular, plural, count, vars, { escape: false, sanitize: false })
}
