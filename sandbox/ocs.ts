/**
 * The OCS endpoints the app uses, in Nextcloud's JSON shape (v2: the HTTP
 * status is the OCS status; v1: HTTP 200 and status code 100).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SandboxUser } from './auth'

export const NEXTCLOUD_VERSION = { major: 32, minor: 0, micro: 1, string: '32.0.1', full: '32.0.1.2' }

export function sendOcs(res: ServerResponse, version: 1 | 2, status: number, data: unknown, message = 'OK'): void {
	const ok = status < 300
	const statuscode = version === 1 && ok ? 100 : status
	// 997 is OCS's "not logged in", answered with HTTP 401.
	const httpStatus = status === 997 ? 401 : version === 1 ? 200 : status
	res.writeHead(httpStatus, { 'Content-Type': 'application/json; charset=utf-8' })
	res.end(JSON.stringify({ ocs: { meta: { status: ok ? 'ok' : 'failure', statuscode, message }, data } }))
}

export interface OcsContext {
	users: SandboxUser[]
}

function userData(user: SandboxUser): Record<string, unknown> {
	return {
		enabled: true,
		id: user.id,
		displayname: user.displayName,
		'display-name': user.displayName,
		email: null,
		groups: ['mairie'],
		language: 'fr',
		locale: 'fr_FR',
		backend: 'Database',
		quota: { free: -3, used: 0, total: -3, relative: 0, quota: -3 },
	}
}

/** Routes an authenticated OCS request; `path` is after /ocs/v2.php. */
export function handleOcs(req: IncomingMessage, res: ServerResponse, version: 1 | 2, path: string, query: URLSearchParams, user: SandboxUser, ctx: OcsContext): void {
	if (req.method === 'GET' && path === '/cloud/user') return sendOcs(res, version, 200, userData(user))
	if (req.method === 'GET' && path === '/cloud/capabilities') {
		return sendOcs(res, version, 200, {
			version: { ...NEXTCLOUD_VERSION, edition: '', extendedSupport: false },
			capabilities: {
				core: { webdav_root: 'remote.php/webdav' },
				files_sharing: { api_enabled: true, federation: { outgoing: true, incoming: true }, group_sharing: true },
				dav: { chunking: '1.0' },
			},
		})
	}
	if (req.method === 'GET' && path === '/apps/files_sharing/api/v1/sharees') {
		const search = (query.get('search') ?? '').toLowerCase()
		const matches = ctx.users.filter((u) => u.id !== user.id && (u.id.includes(search) || u.displayName.toLowerCase().includes(search)))
		const toSharee = (u: SandboxUser) => ({ label: u.displayName, subline: '', icon: 'icon-user', value: { shareType: 0, shareWith: u.id }, shareWithDisplayNameUnique: u.id, status: [] })
		const exact = matches.filter((u) => u.id === search || u.displayName.toLowerCase() === search)
		const remotes = search.includes('@') ? [{ label: search, uuid: search, name: search, type: '', value: { shareType: 6, shareWith: search, server: search.split('@').pop() } }] : []
		return sendOcs(res, version, 200, {
			exact: { users: exact.map(toSharee), groups: [], remotes: [], remote_groups: [], emails: [], circles: [], rooms: [] },
			users: matches.filter((u) => !exact.includes(u)).map(toSharee),
			groups: [],
			remotes,
			remote_groups: [],
			emails: [],
			lookup: [],
			circles: [],
			rooms: [],
			lookupEnabled: false,
		})
	}
	// Sharing is not emulated yet (docs/sandbox.md): nobody has shared anything with anyone.
	if (req.method === 'GET' && (path === '/apps/files_sharing/api/v1/shares' || path === '/apps/files_sharing/api/v1/remote_shares' || path === '/apps/files_sharing/api/v1/remote_shares/pending')) return sendOcs(res, version, 200, [])
	sendOcs(res, version, 404, [], 'Invalid query, please check the syntax. API specifications are here: http://www.freedesktop.org/wiki/Specifications/open-collaboration-services.')
}
