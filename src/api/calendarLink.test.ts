// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

import { describe, expect, it, vi } from 'vitest'
import { calendarLink, webcalLink } from './calendarLink.ts'

describe('the calendar link of a roadmap', () => {
	it('asks the app for the folder\'s link and gives it as https and as webcal', async () => {
		const url = 'https://cloud.example.fr/index.php/apps/degooglisation/calendar/abc/42.ics'
		const fetcher = vi.fn(async () => new Response(JSON.stringify({ url }), { status: 200 }))
		await expect(calendarLink('/Dégooglisation/Saint-Exemple', fetcher)).resolves.toBe(url)
		expect(String((fetcher.mock.calls[0] as unknown[])[0])).toContain('/apps/degooglisation/api/calendar-link?path=%2FD%C3%A9googlisation%2FSaint-Exemple')
		expect(webcalLink(url)).toBe('webcal://cloud.example.fr/index.php/apps/degooglisation/calendar/abc/42.ics')
	})

	it('says why when the folder is not a roadmap the person can read', async () => {
		const fetcher = vi.fn(async () => new Response(JSON.stringify({ message: 'not a roadmap folder you can read' }), { status: 404 }))
		await expect(calendarLink('/Autre', fetcher)).rejects.toThrow('not a roadmap folder you can read')
	})
})
