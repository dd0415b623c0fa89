/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The roadmap session against the sandbox. Only the boundary is faked: the
 * network (a fetch that can fail, and that records requests), the timers and
 * the page's events (an environment the test drives).
 */

import type { MergedChanges } from '../domain/mergedChanges.ts'
import type { OutboxStorage } from './outbox.ts'
import type { RoadmapSessionOptions } from './roadmapSession.ts'
import type { SessionEnvironment, WakeReason } from './sessionEnvironment.ts'

import { DOMParser } from '@xmldom/xmldom'
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/server.ts'
import { serializeRoadmap } from '../domain/format.ts'
import { ROADMAP_FILE, STATE_FOLDER } from '../domain/storageFormat.ts'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { DavClient, DavError } from './dav.ts'
import { memoryStorage } from './outbox.ts'
import { RoadmapFolderError } from './roadmapFolder.ts'
import { RoadmapSession } from './roadmapSession.ts'

type Sandbox = Awaited<ReturnType<typeof startSandbox>>
let sandbox: Sandbox
let dataDir: string
let counter = 0
const sessions: RoadmapSession[] = []

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-session-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }, { id: 'bob', displayName: 'Bob', password: 'bob' }] })
})
afterAll(async () => {
	await sandbox.close()
	// A write the sandbox took just before closing may still be landing.
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 })
})
afterEach(() => {
	sessions.splice(0).forEach((s) => s.dispose())
})

/** The network between a client and the sandbox: can be cut, and tells what was asked. */
class Network {
	down = false
	requests: string[] = []
	readonly fetch: typeof fetch = async (input, init) => {
		const url = new URL(String(input))
		this.requests.push(`${init?.method ?? 'GET'} ${decodeURIComponent(url.pathname).replace(/^.*\/remote\.php\/dav\/files\/[^/]+/, '')}`)
		if (this.down) {
			throw new TypeError('fetch failed')
		}
		return globalThis.fetch(input, init)
	}

	dav(user = 'alice'): DavClient {
		return new DavClient({ baseUrl: sandbox.url, user, auth: { user, password: user }, fetch: this.fetch, DOMParser: DOMParser as unknown as ConstructorParameters<typeof DavClient>[0]['DOMParser'] })
	}
}

/** Timers and page events the test fires by hand. */
class Environment implements SessionEnvironment {
	private next = 1
	readonly timers = new Map<number, { callback: () => void, ms: number, repeat: boolean }>()
	private readonly listeners = new Set<(reason: WakeReason) => void>()
	active = true
	setTimeout = (callback: () => void, ms: number) => this.add(callback, ms, false)
	setInterval = (callback: () => void, ms: number) => this.add(callback, ms, true)
	clearTimeout = (handle: unknown) => void this.timers.delete(handle as number)
	clearInterval = (handle: unknown) => void this.timers.delete(handle as number)
	onWake = (listener: (reason: WakeReason) => void) => {
		this.listeners.add(listener)
		return () => void this.listeners.delete(listener)
	}

	isActive = () => this.active

	private add(callback: () => void, ms: number, repeat: boolean): number {
		const id = this.next++
		this.timers.set(id, { callback, ms, repeat })
		return id
	}

	/** Runs the timers due after `ms` (one round). */
	elapse(ms: number): void {
		for (const [id, timer] of [...this.timers]) {
			if (timer.ms > ms) {
				continue
			}
			if (!timer.repeat) {
				this.timers.delete(id)
			}
			timer.callback()
		}
	}

	wake(reason: WakeReason): void {
		this.listeners.forEach((listener) => listener(reason))
	}
}

const fastRetry = { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 }

async function newRoadmap(tasks = 5): Promise<string> {
	const dav = new Network().dav()
	await dav.createFolder('/Dégooglisation')
	const path = `/Dégooglisation/Session ${++counter}`
	const session = await RoadmapSession.create(options(path, new Network(), new Environment(), 'creator1'), sampleRoadmap(tasks))
	await session.settle()
	session.dispose()
	return path
}

function options(path: string, network: Network, environment: SessionEnvironment, writer: string, outbox: OutboxStorage = memoryStorage(), user = 'alice'): RoadmapSessionOptions {
	return { dav: network.dav(user), path, writer: { id: writer, author: user }, outbox, environment, retry: fastRetry, retryMinMs: 1000, retryMaxMs: 8000 }
}

async function open(path: string, network = new Network(), environment = new Environment(), writer = 'writera1', outbox?: OutboxStorage): Promise<RoadmapSession> {
	const session = await RoadmapSession.open(options(path, network, environment, writer, outbox))
	sessions.push(session)
	return session
}

function onDisk(path: string): string {
	return join(dataDir, 'alice', 'files', ...path.split('/').filter(Boolean))
}

describe('RoadmapSession', () => {
	it('shows an edit at once, then writes it as one change file and says it is saved', async () => {
		const path = await newRoadmap()
		const session = await open(path)
		const states: string[] = []
		session.subscribe((state) => states.push(state.saveState))
		session.apply([{ op: 'set', path: 'tasks/t00001/status', value: 'done' }])
		expect(session.state.roadmap.tasks[1].status).toBe('done')
		expect(session.state.unsent).toBe(1)
		await session.flush()
		expect(session.state).toMatchObject({ saveState: 'saved', saveError: null, unsent: 0 })
		expect(states).toContain('saving')
		expect(await readdir(onDisk(`${path}/${STATE_FOLDER}`))).toContain('change.writera1.000001.json')
	})

	it('saves in two requests, one write and one listing, without reading the roadmap again', async () => {
		const path = await newRoadmap(50)
		const network = new Network()
		const session = await open(path, network)
		network.requests = []
		session.apply([{ op: 'set', path: 'tasks/t00002/title', value: 'Renommée' }])
		await session.flush()
		expect(network.requests).toEqual([
			`PUT ${path}/${STATE_FOLDER}/change.writera1.000001.json`,
			`PROPFIND ${path}/${STATE_FOLDER}`,
		])
	})

	it('keeps every object an edit does not touch, so a view redraws only what changed', async () => {
		const path = await newRoadmap()
		const session = await open(path)
		const before = session.state.roadmap
		session.editTask('t00003', (task) => {
			task.title = 'Nouvelle'
		})
		const after = session.state.roadmap
		expect(after.tasks[3].title).toBe('Nouvelle')
		expect(after.tasks.filter((task, i) => task === before.tasks[i])).toHaveLength(before.tasks.length - 1)
		expect(after.phases).toBe(before.phases)
		await session.flush()
	})

	it('tells what others changed, from their change files read while saving, and shows it', async () => {
		const path = await newRoadmap()
		const mine = await open(path)
		const theirs = await open(path, new Network(), new Environment(), 'writerb2')
		const merges: MergedChanges[] = []
		mine.onMerged((merged) => merges.push(merged))
		theirs.editTask('t00004', (task) => {
			task.title = 'Changée par B'
		})
		await theirs.flush()
		mine.apply([{ op: 'set', path: 'tasks/t00000/status', value: 'done' }])
		await mine.flush()
		expect(mine.state.roadmap.tasks[4].title).toBe('Changée par B')
		expect(mine.state.roadmap.tasks[0].status).toBe('done')
		expect(merges).toEqual([expect.objectContaining({ tasks: ['Changée par B'], otherEdits: 0 })])
	})

	it('reports a same-field edit of another writer that met its own', async () => {
		const path = await newRoadmap()
		const mine = await open(path)
		const theirs = await open(path, new Network(), new Environment(), 'writerb2')
		theirs.apply([{ op: 'set', path: 'tasks/t00002/status', value: 'blocked' }])
		await theirs.flush()
		// Made without having seen the other edit.
		mine.apply([{ op: 'set', path: 'tasks/t00002/status', value: 'done' }])
		await mine.flush()
		await mine.refresh()
		await theirs.refresh()
		// Same clock: the larger writer id wins, for both.
		expect(theirs.state.roadmap.tasks[2].status).toBe('blocked')
		expect(mine.state.roadmap.tasks[2].status).toBe('blocked')
		expect(mine.state.conflicts).toEqual([expect.objectContaining({ path: 'tasks/t00002/status', kept: expect.objectContaining({ value: 'blocked' }), discarded: expect.objectContaining({ value: 'done' }) })])
	})

	it('keeps an edit when the network fails, across a reload, and sends it when the network is back', async () => {
		const path = await newRoadmap()
		const network = new Network()
		const environment = new Environment()
		const storage = memoryStorage()
		const session = await open(path, network, environment, 'writera1', storage)
		network.down = true
		session.editTask('t00001', (task) => {
			task.title = 'Hors ligne'
		})
		await session.flush()
		expect(session.state).toMatchObject({ saveState: 'offline', unsent: 1 })
		expect(session.state.saveError).toBeInstanceOf(TypeError)
		expect(session.state.roadmap.tasks[1].title).toBe('Hors ligne')
		session.dispose()

		network.down = false
		const reloaded = await open(path, network, environment, 'writera1', storage)
		expect(reloaded.state.roadmap.tasks[1].title).toBe('Hors ligne')
		network.down = true
		await reloaded.flush()
		expect(reloaded.state.saveState).toBe('offline')
		network.down = false
		environment.wake('online')
		await reloaded.flush()
		expect(reloaded.state).toMatchObject({ saveState: 'saved', unsent: 0 })
		const other = await open(path, new Network(), new Environment(), 'readerc3')
		expect(other.state.roadmap.tasks[1].title).toBe('Hors ligne')
	})

	it('tries again later, waiting longer each time', async () => {
		const path = await newRoadmap()
		const network = new Network()
		const environment = new Environment()
		const session = await open(path, network, environment)
		network.down = true
		session.apply([{ op: 'set', path: 'tasks/t00001/status', value: 'done' }])
		const waits: number[] = []
		for (let i = 0; i < 4; i++) {
			await session.flush()
			const retry = [...environment.timers.values()].find((t) => !t.repeat)!
			waits.push(retry.ms)
			environment.elapse(retry.ms)
		}
		expect(waits).toEqual([1000, 2000, 4000, 8000])
		network.down = false
		environment.elapse(8000)
		await session.flush()
		expect(session.state.saveState).toBe('saved')
	})

	it('says a refused write is an error, not the network', async () => {
		const path = await newRoadmap()
		const network = new Network()
		const session = await open(path, network)
		await rm(onDisk(`${path}/${STATE_FOLDER}`), { recursive: true })
		session.apply([{ op: 'set', path: 'tasks/t00001/status', value: 'done' }])
		await session.flush()
		expect(session.state.saveState).toBe('error')
		expect(session.state.saveError).toBeInstanceOf(DavError)
		expect(session.state.unsent).toBe(1)
	})

	it('picks up others\' changes when polled, when the page is shown again, not while hidden', async () => {
		const path = await newRoadmap()
		const environment = new Environment()
		const mine = await open(path, new Network(), environment)
		const theirs = await open(path, new Network(), new Environment(), 'writerb2')
		theirs.apply([{ op: 'set', path: 'tasks/t00001/title', value: 'Première' }])
		await theirs.flush()
		const poll = [...environment.timers.values()].find((t) => t.repeat)!
		expect(poll.ms).toBe(30_000)
		environment.active = false
		poll.callback()
		await new Promise((resolve) => setTimeout(resolve, 200))
		expect(mine.state.roadmap.tasks[1].title).toBe('Tâche 1')
		environment.wake('visible')
		await new Promise((resolve) => setTimeout(resolve, 200))
		expect(mine.state.roadmap.tasks[1].title).toBe('Première')
		theirs.apply([{ op: 'set', path: 'tasks/t00001/title', value: 'Seconde' }])
		await theirs.flush()
		environment.active = true
		poll.callback()
		await new Promise((resolve) => setTimeout(resolve, 200))
		expect(mine.state.roadmap.tasks[1].title).toBe('Seconde')
	})

	it('rewrites the readable file once edits pause, when the page is hidden, and at once when settled', async () => {
		const path = await newRoadmap()
		const environment = new Environment()
		const session = await open(path, new Network(), environment)
		session.apply([{ op: 'set', path: 'title', value: 'Feuille renommée' }])
		await session.flush()
		const readable = async () => JSON.parse(await readFile(onDisk(`${path}/${ROADMAP_FILE}`), 'utf8')).title
		expect(await readable()).not.toBe('Feuille renommée')
		environment.elapse(2000)
		await new Promise((resolve) => setTimeout(resolve, 200))
		expect(await readable()).toBe('Feuille renommée')
		session.apply([{ op: 'set', path: 'title', value: 'Cachée' }])
		await session.flush()
		environment.wake('hidden')
		await new Promise((resolve) => setTimeout(resolve, 200))
		expect(await readable()).toBe('Cachée')
		session.apply([{ op: 'set', path: 'title', value: 'Encore' }])
		await session.settle()
		expect(await readable()).toBe('Encore')
	})

	it('catches up the readable file a writer left behind when its page closed before rewriting it', async () => {
		const path = await newRoadmap()
		const readable = async () => JSON.parse(await readFile(onDisk(`${path}/${ROADMAP_FILE}`), 'utf8')).title
		// Listings date files to the second: the change must come in a later second than the readable file.
		await new Promise((resolve) => setTimeout(resolve, 1100))
		const leaving = new Environment()
		const closed = await open(path, new Network(), leaving)
		closed.apply([{ op: 'set', path: 'title', value: 'Fermée trop tôt' }])
		await closed.flush()
		leaving.timers.clear()
		expect(await readable()).not.toBe('Fermée trop tôt')

		const environment = new Environment()
		await open(path, new Network(), environment)
		environment.elapse(2000)
		await new Promise((resolve) => setTimeout(resolve, 200))
		expect(await readable()).toBe('Fermée trop tôt')
	})

	it('folds its change files into a snapshot as they pile up', async () => {
		const path = await newRoadmap()
		const session = await RoadmapSession.open({ ...options(path, new Network(), new Environment(), 'writera1'), compactAfter: 3 })
		sessions.push(session)
		for (let i = 0; i < 10; i++) {
			session.apply([{ op: 'set', path: 'tasks/t00000/title', value: `v${i}` }])
			await session.flush()
		}
		const files = await readdir(onDisk(`${path}/${STATE_FOLDER}`))
		expect(files.filter((f) => f.startsWith('snapshot.writera1')).length).toBeGreaterThan(0)
		expect(files.filter((f) => f.startsWith('change.')).length).toBeLessThan(10)
		expect((await open(path, new Network(), new Environment(), 'readerc3')).state.roadmap.tasks[0].title).toBe('v9')
	})

	it('sends an edit made while it folds change files, in the same round', async () => {
		const path = await newRoadmap()
		const session = await RoadmapSession.open({ ...options(path, new Network(), new Environment(), 'writera1'), compactAfter: 1 })
		sessions.push(session)
		session.apply([{ op: 'set', path: 'tasks/t00000/title', value: 'une' }])
		await session.flush()
		let second = false
		let saving = false
		session.subscribe((state) => {
			saving ||= state.saveState === 'saving'
			// Saved, and folding now: the threshold is passed.
			if (saving && state.saveState === 'saved' && !second) {
				second = true
				session.apply([{ op: 'set', path: 'tasks/t00001/title', value: 'pendant' }])
			}
		})
		session.apply([{ op: 'set', path: 'tasks/t00000/title', value: 'deux' }])
		await session.flush()
		expect(second).toBe(true)
		expect(session.state).toMatchObject({ unsent: 0, saveState: 'saved' })
		const stored = (await open(path, new Network(), new Environment(), 'readerc3')).state.roadmap
		expect(stored.tasks.slice(0, 2).map((t) => t.title)).toEqual(['deux', 'pendant'])
	})

	it('refuses edits by kind: read-only, invalid, closed', async () => {
		const path = await newRoadmap()
		// A folder with only the readable file opens read-only.
		const byHand = `${path} (à la main)`
		const dav = new Network().dav()
		await dav.createFolder(byHand)
		await dav.put(`${byHand}/${ROADMAP_FILE}`, serializeRoadmap(sampleRoadmap(2)))
		const readOnly = await open(byHand)
		expect(readOnly.readOnly).toBe(true)
		expect(() => readOnly.apply([{ op: 'set', path: 'title', value: 'x' }])).toThrow(expect.objectContaining({ kind: 'read-only' }))
		const mine = await open(path)
		// A field of a newer version passes through (docs/file-format.md); a value the format refuses does not.
		expect(() => mine.apply([{ op: 'set', path: 'tasks/t00000/status', value: 'bogus' }])).toThrow(RoadmapFolderError)
		expect(() => mine.apply([{ op: 'set', path: 'tasks/t00000/status', value: 'bogus' }])).toThrow(expect.objectContaining({ kind: 'invalid-operations' }))
		mine.dispose()
		expect(() => mine.apply([{ op: 'set', path: 'title', value: 'x' }])).toThrow(expect.objectContaining({ kind: 'closed' }))
	})

	it('converges: writers editing at once, folding now and then, through Nextcloud\'s hazards, all end with what a fresh load reads', async () => {
		const path = await newRoadmap(12)
		Object.assign(sandbox.hazards, { tornReadRate: 0.05, lockedRate: 0.05, serverErrorRate: 0.03, unavailableRate: 0.02, seed: 11 })
		try {
			const writers = await Promise.all(['writera1', 'writerb2', 'writerc3', 'writerd4'].map((id) => RoadmapSession.open({ ...options(path, new Network(), new Environment(), id), retry: { attempts: 8, baseDelayMs: 1, maxDelayMs: 5 }, compactAfter: 4 })))
			sessions.push(...writers)
			const statuses = ['todo', 'in_progress', 'blocked', 'done'] as const
			await Promise.all(writers.map(async (session, w) => {
				for (let n = 0; n < 15; n++) {
					const task = `t000${String((n * 5 + w * 3) % 12).padStart(2, '0')}`
					if (n % 3 === 0) {
						session.apply([{ op: 'set', path: `tasks/${task}/status`, value: statuses[(n + w) % 4] }])
					} else {
						session.editTask(task, (draft) => {
							draft.title = `w${w} n${n}`
						})
					}
					if (n % 4 === 3) {
						await session.refresh()
					}
					await session.flush()
					for (let attempt = 0; session.state.unsent > 0 && attempt < 10; attempt++) {
						await session.flush()
					}
				}
			}))
			Object.assign(sandbox.hazards, { tornReadRate: 0, lockedRate: 0, serverErrorRate: 0, unavailableRate: 0 })
			for (const session of writers) {
				await session.refresh()
			}
			const fresh = (await open(path, new Network(), new Environment(), 'readerz9')).state.roadmap
			for (const session of writers) {
				expect(session.state.unsent).toBe(0)
				expect(session.state.roadmap).toEqual(fresh)
			}
			const files = await readdir(onDisk(`${path}/${STATE_FOLDER}`))
			expect(files.filter((f) => f.startsWith('snapshot.')).length).toBeGreaterThan(1)
		} finally {
			Object.assign(sandbox.hazards, { tornReadRate: 0, lockedRate: 0, serverErrorRate: 0, unavailableRate: 0 })
		}
	})

	it('stops its timers and listeners when disposed of', async () => {
		const path = await newRoadmap()
		const environment = new Environment()
		const session = await open(path, new Network(), environment)
		expect(environment.timers.size).toBe(1)
		session.dispose()
		expect(environment.timers.size).toBe(0)
	})
})

describe('RoadmapSession: changes held back', () => {
	/** Bastien saves three changes to a roadmap, each its own change file. */
	async function bastienSavesThree(path: string): Promise<string> {
		const theirs = await RoadmapSession.open({ ...options(path, new Network(), new Environment(), 'writerb2'), writer: { id: 'writerb2', author: 'bastien' } })
		sessions.push(theirs)
		for (const id of ['t00001', 't00002', 't00003']) {
			theirs.apply([{ op: 'set', path: `tasks/${id}/title`, value: 'Par Bastien' }])
			await theirs.flush()
		}
		return onDisk(`${path}/${STATE_FOLDER}/change.writerb2.000001.json`)
	}

	it('says whose changes wait behind a file that does not parse, how many, and why', async () => {
		const path = await newRoadmap()
		const first = await bastienSavesThree(path)
		await writeFile(first, '{"format": "degooglisation-change", "version": 1, "wri')
		const session = await open(path)
		expect(session.state.roadmap.tasks.map((task) => task.title)).not.toContain('Par Bastien')
		expect(session.state.waiting).toEqual([{
			writer: 'writerb2',
			author: 'bastien',
			count: 2,
			file: 'change.writerb2.000001.json',
			reason: 'unreadable',
			detail: expect.any(String),
		}])
		expect(session.state.problems.map((problem) => problem.file)).toEqual(['change.writerb2.000001.json'])
	})

	it('tells a file of a newer format version apart', async () => {
		const path = await newRoadmap()
		const first = await bastienSavesThree(path)
		const newer = JSON.parse(await readFile(first, 'utf8'))
		await writeFile(first, JSON.stringify({ ...newer, version: 2 }))
		const session = await open(path)
		expect(session.state.waiting).toEqual([expect.objectContaining({ author: 'bastien', count: 2, reason: 'newer-version', detail: expect.stringContaining('version 2 is newer') })])
	})

	it('learns while open that changes wait for a file not visible yet, and applies them once it shows', async () => {
		const path = await newRoadmap()
		const session = await open(path)
		const first = await bastienSavesThree(path)
		const kept = await readFile(first)
		await rm(first)
		const states: number[] = []
		session.subscribe((state) => states.push(state.waiting.length))
		await session.refresh()
		expect(session.state.waiting).toEqual([{ writer: 'writerb2', author: 'bastien', count: 2, file: 'change.writerb2.000001.json', reason: 'not-visible', detail: null }])
		expect(session.state.roadmap.tasks.map((task) => task.title)).not.toContain('Par Bastien')
		await writeFile(first, kept)
		await session.refresh()
		expect(session.state.waiting).toEqual([])
		expect(session.state.roadmap.tasks.slice(1, 4).map((task) => task.title)).toEqual(['Par Bastien', 'Par Bastien', 'Par Bastien'])
		// Nothing held back any more: later looks keep the same list, so that a view mirroring it does not redraw.
		const none = session.state.waiting
		await session.refresh()
		expect(session.state.waiting).toBe(none)
		expect(states).toEqual([1, 0, 0])
	})
})
