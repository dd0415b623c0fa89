// @vitest-environment jsdom
/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The roadmap store over a sandbox standing for Nextcloud: only the network (and Nextcloud's page globals) are played. */

import type { SandboxNetwork } from '../testing/sandboxNetwork.ts'

import { DOMParser } from '@xmldom/xmldom'
import { createPinia, setActivePinia } from 'pinia'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { DavClient } from '../storage/dav.ts'
import { memoryStorage } from '../storage/outbox.ts'
import { RoadmapSession } from '../storage/roadmapSession.ts'
import { processEnvironment } from '../storage/sessionEnvironment.ts'
import { startSandboxNetwork } from '../testing/sandboxNetwork.ts'
import { useRoadmapStore } from './roadmap.ts'

const server = vi.hoisted(() => ({ url: '' }))
vi.mock('@nextcloud/auth', () => ({ getCurrentUser: () => ({ uid: 'alice' }), getRequestToken: () => 'token' }))
vi.mock('@nextcloud/router', async (original) => ({ ...await original<typeof import('@nextcloud/router')>(), getBaseUrl: () => server.url }))

/** The test's own connection, taken before the page's network stands in for fetch. */
const realFetch = globalThis.fetch.bind(globalThis)
let network: SandboxNetwork
let path = ''
let counter = 0
let store: ReturnType<typeof useRoadmapStore>

beforeAll(async () => {
	network = await startSandboxNetwork()
	server.url = network.url
	vi.stubGlobal('fetch', network.fetch)
})
afterAll(async () => {
	vi.unstubAllGlobals()
	await network.close()
})
beforeEach(async () => {
	network.down = false
	path = `/Dégooglisation/Magasin ${++counter}`
	await network.seed(path, sampleRoadmap(6))
	setActivePinia(createPinia())
	store = useRoadmapStore()
	await store.open(path)
})

async function saved(): Promise<void> {
	await vi.waitFor(() => expect(store.unsent === 0 && store.saveState === 'saved').toBe(true), { timeout: 10_000, interval: 20 })
}

/** Another client of the same roadmap (a colleague, another tab), off the page's network. */
async function colleague(): Promise<RoadmapSession> {
	const dav = new DavClient({ baseUrl: network.url, user: 'alice', auth: { user: 'alice', password: 'alice' }, fetch: realFetch, DOMParser: DOMParser as unknown as ConstructorParameters<typeof DavClient>[0]['DOMParser'] })
	return RoadmapSession.open({ dav, path, writer: { id: 'colleague1', author: 'bob' }, outbox: memoryStorage(), environment: processEnvironment(), refreshMs: null })
}

describe('roadmap store', () => {
	it('opens a roadmap and mirrors its session', () => {
		expect(store.path).toBe(path)
		expect(store.roadmap!.tasks).toHaveLength(6)
		expect(store.readOnly).toBe(false)
		expect(store.progress!.overall.counted).toBeGreaterThan(0)
		expect(store.saveState).toBe('idle')
	})

	it('saves task edits, creations and deletions, each as it is made', async () => {
		store.updateTask('t00001', { title: 'Renommée', assignees: ['bob'] })
		const id = store.createTask({ title: 'Nouvelle', phase: 'solutions' })
		const removed = store.deleteTask('t00002')!
		expect(store.roadmap!.tasks.find((t) => t.id === 't00001')).toMatchObject({ title: 'Renommée', assignees: ['bob'] })
		expect(store.roadmap!.tasks.find((t) => t.id === id)).toMatchObject({ title: 'Nouvelle', phase: 'solutions', status: 'todo' })
		expect(store.roadmap!.tasks.some((t) => t.id === 't00002')).toBe(false)
		await saved()
		let stored = await network.stored(path)
		expect(stored.tasks.find((t) => t.id === 't00001')).toMatchObject({ title: 'Renommée', assignees: ['bob'] })
		expect(stored.tasks.map((t) => t.id)).toContain(id)
		expect(stored.tasks.map((t) => t.id)).not.toContain('t00002')
		store.restoreTask(removed)
		await saved()
		stored = await network.stored(path)
		expect(stored.tasks.find((t) => t.id === 't00002')).toEqual(removed)
	})

	it('removes a deleted task from the dependencies of others', async () => {
		store.updateTask('t00003', { dependsOn: ['t00004'] })
		store.deleteTask('t00004')
		await saved()
		expect((await network.stored(path)).tasks.find((t) => t.id === 't00003')!.dependsOn).toEqual([])
	})

	it('says what others changed once it saves, and shows it', async () => {
		const other = await colleague()
		other.editTask('t00005', (task) => {
			task.title = 'Changée ailleurs'
		})
		await other.settle()
		other.dispose()
		store.setTaskStatus('t00000', 'done')
		await saved()
		expect(store.roadmap!.tasks.find((t) => t.id === 't00005')!.title).toBe('Changée ailleurs')
		expect(store.merged).toMatchObject({ tasks: ['Changée ailleurs'], otherEdits: 0 })
	})

	it('keeps edits made while the server cannot be reached, across a reload of the page', async () => {
		network.down = true
		store.updateTask('t00001', { title: 'Gardée' })
		await vi.waitFor(() => expect(store.saveState).toBe('offline'), { timeout: 20_000, interval: 100 })
		expect(store.unsent).toBe(1)
		expect(store.saveError).toBe('Failed to fetch')
		network.down = false
		setActivePinia(createPinia())
		store = useRoadmapStore()
		await store.open(path)
		expect(store.roadmap!.tasks.find((t) => t.id === 't00001')!.title).toBe('Gardée')
		await saved()
		expect((await network.stored(path)).tasks.find((t) => t.id === 't00001')!.title).toBe('Gardée')
	})

	it('reads the history, with the edits made here', async () => {
		store.updateTask('t00001', { title: 'Une' })
		await saved()
		store.updateTask('t00001', { title: 'Deux' })
		const history = await store.readHistory()
		expect(history!.changes.map((c) => c.author)).toEqual(['alice', 'alice'])
		await saved()
	})

	it('tells why a folder cannot be opened', async () => {
		await store.open('/Dégooglisation/Absente')
		expect(store.roadmap).toBeNull()
		expect(store.loadError).toMatch(/404|not found|does not hold/i)
	})

	it('shows a roadmap created after one that could not be opened, without the old failure', async () => {
		await store.open('/Dégooglisation/Absente')
		expect(store.loadFailure).not.toBeNull()
		const created = `/Dégooglisation/Nouvelle ${counter}`
		await store.create(created, sampleRoadmap(3))
		expect(store.path).toBe(created)
		expect(store.roadmap?.tasks).toHaveLength(3)
		expect(store.loadFailure).toBeNull()
		expect(store.loadError).toBeNull()
	})

	it('keeps the roadmap asked for last when an earlier one fails afterwards', async () => {
		const other = `/Dégooglisation/Autre ${counter}`
		await network.seed(other, sampleRoadmap(4))
		// The missing folder's 404 comes back while the other roadmap is still being read.
		await Promise.all([store.open('/Dégooglisation/Absente'), store.open(other)])
		expect(store.path).toBe(other)
		expect(store.roadmap?.tasks).toHaveLength(4)
		expect(store.loadFailure).toBeNull()
		expect(store.loading).toBe(false)
	})
})
