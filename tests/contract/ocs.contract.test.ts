/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** What the app relies on from Nextcloud's OCS API and status page, on the sandbox and on a real Nextcloud. */

import type { Target } from './target.ts'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OcsClient, OcsError } from '../../src/storage/ocs.ts'
import { basicAuth, openTarget } from './target.ts'

let target: Target

beforeAll(async () => {
	target = await openTarget()
})
afterAll(() => target.close())

describe('OCS', () => {
	it('gives the current user in the v2 JSON shape', async () => {
		const response = await fetch(`${target.url}/ocs/v2.php/cloud/user?format=json`, { headers: { Authorization: basicAuth(target.user, target.password), 'OCS-APIRequest': 'true' } })
		expect(response.status).toBe(200)
		const body = await response.json()
		expect(body.ocs.meta).toMatchObject({ status: 'ok', statuscode: 200, message: 'OK' })
		expect(body.ocs.data).toMatchObject({ id: target.user, enabled: true })
		expect(typeof body.ocs.data['display-name']).toBe('string')
	})

	it('answers v1 with HTTP 200 and status code 100', async () => {
		const response = await fetch(`${target.url}/ocs/v1.php/cloud/user?format=json`, { headers: { Authorization: basicAuth(target.user, target.password), 'OCS-APIRequest': 'true' } })
		expect(response.status).toBe(200)
		expect((await response.json()).ocs.meta).toEqual({ status: 'ok', statuscode: 100, message: 'OK', totalitems: '', itemsperpage: '' })
	})

	it('answers in XML unless JSON is asked for', async () => {
		const response = await fetch(`${target.url}/ocs/v2.php/cloud/user`, { headers: { Authorization: basicAuth(target.user, target.password), 'OCS-APIRequest': 'true' } })
		expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8')
		const xml = await response.text()
		expect(xml).toMatch(/^<\?xml version="1.0"\?>\n<ocs>\n <meta>\n {2}<status>ok<\/status>\n {2}<statuscode>200<\/statuscode>\n {2}<message>OK<\/message>\n <\/meta>\n <data>\n {2}<enabled>1<\/enabled>\n/)
		expect(xml).toContain(`  <id>${target.user}</id>\n`)
		expect(xml).toContain('  <subadmin/>\n')
		const json = await fetch(`${target.url}/ocs/v2.php/cloud/user`, { headers: { Authorization: basicAuth(target.user, target.password), 'OCS-APIRequest': 'true', Accept: 'application/json, text/plain, */*' } })
		expect(json.headers.get('Content-Type')).toBe('application/json; charset=utf-8')
	})

	it('answers an unknown endpoint with status code 998', async () => {
		const headers = { Authorization: basicAuth(target.user, target.password), 'OCS-APIRequest': 'true' }
		const v2 = await fetch(`${target.url}/ocs/v2.php/cloud/no-such-endpoint?format=json`, { headers })
		expect(v2.status).toBe(404)
		expect((await v2.json()).ocs.meta).toMatchObject({ status: 'failure', statuscode: 998, message: expect.stringMatching(/^Invalid query, please check the syntax/) })
		const v1 = await fetch(`${target.url}/ocs/v1.php/cloud/no-such-endpoint?format=json`, { headers })
		expect(v1.status).toBe(200)
		expect((await v1.json()).ocs.meta.statuscode).toBe(998)
	})

	it('answers a wrong password with 401, status code 997 and a Basic challenge', async () => {
		const response = await fetch(`${target.url}/ocs/v2.php/cloud/user?format=json`, { headers: { Authorization: basicAuth(target.user, 'wrong-password'), 'OCS-APIRequest': 'true' } })
		expect(response.status).toBe(401)
		expect(response.headers.get('WWW-Authenticate')).toBe('Basic realm="Authorisation Required"')
		expect((await response.json()).ocs.meta).toEqual({ status: 'failure', statuscode: 997, message: 'Unauthorised' })
	})

	it('gives the capabilities to anyone who sends the OCS-APIRequest header', async () => {
		const anonymous = await fetch(`${target.url}/ocs/v2.php/cloud/capabilities?format=json`, { headers: { 'OCS-APIRequest': 'true' } })
		expect(anonymous.status).toBe(200)
		expect((await anonymous.json()).ocs.data.version).toEqual({ major: expect.any(Number), minor: expect.any(Number), micro: expect.any(Number), string: expect.any(String), edition: '', extendedSupport: false })
		expect((await fetch(`${target.url}/ocs/v2.php/cloud/capabilities?format=json`)).status).toBe(412)
		const known = await fetch(`${target.url}/ocs/v2.php/cloud/capabilities?format=json`, { headers: { Authorization: basicAuth(target.user, target.password), 'OCS-APIRequest': 'true' } })
		expect((await known.json()).ocs.data.capabilities.files_sharing).toMatchObject({ api_enabled: true, federation: { outgoing: true, incoming: true } })
	})

	it('refuses a request without the OCS-APIRequest header (CSRF check)', async () => {
		const response = await fetch(`${target.url}/ocs/v2.php/cloud/user?format=json`, { headers: { Authorization: basicAuth(target.user, target.password) } })
		expect(response.status).toBe(412)
		expect(await response.json()).toEqual({ message: 'CSRF check failed' })
	})

	it('answers 401 with status code 997 to an anonymous request', async () => {
		const response = await fetch(`${target.url}/ocs/v2.php/cloud/user?format=json`, { headers: { 'OCS-APIRequest': 'true' } })
		expect(response.status).toBe(401)
		expect((await response.json()).ocs.meta).toMatchObject({ status: 'failure', statuscode: 997 })
	})

	it('reports errors through OcsClient with the server\'s message', async () => {
		const client = new OcsClient({ baseUrl: target.url, auth: { user: target.user, password: 'wrong-password' } })
		await expect(client.request('GET', 'cloud/user')).rejects.toBeInstanceOf(OcsError)
	})

	it('returns sharee search results in Nextcloud\'s shape', async () => {
		const client = new OcsClient({ baseUrl: target.url, auth: { user: target.user, password: target.password } })
		const data = await client.request<Record<string, any>>('GET', 'apps/files_sharing/api/v1/sharees', { search: 'agent@cloud.mairie-b.fr', itemType: 'folder' })
		expect(Object.keys(data)).toEqual(['exact', 'users', 'groups', 'remotes', 'remote_groups', 'emails', 'lookup', 'circles', 'rooms', 'lookupEnabled'])
		expect(Object.keys(data.exact)).toEqual(['users', 'groups', 'remotes', 'remote_groups', 'emails', 'circles', 'rooms'])
		// A typed cloud id is offered as a federated share, and as an e-mail share.
		expect(data.exact.remotes).toEqual([{ label: 'agent (cloud.mairie-b.fr)', uuid: 'agent', name: 'agent', value: expect.objectContaining({ shareType: 6, shareWith: 'agent@cloud.mairie-b.fr', server: 'cloud.mairie-b.fr' }) }])
		expect(data.exact.emails).toEqual([{ label: 'agent@cloud.mairie-b.fr', uuid: 'agent@cloud.mairie-b.fr', value: { shareType: 4, shareWith: 'agent@cloud.mairie-b.fr' } }])
	})

	it('finds other users by part of their name', async (context) => {
		if (!target.otherUser) {
			context.skip()
		}
		const client = new OcsClient({ baseUrl: target.url, auth: { user: target.user, password: target.password } })
		const other = await client.request<Record<string, any>>('GET', 'apps/files_sharing/api/v1/sharees', { search: target.otherUser!.slice(0, 2), itemType: 'file' })
		expect(other.users).toContainEqual({ label: expect.any(String), subline: '', icon: 'icon-user', value: { shareType: 0, shareWith: target.otherUser }, shareWithDisplayNameUnique: target.otherUser, status: [] })
		expect(other.users.map((u: { value: { shareWith: string } }) => u.value.shareWith)).not.toContain(target.user)
		const autocomplete = await client.request<Array<Record<string, unknown>>>('GET', 'core/autocomplete/get', { search: target.otherUser!.slice(0, 2) })
		expect(autocomplete).toContainEqual({ id: target.otherUser, label: expect.any(String), icon: 'icon-user', source: 'users', status: '', subline: '', shareWithDisplayNameUnique: target.otherUser })
	})

	it('offers users, groups and a typed federated cloud id through OcsClient.searchSharees', async (context) => {
		if (!target.otherUser) {
			context.skip()
		}
		const client = new OcsClient({ baseUrl: target.url, auth: { user: target.user, password: target.password } })
		const found = await client.searchSharees(target.otherUser!.slice(0, 2))
		expect(found).toContainEqual({ label: expect.any(String), shareType: 0, shareWith: target.otherUser })
		expect(found.map((s) => s.shareWith)).not.toContain(target.user)
		const remote = await client.searchSharees('agent@cloud.mairie-b.fr')
		expect(remote[0]).toEqual({ label: 'agent (cloud.mairie-b.fr)', shareType: 6, shareWith: 'agent@cloud.mairie-b.fr', server: 'cloud.mairie-b.fr' })
		// Asked for users only, no group or remote comes back.
		expect((await client.searchSharees('agent@cloud.mairie-b.fr', [0])).filter((s) => s.shareType !== 0)).toEqual([])
	})
})

describe('status.php', () => {
	it('says the server is installed and which version it runs', async () => {
		const status = await (await fetch(`${target.url}/status.php`)).json()
		expect(status).toMatchObject({ installed: true, maintenance: false, productname: 'Nextcloud' })
		expect(status.versionstring).toMatch(/^\d+\.\d+\.\d+$/)
	})
})

describe('the Files app API that Nextcloud\'s file picker reads', () => {
	const get = (name: string, auth = true) => fetch(`${target.url}/index.php/apps/files/api/v1/${name}`, { headers: auth ? { Authorization: basicAuth(target.user, target.password), 'OCS-APIRequest': 'true' } : {} })

	it('gives the user\'s Files settings, hidden files not shown', async () => {
		const response = await get('configs')
		expect(response.status).toBe(200)
		const body = await response.json()
		expect(body.message).toBe('ok')
		expect(body.data).toMatchObject({ show_hidden: false, sort_folders_first: true, crop_image_previews: true })
	})

	it('gives the Files views as a list', async () => {
		const response = await get('views')
		expect(response.status).toBe(200)
		expect(await response.json()).toEqual({ message: 'ok', data: [] })
	})

	it('refuses a caller who is not logged in', async () => {
		const response = await get('configs', false)
		expect(response.status).toBe(401)
		expect(await response.json()).toEqual({ message: 'Current user is not logged in' })
	})
})
