/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Federation between two sandboxes, beyond what the contract suite can check
 * on real servers: the owner's permissions and refusals reach the partner, a
 * declined share ends on the owner's side, and the partner's server answers
 * 503 while the owner's server is down.
 */

import type { Sandbox } from './server.ts'

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from './server.ts'

let dirs: string[]
let commune: Sandbox
let partner: Sandbox

const basic = (user: string) => ({ Authorization: `Basic ${Buffer.from(`${user}:${user}`).toString('base64')}`, 'OCS-APIRequest': 'true' })
async function ocs(server: Sandbox, user: string, method: string, path: string, body?: Record<string, unknown>) {
	const response = await fetch(`${server.url}/ocs/v2.php/apps/files_sharing/api/v1/${path}?format=json`, { method, headers: { ...basic(user), 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) })
	return { status: response.status, ocs: (await response.json()).ocs }
}
function dav(server: Sandbox, user: string, path: string, init: RequestInit = {}) {
	return fetch(`${server.url}/remote.php/dav/files/${user}${path.split('/').map(encodeURIComponent).join('/')}`, { ...init, headers: { ...basic(user), ...init.headers as Record<string, string> } })
}

/** alice shares `/name` with bastien, who accepts it; returns the owner's share id. */
async function shareAndAccept(name: string, permissions: number): Promise<string> {
	await dav(commune, 'alice', `/${name}`, { method: 'MKCOL' })
	await dav(commune, 'alice', `/${name}/plan.txt`, { method: 'PUT', body: 'v1' })
	const created = await ocs(commune, 'alice', 'POST', 'shares', { path: `/${name}`, shareType: 6, shareWith: `bastien@${partner.url}`, permissions })
	expect(created.status).toBe(200)
	const pending = (await ocs(partner, 'bastien', 'GET', 'remote_shares/pending')).ocs.data.find((s: { name: string }) => s.name === `/${name}`)
	expect((await ocs(partner, 'bastien', 'POST', `remote_shares/pending/${pending.id}`)).status).toBe(200)
	return created.ocs.data.id
}

beforeAll(async () => {
	dirs = await Promise.all([mkdtemp(join(tmpdir(), 'degooglisation-fed-a-')), mkdtemp(join(tmpdir(), 'degooglisation-fed-b-'))])
	commune = await startSandbox({ port: 0, dataDir: dirs[0], users: [{ id: 'alice', displayName: 'Alice Martin', password: 'alice' }], hazards: { preconditionGapMs: 0 } })
	partner = await startSandbox({ port: 0, dataDir: dirs[1], users: [{ id: 'bastien', displayName: 'Bastien Roux', password: 'bastien' }], hazards: { preconditionGapMs: 0 } })
})
afterAll(async () => {
	await partner.close()
	await commune.close().catch(() => undefined)
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('federation between two sandboxes', () => {
	it('gives the partner the share\'s permissions: a read-only share refuses writes with the owner\'s 403', async () => {
		await shareAndAccept('Lecture', 1)
		const listing = await dav(partner, 'bastien', '/', { method: 'PROPFIND', headers: { Depth: '1' }, body: '<d:propfind xmlns:d="DAV:" xmlns:oc="http://owncloud.org/ns"><d:prop><oc:permissions/></d:prop></d:propfind>' })
		expect(await listing.text()).toContain('<d:href>/remote.php/dav/files/bastien/Lecture/</d:href><d:propstat><d:prop><oc:permissions>SRGDNV</oc:permissions>')
		const mounted = (await ocs(partner, 'bastien', 'GET', 'remote_shares')).ocs.data.find((s: { name: string }) => s.name === '/Lecture')
		expect(mounted).toMatchObject({ permissions: 25, type: 'dir', mountpoint: '/Lecture', accepted: 1 })
		expect(await (await dav(partner, 'bastien', '/Lecture/plan.txt')).text()).toBe('v1')
		const refused = await dav(partner, 'bastien', '/Lecture/plan.txt', { method: 'PUT', body: 'v2' })
		expect(refused.status).toBe(403)
		expect(await (await dav(commune, 'alice', '/Lecture/plan.txt')).text()).toBe('v1')
	})

	it('lands the partner\'s writes in the owner\'s file, with the owner\'s ETag', async () => {
		await shareAndAccept('Ecriture', 15)
		const written = await dav(partner, 'bastien', '/Ecriture/plan.txt', { method: 'PUT', body: 'v2' })
		expect(written.status).toBe(204)
		const seenByOwner = await dav(commune, 'alice', '/Ecriture/plan.txt')
		expect(await seenByOwner.text()).toBe('v2')
		expect(written.headers.get('ETag')).toBe(seenByOwner.headers.get('ETag'))
	})

	it('follows the owner\'s permission changes, and ends the share when the owner deletes the folder', async () => {
		const id = await shareAndAccept('Evolutif', 1)
		const remoteShare = async () => (await ocs(partner, 'bastien', 'GET', 'remote_shares')).ocs.data.find((s: { name: string }) => s.name === '/Evolutif')
		expect((await remoteShare()).permissions).toBe(25)
		expect((await ocs(commune, 'alice', 'PUT', `shares/${id}`, { permissions: 15 })).status).toBe(200)
		expect((await remoteShare()).permissions).toBe(31)
		expect((await dav(partner, 'bastien', '/Evolutif/plan.txt', { method: 'PUT', body: 'v2' })).status).toBe(204)
		expect((await dav(commune, 'alice', '/Evolutif', { method: 'DELETE' })).status).toBe(204)
		expect(await remoteShare()).toBeUndefined()
	})

	it('ends the owner\'s share when the partner declines it', async () => {
		await dav(commune, 'alice', '/Refus', { method: 'MKCOL' })
		const created = await ocs(commune, 'alice', 'POST', 'shares', { path: '/Refus', shareType: 6, shareWith: `bastien@${partner.url}`, permissions: 1 })
		const pending = (await ocs(partner, 'bastien', 'GET', 'remote_shares/pending')).ocs.data.find((s: { name: string }) => s.name === '/Refus')
		expect((await ocs(partner, 'bastien', 'DELETE', `remote_shares/pending/${pending.id}`)).status).toBe(200)
		expect((await ocs(commune, 'alice', 'GET', `shares/${created.ocs.data.id}`)).status).toBe(404)
	})

	it('answers 503 while the owner\'s server is down, and leaves the mount out of listings', async () => {
		await commune.close()
		const read = await dav(partner, 'bastien', '/Ecriture/plan.txt')
		expect(read.status).toBe(503)
		expect(await read.text()).toContain('<s:exception>Sabre\\DAV\\Exception\\ServiceUnavailable</s:exception>')
		const listing = await (await dav(partner, 'bastien', '/', { method: 'PROPFIND', headers: { Depth: '1' } })).text()
		expect(listing).not.toContain('/Ecriture/')
		const accepted = (await ocs(partner, 'bastien', 'GET', 'remote_shares')).ocs.data.find((s: { name: string }) => s.name === '/Ecriture')
		expect(accepted).toBeDefined()
		expect(accepted.type).toBeUndefined()
	})
})
