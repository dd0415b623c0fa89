/**
 * Logins as Nextcloud accepts them: HTTP basic (user + password or app
 * password) or a session cookie whose state-changing requests carry the
 * session's request token (Nextcloud's CSRF check).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

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

	close(req: IncomingMessage): void {
		const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([a-f0-9]+)`).exec(req.headers.cookie ?? '')
		if (match) this.sessions.delete(match[1])
	}
}

export type AuthResult =
	| { kind: 'user', user: SandboxUser, via: 'basic' | 'session' }
	| { kind: 'anonymous' }
	| { kind: 'bad-credentials' }
	| { kind: 'csrf' }

/** Who is calling. A session request other than GET/HEAD needs the request token (or, for OCS, the OCS-APIRequest header). */
export function authenticate(req: IncomingMessage, sessions: Sessions, isOcs: boolean): AuthResult {
	const header = req.headers.authorization
	if (header?.startsWith('Basic ')) {
		const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8')
		const colon = decoded.indexOf(':')
		const user = colon > 0 ? sessions.checkPassword(decoded.slice(0, colon), decoded.slice(colon + 1)) : null
		return user ? { kind: 'user', user, via: 'basic' } : { kind: 'bad-credentials' }
	}
	const session = sessions.fromCookie(req)
	if (!session) return { kind: 'anonymous' }
	const safe = req.method === 'GET' || req.method === 'HEAD'
	const token = req.headers.requesttoken
	const tokenOk = typeof token === 'string' && sameText(token, session.requestToken)
	if (!safe && !tokenOk && !(isOcs && req.headers['ocs-apirequest'] === 'true')) return { kind: 'csrf' }
	return { kind: 'user', user: session.user, via: 'session' }
}
