/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The browser transport's recovery against the sandbox's answers, which are
 * Nextcloud's (sandbox/switches.test.ts): a new token fetched once, an ended
 * session told, maintenance waited out. Cookies are carried by hand: Node's fetch keeps none.
 */

import type { ConnectionState, Transport } from './transport.ts'

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { startSandbox } from '../../sandbox/server.ts'
import { connectionState, onConnectionChange, withNextcloudRecovery } from './transport.ts'

let sandbox: Awaited<ReturnType<typeof startSandbox>>
let dataDir: string
let cookie: string
let token: string

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-transport-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }] })
})
afterAll(async () => {
	await sandbox.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})

const currentToken = async () => ((await (await fetch(`${sandbox.url}/index.php/csrftoken`, { headers: { cookie } })).json()) as { token: string }).token

beforeEach(async () => {
	sandbox.switches.maintenance = false
	const login = await fetch(`${sandbox.url}/index.php/login?user=alice&password=alice`, { redirect: 'manual' })
	cookie = login.headers.get('Set-Cookie')!.split(';')[0]!
	token = await currentToken()
	// Each test starts connected.
	await transport()(`${sandbox.url}/status.php`)
})

const withCookie: Transport = (input, init = {}) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init.headers)), cookie } })
const refreshRequestToken = vi.fn(async () => (token = await currentToken()))
const transport = (maintenanceDelaysMs = [30, 30, 30]) => withNextcloudRecovery(withCookie, { refreshRequestToken, maintenanceDelaysMs })
const put = (send: Transport, name: string) => send(`${sandbox.url}/remote.php/dav/files/alice/${name}`, { method: 'PUT', body: 'x', headers: { requesttoken: token, 'X-Requested-With': 'XMLHttpRequest' } })

function heard(): ConnectionState[] {
	const states: ConnectionState[] = []
	onConnectionChange((state) => states.push(state))
	return states
}

describe('the browser transport', () => {
	it('fetches the new request token once when Nextcloud refuses the old one, and sends the request again', async () => {
		refreshRequestToken.mockClear()
		sandbox.rotateRequestTokens()
		const response = await put(transport(), 'after-rotation.txt')
		expect(response.status).toBe(201)
		expect(refreshRequestToken).toHaveBeenCalledOnce()
		expect(connectionState()).toBe('ok')
	})

	it('tells the page the session has ended, and answers the request with Nextcloud\'s 401', async () => {
		const states = heard()
		sandbox.expireSessions()
		const response = await put(transport(), 'after-expiry.txt')
		expect(response.status).toBe(401)
		expect(await response.text()).toContain('Cannot authenticate over ajax calls')
		expect(states).toEqual(['session-expired'])
	})

	it('waits maintenance mode out, then the request goes through', async () => {
		const states = heard()
		sandbox.switches.maintenance = true
		setTimeout(() => (sandbox.switches.maintenance = false), 45)
		const response = await put(transport(), 'after-maintenance.txt')
		expect(response.status).toBe(201)
		expect(states).toEqual(['maintenance', 'ok'])
	})

	it('gives up after its last wait, answering the 503 and staying in maintenance', async () => {
		sandbox.switches.maintenance = true
		const response = await transport([10, 10])(`${sandbox.url}/ocs/v2.php/apps/files_sharing/api/v1/shares?format=json`, { headers: { 'OCS-APIRequest': 'true' } })
		expect([response.status, response.headers.get('X-Nextcloud-Maintenance-Mode')]).toEqual([503, '1'])
		expect(connectionState()).toBe('maintenance')
	})
})
