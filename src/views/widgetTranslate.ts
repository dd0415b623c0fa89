/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Translation and dates for the dashboard widget only. Nextcloud adds the
 * app's whole catalogue (l10n/<lang>.js) beside a script it loads for the
 * app, most of it the app page's strings: the widget's entry is named so that
 * it does not (lib/Dashboard/TasksWidget.php) and brings its own strings
 * instead. The widget's build keeps only the strings the widget translates
 * out of l10n/fr.json (vite.widget.config.ts); elsewhere the whole file is read.
 * `@nextcloud/l10n` is not used either: it bundles an HTML sanitizer the widget
 * does not need (text goes in as text nodes).
 */

import type { IsoDate } from '../domain/model.ts'

import french from '../../l10n/fr.json'
import { dayLabel, localToday } from '../domain/dates.ts'

const catalogues: Record<string, Record<string, string | string[]>> = { fr: french.translations }

/** The page's language and locale, as Nextcloud writes them on <html>. */
function pageLanguage(): string {
	return document.documentElement.lang || 'en'
}

export function t(app: string, text: string, vars: Record<string, string | number> = {}): string {
	const translated = catalogues[pageLanguage().split(/[-_]/)[0]]?.[text]
	const template = typeof translated === 'string' ? translated : Array.isArray(translated) ? translated[0] : text
	return template.replace(/\{(\w+)\}/g, (match, key: string) => (Object.hasOwn(vars, key) ? String(vars[key]) : match))
}

/** A date as the app shows it (components/dateLabels.ts), in the page's locale. */
export function widgetDay(date: IsoDate): string {
	return dayLabel(date, localToday(), (document.documentElement.dataset.locale || pageLanguage()).replace(/_/g, '-'))
}
