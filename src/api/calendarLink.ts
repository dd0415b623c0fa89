/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * "Add to my calendar": the person's subscription link to a roadmap's phases and
 * due dates, for calendars outside Nextcloud (lib/Controller/CalendarFeedController.php).
 */

import { getRequestToken } from '@nextcloud/auth'
import { generateUrl } from '@nextcloud/router'

/** The https link of the roadmap folder's calendar; `webcal:` is the same link for calendar applications. */
export async function calendarLink(folder: string, fetcher: typeof fetch = fetch): Promise<string> {
	const response = await fetcher(`${generateUrl('/apps/degooglisation/api/calendar-link')}?path=${encodeURIComponent(folder)}`, {
		headers: { requesttoken: getRequestToken() ?? '', Accept: 'application/json' },
		credentials: 'same-origin',
	})
	const data = await response.json().catch(() => ({})) as { url?: string, message?: string }
	if (!response.ok || typeof data.url !== 'string') {
		throw new Error(data.message ?? `HTTP ${response.status}`)
	}
	return data.url
}

export function webcalLink(url: string): string {
	return url.replace(/^https?:/, 'webcal:')
}
