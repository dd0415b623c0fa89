/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The OCS endpoints the app uses, as Nextcloud answers them: JSON with
 * `?format=json` or `Accept: application/json`, XML otherwise; v2 answers
 * with the OCS status as HTTP status, v1 with HTTP 200 and status code 100.
 * Parameters come from the query string and from a JSON or form body, as
 * Nextcloud reads them.
 */

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AuthResult, SandboxUser } from './auth.ts'
import type { Sharing } from './sharing.ts'

import { passesCsrfCheck } from './auth.ts'
import { OcsFailure } from './sharing.ts'

export const NEXTCLOUD_VERSION = { major: 32, minor: 0, micro: 1, string: '32.0.1', full: '32.0.1.2' }

/** The group every sandbox user belongs to. */
export const SANDBOX_GROUP = 'mairie'

type Format = 'json' | 'xml'

const INVALID_QUERY = 'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.\n'

/** Nextcloud's XML rendering of OCS data (BaseResponse::toXml): lists as `<element>`, true as 1, null as an empty element. */
function toXml(value: unknown, indent: string): string {
	const entries = Array.isArray(value) ? value.map((v) => ['element', v] as const) : Object.entries(value as Record<string, unknown>)
	return entries.map(([key, v]) => {
		if (v === null || v === undefined) {
			return `${indent}<${key}/>\n`
		}
		if (typeof v === 'object') {
			const inner = toXml(v, `${indent} `)
			return inner ? `${indent}<${key}>\n${inner}${indent}</${key}>\n` : `${indent}<${key}/>\n`
		}
		const text = v === true ? '1' : v === false ? '' : String(v)
		return `${indent}<${key}>${text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</${key}>\n`
	}).join('')
}

/** JSON as PHP's json_encode writes it: slashes and non-ASCII characters escaped. */
export function phpJson(value: unknown): string {
	return JSON.stringify(value).replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

export function sendOcs(res: ServerResponse, version: 1 | 2, format: Format, status: number, data: unknown, message = 'OK', headers: Record<string, string> = {}): void {
	const ok = status < 300
	const meta: Record<string, unknown> = { status: ok ? 'ok' : 'failure', statuscode: version === 1 && ok ? 100 : status, message }
	if (version === 1) {
		Object.assign(meta, { totalitems: '', itemsperpage: '' })
	}
	// 997 (not logged in) is HTTP 401 for both versions; 998 (no such endpoint) is a 404 in v2.
	const httpStatus = status === 997 ? 401 : version === 1 ? 200 : status === 998 ? 404 : status
	if (format === 'json') {
		res.writeHead(httpStatus, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
		res.end(phpJson({ ocs: { meta, data } }))
	} else {
		res.writeHead(httpStatus, { 'Content-Type': 'application/xml; charset=utf-8', ...headers })
		res.end(`<?xml version="1.0"?>\n<ocs>\n${toXml({ meta, data }, ' ')}</ocs>\n`)
	}
}

function formatOf(req: IncomingMessage, query: URLSearchParams): Format {
	const asked = query.get('format')
	if (asked === 'json' || asked === 'xml') {
		return asked
	}
	return (req.headers.accept ?? '').includes('application/json') ? 'json' : 'xml'
}

const THEMING_CAPABILITY = { name: 'Nextcloud', productName: 'Nextcloud', url: 'https://nextcloud.com', slogan: 'a safe home for all your data', color: '#00679e', 'color-text': '#ffffff', 'color-element': '#00679e', 'background-plain': false, 'background-default': true }

/** The capabilities of what the sandbox does, with Nextcloud 32's values; an anonymous caller gets the public ones only. */
export function capabilities(anonymous = false): Record<string, unknown> {
	if (anonymous) {
		return { bruteforce: { delay: 0, 'allow-listed': false }, theming: THEMING_CAPABILITY }
	}
	return {
		core: { pollinterval: 60, 'webdav-root': 'remote.php/webdav', 'reference-api': false, 'mod-rewrite-working': false, user: { language: '', locale: '', timezone: 'UTC' } },
		files: { blacklisted_files: ['.htaccess'], forbidden_filenames: ['.htaccess'], forbidden_filename_basenames: [], forbidden_filename_characters: ['\\', '/'], forbidden_filename_extensions: ['.filepart', '.part'], bigfilechunking: false, file_conversions: [], windows_compatible_filenames: false },
		files_sharing: {
			api_enabled: true,
			public: { enabled: false },
			resharing: true,
			user: { send_mail: false, expire_date: { enabled: true } },
			group_sharing: true,
			group: { enabled: true, expire_date: { enabled: true } },
			default_permissions: 31,
			federation: { outgoing: true, incoming: true, expire_date: { enabled: true }, expire_date_supported: { enabled: true } },
			sharee: { query_lookup_default: false, always_show_unique: true },
		},
		theming: THEMING_CAPABILITY,
	}
}

function userData(user: SandboxUser): Record<string, unknown> {
	return {
		enabled: true,
		id: user.id,
		backend: 'Database',
		subadmin: [],
		quota: { free: -3, used: 0, total: -3, relative: 0, quota: -3 },
		manager: '',
		email: null,
		additional_mail: [],
		displayname: user.displayName,
		'display-name': user.displayName,
		phone: '',
		address: '',
		website: '',
		twitter: '',
		organisation: '',
		role: '',
		headline: '',
		biography: '',
		profile_enabled: '1',
		pronouns: '',
		groups: [SANDBOX_GROUP],
		language: 'fr',
		locale: '',
		timezone: '',
		notify_email: null,
		backendCapabilities: { setDisplayName: false, setPassword: false },
	}
}

export interface OcsContext {
	users: SandboxUser[]
	sharing: Sharing
}

interface OcsCall {
	user: SandboxUser | null
	query: URLSearchParams
	/** Query and body parameters together. */
	params: Record<string, string>
	/** The path's captured parts (a share id). */
	args: string[]
	ctx: OcsContext
}

interface Route {
	pattern: RegExp
	/** Handlers by method. */
	methods: Record<string, (call: OcsCall) => unknown>
	/** Answers anonymous requests too (Nextcloud's #[PublicPage]). */
	public?: boolean
}

const matches = (user: SandboxUser, search: string) => user.id.toLowerCase().includes(search) || user.displayName.toLowerCase().includes(search)
const isExact = (user: SandboxUser, search: string) => user.id.toLowerCase() === search || user.displayName.toLowerCase() === search

/** files_sharing's sharee search over the sandbox's users, its group, and a typed cloud id or e-mail address. */
function sharees({ user, query, ctx }: OcsCall): unknown {
	const search = (query.get('search') ?? '').trim().toLowerCase()
	const toSharee = (u: SandboxUser) => ({ label: u.displayName, subline: '', icon: 'icon-user', value: { shareType: 0, shareWith: u.id }, shareWithDisplayNameUnique: u.id, status: [] })
	// The searcher appears only as an exact match.
	const exactUsers = ctx.users.filter((u) => isExact(u, search))
	const users = ctx.users.filter((u) => u.id !== user!.id && matches(u, search) && !exactUsers.includes(u))
	const group = { label: SANDBOX_GROUP, value: { shareType: 1, shareWith: SANDBOX_GROUP } }
	const cloudId = /^([^@\s]+)@(\S+)$/.exec(search)
	const remote = cloudId ? { label: `${cloudId[1]} (${cloudId[2]})`, uuid: cloudId[1], name: cloudId[1], value: { shareType: 6, shareWith: search, server: cloudId[2] } } : null
	const isEmail = cloudId !== null && /^[^@\s/:]+@[^@\s/:]+\.[a-z]{2,}$/.test(search)
	return {
		exact: {
			users: exactUsers.map(toSharee),
			groups: search === SANDBOX_GROUP ? [group] : [],
			remotes: remote ? [remote] : [],
			remote_groups: [],
			emails: isEmail ? [{ label: search, uuid: search, value: { shareType: 4, shareWith: search } }] : [],
			circles: [],
			rooms: [],
		},
		users: users.map(toSharee),
		groups: search !== SANDBOX_GROUP && SANDBOX_GROUP.includes(search) ? [group] : [],
		remotes: [],
		remote_groups: [],
		emails: [],
		lookup: [],
		circles: [],
		rooms: [],
		lookupEnabled: false,
	}
}

function autocomplete({ user, query, ctx }: OcsCall): unknown {
	const search = (query.get('search') ?? '').trim().toLowerCase()
	return ctx.users
		.filter((u) => u.id !== user!.id && matches(u, search))
		.map((u) => ({ id: u.id, label: u.displayName, icon: 'icon-user', source: 'users', status: '', subline: '', shareWithDisplayNameUnique: u.id }))
}

const SHARING_API = '/apps/files_sharing/api/v1'
const me = (call: OcsCall) => call.user!.id

const ROUTES: Route[] = [
	{ pattern: /^\/cloud\/user$/, methods: { GET: ({ user }) => userData(user!) } },
	{
		pattern: /^\/cloud\/capabilities$/,
		public: true,
		methods: {
			GET: ({ user }) => {
				const { full, ...version } = NEXTCLOUD_VERSION
				return { version: { ...version, edition: '', extendedSupport: false }, capabilities: capabilities(user === null) }
			},
		},
	},
	{ pattern: /^\/core\/autocomplete\/get$/, methods: { GET: autocomplete } },
	{ pattern: new RegExp(`^${SHARING_API}/sharees$`), methods: { GET: sharees } },
	{
		pattern: new RegExp(`^${SHARING_API}/shares$`),
		methods: {
			GET: (call) => call.ctx.sharing.listShares(me(call), call.params),
			POST: (call) => call.ctx.sharing.createShare(me(call), call.params),
		},
	},
	{
		pattern: new RegExp(`^${SHARING_API}/shares/([^/]+)$`),
		methods: {
			GET: (call) => call.ctx.sharing.getShare(me(call), call.args[0]),
			PUT: (call) => call.ctx.sharing.updateShare(me(call), call.args[0], call.params),
			DELETE: (call) => call.ctx.sharing.deleteShare(me(call), call.args[0]),
		},
	},
	{ pattern: new RegExp(`^${SHARING_API}/remote_shares$`), methods: { GET: (call) => call.ctx.sharing.remoteShares(me(call)) } },
	{ pattern: new RegExp(`^${SHARING_API}/remote_shares/pending$`), methods: { GET: (call) => call.ctx.sharing.pendingRemoteShares(me(call)) } },
	{
		pattern: new RegExp(`^${SHARING_API}/remote_shares/pending/([^/]+)$`),
		methods: {
			POST: (call) => call.ctx.sharing.acceptRemoteShare(me(call), call.args[0]),
			DELETE: (call) => call.ctx.sharing.declineRemoteShare(me(call), call.args[0]),
		},
	},
	{
		pattern: new RegExp(`^${SHARING_API}/remote_shares/([^/]+)$`),
		methods: {
			GET: (call) => call.ctx.sharing.getRemoteShare(me(call), call.args[0]),
			DELETE: (call) => call.ctx.sharing.unshareRemote(me(call), call.args[0]),
		},
	},
]

/** Nextcloud's request parameters: the query string, then a JSON or form body over it. */
function paramsOf(req: IncomingMessage, query: URLSearchParams, body: Buffer): Record<string, string> {
	const params: Record<string, string> = Object.fromEntries(query)
	const text = body.toString('utf8').trim()
	if (!text) {
		return params
	}
	if ((req.headers['content-type'] ?? '').includes('application/json')) {
		try {
			for (const [key, value] of Object.entries(JSON.parse(text) as Record<string, unknown>)) {
				if (value !== null && value !== undefined) {
					params[key] = String(value)
				}
			}
		} catch {
			// Nextcloud ignores a body it cannot parse.
		}
		return params
	}
	return { ...params, ...Object.fromEntries(new URLSearchParams(text)) }
}

/**
 * An OCS request: `path` is what follows /ocs/v2.php. Nextcloud logs in
 * first (401), then runs the CSRF check (412 unless an OCS-APIRequest header
 * or the session's request token comes with it).
 */
export async function handleOcs(req: IncomingMessage, res: ServerResponse, version: 1 | 2, path: string, query: URLSearchParams, body: Buffer, auth: AuthResult, ctx: OcsContext): Promise<void> {
	const format = formatOf(req, query)
	// A failed login and an unknown endpoint are answered by ocs/v2.php itself, not by a controller: its XML is text/xml.
	const outsideController: Record<string, string> = format === 'xml' ? { 'Content-Type': 'text/xml; charset=UTF-8' } : {}
	if (auth.kind === 'bad-credentials') {
		return sendOcs(res, version, format, 997, [], 'Unauthorised', { 'WWW-Authenticate': 'Basic realm="Authorisation Required"', ...outsideController })
	}
	const route = ROUTES.find((r) => r.pattern.test(path))
	if (!route) {
		return sendOcs(res, version, format, 998, [], INVALID_QUERY, outsideController)
	}
	const handle = route.methods[req.method ?? 'GET']
	if (!handle) {
		res.writeHead(405, { 'Content-Type': 'application/json; charset=utf-8' })
		res.end()
		return
	}
	if (auth.kind === 'anonymous' && !route.public) {
		return sendOcs(res, version, format, 997, [], 'Current user is not logged in')
	}
	if (!passesCsrfCheck(req, auth.kind === 'user' ? auth.session : null)) {
		res.writeHead(412, { 'Content-Type': 'application/json; charset=utf-8' })
		res.end(JSON.stringify({ message: 'CSRF check failed' }))
		return
	}
	const args = route.pattern.exec(path)!.slice(1).map(decodeURIComponent)
	try {
		const data = await handle({ user: auth.kind === 'user' ? auth.user : null, query, params: paramsOf(req, query, body), args, ctx })
		sendOcs(res, version, format, 200, data)
	} catch (error) {
		if (!(error instanceof OcsFailure)) {
			throw error
		}
		sendOcs(res, version, format, error.status, [], error.message)
	}
}
