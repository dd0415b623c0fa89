/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The residents' page of a roadmap, from the owner's side: whether it is
 * published, with what, until when; publishing and withdrawing it. The server
 * keeps the publication (lib/Controller/PublicationController.php) and builds
 * the page from the roadmap at each visit (docs/public-page.md).
 */

import { getRequestToken } from '@nextcloud/auth'
import { generateUrl } from '@nextcloud/router'

export interface PublicationOptions {
	assignees: boolean
	descriptions: boolean
	checklists: boolean
	links: boolean
}

export interface Publication {
	token: string
	options: PublicationOptions
	/** Last day shown (YYYY-MM-DD), or null. */
	expires: string | null
	createdAt: string
	url: string
	feed: string
	badge: string
}

/** A refused request; `fromApp`: the app's controller answered (not a server without the app's PHP side, as the sandbox). */
export class PublicationRequestError extends Error {
	constructor(readonly status: number, message: string, readonly fromApp: boolean) {
		super(message)
		this.name = 'PublicationRequestError'
	}
}

export const NOTHING_PUBLISHED: PublicationOptions = { assignees: false, descriptions: false, checklists: false, links: false }

async function call(method: 'GET' | 'POST' | 'DELETE', folder: string, body?: object, fetcher: typeof fetch = fetch): Promise<Publication | null> {
	const url = generateUrl('/apps/degooglisation/api/publication')
	const query = method === 'POST' ? '' : `?path=${encodeURIComponent(folder)}`
	const response = await fetcher(`${url}${query}`, {
		method,
		headers: { 'Content-Type': 'application/json', requesttoken: getRequestToken() ?? '', Accept: 'application/json' },
		body: body ? JSON.stringify({ path: folder, ...body }) : undefined,
		credentials: 'same-origin',
	})
	const data = await response.json().catch(() => ({})) as { publication?: Publication | null, message?: string }
	if (!response.ok) {
		throw new PublicationRequestError(response.status, data.message ?? `HTTP ${response.status}`, data.message !== undefined)
	}
	return data.publication ?? null
}

export function readPublication(folder: string, fetcher?: typeof fetch): Promise<Publication | null> {
	return call('GET', folder, undefined, fetcher)
}

export function publish(folder: string, options: PublicationOptions, expires: string | null, fetcher?: typeof fetch): Promise<Publication | null> {
	return call('POST', folder, { options, expires }, fetcher)
}

export function unpublish(folder: string, fetcher?: typeof fetch): Promise<Publication | null> {
	return call('DELETE', folder, undefined, fetcher)
}
