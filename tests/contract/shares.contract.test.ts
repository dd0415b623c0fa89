/**
 * Sharing a roadmap folder through Nextcloud's own share API, between two
 * real servers. The sandbox does not emulate sharing yet (docs/sandbox.md),
 * so this file runs when these are set:
 *   NEXTCLOUD_URL, NEXTCLOUD_USER, NEXTCLOUD_PASSWORD        the owner
 *   NEXTCLOUD_COLLEAGUE_USER, NEXTCLOUD_COLLEAGUE_PASSWORD   a second account on the owner's server
 *   NEXTCLOUD_PARTNER_URL, NEXTCLOUD_PARTNER_USER, NEXTCLOUD_PARTNER_PASSWORD   an account on another server
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newWriterId } from '../../src/domain/ids'
import { sampleRoadmap } from '../../src/domain/testing/sampleRoadmap'
import { createNodeDavClient } from '../../src/storage/nodeClient'
import { OcsClient, SHARE_PERMISSION, SHARE_TYPE } from '../../src/storage/ocs'
import { discoverRoadmaps } from '../../src/storage/roadmapDiscovery'
import { RoadmapFolder } from '../../src/storage/roadmapFolder'

const env = process.env
const owner = { url: env.NEXTCLOUD_URL ?? '', user: env.NEXTCLOUD_USER ?? '', password: env.NEXTCLOUD_PASSWORD ?? '' }
const colleague = { url: owner.url, user: env.NEXTCLOUD_COLLEAGUE_USER ?? '', password: env.NEXTCLOUD_COLLEAGUE_PASSWORD ?? '' }
const partner = { url: env.NEXTCLOUD_PARTNER_URL ?? '', user: env.NEXTCLOUD_PARTNER_USER ?? '', password: env.NEXTCLOUD_PARTNER_PASSWORD ?? '' }
const configured = [owner, colleague, partner].every((a) => a.url && a.user && a.password)

const ocs = (a: typeof owner) => new OcsClient({ baseUrl: a.url, auth: a })
const dav = (a: typeof owner) => createNodeDavClient(a)
const folder = (a: typeof owner, path: string) => new RoadmapFolder({ dav: dav(a), path, writer: { id: newWriterId(), author: a.user }, retry: { attempts: 8, baseDelayMs: 200, maxDelayMs: 2000 } })
const name = `contract-shares-${Date.now().toString(36)}`
const path = `/Dégooglisation/${name}`

/** Nextcloud writes the scheme of a federated cloud id only when it is not https. */
const cloudId = (a: typeof owner) => `${a.user}@${a.url.replace(/^https:\/\//, '').replace(/\/+$/, '')}`

describe.runIf(configured)('sharing a roadmap through Nextcloud', () => {
	beforeAll(async () => {
		await dav(owner).createFolder('/Dégooglisation')
		await folder(owner, path).create(sampleRoadmap(3))
	})
	afterAll(async () => {
		await dav(owner).delete(path)
	})

	it('shares read-only with a colleague, who finds it and cannot write to it', async () => {
		const share = await ocs(owner).createShare(path, SHARE_TYPE.user, colleague.user, SHARE_PERMISSION.read)
		expect(share).toMatchObject({ share_type: 0, share_with: colleague.user, permissions: 1, item_type: 'folder' })
		const mine = await ocs(colleague).sharedWithMe()
		const received = mine.find((s) => String(s.id) === String(share.id))!
		expect(received.file_target).toBe(`/${name}`)
		const found = await discoverRoadmaps(dav(colleague), ocs(colleague))
		expect(found.find((r) => r.path === `/${name}`)?.origin).toBe('shared')
		const loaded = await folder(colleague, `/${name}`).load()
		expect(loaded.roadmap.tasks).toHaveLength(3)
		expect(loaded.access.canWrite).toBe(false)
		await ocs(owner).deleteShare(String(share.id))
		expect((await ocs(colleague).sharedWithMe()).some((s) => String(s.id) === String(share.id))).toBe(false)
	})

	it('shares with edit rights across servers: the partner accepts, finds it as federated, edits, and the owner sees the edit', async () => {
		const share = await ocs(owner).createShare(path, SHARE_TYPE.federated, cloudId(partner), SHARE_PERMISSION.all)
		expect(share.share_type).toBe(6)
		expect((await ocs(owner).sharesOf(path)).map((s) => s.share_type)).toContain(6)
		let mountpoint: string | undefined
		for (let attempt = 0; attempt < 30 && !mountpoint; attempt++) {
			for (const pending of await ocs(partner).pendingRemoteShares()) {
				if (pending.name.endsWith(name)) await ocs(partner).acceptRemoteShare(pending.id)
			}
			mountpoint = (await ocs(partner).remoteShares()).find((s) => s.mountpoint.endsWith(name))?.mountpoint
			if (!mountpoint) await new Promise((resolve) => setTimeout(resolve, 500))
		}
		expect(mountpoint).toBe(`/${name}`)
		const found = await discoverRoadmaps(dav(partner), ocs(partner))
		expect(found.find((r) => r.path === `/${name}`)?.origin).toBe('federated')
		const remote = folder(partner, `/${name}`)
		const loaded = await remote.load()
		expect(loaded.access.canWrite).toBe(true)
		await remote.save([{ op: 'set', path: 'tasks/t00002/status', value: 'done' }])
		const seenByOwner = await folder(owner, path).load()
		expect(seenByOwner.roadmap.tasks.find((t) => t.id === 't00002')!.status).toBe('done')
		await ocs(owner).deleteShare(String(share.id))
	})
})
