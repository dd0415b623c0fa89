/*
 * SPDX-FileCopyrightText: 2026 Dégooglisation contributors
 * SPDX-License-Identifier: AGPL-3.0-or-later
 */
/**
 * Finding the roadmaps in a user's own files: the folders below a root folder
 * (by default `/Dégooglisation`) that hold a roadmap. Roadmaps shared by others
 * are found through Nextcloud's share APIs instead of a scan of the whole tree.
 */

import type { DavClient, DavEntry } from './dav.ts'
import type { OcsClient } from './ocs.ts'

import { ROADMAP_FILE, STATE_FOLDER } from '../domain/storageFormat.ts'
import { DavError } from './dav.ts'
import { sharedFolders } from './sharedRoadmaps.ts'

export const DEFAULT_ROADMAPS_FOLDER = '/Dégooglisation'

export interface RoadmapLocation {
	path: string
	name: string
	fileId: number | null
	permissions: string
	ownerId: string
	ownerDisplayName: string
	lastModified: string
}

function holdsRoadmap(entries: DavEntry[]): boolean {
	return entries.some((e) => (e.name === STATE_FOLDER && e.isFolder) || e.name === ROADMAP_FILE)
}

/** Whether the folder at `path` holds a roadmap (false when there is no such folder): one listing. */
export async function isRoadmapFolder(dav: DavClient, path: string): Promise<boolean> {
	try {
		return holdsRoadmap(await dav.list(path))
	} catch (error) {
		if (error instanceof DavError && error.status === 404) {
			return false
		}
		throw error
	}
}

/** One listing of the root, then one per sub-folder (in parallel). */
export async function findRoadmaps(dav: DavClient, root: string = DEFAULT_ROADMAPS_FOLDER): Promise<RoadmapLocation[]> {
	let entries: DavEntry[]
	try {
		entries = await dav.list(root)
	} catch (error) {
		if (error instanceof DavError && error.status === 404) {
			return []
		}
		throw error
	}
	const base = root.replace(/\/+$/, '')
	const candidates = entries.filter((e) => e.isFolder && e.name !== '' && e.name !== STATE_FOLDER)
	const found = await Promise.all(candidates.map(async (folder) => {
		const path = `${base}/${folder.name}`
		const children = await dav.list(path)
		return holdsRoadmap(children) ? { path, name: folder.name, fileId: folder.fileId, permissions: folder.permissions, ownerId: folder.ownerId, ownerDisplayName: folder.ownerDisplayName, lastModified: folder.lastModified } : null
	}))
	const self = entries.find((e) => e.name === '')
	const rootItself = holdsRoadmap(entries) && self ? [{ path: base, name: base.split('/').pop() ?? base, fileId: self.fileId, permissions: self.permissions, ownerId: self.ownerId, ownerDisplayName: self.ownerDisplayName, lastModified: self.lastModified }] : []
	return [...rootItself, ...found.filter((f): f is RoadmapLocation => f !== null)].sort((a, b) => a.name.localeCompare(b.name))
}

export interface DiscoveredRoadmap extends RoadmapLocation {
	origin: 'own' | 'shared' | 'federated'
}

/**
 * The user's own roadmaps and those shared with them (by colleagues or, federated, by partner communes).
 * A shared folder that cannot be listed is left out and told to `onUnreadable` (the browser logs it).
 */
export async function discoverRoadmaps(dav: DavClient, ocs: OcsClient, onUnreadable: (path: string, error: unknown) => void = () => {}): Promise<DiscoveredRoadmap[]> {
	const [own, shared] = await Promise.all([findRoadmaps(dav), sharedFolders(ocs)])
	const found: DiscoveredRoadmap[] = own.map((r) => ({ ...r, origin: 'own' as const }))
	const seen = new Set(found.map((r) => r.path))
	const sharedFound = await Promise.all(shared.map(async (folder) => {
		try {
			return (await findRoadmaps(dav, folder.path)).map((r) => ({ ...r, origin: folder.federated ? 'federated' as const : 'shared' as const }))
		} catch (error) {
			// A partner's server that does not answer hides its roadmaps, not the others.
			onUnreadable(folder.path, error)
			return []
		}
	}))
	for (const roadmap of sharedFound.flat()) {
		if (!seen.has(roadmap.path)) {
			seen.add(roadmap.path)
			found.push(roadmap)
		}
	}
	return found
}
