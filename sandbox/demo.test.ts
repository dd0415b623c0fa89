/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The demo roadmap, seeded for a team: shared with everyone it assigns tasks to, and assigning nobody else. */

import type { Sandbox } from './server.ts'

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newWriterId } from '../src/domain/ids.ts'
import { createNodeDavClient } from '../src/storage/nodeClient.ts'
import { OcsClient } from '../src/storage/ocs.ts'
import { RoadmapFolder } from '../src/storage/roadmapFolder.ts'
import { DEMO_ROADMAP_PATH, seedDemo } from './demo.ts'
import { startSandbox } from './server.ts'
import { cloudIdOf } from './sharing.ts'

const COMMUNE = [{ id: 'alice', displayName: 'Alice Martin', password: 'alice' }, { id: 'bob', displayName: 'Bruno Petit', password: 'bob' }]
let dirs: string[]
let commune: Sandbox
let partner: Sandbox

beforeAll(async () => {
	dirs = await Promise.all([0, 1].map(() => mkdtemp(join(tmpdir(), 'degooglisation-demo-'))))
	commune = await startSandbox({ port: 0, dataDir: dirs[0]!, users: COMMUNE })
	partner = await startSandbox({ port: 0, dataDir: dirs[1]!, users: [{ id: 'bastien', displayName: 'Bastien Roux', password: 'bastien' }] })
})
afterAll(async () => {
	await commune?.close()
	await partner?.close()
	await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })))
})

describe('the demo roadmap', () => {
	it('is shared, with edit rights, with every colleague and partner agent it assigns tasks to, and assigns nobody else', async () => {
		const bastien = cloudIdOf('bastien', partner.url)
		expect(await seedDemo(commune.url, COMMUNE[0]!, { colleagues: ['bob'], partner: bastien })).toBe(true)
		const { roadmap } = await new RoadmapFolder({ dav: createNodeDavClient({ url: commune.url, user: 'alice', password: 'alice' }), path: DEMO_ROADMAP_PATH, writer: { id: newWriterId(), author: 'alice' } }).load()
		const assigned = new Set(roadmap.tasks.flatMap((task) => task.assignees))
		expect([...assigned].sort()).toEqual(['alice', 'bob', bastien].sort())

		const received = await new OcsClient({ baseUrl: commune.url, auth: { user: 'bob', password: 'bob' } }).sharedWithMe()
		expect(received.map((share) => [share.path, share.permissions])).toEqual([['/Saint-Exemple', 15]])
		const loaded = await new RoadmapFolder({ dav: createNodeDavClient({ url: commune.url, user: 'bob', password: 'bob' }), path: '/Saint-Exemple', writer: { id: newWriterId(), author: 'bob' } }).load()
		expect(loaded.access.canWrite).toBe(true)
		const pending = await new OcsClient({ baseUrl: partner.url, auth: { user: 'bastien', password: 'bastien' } }).pendingRemoteShares()
		expect(pending.map((share) => share.name)).toEqual(['/Saint-Exemple'])
	})
})
