/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
// @vitest-environment jsdom

import type { DiscoveredRoadmap } from '../storage/roadmapDiscovery.ts'

import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/server.ts'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { createNodeDavClient } from '../storage/nodeClient.ts'
import { RoadmapFolder } from '../storage/roadmapFolder.ts'
import { summarizeRoadmap } from './partners.ts'

function location(path: string): DiscoveredRoadmap {
	return { path, name: path.split('/').pop()!, fileId: 1, permissions: 'RGDNVCK', ownerId: 'bob', ownerDisplayName: 'Bruno', lastModified: 'Sun, 22 Nov 2026 10:00:00 GMT', origin: 'federated' }
}

describe('reading a partner roadmap', () => {
	let dataDir: string
	let sandbox: Awaited<ReturnType<typeof startSandbox>>
	beforeEach(async () => {
		dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-partners-'))
		sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }] })
		Object.assign(sandbox.hazards, { preconditionGapMs: 5, tornReadRate: 0, lockedRate: 0, serverErrorRate: 0, unavailableRate: 0 })
	})
	afterEach(async () => {
		await sandbox.close()
		await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
	})

	it('gives its phases\' progress and the tasks finished in the last 30 days', async () => {
		const dav = createNodeDavClient({ url: sandbox.url, user: 'alice', password: 'alice' })
		const writer = new RoadmapFolder({ dav, path: '/Mairie B', writer: { id: 'writerb00001', author: 'alice' } })
		await writer.create(sampleRoadmap(4))
		await writer.save([{ op: 'set', path: 'tasks/t00000/status', value: 'done' }])
		const read = await summarizeRoadmap(dav, location('/Mairie B'))
		expect(read.commune).toBe('Mairie A')
		expect(read.progress.phases.map((p) => [p.phaseId, p.counts.done])).toEqual([['structuring', 1], ['solutions', 1]])
		expect(read.recentlyDone.map((t) => t.id)).toEqual(['t00000'])
		expect(Date.parse(read.lastUpdate)).toBeGreaterThan(Date.now() - 60_000)
	})
})
