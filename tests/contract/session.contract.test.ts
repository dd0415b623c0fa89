/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * What the app gets inside a browser session, on the sandbox and on a real
 * Nextcloud with the app installed: the CSRF check of WebDAV and OCS, and the
 * pages the app and its dashboard widget run in.
 */

import type { BrowserSession, Target } from './target.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { logIn, openTarget } from './target.ts'

let target: Target
let session: BrowserSession
let root: string

const dav = (path: string) => `${target.url}/remote.php/dav/files/${target.user}${path}`

function asBrowser(url: string, init: { method?: string, headers?: Record<string, string>, body?: string } = {}): Promise<Response> {
	return fetch(url, { ...init, redirect: 'manual', headers: { Cookie: session.cookie, ...init.headers } })
}

/** The app's script as a module (Nextcloud 32 adds `defer`, 34 an import map). */
function moduleScript(name: string): RegExp {
	return new RegExp(`<script nonce="[^"]+"(?= )(?=[^>]* type="module")[^>]* src="/apps/degooglisation/js/${name}\\.mjs(\\?v=[^"]*)?"[^>]*></script>`)
}

function initialState(html: string, key: string): unknown {
	const value = new RegExp(`id="initial-state-${key}" value="([^"]*)"`).exec(html)?.[1]
	return value === undefined ? undefined : JSON.parse(Buffer.from(value, 'base64').toString('utf8'))
}

beforeAll(async () => {
	target = await openTarget()
	session = await logIn(target)
	root = `/contract-session-${Date.now().toString(36)}`
	expect((await asBrowser(dav(root), { method: 'MKCOL', headers: { requesttoken: session.requestToken } })).status).toBe(201)
})

afterAll(async () => {
	await asBrowser(dav(root), { method: 'DELETE', headers: { requesttoken: session.requestToken } })
	await target.close()
})

describe('WebDAV in a browser session', () => {
	it('reads without the request token', async () => {
		await asBrowser(dav(`${root}/a.txt`), { method: 'PUT', headers: { requesttoken: session.requestToken }, body: 'a' })
		const read = await asBrowser(dav(`${root}/a.txt`))
		expect(read.status).toBe(200)
		expect(await read.text()).toBe('a')
	})

	it('refuses PROPFIND, PUT and DELETE without the request token (CSRF check), with 401 and no Basic challenge', async () => {
		for (const method of ['PROPFIND', 'PUT', 'DELETE']) {
			const response = await asBrowser(dav(`${root}/a.txt`), { method, headers: { 'X-Requested-With': 'XMLHttpRequest' }, body: method === 'PUT' ? 'b' : undefined })
			expect(response.status).toBe(401)
			expect(response.headers.get('WWW-Authenticate')).toBeNull()
			const body = await response.text()
			expect(body).toContain('<s:exception>Sabre\\DAV\\Exception\\NotAuthenticated</s:exception>')
			expect(body).toContain('<s:message>CSRF check not passed.</s:message>')
		}
		const wrongToken = await asBrowser(dav(`${root}/a.txt`), { method: 'PUT', headers: { requesttoken: 'not-the-token' }, body: 'b' })
		expect(wrongToken.status).toBe(401)
	})

	it('writes with the request token, or with an OCS-APIRequest header', async () => {
		expect((await asBrowser(dav(`${root}/a.txt`), { method: 'PROPFIND', headers: { Depth: '0', requesttoken: session.requestToken } })).status).toBe(207)
		expect((await asBrowser(dav(`${root}/b.txt`), { method: 'PUT', headers: { requesttoken: session.requestToken }, body: 'b' })).status).toBe(201)
		expect((await asBrowser(dav(`${root}/c.txt`), { method: 'PUT', headers: { 'OCS-APIRequest': 'true' }, body: 'c' })).status).toBe(201)
	})

	it('gives the session\'s token at /index.php/csrftoken', async () => {
		const response = await asBrowser(`${target.url}/index.php/csrftoken`)
		expect(response.status).toBe(200)
		const { token } = await response.json() as { token: string }
		expect((await asBrowser(dav(`${root}/d.txt`), { method: 'PUT', headers: { requesttoken: token }, body: 'd' })).status).toBe(201)
	})
})

describe('OCS in a browser session', () => {
	it('passes the CSRF check with the request token alone, and fails it with neither token nor header', async () => {
		expect((await asBrowser(`${target.url}/ocs/v2.php/cloud/user?format=json`, { headers: { requesttoken: session.requestToken } })).status).toBe(200)
		const refused = await asBrowser(`${target.url}/ocs/v2.php/cloud/user?format=json`)
		expect(refused.status).toBe(412)
		expect(await refused.json()).toEqual({ message: 'CSRF check failed' })
	})
})

describe('pages', () => {
	it('sends a browser without a session to the login form, and comes back', async () => {
		const response = await fetch(`${target.url}/index.php/apps/degooglisation/?roadmap=%2Fa&task=b`, { redirect: 'manual', headers: { Accept: 'text/html' } })
		expect(response.status).toBe(303)
		const location = new URL(response.headers.get('Location')!, target.url)
		expect(location.pathname).toBe('/index.php/login')
		expect(decodeURIComponent(location.searchParams.get('redirect_url')!)).toBe('/index.php/apps/degooglisation/?roadmap=/a&task=b')
		const api = await fetch(`${target.url}/index.php/apps/degooglisation/`, { redirect: 'manual' })
		expect(api.status).toBe(401)
	})

	it('serves the app page with the head data, globals and initial state the @nextcloud libraries read', async () => {
		for (const path of ['/index.php/apps/degooglisation/', '/index.php/apps/degooglisation/roadmap/D%C3%A9googlisation/Mairie']) {
			const response = await asBrowser(`${target.url}${path}`)
			expect(response.status).toBe(200)
			const html = await response.text()
			expect(html).toMatch(/<html [^>]*lang="[a-z]{2}[^"]*" data-locale="[^"]+"/)
			expect(html).toMatch(new RegExp(`<head data-user="${target.user}" data-user-displayname="[^"]+" data-requesttoken="[^"]+">`))
			expect(html).toContain('var _oc_webroot="";')
			expect(html).toMatch(/var _oc_appswebroots=\{[^;]*"degooglisation":"\/apps\/degooglisation"/)
			expect(html).toMatch(/var _oc_config=\{[^;]*"modRewriteWorking":false/)
			expect(html).toMatch(moduleScript('degooglisation-main'))
			expect(html).toMatch(/<link rel="stylesheet" href="\/apps\/degooglisation\/css\/degooglisation-main\.css(\?v=[^"]*)?">/)
			expect(html).toMatch(/<div id="content" class="app-degooglisation">\s*<h1 class="hidden-visually" id="page-heading-level-1">[^<]+<\/h1>\s*<div id="degooglisation-app"><\/div>/)
			expect(initialState(html, 'core-capabilities')).toMatchObject({ files_sharing: { api_enabled: true } })
			expect(initialState(html, 'core-active-app')).toBe('degooglisation')
		}
		expect((await asBrowser(`${target.url}/index.php/apps/degooglisation/elsewhere`)).status).toBe(404)
	})

	it('serves the dashboard with the widget\'s panel, absolute links and its script', async () => {
		const html = await (await asBrowser(`${target.url}/index.php/apps/dashboard/`)).text()
		const panels = initialState(html, 'dashboard-panels') as Record<string, Record<string, unknown>>
		expect(panels.degooglisation).toEqual({
			id: 'degooglisation',
			title: expect.stringMatching(/^Dégooglisation ?: /),
			iconClass: 'icon-degooglisation',
			iconUrl: `${target.url}/apps/degooglisation/img/app-dark.svg`,
			url: `${target.url}/index.php/apps/degooglisation/`,
		})
		expect(html).toMatch(moduleScript('degooglisation-dashboard-with-l10n'))
	})
})
