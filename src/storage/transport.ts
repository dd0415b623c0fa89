/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What a browser page does with three answers of Nextcloud that are not about
 * the request itself (as Nextcloud 32 and 34 give them, see docs/sandbox.md):
 *
 * - a request token Nextcloud no longer accepts (the session's token changes at
 *   each login, in another tab say): WebDAV answers 401 "CSRF check not passed.",
 *   controllers 412 "CSRF check failed". A new token is fetched, the request sent once more.
 * - a session that has ended: 401 with "Cannot authenticate over ajax calls" (WebDAV)
 *   or "Current user is not logged in" (OCS, controllers). Told to the page, which asks
 *   the user to log in again; the request fails as it would, so edits stay in the outbox.
 * - maintenance mode: 503, with `X-Nextcloud-Maintenance-Mode: 1` from OCS and
 *   controllers but not from WebDAV (its body names ServerMaintenanceMode). Waited
 *   out as `@nextcloud/axios` does for the others: 2, 4, 8, 16, 32 s, then the 503 is the answer.
 *
 * Wraps a `fetch`: the app page's goes through `@nextcloud/axios`, the dashboard widget's is the browser's.
 */

export type Transport = (input: string | URL, init?: RequestInit) => Promise<Response>

export type ConnectionState = 'ok' | 'session-expired' | 'maintenance'

type Answer = 'token-refused' | 'session-expired' | 'maintenance' | null

/** Reads only the small error answers: the body of anything else is left to the caller. */
async function classify(response: Response): Promise<Answer> {
	if (response.status !== 401 && response.status !== 412 && response.status !== 503) {
		return null
	}
	if (response.status === 503 && response.headers.get('X-Nextcloud-Maintenance-Mode') === '1') {
		return 'maintenance'
	}
	// A body cut short says nothing more: the status is the answer then.
	const body = await response.clone().text().catch(() => '')
	if (response.status === 503) {
		return body.includes('ServerMaintenanceMode') ? 'maintenance' : null
	}
	if (body.includes('CSRF check not passed') || body.includes('CSRF check failed')) {
		return 'token-refused'
	}
	if (response.status === 401 && (body.includes('Cannot authenticate over ajax calls') || body.includes('Current user is not logged in'))) {
		return 'session-expired'
	}
	return null
}

const listeners = new Set<(state: ConnectionState) => void>()
let current: ConnectionState = 'ok'

function tell(state: ConnectionState): void {
	if (state === current) {
		return
	}
	current = state
	for (const listener of listeners) {
		listener(state)
	}
}

/** The page's connection to Nextcloud as the last answer left it; `listener` hears each change. */
export function onConnectionChange(listener: (state: ConnectionState) => void): () => void {
	listeners.add(listener)
	return () => listeners.delete(listener)
}

export function connectionState(): ConnectionState {
	return current
}

export interface RecoveryOptions {
	/** Fetches the session's current request token (`/index.php/csrftoken`) and makes it the page's. */
	refreshRequestToken: () => Promise<string>
	/** Waits before each new try while Nextcloud is in maintenance mode. */
	maintenanceDelaysMs?: number[]
}

export const MAINTENANCE_DELAYS_MS = [2000, 4000, 8000, 16_000, 32_000]

function wait(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) {
			return reject(signal.reason)
		}
		const timer = setTimeout(() => {
			signal?.removeEventListener('abort', abort)
			resolve()
		}, ms)
		const abort = () => {
			clearTimeout(timer)
			reject(signal!.reason)
		}
		signal?.addEventListener('abort', abort, { once: true })
	})
}

/** `base` with the three answers above handled. */
export function withNextcloudRecovery(base: Transport, options: RecoveryOptions): Transport {
	const delays = options.maintenanceDelaysMs ?? MAINTENANCE_DELAYS_MS
	return async (input, init = {}) => {
		let tokenRefreshed = false
		for (let attempt = 0; ; attempt++) {
			const response = await base(input, init)
			const answer = await classify(response)
			if (answer === 'token-refused' && !tokenRefreshed) {
				tokenRefreshed = true
				const token = await options.refreshRequestToken()
				init = { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), requesttoken: token } }
				attempt--
				continue
			}
			if (answer === 'maintenance' && attempt < delays.length) {
				tell('maintenance')
				await wait(delays[attempt]!, init.signal)
				continue
			}
			// A refused token that a new one did not cure: the session it belonged to is gone.
			tell(answer === 'token-refused' ? 'session-expired' : answer ?? 'ok')
			return response
		}
	}
}

/** The session's current request token, kept where Nextcloud's page scripts keep it (what `@nextcloud/auth`'s fetchRequestToken does, without its event bus). */
export async function refreshPageRequestToken(baseUrl: string): Promise<string> {
	const response = await fetch(`${baseUrl}/index.php/csrftoken`, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
	if (!response.ok) {
		throw new Error(`GET /csrftoken: HTTP ${response.status}`)
	}
	const { token } = await response.json() as { token: string }
	;(globalThis as { _nc_auth_requestToken?: string })._nc_auth_requestToken = token
	document.head.dataset.requesttoken = token
	return token
}
