/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * The previous release's own storage code (format 1.0), taken from git at
 * PREVIOUS_RELEASE as tests/unit/formatVersions.test.ts does: a partner
 * commune that has not updated yet, editing through it.
 */

import type { diffRoadmaps } from '../../src/domain/crdt.ts'
import type { Roadmap } from '../../src/domain/model.ts'
import type { createNodeDavClient } from '../../src/storage/nodeClient.ts'
import type { RoadmapFolder } from '../../src/storage/roadmapFolder.ts'

import { execFileSync } from 'node:child_process'
import { mkdtemp, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const PREVIOUS_RELEASE = '96fe555'
const ROOT = join(import.meta.dirname, '..', '..')

export interface PreviousRelease {
	RoadmapFolder: new (options: ConstructorParameters<typeof RoadmapFolder>[0]) => RoadmapFolder
	createNodeDavClient: typeof createNodeDavClient
	diffRoadmaps: typeof diffRoadmaps
	dispose(): Promise<void>
}

export async function previousRelease(): Promise<PreviousRelease> {
	const into = await mkdtemp(join(tmpdir(), 'degooglisation-previous-'))
	const archive = execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', PREVIOUS_RELEASE, 'src/domain', 'src/storage'])
	execFileSync('tar', ['-x', '-C', into], { input: archive })
	await symlink(join(ROOT, 'node_modules'), join(into, 'node_modules'))
	const load = (path: string) => import(pathToFileURL(join(into, path)).href)
	const [storage, node, crdt] = await Promise.all([load('src/storage/roadmapFolder.ts'), load('src/storage/nodeClient.ts'), load('src/domain/crdt.ts')])
	return {
		RoadmapFolder: storage.RoadmapFolder,
		createNodeDavClient: node.createNodeDavClient,
		diffRoadmaps: crdt.diffRoadmaps,
		dispose: () => rm(into, { recursive: true, force: true }),
	}
}

/** Saves the difference between the loaded roadmap and its edited copy, as the previous release's app does. */
export async function editAsPreviousRelease(release: PreviousRelease, folder: RoadmapFolder, change: (draft: Roadmap) => void): Promise<void> {
	const before = folder.currentRoadmap()
	const draft = structuredClone(before)
	change(draft)
	await folder.save(release.diffRoadmaps(before, draft))
}
