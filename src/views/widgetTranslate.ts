/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Translation for the dashboard widget only. It reads the same catalogue
 * (l10n/<lang>.js, registered by Nextcloud) as `@nextcloud/l10n`, which the
 * app page uses; the library also bundles an HTML sanitizer the widget does
 * not need (Vue escapes every interpolation) and that alone would take a
 * large share of the widget's 50 KB budget (bench/measured.md).
 */
declare global {
	interface Window {
		_oc_l10n_registry_translations?: Record<string, Record<string, string | string[]>>
	}
}

export function t(app: string, text: string, vars: Record<string, string | number> = {}): string {
	const translated = window._oc_l10n_registry_translations?.[app]?.[text]
	const template = typeof translated === 'string' ? translated : Array.isArray(translated) ? translated[0] : text
	return template.replace(/\{(\w+)\}/g, (match, key: string) => (Object.hasOwn(vars, key) ? String(vars[key]) : match))
}
