/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/** The storage core against the sandbox, with Nextcloud's hazards turned on where it matters. */

import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/server.ts'
import { serializeRoadmap } from '../domain/format.ts'
import { buildHistory, roadmapAt } from '../domain/history.ts'
import { MAX_TEXT } from '../domain/schema.ts'
import { ROADMAP_FILE, STATE_FOLDER } from '../domain/storageFormat.ts'
import { sampleRoadmap } from '../domain/testing/sampleRoadmap.ts'
import { createNodeDavClient } from './nodeClient.ts'
import { findRoadmaps, isRoadmapFolder } from './roadmapDiscovery.ts'
import { RoadmapFolder, RoadmapFolderError } from './roadmapFolder.ts'
import { MAX_READ_BYTES } from './stateFiles.ts'
import { describeWaiting } from './waitingChanges.ts'

type Sandbox = Awaited<ReturnType<typeof startSandbox>>
let sandbox: Sandbox
let dataDir: string
let counter = 0
const calm = { preconditionGapMs: 5, tornReadRate: 0, lockedRate: 0, serverErrorRate: 0, unavailableRate: 0 }

beforeAll(async () => {
	dataDir = await mkdtemp(join(tmpdir(), 'degooglisation-storage-'))
	sandbox = await startSandbox({ port: 0, dataDir, users: [{ id: 'alice', displayName: 'Alice', password: 'alice' }] })
})
afterAll(async () => {
	await sandbox.close()
	await rm(dataDir, { recursive: true, force: true, maxRetries: 5 })
})
beforeEach(() => {
	Object.assign(sandbox.hazards, calm)
})

const dav = () => createNodeDavClient({ url: sandbox.url, user: 'alice', password: 'alice' })
const fastRetry = { attempts: 8, baseDelayMs: 1, maxDelayMs: 5 }

function folder(path: string, writer: string): RoadmapFolder {
	return new RoadmapFolder({ dav: dav(), path, writer: { id: writer, author: 'alice' }, retry: fastRetry })
}

async function newRoadmapPath(): Promise<string> {
	await dav().createFolder('/Dégooglisation')
	return `/Dégooglisation/Feuille ${++counter}`
}

/** Where the sandbox keeps alice's copy of a path. */
function onDisk(path: string): string {
	return join(dataDir, 'alice', 'files', ...path.split('/').filter(Boolean))
}

/** A new roadmap of 5 tasks and two writers that loaded it. */
async function twoWritersOnNewRoadmap() {
	const path = await newRoadmapPath()
	await folder(path, 'writera1').create(sampleRoadmap(5))
	const a = folder(path, 'writera1')
	const b = folder(path, 'writerb2')
	await a.load()
	await b.load()
	return { path, a, b }
}

describe('RoadmapFolder', () => {
	it('creates a roadmap as a snapshot plus the readable file, and loads it in a few requests', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(50))
		expect((await readdir(onDisk(`${path}/${STATE_FOLDER}`))).sort()).toEqual(['snapshot.writera1.000001.json'])
		expect(await readFile(onDisk(`${path}/${ROADMAP_FILE}`), 'utf8')).toBe(serializeRoadmap(sampleRoadmap(50)))
		const loaded = await folder(path, 'writerb2').load()
		expect(loaded.roadmap.tasks).toHaveLength(50)
		expect(loaded.requests).toBe(3)
		expect(loaded.access).toEqual({ canRead: true, canWrite: true, canDelete: true })
	})

	it('refuses to create over an existing roadmap', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(2))
		await expect(folder(path, 'writerb2').create(sampleRoadmap(3))).rejects.toThrow(RoadmapFolderError)
	})

	it('saves each edit as one new file, and two writers from the same state keep both edits', async () => {
		const { path, a, b } = await twoWritersOnNewRoadmap()
		const saved = await a.save([{ op: 'set', path: 'tasks/t00001/status', value: 'done' }])
		expect(saved.requests).toBe(1)
		await b.save([{ op: 'set', path: 'tasks/t00002/title', value: 'Renommée' }])
		const final = (await folder(path, 'readerc3').load()).roadmap
		expect(final.tasks[1].status).toBe('done')
		expect(final.tasks[2].title).toBe('Renommée')
		expect((await readdir(onDisk(`${path}/${STATE_FOLDER}`))).sort()).toEqual([
			'change.writera1.000001.json',
			'change.writerb2.000001.json',
			'snapshot.writera1.000001.json',
		])
	})

	it('reports a same-field conflict to the writer who loads it, resolved the same way for everyone', async () => {
		const { a, b } = await twoWritersOnNewRoadmap()
		await a.save([{ op: 'set', path: 'tasks/t00003/status', value: 'blocked' }])
		await b.save([{ op: 'set', path: 'tasks/t00003/status', value: 'done' }])
		const seenByA = await a.load()
		const seenByB = await b.load()
		expect(seenByA.roadmap.tasks[3].status).toBe('done') // same clock: the larger writer id wins
		expect(seenByB.roadmap.tasks[3].status).toBe('done')
		expect(seenByA.conflicts).toEqual([expect.objectContaining({ path: 'tasks/t00003/status', kept: expect.objectContaining({ value: 'done' }), discarded: expect.objectContaining({ value: 'blocked' }) })])
	})

	it('folds change files into a snapshot, then removes only what it covers', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(5))
		const a = new RoadmapFolder({ dav: dav(), path, writer: { id: 'writera1', author: 'alice' }, retry: fastRetry, compactAfter: 4 })
		await a.load()
		for (let i = 0; i < 12; i++) {
			await a.save([{ op: 'set', path: 'tasks/t00000/title', value: `v${i}` }])
		}
		const files = await readdir(onDisk(`${path}/${STATE_FOLDER}`))
		expect(files.filter((f) => f.startsWith('change.')).length).toBeLessThan(8)
		expect(files.filter((f) => f.startsWith('snapshot.')).length).toBe(1)
		const loaded = await folder(path, 'readerc3').load()
		expect(loaded.roadmap.tasks[0].title).toBe('v11')
		expect(JSON.parse(await readFile(onDisk(`${path}/${ROADMAP_FILE}`), 'utf8')).tasks[0].title).toMatch(/^v\d+$/)
	})

	it('reads the history: the snapshot and every change since, with its author, in one listing after a load', async () => {
		const { a, b } = await twoWritersOnNewRoadmap()
		await a.save([{ op: 'set', path: 'tasks/t00001/status', value: 'done' }])
		await b.save([{ op: 'set', path: 'tasks/t00002/title', value: 'Renommée' }])
		await a.load()
		const before = a.requestCount
		const files = await a.readHistory()
		expect(files.snapshots.map((s) => s.covers)).toEqual([{}])
		expect(files.changes.map((c) => [c.writer, c.seq, c.author]).sort()).toEqual([['writera1', 1, 'alice'], ['writerb2', 1, 'alice']])
		expect(files.problems).toEqual([])
		expect(a.requestCount - before).toBe(1)
		const history = buildHistory(files.snapshots, files.changes)
		expect(roadmapAt(history, history.changes.length)).toEqual((await a.load()).roadmap)
	})

	it('reports a corrupt change file without touching it, and holds back that writer\'s later changes', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(5))
		const a = folder(path, 'writera1')
		await a.load()
		await a.save([{ op: 'set', path: 'tasks/t00000/title', value: 'one' }])
		await a.save([{ op: 'set', path: 'tasks/t00000/title', value: 'two' }])
		const broken = onDisk(`${path}/${STATE_FOLDER}/change.writera1.000001.json`)
		await writeFile(broken, '{"format": "degooglisation-change", "version": 1, "writer"')
		const loaded = await folder(path, 'readerc3').load()
		expect(loaded.problems).toEqual([{ file: 'change.writera1.000001.json', message: expect.stringMatching(/^not valid JSON/), kind: 'invalid' }])
		expect(loaded.waiting).toBe(1)
		expect(loaded.roadmap.tasks[0].title).toBe('Tâche 0')
		expect(await readFile(broken, 'utf8')).toBe('{"format": "degooglisation-change", "version": 1, "writer"')
	})

	it('reads again when a read is torn, and retries writes answered 423, 500 or 503', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(20))
		Object.assign(sandbox.hazards, { tornReadRate: 0.3, lockedRate: 0.2, serverErrorRate: 0.1, unavailableRate: 0.1, seed: 7 })
		const a = folder(path, 'writera1')
		await a.load()
		for (let i = 0; i < 10; i++) {
			await a.save([{ op: 'set', path: `tasks/t0000${i}/status`, value: 'done' }])
		}
		Object.assign(sandbox.hazards, calm)
		const loaded = await folder(path, 'readerc3').load()
		expect(loaded.problems).toEqual([])
		expect(loaded.roadmap.tasks.slice(0, 10).every((t) => t.status === 'done')).toBe(true)
	})

	it('refuses to save an operation readers would refuse, writing nothing', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(2))
		const a = folder(path, 'writera1')
		await a.load()
		await expect(a.save([{ op: 'set', path: 'tasks/t00000/title', value: 'x'.repeat(1001) }])).rejects.toThrow('ops[0] tasks/t00000/title: value: longer than 1000 characters')
		await expect(a.save([{ op: 'set', path: 'tasks/t00000/Owner', value: 'x' }])).rejects.toThrow('unknown field "Owner"')
		expect(await readdir(onDisk(`${path}/${STATE_FOLDER}`))).toEqual(['snapshot.writera1.000001.json'])
	})

	it('opens a folder with only a readable file (made by hand) read-only', async () => {
		const path = await newRoadmapPath()
		await dav().createFolder(path)
		await dav().put(`${path}/${ROADMAP_FILE}`, serializeRoadmap(sampleRoadmap(3)))
		const reader = folder(path, 'writera1')
		const loaded = await reader.load()
		expect(loaded.roadmap.tasks).toHaveLength(3)
		expect(loaded.access.canWrite).toBe(false)
		expect(await reader.readHistory()).toEqual({ snapshots: [], changes: [], problems: [] })
	})

	it('says clearly when a folder holds no roadmap', async () => {
		const path = await newRoadmapPath()
		await dav().createFolder(path)
		await expect(folder(path, 'writera1').load()).rejects.toThrow(`${path} does not hold a Dégooglisation roadmap`)
	})

	it('finds the roadmaps under the Dégooglisation folder', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(1))
		await dav().createFolder('/Dégooglisation/Autre dossier')
		const found = await findRoadmaps(dav())
		expect(found.map((f) => f.path)).toContain(path)
		expect(found.map((f) => f.path)).not.toContain('/Dégooglisation/Autre dossier')
	})

	it('tells a roadmap folder from another folder or a missing one', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(1))
		await dav().createFolder('/Dégooglisation/Rien')
		expect(await isRoadmapFolder(dav(), path)).toBe(true)
		expect(await isRoadmapFolder(dav(), '/Dégooglisation/Rien')).toBe(false)
		expect(await isRoadmapFolder(dav(), '/Dégooglisation/Absent')).toBe(false)
	})
})

describe('files over the size limit', () => {
	const oversized = () => ' '.repeat(MAX_READ_BYTES + 1)

	it('does not download a change file over the limit: it is reported, its writer\'s later changes wait, the rest loads', async () => {
		const { path, a, b } = await twoWritersOnNewRoadmap()
		await b.save([{ op: 'set', path: 'title', value: 'Titre de B' }])
		await b.save([{ op: 'set', path: 'commune', value: 'Commune de B' }])
		await a.save([{ op: 'set', path: 'description', value: 'Écrit par A' }])
		await writeFile(onDisk(`${path}/${STATE_FOLDER}/change.writerb2.000001.json`), oversized())
		const reader = folder(path, 'writerc3')
		const loaded = await reader.load()
		expect(describeWaiting(reader.heldBack, reader.currentState.covers, loaded.problems)).toMatchObject([{ writer: 'writerb2', count: 1, file: 'change.writerb2.000001.json', reason: 'too-large' }])
		expect(loaded.problems).toEqual([{ file: 'change.writerb2.000001.json', kind: 'too-large', message: expect.stringMatching(/limit is 5\.0 MB\): not downloaded$/) }])
		expect(loaded.waiting).toBe(1)
		expect(loaded.roadmap.description).toBe('Écrit par A')
		expect(loaded.roadmap.commune).toBe('Mairie A')
		// 2 listings, the snapshot, A's change and B's second one: not the oversized file.
		expect(loaded.requests).toBe(5)
	})

	it('shows the readable file, read-only, when every snapshot is over the limit; refuses when that file is too', async () => {
		const path = await newRoadmapPath()
		await folder(path, 'writera1').create(sampleRoadmap(5))
		await writeFile(onDisk(`${path}/${STATE_FOLDER}/snapshot.writera1.000001.json`), oversized())
		const loaded = await folder(path, 'writerb2').load()
		expect(loaded.roadmap.tasks).toHaveLength(5)
		expect(loaded.access.canWrite).toBe(false)
		expect(loaded.problems.map((p) => [p.file, p.kind])).toEqual([['snapshot.writera1.000001.json', 'too-large']])
		await writeFile(onDisk(`${path}/${ROADMAP_FILE}`), oversized())
		await expect(folder(path, 'writerb2').load()).rejects.toMatchObject({ kind: 'too-large' })
	})

	it('creates a roadmap whose snapshot is exactly at the limit, and refuses one byte more before writing anything', async () => {
		// Tasks of long descriptions, about the limit; then the roadmap's own texts bring its snapshot to the byte.
		const tasks = Math.floor(MAX_READ_BYTES / MAX_TEXT)
		const roadmapOf = (padding: number) => {
			const roadmap = sampleRoadmap(tasks)
			roadmap.tasks.forEach((task) => {
				task.description = 'x'.repeat(MAX_TEXT - 1000)
			})
			roadmap.description = 'x'.repeat(Math.min(padding, MAX_TEXT))
			roadmap.phases[0].description = 'x'.repeat(padding - roadmap.description.length)
			return roadmap
		}
		const largestSnapshotFile = async (path: string) => {
			const names = await readdir(onDisk(`${path}/${STATE_FOLDER}`))
			const sizes = await Promise.all(names.map(async (name) => (await readFile(onDisk(`${path}/${STATE_FOLDER}/${name}`))).byteLength))
			return Math.max(...sizes)
		}
		const probe = await newRoadmapPath()
		await folder(probe, 'writera1').create(roadmapOf(0))
		const padding = MAX_READ_BYTES - await largestSnapshotFile(probe)
		expect(padding).toBeGreaterThan(0)
		expect(padding).toBeLessThan(2 * MAX_TEXT)

		const atLimit = await newRoadmapPath()
		await folder(atLimit, 'writera1').create(roadmapOf(padding))
		expect(await largestSnapshotFile(atLimit)).toBe(MAX_READ_BYTES)
		const reopened = await folder(atLimit, 'writerb2').load()
		expect(reopened.problems).toEqual([])
		expect(reopened.access.canWrite).toBe(true)
		expect(reopened.roadmap.tasks).toHaveLength(tasks)

		const over = await newRoadmapPath()
		const refused = await folder(over, 'writera1').create(roadmapOf(padding + 1)).catch((error: unknown) => error)
		expect(refused).toBeInstanceOf(RoadmapFolderError)
		expect(refused).toMatchObject({ kind: 'too-large', problems: [{ file: expect.stringMatching(/^snapshot\.writera1\.000001\./), kind: 'too-large' }] })
		await expect(readdir(onDisk(over))).rejects.toMatchObject({ code: 'ENOENT' })
	})
})
