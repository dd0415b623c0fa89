/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The sandbox: a Nextcloud-compatible server for trying the app and testing
 * it without Nextcloud. WebDAV, the OCS endpoints the app uses, a page shell
 * and a dashboard page. Whatever it emulates, tests/contract checks against a
 * real Nextcloud too; where they differ, Nextcloud is right.
 */

import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { SandboxUser } from './auth.ts'
import type { HazardConfig } from './hazards.ts'
import type { Language } from './pages.ts'
import type { SandboxSwitches } from './switches.ts'
import type { DavEndpoint } from './webdav.ts'

import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { authenticate, passesCsrfCheck, SESSION_COOKIE, Sessions } from './auth.ts'
import { handleAvatar } from './avatars.ts'
import { FsStore } from './fsStore.ts'
import { DEFAULT_HAZARDS, HazardDice } from './hazards.ts'
import { handleOcs, NEXTCLOUD_VERSION, SANDBOX_GROUP } from './ocs.ts'
import { appPage, dashboardPage, loginPage } from './pages.ts'
import { Sharing } from './sharing.ts'
import { answerMaintenance, DEFAULT_SWITCHES } from './switches.ts'
import { handleVersions } from './versions.ts'
import { FILES_ENDPOINT_FEATURES, handleBulk, handleDav, handleFilesRoot, handleForeignHome, LEGACY_ENDPOINT_FEATURES, readBody, sendDavError } from './webdav.ts'

export interface SandboxOptions {
	port: number
	host?: string
	dataDir: string
	users: SandboxUser[]
	instanceName?: string
	/** The project root, whose js/ css/ img/ l10n/ are served as the app's. */
	appDir?: string
	hazards?: Partial<HazardConfig>
	/** Lets tests change hazards and switches over HTTP (POST /sandbox/hazards, /sandbox/switches). */
	allowHazardControl?: boolean
}

export interface Sandbox {
	url: string
	/** Mutable: change it to turn hazards on and off. */
	hazards: HazardConfig
	/** Mutable: maintenance mode on and off. */
	switches: SandboxSwitches
	/** Every session gets a new request token, as a login elsewhere gives it. */
	rotateRequestTokens(): void
	/** Every session ends, as when it times out. */
	expireSessions(): void
	close(): Promise<void>
}

const CONTENT_TYPES: Record<string, string> = {
	'.mjs': 'text/javascript; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.woff2': 'font/woff2',
}

/** `/index.php/apps/files/api/v1/configs` of a new user on Nextcloud 32. */
const FILES_CONFIG = { crop_image_previews: true, default_view: 'files', folder_tree: true, grid_view: false, show_dialog_deletion: false, show_dialog_file_extension: true, show_files_extensions: true, show_hidden: false, show_mime_column: false, sort_favorites_first: true, sort_folders_first: true }

function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
	// Non-ASCII characters go out percent-encoded as UTF-8, as a browser reads the raw UTF-8 bytes PHP sends; Node would send Latin-1.
	// eslint-disable-next-line no-control-regex -- the range is every ASCII character, NUL included.
	res.writeHead(303, { Location: location.replace(/[^\x00-\x7f]+/g, encodeURIComponent), ...headers })
	res.end()
}

/** Files Nextcloud's .htaccess lets browsers keep for six months; for good when linked with `?v=`, which changes with each release. */
const CACHED_ASSET = /\.(?:css|js|mjs|svg|gif|png|jpg|webp|ico|wasm)$/

function cacheControl(path: string, versioned: boolean): string {
	if (!CACHED_ASSET.test(path)) {
		return 'no-cache'
	}
	return versioned ? 'max-age=15778463, immutable' : 'max-age=15778463'
}

async function serveFile(res: ServerResponse, root: string, relative: string, versioned = false): Promise<void> {
	const path = normalize(join(root, relative))
	if (!path.startsWith(normalize(root))) {
		res.writeHead(403)
		res.end()
		return
	}
	try {
		const body = await readFile(path)
		res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': cacheControl(path, versioned) })
		res.end(body)
	} catch {
		res.writeHead(404, { 'Content-Type': 'text/plain' })
		res.end('Not found')
	}
}

function languageOf(req: IncomingMessage, url: URL): Language {
	const asked = url.searchParams.get('lang')
	if (asked === 'fr' || asked === 'en') {
		return asked
	}
	return /(?:^|;\s*)sandbox_lang=en/.test(req.headers.cookie ?? '') ? 'en' : 'fr'
}

/** The app's server-side translations (l10n/<lang>.json), for the strings the PHP side would translate. */
/** Changes whenever the app is built again (the build empties js/ first), like the version Nextcloud puts in `?v=`. */
function assetVersion(appDir: string): string {
	try {
		return Math.round(statSync(join(appDir, 'js')).mtimeMs).toString(36)
	} catch {
		return '0'
	}
}

async function loadTranslations(appDir: string, lang: Language): Promise<(text: string) => string> {
	const translations: Record<string, string> = lang === 'en' ? {} : await readFile(join(appDir, 'l10n', `${lang}.json`), 'utf8').then((text) => JSON.parse(text).translations, () => ({}))
	return (text) => (typeof translations[text] === 'string' ? translations[text] : text)
}

/** A page asked for without a session: a browser goes to the login form and comes back, anything else gets a 401. */
function notLoggedIn(req: IncomingMessage, res: ServerResponse, comeBackTo: string): void {
	if ((req.headers.accept ?? '').includes('text/html')) {
		return redirect(res, `/index.php/login?redirect_url=${comeBackTo}`)
	}
	res.writeHead(401, { 'Content-Type': 'application/json; charset=utf-8' })
	res.end(JSON.stringify({ message: 'Current user is not logged in' }))
}

/** The 401 of Nextcloud's DAV auth backends, whose messages they join (measured on a default Nextcloud 32). */
function sendDavUnauthenticated(req: IncomingMessage, res: ServerResponse, badCredentials: boolean): void {
	if (req.headers['x-requested-with'] === 'XMLHttpRequest') {
		return sendDavError(res, 401, 'Cannot authenticate over ajax calls', { headers: { 'WWW-Authenticate': 'DummyBasic realm="Nextcloud"' } })
	}
	const basic = badCredentials ? 'Username or password was incorrect' : 'No \'Authorization: Basic\' header found. Either the client didn\'t send one, or the server is misconfigured'
	const message = `No public access to this resource., AppAPIAuth has not passed, This request is not for a federated calendar, ${basic}, No 'Authorization: Bearer' header found. Either the client didn't send one, or the server is mis-configured, ${basic}`
	sendDavError(res, 401, message, { headers: { 'WWW-Authenticate': 'Basic realm="Nextcloud", charset="UTF-8"' } })
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
	const store = new FsStore(options.dataDir)
	for (const user of options.users) {
		store.ensureUser(user.id)
	}
	const sessions = new Sessions(options.users)
	const hazards: HazardConfig = { ...DEFAULT_HAZARDS, ...options.hazards }
	const switches: SandboxSwitches = { ...DEFAULT_SWITCHES }
	const dice = new HazardDice(hazards)
	const instanceName = options.instanceName ?? 'Nextcloud (sandbox)'
	const instanceId = `oc${randomBytes(5).toString('hex')}`
	const appDir = options.appDir ?? join(import.meta.dirname, '..')
	const davContext = { hazards, dice, instanceId }
	let selfUrl = ''
	const sharing = new Sharing({ store, dataDir: options.dataDir, users: options.users, group: SANDBOX_GROUP, selfUrl: () => selfUrl })

	/** WebDAV: log in, then Nextcloud's CSRF check for a session (every method but GET, HEAD and OPTIONS), then `answer`. */
	async function routeDav(req: IncomingMessage, res: ServerResponse, answer: (user: SandboxUser) => Promise<void>): Promise<void> {
		const auth = authenticate(req, sessions)
		if (auth.kind !== 'user') {
			await readBody(req)
			return sendDavUnauthenticated(req, res, auth.kind === 'bad-credentials')
		}
		const safe = req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS'
		if (auth.session && !safe && !passesCsrfCheck(req, auth.session)) {
			await readBody(req)
			return sendDavError(res, 401, 'CSRF check not passed.')
		}
		return answer(auth.user)
	}

	/** A user's files: one's own, another user's (seen empty), or nobody's. */
	async function files(req: IncomingMessage, res: ServerResponse, user: SandboxUser, owner: string, rawPath: string, endpoint: DavEndpoint): Promise<void> {
		if (owner === user.id) {
			return handleDav(req, res, owner, sharing.viewOf(owner), rawPath, endpoint, davContext)
		}
		if (sessions.findUser(owner)) {
			return handleForeignHome(req, res, owner, rawPath, endpoint)
		}
		await readBody(req)
		sendDavError(res, 404, `Principal with name ${owner} not found`, { headers: req.method === 'PROPFIND' ? { DAV: endpoint.features } : {} })
	}

	async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox')
		const path = url.pathname

		if (path === '/status.php') {
			res.writeHead(200, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify({ installed: true, maintenance: switches.maintenance, needsDbUpgrade: false, version: NEXTCLOUD_VERSION.full, versionstring: NEXTCLOUD_VERSION.string, edition: '', productname: 'Nextcloud', extendedSupport: false }))
			return
		}

		if (switches.maintenance && await answerMaintenance(req, res, path)) {
			return
		}

		if (path === '/remote.php/dav/bulk') {
			return routeDav(req, res, (user) => handleBulk(req, res, sharing.viewOf(user.id), davContext))
		}
		if (path === '/remote.php/dav/files' || path === '/remote.php/dav/files/') {
			return routeDav(req, res, () => handleFilesRoot(req, res))
		}
		const userFiles = /^\/remote\.php\/dav\/files\/([^/]+)(\/.*)?$/.exec(path)
		if (userFiles) {
			const endpoint = { root: `/remote.php/dav/files/${userFiles[1]}`, features: FILES_ENDPOINT_FEATURES }
			return routeDav(req, res, (user) => files(req, res, user, decodeURIComponent(userFiles[1]), userFiles[2] ?? '/', endpoint))
		}
		const versions = /^\/remote\.php\/dav\/versions\/([^/]+)(\/.*)?$/.exec(path)
		if (versions) {
			return routeDav(req, res, (user) => handleVersions(req, res, user.id, decodeURIComponent(versions[1]), versions[2] ?? '/', store, sharing))
		}
		const legacy = /^\/remote\.php\/webdav(\/.*)?$/.exec(path)
		if (legacy) {
			return routeDav(req, res, (user) => handleDav(req, res, user.id, sharing.viewOf(user.id), legacy[1] ?? '/', { root: '/remote.php/webdav', features: LEGACY_ENDPOINT_FEATURES }, davContext))
		}

		// A federated share's folder, for the partner's server: the share token as login, no password.
		const publicDav = /^\/public\.php\/webdav(\/.*)?$/.exec(path)
		if (publicDav) {
			const token = /^Basic (.+)$/.exec(req.headers.authorization ?? '')?.[1]
			const view = token ? sharing.publicView(Buffer.from(token, 'base64').toString('utf8').split(':')[0]) : null
			if (!view) {
				await readBody(req)
				return sendDavError(res, 401, 'No public access to this resource.', { headers: { 'WWW-Authenticate': 'Basic realm="Nextcloud", charset="UTF-8"' } })
			}
			return handleDav(req, res, 'public', view, publicDav[1] ?? '/', { root: '/public.php/webdav', features: LEGACY_ENDPOINT_FEATURES }, davContext)
		}

		const ocm = /^\/(?:index\.php\/)?ocm\/(shares|notifications)$/.exec(path)
		if (ocm && req.method === 'POST') {
			let body: Record<string, unknown> = {}
			try {
				body = JSON.parse((await readBody(req)).toString('utf8'))
			} catch {
				// answered as missing arguments
			}
			const answer = ocm[1] === 'shares' ? sharing.receiveShare(body) : sharing.receiveNotification(body)
			res.writeHead(answer.status, { 'Content-Type': 'application/json; charset=utf-8' })
			res.end(JSON.stringify(answer.body))
			return
		}

		const ocs = /^\/ocs\/v([12])\.php(\/.*)$/.exec(path)
		if (ocs) {
			const body = await readBody(req)
			return handleOcs(req, res, Number(ocs[1]) as 1 | 2, ocs[2], url.searchParams, body, authenticate(req, sessions), { users: options.users, sharing })
		}

		if (path === '/index.php/csrftoken') {
			res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8' })
			res.end(JSON.stringify({ token: sessions.fromCookie(req)?.requestToken ?? randomBytes(24).toString('base64url') }))
			return
		}
		if (path === '/sandbox/hazards' && options.allowHazardControl && req.method === 'POST') {
			Object.assign(hazards, JSON.parse((await readBody(req)).toString('utf8') || '{}'))
			res.writeHead(200, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify(hazards))
			return
		}
		if (path === '/sandbox/switches' && options.allowHazardControl && req.method === 'POST') {
			const asked = JSON.parse((await readBody(req)).toString('utf8') || '{}') as { maintenance?: boolean, rotateRequestTokens?: boolean, expireSessions?: boolean }
			if (typeof asked.maintenance === 'boolean') {
				switches.maintenance = asked.maintenance
			}
			if (asked.rotateRequestTokens) {
				sessions.rotateRequestTokens()
			}
			if (asked.expireSessions) {
				sessions.expireAll()
			}
			res.writeHead(200, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify(switches))
			return
		}
		if (path === '/sandbox/nextcloud-vars.css') {
			return serveFile(res, join(import.meta.dirname, 'assets'), 'nextcloud-vars.css')
		}
		const asset = /^\/apps\/degooglisation\/((?:js|css|img|l10n)\/.+)$/.exec(path)
		if (asset) {
			return serveFile(res, appDir, decodeURIComponent(asset[1]), url.searchParams.has('v'))
		}

		if (path === '/index.php/login') {
			const target = url.searchParams.get('redirect_url') ?? '/index.php/apps/degooglisation/'
			let id = url.searchParams.get('user')
			let password = url.searchParams.get('password')
			let redirectUrl = target
			if (req.method === 'POST') {
				const form = new URLSearchParams((await readBody(req)).toString('utf8'))
				id = form.get('user')
				password = form.get('password')
				redirectUrl = form.get('redirect_url') ?? target
			}
			if (id !== null && password !== null) {
				const user = sessions.checkPassword(id, password)
				if (user) {
					const { id: sessionId } = sessions.open(user)
					return redirect(res, redirectUrl.startsWith('/') ? redirectUrl : '/', { 'Set-Cookie': `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; SameSite=Lax` })
				}
			}
			if (id === null && sessions.fromCookie(req)) {
				return redirect(res, redirectUrl)
			}
			res.writeHead(id !== null ? 403 : 200, { 'Content-Type': 'text/html; charset=utf-8' })
			res.end(loginPage(options.users, id !== null ? 'Mauvais identifiant ou mot de passe.' : null, redirectUrl))
			return
		}
		if (path === '/index.php/logout') {
			sessions.close(req)
			return redirect(res, '/index.php/login', { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` })
		}

		// The Files app's settings and views, which Nextcloud's file picker reads: a new user's defaults and
		// no extra views, as Nextcloud 32 answers them (show_hidden false keeps `.degooglisation` out of the picker).
		const filesApi = /^\/index\.php\/apps\/files\/api\/v1\/(configs|views)$/.exec(path)
		if (filesApi && req.method === 'GET') {
			const auth = authenticate(req, sessions)
			res.writeHead(auth.kind === 'user' ? 200 : 401, { 'Content-Type': 'application/json; charset=utf-8' })
			if (auth.kind !== 'user') {
				return void res.end(JSON.stringify({ message: 'Current user is not logged in' }))
			}
			res.end(JSON.stringify({ message: 'ok', data: filesApi[1] === 'configs' ? FILES_CONFIG : [] }))
			return
		}

		// The app's routes (PageController: `/`, `/roadmap/{path}`, `/partners`) and the dashboard.
		const isAppPage = /^\/index\.php\/apps\/degooglisation(?:\/|\/roadmap\/.+|\/partners)?$/.test(path)
		const isDashboard = /^\/index\.php\/apps\/dashboard\/?$/.test(path)
		if (isAppPage || isDashboard) {
			const session = sessions.fromCookie(req)
			if (!session) {
				return notLoggedIn(req, res, path + (url.search ? `?${encodeURIComponent(url.search.slice(1))}` : ''))
			}
			const lang = languageOf(req, url)
			const page = { user: session.user, requestToken: session.requestToken, lang, instanceName, origin: `http://${req.headers.host}`, translate: await loadTranslations(appDir, lang), assetVersion: assetVersion(appDir) }
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': `sandbox_lang=${lang}; Path=/; SameSite=Lax` })
			res.end(isAppPage ? appPage(page) : dashboardPage(page))
			return
		}
		if (handleAvatar(path, url.searchParams, options.users, res)) {
			return
		}
		if (path === '/' || path === '/index.php') {
			return redirect(res, '/index.php/apps/degooglisation/')
		}
		if (path === '/favicon.ico') {
			return serveFile(res, join(appDir, 'img'), 'app-dark.svg')
		}
		res.writeHead(404, { 'Content-Type': 'text/plain' })
		res.end('Not found')
	}

	const server = createServer((req, res) => {
		route(req, res).catch((error: Error) => {
			if (!res.headersSent) {
				sendDavError(res, 500, error.message)
			} else {
				res.end()
			}
		})
	})
	server.keepAliveTimeout = 1000
	await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	selfUrl = `http://${options.host ?? '127.0.0.1'}:${port}`
	return {
		url: selfUrl,
		hazards,
		switches,
		rotateRequestTokens: () => sessions.rotateRequestTokens(),
		expireSessions: () => sessions.expireAll(),
		close: () => new Promise<void>((resolve) => {
			store.flush()
			server.closeAllConnections()
			server.close(() => resolve())
		}),
	}
}
