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
