/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The storage in the browser, inside Nextcloud: the session cookie and the
 * request token, the current user's files.
 */

import type { Transport } from './transport.ts'

import { DavClient } from './dav.ts'
import { OcsClient } from './ocs.ts'
import { refreshPageRequestToken, withNextcloudRecovery } from './transport.ts'

export interface BrowserSession {
	uid: string
	/** Read on every request: Nextcloud renews the token. */
	requestToken: () => string | null
	/** Server root (`https://cloud.mairie.fr/nextcloud`). */
	baseUrl: string
}

let transport: Transport | null = null

/**
 * The transport of every client made after this call. The app page's entry
 * sets Nextcloud's (axiosTransport.ts); the dashboard widget, which has no room
 * for axios, keeps the browser's fetch with the same recovery.
 */
export function setBrowserTransport(chosen: Transport): void {
	transport = chosen
}

function transportFor(session: BrowserSession): Transport {
	return transport ?? withNextcloudRecovery((input, init) => fetch(input, init), { refreshRequestToken: () => refreshPageRequestToken(session.baseUrl) })
}

export function createBrowserDavClient(session: BrowserSession): DavClient {
	return new DavClient({ baseUrl: session.baseUrl, user: session.uid, auth: { requestToken: session.requestToken }, DOMParser: window.DOMParser, fetch: transportFor(session) })
}

export function createBrowserOcsClient(session: BrowserSession): OcsClient {
	return new OcsClient({ baseUrl: session.baseUrl, auth: { requestToken: session.requestToken }, fetch: transportFor(session) })
}
