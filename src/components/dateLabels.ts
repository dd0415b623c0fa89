/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Calendar dates as people read them, the same everywhere the app shows one:
 * "30 nov." this year, "30 nov. 2027" any other year.
 */

import type { IsoDate } from '../domain/model.ts'

import { getCanonicalLocale } from '@nextcloud/l10n'
import { dayLabel } from '../domain/dates.ts'

/** A `YYYY-MM-DD` date in the user's language, with its year when it is not the year of `today`; the text itself when it is no date. */
export function formatDay(date: IsoDate, today: IsoDate, locale: string = getCanonicalLocale()): string {
	return dayLabel(date, today, locale)
}

/** A number in the user's language, at most two decimals. */
export function formatNumber(value: number, locale: string = getCanonicalLocale()): string {
	return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value)
}

/** Two dates of a span: both with their year when the years differ, so that "5 janv. au 4 janv. 2032" never reads as a few days. */
export function formatSpan(start: IsoDate, end: IsoDate, today: IsoDate, locale: string = getCanonicalLocale()): [string, string] {
	const differ = start.slice(0, 4) !== end.slice(0, 4)
	return [formatDay(start, differ ? '' : today, locale), formatDay(end, differ ? '' : today, locale)]
}
