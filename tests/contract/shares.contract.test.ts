/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Sharing a roadmap folder through Nextcloud's own share API: with a
 * colleague, with the owner's group, and with a partner on another server
 * (federation). Runs against two sandboxes, or two real servers (see
 * openSharingTargets in target.ts). Nextcloud rate-limits share creation, so
 * each test creates few shares, and a 429 is waited out.
 */

import type { AddressInfo, Socket } from 'node:net'
import type { RemoteShare, Share } from '../../src/storage/ocs.ts'
import type { Account, SharingTargets } from './target.ts'

import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newWriterId } from '../../src/domain/ids.ts'
import { sampleRoadmap } from '../../src/domain/testing/sampleRoadmap.ts'
import { DavError } from '../../src/storage/dav.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { OcsClient, OcsError, SHARE_PERMISSION, SHARE_TYPE } from '../../src/storage/ocs.ts'
import { discoverRoadmaps } from '../../src/storage/roadmapDiscovery.ts'
import { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'
import { openSharingTargets } from './target.ts'

const targets: SharingTargets | null = await openSharingTargets()
const { owner, colleague, partner, group } = targets ?? ({} as SharingTargets)

afterAll(() => targets?.close())

const ocs = (a: Account) => new OcsClient({ baseUrl: a.url, auth: a })
const dav = (a: Account) => createNodeDavClient(a)
const folder = (a: Account, path: string) => new RoadmapFolder({ dav: dav(a), path, writer: { id: newWriterId(), author: a.user }, retry: { attempts: 8, baseDelayMs: 200, maxDelayMs: 2000 } })
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const run = Date.now().toString(36)

/** Nextcloud writes the scheme of a federated cloud id only when it is not https. */
/** The owner's Nextcloud major version (the sandbox says 32): a few answers differ in 34. */
const ownerMajor = targets ? Number((await (await fetch(`${owner.url}/status.php`)).json()).version.split('.')[0]) : 0

const cloudId = (a: Account) => `${a.user}@${a.url.replace(/^https:\/\//, '').replace(/\/+$/, '')}`

/**
 * Nextcloud lets a user create 20 shares in 10 minutes (ShareAPIController::createShare,
 * #[UserRateLimit(limit: 20, period: 600)]), refused ones included; the suite creates 7, so
 * runs in a row reach it. A 429 is waited out, for up to that period, rather than failing.
 */
const RATE_LIMIT_WAIT_MS = 630_000

async function creating<T>(create: () => Promise<T>): Promise<T> {
	const started = Date.now()
	for (;;) {
		try {
			return await create()
		} catch (error) {
			if (!(error instanceof OcsError) || error.status !== 429 || Date.now() - started > RATE_LIMIT_WAIT_MS) {
				throw error
			}
			await sleep(30000)
		}
	}
}

/** Creates a share, waiting out Nextcloud's rate limit (429) rather than hammering it. */
function share(path: string, shareType: number, shareWith: string, permissions: number): Promise<Share> {
	return creating(() => ocs(owner).createShare(path, shareType, shareWith, permissions))
}

/**
 * A partner server that accepts connections and never answers, on this machine: the owner's
 * server must reach it, so the owner must run here too (its URL on 127.0.0.1 or localhost), or
 * NEXTCLOUD_SILENT_PARTNER_HOST must give the address at which it reaches this machine.
 */
async function silentPartner(): Promise<{ url: string, connections: () => number, close: () => Promise<void> }> {
	const local = /^https?:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(owner.url)
	const host = process.env.NEXTCLOUD_SILENT_PARTNER_HOST ?? (local ? '127.0.0.1' : null)
	if (host === null) {
		throw new Error(`${owner.url} is not on this machine: set NEXTCLOUD_SILENT_PARTNER_HOST to the address at which it reaches this machine, for a partner server that never answers`)
	}
	const sockets = new Set<Socket>()
	let accepted = 0
	const server = createServer((socket) => {
		accepted++
		sockets.add(socket)
		socket.on('error', () => {})
		socket.on('close', () => sockets.delete(socket))
	})
	await new Promise<void>((resolve) => server.listen(0, host === '127.0.0.1' ? host : '0.0.0.0', resolve))
	return {
		url: `http://${host}:${(server.address() as AddressInfo).port}`,
		connections: () => accepted,
		close: () => {
			for (const socket of sockets) {
				socket.destroy()
			}
			return new Promise((resolve) => server.close(() => resolve()))
		},
	}
}

async function newRoadmap(name: string): Promise<string> {
	const path = `/Dégooglisation/${name}`
	await dav(owner).createFolder('/Dégooglisation')
	await folder(owner, path).create(sampleRoadmap(3))
	return path
}

/**
 * The partner's received shares. Nextcloud 32 answers 500 (996) now and then
 * while it drops a share whose owner's server no longer knows it (as measured):
 * such an answer counts as "not yet".
 */
async function partnerShares(): Promise<RemoteShare[] | null> {
	try {
		return await ocs(partner).remoteShares()
	} catch (error) {
		if (error instanceof OcsError && error.status === 500) {
			return null
		}
		throw error
	}
}

/** The partner accepts the share of `name` waiting for an answer (a trusted server may have accepted it already) and gets its mount point. */
async function acceptAsPartner(name: string): Promise<string | undefined> {
	for (let attempt = 0; attempt < 30; attempt++) {
		for (const pending of await ocs(partner).pendingRemoteShares()) {
			if (pending.name.endsWith(name)) {
				await ocs(partner).acceptRemoteShare(pending.id)
			}
		}
		const mountpoint = (await partnerShares())?.find((s) => s.mountpoint.endsWith(name))?.mountpoint
		if (mountpoint) {
			return mountpoint
		}
		await sleep(500)
	}
	return undefined
}

describe.runIf(targets !== null)('sharing a roadmap through Nextcloud', () => {
	const name = `contract-shares-${run}`
	let path: string

	beforeAll(async () => {
		path = await newRoadmap(name)
	}, 120_000)
	afterAll(async () => {
		await dav(owner).delete(path)
	}, 120_000)

	it('refuses a missing path, an unknown account and the owner themself, with Nextcloud\'s statuses and messages', async () => {
		await expect(share(`/no-such-folder-${run}`, SHARE_TYPE.user, colleague.user, SHARE_PERMISSION.read)).rejects.toMatchObject({ status: 404, statusCode: 404, message: 'Wrong path, file/folder does not exist' })
		await expect(share(path, SHARE_TYPE.user, `nobody-${run}`, SHARE_PERMISSION.read)).rejects.toMatchObject({ status: 404, message: 'Please specify a valid account to share with' })
		await expect(share(path, SHARE_TYPE.user, owner.user, SHARE_PERMISSION.read)).rejects.toMatchObject({ status: 403, message: 'Cannot share with yourself' })
		await expect(ocs(owner).sharesOf(`/no-such-folder-${run}`)).rejects.toMatchObject({ status: 404, message: 'Wrong path, file/folder does not exist' })
		await expect(ocs(owner).deleteShare('999999999')).rejects.toMatchObject({ status: 404, message: 'Wrong share ID, share does not exist' })
	}, 60_000 + RATE_LIMIT_WAIT_MS)

	it('shares read-only with a colleague, who finds it mounted and cannot write to it', async () => {
		const created = await share(path, SHARE_TYPE.user, colleague.user, SHARE_PERMISSION.read)
		expect(created).toMatchObject({ id: expect.any(String), share_type: 0, share_with: colleague.user, uid_owner: owner.user, uid_file_owner: owner.user, permissions: 1, item_type: 'folder', path, file_target: `/${name}`, mimetype: 'httpd/unix-directory', can_edit: true, can_delete: true, token: null })
		expect(typeof created.item_source).toBe('number')
		expect(typeof created.stime).toBe('number')
		expect((await ocs(owner).sharesOf(path)).map((s) => [s.id, s.share_type])).toContainEqual([created.id, 0])
		expect(await ocs(owner).getShare(created.id)).toMatchObject({ id: created.id, share_with: colleague.user, permissions: 1 })
		const inFolder = await ocs(owner).request<Share[]>('GET', 'apps/files_sharing/api/v1/shares', { path: '/Dégooglisation', subfiles: 'true' })
		expect(inFolder.map((s) => s.id)).toContain(created.id)
		const ownEntry = (await dav(owner).list('/Dégooglisation')).find((e) => e.name === name)!
		expect(ownEntry.shareTypes).toContain(0)

		const received = (await ocs(colleague).sharedWithMe()).find((s) => s.id === created.id)!
		expect(received).toMatchObject({ share_type: 0, file_target: `/${name}`, path: `/${name}`, permissions: 1, uid_owner: owner.user, 'mount-type': 'shared', 'is-mount-root': true, can_edit: false, can_delete: true })
		// Read-only: the mount's root can be unshared (D), and renamed as its parent's listing says; nothing inside can change.
		const inMount = await dav(colleague).list(`/${name}`)
		// Nextcloud 34 adds N (renamable) to a read-only mount's root.
		expect(inMount.find((e) => e.name === '')!.permissions).toBe(ownerMajor >= 34 ? 'SGDN' : 'SGD')
		expect(inMount.filter((e) => e.name !== '').map((e) => e.permissions)).toEqual(inMount.filter((e) => e.name !== '').map(() => 'SG'))
		expect((await dav(colleague).list('/')).find((e) => e.name === name)).toMatchObject({ permissions: 'SGDNV', shareTypes: [], ownerId: owner.user })
		const refused = await fetch(`${colleague.url}/remote.php/dav/files/${colleague.user}/${encodeURIComponent(name)}/intruder.txt`, { method: 'PUT', body: 'no', headers: { Authorization: `Basic ${Buffer.from(`${colleague.user}:${colleague.password}`).toString('base64')}` } })
		expect(refused.status).toBe(403)
		expect(await refused.text()).toContain('<s:exception>Sabre\\DAV\\Exception\\Forbidden</s:exception>\n  <s:message/>\n')
		const found = await discoverRoadmaps(dav(colleague), ocs(colleague))
		expect(found.find((r) => r.path === `/${name}`)?.origin).toBe('shared')
		const loaded = await folder(colleague, `/${name}`).load()
		expect(loaded.roadmap.tasks).toHaveLength(3)
		expect(loaded.access.canWrite).toBe(false)
		// Without the share right, the colleague cannot share it further (Share\Manager::generalCreateChecks, before any partner is asked).
		await expect(creating(() => ocs(colleague).createShare(`/${name}`, SHARE_TYPE.federated, cloudId(partner), SHARE_PERMISSION.read))).rejects.toMatchObject({ status: 404, message: `You are not allowed to share ${name}` })

		// Edit rights let the colleague write, into the owner's files.
		const updated = await ocs(owner).updateShare(created.id, SHARE_PERMISSION.read | SHARE_PERMISSION.update | SHARE_PERMISSION.create | SHARE_PERMISSION.delete)
		expect(updated.permissions).toBe(15)
		await dav(colleague).put(`/${name}/note-${run}.txt`, 'from the colleague')
		expect(new TextDecoder().decode((await dav(owner).get(`${path}/note-${run}.txt`)).body)).toBe('from the colleague')

		await ocs(owner).deleteShare(created.id)
		expect((await ocs(colleague).sharedWithMe()).some((s) => s.id === created.id)).toBe(false)
		await expect(dav(colleague).list(`/${name}`)).rejects.toBeInstanceOf(DavError)
	}, 120_000 + RATE_LIMIT_WAIT_MS)

	it('shares with the group; a member who already has a folder of that name gets it as "Name (2)"', async () => {
		await dav(colleague).createFolder(`/${name}`)
		try {
			const created = await share(path, SHARE_TYPE.group, group, SHARE_PERMISSION.all)
			expect(created).toMatchObject({ share_type: 1, share_with: group, permissions: 31, item_type: 'folder' })
			const received = (await ocs(colleague).sharedWithMe()).find((s) => s.id === created.id)!
			expect(received.file_target).toBe(`/${name} (2)`)
			const found = await discoverRoadmaps(dav(colleague), ocs(colleague))
			expect(found.find((r) => r.path === `/${name} (2)`)?.origin).toBe('shared')
			expect((await folder(colleague, `/${name} (2)`).load()).access.canWrite).toBe(true)
			await ocs(owner).deleteShare(created.id)
		} finally {
			await dav(colleague).delete(`/${name}`)
		}
	}, 120_000 + RATE_LIMIT_WAIT_MS)

	it('shares with edit rights across servers: the partner accepts, edits, and the owner sees the edit; unsharing removes it', async () => {
		const created = await share(path, SHARE_TYPE.federated, cloudId(partner), SHARE_PERMISSION.all)
		expect(created).toMatchObject({ share_type: 6, share_with: cloudId(partner), permissions: 31, token: expect.stringMatching(/^\w{15}$/), file_target: `/${name}`, is_trusted_server: expect.any(Boolean) })
		const listed = (await ocs(owner).sharesOf(path)).find((s) => s.id === created.id)
		expect(listed).toMatchObject({ share_type: 6, file_target: '' })
		const mountpoint = await acceptAsPartner(name)
		expect(mountpoint).toBe(`/${name}`)
		const accepted = (await ocs(partner).remoteShares()).find((s) => s.mountpoint === mountpoint)!
		expect(accepted).toMatchObject({ owner: owner.user, type: 'dir', accepted: 1, name: `/${name}`, share_type: 0, remote_id: expect.any(String), permissions: 31 })
		// Nextcloud 32: a number and -1; 34: ids beyond 2^53 (kept as text by OcsClient) and null.
		expect(['number', 'string']).toContain(typeof accepted.id)
		expect([-1, null]).toContain((accepted as unknown as { parent: unknown }).parent)
		expect(accepted.remote.replace(/\/+$/, '')).toBe(owner.url)

		// A federated mount can be reshared whatever the share says; its files are the owner's, named by display name and host.
		const inMount = await dav(partner).list(`/${name}`)
		expect(inMount.find((e) => e.name === '')!.permissions).toBe('SRGDNVCK')
		expect(inMount.find((e) => !e.isFolder)!.permissions).toBe('SRGDNVW')
		expect(inMount.find((e) => e.name === '')!.ownerId).toMatch(new RegExp(`@${owner.url.replace(/^https?:\/\//, '').replace(/[.]/g, '\\.')}$`))
		const found = await discoverRoadmaps(dav(partner), ocs(partner))
		expect(found.find((r) => r.path === `/${name}`)?.origin).toBe('federated')
		const remote = folder(partner, `/${name}`)
		const loaded = await remote.load()
		expect(loaded.access.canWrite).toBe(true)
		await remote.save([{ op: 'set', path: 'tasks/t00002/status', value: 'done' }])
		const seenByOwner = await folder(owner, path).load()
		expect(seenByOwner.roadmap.tasks.find((t) => t.id === 't00002')!.status).toBe('done')

		await ocs(owner).deleteShare(created.id)
		let stillThere = true
		for (let attempt = 0; attempt < 20 && stillThere; attempt++) {
			stillThere = (await partnerShares())?.some((s) => s.mountpoint === mountpoint) ?? true
			if (stillThere) {
				await sleep(500)
			}
		}
		expect(stillThere).toBe(false)
	}, 180_000 + RATE_LIMIT_WAIT_MS)

	// Nextcloud gives each request to a partner 10 s ('timeout' and 'connect_timeout' => 10) and
	// makes them one after the other: 32.0.1 asks GET /ocm-provider/ (OCMDiscoveryService), GET
	// /ocs-provider/ (OCS\DiscoveryService), then POST /ocs/v2.php/cloud/shares (federatedfilesharing
	// Notifications::tryLegacyEndPoint); 34.0.1 asks GET /.well-known/ocm first, so up to 4 requests
	// before the 403 (times measured in bench/measured.md). The sandbox gives up its one request after 10 s. A new port each run:
	// Nextcloud remembers a failed discovery for 5 minutes.
	const UNANSWERED_SHARE_MS = 4 * 10_000 + 30_000
	it('answers a federated share to a server that accepts the connection and never answers with Nextcloud\'s error', async () => {
		const partnerServer = await silentPartner()
		try {
			const unanswering = `nobody@${partnerServer.url}`
			const started = Date.now()
			const failure = await share(path, SHARE_TYPE.federated, unanswering, SHARE_PERMISSION.read).catch((error: unknown) => error)
			console.log(`federated share to a partner that never answers: refused after ${((Date.now() - started) / 1000).toFixed(1)} s, ${partnerServer.connections()} connection(s)`)
			expect(partnerServer.connections(), 'the owner\'s server never reached the partner that does not answer').toBeGreaterThan(0)
			expect(failure).toBeInstanceOf(OcsError)
			expect(failure).toMatchObject({ status: 403, message: 'Failed to create share.' })
			expect((await ocs(owner).sharesOf(path)).some((s) => s.share_with === unanswering)).toBe(false)
		} finally {
			await partnerServer.close()
		}
	}, UNANSWERED_SHARE_MS + RATE_LIMIT_WAIT_MS)
})
