/**
 * The sandbox: a Nextcloud-compatible server for trying the app and testing
 * it without Nextcloud. WebDAV, the OCS endpoints the app uses, a page shell
 * and a dashboard page. Whatever it emulates, tests/contract checks against a
 * real Nextcloud too; where they differ, Nextcloud is right.
 */
import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import type { SandboxUser } from './auth'
import { authenticate, SESSION_COOKIE, Sessions } from './auth'
import { FsStore } from './fsStore'
import type { HazardConfig } from './hazards'
import { DEFAULT_HAZARDS, HazardDice } from './hazards'
import { handleOcs, NEXTCLOUD_VERSION, sendOcs } from './ocs'
import { appPage, dashboardPage, loginPage } from './pages'
import { handleDav, readBody, sendDavError } from './webdav'

export interface SandboxOptions {
	port: number
	host?: string
	dataDir: string
	users: SandboxUser[]
	instanceName?: string
	/** The project root, whose js/ css/ img/ l10n/ are served as the app's. */
	appDir?: string
	hazards?: Partial<HazardConfig>
	/** Lets tests change hazards over HTTP (POST /sandbox/hazards). */
	allowHazardControl?: boolean
}

export interface Sandbox {
	url: string
	/** Mutable: change it to turn hazards on and off. */
	hazards: HazardConfig
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

function redirect(res: ServerResponse, location: string, headers: Record<string, string | string[]> = {}): void {
	res.writeHead(303, { Location: location, ...headers })
	res.end()
}

async function serveFile(res: ServerResponse, root: string, relative: string): Promise<void> {
	const path = normalize(join(root, relative))
	if (!path.startsWith(normalize(root))) {
		res.writeHead(403)
		res.end()
		return
	}
	try {
		const body = await readFile(path)
		res.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(path)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' })
		res.end(body)
	} catch {
		res.writeHead(404, { 'Content-Type': 'text/plain' })
		res.end('Not found')
	}
}

function languageOf(req: IncomingMessage, url: URL): 'fr' | 'en' {
	const asked = url.searchParams.get('lang')
	if (asked === 'fr' || asked === 'en') return asked
	return /(?:^|;\s*)sandbox_lang=en/.test(req.headers.cookie ?? '') ? 'en' : 'fr'
}

export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
	const store = new FsStore(options.dataDir)
	for (const user of options.users) store.ensureUser(user.id)
	const sessions = new Sessions(options.users)
	const hazards: HazardConfig = { ...DEFAULT_HAZARDS, ...options.hazards }
	const dice = new HazardDice(hazards)
	const instanceName = options.instanceName ?? 'Nextcloud (sandbox)'
	const instanceId = `oc${randomBytes(5).toString('hex')}`
	const appDir = options.appDir ?? join(import.meta.dirname, '..')
	const davContext = { store, hazards, dice, instanceId, displayName: (id: string) => sessions.findUser(id)?.displayName ?? id }

	async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://sandbox')
		const path = url.pathname

		if (path === '/status.php') {
			res.writeHead(200, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify({ installed: true, maintenance: false, needsDbUpgrade: false, version: NEXTCLOUD_VERSION.full, versionstring: NEXTCLOUD_VERSION.string, edition: '', productname: 'Nextcloud', extendedSupport: false }))
			return
		}

		const dav = /^\/remote\.php\/dav\/files\/([^/]+)(\/.*)?$/.exec(path)
		if (dav) {
			const auth = authenticate(req, sessions, false)
			if (auth.kind !== 'user') {
				await readBody(req)
				if (auth.kind === 'csrf') return sendDavError(res, 401, 'CSRF check not passed.')
				const xhr = req.headers['x-requested-with'] === 'XMLHttpRequest'
				res.writeHead(401, { 'Content-Type': 'application/xml; charset=utf-8', 'WWW-Authenticate': xhr ? 'DummyBasic realm="Nextcloud"' : 'Basic realm="Nextcloud", charset="UTF-8"' })
				res.end('<?xml version="1.0" encoding="utf-8"?>\n<d:error xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns">\n  <s:exception>Sabre\\DAV\\Exception\\NotAuthenticated</s:exception>\n  <s:message>No public access to this resource., Username or password was incorrect</s:message>\n</d:error>\n')
				return
			}
			if (decodeURIComponent(dav[1]) !== auth.user.id) {
				await readBody(req)
				return sendDavError(res, 404, 'Principal with name not found')
			}
			return handleDav(req, res, auth.user.id, dav[2] ?? '/', davContext)
		}

		const ocs = /^\/ocs\/v([12])\.php(\/.*)$/.exec(path)
		if (ocs) {
			const version = Number(ocs[1]) as 1 | 2
			const auth = authenticate(req, sessions, true)
			await readBody(req)
			if (auth.kind === 'bad-credentials' || auth.kind === 'anonymous') return sendOcs(res, version, 997, [], 'Current user is not logged in')
			if (auth.kind === 'csrf' || req.headers['ocs-apirequest'] !== 'true') {
				res.writeHead(412, { 'Content-Type': 'application/json' })
				res.end(JSON.stringify({ message: 'CSRF check failed' }))
				return
			}
			return handleOcs(req, res, version, ocs[2], url.searchParams, auth.user, { users: options.users })
		}

		if (path === '/sandbox/hazards' && options.allowHazardControl && req.method === 'POST') {
			Object.assign(hazards, JSON.parse((await readBody(req)).toString('utf8') || '{}'))
			res.writeHead(200, { 'Content-Type': 'application/json' })
			res.end(JSON.stringify(hazards))
			return
		}
		if (path === '/sandbox/nextcloud-vars.css') return serveFile(res, join(import.meta.dirname, 'assets'), 'nextcloud-vars.css')
		const asset = /^\/apps\/degooglisation\/((?:js|css|img|l10n)\/.+)$/.exec(path)
		if (asset) return serveFile(res, appDir, decodeURIComponent(asset[1]))

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
			res.writeHead(id !== null ? 403 : 200, { 'Content-Type': 'text/html; charset=utf-8' })
			res.end(loginPage(options.users, id !== null ? 'Mauvais identifiant ou mot de passe.' : null, redirectUrl))
			return
		}
		if (path === '/index.php/logout') {
			sessions.close(req)
			return redirect(res, '/index.php/login', { 'Set-Cookie': `${SESSION_COOKIE}=; Path=/; Max-Age=0` })
		}

		const isAppPage = path === '/index.php/apps/degooglisation' || path.startsWith('/index.php/apps/degooglisation/')
		const isDashboard = path === '/index.php/apps/dashboard/' || path === '/index.php/apps/dashboard'
		if (isAppPage || isDashboard) {
			const session = sessions.fromCookie(req)
			if (!session) return redirect(res, `/index.php/login?redirect_url=${encodeURIComponent(path + url.search)}`)
			const lang = languageOf(req, url)
			const page = { user: session.user, requestToken: session.requestToken, lang, instanceName }
			res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Set-Cookie': `sandbox_lang=${lang}; Path=/; SameSite=Lax` })
			res.end(isAppPage ? appPage(page) : dashboardPage(page))
			return
		}
		if (path === '/' || path === '/index.php') return redirect(res, '/index.php/apps/degooglisation/')
		if (path === '/favicon.ico') return serveFile(res, join(appDir, 'img'), 'app-dark.svg')
		res.writeHead(404, { 'Content-Type': 'text/plain' })
		res.end('Not found')
	}

	const server = createServer((req, res) => {
		route(req, res).catch((error: Error) => {
			if (!res.headersSent) sendDavError(res, 500, error.message)
			else res.end()
		})
	})
	server.keepAliveTimeout = 1000
	await new Promise<void>((resolve) => server.listen(options.port, options.host ?? '127.0.0.1', resolve))
	const { port } = server.address() as AddressInfo
	return {
		url: `http://${options.host ?? '127.0.0.1'}:${port}`,
		hazards,
		close: () => new Promise<void>((resolve) => {
			store.flush()
			server.closeAllConnections()
			server.close(() => resolve())
		}),
	}
}
