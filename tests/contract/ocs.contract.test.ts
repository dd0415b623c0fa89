/** What the app relies on from Nextcloud's OCS API and status page, on the sandbox and on a real Nextcloud. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { OcsClient, OcsError } from '../../src/storage/ocs'
import type { Target } from './target'
import { basicAuth, openTarget } from './target'

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
		expect((await response.json()).ocs.meta.statuscode).toBe(100)
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
		const data = await client.request<Record<string, unknown>>('GET', 'apps/files_sharing/api/v1/sharees', { search: 'agent@cloud.mairie-b.fr', itemType: 'folder' })
		expect(Object.keys(data)).toEqual(expect.arrayContaining(['exact', 'users', 'groups', 'remotes', 'lookup']))
		expect(Array.isArray(data.users)).toBe(true)
	})
})

describe('status.php', () => {
	it('says the server is installed and which version it runs', async () => {
		const status = await (await fetch(`${target.url}/status.php`)).json()
		expect(status).toMatchObject({ installed: true, maintenance: false, productname: 'Nextcloud' })
		expect(status.versionstring).toMatch(/^\d+\.\d+\.\d+$/)
	})
})
