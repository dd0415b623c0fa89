/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */

/**
 * Partner communes update the app at different times: the previous release's
 * own code (its src/domain and src/storage, taken from git at the commit
 * PREVIOUS_RELEASE) and this version's edit one roadmap folder in the
 * sandbox at the same time, each compacting with the other's files around,
 * and neither loses anything of the other's.
 */

import type { Roadmap } from '../../src/domain/model.ts'

import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSandbox } from '../../sandbox/server.ts'
import { diffRoadmaps } from '../../src/domain/crdt.ts'
import { snapshotForFormat10 } from '../../src/domain/formatVersions.ts'
import { createStarterRoadmap } from '../../src/domain/starter/createStarterRoadmap.ts'
import { STATE_FOLDER } from '../../src/domain/storageFormat.ts'
import { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import { RoadmapFolder, RoadmapFolderError } from '../../src/storage/roadmapFolder.ts'

/** The last release whose parser refuses unknown fields (format 1.0). */
const PREVIOUS_RELEASE = '96fe555'
const ROOT = join(import.meta.dirname, '..', '..')
const USER = { id: 'alice', displayName: 'Alice', password: 'alice-secret' }
const HOUR = 60 * 60 * 1000

type PreviousFolder = RoadmapFolder
interface PreviousRelease {
	RoadmapFolder: new (options: ConstructorParameters<typeof RoadmapFolder>[0]) => PreviousFolder
	createStarterRoadmap: typeof createStarterRoadmap
	diffRoadmaps: typeof diffRoadmaps
}

let dir: string
let sandbox: Awaited<ReturnType<typeof startSandbox>>
let previous: PreviousRelease

/** The previous release's domain and storage code, extracted from git (CI clones the whole history). */
async function extractPreviousRelease(into: string): Promise<PreviousRelease> {
	const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', PREVIOUS_RELEASE, 'src/domain', 'src/storage'])
	execFileSync('tar', ['-x', '-C', into], { input: archive })
	await symlink(join(ROOT, 'node_modules'), join(into, 'node_modules'))
	const load = (path: string) => import(pathToFileURL(join(into, path)).href)
	const [storage, starter, crdt] = await Promise.all([load('src/storage/roadmapFolder.ts'), load('src/domain/starter/createStarterRoadmap.ts'), load('src/domain/crdt.ts')])
	return { RoadmapFolder: storage.RoadmapFolder, createStarterRoadmap: starter.createStarterRoadmap, diffRoadmaps: crdt.diffRoadmaps }
}

function dav() {
	return createNodeDavClient({ url: sandbox.url, user: USER.id, password: USER.password })
}

/** This version's client; `later` moves its clock, so that it may remove the other writers' folded files. */
function current(path: string, writer: string, later = 0): RoadmapFolder {
	return new RoadmapFolder({ dav: dav(), path, writer: { id: writer, author: 'alice' }, now: () => new Date(Date.now() + later) })
}

function older(path: string, writer: string, later = 0): PreviousFolder {
	return new previous.RoadmapFolder({ dav: dav(), path, writer: { id: writer, author: 'bastien' }, now: () => new Date(Date.now() + later) })
}

/** Saves the difference between the loaded roadmap and its edited copy, as each version's app does. */
async function edit(folder: PreviousFolder, diff: typeof diffRoadmaps, change: (draft: Roadmap) => void): Promise<void> {
	const before = folder.currentRoadmap()
	const draft = structuredClone(before)
	change(draft)
	await folder.save(diff(before, draft))
}

/** What a 1.0 reader can know of a roadmap of this version. */
function asFormat10(roadmap: Roadmap): Roadmap {
	return snapshotForFormat10({ format: 'degooglisation-snapshot', version: 1, writer: 'x0000', seq: 1, at: '', covers: {}, clock: 0, stamps: {}, roadmap }).roadmap
}

/** Folds twice, two hours apart: the second removes every file the first folded, other writers' included. */
async function compactTwice(client: (later: number) => PreviousFolder): Promise<void> {
	for (const later of [2 * HOUR, 4 * HOUR]) {
		const folder = client(later)
		await folder.load()
		await folder.compact()
	}
}

async function stateFiles(path: string): Promise<string[]> {
	return (await dav().list(`${path}/${STATE_FOLDER}`)).map((entry) => entry.name).filter(Boolean).sort()
}

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'degooglisation-previous-'))
	previous = await extractPreviousRelease(dir)
	sandbox = await startSandbox({ port: 0, dataDir: join(dir, 'data'), users: [USER] })
	await dav().createFolder('/Dégooglisation')
}, 60_000)

afterAll(async () => {
	await sandbox?.close()
	await rm(dir, { recursive: true, force: true })
})

describe(`a roadmap shared between this version and the previous release (${PREVIOUS_RELEASE})`, { timeout: 60_000 }, () => {
	it('is edited by both at the same time, compacted by both, and neither loses anything', async () => {
		const path = '/Dégooglisation/Partagée'
		// This version creates it with departments, and edits departments, phases and an indicator.
		const mine = current(path, 'newwriter1')
		await mine.create(createStarterRoadmap({ lang: 'fr', commune: 'Saint-Exemple', startDate: '2027-01-04' }))
		await edit(mine, diffRoadmaps, (draft) => {
			draft.tasks.find((t) => t.id === 'solutions-mail')!.departments = ['etat-civil', 'urbanisme']
			draft.phases.find((p) => p.id === 'structuring')!.title = 'Structurer le projet'
			draft.phases.find((p) => p.id === 'solutions')!.end = '2029-12-31'
			Object.assign(draft.indicators[0], { baseline: 3, targetDate: '2030-06-30' })
			draft.departments.push({ id: 'cimetiere', label: 'Cimetière' })
		})
		expect((await stateFiles(path)).filter((name) => name.includes('.complete.'))).toHaveLength(2)

		// The previous release reads it: no file refused, nothing waiting, everything it knows of.
		const theirs = older(path, 'oldwriter1')
		const first = await theirs.load()
		expect(first.problems).toEqual([])
		expect(first.waiting).toBe(0)
		expect(first.roadmap).toEqual(asFormat10(mine.currentRoadmap()))

		// Both edit without seeing each other: different tasks, phases and fields.
		await edit(theirs, previous.diffRoadmaps, (draft) => {
			draft.tasks.find((t) => t.id === 'solutions-mail')!.status = 'in_progress'
			draft.phases.find((p) => p.id === 'transformation')!.title = 'Transformer'
			draft.tasks = draft.tasks.filter((t) => t.id !== 'structuring-council-mandate')
			draft.indicators[0].measurements.push({ id: 'm-old', date: '2027-03-01', value: 10, note: 'relevé' })
		})
		await edit(mine, diffRoadmaps, (draft) => {
			draft.tasks.find((t) => t.id === 'solutions-office-suite')!.departments = ['ecoles']
			draft.tasks.find((t) => t.id === 'solutions-office-suite')!.status = 'blocked'
			draft.phases.find((p) => p.id === 'communication')!.start = '2028-02-01'
			draft.indicators[0].baseline = 4
		})

		// The previous release folds everything into a 1.0 snapshot and, once that snapshot is old enough, removes this version's folded files.
		await compactTwice((later) => older(path, 'oldwriter1', later))
		expect((await stateFiles(path)).filter((name) => !name.includes('.complete.') && name.includes('newwriter1'))).toEqual([])

		// This version, loading afresh, has both sides' edits and its own departments and indicator fields.
		const reader = current(path, 'newreader1')
		const merged = await reader.load()
		expect(merged.problems).toEqual([])
		expect(merged.waiting).toBe(0)
		const roadmap = merged.roadmap
		const task = (id: string) => roadmap.tasks.find((t) => t.id === id)
		expect(task('solutions-mail')).toMatchObject({ status: 'in_progress', departments: ['etat-civil', 'urbanisme'] })
		expect(task('solutions-office-suite')).toMatchObject({ status: 'blocked', departments: ['ecoles'] })
		expect(task('structuring-council-mandate')).toBeUndefined()
		expect(roadmap.phases.map((p) => [p.id, p.title, p.start, p.end])).toEqual(expect.arrayContaining([
			['structuring', 'Structurer le projet', '2027-01-04', expect.any(String)],
			['transformation', 'Transformer', expect.any(String), expect.any(String)],
			['communication', expect.any(String), '2028-02-01', expect.any(String)],
			['solutions', expect.any(String), expect.any(String), '2029-12-31'],
		]))
		expect(roadmap.indicators[0]).toMatchObject({ baseline: 4, targetDate: '2030-06-30', measurements: [expect.objectContaining({ id: 'm-old', value: 10 })] })
		expect(roadmap.departments.map((d) => d.id)).toContain('cimetiere')

		// The previous release, loading again, has the same state as far as it knows.
		const theirsAgain = await older(path, 'oldreader1').load()
		expect(theirsAgain.problems).toEqual([])
		expect(theirsAgain.roadmap).toEqual(asFormat10(roadmap))

		// This version compacts in turn (removing the previous release's folded files too); both still read the same state.
		await compactTwice((later) => current(path, 'newwriter2', later))
		expect((await stateFiles(path)).filter((name) => name.startsWith('change.'))).toEqual([])
		expect((await current(path, 'newreader2').load()).roadmap).toEqual(roadmap)
		const last = await older(path, 'oldreader2').load()
		expect(last.problems).toEqual([])
		expect(last.roadmap).toEqual(asFormat10(roadmap))
	})

	it('is read by this version when the previous release created and edited it', async () => {
		const path = '/Dégooglisation/Ancienne'
		const theirs = older(path, 'oldwriter3')
		await theirs.create(previous.createStarterRoadmap({ lang: 'fr', commune: 'Val-Voisin', startDate: '2026-09-01' }))
		await edit(theirs, previous.diffRoadmaps, (draft) => {
			draft.tasks[0].status = 'done'
		})
		const loaded = await current(path, 'newreader3').load()
		expect(loaded.problems).toEqual([])
		expect(asFormat10(loaded.roadmap)).toEqual(theirs.currentRoadmap())
		expect(loaded.roadmap.departments).toEqual([])
		expect(loaded.roadmap.tasks.every((t) => t.departments.length === 0)).toBe(true)
	})
})

describe('a roadmap written by a newer major version of the format', { timeout: 60_000 }, () => {
	it('is refused with the kind the app translates into "update the app", and left untouched', async () => {
		const path = '/Dégooglisation/Future'
		await current(path, 'newwriter4').create(createStarterRoadmap({ lang: 'fr', commune: 'Futur', startDate: '2027-01-04' }))
		const files = await stateFiles(path)
		for (const name of files) {
			const file = `${path}/${STATE_FOLDER}/${name}`
			const body = JSON.parse(new TextDecoder().decode((await dav().get(file)).body))
			await dav().put(file, JSON.stringify({ ...body, version: 2 }))
		}
		const error = await current(path, 'newreader4').load().catch((e: unknown) => e)
		expect(error).toBeInstanceOf(RoadmapFolderError)
		expect(error).toMatchObject({ kind: 'newer-version', message: 'version: version 2 is newer than this version of Dégooglisation understands (1); update the app' })
		expect(await stateFiles(path)).toEqual(files)
	})
})

describe('two clients using one writer id by mistake', { timeout: 60_000 }, () => {
	it('keep both changes, and no complete file stands for the other\'s change', async () => {
		const path = '/Dégooglisation/Même rédacteur'
		await current(path, 'samewriter').create(createStarterRoadmap({ lang: 'fr', commune: 'Doublon', startDate: '2027-01-04' }))
		const [first, second] = [current(path, 'samewriter'), current(path, 'samewriter')]
		await first.load()
		await second.load()
		await edit(first, diffRoadmaps, (draft) => {
			draft.tasks[0].status = 'done'
		})
		await edit(second, diffRoadmaps, (draft) => {
			draft.tasks[1].departments = ['ecoles']
		})
		const files = (await stateFiles(path)).filter((name) => name.startsWith('change.'))
		expect(files).toEqual(['change.samewriter.000001.json', 'change.samewriter.000002.complete.json', 'change.samewriter.000002.json'])
		const { roadmap } = await current(path, 'reader5').load()
		expect(roadmap.tasks[0].status).toBe('done')
		expect(roadmap.tasks[1].departments).toEqual(['ecoles'])
	})
})

describe('catching up', { timeout: 60_000 }, () => {
	it('brings a complete change that a previous release folded before this client read it', async () => {
		const path = '/Dégooglisation/Rattrapage'
		const mine = current(path, 'newwriter6')
		await mine.create(createStarterRoadmap({ lang: 'fr', commune: 'Rattrapage', startDate: '2027-01-04' }))
		const reader = current(path, 'newreader6')
		await reader.load()
		await edit(mine, diffRoadmaps, (draft) => {
			draft.tasks.find((t) => t.id === 'solutions-mail')!.departments = ['ccas']
		})
		await compactTwice((later) => older(path, 'oldwriter6', later))
		const caughtUp = await reader.catchUp()
		expect(caughtUp.problems).toEqual([])
		expect(reader.currentRoadmap().tasks.find((t) => t.id === 'solutions-mail')!.departments).toEqual(['ccas'])
	})
})
