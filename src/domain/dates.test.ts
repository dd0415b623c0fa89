/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { afterEach, describe, expect, it, vi } from 'vitest'
import { localDate, localToday } from './dates.ts'

afterEach(() => {
	vi.useRealTimers()
})

describe('local dates', () => {
	it('gives the local calendar day, zero-padded', () => {
		expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05')
		expect(localDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31')
	})

	it('takes today from the local clock, not UTC', () => {
		vi.useFakeTimers()
		vi.setSystemTime(new Date(2026, 6, 14, 0, 30))
		expect(localToday()).toBe('2026-07-14')
	})
})
