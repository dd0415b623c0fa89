/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Logins as Nextcloud accepts them: HTTP basic with user and password, or a
 * session cookie whose requests carry the session's request token (Nextcloud's
 * CSRF check).
 */

import type { IncomingMessage } from 'node:http'

import { randomBytes, timingSafeEqual } from 'node:crypto'

export interface SandboxUser {
	id: string
	displayName: string
	password: string
}

export interface Session {
	user: SandboxUser
	requestToken: string
}

export const SESSION_COOKIE = 'nc_sandbox_session'

function sameText(a: string, b: string): boolean {
	const x = Buffer.from(a)
	const y = Buffer.from(b)
	return x.length === y.length && timingSafeEqual(x, y)
}

export class Sessions {
	private readonly sessions = new Map<string, Session>()

	constructor(private readonly users: SandboxUser[]) {}

	findUser(id: string): SandboxUser | undefined {
		return this.users.find((u) => u.id === id)
	}

	checkPassword(id: string, password: string): SandboxUser | null {
		const user = this.findUser(id)
		return user && sameText(user.password, password) ? user : null
	}

	open(user: SandboxUser): { id: string, session: Session } {
		const id = randomBytes(24).toString('hex')
		const session = { user, requestToken: randomBytes(24).toString('base64url') }
		this.sessions.set(id, session)
		return { id, session }
	}

	fromCookie(req: IncomingMessage): Session | null {
		const cookie = req.headers.cookie ?? ''
		const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([a-f0-9]+)`).exec(cookie)
		return match ? this.sessions.get(match[1]) ?? null : null
	}

	/** What a new login does to the session's request token (in another tab, say): the page's copy is refused from then on. */
	rotateRequestTokens(): void {
		for (const session of this.sessions.values()) {
			session.requestToken = randomBytes(24).toString('base64url')
		}
	}

	/** Every session ends, as when they time out: the cookies browsers hold name sessions the server no longer knows. */
	expireAll(): void {
		this.sessions.clear()
	}

	close(req: IncomingMessage): void {
		const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([a-f0-9]+)`).exec(req.headers.cookie ?? '')
		if (match) {
			this.sessions.delete(match[1])
		}
	}
}

export type AuthResult
	= | { kind: 'user', user: SandboxUser, session: Session | null }
		| { kind: 'anonymous' }
		| { kind: 'bad-credentials' }

/** Who is calling: HTTP basic first, then the session cookie. */
export function authenticate(req: IncomingMessage, sessions: Sessions): AuthResult {
	const header = req.headers.authorization
	if (header?.startsWith('Basic ')) {
		const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
		const colon = decoded.indexOf(':')
		const user = colon > 0 ? sessions.checkPassword(decoded.slice(0, colon), decoded.slice(colon + 1)) : null
		return user ? { kind: 'user', user, session: null } : { kind: 'bad-credentials' }
	}
	const session = sessions.fromCookie(req)
	return session ? { kind: 'user', user: session.user, session } : { kind: 'anonymous' }
}

/**
 * Nextcloud's CSRF check (Request::passesCSRFCheck): any OCS-APIRequest
 * header passes; otherwise the session's request token, in the `requesttoken`
 * header or query parameter. A request without a session has no token.
 */
export function passesCsrfCheck(req: IncomingMessage, session: Session | null): boolean {
	if (req.headers['ocs-apirequest']) {
		return true
	}
	const token = req.headers.requesttoken ?? new URL(req.url ?? '/', 'http://sandbox').searchParams.get('requesttoken')
	return session !== null && typeof token === 'string' && sameText(token, session.requestToken)
}
