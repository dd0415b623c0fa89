/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The sandbox's switches answer as Nextcloud 32 and 34 were measured to
 * (docs/sandbox.md): maintenance mode, a request token changed by a login
 * elsewhere, a session that has ended.
 */

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from './server.ts'

let sandbox: Awaited<ReturnType<typeof startSandbox>>
let dataDir: string

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-switches-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }] })
})
afterAll(async () => {
	await sandbox.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})

/** A browser's session: its cookie and the page's request token. */
async function logIn(): Promise<{ cookie: string, token: string }> {
	const login = await fetch(`${sandbox.url}/index.php/login?user=alice&password=alice`, { redirect: 'manual' })
	const cookie = login.headers.get('Set-Cookie')!.split(';')[0]!
	const { token } = await (await fetch(`${sandbox.url}/index.php/csrftoken`, { headers: { cookie } })).json() as { token: string }
	return { cookie, token }
}

function propfind(session: { cookie: string, token: string }) {
	return fetch(`${sandbox.url}/remote.php/dav/files/alice/`, {
		method: 'PROPFIND',
		headers: { cookie: session.cookie, requesttoken: session.token, 'X-Requested-With': 'XMLHttpRequest', Depth: '0' },
	})
}
function ocs(session: { cookie: string, token: string }) {
	return fetch(`${sandbox.url}/ocs/v2.php/apps/files_sharing/api/v1/shares?format=json`, {
		headers: { cookie: session.cookie, requesttoken: session.token, 'OCS-APIRequest': 'true', 'X-Requested-With': 'XMLHttpRequest' },
	})
}

describe('sandbox switches', () => {
	it('maintenance mode: 503 everywhere but the static files, with the maintenance header from OCS and index.php, not from WebDAV', async () => {
		const session = await logIn()
		sandbox.switches.maintenance = true
		try {
			const dav = await propfind(session)
			expect([dav.status, dav.headers.get('X-Nextcloud-Maintenance-Mode')]).toEqual([503, null])
			expect(await dav.text()).toContain('<s:exception>OCA\\DAV\\Exception\\ServerMaintenanceMode</s:exception>')
			const api = await ocs(session)
			expect([api.status, api.headers.get('X-Nextcloud-Maintenance-Mode')]).toEqual([503, '1'])
			expect(await api.json()).toEqual({ ocs: { meta: { status: 'failure', statuscode: 503, message: 'Service unavailable' }, data: [] } })
			const page = await fetch(`${sandbox.url}/index.php/apps/degooglisation/`, { headers: { cookie: session.cookie } })
			expect([page.status, page.headers.get('X-Nextcloud-Maintenance-Mode'), page.headers.get('Retry-After')]).toEqual([503, '1', '120'])
			expect((await (await fetch(`${sandbox.url}/status.php`)).json()).maintenance).toBe(true)
		} finally {
			sandbox.switches.maintenance = false
		}
		expect((await propfind(session)).status).toBe(207)
	})

	it('a login elsewhere gives the session a new token: WebDAV refuses the old one, OCS does not need it', async () => {
		const session = await logIn()
		sandbox.rotateRequestTokens()
		const dav = await propfind(session)
		expect(dav.status).toBe(401)
		expect(await dav.text()).toContain('CSRF check not passed.')
		expect((await ocs(session)).status).toBe(200)
		const { token } = await (await fetch(`${sandbox.url}/index.php/csrftoken`, { headers: { cookie: session.cookie } })).json() as { token: string }
		expect((await propfind({ ...session, token })).status).toBe(207)
	})

	it('an ended session: 401 "Cannot authenticate over ajax calls" from WebDAV, 997 "Current user is not logged in" from OCS, the login form for a page', async () => {
		const session = await logIn()
		sandbox.expireSessions()
		const dav = await propfind(session)
		expect([dav.status, dav.headers.get('WWW-Authenticate')]).toEqual([401, 'DummyBasic realm="Nextcloud"'])
		expect(await dav.text()).toContain('Cannot authenticate over ajax calls')
		const api = await ocs(session)
		expect(api.status).toBe(401)
		expect(await api.json()).toEqual({ ocs: { meta: { status: 'failure', statuscode: 997, message: 'Current user is not logged in' }, data: [] } })
		const page = await fetch(`${sandbox.url}/index.php/apps/degooglisation/`, { headers: { cookie: session.cookie, Accept: 'text/html' }, redirect: 'manual' })
		expect([page.status, page.headers.get('Location')]).toEqual([303, '/index.php/login?redirect_url=/index.php/apps/degooglisation/'])
	})
})
