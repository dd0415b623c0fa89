/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Calendar dates as the roadmap holds them (`YYYY-MM-DD`), in the user's own
 * time zone: "today" for a commune is its local day, not UTC's.
 */

import type { IsoDate } from './model.ts'

const pad = (n: number) => String(n).padStart(2, '0')

/** The local calendar day of `when`. */
export function localDate(when: Date): IsoDate {
	return `${when.getFullYear()}-${pad(when.getMonth() + 1)}-${pad(when.getDate())}`
}

/** Today in the user's time zone. */
export function localToday(): IsoDate {
	return localDate(new Date())
}

/**
 * A date as people read it in `locale`: "30 nov." in the year of `today`, "30 nov. 2027" in any other;
 * the text itself when it is no date. The app's views add the user's locale (components/dateLabels.ts).
 */
export function dayLabel(date: IsoDate, today: IsoDate, locale: string): string {
	const parsed = new Date(`${date}T00:00:00Z`)
	if (Number.isNaN(parsed.getTime())) {
		return date
	}
	const withYear = date.slice(0, 4) !== today.slice(0, 4)
	return parsed.toLocaleDateString(locale, { timeZone: 'UTC', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}) })
}
